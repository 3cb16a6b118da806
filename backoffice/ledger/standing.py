"""Derive a merchant's standing from ledger entries (pure: no database access)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Protocol
from zoneinfo import ZoneInfo

from backoffice.ledger.models import WINDOW_KINDS, EntryKind

ZERO = Decimal("0.00")


class EntryLike(Protocol):
    id: int
    kind: EntryKind
    created_at: datetime
    effective_at: datetime
    ends_at: datetime | None
    integrity_delta: int | None
    violation_delta: Decimal | None
    track: str | None
    deposit_delta: Decimal | None
    reverses_id: int | None


@dataclass(frozen=True)
class Window:
    entry_id: int
    kind: EntryKind
    starts_at: datetime
    ends_at: datetime | None  # None: permanent or until lifted


@dataclass(frozen=True)
class Standing:
    integrity_points: int | None
    deposit_balance: Decimal
    violation_points_by_track: dict[str, Decimal]
    status: str
    restricted_until: datetime | None
    muted_until: datetime | None
    mute_permanent: bool
    search_demoted: bool
    removed: bool
    active: tuple[Window, ...] = field(default=())

    @property
    def violation_points(self) -> Decimal:
        return sum(self.violation_points_by_track.values(), ZERO)


def effective_windows(entries: Iterable[EntryLike]) -> list[Window]:
    """Each window entry with the earliest end that it or its reversals give it."""
    entries = list(entries)
    cut: dict[int, datetime] = {}
    for e in entries:
        if e.reverses_id is not None and e.kind in WINDOW_KINDS and e.ends_at is not None:
            cut[e.reverses_id] = min(cut.get(e.reverses_id, e.ends_at), e.ends_at)
    windows = []
    for e in entries:
        if e.kind not in WINDOW_KINDS or e.reverses_id is not None:
            continue
        end = e.ends_at
        if e.id in cut:
            end = cut[e.id] if end is None else min(end, cut[e.id])
        windows.append(Window(e.id, e.kind, e.effective_at, max(end, e.effective_at) if end else None))
    return windows


def derive_standing(entries: Iterable[EntryLike], at: datetime, tz: ZoneInfo) -> Standing:
    """Standing as of ``at``: only entries recorded by then count."""
    seen = [e for e in entries if e.created_at <= at]
    integrity: int | None = None
    deposit = ZERO
    year_points: dict[str, Decimal] = defaultdict(lambda: ZERO)
    year = at.astimezone(tz).year
    for e in seen:
        if e.integrity_delta is not None:
            integrity = (integrity or 0) + e.integrity_delta
        if e.deposit_delta is not None:
            deposit += e.deposit_delta
        if e.violation_delta is not None and e.effective_at.astimezone(tz).year == year:
            year_points[e.track or "general"] += e.violation_delta
    active = tuple(w for w in effective_windows(seen)
                   if w.starts_at <= at and (w.ends_at is None or at < w.ends_at))

    def until(kinds: set[EntryKind]) -> tuple[bool, datetime | None, bool]:
        hits = [w for w in active if w.kind in kinds]
        if not hits:
            return False, None, False
        permanent = any(w.ends_at is None for w in hits)
        return True, (None if permanent else max(w.ends_at for w in hits)), permanent

    removed, _, _ = until({EntryKind.removal})
    restricted, restricted_until, _ = until({EntryKind.business_restriction, EntryKind.listing_restriction})
    muted, muted_until, mute_permanent = until({EntryKind.mute})
    demoted, _, _ = until({EntryKind.search_demotion})
    status = "removed" if removed else "restricted" if restricted else "muted" if muted else "active"
    return Standing(
        integrity_points=integrity,
        deposit_balance=deposit,
        violation_points_by_track={k: v for k, v in year_points.items() if v},
        status=status,
        restricted_until=restricted_until,
        muted_until=muted_until,
        mute_permanent=mute_permanent,
        search_demoted=demoted,
        removed=removed,
        active=active,
    )
