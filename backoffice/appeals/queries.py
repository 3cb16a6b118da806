"""Finding a ruling's appeal, and a merchant's own evidence files."""

from __future__ import annotations

import sqlalchemy as sa
from werkzeug.exceptions import NotFound

from backoffice.appeals.models import Appeal, Evidence
from backoffice.db import db


def appeal_for_ruling(ruling_id: int) -> Appeal | None:
    return db.session.scalar(sa.select(Appeal).filter_by(ruling_id=ruling_id))


def evidence_of(merchant_id: int, evidence_id: int) -> Evidence:
    """The merchant's own evidence file, or 404 (another merchant's looks exactly like a missing one)."""
    evidence = db.session.get(Evidence, evidence_id)
    if evidence is None or evidence.appeal.merchant_id != merchant_id:
        raise NotFound()
    return evidence
