"""Which rulings a transaction issued or superseded; their documents are stored once it has committed.

Operations call ``mark_issued`` (they never render: they run inside the transaction, which may still
roll back). After the outermost commit the marks move to a committed list, and the web request's
end runs ``store_issued_ruling`` for each: the unit of work a job queue takes over. A failure there
loses nothing: the first download renders and stores the missing document.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session, SessionTransaction

from backoffice.db import db

_MARKED = "rulings.marked"  # session.info: rulings the open transaction issued or superseded
_COMMITTED = "rulings.committed"  # session.info: committed, documents not stored yet


def mark_issued(ruling_id: int) -> None:
    """Store this ruling's documents once the current transaction commits."""
    db.session.info.setdefault(_MARKED, set()).add(ruling_id)


@sa.event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if not session.in_nested_transaction() and (marked := session.info.pop(_MARKED, None)):
        session.info.setdefault(_COMMITTED, set()).update(marked)


@sa.event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:  # the transaction, not a savepoint within it
        session.info.pop(_MARKED, None)


def store_committed() -> list[int]:
    """Have the documents of the rulings committed so far in this application context rendered and
    stored: by the job queue (a worker, or the web process's job thread without Redis), or here when
    jobs are off. Whatever fails, the first download renders and stores the missing file itself."""
    from backoffice.jobs import QueueUnavailable, dispatch
    from backoffice.rulings.issued import store_issued_ruling

    ruling_ids = sorted(db.session.info.pop(_COMMITTED, ()))
    if not current_app.config.get("RULINGS_STORE_ON_ISSUE", True):
        return []
    queued = current_app.config["JOBS_BACKEND"] != "off"
    for ruling_id in ruling_ids:
        try:
            if queued:
                dispatch("rulings.store_issued", ruling_id=ruling_id)
            else:
                store_issued_ruling(ruling_id)
        except QueueUnavailable:
            current_app.logger.warning("ruling %s: the job queue is down; its first download stores it", ruling_id)
        except Exception:  # the answer already stands; the first download renders and stores it
            db.session.rollback()
            current_app.logger.exception("storing the documents of ruling %s failed", ruling_id)
    return ruling_ids
