"""A statement of reasons as it will be (or was) submitted to the DSA Transparency Database."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.cases.models import Case
from backoffice.db import UTCDateTime, db, enum_type, utcnow


class StatementTrigger(enum.StrEnum):
    decision = "decision"  # a reviewer's decision that imposed measures
    automatic = "automatic"  # a measure applied by the detector on its own (ZBJ demotion)


class StatementOfReasons(db.Model):
    """One statement, created in the transaction that applied its measures.

    Once exported it never changes: the Transparency Database has no update, so when an appeal
    overturns or reduces the decision the statement stays as submitted (the case's appeal record
    says what happened since). Before export it may be rebuilt from current data.
    """

    __tablename__ = "statements_of_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Platform-unique and never reused (schema: ^[a-zA-Z0-9-_]+$, at most 500 characters).
    puid: Mapped[str] = mapped_column(sa.String(500), unique=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    # At most one statement per decision.
    case_decision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("case_decisions.id"), unique=True)
    trigger: Mapped[StatementTrigger] = mapped_column(enum_type(StatementTrigger, 16))
    # The statement exactly as the Transparency Database API takes it.
    payload: Mapped[dict] = mapped_column(sa.JSON)
    # payload["application_date"] as a column, for date-range exports (a platform day).
    application_date: Mapped[date] = mapped_column(sa.Date, index=True)
    # Why it cannot be exported (schema rules, personal data), as of ``checked_at``; empty: none.
    problems: Mapped[list] = mapped_column(sa.JSON, default=list)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    export_batch: Mapped[str | None] = mapped_column(sa.String(64), index=True)

    case: Mapped[Case] = relationship()
