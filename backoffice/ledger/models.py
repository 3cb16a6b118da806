"""The merchant ledger: every change to a merchant's standing is an append-only entry."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import UTCDateTime, db, enum_type, utcnow

Money = sa.Numeric(14, 2)
Points = sa.Numeric(8, 2)


class EntryKind(enum.StrEnum):
    opening = "opening"  # the account's opening balances
    deposit_topup = "deposit_topup"
    integrity_points = "integrity_points"
    violation_points = "violation_points"
    deposit_deduction = "deposit_deduction"
    consumer_compensation = "consumer_compensation"
    business_restriction = "business_restriction"
    listing_restriction = "listing_restriction"
    mute = "mute"
    search_demotion = "search_demotion"
    removal = "removal"
    content_removal = "content_removal"
    risk_notice = "risk_notice"
    warning = "warning"


#: Kinds whose effect lasts from ``effective_at`` until ``ends_at`` (None: until lifted).
WINDOW_KINDS = frozenset({
    EntryKind.business_restriction, EntryKind.listing_restriction, EntryKind.mute,
    EntryKind.search_demotion, EntryKind.removal,
})


class LedgerEntry(db.Model):
    """One change. A reversal is another entry pointing at the one it compensates.

    Quantities are signed deltas. For window kinds a reversal's ``ends_at`` is the moment the
    original stops having effect (the lift time, or the new, earlier end of a reduced measure).
    """

    __tablename__ = "ledger_entries"
    __table_args__ = (
        sa.CheckConstraint("ends_at IS NULL OR ends_at >= effective_at", name="window_order"),
        sa.Index("ix_ledger_entries_merchant_kind", "merchant_id", "kind"),
        # A decision is overturned or reduced once: its ending reverses each measure at most once.
        sa.Index("uq_ledger_entries_one_reversal_per_ending", "reverses_id", "ends_decision_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    decision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("penalty_decisions.id"), index=True)
    kind: Mapped[EntryKind] = mapped_column(enum_type(EntryKind, 32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    effective_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    integrity_delta: Mapped[int | None]
    violation_delta: Mapped[Decimal | None] = mapped_column(Points)
    track: Mapped[str | None] = mapped_column(sa.String(16))
    deposit_delta: Mapped[Decimal | None] = mapped_column(Money)
    requested: Mapped[Decimal | None] = mapped_column(Money)
    shortfall: Mapped[Decimal | None] = mapped_column(Money)
    compensation: Mapped[Decimal | None] = mapped_column(Money)
    # Automatic measures taken on a flag, before a person has judged the case.
    is_provisional: Mapped[bool] = mapped_column(default=False)
    reverses_id: Mapped[int | None] = mapped_column(sa.ForeignKey("ledger_entries.id"), index=True)
    # On a reversal: the decision whose overturn or reduction it is part of (None for an exam's
    # revocation, a lifted automatic measure, and reversals recorded before this column existed).
    ends_decision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("penalty_decisions.id"))
    # The case whose flag triggered an automatic measure.
    case_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    reason: Mapped[str] = mapped_column(sa.String(500), default="")

    reverses: Mapped[LedgerEntry | None] = relationship(remote_side=[id])


class MerchantBalance(db.Model):
    """Running totals kept beside the ledger for fast reads; ``ledger verify`` replays and compares.

    The row is also the per-merchant lock that serialises writes to the merchant's ledger.
    """

    __tablename__ = "merchant_balances"

    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), primary_key=True)
    integrity_points: Mapped[int | None]
    deposit_balance: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    entry_count: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
