"""The near-duplicate index of merchants' advertising messages, and the mass sendings found in it."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import UTCDateTime, db, utcnow


class MassSending(db.Model):
    """One burst of one merchant's look-alike advertisements across conversations: one case lists them."""

    __tablename__ = "mass_sendings"

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MessageSignature(db.Model):
    """The MinHash signature of a merchant's ads- or contact-like message (``detection/near_dup.py``)."""

    __tablename__ = "message_signatures"

    message_id: Mapped[int] = mapped_column(sa.ForeignKey("messages.id"), primary_key=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"))
    conversation_id: Mapped[int] = mapped_column(sa.ForeignKey("conversations.id"))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    signature: Mapped[bytes] = mapped_column(sa.LargeBinary)
    #: The burst it belongs to, once there is one.
    mass_sending_id: Mapped[int | None] = mapped_column(sa.ForeignKey("mass_sendings.id"), index=True)


class SignatureBand(db.Model):
    """One LSH band key of a signature: messages sharing a key with a new one are its candidates."""

    __tablename__ = "signature_bands"
    __table_args__ = (sa.Index("ix_signature_bands_lookup", "merchant_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(sa.ForeignKey("message_signatures.message_id"), index=True)
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"))
    key: Mapped[int] = mapped_column(sa.BigInteger)
