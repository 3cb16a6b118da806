"""Write and verify the tamper-evident audit trail."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from backoffice.audit.models import AuditEvent
from backoffice.db import db, utcnow

if TYPE_CHECKING:
    from backoffice.accounts.models import User

GENESIS_HASH = "0" * 64
# Arbitrary constant naming the PostgreSQL advisory lock that serialises sealing.
CHAIN_LOCK_KEY = 0x6B6F5F61756469


_TABLE = AuditEvent.__table__
_INSERT = _TABLE.insert()
# The head of the chain and everything after it, in one round trip.
_HEAD_AND_PENDING = (
    sa.select(_TABLE)
    .where(sa.or_(_TABLE.c.seq.is_(None), _TABLE.c.seq == sa.select(sa.func.max(_TABLE.c.seq)).scalar_subquery()))
    .order_by(_TABLE.c.seq.is_not(None).desc(), _TABLE.c.id))
_SEAL = (_TABLE.update().where(_TABLE.c.id == sa.bindparam("event_id"))
         .values(seq=sa.bindparam("seq"), prev_hash=sa.bindparam("prev_hash"), hash=sa.bindparam("hash")))
# PostgreSQL: the same rows, read under the sealing lock in one call (migration ae6b4c8d2f31); none
# when another writer holds the lock and ``wait`` is false.
_LOCKED_HEAD_AND_PENDING = sa.text("SELECT * FROM audit_chain_pending(:wait)").columns(*_TABLE.c)


class AuditLogIsAppendOnly(RuntimeError):
    pass


@dataclass(frozen=True)
class Actor:
    """Who performs an operation, and through which door (web, api, cli, system)."""

    user: User | None
    via: str
    token_id: int | None = None

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.login
        return self.via

    @classmethod
    def system(cls) -> Actor:
        return cls(None, "system")


def record(
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: object,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append one event within the caller's transaction; it is sealed into the chain as it commits.

    A plain INSERT on the session's connection: the event is never read back or changed through the
    ORM, so the unit of work has nothing to track (this halves the cost of a claim).
    """
    session = db.session()
    session.execute(_INSERT, {
        "created_at": utcnow(),
        "actor_id": actor.user.id if actor.user is not None else None,
        "actor_label": actor.label,
        "via": actor.via,
        "token_id": actor.token_id,
        "action": action,
        "subject_type": subject_type,
        "subject_id": str(subject_id),
        "before": _plain(before),
        "after": _plain(after),
    })
    session.info["audit_pending"] = True


def event_hash(event, seq: int, prev_hash: str) -> str:
    """SHA-256 over the event's content, its place in the chain and the previous event's hash."""
    payload = {
        "seq": seq,
        "prev": prev_hash,
        "at": event.created_at.isoformat(),
        "actor_id": event.actor_id,
        "actor": event.actor_label,
        "via": event.via,
        "token_id": event.token_id,
        "action": event.action,
        "subject": [event.subject_type, event.subject_id],
        "before": event.before,
        "after": event.after,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def seal(*, wait: bool = False, conn: sa.Connection | None = None) -> int:
    """Chain every visible unsealed event in id order; return how many were sealed.

    Writers append without a lock. Sealing runs inside the writer's own transaction just before
    it commits (``conn``), or on its own; one sealer at a time holds an advisory lock on
    PostgreSQL, and without ``wait`` a writer that finds the sealer busy leaves its events to
    the next one instead of waiting.
    """
    if conn is None:
        with db.engine.begin() as own:
            return seal(wait=wait, conn=own)
    # Read under the lock, so that no other sealer moves the head between reading and writing.
    if conn.dialect.name == "postgresql":
        rows = conn.execute(_LOCKED_HEAD_AND_PENDING, {"wait": wait}).all()
    else:
        rows = conn.execute(_HEAD_AND_PENDING).all()
    if rows and rows[0].seq is not None:
        seq, prev, pending = rows[0].seq, rows[0].hash, rows[1:]
    else:
        seq, prev, pending = 0, GENESIS_HASH, rows
    updates = []
    for pending_event in pending:
        seq += 1
        digest = event_hash(pending_event, seq, prev)
        updates.append({"event_id": pending_event.id, "seq": seq, "prev_hash": prev, "hash": digest})
        prev = digest
    if updates:
        conn.execute(_SEAL, updates)
    return len(updates)


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    problem: str


def verify_chain() -> tuple[int, list[ChainProblem]]:
    """Seal what is waiting, then walk the whole chain; return events checked and problems found."""
    seal(wait=True)
    problems: list[ChainProblem] = []
    expected_prev, expected_seq, count = GENESIS_HASH, 1, 0
    table = AuditEvent.__table__
    with db.engine.connect() as conn:
        rows = conn.execution_options(yield_per=1000).execute(
            sa.select(table).order_by(table.c.seq.is_(None), table.c.seq, table.c.id))
        for event in rows:
            count += 1
            if event.seq is None:
                problems.append(ChainProblem(event.id, "not sealed into the chain"))
                continue
            if event.seq != expected_seq:
                problems.append(ChainProblem(event.id, "an event is missing before this one"))
            if event.prev_hash != expected_prev:
                problems.append(ChainProblem(event.id, "link to the previous event is broken"))
            if event_hash(event, event.seq, event.prev_hash or "") != event.hash:
                problems.append(ChainProblem(event.id, "content does not match its hash"))
            expected_prev, expected_seq = event.hash, event.seq + 1
    return count, problems


def _plain(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """Reduce to JSON primitives so the hash is stable across the database round-trip."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


@event.listens_for(Session, "before_commit")
def _seal_before_commit(session: Session) -> None:
    # Inside the committing transaction, on its own connection: no second connection is needed,
    # and a busy sealer is skipped rather than waited for.
    if session.info.pop("audit_pending", False):
        seal(conn=session.connection())


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop("audit_pending", None)


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(_mapper, _connection, _target):
    raise AuditLogIsAppendOnly("audit events cannot be changed")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(_mapper, _connection, _target):
    raise AuditLogIsAppendOnly("audit events cannot be deleted")
