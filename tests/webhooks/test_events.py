"""Every write to the ledger reports an outbox event in the same transaction; expiries once."""

from __future__ import annotations

import ast
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ledger import operations as ledger
from backoffice.ledger.models import WINDOW_KINDS, EntryKind, LedgerEntry
from backoffice.penalties import automatic
from backoffice.penalties import operations as penalties
from backoffice.webhooks.events import emit_expiries
from backoffice.webhooks.models import EventType, OutboxEvent
from tests.builders import CLI

PACKAGE = Path(__file__).resolve().parents[2] / "backoffice"

#: What one original entry of each kind is reported as.
EXPECTED = {
    EntryKind.opening: EventType.account_opened,
    EntryKind.deposit_topup: EventType.deposit_topped_up,
    EntryKind.removal: EventType.merchant_removed,
    EntryKind.consumer_compensation: EventType.compensation_owed,
}
FIELDS = {
    EntryKind.opening: {"deposit_delta": Decimal("1.00")},
    EntryKind.deposit_topup: {"deposit_delta": Decimal("5.00")},
    EntryKind.integrity_points: {"integrity_delta": -2},
    EntryKind.violation_points: {"violation_delta": Decimal("3"), "track": "general"},
    EntryKind.deposit_deduction: {"deposit_delta": Decimal("-100.00")},
    EntryKind.consumer_compensation: {"compensation": Decimal("50.00")},
}


def events_of(merchant_id: int) -> list[OutboxEvent]:
    return list(db.session.scalars(sa.select(OutboxEvent).filter_by(merchant_id=merchant_id)
                                   .order_by(OutboxEvent.sequence)))


@pytest.mark.parametrize("kind", list(EntryKind), ids=[k.value for k in EntryKind])
def test_every_entry_kind_reports_one_event_and_its_reversal_another(make_merchant, kind):
    merchant = make_merchant()
    balance = ledger.lock_balance(merchant)
    fields = FIELDS.get(kind, {"ends_at": utcnow() + timedelta(days=3)} if kind in WINDOW_KINDS else {})
    entry = ledger.post(balance, kind, **fields)
    event = events_of(merchant.id)[-1]
    assert (event.entry_id, event.type) == (entry.id, EXPECTED.get(kind, EventType.measure_applied))
    assert event.data["measure"]["type"] == kind.value
    if kind not in (EntryKind.opening, EntryKind.deposit_topup):
        remaining = ledger.remaining_effects(ledger.entries_of(merchant.id))[entry.id]
        reversal = ledger.reverse(balance, remaining, at=utcnow(), reason="lifted", decision_id=None)
        last = events_of(merchant.id)[-1]
        assert (last.entry_id, last.type) == (reversal.id, EventType.measure_lifted)
    assert [e.sequence for e in events_of(merchant.id)] == list(range(1, len(events_of(merchant.id)) + 1))


def test_ledger_entries_are_constructed_only_in_post_so_no_write_path_misses_its_event():
    """A new writer building ``LedgerEntry(...)`` outside ``ledger.operations.post`` fails here."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "LedgerEntry":
                        found.append(f"{path.relative_to(PACKAGE)}::{node.name}")
    assert found == ["ledger/operations.py::post"]


def test_an_imposed_ruling_reports_rule_rung_and_standing_before_and_after(make_merchant):
    merchant = make_merchant(deposit="10000.00")
    decision = penalties.impose(CLI, merchant, "zbj.offsite_contact", "general", {})
    db.session.commit()
    applied = [e for e in events_of(merchant.id) if e.type is not EventType.account_opened]
    assert applied
    assert {e.data["rule"]["code"] for e in applied} == {"zbj.offsite_contact"}
    assert {e.data["rule"]["rung"] for e in applied} == {decision.offence_no}
    first = applied[0]
    assert first.data["standing"]["before"]["deposit_balance"] == "10000.00"
    chain = [e.data["standing"] for e in events_of(merchant.id)]
    assert all(a["after"] == b["before"] for a, b in zip(chain, chain[1:], strict=False))


def test_an_automatic_demotion_then_its_lift_are_reported(make_merchant):
    merchant = make_merchant()
    written = automatic.apply_automatic(CLI, merchant, "zbj.offsite_contact", utcnow(), "flag")
    demotion = next(e for e in written if e.kind is EntryKind.search_demotion)
    automatic.lift_provisional(CLI, merchant, [demotion.id], "no violation")
    db.session.commit()
    types = [e.type for e in events_of(merchant.id)]
    assert EventType.demotion_automatic in types
    assert types[-1] is EventType.measure_lifted
    assert events_of(merchant.id)[-1].data["standing"]["after"]["search_demoted"] is False


def test_a_rolled_back_ledger_write_leaves_no_event(make_merchant):
    merchant = make_merchant()
    before = len(events_of(merchant.id))
    ledger.top_up(merchant, Decimal("10.00"), "rolled back")
    db.session.rollback()
    assert len(events_of(merchant.id)) == before


def test_a_window_is_reported_expired_once_when_its_end_passes_and_a_lifted_one_never(make_merchant):
    merchant = make_merchant()
    now = utcnow()
    balance = ledger.lock_balance(merchant)
    mute = ledger.post(balance, EntryKind.mute, ends_at=now + timedelta(hours=1))
    lifted = ledger.post(balance, EntryKind.listing_restriction, ends_at=now + timedelta(hours=1))
    ledger.reverse(balance, ledger.remaining_effects(ledger.entries_of(merchant.id))[lifted.id],
                   at=now, reason="lifted", decision_id=None)
    db.session.commit()
    assert emit_expiries(now + timedelta(minutes=59)) == 0
    assert emit_expiries(now + timedelta(hours=2)) == 1
    assert emit_expiries(now + timedelta(hours=3)) == 0
    expired = events_of(merchant.id)[-1]
    assert (expired.type, expired.entry_id) == (EventType.measure_expired, mute.id)
    assert expired.occurred_at == mute.ends_at
    assert expired.data["standing"]["before"]["status"] == "muted"
    assert expired.data["standing"]["after"]["status"] == "active"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LedgerEntry)
                             .filter_by(merchant_id=merchant.id)) == 4  # expiry writes no ledger entry
