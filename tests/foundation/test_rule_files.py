"""One loader for rules/: every kind of rule file fails the same way, with file:line and the data path.

Each case breaks a copy of a shipped file (wrong type, unknown key, missing key, bad YAML) and expects a
RuleFileError naming that file, the line and the place; ``flask rules check`` reports the same.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from backoffice import create_app
from backoffice.config import PROJECT_ROOT
from backoffice.detection import context_rules
from backoffice.detection.conduct import read_words
from backoffice.detection.contacts import ContactDetector
from backoffice.detection.lexicon import load_lexicon
from backoffice.policy import load_rulebook
from backoffice.policy.exams import load_bank
from backoffice.rulefiles import RuleFileError

SHIPPED = PROJECT_ROOT / "rules"

#: file kind -> (file under rules/, how its users load it from a rules directory)
KINDS: dict[str, tuple[str, Callable[[Path], object]]] = {
    "pack": ("packs/zbj.yaml", load_rulebook),
    "lexicon": ("lexicons/abuse.yaml", lambda d: load_lexicon(d / "lexicons")),
    "contacts": ("lexicons/contacts.yaml", lambda d: ContactDetector(d / "lexicons")),
    "context": ("lexicons/context.yaml", lambda d: context_rules.load_rules(d / "lexicons" / "context.yaml")),
    "conduct": ("lexicons/conduct.yaml", lambda d: read_words(d / "lexicons" / "conduct.yaml")),
    "exam bank": ("exams/taobao.yaml", lambda d: load_bank(d / "exams" / "taobao.yaml")),
}

# (kind, text replaced once, replacement, text that starts the reported line, message part, data path)
CASES = [
    ("pack", "    self_check: false", "    self_check: maybe", "    self_check: maybe",
     "valid boolean", "rules.0.self_check"),
    ("pack", "version: zbj-2024.2", "version: zbj-2024.2\nvresion: typo", "vresion:",
     "Extra inputs are not permitted", "vresion"),
    ("pack", "version: zbj-2024.2\n", "", "platform: zbj", "Field required", "version"),
    ("pack", "version: zbj-2024.2", "version: zbj-2024.2: x", "version:", "YAML syntax error", ""),
    ("lexicon", "default_confidence: 0.85", "default_confidence: high", "default_confidence:",
     "valid number", "default_confidence"),
    ("lexicon", "description: Insults", "descripton: Insults", "descripton:",
     "Extra inputs are not permitted", "descripton"),
    ("lexicon", "category: abuse\n", "", "description:", "Field required", "category"),
    ("lexicon", "category: abuse", "category: abuse: x", "category:", "YAML syntax error", ""),
    ("contacts", "  max_messages: 4", "  max_messages: four", "  max_messages:",
     "valid integer", "split_phone.max_messages"),
    ("contacts", "  max_messages: 4", "  max_messages: 4\n  max_mesages: 5", "  max_mesages:",
     "Extra inputs are not permitted", "split_phone.max_mesages"),
    ("contacts", "  min_syllables: 3\n", "", "views:", "Field required", "views.min_syllables"),
    ("contacts", "  max_messages: 4", "  max_messages: 4: x", "  max_messages:", "YAML syntax error", ""),
    ("context", "window: 12", "window: twelve", "window:", "valid integer", "window"),
    ("context", "window: 12", "window: 12\nwindw: 3", "windw:", "Extra inputs are not permitted", "windw"),
    ("context", "keep_views: [reversed, components]\n", "", "window:", "Field required", "keep_views"),
    ("context", "window: 12", "window: 12: x", "window:", "YAML syntax error", ""),
    ("conduct", "refusals_whole: [", "refusls: []\nrefusals_whole: [", "refusls:",
     "Extra inputs are not permitted", "refusls"),
    ("conduct", "question_cues: [吗,", "question_cues: [\"  \",", "question_cues:", "empty string",
     "question_cues.0"),
    ("exam bank", "    answer: 0", "    answer: first", "    answer: first",
     "valid integer", "questions.0.answer"),
    ("exam bank", "platform: taobao", "platform: taobao\nplatfrom: x", "platfrom:",
     "Extra inputs are not permitted", "platfrom"),
    ("exam bank", "    answer: 0\n", "", "  - id: tb-q1", "Field required", "questions.0.answer"),
    ("exam bank", "platform: taobao", "platform: taobao: x", "platform:", "YAML syntax error", ""),
]


def _copy_rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(SHIPPED, rules, ignore=shutil.ignore_patterns("models"))
    return rules


def _break(rules: Path, relpath: str, old: str, new: str, needle: str) -> tuple[Path, int]:
    """Replace ``old`` once in ``rules/relpath``; return the file and the line ``needle`` starts on."""
    path = rules / relpath
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    start = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(needle))
    return path, start


def _ids(case: tuple) -> str:
    return f"{case[0]}: {case[5] or 'yaml'} {case[4]}"


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_shipped_files_load(kind):
    _, loader = KINDS[kind]
    loader(SHIPPED)


@pytest.mark.parametrize(("kind", "old", "new", "needle", "message", "where"), CASES, ids=map(_ids, CASES))
def test_a_broken_file_names_file_line_and_place(tmp_path, kind, old, new, needle, message, where):
    rules = _copy_rules(tmp_path)
    relpath, loader = KINDS[kind]
    path, line = _break(rules, relpath, old, new, needle)
    with pytest.raises(RuleFileError) as excinfo:
        loader(rules)
    error = excinfo.value
    assert error.file == str(path)
    first = error.problems[0]
    assert (first.line, first.path) == (line, where)
    assert message in first.message
    assert str(error).splitlines()[0] == f"{path}:{line}: {first.message}" + (f" (at {where})" if where else "")


def _app(rules: Path):
    return create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "k" * 32,
                       "DETECTOR_MODEL": "off", "RULES_DIR": str(rules)})


def test_rules_check_passes_on_the_shipped_rules():
    result = _app(SHIPPED).test_cli_runner().invoke(args=["rules", "check"])
    assert result.exit_code == 0, result.output
    groups = [line.split()[1] for line in result.output.splitlines()]
    assert groups == ["community", "pdd", "taobao", "zbj", "lexicons", "contacts", "context", "conduct", "exams",
                      "coverage"]
    assert all(line.startswith("ok  ") for line in result.output.splitlines())


@pytest.mark.parametrize(("kind", "old", "new", "needle", "message", "where"), CASES, ids=map(_ids, CASES))
def test_rules_check_exits_1_with_file_and_line(tmp_path, kind, old, new, needle, message, where):
    rules = _copy_rules(tmp_path)
    app = _app(rules)  # starts on the intact copy; the file breaks while it runs
    path, line = _break(rules, KINDS[kind][0], old, new, needle)
    result = app.test_cli_runner().invoke(args=["rules", "check"])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"error: {path}:{line}: ")
    assert message in first
    assert first.endswith(f" (at {where})" if where else "")


def test_the_app_reads_its_lexicons_from_rules_dir(tmp_path):
    from backoffice.detection.runtime import current_scanner

    rules = _copy_rules(tmp_path)
    lexicon = rules / "lexicons" / "abuse.yaml"
    text = lexicon.read_text(encoding="utf-8")
    lexicon.write_text(text.replace("terms:\n", "terms:\n  - term: 测试专用词\n", 1), encoding="utf-8")
    with _app(rules).app_context():
        assert [h.term for h in current_scanner().hits("你这个测试专用词")] == ["测试专用词"]
    with _app(SHIPPED).app_context():
        assert current_scanner().hits("你这个测试专用词") == []
