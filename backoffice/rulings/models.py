"""Every distinct text a ruling has been issued with, so a copy verifies after the template changes."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import UTCDateTime, db, utcnow


class RulingCopy(db.Model):
    """One issued text of a ruling: its language, the content hash printed on it, and the SHA-256 of
    its extracted text (whitespace removed). Kept for good: a copy is checked against what was
    issued, not only against what the document template would print today."""

    __tablename__ = "ruling_copies"
    __table_args__ = (sa.UniqueConstraint("ruling_id", "text_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ruling_id: Mapped[int] = mapped_column(sa.ForeignKey("case_decisions.id"), index=True)
    lang: Mapped[str] = mapped_column(sa.String(8))
    content_sha256: Mapped[str] = mapped_column(sa.String(64))
    text_sha256: Mapped[str] = mapped_column(sa.String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
