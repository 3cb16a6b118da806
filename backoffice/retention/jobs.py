"""The purge as a job: ``purge_expired()`` is what the scheduler runs (daily is enough)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app

from backoffice.audit.operations import Actor
from backoffice.db import db, utcnow
from backoffice.retention import queries
from backoffice.retention.operations import purge_conversation


@dataclass
class PurgeReport:
    days: int | None
    due: list[int] = field(default_factory=list)  # conversations past the period, their evidence no longer needed
    purged: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # an appeal still possible or undecided, or purged meanwhile
    evidence_files: int = 0


def retention_days() -> int | None:
    """The configured period in days; None: retention is off."""
    value = current_app.config.get("RETENTION_DAYS")
    if value in (None, ""):
        return None
    days = int(value)
    if days < 1:
        raise ValueError("BACKOFFICE_RETENTION_DAYS must be at least 1")
    return days


def purge_expired(actor: Actor | None = None, *, now: datetime | None = None, dry_run: bool = False,
                  days: int | None = None) -> PurgeReport:
    """Purge every conversation past the retention period, one transaction each; safe to run again.

    Nothing happens when no period is configured (``RETENTION_DAYS``) or given.
    """
    actor = actor or Actor.system()
    days = days if days is not None else retention_days()
    report = PurgeReport(days)
    if days is None:
        return report
    now = now or utcnow()
    before = queries.cutoff(now, days)
    for conversation_id in queries.expired_conversations(before):
        decisions = queries.decisions_of(conversation_id)
        needed = queries.still_needed(decisions, queries.appeals_of(decisions), now)
        (report.skipped if needed else report.due).append(conversation_id)
    db.session.rollback()  # the candidates' read leaves no transaction open while others purge
    if dry_run:
        return report
    for conversation_id in report.due:
        try:
            done = purge_conversation(actor, conversation_id, before=before, now=now, days=days)
            db.session.commit()
        except BaseException:
            db.session.rollback()
            raise
        if done is None:
            report.skipped.append(conversation_id)
        else:
            report.purged.append(conversation_id)
            report.evidence_files += done.evidence_files
    return report
