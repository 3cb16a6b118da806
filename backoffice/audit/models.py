"""Append-only, hash-chained audit events."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import UTCDateTime, db, utcnow


class AuditEvent(db.Model):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    # Login (or "system"/"cli") frozen at write time so the trail reads without joins.
    actor_label: Mapped[str] = mapped_column(sa.String(100))
    via: Mapped[str] = mapped_column(sa.String(16))
    token_id: Mapped[int | None] = mapped_column(sa.ForeignKey("api_tokens.id"))
    action: Mapped[str] = mapped_column(sa.String(64), index=True)
    subject_type: Mapped[str] = mapped_column(sa.String(32))
    subject_id: Mapped[str] = mapped_column(sa.String(64))
    before: Mapped[dict | None] = mapped_column(sa.JSON)
    after: Mapped[dict | None] = mapped_column(sa.JSON)
    # Filled in by the sealer (audit.operations.seal) shortly after the event commits: the chain is
    # built in seal order, so writers never wait on each other for the previous hash.
    seq: Mapped[int | None] = mapped_column(unique=True)
    prev_hash: Mapped[str | None] = mapped_column(sa.String(64))
    hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)

    __table_args__ = (sa.Index("ix_audit_events_subject", "subject_type", "subject_id"),)
