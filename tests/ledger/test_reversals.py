"""Overturn, reduce and exam revocation: compensating entries restore standing exactly."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backoffice.extensions import db
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.ledger.operations import entries_of
from backoffice.ledger.verify import verify_all
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import DecisionState, ExamRevocation
from backoffice.penalties.operations import PenaltyError

from .conftest import ACTOR, D, core, one

CASES = [
    ("zbj", "zbj.ads_spam", "general", {}),
    ("zbj", "zbj.ads_spam", "serious", {}),
    ("zbj", "zbj.illegal_service", "general", {}),
    ("zbj", "zbj.offsite_contact", "general", {}),
    ("zbj", "zbj.offsite_contact", "serious", {}),
    ("taobao", "taobao.malicious_harassment", "general", {"complaint_upheld": True}),
    ("taobao", "taobao.malicious_harassment", "especially_serious", {}),
    ("taobao", "taobao.ads_repeated", "serious", {}),
    ("pdd", "pdd.uncivil_language", "serious", {"consumer_compensation": "300.00"}),
    ("community", "community.unfriendly", "serious", {}),
    ("community", "community.unfriendly", "especially_serious", {}),
]


@pytest.mark.parametrize(
    ("platform", "code", "severity", "params"), CASES, ids=[f"{c[1]}-{c[2]}" for c in CASES]
)
def test_overturn_restores_standing_exactly(
    make_merchant, impose, standing, t0, platform, code, severity, params
):
    merchant = make_merchant(platform=platform, deposit="7000.00")
    before = core(standing(merchant, t0))
    decision = impose(merchant, code, severity, params, at=t0)
    during = standing(merchant, t0 + timedelta(minutes=1))
    assert core(during) != before

    at = t0 + timedelta(minutes=2)
    written = penalties.overturn(ACTOR, decision, "appeal upheld", at=at)
    db.session.commit()
    assert written
    assert all(e.reverses_id is not None for e in written)
    assert decision.state is DecisionState.overturned
    assert core(standing(merchant, at)) == before
    assert core(standing(merchant, at + timedelta(days=400))) == core(
        standing(merchant, t0 + timedelta(days=400))
    )
    # Nothing was edited: the originals are still there, each reversal points at one of them.
    originals = {
        e.id for e in entries_of(merchant.id) if e.decision_id == decision.id and e.reverses_id is None
    }
    assert {e.reverses_id for e in written} <= originals
    assert verify_all()[1] == []


def test_overturn_twice_is_refused(make_merchant, impose, t0):
    decision = impose(make_merchant(), "zbj.ads_spam", at=t0)
    penalties.overturn(ACTOR, decision, "error", at=t0 + timedelta(minutes=1))
    with pytest.raises(PenaltyError, match="overturned"):
        penalties.overturn(ACTOR, decision, "again", at=t0 + timedelta(minutes=2))


def test_overturned_decision_is_no_offence(make_merchant, impose, standing, t0):
    merchant = make_merchant()
    first = impose(merchant, "zbj.offsite_contact", at=t0)
    penalties.overturn(ACTOR, first, "customer volunteered the number", at=t0 + timedelta(hours=1))
    db.session.commit()
    again = impose(merchant, "zbj.offsite_contact", at=t0 + timedelta(days=1))
    assert again.offence_no == 1
    s = standing(merchant, t0 + timedelta(days=1, seconds=1))
    assert (s.status, s.integrity_points, s.deposit_balance) == ("restricted", 60, D(5000))


def test_overturn_after_a_shortfall_gives_back_only_what_was_taken(make_merchant, impose, standing, t0):
    merchant = make_merchant(deposit="3000.00")
    decision = impose(merchant, "zbj.offsite_contact", at=t0)
    penalties.overturn(ACTOR, decision, "error", at=t0 + timedelta(hours=1))
    db.session.commit()
    assert standing(merchant, t0 + timedelta(hours=2)).deposit_balance == D(3000)


def test_reduce_serious_to_general_equals_a_direct_general_offence(make_merchant, impose, standing, t0):
    reduced, direct = make_merchant(), make_merchant()
    decision = impose(reduced, "zbj.offsite_contact", "serious", at=t0)
    impose(direct, "zbj.offsite_contact", "general", at=t0)
    at = t0 + timedelta(days=2)
    successor = penalties.reduce(ACTOR, decision, severity="general", reason="not serious", at=at)
    db.session.commit()
    assert (decision.state, successor.state) == (DecisionState.superseded, DecisionState.in_force)
    assert successor.supersedes_id == decision.id
    assert successor.decided_at == decision.decided_at
    for moment in (at, at + timedelta(days=1), t0 + timedelta(days=15), t0 + timedelta(days=20)):
        assert core(standing(reduced, moment)) == core(standing(direct, moment))
    assert standing(reduced, at).restricted_until == t0 + timedelta(days=15)
    # The superseded decision does not count; its successor does.
    assert impose(reduced, "zbj.offsite_contact", at=t0 + timedelta(days=30)).offence_no == 2
    assert verify_all()[1] == []


def test_reduce_by_dropping_the_restriction_ends_it_early(make_merchant, impose, standing, t0):
    merchant = make_merchant()
    decision = impose(merchant, "zbj.offsite_contact", at=t0)
    at = t0 + timedelta(days=3)
    assert standing(merchant, at).restricted_until == t0 + timedelta(days=15)
    penalties.reduce(ACTOR, decision, drop=["business_restriction"], reason="restriction excessive", at=at)
    db.session.commit()
    assert standing(merchant, at - timedelta(seconds=1)).restricted_until == at
    s = standing(merchant, at)
    assert (s.status, s.restricted_until, s.integrity_points, s.deposit_balance) == (
        "active",
        None,
        60,
        D(5000),
    )


def test_reduce_then_overturn_restores_the_start(make_merchant, impose, standing, t0):
    merchant = make_merchant()
    before = core(standing(merchant, t0))
    decision = impose(merchant, "zbj.offsite_contact", "serious", at=t0)
    successor = penalties.reduce(ACTOR, decision, severity="general", reason="r", at=t0 + timedelta(days=1))
    penalties.overturn(ACTOR, successor, "o", at=t0 + timedelta(days=2))
    db.session.commit()
    assert core(standing(merchant, t0 + timedelta(days=2))) == before
    assert impose(merchant, "zbj.offsite_contact", at=t0 + timedelta(days=3)).offence_no == 1


def test_reduce_lowers_a_reviewer_amount(make_merchant, impose, standing, t0):
    merchant = make_merchant(platform="pdd")
    decision = impose(merchant, "pdd.uncivil_language", "serious", {"consumer_compensation": "300.00"}, at=t0)
    penalties.reduce(
        ACTOR, decision, params={"consumer_compensation": "100.00"}, reason="r", at=t0 + timedelta(minutes=1)
    )
    db.session.commit()
    original = one(entries_of(merchant.id), EntryKind.consumer_compensation)
    reversal = [e for e in entries_of(merchant.id) if e.reverses_id == original.id]
    assert [e.compensation for e in reversal] == [D(-200)]


@pytest.mark.parametrize(
    ("platform", "code", "severity", "params", "change"),
    [
        ("taobao", "taobao.malicious_harassment", "general", {}, {"severity": "serious"}),
        ("zbj", "zbj.ads_spam", "general", {}, {"severity": "serious"}),
        ("zbj", "zbj.illegal_service", "general", {}, {"severity": "serious"}),
        ("taobao", "taobao.malicious_harassment", "general", {}, {"params": {"complaint_upheld": True}}),
        (
            "pdd",
            "pdd.uncivil_language",
            "serious",
            {"consumer_compensation": "100.00"},
            {"params": {"consumer_compensation": "300.00"}},
        ),
    ],
)
def test_reduction_cannot_increase_anything(
    make_merchant, impose, standing, count_rows, t0, platform, code, severity, params, change
):
    merchant = make_merchant(platform=platform)
    decision = impose(merchant, code, severity, params, at=t0)
    before, rows = core(standing(merchant, t0 + timedelta(days=1))), count_rows(LedgerEntry)
    with pytest.raises(PenaltyError):
        penalties.reduce(ACTOR, decision, reason="r", at=t0 + timedelta(minutes=5), **change)
    db.session.rollback()
    assert count_rows(LedgerEntry) == rows
    assert core(standing(merchant, t0 + timedelta(days=1))) == before


# Seed 004's worked examples (exam-learning).
def _self_check_used(impose, merchant, code, t0) -> None:
    """Seed 004 累计两日: a listing sub-type's first two violation days are corrections; use them up."""
    for days in (2, 1):
        assert impose(merchant, code, at=t0 - timedelta(days=days)).is_correction


def test_exam_revokes_a_general_case(make_merchant, impose, standing, t0):
    merchant = make_merchant(platform="taobao")
    _self_check_used(impose, merchant, "taobao.ads_non_sale_listing", t0)
    decision = impose(merchant, "taobao.ads_non_sale_listing", at=t0)
    assert standing(merchant, t0).violation_points_by_track == {"general": D("0.2")}
    penalties.revoke_by_exam(ACTOR, decision, passed_at=t0 + timedelta(days=2))
    db.session.commit()
    s = standing(merchant, t0 + timedelta(days=2))
    assert (s.violation_points, s.status) == (0, "active")
    restored = [e for e in entries_of(merchant.id) if e.reverses_id is not None]
    assert sorted(e.kind.value for e in restored) == ["content_removal", "violation_points"]
    assert verify_all()[1] == []


def test_second_exam_for_the_same_subtype_in_a_year_is_refused(make_merchant, impose, standing, t0):
    merchant = make_merchant(platform="taobao")
    for code in ("taobao.ads_non_sale_listing", "taobao.misleading_effect"):
        _self_check_used(impose, merchant, code, t0)
    first = impose(merchant, "taobao.ads_non_sale_listing", at=t0)
    second = impose(merchant, "taobao.ads_non_sale_listing", at=t0 + timedelta(hours=1))
    other = impose(merchant, "taobao.misleading_effect", at=t0 + timedelta(hours=2))
    penalties.revoke_by_exam(ACTOR, first, passed_at=t0 + timedelta(days=1))
    db.session.commit()
    with pytest.raises(PenaltyError, match="already been used"):
        penalties.revoke_by_exam(ACTOR, second, passed_at=t0 + timedelta(days=2))
    db.session.rollback()
    penalties.revoke_by_exam(ACTOR, other, passed_at=t0 + timedelta(days=2))  # another sub-type: allowed
    db.session.commit()
    assert standing(merchant, t0 + timedelta(days=3)).violation_points_by_track == {"general": D("0.2")}
    assert db.session.query(ExamRevocation).count() == 2


def test_exam_in_a_serious_case_lifts_only_the_restriction(make_merchant, impose, standing, t0):
    merchant = make_merchant(platform="taobao")
    decision = impose(merchant, "taobao.ads_repeated", "serious", at=t0)
    s = standing(merchant, t0 + timedelta(days=1))
    assert (s.status, s.restricted_until, s.violation_points) == ("restricted", None, D(2))
    penalties.revoke_by_exam(ACTOR, decision, passed_at=t0 + timedelta(days=3))
    db.session.commit()
    assert standing(merchant, t0 + timedelta(days=3) - timedelta(seconds=1)).status == "restricted"
    s = standing(merchant, t0 + timedelta(days=3))
    assert (s.status, s.violation_points_by_track) == ("active", {"general": D(2)})
    lifted = [e.kind for e in entries_of(merchant.id) if e.reverses_id is not None]
    assert lifted == [EntryKind.listing_restriction]


def test_exam_is_refused_where_the_rule_has_none(make_merchant, impose, t0):
    decision = impose(make_merchant(platform="taobao"), "taobao.malicious_harassment", at=t0)
    with pytest.raises(PenaltyError, match="not eligible"):
        penalties.revoke_by_exam(ACTOR, decision, passed_at=t0 + timedelta(days=1))


def test_reduce_after_a_top_up_takes_no_more_than_was_taken(make_merchant, impose, standing, t0):
    from backoffice.ledger.operations import top_up

    merchant = make_merchant(deposit="3000.00")
    decision = impose(merchant, "zbj.offsite_contact", at=t0)  # 3000 applied, 2000 shortfall
    top_up(merchant, D(10000), "replenished")
    db.session.commit()
    at = t0 + timedelta(days=1)
    penalties.reduce(ACTOR, decision, drop=["business_restriction"], reason="r", at=at)
    db.session.commit()
    s = standing(merchant, at)
    assert (s.deposit_balance, s.status, s.integrity_points) == (D(10000), "active", 60)


def test_reduce_whole_deposit_case_after_a_top_up(make_merchant, impose, standing, t0):
    from backoffice.ledger.operations import top_up

    merchant = make_merchant()
    decision = impose(merchant, "zbj.illegal_service", "serious", at=t0)
    top_up(merchant, D(500), "new deposit")
    db.session.commit()
    penalties.reduce(ACTOR, decision, drop=["content_removal"], reason="r", at=t0 + timedelta(days=1))
    db.session.commit()
    s = standing(merchant, t0 + timedelta(days=1))
    assert (s.deposit_balance, s.status) == (D(500), "removed")


def test_measures_dropped_by_one_reduction_stay_dropped_in_the_next(make_merchant, impose, standing, t0):
    merchant = make_merchant()
    decision = impose(merchant, "zbj.offsite_contact", at=t0)
    first = penalties.reduce(
        ACTOR, decision, drop=["deposit_deduction"], reason="r1", at=t0 + timedelta(days=1)
    )
    assert [m["type"] for m in first.plan["measures"]] == [
        "integrity_points", "business_restriction", "search_demotion"]
    second = penalties.reduce(
        ACTOR, first, drop=["business_restriction"], reason="r2", at=t0 + timedelta(days=2)
    )
    db.session.commit()
    assert [m["type"] for m in second.plan["measures"]] == ["integrity_points", "search_demotion"]
    s = standing(merchant, t0 + timedelta(days=2))
    assert (s.deposit_balance, s.status, s.integrity_points) == (D(10000), "active", 60)
    removal = impose(make_merchant(), "zbj.ads_spam", "serious", at=t0)
    kept = penalties.reduce(ACTOR, removal, drop=["removal"], reason="r1", at=t0 + timedelta(hours=1))
    penalties.reduce(ACTOR, kept, drop=["content_removal"], reason="r2", at=t0 + timedelta(hours=2))
    db.session.commit()
    assert standing(removal.merchant, t0 + timedelta(hours=2)).status == "active"
