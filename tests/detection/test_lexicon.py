"""Lexicon files: validation with file:line errors and data paths, normalised terms."""

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.detection.lexicon import CATEGORIES, DEFAULT_DIR, Term, load_lexicon
from backoffice.detection.matchers import TermHit, _covers, _drop_contained, _not_covered
from backoffice.detection.scanner import _Cover
from backoffice.rulefiles import RuleFileError


def test_shipped_lexicons_cover_every_category():
    lex = load_lexicon()
    assert lex.categories() == set(CATEGORIES)
    assert all(t.pattern == t.pattern.lower() for t in lex.terms)


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "lex"
    shutil.copytree(DEFAULT_DIR, d)
    return d


@pytest.mark.parametrize(
    ("body", "line", "fragment", "end"),
    [
        ("category: nope\nterms: [a]\n", 1, "Input should be 'offsite_contact', ", "(got 'nope') (at category)"),
        ("category: abuse\nterms:\n  - term: x\n    confidence: 2\n", 4,
         "less than or equal to 1", "(got 2) (at terms.0.confidence)"),
        ("category: abuse\nterms:\n  - {term: x, colour: red}\n", 3,
         "Extra inputs are not permitted", "(at terms.0.colour)"),
        ("category: abuse\n", 1, "Field required", "(at terms)"),
        ("category: abuse\nterms: [a\n", 3, "YAML syntax error", "'<stream end>'"),
        ("category: abuse\nterms:\n  - {term: x, group: y}\n", 3,
         "give exactly one of 'term' or 'group'", "(at terms.0)"),
        ("category: abuse\nterms:\n  - group: x\n", 3, "a group needs variants", "(at terms.0.group)"),
        ("category: abuse\nterms:\n  - term: x\n    requires_context: true\n", 4,
         "requires_context but the file has no context_words", "(at terms.0.requires_context)"),
        ("category: abuse\nterms:\n  - term: '***'\n", 3, "'***' normalises to nothing", "(at terms.0)"),
    ],
)
def test_errors_name_file_line_and_path(tmp_path, body, line, fragment, end):
    d = _copy(tmp_path)
    (d / "abuse.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_lexicon(d)
    msg = str(err.value)
    assert msg.startswith(f"{d / 'abuse.yaml'}:{line}: ")
    assert fragment in msg
    assert msg.endswith(end)


def test_a_category_defined_twice_points_at_the_second_file(tmp_path):
    d = _copy(tmp_path)
    (d / "zz_more_abuse.yaml").write_text("# more\ncategory: abuse\nterms: [x]\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_lexicon(d)
    assert str(err.value) == (
        f"{d / 'zz_more_abuse.yaml'}:2: category 'abuse' already defined in another file (at category)"
    )


def test_traditional_lexicon_entries_are_normalised(tmp_path):
    d = _copy(tmp_path)
    (d / "prohibited_content.yaml").write_text(
        "category: prohibited_content\nterms:\n  - term: 說謊話\n", encoding="utf-8"
    )
    lex = load_lexicon(d)
    assert any(t.pattern == "说谎话" for t in lex.terms)


_span = st.tuples(st.sampled_from(["offsite_contact", "abuse"]), st.integers(0, 12), st.integers(1, 6),
                  st.sampled_from([0.5, 0.7, 0.9]))


@given(st.lists(_span, max_size=40))
def test_the_sweep_drops_the_hits_the_pairwise_rule_drops(spans):
    hits = [TermHit(Term(cat, f"t{i}", f"t{i}", conf), start, start + length)
            for i, (cat, start, length, conf) in enumerate(spans)]
    assert _not_covered(hits) == [h for h in hits if not any(_covers(o, h) for o in hits)]
    kept = _drop_contained(hits)  # identical spans with identical confidence: the first stays
    assert len({(h.term.category, h.start, h.end) for h in kept}) == len(kept)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=12),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=12))
def test_a_cover_of_spans_answers_like_the_spans(added, asked):
    cover = _Cover()
    spans = []
    for start, length in added:
        cover.add(start, start + length)
        if length:
            spans.append((start, start + length))
        for a, n in asked:
            assert cover.overlaps(a, a + n) == any(s < a + n and a < e for s, e in spans)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=20))
def test_a_cover_built_at_once_equals_one_built_span_by_span(added):
    """The constructor merges in one sorted sweep; ``add`` merges one span at a time."""
    spans = [(start, start + length) for start, length in added]
    step = _Cover()
    for a, b in spans:
        step.add(a, b)
    at_once = _Cover(spans)
    assert (at_once.starts, at_once.ends) == (step.starts, step.ends)
