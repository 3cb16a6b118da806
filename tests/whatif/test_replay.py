"""Replays with hand-computed outcomes (numbers from DOMAIN.md, ZBJ seed 000) on both databases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backoffice.merchants.models import Merchant

from .conftest import at, bump, changed, pack_text, without_rule

D = Decimal

#: ZBJ off-platform contact, first offence: 5000 yuan of the deposit; the changed pack asks 8000.
HARSHER = bump(changed(pack_text(), '{type: deposit_deduction, amount: "5000.00"}',
                       '{type: deposit_deduction, amount: "8000.00"}'), "zbj-whatif-harsher")
#: The same rule with a 30-day window (the seed gives none): an offence 50 days later is a first again.
WINDOWED = bump(changed(pack_text(), "window_days: null", "window_days: 30",
                        after="code: zbj.offsite_contact"), "zbj-whatif-window")


def brief(measures) -> dict[str, tuple]:
    """Each measure's numbers as a table row states them."""
    out = {}
    for m in measures:
        if m.type == "integrity_points":
            out[m.type] = (m.integrity_points,)
        elif m.type == "deposit_deduction":
            out[m.type] = ("whole" if m.whole_deposit else str(m.requested), str(m.applied), str(m.shortfall))
        elif m.days:
            out[m.type] = (f"{m.days}d",)
        else:
            out[m.type] = ()
    return out


@pytest.fixture
def scenario(make_merchant, impose, overturn):
    """Merchants on ZBJ (deposit 10000 unless said) with decisions around March 2024."""
    m = {name: make_merchant(f"m-{name}", name=f"商家{name}", deposit=deposit) for name, deposit in
         [("A", "10000.00"), ("B", "10000.00"), ("C", "10000.00"), ("D", "10000.00"), ("E", "3000.00"),
          ("F", "10000.00"), ("H", "10000.00"), ("I", "10000.00")]}
    other = make_merchant("t-1", platform="taobao")
    decisions = {
        "A1": impose(m["A"], when=at(3, 5)),                   # first offence in the period
        "B1": impose(m["B"], when=at(1, 20)),                  # history: first offence before the period
        "B2": impose(m["B"], when=at(3, 10)),                  # second offence: removal + whole deposit
        "C1": impose(m["C"], when=at(3, 3)),
        "C2": impose(m["C"], when=at(3, 20)),                  # second, in the period too
        "D1": impose(m["D"], "zbj.ads_spam", when=at(3, 8)),  # another rule: -10 points
        "E1": impose(m["E"], when=at(3, 12)),                  # deposit smaller than the deduction
        "F1": impose(m["F"], when=at(3, 15)),
        "H1": impose(m["H"], when=at(3, 25)),
        "I1": impose(m["I"], when=at(4, 2)),                   # after the period
        "T1": impose(other, "taobao.malicious_harassment", when=at(3, 6), params={"complaint_upheld": False}),
    }
    overturn(decisions["F1"], at(3, 16))
    return m, decisions


def test_an_unchanged_pack_replays_to_the_stored_measures(scenario, reduce, whatif):
    _, d = scenario
    reduce(d["H1"], at(3, 26), drop=["deposit_deduction"])
    report = whatif(pack_text()).report
    assert len(report.outcomes) == 7
    assert report.differences == []
    assert report.merchants_affected == []
    assert report.before == report.after
    assert (report.overturned, report.superseded, dict(report.missing_rules)) == (1, 1, {})


def test_a_harsher_first_rung_changes_exactly_the_hand_computed_decisions(scenario, reduce, whatif):
    m, d = scenario
    h2 = reduce(d["H1"], at(3, 26), drop=["deposit_deduction"])  # a reduction keeps its left-out measure
    result = whatif(HARSHER)
    report = result.report
    changed_ = {o.record.id: o for o in report.differences}
    assert sorted(changed_) == sorted([d["A1"].id, d["C1"].id, d["C2"].id, d["E1"].id])
    assert report.merchants_affected == sorted([m["A"].id, m["C"].id, m["E"].id])
    # rows: decision -> deposit deduction (requested, applied, shortfall) before and after
    expected = {
        "A1": (("5000.00", "5000.00", "0.00"), ("8000.00", "8000.00", "0.00")),
        "C1": (("5000.00", "5000.00", "0.00"), ("8000.00", "8000.00", "0.00")),
        # the second offence forfeits what is left: 10000 - 5000 as decided, 10000 - 8000 replayed
        "C2": (("whole", "5000.00", "0.00"), ("whole", "2000.00", "0.00")),
        "E1": (("5000.00", "3000.00", "2000.00"), ("8000.00", "3000.00", "5000.00")),
    }
    for name, (before, after) in expected.items():
        o = changed_[d[name].id]
        assert [c.type for c in o.changes] == ["deposit_deduction"], name
        assert brief(o.before)["deposit_deduction"] == before, name
        assert brief(o.after)["deposit_deduction"] == after, name
        assert o.offence_after == o.record.offence_no
    whole = changed_[d["C2"].id]
    assert (whole.changes[0].before.requested, whole.changes[0].after.requested) == (D("5000.00"), D("2000.00"))
    assert brief(changed_[d["A1"].id].after) == {
        "integrity_points": (-40,), "business_restriction": ("15d",),
        "deposit_deduction": ("8000.00", "8000.00", "0.00"), "search_demotion": ("15d",)}
    replayed = {o.record.id for o in report.outcomes}
    assert replayed == {d[k].id for k in ("A1", "B2", "C1", "C2", "D1", "E1")} | {h2.id}
    assert (report.overturned, report.superseded) == (1, 1)
    # 5000 (A) + 5000 (B, whole rest) + 5000 + 5000 (C) + 3000 (E); H's deduction was left out on appeal
    assert report.before.deposit == D("23000.00")
    assert report.after.deposit == D("26000.00")
    assert report.before.integrity_points == report.after.integrity_points == 40 + 40 + 10 + 40 + 40
    assert report.before.removals == report.after.removals == 2
    assert report.now_removed == report.no_longer_removed == ()
    assert result.current_version == "zbj-2024.2"
    assert result.pack.version == "zbj-whatif-harsher"
    assert [(c.code, c.what) for c in result.changes] == [("zbj.offsite_contact", "ladder.general.1")]
    assert "deposit -8000.00" in result.changes[0].after


def test_a_window_makes_a_late_second_offence_a_first_one_again(scenario, whatif):
    m, d = scenario
    report = whatif(WINDOWED).report
    (o,) = report.differences
    assert o.record.id == d["B2"].id
    assert (o.record.offence_no, o.offence_after) == (2, 1)  # 50 days after the first: outside 30 days
    assert brief(o.before) == {"removal": (), "deposit_deduction": ("whole", "5000.00", "0.00")}
    assert brief(o.after) == {"integrity_points": (-40,), "business_restriction": ("15d",),
                              "deposit_deduction": ("5000.00", "5000.00", "0.00"), "search_demotion": ("15d",)}
    assert {c.type for c in o.changes} == {"removal", "deposit_deduction", "integrity_points",
                                           "business_restriction", "search_demotion"}
    assert report.no_longer_removed == (m["B"].id,)
    assert report.now_removed == ()
    assert report.merchant(m["B"].id).merchant_name == "商家B"
    assert report.before.removals - report.after.removals == 1


def test_a_rule_missing_from_the_pack_is_reported_not_replayed(scenario, make_merchant, impose, whatif):
    _, d = scenario
    illegal = impose(make_merchant("m-X"), "zbj.illegal_service", when=at(3, 9))
    result = whatif(without_rule(pack_text(), "zbj.illegal_service"))
    report = result.report
    assert dict(report.missing_rules) == {"zbj.illegal_service": 1}
    assert illegal.id not in {o.record.id for o in report.outcomes}
    assert len(report.outcomes) == 7  # A1, B2, C1, C2, D1, E1, H1
    assert report.differences == []
    assert ("zbj.illegal_service", "removed") in [(c.code, c.what) for c in result.changes]


def test_only_the_packs_platform_is_replayed(scenario, whatif):
    _, d = scenario
    taobao = whatif(pack_text("taobao")).report
    assert [o.record.id for o in taobao.outcomes] == [d["T1"].id]
    assert taobao.platform == "taobao"


def test_history_counts_as_it_stood_at_each_decision(make_merchant, impose, overturn, whatif):
    """Overturned before the next decision: not an offence for it; overturned after: it was one."""
    early = make_merchant("m-early")
    first = impose(early, when=at(3, 1))
    overturn(first, at(3, 2))
    second = impose(early, when=at(3, 5))
    late = make_merchant("m-late")
    one = impose(late, when=at(3, 1))
    two = impose(late, when=at(3, 5))
    overturn(one, at(3, 6))
    assert (second.offence_no, two.offence_no) == (1, 2)
    report = whatif(pack_text()).report
    assert report.differences == []
    assert {o.record.id: o.offence_after for o in report.outcomes} == {second.id: 1, two.id: 2}


def test_a_left_out_measure_stays_left_out_when_the_version_differs(make_merchant, impose, whatif):
    """Recorded left-out measures (CaseDecision.dropped) are honoured without the original pack."""
    from backoffice.cases.models import CaseDecision, DecisionStatus, Verdict
    from backoffice.extensions import db

    merchant = make_merchant("m-drop")
    decision = impose(merchant, when=at(3, 4), drop=["business_restriction"])
    db.session.add(CaseDecision(case_id=_case(merchant), verdict=Verdict.violation,
                                rule_code=decision.rule_code, severity="general", rationale="-",
                                dropped=["business_restriction"],
                                status=DecisionStatus.applied, penalty_decision_id=decision.id))
    db.session.commit()
    # The stored plan says "zbj-2024.2"; this pack claims another version, so nothing is inferred from it.
    report = whatif(HARSHER).report
    (o,) = report.outcomes
    assert "business_restriction" not in {x.type for x in o.after}
    assert [c.type for c in o.changes] == ["deposit_deduction"]


def _case(merchant: Merchant) -> int:
    from tests.appeals.conftest import direct_case

    return direct_case(merchant, "zbj.offsite_contact").id


def test_turning_off_self_check_charges_the_first_two_days(make_merchant, impose, whatif):
    """Seed 004 累计两日 is on for the listing sub-types: the first and second violation days were only
    corrected; without self-check every occurrence is charged 0.2."""
    shop = make_merchant("t-shop", platform="taobao")
    listing = "taobao.ads_non_sale_listing"
    made = [impose(shop, listing, when=when) for when in (at(3, 2, 10), at(3, 2, 15), at(3, 5), at(3, 9))]
    text = bump(changed(pack_text("taobao"), "self_check: true", "self_check: false",
                        after=f"code: {listing}"), "taobao-whatif-selfcheck")
    report = whatif(text).report
    after = {o.record.id: brief(o.after) for o in report.outcomes}
    assert [after[d.id] for d in made] == [{"violation_points": (), "content_removal": ()}] * 4
    assert [o.record.id for o in report.differences] == [d.id for d in made[:3]]
    assert (report.before.violation_points, report.after.violation_points) == (D("0.2"), D("0.8"))


def test_reviewer_amounts_are_kept_and_a_lower_cap_cannot_replay_them(make_merchant, impose, whatif):
    """PDD luring: the fine the reviewer set (up to 50,000 yuan) is replayed as set."""
    shop = make_merchant("p-shop", platform="pdd")
    fined = impose(shop, "pdd.offsite_luring", when=at(3, 3), params={"fine_amount": "2000.00"})
    assert whatif(pack_text("pdd")).report.differences == []
    lower = bump(changed(pack_text("pdd"), 'cap: "50000.00"', 'cap: "1000.00"'), "pdd-whatif-cap")
    report = whatif(lower).report
    assert report.outcomes == ()
    (skipped,) = report.unreplayable
    assert skipped.record.id == fined.id
    assert "fine_amount 2000.00 exceeds" in skipped.reason


def test_a_reduction_is_replayed_against_the_deposit_of_its_time(make_merchant, impose, reduce, whatif):
    """A top-up after the ruling is not there to be taken by the reduced decision (penalties.reduce)."""
    from backoffice.merchants.operations import top_up

    from .conftest import ACTOR

    shop = make_merchant("m-topup", deposit="3000.00")
    removal = impose(shop, when=at(3, 4), severity="serious")  # removal + the whole 3000
    top_up(ACTOR, shop, D("10000.00"), "top-up")
    successor = reduce(removal, at(3, 6), severity="general")
    assert brief(successor_measures(successor))["deposit_deduction"] == ("5000.00", "3000.00", "2000.00")
    assert whatif(pack_text()).report.differences == []
    (o,) = whatif(HARSHER).report.differences
    assert o.record.id == successor.id
    assert brief(o.after)["deposit_deduction"] == ("8000.00", "3000.00", "5000.00")


def successor_measures(decision):
    from backoffice.policy import MeasurePlan

    return MeasurePlan.from_dict(decision.plan).measures
