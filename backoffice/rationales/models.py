"""Canned reasons: a manager's ready-made wording of a decision's reasons, per rule and verdict."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.cases.models import Verdict
from backoffice.db import UTCDateTime, db, enum_type, utcnow

#: The placeholders a body may hold, filled in on the case page (rationales/render.py).
PLACEHOLDERS = ("{quote}", "{measure}")


class CannedReason(db.Model):
    __tablename__ = "canned_reasons"
    __table_args__ = (sa.Index("ix_canned_reasons_rule", "rule_code", "verdict", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_code: Mapped[str] = mapped_column(sa.String(64))
    verdict: Mapped[Verdict] = mapped_column(enum_type(Verdict))
    # The severity the reason speaks for (chosen with it on the case page); None: the reviewer's choice.
    severity: Mapped[str | None] = mapped_column(sa.String(32))
    title: Mapped[str] = mapped_column(sa.String(80))
    body: Mapped[str] = mapped_column(sa.Text)
    position: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
