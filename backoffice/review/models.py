"""A reviewer's decision on a case, its approval, and internal notes."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.accounts.models import User
from backoffice.cases.models import Case
from backoffice.db import UTCDateTime, db, enum_type, utcnow


class Verdict(enum.StrEnum):
    violation = "violation"
    no_violation = "no_violation"
    insufficient_evidence = "insufficient_evidence"


class DecisionStatus(enum.StrEnum):
    pending_approval = "pending_approval"
    applied = "applied"
    refused = "refused"


class CaseDecision(db.Model):
    __tablename__ = "case_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    verdict: Mapped[Verdict] = mapped_column(enum_type(Verdict))
    rule_code: Mapped[str | None] = mapped_column(sa.String(64))
    severity: Mapped[str | None] = mapped_column(sa.String(32))
    rationale: Mapped[str] = mapped_column(sa.Text)
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    # Measure types the reviewer left out of the computed plan (a deviation), with the reason.
    dropped: Mapped[list] = mapped_column(sa.JSON, default=list)
    deviation_reason: Mapped[str] = mapped_column(sa.Text, default="")
    # The plan as previewed when the reviewer decided (MeasurePlan.to_dict()).
    preview: Mapped[dict | None] = mapped_column(sa.JSON)
    approval_reasons: Mapped[list] = mapped_column(sa.JSON, default=list)
    status: Mapped[DecisionStatus] = mapped_column(enum_type(DecisionStatus))
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approval_note: Mapped[str] = mapped_column(sa.Text, default="")
    penalty_decision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("penalty_decisions.id"))
    # Messages the reviewer relies on besides the flagged ones (a report names no message): the
    # ruling quotes them. None on decisions from before this existed.
    quoted_message_ids: Mapped[list | None] = mapped_column(sa.JSON)

    case: Mapped[Case] = relationship()
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])


class CaseNote(db.Model):
    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User] = relationship()
