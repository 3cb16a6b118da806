"""Recording the texts rulings are issued with, and looking a copy's text up among them."""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.db import db
from backoffice.rulings.models import RulingCopy


def record_copy(ruling_id: int, lang: str, content_sha256: str, text_sha256: str) -> None:
    """Remember that the ruling was issued with this text (once per distinct text). The caller commits."""
    seen = sa.select(RulingCopy.id).filter_by(ruling_id=ruling_id, text_sha256=text_sha256)
    if db.session.scalar(seen) is None:
        db.session.add(RulingCopy(ruling_id=ruling_id, lang=lang, content_sha256=content_sha256,
                                  text_sha256=text_sha256))
        db.session.flush()


def was_issued(ruling_id: int, content_sha256: str | None, text_sha256: str) -> bool:
    """Whether the platform issued this ruling with exactly this text under this content hash."""
    return db.session.scalar(sa.select(RulingCopy.id).filter_by(
        ruling_id=ruling_id, content_sha256=content_sha256, text_sha256=text_sha256)) is not None
