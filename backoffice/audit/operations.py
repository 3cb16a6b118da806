"""Write and verify the tamper-evident audit trail."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event

from backoffice.audit.models import AuditEvent
from backoffice.db import db, utcnow

if TYPE_CHECKING:
    from backoffice.accounts.models import User

GENESIS_HASH = "0" * 64
# Arbitrary constant naming the PostgreSQL advisory lock that serialises chain appends.
_CHAIN_LOCK_KEY = 0x6B6F5F61756469


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
) -> AuditEvent:
    """Append one event to the chain within the caller's transaction."""
    session = db.session
    if session.get_bind().dialect.name == "postgresql":
        # Held until commit, so concurrent writers append in a single line.
        session.execute(sa.select(sa.func.pg_advisory_xact_lock(_CHAIN_LOCK_KEY)))
    prev = session.scalar(sa.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    entry = AuditEvent(
        created_at=utcnow(),
        actor_id=actor.user.id if actor.user is not None else None,
        actor_label=actor.label,
        via=actor.via,
        token_id=actor.token_id,
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        before=_plain(before),
        after=_plain(after),
        prev_hash=prev or GENESIS_HASH,
    )
    entry.hash = event_hash(entry)
    session.add(entry)
    session.flush()
    return entry


def event_hash(entry: AuditEvent) -> str:
    payload = {
        "prev": entry.prev_hash,
        "at": entry.created_at.isoformat(),
        "actor_id": entry.actor_id,
        "actor": entry.actor_label,
        "via": entry.via,
        "token_id": entry.token_id,
        "action": entry.action,
        "subject": [entry.subject_type, entry.subject_id],
        "before": entry.before,
        "after": entry.after,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    problem: str


def verify_chain() -> tuple[int, list[ChainProblem]]:
    """Walk the whole chain; return the number of events checked and every problem found."""
    problems: list[ChainProblem] = []
    expected_prev = GENESIS_HASH
    count = 0
    for entry in _events_in_order():
        count += 1
        if entry.prev_hash != expected_prev:
            problems.append(ChainProblem(entry.id, "link to the previous event is broken"))
        if event_hash(entry) != entry.hash:
            problems.append(ChainProblem(entry.id, "content does not match its hash"))
        expected_prev = entry.hash
    return count, problems


def _events_in_order() -> Iterator[AuditEvent]:
    stmt = sa.select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=1000)
    yield from db.session.scalars(stmt)


def _plain(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """Reduce to JSON primitives so the hash is stable across the database round-trip."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(mapper, connection, target):  # noqa: ARG001
    raise AuditLogIsAppendOnly("audit events cannot be changed")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(mapper, connection, target):  # noqa: ARG001
    raise AuditLogIsAppendOnly("audit events cannot be deleted")
