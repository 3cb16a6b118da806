"""Every penalty row of DOMAIN.md, imposed on real merchants: ledger entries and derived standing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backoffice.extensions import db
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.ledger.verify import verify_all
from backoffice.penalties.models import PenaltyDecision
from backoffice.policy import ParameterError

from .conftest import D, decision_entries, kinds, one

PLATFORM = {"zbj": "zbj", "taobao": "taobao", "pdd": "pdd", "community": "community"}
WHOLE = ["content_removal", "deposit_deduction", "removal"]

# code, severity, params, integrity, deposit, violation points, status, restriction days,
# mute (None, minutes:int, days:str "Nd", or "permanent"), entry kinds, consumer compensation
# fmt: off
ROWS = [
    ("zbj.ads_spam", "general", {}, 90, "10000.00", {}, "active", None, None,
     ["content_removal", "integrity_points"], None),
    ("zbj.ads_spam", "serious", {}, 100, "0.00", {}, "removed", None, None, WHOLE, None),
    ("zbj.illegal_service", "general", {}, 80, "9500.00", {}, "restricted", 7, None,
     ["business_restriction", "content_removal", "deposit_deduction", "integrity_points"], None),
    ("zbj.illegal_service", "serious", {}, 100, "0.00", {}, "removed", None, None, WHOLE, None),
    ("zbj.offsite_contact", "general", {}, 60, "5000.00", {}, "restricted", 15, None,
     ["business_restriction", "deposit_deduction", "integrity_points", "search_demotion"], None),
    ("zbj.offsite_contact", "serious", {}, 100, "0.00", {}, "removed", None, None,
     ["deposit_deduction", "removal"], None),
    ("taobao.malicious_harassment", "general", {}, None, "10000.00", {"general": "2"}, "active", None, None,
     ["violation_points"], None),
    ("taobao.malicious_harassment", "general", {"complaint_upheld": False}, None, "10000.00",
     {"general": "2"}, "active", None, None, ["violation_points"], None),
    ("taobao.malicious_harassment", "general", {"complaint_upheld": True}, None, "10000.00",
     {"general": "2"}, "active", None, None, ["consumer_compensation", "violation_points"], "1000.00"),
    ("taobao.malicious_harassment", "serious", {}, None, "10000.00", {"general": "12"}, "active", None, None,
     ["violation_points"], None),
    ("taobao.malicious_harassment", "serious", {"complaint_upheld": True}, None, "10000.00",
     {"general": "12"}, "active", None, None, ["consumer_compensation", "violation_points"], "1000.00"),
    ("taobao.malicious_harassment", "especially_serious", {}, None, "0.00", {}, "removed", None, None,
     ["deposit_deduction", "removal"], None),
    ("pdd.uncivil_language", "general", {}, None, "10000.00", {}, "muted", None, 10, ["mute"], None),
    ("pdd.uncivil_language", "serious", {"consumer_compensation": "300.00"}, None, "10000.00", {}, "muted",
     None, 10, ["consumer_compensation", "mute"], "300.00"),
    ("pdd.uncivil_language", "serious", {"consumer_compensation": "120.50"}, None, "10000.00", {}, "muted",
     None, 10, ["consumer_compensation", "mute"], "120.50"),
    ("community.unfriendly", "general", {}, None, "10000.00", {}, "muted", None, "1d", ["mute"], None),
    ("community.unfriendly", "serious", {}, None, "10000.00", {}, "muted", None, "7d", ["mute"], None),
    ("community.unfriendly", "especially_serious", {}, None, "10000.00", {}, "muted", None, "permanent",
     ["mute"], None),
]
# fmt: on


@pytest.mark.parametrize(
    (
        "code",
        "severity",
        "params",
        "integrity",
        "deposit",
        "points",
        "status",
        "days",
        "mute",
        "entry_kinds",
        "compensation",
    ),
    ROWS,
    ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(ROWS)],
)
def test_first_offence_row(
    make_merchant,
    impose,
    standing,
    t0,
    code,
    severity,
    params,
    integrity,
    deposit,
    points,
    status,
    days,
    mute,
    entry_kinds,
    compensation,
):
    merchant = make_merchant(platform=PLATFORM[code.split(".")[0]])
    decision = impose(merchant, code, severity, params, at=t0)
    assert decision.offence_no == 1
    entries = decision_entries(decision)
    assert kinds(entries) == entry_kinds
    assert all(e.effective_at == t0 for e in entries)

    s = standing(merchant, t0 + timedelta(seconds=1))
    assert s.integrity_points == integrity
    assert s.deposit_balance == D(deposit)
    assert s.violation_points_by_track == {k: D(v) for k, v in points.items()}
    assert s.status == status
    assert s.restricted_until == (t0 + timedelta(days=days) if days else None)
    if mute is None:
        assert (s.muted_until, s.mute_permanent) == (None, False)
    elif mute == "permanent":
        assert (s.muted_until, s.mute_permanent) == (None, True)
    elif isinstance(mute, int):
        assert s.muted_until == t0 + timedelta(minutes=mute)
    else:
        assert s.muted_until == t0 + timedelta(days=int(mute[:-1]))
    paid = [e.compensation for e in entries if e.kind is EntryKind.consumer_compensation]
    assert paid == ([D(compensation)] if compensation else [])
    if "deposit_deduction" in entry_kinds:
        deduction = one(entries, EntryKind.deposit_deduction)
        assert -deduction.deposit_delta == D("10000.00") - D(deposit)
        assert deduction.shortfall == 0
    assert verify_all()[1] == []


def test_restriction_and_removal_end_as_the_standing_says(make_merchant, impose, standing, t0):
    merchant = make_merchant()
    impose(merchant, "zbj.illegal_service", at=t0)
    end = t0 + timedelta(days=7)
    assert standing(merchant, end - timedelta(seconds=1)).status == "restricted"
    after = standing(merchant, end)
    assert (after.status, after.restricted_until, after.integrity_points) == ("active", None, 80)


def test_zbj_offsite_second_offence_removes_and_takes_the_remaining_deposit(
    make_merchant, impose, standing, t0
):
    merchant = make_merchant()
    first = impose(merchant, "zbj.offsite_contact", at=t0)
    second = impose(merchant, "zbj.offsite_contact", at=t0 + timedelta(days=30))
    assert (first.offence_no, second.offence_no) == (1, 2)
    entries = decision_entries(second)
    assert kinds(entries) == ["deposit_deduction", "removal"]
    deduction = one(entries, EntryKind.deposit_deduction)
    assert (deduction.deposit_delta, deduction.requested, deduction.shortfall) == (D(-5000), D(5000), 0)
    s = standing(merchant, t0 + timedelta(days=31))
    assert (s.status, s.removed, s.deposit_balance, s.integrity_points) == ("removed", True, D(0), 60)


def test_zbj_ads_general_costs_ten_points_every_time(make_merchant, impose, standing, t0):
    merchant = make_merchant()
    for n in range(3):
        impose(merchant, "zbj.ads_spam", at=t0 + timedelta(hours=n))
    assert standing(merchant, t0 + timedelta(days=1)).integrity_points == 70


@pytest.mark.parametrize(
    ("severity", "ladder"),
    [
        ("general", ["1d", "7d", "15d", "permanent", "permanent"]),
        ("serious", ["7d", "15d", "permanent", "permanent"]),
        ("especially_serious", ["permanent", "removal"]),
    ],
)
def test_community_mutes_climb_with_each_offence(make_merchant, impose, standing, t0, severity, ladder):
    merchant = make_merchant(platform="community")
    for n, step in enumerate(ladder, start=1):
        at = t0 + timedelta(days=40 * n)
        decision = impose(merchant, "community.unfriendly", severity, at=at)
        assert decision.offence_no == n
        s = standing(merchant, at + timedelta(seconds=1))
        if step == "removal":
            assert (s.status, s.deposit_balance) == ("removed", D(0))
        elif step == "permanent":
            assert (s.status, s.mute_permanent, s.muted_until) == ("muted", True, None)
        else:
            assert (s.status, s.mute_permanent) == ("muted", False)
            assert s.muted_until == at + timedelta(days=int(step[:-1]))
            assert standing(merchant, s.muted_until).status == "active"


def test_deposit_deduction_is_clamped_to_what_there_is(make_merchant, impose, standing, t0):
    merchant = make_merchant(deposit="3000.00")
    decision = impose(merchant, "zbj.offsite_contact", at=t0)
    deduction = one(decision_entries(decision), EntryKind.deposit_deduction)
    assert (deduction.requested, -deduction.deposit_delta, deduction.shortfall) == (D(5000), D(3000), D(2000))
    s = standing(merchant, t0 + timedelta(seconds=1))
    assert (s.deposit_balance, s.integrity_points, s.status) == (D(0), 60, "restricted")
    # A later deduction finds nothing and records the whole amount as shortfall; never negative.
    later = impose(merchant, "zbj.illegal_service", at=t0 + timedelta(days=1))
    deduction = one(decision_entries(later), EntryKind.deposit_deduction)
    assert (deduction.deposit_delta, deduction.shortfall) == (0, D(500))
    assert standing(merchant, t0 + timedelta(days=2)).deposit_balance == 0
    assert verify_all()[1] == []


def test_pdd_compensation_above_the_cap_is_refused_and_writes_nothing(make_merchant, impose, count_rows, t0):
    merchant = make_merchant(platform="pdd")
    before = count_rows(LedgerEntry)
    with pytest.raises(ParameterError, match="300"):
        impose(merchant, "pdd.uncivil_language", "serious", {"consumer_compensation": "350.00"}, at=t0)
    db.session.rollback()
    assert count_rows(LedgerEntry) == before
    assert count_rows(PenaltyDecision) == 0


def test_taobao_compensation_is_fixed_not_a_reviewer_amount(make_merchant, impose, t0):
    merchant = make_merchant(platform="taobao")
    with pytest.raises(ParameterError, match="consumer_compensation"):
        impose(
            merchant,
            "taobao.malicious_harassment",
            "general",
            {"complaint_upheld": True, "consumer_compensation": "500.00"},
            at=t0,
        )


def test_rule_of_another_platform_is_refused(make_merchant, impose, t0):
    from backoffice.penalties.operations import PenaltyError

    merchant = make_merchant(platform="taobao")
    with pytest.raises(PenaltyError, match="zbj"):
        impose(merchant, "zbj.ads_spam", at=t0)
