"""Property tests: over random histories, the pack in use replays to exactly the stored measures."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from backoffice.extensions import db
from backoffice.merchants.operations import top_up
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import DecisionState
from backoffice.policy.schema import SEVERITIES
from backoffice.whatif import runner

from .conftest import ACTOR, at, pack_text
from .test_replay import HARSHER

RULES = {
    "zbj": [("zbj.offsite_contact", ("general", "serious")), ("zbj.ads_spam", ("general", "serious")),
            ("zbj.illegal_service", ("general", "serious"))],
    "taobao": [("taobao.malicious_harassment", SEVERITIES), ("taobao.ads_non_sale_listing", ("general",)),
               ("taobao.ads_repeated", ("serious",))],
    "pdd": [("pdd.offsite_luring", ("general",)), ("pdd.uncivil_language", ("general", "serious")),
            ("pdd.negative_service", ("general",))],
}
START = at(3, 1)
#: (merchant, rule, severity, flag, amount in fen): flag and amount feed the reviewer's parameters
IMPOSE = st.tuples(st.just("impose"), st.integers(0, 1), st.integers(0, 2), st.integers(0, 2), st.booleans(),
                   st.integers(0, 5_000_000))
STEP = st.one_of(
    IMPOSE, IMPOSE, IMPOSE,
    st.tuples(st.just("overturn"), st.integers(0, 9)),
    st.tuples(st.just("reduce"), st.integers(0, 9), st.sampled_from(["lower", "drop"]), st.integers(0, 5)),
    st.tuples(st.just("reduce"), st.integers(0, 9), st.sampled_from(["lower", "drop"]), st.integers(0, 5)),
    st.tuples(st.just("topup"), st.integers(0, 1), st.integers(1, 1_000_000)),
    st.tuples(st.just("advance"), st.integers(1, 60 * 24 * 3)),
)
SETTINGS = settings(deadline=None, max_examples=40,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def params(code: str, severity: str, flag: bool, fen: int) -> dict:
    if code == "pdd.offsite_luring":
        return {"fine_amount": str(Decimal(fen % 5_000_001) / 100)}
    if code == "pdd.uncivil_language" and severity == "serious":
        return {"consumer_compensation": str(Decimal(fen % 30_001) / 100)}
    if code == "taobao.malicious_harassment" and severity != "especially_serious":
        return {"complaint_upheld": flag}
    return {}


def run_steps(platform: str, merchants, steps, clock=START) -> None:
    for step in steps:
        clock += timedelta(minutes=step[1] if step[0] == "advance" else 1)
        kind = step[0]
        if kind == "impose":
            code, severities = RULES[platform][step[2]]
            severity = severities[step[3] % len(severities)]
            given = params(code, severity, step[4], step[5])
            penalties.impose(ACTOR, merchants[step[1]], code, severity, given, at=clock)
        elif kind == "topup":
            top_up(ACTOR, merchants[step[1]], Decimal(step[2]) / 100, "top-up")
        elif kind in ("overturn", "reduce"):
            open_ = [d for m in merchants for d in penalties.decisions_of(m)
                     if d.state is DecisionState.in_force]
            if open_:
                decision = open_[step[1] % len(open_)]
                if kind == "overturn":
                    penalties.overturn(ACTOR, decision, "appeal upheld", at=clock)
                else:
                    _reduce(platform, decision, step, clock)
                event(kind)
        db.session.commit()


def _reduce(platform: str, decision, step, clock) -> None:
    if step[2] == "lower":
        allowed = dict(RULES[platform])[decision.rule_code]
        lower = [s for s in SEVERITIES[: SEVERITIES.index(decision.severity)] if s in allowed]
        if not lower:
            return
        change = {"severity": lower[step[3] % len(lower)]}
    else:
        types = sorted({m["type"] for m in decision.plan["measures"]})
        if not types:
            return
        change = {"drop": [types[step[3] % len(types)]]}
    try:
        penalties.reduce(ACTOR, decision, reason="reduced on appeal", at=clock, **change)
    except ValueError:  # e.g. a compensation the lower severity does not take: refused, nothing written
        db.session.rollback()


@SETTINGS
@given(platform=st.sampled_from(sorted(RULES)),
       deposits=st.tuples(st.integers(0, 2_000_000), st.integers(0, 2_000_000)),
       history=st.lists(st.one_of(IMPOSE, STEP), max_size=4), steps=st.lists(STEP, min_size=5, max_size=16))
def test_the_pack_in_use_replays_every_history_to_the_stored_measures(
        make_merchant, platform, deposits, history, steps):
    merchants = [make_merchant(platform=platform, deposit=str(Decimal(d) / 100)) for d in deposits]
    run_steps(platform, merchants, history, START - timedelta(days=20))  # before the period: history only
    run_steps(platform, merchants, steps)
    result = runner.run(pack_text(platform), START.date(), date(2024, 12, 31))
    report = result.report
    mine = [o for o in report.outcomes if o.record.merchant_id in {m.id for m in merchants}]
    event(f"replayed {min(len(mine), 5)}{'+' if len(mine) >= 5 else ''}")
    event(f"successor replayed: {any(o.record.supersedes_id is not None for o in mine)}")
    assert report.differences == []
    assert report.unreplayable == ()
    assert dict(report.missing_rules) == {}
    assert report.before == report.after
    assert report.now_removed == report.no_longer_removed == ()
    assert result.changes == []
    in_force = [d for m in merchants for d in penalties.decisions_of(m)
                if d.state is DecisionState.in_force and report.since <= d.decided_at < report.until]
    assert sorted(o.record.id for o in mine) == sorted(d.id for d in in_force)
    assert all(o.offence_after == o.record.offence_no for o in report.outcomes)


@SETTINGS
@given(deposits=st.tuples(st.integers(0, 2_000_000), st.integers(0, 2_000_000)),
       steps=st.lists(STEP, min_size=5, max_size=14))
def test_a_changed_rule_changes_only_its_own_decisions_and_never_takes_more_than_there_was(
        make_merchant, deposits, steps):
    merchants = [make_merchant(deposit=str(Decimal(d) / 100)) for d in deposits]
    run_steps("zbj", merchants, steps)
    report = runner.run(HARSHER, date(2024, 3, 1), date(2024, 12, 31)).report
    # Another rule's decision can differ only in the deposit it found left: the harsher deduction
    # took more first, so a later "whole deposit" (or one larger than the rest) applies less.
    for o in report.differences:
        if o.record.rule_code == "zbj.offsite_contact":
            continue
        assert [x.type for x in o.after] == [x.type for x in o.before], o.record.rule_code
        for new, old in zip(o.after, o.before, strict=True):
            if new.type == "deposit_deduction":
                assert new.whole_deposit == old.whole_deposit
                if not new.whole_deposit:  # the whole deposit is, by definition, what was left
                    assert new.requested == old.requested
                assert new.applied <= old.applied
            else:
                assert new == old
    for m in merchants:
        mine = [o for o in report.outcomes if o.record.merchant_id == m.id]
        taken = sum((x.applied for o in mine for x in o.after if x.type == "deposit_deduction"), Decimal(0))
        assert taken <= Decimal(deposits[merchants.index(m)]) / 100 + topped_up(m)
        # a harsher deduction never makes a merchant's integrity points or removals lighter
        assert sum(-(x.integrity_points or 0) for o in mine for x in o.after) == sum(
            -(x.integrity_points or 0) for o in mine for x in o.before)


def topped_up(merchant) -> Decimal:
    from backoffice.ledger.models import EntryKind
    from backoffice.ledger.operations import entries_of

    entries = entries_of(merchant.id)
    return sum((e.deposit_delta for e in entries if e.kind is EntryKind.deposit_topup), Decimal(0))
