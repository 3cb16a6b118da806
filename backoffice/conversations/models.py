"""Conversations between a merchant and a customer, as received from the platform's chat systems."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import UTCDateTime, db, enum_type, postgresql_only, utcnow
from backoffice.merchants.models import Merchant, Platform


class Channel(enum.StrEnum):
    im = "im"
    enterprise_wechat = "enterprise_wechat"
    privacy_number = "privacy_number"


class SenderRole(enum.StrEnum):
    merchant = "merchant"
    customer = "customer"
    system = "system"


class Conversation(db.Model):
    __tablename__ = "conversations"
    __table_args__ = (sa.UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[Platform] = mapped_column(enum_type(Platform, 16))
    external_id: Mapped[str] = mapped_column(sa.String(128))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    customer_external_id: Mapped[str] = mapped_column(sa.String(128))
    customer_name: Mapped[str] = mapped_column(sa.String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When the chat text and the customer's name were purged at the end of the retention period
    # (backoffice.retention); the messages a ruling quotes keep their masked text.
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    merchant: Mapped[Merchant] = relationship()
    messages: Mapped[list[Message]] = relationship(
        back_populates="conversation", order_by="Message.sent_at, Message.id"
    )

    @property
    def customer_label(self) -> str:
        """The customer's name for a page; past the retention period, that it was deleted."""
        if self.purged_at is not None and not self.customer_name:
            from backoffice.labels import PURGED

            return str(PURGED)
        return self.customer_name


class Message(db.Model):
    __tablename__ = "messages"
    # sent_at: the service-quality figures read one period of messages at a time.
    __table_args__ = (sa.UniqueConstraint("conversation_id", "external_id"), sa.Index(None, "sent_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(sa.ForeignKey("conversations.id"))
    external_id: Mapped[str] = mapped_column(sa.String(128))
    sender_role: Mapped[SenderRole] = mapped_column(enum_type(SenderRole, 16))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    attachments: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: Sent by the shop's auto-reply or robot, not a person: it is no 人工回复 (seed 003).
    is_automated: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    conversation: Mapped[Conversation] = relationship(back_populates="messages")


# Staff search (backoffice/search): ILIKE '%…%' on message text. pg_trgm's trigrams cover Chinese with no
# word segmentation (a UTF-8 ctype counts CJK characters as letters); measured in bench/search_bench.py.
postgresql_only(sa.Index("ix_messages_text_trgm", Message.text, postgresql_using="gin",
                         postgresql_ops={"text": "gin_trgm_ops"}))


class ReviewRating(enum.StrEnum):
    good = "good"
    neutral = "neutral"
    bad = "bad"


class ServiceReview(db.Model):
    """A customer's rating of the shop's customer service in one conversation (客服评价)."""

    __tablename__ = "service_reviews"
    __table_args__ = (sa.UniqueConstraint("conversation_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(sa.ForeignKey("conversations.id"))
    external_id: Mapped[str] = mapped_column(sa.String(128))
    rating: Mapped[ReviewRating] = mapped_column(enum_type(ReviewRating, 16))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
