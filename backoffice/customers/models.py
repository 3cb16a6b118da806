"""Customers (the other party of a conversation) and the measures taken against them.

A customer is known by the platform's id (``Conversation.customer_external_id``); the row is made
when a case first has the customer as its subject. Measures are append-only and never reversed
here: customers' appeals are out of scope.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import UTCDateTime, db, enum_type, utcnow
from backoffice.merchants.models import Platform


class CustomerMeasureType(enum.StrEnum):
    warning = "warning"
    messaging_restriction = "messaging_restriction"
    ban = "ban"


class Customer(db.Model):
    __tablename__ = "customers"
    __table_args__ = (sa.UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[Platform] = mapped_column(enum_type(Platform, 16))
    external_id: Mapped[str] = mapped_column(sa.String(128))
    name: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CustomerMeasure(db.Model):
    """One measure a reviewer's decision took against a customer (at most one per decision)."""

    __tablename__ = "customer_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(sa.ForeignKey("customers.id"), index=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    # Unique: a decision applied twice (a double click, two approvals) can never take two measures.
    case_decision_id: Mapped[int] = mapped_column(sa.ForeignKey("case_decisions.id"), unique=True)
    rule_code: Mapped[str] = mapped_column(sa.String(64))
    severity: Mapped[str] = mapped_column(sa.String(32))
    offence_no: Mapped[int]
    type: Mapped[CustomerMeasureType] = mapped_column(enum_type(CustomerMeasureType, 32))
    days: Mapped[int | None]
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: a warning, or a ban until lifted
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    customer: Mapped[Customer] = relationship()
