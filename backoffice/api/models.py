"""Bearer tokens for integrations: they act as their user, narrowed by scopes."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.accounts.models import User
from backoffice.db import UTCDateTime, db, utcnow


class Scope(enum.StrEnum):
    ingest = "ingest"
    read = "read"
    review = "review"
    approve = "approve"
    appeal = "appeal"
    events = "events"  # the enforcement event feed (platform integrations)


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    # First characters of the token, shown in listings so a person can tell tokens apart.
    prefix: Mapped[str] = mapped_column(sa.String(16))
    # SHA-256 of the whole token; the token itself is never stored.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    scopes: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    @property
    def scope_set(self) -> frozenset[Scope]:
        return frozenset(Scope(s) for s in self.scopes.split() if s)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
