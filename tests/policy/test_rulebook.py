"""The shipped packs: API of the RuleBook and invariants every rule must keep."""

from __future__ import annotations

import pytest

from backoffice.policy import UnknownRuleError
from backoffice.policy.schema import SEVERITIES

PLATFORMS = ("zbj", "taobao", "pdd", "community")


def test_one_pack_per_platform(rulebook):
    assert sorted(rulebook.packs) == sorted(PLATFORMS)


@pytest.mark.parametrize(
    ("platform", "version"),
    [
        ("zbj", "zbj-2024.2"),
        ("taobao", "taobao-2022.2"),
        ("pdd", "pdd-2024.2"),
        ("community", "community-2023.1"),
    ],
)
def test_version_of(rulebook, platform, version):
    assert rulebook.version_of(platform) == version
    assert all(r.ruleset_version == version and r.platform == platform for r in rulebook.rules(platform))


def test_unknown_rule_message_lists_known_codes(rulebook):
    with pytest.raises(UnknownRuleError) as excinfo:
        rulebook.rule("zbj.nope")
    assert str(excinfo.value).startswith("no rule with code 'zbj.nope'; known codes: community.illegal_info")
    assert isinstance(excinfo.value, KeyError)


def test_unknown_platform(rulebook):
    with pytest.raises(UnknownRuleError, match="no policy pack for platform 'jd'"):
        rulebook.version_of("jd")


@pytest.mark.parametrize(
    ("platform", "category", "code"),
    [
        ("zbj", "offsite_contact", "zbj.offsite_contact"),
        ("zbj", "ads_spam", "zbj.ads_spam"),
        ("zbj", "illegal_service", "zbj.illegal_service"),
        ("zbj", "abuse", None),
        ("taobao", "abuse", "taobao.malicious_harassment"),
        ("taobao", "ads_spam", "taobao.ads_risky_external_site"),
        ("pdd", "negative_service", "pdd.negative_service"),
        ("pdd", "offsite_contact", "pdd.offsite_luring"),
        ("community", "abuse", "community.unfriendly"),
        ("community", "negative_service", None),
    ],
)
def test_rule_for_detection_target(rulebook, platform, category, code):
    rule = rulebook.rule_for(platform, category)
    assert (rule.code if rule else None) == code


def test_every_category_with_rules_has_exactly_one_default(rulebook):
    for platform in PLATFORMS:
        categories = {r.category for r in rulebook.rules(platform)}
        for category in categories:
            defaults = [
                r for r in rulebook.rules(platform) if r.category == category and r.default_for_category
            ]
            assert len(defaults) == 1, (platform, category)


def test_rules_filter_by_platform(rulebook):
    assert {r.code.split(".")[0] for r in rulebook.rules("pdd")} == {"pdd"}
    assert len(rulebook.rules()) == sum(len(p.rules) for p in rulebook.packs.values())


@pytest.mark.parametrize("code", ["zbj.offsite_contact", "pdd.uncivil_language", "community.unfriendly"])
def test_assumed_appeal_windows_are_marked(rulebook, code):
    appeal = rulebook.rule(code).appeal
    assert appeal.basis == "operator_setting"
    assert appeal.setting == "appeal_window_days"
    assert "Assumed" in appeal.note


def test_taobao_appeal_window_pauses_during_review(rulebook):
    appeal = rulebook.rule("taobao.malicious_harassment").appeal
    assert (appeal.days, appeal.clock_pauses_during_review, appeal.basis) == (15, True, "external_source")


@pytest.mark.parametrize(
    ("platform", "name", "value"),
    [
        ("zbj", "starting_integrity_points", 100),
        ("zbj", "review_sla_hours", 9),
        ("pdd", "appeal_window_days", 7),
    ],
)
def test_operator_settings_are_marked_as_assumptions(rulebook, platform, name, value):
    setting = rulebook.setting(platform, name)
    assert setting.operator_setting is True
    assert setting.value == value
    assert "Assumed" in setting.note or "assumed" in setting.note


def test_every_rule_cites_its_source_with_text(rulebook):
    for rule in rulebook.rules():
        pack = rulebook.pack(rule.platform)
        assert rule.source.document in {d.title for d in pack.source_documents}
        assert rule.source.clause
        assert rule.source.text.zh
        assert rule.source.text.en
        assert rule.helpful_evidence, rule.code
        assert set(rule.ladder) == set(rule.severities) <= set(SEVERITIES)


def test_taobao_harassment_evidence_from_seed_002(rulebook):
    evidence = [e.zh for e in rulebook.rule("taobao.malicious_harassment").helpful_evidence]
    assert evidence == [
        "与交易对方之间的阿里旺旺聊天记录举证号及截图",
        "电话通话记录详情单",
        "手机短信照片",
        "骚扰物品的快递单据",
    ]


def test_every_removal_forfeits_the_deposit(rulebook):
    for rule in rulebook.rules():
        for rungs in rule.ladder.values():
            for rung in rungs:
                types = {m.type for m in rung.measures}
                if "removal" in types:
                    assert any(m.type == "deposit_deduction" and m.whole for m in rung.measures), rule.code
