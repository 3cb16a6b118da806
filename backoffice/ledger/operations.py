"""Write the ledger: opening balances, top-ups, measures, and compensating reversals.

Callers hold the merchant's balance row lock (``lock_balance``) for the whole transaction, so
a deduction is computed against the balance it is applied to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from backoffice.db import db, utcnow
from backoffice.failures import DomainError
from backoffice.ledger.models import WINDOW_KINDS, EntryKind, LedgerEntry, MerchantBalance
from backoffice.ledger.standing import ZERO, Standing, derive_standing, effective_windows
from backoffice.merchants.models import Merchant
from backoffice.policy import PlannedMeasure, StandingSnapshot
from backoffice.webhooks import events


class LedgerError(DomainError, ValueError):
    """A ledger change that cannot be made; the message says why."""


def lock_balance(merchant: Merchant) -> MerchantBalance:
    """Return the merchant's balance row, locked until the transaction ends."""
    stmt = sa.select(MerchantBalance).where(MerchantBalance.merchant_id == merchant.id).with_for_update()
    balance = db.session.scalar(stmt)
    if balance is None:
        balance = MerchantBalance(merchant_id=merchant.id, deposit_balance=ZERO, entry_count=0)
        db.session.add(balance)
        db.session.flush()
    return balance


def entries_of(merchant_id: int) -> list[LedgerEntry]:
    stmt = sa.select(LedgerEntry).where(LedgerEntry.merchant_id == merchant_id).order_by(LedgerEntry.id)
    return list(db.session.scalars(stmt))


def standing_of(merchant: Merchant, tz: ZoneInfo, at: datetime | None = None) -> Standing:
    return derive_standing(entries_of(merchant.id), at or utcnow(), tz)


def snapshot(standing: Standing, extra_deposit: Decimal = ZERO) -> StandingSnapshot:
    """The policy layer's view of a standing (optionally as if ``extra_deposit`` were still held)."""
    return StandingSnapshot(
        deposit_balance=max(standing.deposit_balance + extra_deposit, ZERO),
        integrity_points=standing.integrity_points,
        violation_points_by_track=dict(standing.violation_points_by_track),
        status=standing.status,  # type: ignore[arg-type]
        restricted_until=standing.restricted_until,
        muted_until=standing.muted_until,
        search_demoted=standing.search_demoted,
    )


def post(balance: MerchantBalance, kind: EntryKind, *, effective_at: datetime | None = None,
         **fields) -> LedgerEntry:
    """Append one entry, move the running totals with it and report it in the outbox (same transaction)."""
    now = utcnow()
    before = entries_of(balance.merchant_id)
    entry = LedgerEntry(merchant_id=balance.merchant_id, kind=kind, created_at=now,
                        effective_at=effective_at or now, **fields)
    if entry.deposit_delta is not None:
        new_balance = balance.deposit_balance + entry.deposit_delta
        if new_balance < 0:
            raise LedgerError(f"deposit would go below zero ({new_balance})")
        balance.deposit_balance = new_balance
    if entry.integrity_delta is not None:
        balance.integrity_points = (balance.integrity_points or 0) + entry.integrity_delta
    balance.entry_count += 1
    balance.updated_at = now
    db.session.add(entry)
    db.session.flush()
    events.record_entry(entry, before)
    return entry


def open_account(merchant: Merchant, deposit: Decimal, integrity_points: int | None) -> LedgerEntry:
    if deposit < 0:
        raise LedgerError("an opening deposit cannot be negative")
    balance = lock_balance(merchant)
    if balance.entry_count:
        raise LedgerError(f"merchant {merchant.external_id} already has a ledger")
    return post(balance, EntryKind.opening, deposit_delta=deposit, integrity_delta=integrity_points,
                reason="opening balance")


def top_up(merchant: Merchant, amount: Decimal, reason: str) -> LedgerEntry:
    if amount <= 0:
        raise LedgerError("a top-up must be a positive amount")
    return post(lock_balance(merchant), EntryKind.deposit_topup, deposit_delta=amount, reason=reason)


def post_measure(balance: MerchantBalance, measure: PlannedMeasure, *, decision_id: int | None,
                 provisional: bool = False, reason: str = "", case_id: int | None = None) -> LedgerEntry:
    """Record one planned measure as an entry."""
    kind = EntryKind(measure.type)
    fields: dict = {"decision_id": decision_id, "is_provisional": provisional, "reason": reason[:500],
                    "case_id": case_id}
    if kind is EntryKind.integrity_points:
        fields["integrity_delta"] = measure.integrity_points
    elif kind is EntryKind.violation_points:
        fields.update(violation_delta=measure.violation_points, track=measure.track or "general")
    elif kind is EntryKind.deposit_deduction:
        fields.update(deposit_delta=-(measure.applied or ZERO), requested=measure.requested,
                      shortfall=measure.shortfall)
    elif kind is EntryKind.consumer_compensation:
        fields["compensation"] = measure.amount
    elif kind in WINDOW_KINDS:
        fields["ends_at"] = measure.ends_at
    return post(balance, kind, effective_at=measure.starts_at, **fields)


QUANTITIES = ("integrity_delta", "violation_delta", "deposit_delta", "compensation")


@dataclass
class Remaining:
    """What is left in force of one original entry after its reversals."""

    entry: LedgerEntry
    quantity: Decimal | int | None
    ends_at: datetime | None
    withdrawn: bool


def remaining_effects(entries: list[LedgerEntry]) -> dict[int, Remaining]:
    reversals: dict[int, list[LedgerEntry]] = defaultdict(list)
    for e in entries:
        if e.reverses_id is not None:
            reversals[e.reverses_id].append(e)
    windows = {w.entry_id: w for w in effective_windows(entries)}
    result = {}
    for e in entries:
        if e.reverses_id is not None or e.kind in (EntryKind.opening, EntryKind.deposit_topup):
            continue
        field = _quantity_field(e)
        quantity = None
        if field:
            quantity = getattr(e, field) + sum(getattr(r, field) or 0 for r in reversals[e.id])
        window = windows.get(e.id)
        result[e.id] = Remaining(
            e, quantity, window.ends_at if window else None,
            withdrawn=bool(reversals[e.id]) and not field and e.kind not in WINDOW_KINDS,
        )
    return result


def _quantity_field(entry: LedgerEntry) -> str | None:
    return next((f for f in QUANTITIES if getattr(entry, f) is not None), None)


def reverse(balance: MerchantBalance, remaining: Remaining, *, at: datetime, reason: str,
            decision_id: int | None, keep_quantity=None, new_end: datetime | None = None,
            ends_decision_id: int | None = None) -> LedgerEntry | None:
    """Compensate an entry down to ``keep_quantity`` (default nothing) or end its window early.

    ``ends_decision_id`` names the decision being overturned or reduced: the database then refuses
    a second reversal of the entry for that same ending. Returns None when there is nothing left
    to reverse.
    """
    e = remaining.entry
    fields: dict = {"reverses_id": e.id, "decision_id": decision_id, "reason": reason[:500],
                    "track": e.track, "is_provisional": e.is_provisional, "ends_decision_id": ends_decision_id}
    field = _quantity_field(e)
    if field:
        keep = keep_quantity if keep_quantity is not None else 0
        delta = keep - remaining.quantity
        if delta == 0:
            return None
        if abs(keep) > abs(remaining.quantity) or (keep and (keep > 0) != (remaining.quantity > 0)):
            raise LedgerError(f"entry {e.id}: cannot raise {field} from {remaining.quantity} to {keep}")
        fields[field] = delta
    elif e.kind in WINDOW_KINDS:
        end = new_end if new_end is not None else max(at, e.effective_at)
        end = max(end, e.effective_at)
        if remaining.ends_at is not None and end >= remaining.ends_at:
            return None  # already over by then
        fields["ends_at"] = end
    elif remaining.withdrawn:
        return None
    return post(balance, e.kind, effective_at=e.effective_at, **fields)
