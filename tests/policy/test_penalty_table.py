"""Every penalty row of DOMAIN.md (and seeds 000-004), computed from the real packs."""

from __future__ import annotations

import pytest

from backoffice.policy import compute_measures

from .conftest import brief, shanghai, standing

DECIDED = shanghai(2026, 3, 1, 10, 0)
WHOLE = ("deposit_deduction", "whole", "100000.00")
REMOVAL = [("removal",), WHOLE]

ROWS = [
    # ZBJ (seed 000)
    ("zbj.ads_spam", "general", 1, {}, [("content_removal",), ("integrity_points", -10)]),
    ("zbj.ads_spam", "general", 4, {}, [("content_removal",), ("integrity_points", -10)]),
    ("zbj.ads_spam", "serious", 1, {}, [("content_removal",), *REMOVAL]),
    (
        "zbj.illegal_service",
        "general",
        1,
        {},
        [
            ("content_removal",),
            ("integrity_points", -20),
            ("business_restriction", "7d"),
            ("deposit_deduction", "500.00", "500.00"),
        ],
    ),
    ("zbj.illegal_service", "serious", 1, {}, [("content_removal",), *REMOVAL]),
    (
        "zbj.offsite_contact",
        "general",
        1,
        {},
        [
            ("integrity_points", -40),
            ("business_restriction", "15d"),
            ("deposit_deduction", "5000.00", "5000.00"),
            ("search_demotion", "15d"),  # assumed: the automatic 降权 kept as long as 限制经营15天
        ],
    ),
    ("zbj.offsite_contact", "general", 2, {}, REMOVAL),
    ("zbj.offsite_contact", "general", 3, {}, REMOVAL),
    ("zbj.offsite_contact", "serious", 1, {}, REMOVAL),
    # Taobao malicious harassment (seed 002)
    ("taobao.malicious_harassment", "general", 1, {}, [("violation_points", "2", "general")]),
    (
        "taobao.malicious_harassment",
        "general",
        1,
        {"complaint_upheld": True},
        [("violation_points", "2", "general"), ("consumer_compensation", "1000.00")],
    ),
    ("taobao.malicious_harassment", "serious", 1, {}, [("violation_points", "12", "general")]),
    (
        "taobao.malicious_harassment",
        "serious",
        2,
        {"complaint_upheld": True},
        [("violation_points", "12", "general"), ("consumer_compensation", "1000.00")],
    ),
    ("taobao.malicious_harassment", "especially_serious", 1, {}, REMOVAL),
    # Taobao listing violations (seed 004): fractional points
    (
        "taobao.ads_non_sale_listing",
        "general",
        1,
        {},
        [("violation_points", "0.2", "general"), ("content_removal",)],
    ),
    (
        "taobao.ads_risky_external_site",
        "general",
        1,
        {},
        [("violation_points", "0.2", "general"), ("content_removal",)],
    ),
    (
        "taobao.misleading_effect",
        "general",
        1,
        {},
        [("violation_points", "0.2", "general"), ("content_removal",)],
    ),
    (
        "taobao.ads_repeated",
        "serious",
        1,
        {},
        [("violation_points", "2", "general"), ("content_removal",), ("listing_restriction", "until lifted")],
    ),
    # Pinduoduo (seed 001)
    ("pdd.uncivil_language", "general", 1, {}, [("mute", "10min")]),
    (
        "pdd.uncivil_language",
        "serious",
        1,
        {"consumer_compensation": "300.00"},
        [("mute", "10min"), ("consumer_compensation", "300.00")],
    ),
    (
        "pdd.uncivil_language",
        "serious",
        1,
        {"consumer_compensation": "120.5"},
        [("mute", "10min"), ("consumer_compensation", "120.50")],
    ),
    (
        "pdd.offsite_luring",
        "general",
        1,
        {"fine_amount": "50000"},
        [("mute", "10min"), ("deposit_deduction", "50000.00", "50000.00")],
    ),
    ("pdd.negative_service", "general", 1, {}, [("warning",)]),
    ("pdd.prohibited_info", "general", 1, {}, [("content_removal",), ("mute", "10min")]),
    # Community convention (seed 003): 1 / 7 / 15 days / permanent
    ("community.unfriendly", "general", 1, {}, [("mute", "1d")]),
    ("community.unfriendly", "general", 2, {}, [("mute", "7d")]),
    ("community.unfriendly", "general", 3, {}, [("mute", "15d")]),
    ("community.unfriendly", "general", 4, {}, [("mute", "permanent")]),
    ("community.unfriendly", "general", 9, {}, [("mute", "permanent")]),
    ("community.unfriendly", "serious", 1, {}, [("mute", "7d")]),
    ("community.unfriendly", "serious", 2, {}, [("mute", "15d")]),
    ("community.unfriendly", "serious", 3, {}, [("mute", "permanent")]),
    ("community.unfriendly", "especially_serious", 1, {}, [("mute", "permanent")]),
    ("community.unfriendly", "especially_serious", 2, {}, REMOVAL),
]


@pytest.mark.parametrize(("code", "severity", "offence_no", "params", "expected"), ROWS)
def test_penalty_row(rulebook, tz, code, severity, offence_no, params, expected):
    plan = compute_measures(rulebook.rule(code), severity, offence_no, standing(), params, DECIDED, tz)
    assert [brief(m) for m in plan.measures] == expected
    assert plan.ruleset_version == rulebook.version_of(code.split(".")[0])


@pytest.mark.parametrize(
    "code", ["community.spam_ads", "community.illegal_info", "community.prohibited_content"]
)
def test_community_rules_share_the_graded_mutes(rulebook, code):
    assert rulebook.rule(code).ladder == rulebook.rule("community.unfriendly").ladder


def test_pdd_light_mute_carries_no_money(rulebook, tz):
    plan = compute_measures(rulebook.rule("pdd.uncivil_language"), "general", 1, standing(), {}, DECIDED, tz)
    assert plan.deposit_applied == 0
    assert not plan.of_type("consumer_compensation")


def test_pdd_negative_service_detector_parameters(rulebook):
    detector = rulebook.rule("pdd.negative_service").detector
    assert (detector["reply_minutes"], detector["service_start"], detector["service_end"]) == (
        3,
        "08:00",
        "23:00",
    )


def test_zbj_automatic_measures_on_flag(rulebook, tz):
    from backoffice.policy import automatic_measures

    flagged = shanghai(2026, 3, 1, 23, 30)
    demotion, notice = automatic_measures(rulebook.rule("zbj.offsite_contact"), flagged, tz)
    assert (demotion.type, demotion.trigger, demotion.starts_at, demotion.until_lifted) == (
        "search_demotion",
        "on_flag",
        flagged,
        True,
    )
    assert (notice.type, notice.trigger) == ("risk_notice", "next_platform_day")
    assert notice.starts_at == shanghai(2026, 3, 2, 0, 0)


@pytest.mark.parametrize(
    "code", ["zbj.ads_spam", "zbj.illegal_service", "pdd.uncivil_language", "taobao.ads_repeated"]
)
def test_rules_without_automatic_measures(rulebook, tz, code):
    from backoffice.policy import automatic_measures

    assert automatic_measures(rulebook.rule(code), DECIDED, tz) == []
