"""Merchants' appeals against rulings, their evidence, and exam-learning attempts."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.accounts.models import User
from backoffice.cases.models import CaseDecision
from backoffice.db import UTCDateTime, db, enum_type, utcnow


class AppealStatus(enum.StrEnum):
    draft = "draft"
    submitted = "submitted"  # waiting for a senior reviewer
    awaiting_evidence = "awaiting_evidence"  # the reviewer asked for more; the clock is paused
    decided = "decided"


class AppealOutcome(enum.StrEnum):
    upheld = "upheld"
    overturned = "overturned"
    reduced = "reduced"


class Appeal(db.Model):
    __tablename__ = "appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    # One appeal per ruling.
    ruling_id: Mapped[int] = mapped_column(sa.ForeignKey("case_decisions.id"), unique=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    status: Mapped[AppealStatus] = mapped_column(enum_type(AppealStatus), default=AppealStatus.draft)
    statement: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The filing deadline, computed in platform time when the appeal is opened, plus paused time.
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Filing time left when the appeal went to review: the clock is paused while the platform reviews.
    remaining_seconds: Mapped[int | None]
    # The platform's deadline to decide the appeal (issue 22, appeals/decision_clock.py): set on
    # submission, None while it waits on the merchant (awaiting_evidence), with the time it had left
    # kept in decision_seconds_left (business seconds when the pack counts business hours).
    decision_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    decision_seconds_left: Mapped[int | None]
    # What the decision deadline was computed from ({"hours", "clock"}), for pages to say.
    decision_basis: Mapped[dict | None] = mapped_column(sa.JSON)
    evidence_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    evidence_request: Mapped[str] = mapped_column(sa.Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    outcome: Mapped[AppealOutcome | None] = mapped_column(enum_type(AppealOutcome))
    outcome_reason: Mapped[str] = mapped_column(sa.Text, default="")
    # The penalty decision that superseded the original on a reduced outcome.
    successor_penalty_id: Mapped[int | None] = mapped_column(sa.ForeignKey("penalty_decisions.id"))
    # When the statement, the supplements' text and the evidence files were purged with the conversation.
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    ruling: Mapped[CaseDecision] = relationship()
    decided_by: Mapped[User | None] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(back_populates="appeal", order_by="Evidence.id")
    supplements: Mapped[list[Supplement]] = relationship(back_populates="appeal", order_by="Supplement.number")

    @property
    def statement_evidence(self) -> list[Evidence]:
        """The files filed with the statement (the supplements' files are listed with them)."""
        return [e for e in self.evidence if e.supplement_id is None]


class Supplement(db.Model):
    """What a merchant adds to an appeal once submitted: its statement is frozen then (issue 20).

    Numbered 1, 2, … per appeal under the appeal's row lock, so that the order in which reviewers read
    them is the order in which they were accepted.
    """

    __tablename__ = "appeal_supplements"
    __table_args__ = (sa.UniqueConstraint("appeal_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(sa.ForeignKey("appeals.id"))
    number: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text, default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    added_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    appeal: Mapped[Appeal] = relationship(back_populates="supplements")
    evidence: Mapped[list[Evidence]] = relationship(back_populates="supplement", order_by="Evidence.id")


class Evidence(db.Model):
    """One uploaded file, stored content-addressed by SHA-256 outside the web root."""

    __tablename__ = "appeal_evidence"
    __table_args__ = (sa.UniqueConstraint("appeal_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(sa.ForeignKey("appeals.id"), index=True)
    # Set when the file came with a supplement rather than with the statement.
    supplement_id: Mapped[int | None] = mapped_column(sa.ForeignKey("appeal_supplements.id"), index=True)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    name: Mapped[str] = mapped_column(sa.String(120))
    mime: Mapped[str] = mapped_column(sa.String(64))
    kind: Mapped[str] = mapped_column(sa.String(16))  # image, pdf, audio, text
    size: Mapped[int]
    has_thumbnail: Mapped[bool] = mapped_column(default=False)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    appeal: Mapped[Appeal] = relationship(back_populates="evidence")
    supplement: Mapped[Supplement | None] = relationship(back_populates="evidence")


class ExamAttempt(db.Model):
    """An exam-learning attempt (seed 004) on one ruling."""

    __tablename__ = "exam_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    ruling_id: Mapped[int] = mapped_column(sa.ForeignKey("case_decisions.id"), index=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    question_ids: Mapped[list] = mapped_column(sa.JSON)
    answers: Mapped[dict | None] = mapped_column(sa.JSON)
    score: Mapped[int | None]
    passed: Mapped[bool | None]
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
