"""A blind second review of a closed case, compared with the original decision."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.accounts.models import User
from backoffice.cases.models import Case, CaseDecision, Verdict
from backoffice.db import UTCDateTime, db, enum_type, utcnow


class CalibrationReview(db.Model):
    __tablename__ = "calibration_reviews"
    __table_args__ = (
        sa.UniqueConstraint("case_id", "reviewer_id"),
        sa.Index("ix_calibration_reviews_open", "reviewer_id", "completed_at"),
        # A submitted review always carries its verdict; an open one has none yet.
        sa.CheckConstraint("(completed_at IS NULL) = (verdict IS NULL)", name="completed_has_verdict"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"))
    original_decision_id: Mapped[int] = mapped_column(sa.ForeignKey("case_decisions.id"))
    reviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    sampled_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    sampled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    verdict: Mapped[Verdict | None] = mapped_column(enum_type(Verdict))
    rule_code: Mapped[str | None] = mapped_column(sa.String(64))
    severity: Mapped[str | None] = mapped_column(sa.String(32))
    rationale: Mapped[str] = mapped_column(sa.Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case: Mapped[Case] = relationship()
    original_decision: Mapped[CaseDecision] = relationship()
    reviewer: Mapped[User] = relationship(foreign_keys=[reviewer_id])
    sampled_by: Mapped[User] = relationship(foreign_keys=[sampled_by_id])

    @property
    def is_open(self) -> bool:
        return self.completed_at is None
