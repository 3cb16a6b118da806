"""A broken pack is refused with the file, the line, the data path and what is wrong."""

from __future__ import annotations

import pytest

from backoffice.policy import load_rulebook
from backoffice.rulefiles import RuleFileError

from .conftest import SAMPLE_PACK


def line_of(text: str, needle: str) -> int:
    """Return the 1-based line on which `needle` starts."""
    return text.count("\n", 0, text.index(needle)) + 1


def broken(write_pack, old: str, new: str) -> tuple[RuleFileError, str]:
    assert old in SAMPLE_PACK
    text = SAMPLE_PACK.replace(old, new, 1)
    with pytest.raises(RuleFileError) as excinfo:
        load_rulebook(write_pack(text))
    return excinfo.value, text


def test_sample_pack_is_valid(write_pack):
    book = load_rulebook(write_pack())
    assert book.rule("zbj.sample").appeal.days == 7


@pytest.mark.parametrize(
    ("old", "new", "path", "line_needle", "message"),
    [
        (
            "days: 7}",
            "days: seven}",
            "rules.0.ladder.general.0.measures.1.days",
            "days: seven",
            "valid integer",
        ),
        ("days: 7}", "days: -7}", "rules.0.ladder.general.0.measures.1.days", "days: -7", "greater than 0"),
        ("{type: removal}", "{type: fine}", "rules.0.ladder.general.1.measures.0", "type: fine", "'fine'"),
        (
            "category: offsite_contact",
            "category: spam",
            "rules.0.category",
            "category: spam",
            "Input should be 'offsite_contact'",
        ),
        ("    title_en: Sample\n", "", "rules.0.title_en", "- code: zbj.sample", "Field required"),
        (
            "window_days: 30",
            "window_days: 30\n    colour: red",
            "rules.0.colour",
            "colour: red",
            "Extra inputs are not permitted",
        ),
        (
            "severities: [general]",
            "severities: [general, serious]",
            "rules.0.ladder",
            "ladder:",
            "missing ['serious']",
        ),
        (
            "            - {type: deposit_deduction, whole: true}\n",
            "",
            "rules.0.ladder.general.1",
            "- measures:\n            - {type: removal}",
            "must also list deposit_deduction with whole: true",
        ),
        (
            "{type: integrity_points, points: -40}",
            "{type: deposit_deduction, amount: 0.1}",
            "rules.0.ladder.general.0.measures.0.amount",
            "amount: 0.1",
            "quoted decimal string",
        ),
        (
            "{type: integrity_points, points: -40}",
            "{type: warning, basis: operator_setting}",
            "rules.0.ladder.general.0.measures.0",
            "type: warning",
            "needs a note",
        ),
        (
            "{setting: appeal_window_days}",
            "{setting: appeal_days}",
            "rules.0.appeal.setting",
            "appeal: {setting",
            "operator setting 'appeal_days' is not defined",
        ),
        (
            "document: 《测试规则》",
            "document: 《别的规则》",
            "rules.0.source.document",
            "《别的规则》",
            "not listed in source_documents",
        ),
        (
            "code: zbj.sample",
            "code: pdd.sample",
            "rules.0.code",
            "code: pdd.sample",
            "must start with 'zbj.'",
        ),
        ("code: zbj.sample", "code: Sample", "rules.0.code", "code: Sample", "<platform>.<snake_case_name>"),
        (
            "    default_for_category: true\n",
            "",
            "rules.0.category",
            "category: offsite_contact",
            "no rule of category 'offsite_contact' has default_for_category",
        ),
        (
            "operator_setting: true, note: Assumed for tests.",
            "operator_setting: true",
            "operator_settings.appeal_window_days.note",
            "appeal_window_days: {",
            "Field required",
        ),
        (
            "clause: 第1条",
            "clause: 第1条\n      clause: 第2条",
            "rules.0.source.clause",
            "第2条",
            "duplicate key",
        ),
    ],
)
def test_broken_pack_names_file_line_path_and_problem(write_pack, old, new, path, line_needle, message):
    error, text = broken(write_pack, old, new)
    problem = error.problems[0]  # a missing setting note also makes the appeal window unexplained
    assert problem.path == path
    assert problem.line == line_of(text, line_needle)
    assert message in problem.message
    assert str(error).splitlines()[0] == f"{error.file}:{problem.line}: {problem.message} (at {path})"
    assert error.file.endswith("packs/sample.yaml")


def test_yaml_syntax_error_names_the_line(write_pack):
    text = SAMPLE_PACK.replace("severities: [general]", "severities: [general")
    with pytest.raises(RuleFileError) as excinfo:
        load_rulebook(write_pack(text))
    (problem,) = excinfo.value.problems
    assert "YAML syntax error" in problem.message
    assert line_of(text, "severities: [general") <= problem.line <= line_of(text, "severities: [general") + 2
    assert f"sample.yaml:{problem.line}: YAML syntax error" in str(excinfo.value)


def test_duplicate_code_in_one_pack(write_pack):
    rule = SAMPLE_PACK[SAMPLE_PACK.index("  - code: zbj.sample") :]
    text = SAMPLE_PACK + rule.replace("default_for_category: true", "default_for_category: false")
    with pytest.raises(RuleFileError) as excinfo:
        load_rulebook(write_pack(text))
    (problem,) = excinfo.value.problems
    assert problem.path == "rules.1.code"
    assert "duplicate rule code 'zbj.sample' (also rules.0)" in problem.message
    assert problem.line == text.count("\n", 0, text.rindex("- code: zbj.sample")) + 1


def test_two_defaults_for_one_category(write_pack):
    rule = SAMPLE_PACK[SAMPLE_PACK.index("  - code: zbj.sample") :]
    text = SAMPLE_PACK + rule.replace("zbj.sample", "zbj.sample_two")
    with pytest.raises(RuleFileError, match="zbj.sample_two and zbj.sample are both default_for_category"):
        load_rulebook(write_pack(text))


def test_duplicate_code_across_packs(write_pack):
    write_pack(SAMPLE_PACK, "a.yaml")
    rules_dir = write_pack(SAMPLE_PACK, "b.yaml")
    with pytest.raises(RuleFileError) as excinfo:
        load_rulebook(rules_dir)
    (problem,) = excinfo.value.problems
    assert excinfo.value.file.endswith("b.yaml")
    code_line = line_of(SAMPLE_PACK, "- code: zbj.sample")
    assert (problem.path, problem.line) == ("rules.0.code", code_line)
    assert (
        f"duplicate rule code 'zbj.sample' (also {rules_dir / 'packs' / 'a.yaml'}, line {code_line})"
        in problem.message
    )


def test_two_packs_for_one_platform(write_pack):
    write_pack(SAMPLE_PACK, "a.yaml")
    rules_dir = write_pack(SAMPLE_PACK.replace("zbj.sample", "zbj.other"), "b.yaml")
    with pytest.raises(
        RuleFileError, match=r"b.yaml:1: platform 'zbj' already loaded from .*a.yaml \(at platform\)"
    ):
        load_rulebook(rules_dir)


def test_multiple_problems_are_all_listed(write_pack):
    text = SAMPLE_PACK.replace("category: offsite_contact", "category: spam").replace("days: 7}", "days: x}")
    with pytest.raises(RuleFileError) as excinfo:
        load_rulebook(write_pack(text))
    paths = {p.path for p in excinfo.value.problems}
    assert {"rules.0.category", "rules.0.ladder.general.0.measures.1.days"} <= paths
    assert len(str(excinfo.value).splitlines()) == len(excinfo.value.problems)


def test_empty_packs_dir(tmp_path):
    (tmp_path / "packs").mkdir()
    with pytest.raises(RuleFileError, match="no \\*.yaml policy packs found"):
        load_rulebook(tmp_path)


def test_other_subfolders_of_rules_are_ignored(write_pack):
    rules_dir = write_pack()
    (rules_dir / "lexicons").mkdir()
    (rules_dir / "lexicons" / "words.yaml").write_text("this: [is not a pack", encoding="utf-8")
    (rules_dir / "top-level.yaml").write_text("neither: is this", encoding="utf-8")
    assert [r.code for r in load_rulebook(rules_dir).rules()] == ["zbj.sample"]


def test_top_level_must_be_a_mapping(write_pack):
    with pytest.raises(RuleFileError, match="sample.yaml:1: a pack must be a YAML mapping"):
        load_rulebook(write_pack("- just\n- a list\n"))


def test_automatic_measures_cannot_be_penalties(write_pack):
    text = SAMPLE_PACK.replace(
        "    appeal:", "    automatic:\n      - at: on_flag\n        measure: {type: removal}\n    appeal:"
    )
    error, _ = broken(
        write_pack, "    appeal:", text[text.index("    automatic:") : text.index("    appeal:") + 11]
    )
    (problem,) = error.problems
    assert problem.path == "rules.0.automatic.0.measure.type"
    assert "'removal' needs a human decision" in problem.message


@pytest.mark.parametrize(("switch", "missing"), [
    ("counts_mechanical_replies", "mechanical_reply_repeats, mechanical_reply_min_chars"),
    ("harassment_by_conduct", "harassment_quiet_start"),
])
def test_a_conduct_detector_needs_its_operator_settings(write_pack, switch, missing):
    """Seeds 001/002 give no thresholds for 机械性回复 or 骚扰: the pack must state them as operator settings."""
    text = SAMPLE_PACK.replace("    self_check: false", f"    detector: {{{switch}: true}}\n    self_check: false")
    with pytest.raises(RuleFileError) as excinfo:
        load_rulebook(write_pack(text))
    (problem,) = excinfo.value.problems
    assert problem.path == f"rules.0.detector.{switch}"
    assert missing in problem.message
    assert problem.line == line_of(text, "    detector:")


def test_the_shipped_packs_switch_on_the_conduct_detectors(rulebook):
    assert rulebook.rule("pdd.negative_service").detector["counts_mechanical_replies"] is True
    assert rulebook.rule("taobao.malicious_harassment").detector["harassment_by_conduct"] is True
    assert (rulebook.setting("pdd", "mechanical_reply_repeats").value,
            rulebook.setting("taobao", "harassment_quiet_start").value,
            rulebook.setting("taobao", "harassment_flood_messages").value) == (3, "22:00", 6)
