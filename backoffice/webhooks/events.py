"""Write outbox events: one per ledger entry, in its transaction, and one per measure that runs out.

``ledger.operations.post`` is the only writer of ledger entries and calls ``record_entry``; the
caller holds the merchant's balance row lock, which also makes ``sequence`` gapless and ordered.
Expiry writes no ledger entry (a window simply ends), so ``emit_expiries`` (run by the delivery
sweep) reports each window once its end has passed.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa

from backoffice.appeals.models import Appeal
from backoffice.cases.models import CaseDecision
from backoffice.db import db, utcnow
from backoffice.jobs import enqueue
from backoffice.ledger.models import WINDOW_KINDS, EntryKind, LedgerEntry, MerchantBalance
from backoffice.ledger.standing import Standing, derive_standing, effective_windows
from backoffice.merchants.models import Merchant
from backoffice.penalties.models import PenaltyDecision
from backoffice.timeutil import platform_tz
from backoffice.webhooks.models import (
    DeliveryState,
    EventType,
    OutboxEvent,
    WebhookDelivery,
    WebhookEndpoint,
)

QUANTITY_FIELDS = {"integrity_delta": "integrity_points", "violation_delta": "violation_points",
                   "deposit_delta": "deposit", "compensation": "compensation"}


def record_entry(entry: LedgerEntry, before: list[LedgerEntry]) -> OutboxEvent:
    """The event reporting ``entry``; ``before`` are the merchant's entries written before it."""
    at = entry.created_at
    return _write(entry, _type_of(entry), at, before, [*before, entry], at)


def _type_of(entry: LedgerEntry) -> EventType:
    if entry.reverses_id is not None:
        return EventType.measure_reversed_on_appeal if _ended_by_appeal(entry) else EventType.measure_lifted
    return {
        EntryKind.opening: EventType.account_opened,
        EntryKind.deposit_topup: EventType.deposit_topped_up,
        EntryKind.removal: EventType.merchant_removed,
        EntryKind.consumer_compensation: EventType.compensation_owed,
    }.get(entry.kind) or (EventType.demotion_automatic
                          if entry.kind is EntryKind.search_demotion and entry.is_provisional
                          else EventType.measure_applied)


def _ended_by_appeal(entry: LedgerEntry) -> bool:
    """An overturn or reduction whose ruling has an appeal (an exam's revocation or a lifted
    automatic measure names no ending decision)."""
    if entry.ends_decision_id is None:
        return False
    ruling = ruling_of(entry.ends_decision_id)
    return ruling is not None and db.session.scalar(sa.select(Appeal.id).filter_by(ruling_id=ruling.id)) is not None


def ruling_of(decision_id: int | None) -> CaseDecision | None:
    """The reviewer's ruling behind a penalty decision (a reduction's successor: its first decision)."""
    decision = db.session.get(PenaltyDecision, decision_id) if decision_id else None
    while decision is not None:
        ruling = db.session.scalar(sa.select(CaseDecision).filter_by(penalty_decision_id=decision.id))
        if ruling is not None:
            return ruling
        decision = decision.supersedes
    return None


def _write(entry: LedgerEntry, kind: EventType, occurred_at: datetime, before: list, after: list,
           at: datetime) -> OutboxEvent:
    tz = platform_tz()
    merchant = db.session.get(Merchant, entry.merchant_id)
    last = db.session.scalar(sa.select(sa.func.max(OutboxEvent.sequence)).filter_by(merchant_id=merchant.id))
    event = OutboxEvent(
        uuid=str(uuid.uuid4()), merchant_id=merchant.id, platform=merchant.platform, sequence=(last or 0) + 1,
        type=kind, entry_id=entry.id, occurred_at=occurred_at,
        data={
            "measure": _measure(entry),
            "decision_id": entry.decision_id or entry.ends_decision_id,
            "rule": _rule(entry),
            "standing": {"before": standing_json(derive_standing(before, at - timedelta(microseconds=1), tz)),
                         "after": standing_json(derive_standing(after, at, tz))},
        },
    )
    db.session.add(event)
    db.session.flush()
    endpoints = db.session.scalars(sa.select(WebhookEndpoint).filter_by(platform=merchant.platform, is_active=True))
    for endpoint in endpoints:
        db.session.add(WebhookDelivery(endpoint_id=endpoint.id, event_id=event.id, merchant_id=merchant.id,
                                       sequence=event.sequence, state=DeliveryState.pending,
                                       next_attempt_at=occurred_at))
    db.session.flush()
    enqueue("webhooks.deliver")  # once this transaction commits (once per transaction, however many events)
    return event


def _measure(entry: LedgerEntry) -> dict:
    original = entry.reverses or entry
    measure: dict = {"type": original.kind.value, "entry_id": original.id, "provisional": entry.is_provisional,
                     "starts_at": iso(original.effective_at), "ends_at": iso(original.ends_at),
                     "reason": entry.reason}
    if original.track:
        measure["track"] = original.track
    for column, name in QUANTITY_FIELDS.items():
        if (value := getattr(entry, column)) is not None:
            measure[name] = _number(value)
    if entry.reverses_id is not None:
        measure["reverses_entry_id"] = entry.reverses_id
        if entry.kind in WINDOW_KINDS:
            measure["ends_at"] = iso(entry.ends_at)
    return measure


def _rule(entry: LedgerEntry) -> dict | None:
    decision = db.session.get(PenaltyDecision, entry.decision_id) if entry.decision_id else None
    if decision is None:
        return None
    return {"code": decision.rule_code, "severity": decision.severity, "rung": decision.offence_no,
            "ruleset_version": decision.ruleset_version}


def standing_json(standing: Standing) -> dict:
    return {
        "status": standing.status,
        "integrity_points": standing.integrity_points,
        "deposit_balance": _number(standing.deposit_balance),
        "violation_points": _number(standing.violation_points),
        "restricted_until": iso(standing.restricted_until),
        "muted_until": iso(standing.muted_until),
        "mute_permanent": standing.mute_permanent,
        "search_demoted": standing.search_demoted,
        "removed": standing.removed,
    }


def iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def _number(value) -> str | int:
    return str(value) if isinstance(value, Decimal) else value


def emit_expiries(now: datetime | None = None) -> int:
    """Write a ``measure.expired`` event for every window that has run out by ``now``; return how many.

    A window lifted outright (its reversal ends it when it is recorded) was reported as lifted and
    does not expire; one shortened to a later end expires then. Safe to run in several processes:
    each merchant's balance row is locked and the (entry, type) pair is unique.
    """
    now = now or utcnow()
    reported = sa.select(OutboxEvent.entry_id).where(OutboxEvent.type == EventType.measure_expired)
    candidates = sa.select(LedgerEntry.merchant_id).where(
        LedgerEntry.kind.in_(WINDOW_KINDS), LedgerEntry.ends_at.is_not(None), LedgerEntry.ends_at <= now,
        sa.func.coalesce(LedgerEntry.reverses_id, LedgerEntry.id).not_in(reported)).distinct()
    count = 0
    for merchant_id in list(db.session.scalars(candidates)):
        db.session.scalar(sa.select(MerchantBalance).filter_by(merchant_id=merchant_id).with_for_update())
        count += _expire_merchant(merchant_id, now)
    return count


def _expire_merchant(merchant_id: int, now: datetime) -> int:
    entries = list(db.session.scalars(sa.select(LedgerEntry).filter_by(merchant_id=merchant_id)
                                      .order_by(LedgerEntry.id)))
    done = set(db.session.scalars(sa.select(OutboxEvent.entry_id).filter_by(
        merchant_id=merchant_id, type=EventType.measure_expired)))
    lifts = {e.reverses_id: e for e in entries if e.reverses_id is not None and e.ends_at is not None}
    count = 0
    for window in effective_windows(entries):
        end = window.ends_at
        if end is None or end > now or window.entry_id in done:
            continue
        lift = lifts.get(window.entry_id)
        if lift is not None and lift.ends_at == end and end <= lift.created_at:
            continue  # ended by a lift, already reported as such
        original = next(e for e in entries if e.id == window.entry_id)
        _write(original, EventType.measure_expired, end, entries, entries, end)
        count += 1
    return count
