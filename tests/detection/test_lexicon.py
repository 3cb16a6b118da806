"""Lexicon files: schema validation with file/line/path errors, normalised terms."""

import shutil
from pathlib import Path

import pytest

from backoffice.detection.lexicon import CATEGORIES, DEFAULT_DIR, load_lexicon
from backoffice.detection.yamlcheck import SchemaError


def test_shipped_lexicons_cover_every_category():
    lex = load_lexicon()
    assert lex.categories() == set(CATEGORIES)
    assert all(t.pattern == t.pattern.lower() for t in lex.terms)


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "lex"
    shutil.copytree(DEFAULT_DIR, d)
    return d


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("category: nope\nterms: [a]\n", 1, "$.category: 'nope' is not one of"),
        ("category: abuse\nterms:\n  - term: x\n    confidence: 2\n", 4, "$.terms[0].confidence: 2.0 is outside"),
        ("category: abuse\nterms:\n  - {term: x, colour: red}\n", 3, "$.terms[0].colour: unknown key"),
        ("category: abuse\n", 1, "missing required key 'terms'"),
        ("category: abuse\nterms: [a\n", 0, "invalid YAML"),
    ],
)
def test_schema_errors_name_file_line_and_path(tmp_path, body, line, fragment):
    d = _copy(tmp_path)
    (d / "abuse.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(SchemaError) as err:
        load_lexicon(d)
    msg = str(err.value)
    assert "abuse.yaml" in msg
    assert fragment in msg
    if line:
        assert f"abuse.yaml:{line}:" in msg


def test_traditional_lexicon_entries_are_normalised(tmp_path):
    d = _copy(tmp_path)
    (d / "prohibited_content.yaml").write_text(
        "category: prohibited_content\nterms:\n  - term: 說謊話\n", encoding="utf-8"
    )
    lex = load_lexicon(d)
    assert any(t.pattern == "说谎话" for t in lex.terms)
