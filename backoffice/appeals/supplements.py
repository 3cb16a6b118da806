"""Supplements: what a merchant adds to an appeal after submitting it, dated, numbered and audited.

Once submitted, an appeal's statement is frozen (``operations.save_statement`` refuses): the
reviewers read what was sent. Anything new, text or files, goes in as a supplement, accepted until
the appeal is decided. When the reviewer asked for more evidence, the supplement is the answer and
sends the appeal back to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import IO

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backoffice.appeals import operations as appeals
from backoffice.appeals import states
from backoffice.appeals.models import Appeal, Supplement
from backoffice.audit.operations import Actor, record
from backoffice.db import db, lock_row, utcnow

MAX_CHARS = 2000
#: Supplements per appeal: enough for any honest addition, not a flood for the reviewers.
MAX_SUPPLEMENTS = 20

DECIDED = _l("This appeal has been decided; nothing more can be added to it.")


def add_supplement(actor: Actor, appeal: Appeal, text: str, uploads: Iterable[tuple[IO[bytes], str]], *,
                   now: datetime | None = None) -> Supplement:
    """Add a dated supplement (text and ``(stream, file name)`` files) to a submitted appeal.

    The appeal's row is locked first, as by every appeal action: supplements sent at the same moment
    are numbered one after the other, and one racing the decision either lands before it or is
    refused (409) once the appeal is decided.
    """
    now = now or utcnow()
    text, uploads = text.strip(), list(uploads)
    if len(text) > MAX_CHARS:
        raise appeals.AppealError(_l("A supplement may be at most %(n)d characters.", n=MAX_CHARS))
    if not text and not uploads:
        raise appeals.AppealError(_l("Write what you want to add, or attach a file."))
    lock_row(appeal)
    if states.is_decided(appeal):
        raise appeals.AppealClosed(DECIDED)
    if not states.statement_frozen(appeal):
        raise appeals.AppealError(_l("This appeal has not been submitted yet: change its statement instead."))
    appeals.check_open(appeal, now)
    number = db.session.scalar(sa.select(sa.func.coalesce(sa.func.max(Supplement.number), 0))
                               .where(Supplement.appeal_id == appeal.id)) + 1
    if number > MAX_SUPPLEMENTS:
        raise appeals.AppealError(_l("An appeal takes at most %(n)d supplements; the reviewers read them all. "
                                     "Put what is left into one last supplement.", n=MAX_SUPPLEMENTS))
    supplement = Supplement(appeal=appeal, number=number, text=text, added_at=now,
                            added_by_id=actor.user.id if actor.user else None)
    db.session.add(supplement)
    db.session.flush()
    for stream, name in uploads:
        appeals.add_evidence(actor, appeal, stream, name, now=now, supplement=supplement)
    record(actor, "appeal.supplement", "appeal", appeal.id,
           after={"number": number, "length": len(text), "files": len(uploads)})
    if states.evidence_requested(appeal):  # the answer to the reviewer's request: back to them
        appeals.submit(actor, appeal, now=now)
    return supplement
