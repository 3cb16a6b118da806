"""The outbox of enforcement events, the platforms' webhook endpoints and each event's deliveries."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import UTCDateTime, db, enum_type, utcnow
from backoffice.merchants.models import Merchant, Platform


class EventType(enum.StrEnum):
    account_opened = "account.opened"
    deposit_topped_up = "deposit.topped_up"
    measure_applied = "measure.applied"
    demotion_automatic = "demotion.automatic"
    merchant_removed = "merchant.removed"
    compensation_owed = "compensation.owed"
    measure_lifted = "measure.lifted"
    measure_reversed_on_appeal = "measure.reversed_on_appeal"
    measure_expired = "measure.expired"


class OutboxEvent(db.Model):
    """One change of a merchant's standing, written in the transaction of the ledger entry it reports.

    ``id`` is the pull feed's cursor; ``uuid`` the public, stable id (and idempotency key);
    ``sequence`` orders a merchant's events (written under the merchant's balance row lock).
    """

    __tablename__ = "outbox_events"
    __table_args__ = (
        sa.UniqueConstraint("merchant_id", "sequence"),
        # One event of each type per ledger entry: an expiry is reported once, whoever sweeps.
        sa.UniqueConstraint("entry_id", "type"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    platform: Mapped[Platform] = mapped_column(enum_type(Platform, 16))
    sequence: Mapped[int]
    type: Mapped[EventType] = mapped_column(enum_type(EventType, 40))
    entry_id: Mapped[int] = mapped_column(sa.ForeignKey("ledger_entries.id"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The payload's body (without the envelope): measure, rule, standing before and after.
    data: Mapped[dict] = mapped_column(sa.JSON)

    merchant: Mapped[Merchant] = relationship()


class WebhookEndpoint(db.Model):
    """A platform's receiver. The secret must be kept in clear to sign; it is shown once."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[Platform] = mapped_column(enum_type(Platform, 16), index=True)
    url: Mapped[str] = mapped_column(sa.String(500))
    secret: Mapped[str] = mapped_column(sa.String(100))
    # During a rotation the old secret stays valid (both signatures are sent) until this moment.
    previous_secret: Mapped[str | None] = mapped_column(sa.String(100))
    previous_valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def secret_hint(self) -> str:
        return self.secret[:8]

    def secrets_at(self, at: datetime) -> list[str]:
        valid_old = self.previous_secret and self.previous_valid_until and at < self.previous_valid_until
        return [self.secret, self.previous_secret] if valid_old else [self.secret]  # type: ignore[list-item]


class DeliveryState(enum.StrEnum):
    pending = "pending"
    delivered = "delivered"
    given_up = "given_up"


class WebhookDelivery(db.Model):
    """One event to one endpoint; retried until delivered or given up."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        sa.UniqueConstraint("endpoint_id", "event_id"),
        sa.Index("ix_webhook_deliveries_due", "state", "next_attempt_at"),
        sa.Index("ix_webhook_deliveries_order", "endpoint_id", "merchant_id", "sequence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(sa.ForeignKey("webhook_endpoints.id"))
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("outbox_events.id"), index=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"))
    sequence: Mapped[int]
    state: Mapped[DeliveryState] = mapped_column(enum_type(DeliveryState, 16), default=DeliveryState.pending)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_status: Mapped[int | None]
    last_error: Mapped[str] = mapped_column(sa.String(300), default="")
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    endpoint: Mapped[WebhookEndpoint] = relationship()
    event: Mapped[OutboxEvent] = relationship()
