"""Replay every merchant's ledger and compare it with the running totals and invariants.

Besides the totals, three invariants that a race between two writers would break (each one found
once in a probe, with the totals still right):

- a measure is reversed at most once by one overturn or reduction of a decision;
- reversals never give back more than the measure took, nor lift a window that had already ended;
- a decision that was reduced has exactly one successor and reads superseded; an overturned or an
  in-force one has none (checked here; an appeal's outcome against them in ``appeals.consistency``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa

from backoffice.db import db
from backoffice.ledger.models import WINDOW_KINDS, LedgerEntry, MerchantBalance
from backoffice.ledger.operations import QUANTITIES
from backoffice.merchants.models import Merchant
from backoffice.penalties.models import DecisionState, PenaltyDecision


@dataclass(frozen=True)
class Mismatch:
    merchant: str
    problem: str


def verify_merchant(merchant: Merchant, entries: list[LedgerEntry], balance: MerchantBalance | None,
                    decisions: list[PenaltyDecision] = ()) -> list[str]:
    """Every problem of one merchant's ledger (entries in id order), in words."""
    problems = []
    deposit, integrity = Decimal("0"), None
    for e in entries:
        if e.deposit_delta is not None:
            deposit += e.deposit_delta
            if deposit < 0:
                problems.append(f"entry {e.id} drives the deposit below zero ({deposit})")
        if e.integrity_delta is not None:
            integrity = (integrity or 0) + e.integrity_delta
        if e.ends_at is not None and e.ends_at < e.effective_at:
            problems.append(f"entry {e.id} ends before it starts")
    problems += reversal_problems(entries, {d.id: d for d in decisions})
    problems += succession_problems(decisions)
    if entries and balance is None:
        problems.append("running totals are missing")
    if balance is not None:
        if balance.deposit_balance != deposit:
            problems.append(f"deposit balance {balance.deposit_balance} but the ledger gives {deposit}")
        if balance.integrity_points != integrity:
            problems.append(f"integrity points {balance.integrity_points} but the ledger gives {integrity}")
        if balance.entry_count != len(entries):
            problems.append(f"{balance.entry_count} entries counted but {len(entries)} recorded")
    return problems


@dataclass
class _Measure:
    """An original entry as its reversals, replayed in order, leave it."""

    entry: LedgerEntry
    quantity: Decimal | int | None = None
    ends_at: datetime | None = None
    reversals: list[int] = field(default_factory=list)


def _measure_name(e: LedgerEntry) -> str:
    return f"{e.kind.value} (entry {e.id})"


def _ending(r: LedgerEntry, decisions: dict[int, PenaltyDecision]) -> int | None:
    """The decision whose overturn or reduction a reversal is part of; None when unknown.

    Reversals written since the column exists name it. For older ones (and an exam's revocation)
    it is their own decision, unless that is a successor: the reduction that made it and a later
    overturn of it both carry its id, and cannot be told apart. (An exam lifts measures whole, so
    a later overturn of the same decision never reverses them again.)
    """
    if r.ends_decision_id is not None:
        return r.ends_decision_id
    decision = decisions.get(r.decision_id) if r.decision_id is not None else None
    if decision is None or decision.supersedes_id is not None:
        return None
    return decision.id


def reversal_problems(entries: list[LedgerEntry], decisions: dict[int, PenaltyDecision]) -> list[str]:
    """Reversals that repeat one act, give back more than was taken, or point at the wrong entry."""
    problems: list[str] = []
    measures: dict[int, _Measure] = {}
    acts: dict[tuple[int, int], int] = {}  # (measure, ended decision) -> its reversal
    for r in entries:
        if r.reverses_id is None:
            field_ = next((f for f in QUANTITIES if getattr(r, f) is not None), None)
            measures[r.id] = _Measure(r, getattr(r, field_) if field_ else None, r.ends_at)
            continue
        m = measures.get(r.reverses_id)
        if m is None:
            problems.append(f"entry {r.id} reverses entry {r.reverses_id}, which is not an earlier measure "
                            "of this merchant")
            continue
        e, name = m.entry, _measure_name(m.entry)
        if r.kind is not e.kind:
            problems.append(f"entry {r.id} reverses {name} but records {r.kind.value}")
            continue
        ended = _ending(r, decisions)
        if ended is not None:
            first = acts.setdefault((e.id, ended), r.id)
            if first != r.id:
                problems.append(f"{name} is reversed twice for decision {ended}: entries {first} and {r.id}")
        problems += _gives_back_too_much(m, r, name)
        m.reversals.append(r.id)
    return problems


def _gives_back_too_much(m: _Measure, r: LedgerEntry, name: str) -> list[str]:
    e = m.entry
    field_ = next((f for f in QUANTITIES if getattr(e, f) is not None), None)
    if field_ is not None:
        delta, taken = getattr(r, field_), getattr(e, field_)
        if not delta or (delta > 0) == (taken > 0):
            return [f"entry {r.id} adds to {name} instead of taking it back"]
        m.quantity += delta
        if m.quantity and (m.quantity > 0) != (taken > 0):
            ids = ", ".join(str(i) for i in [*m.reversals, r.id])
            return [f"{name} took {abs(taken)} but its reversals (entries {ids}) give back "
                    f"{abs(taken - m.quantity)}"]
        return []
    if e.kind in WINDOW_KINDS:
        end = max(r.ends_at, e.effective_at) if r.ends_at is not None else None
        if end is None:
            return [f"entry {r.id} reverses {name} without saying when it ends"]
        if m.ends_at is not None and end >= m.ends_at:
            return [f"entry {r.id} lifts {name} at {end.isoformat()}, when it had already ended "
                    f"at {m.ends_at.isoformat()}"]
        m.ends_at = end
        return []
    if m.reversals:  # a warning, notice or content removal is withdrawn once
        return [f"{name} is withdrawn twice: entries {m.reversals[0]} and {r.id}"]
    return []


def succession_problems(decisions: list[PenaltyDecision]) -> list[str]:
    """A reduced decision has one successor and reads superseded; no other decision has one."""
    successors: dict[int, list[PenaltyDecision]] = {}
    for d in decisions:
        if d.supersedes_id is not None:
            successors.setdefault(d.supersedes_id, []).append(d)
    problems = []
    for d in decisions:
        after = successors.get(d.id, [])
        ids = ", ".join(str(s.id) for s in after)
        if len(after) > 1:
            problems.append(f"decision {d.id} was reduced more than once: decisions {ids} replace it")
        if d.state is DecisionState.superseded and not after:
            problems.append(f"decision {d.id} reads superseded but no decision replaces it")
        elif d.state is not DecisionState.superseded and after:
            in_force = [s.id for s in after if s.state is DecisionState.in_force]
            problems.append(f"decision {d.id} reads {d.state.value} but decision {ids} replaces it"
                            + (f" and is in force ({d.id} was reduced and {d.state.value} at once)"
                               if in_force else ""))
    return problems


def verify_all() -> tuple[int, list[Mismatch]]:
    """Return the number of merchants checked and every mismatch found."""
    mismatches: list[Mismatch] = []
    count = 0
    for merchant in db.session.scalars(sa.select(Merchant).order_by(Merchant.id)):
        count += 1
        entries = list(db.session.scalars(
            sa.select(LedgerEntry).filter_by(merchant_id=merchant.id).order_by(LedgerEntry.id)))
        decisions = list(db.session.scalars(
            sa.select(PenaltyDecision).filter_by(merchant_id=merchant.id).order_by(PenaltyDecision.id)))
        balance = db.session.get(MerchantBalance, merchant.id)
        mismatches += [Mismatch(merchant.external_id, p)
                       for p in verify_merchant(merchant, entries, balance, decisions)]
    return count, mismatches
