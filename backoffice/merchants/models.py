"""Merchants: the parties whose chat messages are judged."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import UTCDateTime, db, enum_type, postgresql_only, utcnow


class Platform(enum.StrEnum):
    zbj = "zbj"
    taobao = "taobao"
    pdd = "pdd"
    community = "community"


class Merchant(db.Model):
    __tablename__ = "merchants"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(sa.String(128), unique=True)
    platform: Mapped[Platform] = mapped_column(enum_type(Platform, 16))
    name: Mapped[str] = mapped_column(sa.String(200))
    #: Established or located in the EU: a recipient of the service under the Digital Services Act, so
    #: its rulings can be appealed for at least six months (Art. 20(1)), whatever the rule's own window.
    in_eu: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Merchant {self.external_id} {self.platform}>"


class MerchantHandle(db.Model):
    """A contact handle (phone, QQ, WeChat id, e-mail) seen in one merchant's own messages.

    Normalised (``detection/handles.py``): two shops whose messages carry one handle are linked.
    """

    __tablename__ = "merchant_handles"
    __table_args__ = (sa.UniqueConstraint("merchant_id", "kind", "value"),
                      sa.Index("ix_merchant_handles_lookup", "kind", "value"))

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"))
    kind: Mapped[str] = mapped_column(sa.String(16))
    value: Mapped[str] = mapped_column(sa.String(200))
    #: The message it was first seen in, and when.
    message_id: Mapped[int | None] = mapped_column(sa.ForeignKey("messages.id"))
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# Staff search: part of a shop's name or id (both indexed, so that the OR of the two reads both indexes
# rather than every shop), and a handle given in part or masked (138****5678).
postgresql_only(sa.Index("ix_merchants_name_trgm", Merchant.name, postgresql_using="gin",
                         postgresql_ops={"name": "gin_trgm_ops"}))
postgresql_only(sa.Index("ix_merchants_external_id_trgm", Merchant.external_id, postgresql_using="gin",
                         postgresql_ops={"external_id": "gin_trgm_ops"}))
postgresql_only(sa.Index("ix_merchant_handles_value_trgm", MerchantHandle.value, postgresql_using="gin",
                         postgresql_ops={"value": "gin_trgm_ops"}))
