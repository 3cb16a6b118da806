"""Helpers for the ledger and penalty tests (database-backed, both backends)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest

from backoffice.audit.operations import Actor
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.ledger.operations import entries_of, standing_of
from backoffice.penalties import operations as penalties
from backoffice.timeutil import platform_tz

ACTOR = Actor(None, "cli")


def D(value) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(str(value))


@pytest.fixture
def tz(app):
    return platform_tz()


@pytest.fixture
def t0(tz) -> datetime:
    """10:00 platform time tomorrow.

    Entries are recorded now, and a standing "as of" a moment counts only entries recorded by
    then, so decisions in these tests are dated after now (and the tests do not rot with time).
    """
    tomorrow = utcnow().astimezone(tz).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(10, 0), tzinfo=tz)


@pytest.fixture
def impose(app):
    def do(merchant, code: str, severity: str = "general", params=None, *, at: datetime | None = None):
        decision = penalties.impose(ACTOR, merchant, code, severity, params or {}, at=at)
        db.session.commit()
        return decision

    return do


@pytest.fixture
def standing(tz):
    def get(merchant, at: datetime | None = None):
        return standing_of(merchant, tz, at)

    return get


def decision_entries(decision) -> list[LedgerEntry]:
    return [e for e in entries_of(decision.merchant_id) if e.decision_id == decision.id]


def kinds(entries) -> list[str]:
    return sorted(e.kind.value for e in entries)


def one(entries, kind: EntryKind) -> LedgerEntry:
    (entry,) = [e for e in entries if e.kind is kind and e.reverses_id is None]
    return entry


def core(s) -> dict:
    """The parts of a standing that a full reversal must restore exactly."""
    return {
        "integrity_points": s.integrity_points,
        "deposit_balance": s.deposit_balance,
        "violation_points_by_track": dict(s.violation_points_by_track),
        "status": s.status,
        "restricted_until": s.restricted_until,
        "muted_until": s.muted_until,
        "mute_permanent": s.mute_permanent,
        "search_demoted": s.search_demoted,
        "removed": s.removed,
    }
