"""JSON shapes of ledger entries and standing."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from backoffice.ledger.models import LedgerEntry
from backoffice.ledger.standing import Standing


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dec(value: Decimal | None) -> str | None:
    return f"{value:.2f}" if value is not None else None


def standing_json(standing: Standing) -> dict:
    return {
        "integrity_points": standing.integrity_points,
        "violation_points": _dec(standing.violation_points),
        "violation_points_by_track": {k: _dec(v) for k, v in sorted(standing.violation_points_by_track.items())},
        "deposit_balance": _dec(standing.deposit_balance),
        "status": standing.status,
        "restricted_until": _iso(standing.restricted_until),
        "muted_until": _iso(standing.muted_until),
        "mute_permanent": standing.mute_permanent,
        "search_demoted": standing.search_demoted,
    }


def entry_json(entry: LedgerEntry) -> dict:
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "decision_id": entry.decision_id,
        "reverses": entry.reverses_id,
        "provisional": entry.is_provisional,
        "created_at": _iso(entry.created_at),
        "effective_at": _iso(entry.effective_at),
        "ends_at": _iso(entry.ends_at),
        "integrity_points": entry.integrity_delta,
        "violation_points": _dec(entry.violation_delta),
        "track": entry.track,
        "deposit": _dec(entry.deposit_delta),
        "requested": _dec(entry.requested),
        "shortfall": _dec(entry.shortfall),
        "compensation": _dec(entry.compensation),
        "reason": entry.reason,
    }
