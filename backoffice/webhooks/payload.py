"""The versioned JSON body of an event, as pushed by webhooks and served by the pull feed."""

from __future__ import annotations

from datetime import datetime

from backoffice.rulings.facts import ruling_number
from backoffice.timeutil import to_platform_tz
from backoffice.webhooks.events import iso, ruling_of
from backoffice.webhooks.models import EventType, OutboxEvent

VERSION = 1

SUMMARIES = {
    EventType.account_opened: "The merchant's ledger was opened with its starting balances.",
    EventType.deposit_topped_up: "The merchant topped up the deposit.",
    EventType.measure_applied: "A penalty measure was applied to the merchant.",
    EventType.demotion_automatic: "Search demotion applied automatically on a flag, before review.",
    EventType.merchant_removed: "The merchant was removed from the platform (store closed).",
    EventType.compensation_owed: "The merchant owes the customer compensation.",
    EventType.measure_lifted: "A measure was lifted (no violation found, or revoked by a passed exam).",
    EventType.measure_reversed_on_appeal: "A measure was reversed or reduced on appeal.",
    EventType.measure_expired: "A time-limited measure ran out.",
}


def platform_time(value: str | None) -> str | None:
    return to_platform_tz(datetime.fromisoformat(value)).isoformat() if value else None


def payload(event: OutboxEvent) -> dict:
    """Everything a platform needs to act on the event without calling back."""
    measure = dict(event.data["measure"])
    for key in ("starts_at", "ends_at"):
        measure[f"{key}_platform"] = platform_time(measure.get(key))
    ruling = ruling_of(event.data.get("decision_id"))
    return {
        "version": VERSION,
        "id": event.uuid,
        "type": event.type.value,
        "summary": SUMMARIES[event.type],
        "sequence": event.sequence,
        "cursor": event.id,
        "occurred_at": iso(event.occurred_at),
        "occurred_at_platform": to_platform_tz(event.occurred_at).isoformat(),
        "merchant": {"id": event.merchant.external_id, "platform": event.platform.value},
        "measure": measure,
        "rule": event.data.get("rule"),
        "ruling_number": ruling_number(ruling) if ruling is not None else None,
        "standing": event.data["standing"],
    }
