"""Property tests: random histories of decisions, reversals, top-ups and time keep the ledger sound."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from backoffice.extensions import db
from backoffice.ledger.models import MerchantBalance
from backoffice.ledger.operations import entries_of, standing_of
from backoffice.ledger.standing import effective_windows
from backoffice.ledger.verify import verify_all
from backoffice.merchants.operations import top_up
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import DecisionState
from backoffice.policy.schema import SEVERITIES

from .conftest import ACTOR, core

RULES = {
    "zbj": [
        ("zbj.ads_spam", ("general", "serious")),
        ("zbj.illegal_service", ("general", "serious")),
        ("zbj.offsite_contact", ("general", "serious")),
    ],
    "taobao": [
        ("taobao.malicious_harassment", SEVERITIES),
        ("taobao.ads_non_sale_listing", ("general",)),
        ("taobao.ads_repeated", ("serious",)),
    ],
}

IMPOSE = st.tuples(st.just("impose"), st.integers(0, 2), st.integers(0, 2), st.booleans())
STEP = st.one_of(
    IMPOSE,
    IMPOSE,
    st.tuples(st.just("overturn"), st.integers(0, 9)),
    st.tuples(st.just("reduce"), st.integers(0, 9), st.sampled_from(["lower", "drop"]), st.integers(0, 5)),
    st.tuples(st.just("reduce"), st.integers(0, 9), st.sampled_from(["lower", "drop"]), st.integers(0, 5)),
    st.tuples(st.just("topup"), st.integers(1, 1_000_000)),
    st.tuples(st.just("advance"), st.integers(1, 60 * 24 * 20)),
)
SETTINGS = settings(
    deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def in_force(merchant):
    return [d for d in penalties.decisions_of(merchant) if d.state is DecisionState.in_force]


def check_invariants(merchant, tz, at):
    _, mismatches = verify_all()
    assert mismatches == []
    entries = entries_of(merchant.id)
    s = standing_of(merchant, tz, at)
    assert s.deposit_balance >= 0
    assert s.deposit_balance == db.session.get(MerchantBalance, merchant.id).deposit_balance
    for e in entries:
        assert e.ends_at is None or e.ends_at >= e.effective_at
    for w in effective_windows(entries):
        assert w.ends_at is None or w.ends_at >= w.starts_at
    for track, points in s.violation_points_by_track.items():
        assert points > 0, track
    if s.restricted_until is not None:
        assert s.restricted_until > at
    if s.muted_until is not None:
        assert s.muted_until > at


def run_step(step, merchant, platform, clock):
    """Carry out one step at ``clock``; return the top-up amount it made (or zero)."""
    kind = step[0]
    if kind == "impose":
        code, severities = RULES[platform][step[1]]
        severity = severities[step[2] % len(severities)]
        upheld = code == "taobao.malicious_harassment" and severity != "especially_serious" and step[3]
        penalties.impose(
            ACTOR, merchant, code, severity, {"complaint_upheld": True} if upheld else {}, at=clock
        )
    elif kind == "topup":
        amount = Decimal(step[1]) / 100
        top_up(ACTOR, merchant, amount, "top-up")
        db.session.commit()
        return amount
    elif kind in ("overturn", "reduce") and (open_ := in_force(merchant)):
        decision = open_[step[1] % len(open_)]
        if kind == "overturn":
            penalties.overturn(ACTOR, decision, "appeal upheld", at=clock)
            event("overturn")
        else:
            reduce(decision, step, clock)
    db.session.commit()
    return Decimal(0)


def reduce(decision, step, clock):
    if step[2] == "lower":
        level = SEVERITIES.index(decision.severity)
        lower = [s for s in SEVERITIES[:level] if s in dict(RULES_BY_CODE)[decision.rule_code]]
        if not lower:
            return
        change = {"severity": lower[step[3] % len(lower)]}
    else:
        types = sorted({m["type"] for m in decision.plan["measures"]})
        if not types:
            return
        change = {"drop": [types[step[3] % len(types)]]}
    # A lower severity or fewer measures is always a valid reduction: it must not be refused.
    penalties.reduce(ACTOR, decision, reason="reduced on appeal", at=clock, **change)
    event(f"reduce {step[2]}")


RULES_BY_CODE = [rule for rules in RULES.values() for rule in rules]


@SETTINGS
@given(
    platform=st.sampled_from(sorted(RULES)),
    deposit=st.integers(0, 2_000_000),
    first=IMPOSE,
    steps=st.lists(STEP, max_size=12),
)
def test_random_histories_keep_the_ledger_sound_and_fully_reversible(
    make_merchant, tz, t0, platform, deposit, first, steps
):
    opening = Decimal(deposit) / 100
    merchant = make_merchant(platform=platform, deposit=str(opening))
    start = core(standing_of(merchant, tz, t0))
    clock, topped_up = t0, Decimal(0)
    for step in [first, *steps]:
        clock += timedelta(minutes=step[1] if step[0] == "advance" else 1)
        topped_up += run_step(step, merchant, platform, clock)
        check_invariants(merchant, tz, clock)

    clock += timedelta(minutes=1)
    for decision in in_force(merchant):
        penalties.overturn(ACTOR, decision, "everything overturned", at=clock)
    db.session.commit()
    check_invariants(merchant, tz, clock)
    end = core(standing_of(merchant, tz, clock))
    assert end == {**start, "deposit_balance": opening + topped_up}
    assert end["status"] == "active"
    assert end["violation_points_by_track"] == {}
    assert end["integrity_points"] == (100 if platform == "zbj" else None)
    assert all(d.state is not DecisionState.in_force for d in penalties.decisions_of(merchant))


@SETTINGS
@given(
    platform=st.sampled_from(sorted(RULES)),
    rule=st.integers(0, 2),
    severity=st.integers(0, 2),
    upheld=st.booleans(),
    deposit=st.integers(0, 2_000_000),
    later=st.integers(0, 60 * 24 * 40),
)
def test_one_overturn_restores_the_standing_of_the_moment_before(
    make_merchant, tz, t0, platform, rule, severity, upheld, deposit, later
):
    merchant = make_merchant(platform=platform, deposit=str(Decimal(deposit) / 100))
    penalties.impose(
        ACTOR,
        merchant,
        RULES[platform][0][0],
        "general",
        {"complaint_upheld": False} if platform == "taobao" else {},
        at=t0,
    )
    db.session.commit()
    decided = t0 + timedelta(hours=1)
    at = decided + timedelta(minutes=later)
    before = core(standing_of(merchant, tz, at))  # as it would be at `at` without the next decision
    run_step(("impose", rule, severity, upheld), merchant, platform, decided)
    run_step(("overturn", len(in_force(merchant)) - 1), merchant, platform, at)
    check_invariants(merchant, tz, at)
    assert core(standing_of(merchant, tz, at)) == before
