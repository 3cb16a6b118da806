"""A shop's open cases as pieces of work: the same rule, flagged within an hour of each other, is one.

A burst of eleven flags in one afternoon is one course of conduct to read together, not eleven unrelated
cases spread through the queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa

from backoffice.cases.models import OPEN_STATUSES, Case
from backoffice.db import db

BURST_GAP = timedelta(hours=1)


@dataclass
class Piece:
    """Open cases of one rule, each opened within ``BURST_GAP`` of the one before."""

    rule_code: str | None
    cases: list[Case] = field(default_factory=list)

    @property
    def first_at(self) -> datetime:
        return self.cases[0].opened_at

    @property
    def last_at(self) -> datetime:
        return self.cases[-1].opened_at

    @property
    def flags(self) -> int:
        return sum(c.flag_count for c in self.cases)


def open_work(merchant_id: int) -> list[Piece]:
    """The shop's open cases, in pieces; the largest piece first, then the oldest."""
    cases = db.session.scalars(sa.select(Case).where(Case.merchant_id == merchant_id, Case.status.in_(OPEN_STATUSES))
                               .order_by(Case.rule_code, Case.opened_at, Case.id)).all()
    pieces: list[Piece] = []
    for case in cases:
        last = pieces[-1] if pieces else None
        if last is None or last.rule_code != case.rule_code or case.opened_at - last.last_at > BURST_GAP:
            pieces.append(Piece(case.rule_code))
        pieces[-1].cases.append(case)
    return sorted(pieces, key=lambda p: (-len(p.cases), p.first_at))


def open_count(merchant_id: int, but: int | None = None) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Case).where(
        Case.merchant_id == merchant_id, Case.status.in_(OPEN_STATUSES), Case.id != (but or 0))) or 0
