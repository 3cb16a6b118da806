"""Measures a rule takes on a flag before any person reviews it (ZBJ's demotion on a sure flag): applied
provisionally, lifted by a "no violation" verdict, put back when that verdict is undone."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from backoffice.audit.operations import Actor, record
from backoffice.db import db, utcnow
from backoffice.ledger import operations as ledger
from backoffice.ledger.models import WINDOW_KINDS, LedgerEntry
from backoffice.merchants.models import Merchant
from backoffice.penalties.operations import rule_for
from backoffice.policy import automatic_measures
from backoffice.timeutil import platform_tz
from backoffice.transparency import operations as statements


def apply_automatic(actor: Actor, merchant: Merchant, rule_code: str, flagged_at: datetime,
                    reason: str, case_id: int | None = None) -> list[LedgerEntry]:
    """Take the measures a rule applies on a flag, before review; they stay provisional."""
    rule = rule_for(merchant, rule_code)
    measures = automatic_measures(rule, flagged_at, platform_tz())
    if not measures:
        return []
    balance = ledger.lock_balance(merchant)
    written = [ledger.post_measure(balance, m, decision_id=None, provisional=True, reason=reason,
                                   case_id=case_id)
               for m in measures]
    record(actor, "penalty.automatic", "merchant", merchant.id,
           after={"rule": rule_code, "entries": [e.id for e in written]})
    if case_id is not None:  # its own statement of reasons, at the moment it applies (DSA Art. 17(2))
        statements.record_automatic(case_id, written)
    return written


def lift_provisional(actor: Actor, merchant: Merchant, entry_ids: Iterable[int], reason: str,
                     *, at: datetime | None = None) -> list[LedgerEntry]:
    """Lift automatic measures after a 'no violation' verdict."""
    at = at or utcnow()
    balance = ledger.lock_balance(merchant)
    entries = ledger.entries_of(merchant.id)
    remaining = ledger.remaining_effects(entries)
    wanted = set(entry_ids)
    written = [
        r for e in entries
        if e.id in wanted and e.is_provisional and e.reverses_id is None
        and (r := ledger.reverse(balance, remaining[e.id], at=at, reason=reason, decision_id=None))
    ]
    record(actor, "penalty.lift_automatic", "merchant", merchant.id,
           after={"lifted": [e.reverses_id for e in written], "reason": reason})
    return written


def restore_provisional(actor: Actor, merchant: Merchant, lifts: Iterable[LedgerEntry],
                        reason: str) -> list[LedgerEntry]:
    """Put back automatic measures a decision lifted, when that decision is undone: each as it stood
    (the same start and end, the quantity the lift gave back), provisional again, as a new entry."""
    balance = ledger.lock_balance(merchant)
    written = []
    for lift in lifts:
        original = db.session.get(LedgerEntry, lift.reverses_id)
        fields = {f: -getattr(lift, f) for f in ledger.QUANTITIES if getattr(lift, f) is not None}
        if original.kind in WINDOW_KINDS:
            fields["ends_at"] = original.ends_at
        written.append(ledger.post(balance, original.kind, effective_at=original.effective_at, is_provisional=True,
                                   case_id=original.case_id, track=original.track, reason=reason[:500], **fields))
    record(actor, "penalty.restore_automatic", "merchant", merchant.id,
           after={"restored": [lift.reverses_id for lift in lifts], "entries": [e.id for e in written]})
    return written
