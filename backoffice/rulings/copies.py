"""Recording the copies rulings are issued with, and looking a copy up among them."""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.db import added_once, db
from backoffice.rulings.models import RulingCopy


def record_copy(ruling_id: int, lang: str, content_sha256: str, text_sha256: str, file_sha256: str) -> None:
    """Remember that the ruling was issued as this text in this file (once per distinct pair). The
    caller commits."""
    seen = sa.select(RulingCopy.id).filter_by(ruling_id=ruling_id, text_sha256=text_sha256, file_sha256=file_sha256)
    if db.session.scalar(seen) is None:
        # Two workers storing the same copy at once: the second finds the first's row, not an error.
        added_once(RulingCopy(ruling_id=ruling_id, lang=lang, content_sha256=content_sha256,
                              text_sha256=text_sha256, file_sha256=file_sha256))


def text_was_issued(ruling_id: int, content_sha256: str | None, text_sha256: str) -> bool:
    """Whether the platform issued this ruling with exactly this text under this content hash."""
    return db.session.scalar(sa.select(RulingCopy.id).filter_by(
        ruling_id=ruling_id, content_sha256=content_sha256, text_sha256=text_sha256).limit(1)) is not None


def file_was_issued(ruling_id: int, content_sha256: str | None, file_sha256: str) -> bool:
    """Whether the platform handed out exactly this file for this ruling under this content hash."""
    return db.session.scalar(sa.select(RulingCopy.id).filter_by(
        ruling_id=ruling_id, content_sha256=content_sha256, file_sha256=file_sha256).limit(1)) is not None


def hash_was_issued(ruling_id: int, content_sha256: str) -> bool:
    """Whether the platform issued a copy of this ruling that carries this content hash."""
    return db.session.scalar(sa.select(RulingCopy.id).filter_by(
        ruling_id=ruling_id, content_sha256=content_sha256).limit(1)) is not None
