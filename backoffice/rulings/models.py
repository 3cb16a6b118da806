"""Every distinct text and file a ruling has been issued with, so a copy verifies after the template
changes, and a copy whose text is genuine but whose file is not can be told apart."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import UTCDateTime, db, utcnow


class RulingCopy(db.Model):
    """One issued copy of a ruling: its language, the content hash printed on it, the SHA-256 of its
    extracted text (whitespace removed) and of the PDF file itself (None for copies issued before
    files were recorded). Kept for good: a copy is checked against what was issued, not only against
    what the document template would print today."""

    __tablename__ = "ruling_copies"
    __table_args__ = (sa.UniqueConstraint("ruling_id", "text_sha256", "file_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ruling_id: Mapped[int] = mapped_column(sa.ForeignKey("case_decisions.id"), index=True)
    lang: Mapped[str] = mapped_column(sa.String(8))
    content_sha256: Mapped[str] = mapped_column(sa.String(64))
    text_sha256: Mapped[str] = mapped_column(sa.String(64))
    file_sha256: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RetainedQuotes(db.Model):
    """What a ruling states from the conversation, masked, kept when the conversation is purged at the end
    of its retention period (backoffice.retention): the quoted messages, the customer's masked name and
    the masked reasons, exactly as ``rulings.context.ruling_facts`` gave them, so that the ruling reads,
    prints and verifies as issued."""

    __tablename__ = "ruling_retained_quotes"

    ruling_id: Mapped[int] = mapped_column(sa.ForeignKey("case_decisions.id"), primary_key=True)
    customer: Mapped[str] = mapped_column(sa.String(200))
    rationale: Mapped[str] = mapped_column(sa.Text)
    messages: Mapped[list] = mapped_column(sa.JSON)
    kept_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
class IssuedDocument(db.Model):
    """The PDF a ruling was issued with, in one language, for one state of its facts: rendered once
    (when the ruling is issued, and again when an appeal decision or the penalty's end changes what
    it states), stored, and from then on served as stored. The newest (``facts_at``) of a ruling and
    language is the one handed out."""

    __tablename__ = "ruling_documents"
    __table_args__ = (sa.UniqueConstraint("ruling_id", "lang", "content_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ruling_id: Mapped[int] = mapped_column(sa.ForeignKey("case_decisions.id"), index=True)
    lang: Mapped[str] = mapped_column(sa.String(8))
    number: Mapped[str] = mapped_column(sa.String(40))
    content_sha256: Mapped[str] = mapped_column(sa.String(64))
    file_sha256: Mapped[str] = mapped_column(sa.String(64))
    size: Mapped[int]
    storage_key: Mapped[str] = mapped_column(sa.String(200))
    # The latest moment the facts record (the ruling, its appeal decision, the penalty's end): a
    # later state always sorts after an earlier one, whichever was stored first.
    facts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
