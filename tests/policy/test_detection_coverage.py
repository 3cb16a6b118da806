"""Every category and routed label the detector raises goes to a rule of each platform, or the pack says
why none does; ``flask rules check`` fails naming the platform and what is unmapped (issue 20, item 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from backoffice import create_app
from backoffice.config import PROJECT_ROOT
from backoffice.detection import scan_conversation
from backoffice.detection.lexicon import load_lexicon
from backoffice.policy import load_rulebook
from backoffice.policy.coverage import uncovered
from backoffice.rulefiles import RuleFileError

SHIPPED = PROJECT_ROOT / "rules"
CASHBACK = "illegal_service/好评返现"

# (platform, what the detector raises, the rule that takes it or None = not policed, the source's words)
TABLE = [
    ("pdd", CASHBACK, "pdd.review_cashback", "seed 001: 好评返现等诱导评价 高风险"),
    ("pdd", "illegal_service", "pdd.prohibited_info", "seed 001: 发送违禁信息…包括但不限于"),
    ("pdd", "ads_spam", "pdd.prohibited_info", "seed 001: 不当营销内容、虚假广告"),
    ("pdd", "abuse", "pdd.uncivil_language", "seed 001: 不文明用语 赔付不超过300元/次"),
    ("pdd", "negative_service", "pdd.negative_service", "seed 001: 8:00-23:00 3分钟内回复"),
    ("zbj", CASHBACK, "zbj.illegal_service", "seed 000: 刷单 (刷好评) 扣20分 保证金500元"),
    ("zbj", "abuse", None, "seed 000 has no rule on insults"),
    ("taobao", "abuse", "taobao.malicious_harassment", "seed 002: 恶意骚扰 扣一般违规2分"),
    ("taobao", CASHBACK, None, "seeds 002/004 have no rule on illegal services"),
    ("community", CASHBACK, "community.prohibited_content", "seed 003: 不实信息"),
    ("community", "offsite_contact", None, "seed 003 has no off-platform rule"),
]


@pytest.mark.parametrize(("platform", "key", "code", "source"), TABLE, ids=[f"{r[0]}-{r[3]}" for r in TABLE])
def test_what_each_platform_does_with_what_the_detector_raises(platform, key, code, source):
    mapping = load_rulebook(SHIPPED).detection_map(platform)
    assert key in mapping or key.partition("/")[0] in mapping, source
    got = mapping[key] if key in mapping else mapping[key.partition("/")[0]]
    assert got == code, source


def test_the_shipped_rules_leave_nothing_unmapped():
    lex = load_lexicon(SHIPPED / "lexicons")
    assert lex.routed == {"illegal_service": {"好评返现"}}
    assert uncovered(load_rulebook(SHIPPED), lex.labels(), lex.routed) == []


def test_cashback_on_pinduoduo_goes_to_its_own_rule():
    """The merchant's 好评返现 message is flagged under pdd.review_cashback, 刷单 under 违禁信息."""
    mapping = load_rulebook(SHIPPED).detection_map("pdd")
    flags = scan_conversation({"messages": [
        {"sender_role": "merchant", "sent_at": "2024-03-14T10:00:00+08:00", "text": "亲，五星好评返现5元哦"},
        {"sender_role": "merchant", "sent_at": "2024-03-14T10:01:00+08:00", "text": "我们也接刷单兼职"},
    ]}, "pdd", mapping)
    assert {(f.message_index, f.term, f.rule) for f in flags} == {
        (0, "好评返现", "pdd.review_cashback"), (1, "刷单", "pdd.prohibited_info")}


def _copy(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(SHIPPED, rules, ignore=shutil.ignore_patterns("models"))
    return rules


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


MISSING = [
    ("packs/pdd.yaml", "    detects: [illegal_service/好评返现]\n", "",
     "pdd: no rule takes the detector's label 'illegal_service/好评返现'"),
    ("packs/zbj.yaml", "    abuse: Seed 000 gives no rule on insults or harassment.\n", "",
     "zbj: no rule takes the detector's category 'abuse'"),
    ("packs/community.yaml", "detects: [illegal_service/好评返现]", "detects: [illegal_service/好评返先]",
     "community: 'illegal_service/好评返先' names no illegal_service term of the lexicons"),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), MISSING, ids=[m[0] for m in MISSING])
def test_rules_check_fails_naming_platform_and_what_is_unmapped(tmp_path, file, old, new, message):
    rules = _copy(tmp_path)
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "k" * 32,
                      "DETECTOR_MODEL": "off", "RULES_DIR": str(rules)})
    _edit(rules / file, old, new)
    result = app.test_cli_runner().invoke(args=["rules", "check"])
    assert result.exit_code == 1
    assert any(line.startswith(f"error: {message}") for line in result.stderr.splitlines()), result.stderr


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    detects: [illegal_service, ads_spam]", "    detects: [illegal_service, ads_spam, abuse]",
     "'abuse' is taken by pdd.prohibited_info and by pdd.uncivil_language"),
    ("  not_policed: {}", "  not_policed: {abuse: not ours}",
     "'abuse' is listed as not policed but pdd.uncivil_language takes it"),
    ("    detects: [illegal_service, ads_spam]", "    detects: [illegal_servce]", "must be a category"),
])
def test_a_pack_maps_each_thing_once(tmp_path, old, new, message):
    rules = _copy(tmp_path)
    _edit(rules / "packs/pdd.yaml", old, new)
    with pytest.raises(RuleFileError, match=message):
        load_rulebook(rules)
