"""`ledger verify` sees what a race leaves behind with the totals still right, and the database
refuses a second reversal of one measure for one overturn or reduction."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.extensions import db
from backoffice.ledger.models import EntryKind, LedgerEntry, MerchantBalance
from backoffice.ledger.verify import verify_all
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import DecisionState, PenaltyDecision

from .conftest import ACTOR, one

RULE = "zbj.offsite_contact"  # general: integrity points, a business restriction, a deposit deduction


@pytest.fixture
def overturned(make_merchant, impose, t0):
    """A decision overturned once, properly: (merchant, decision, its original entries)."""
    merchant = make_merchant("shop-1")
    decision = impose(merchant, RULE, at=t0)
    originals = list(db.session.scalars(sa.select(LedgerEntry).filter_by(decision_id=decision.id)))
    penalties.overturn(ACTOR, decision, "appeal", at=t0 + timedelta(hours=2))
    db.session.commit()
    return merchant, decision, originals


def _insert(merchant_id: int, original: LedgerEntry, **fields) -> int:
    """A raw reversal of ``original`` (and the running totals moved with it, so only the invariant breaks)."""
    row = {"merchant_id": merchant_id, "kind": original.kind.value, "created_at": original.created_at,
           "effective_at": original.effective_at, "reverses_id": original.id, "is_provisional": False,
           "reason": "race", **fields}
    entry_id = db.session.execute(sa.insert(LedgerEntry.__table__).values(**row).returning(
        LedgerEntry.__table__.c.id)).scalar_one()
    balance = db.session.get(MerchantBalance, merchant_id)
    balance.entry_count += 1
    balance.deposit_balance += fields.get("deposit_delta") or 0
    db.session.commit()
    return entry_id


def _problems() -> list[str]:
    return [f"{m.merchant}: {m.problem}" for m in verify_all()[1]]


def test_a_clean_ledger_with_overturns_and_reductions_passes(overturned, make_merchant, impose, t0, runner):
    reduced = impose(make_merchant("shop-2"), RULE, "serious", at=t0)
    successor = penalties.reduce(ACTOR, reduced, severity="general", reason="appeal", at=t0 + timedelta(days=1))
    penalties.overturn(ACTOR, successor, "second appeal", at=t0 + timedelta(days=2))  # reduced, then overturned
    db.session.commit()
    assert _problems() == []
    result = runner.invoke(args=["ledger", "verify"])
    assert result.exit_code == 0, result.output


def test_a_restriction_lifted_twice_for_one_overturn_is_reported(overturned, runner, t0):
    """What two overturns at once left: the second cut the window again, a little earlier."""
    merchant, decision, originals = overturned
    window = one(originals, EntryKind.business_restriction)
    first = db.session.scalar(sa.select(LedgerEntry.id).filter_by(reverses_id=window.id))
    second = _insert(merchant.id, window, decision_id=decision.id, ends_at=t0 + timedelta(hours=1))
    assert _problems() == [f"shop-1: business_restriction (entry {window.id}) is reversed twice for "
                           f"decision {decision.id}: entries {first} and {second}"]
    result = runner.invoke(args=["ledger", "verify"])
    assert result.exit_code == 1
    assert f"entries {first} and {second}" in result.stderr


def test_a_deduction_given_back_twice_is_reported(overturned):
    merchant, decision, originals = overturned
    deduction = one(originals, EntryKind.deposit_deduction)
    first = db.session.scalar(sa.select(LedgerEntry.id).filter_by(reverses_id=deduction.id))
    taken = -deduction.deposit_delta
    second = _insert(merchant.id, deduction, deposit_delta=taken)  # no decision: not "the same overturn"
    assert _problems() == [f"shop-1: deposit_deduction (entry {deduction.id}) took {taken} but its reversals "
                           f"(entries {first}, {second}) give back {2 * taken}"]


def test_a_reversal_that_adds_or_lifts_an_ended_window_is_reported(overturned, t0):
    merchant, _, originals = overturned
    points = one(originals, EntryKind.integrity_points)
    window = one(originals, EntryKind.business_restriction)
    adds = _insert(merchant.id, points, integrity_delta=points.integrity_delta)  # same sign: takes more
    late = _insert(merchant.id, window, ends_at=t0 + timedelta(hours=3))  # after the overturn ended it
    problems = _problems()
    assert f"shop-1: entry {adds} adds to integrity_points (entry {points.id}) instead of taking it back" \
        in problems
    assert any(p.startswith(f"shop-1: entry {late} lifts business_restriction (entry {window.id}) at ")
               and "when it had already ended" in p for p in problems), problems


def test_a_decision_reduced_and_overturned_at_once_is_reported(make_merchant, impose, t0):
    """The reduce + overturn race: the original reads overturned while its reduction stays in force."""
    decision = impose(make_merchant("shop-3"), RULE, "serious", at=t0)
    successor = penalties.reduce(ACTOR, decision, severity="general", reason="r", at=t0 + timedelta(days=1))
    db.session.commit()
    db.session.execute(sa.update(PenaltyDecision).where(PenaltyDecision.id == decision.id)
                       .values(state=DecisionState.overturned))
    db.session.commit()
    assert _problems() == [f"shop-3: decision {decision.id} reads overturned but decision {successor.id} "
                           f"replaces it and is in force ({decision.id} was reduced and overturned at once)"]


def test_the_database_refuses_a_second_reversal_for_the_same_overturn(overturned, t0):
    merchant, decision, originals = overturned
    window = one(originals, EntryKind.business_restriction)
    with pytest.raises(sa.exc.IntegrityError):
        _insert(merchant.id, window, decision_id=decision.id, ends_decision_id=decision.id,
                ends_at=t0 + timedelta(hours=1))
    db.session.rollback()
    # An overturn that slipped past the row lock (the state is reset behind its back) is refused
    # as a change made meanwhile, not with a server error, and writes nothing.
    db.session.execute(sa.update(PenaltyDecision).where(PenaltyDecision.id == decision.id)
                       .values(state=DecisionState.in_force))
    db.session.commit()
    count = db.session.scalar(sa.select(sa.func.count()).select_from(LedgerEntry))
    with pytest.raises(penalties.PenaltyChanged) as refused:
        penalties.overturn(ACTOR, decision, "again", at=t0 + timedelta(hours=1))
    assert refused.value.status == 409
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LedgerEntry)) == count


def test_the_database_refuses_a_second_successor(make_merchant, impose, t0):
    decision = impose(make_merchant("shop-4"), RULE, "serious", at=t0)
    penalties.reduce(ACTOR, decision, severity="general", reason="r", at=t0 + timedelta(days=1))
    db.session.commit()
    db.session.add(PenaltyDecision(merchant_id=decision.merchant_id, rule_code=RULE, severity="general",
                                   offence_no=1, ruleset_version="x", plan={}, supersedes_id=decision.id))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()
