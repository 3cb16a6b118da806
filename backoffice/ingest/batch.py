"""Ingest many conversations: each one all or nothing, the good ones kept."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from backoffice.audit.operations import Actor
from backoffice.db import db
from backoffice.ingest.operations import IngestResult, ingest
from backoffice.ingest.validation import InvalidConversation
from backoffice.ops import metrics


@dataclass
class BatchOutcome:
    accepted: list[tuple[int, IngestResult]] = field(default_factory=list)
    rejected: list[tuple[int, str | None, str]] = field(default_factory=list)  # (index, external id, error)


def ingest_many(actor: Actor, items: Iterable[tuple[int, object]]) -> BatchOutcome:
    """Ingest (position, payload) pairs, each in its own savepoint; the caller commits."""
    outcome = BatchOutcome()
    for position, payload in items:
        external_id = payload.get("external_id") if isinstance(payload, dict) else None
        if not isinstance(external_id, str):  # echoed back to the caller: only an id that is one
            external_id = None
        savepoint = db.session.begin_nested()
        counted = metrics.flags_noted(db.session())
        try:
            result = ingest(actor, payload)
        except InvalidConversation as exc:
            savepoint.rollback()
            outcome.rejected.append((position, external_id, str(exc)))
        except IntegrityError:
            savepoint.rollback()
            metrics.flags_noted(db.session(), restore=counted)
            outcome.rejected.append((position, external_id,
                                     "the conversation changed while it was being stored; send it again"))
        else:
            savepoint.commit()
            outcome.accepted.append((position, result))
    return outcome
