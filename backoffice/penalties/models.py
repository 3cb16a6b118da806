"""Penalty decisions: the measures a confirmed violation imposed, frozen with their rule-set version."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import UTCDateTime, db, enum_type, utcnow
from backoffice.merchants.models import Merchant


class DecisionState(enum.StrEnum):
    in_force = "in_force"
    overturned = "overturned"  # every measure reversed; does not count as an offence
    superseded = "superseded"  # replaced by a reduced decision that points back at it
    withdrawn = "withdrawn"  # undone by its reviewer within the undo window; does not count as an offence


class PenaltyDecision(db.Model):
    __tablename__ = "penalty_decisions"
    # A reduction supersedes a decision once; a second successor could only come from a race.
    __table_args__ = (sa.Index("uq_penalty_decisions_supersedes_id", "supersedes_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    rule_code: Mapped[str] = mapped_column(sa.String(64), index=True)
    severity: Mapped[str] = mapped_column(sa.String(32))
    offence_no: Mapped[int]
    ruleset_version: Mapped[str] = mapped_column(sa.String(64))
    # MeasurePlan.to_dict(): what was computed, exactly as it was at decision time.
    plan: Mapped[dict] = mapped_column(sa.JSON)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    state: Mapped[DecisionState] = mapped_column(enum_type(DecisionState), default=DecisionState.in_force)
    # A self-check correction (seed 004): the violation is recorded, without points.
    is_correction: Mapped[bool] = mapped_column(default=False)
    supersedes_id: Mapped[int | None] = mapped_column(sa.ForeignKey("penalty_decisions.id"))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str] = mapped_column(sa.String(500), default="")

    merchant: Mapped[Merchant] = relationship()
    supersedes: Mapped[PenaltyDecision | None] = relationship(remote_side=[id])


class ExamRevocation(db.Model):
    """A passed exam (seed 004) and the decision whose penalty it revoked."""

    __tablename__ = "exam_revocations"

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    decision_id: Mapped[int] = mapped_column(sa.ForeignKey("penalty_decisions.id"), unique=True)
    subtype: Mapped[str] = mapped_column(sa.String(64))
    grade: Mapped[str] = mapped_column(sa.String(16))
    passed_at: Mapped[datetime] = mapped_column(UTCDateTime)
