"""Working through a queue: its filters carried from case to case, and the next case taken.

The queue's filters travel as one ``queue`` parameter (the queue page's own query string) on the case
page's address and in its forms, never in the session, so two tabs on two queues each keep theirs.
Only the queue's known keys are kept, and every address is built with ``url_for``: nothing a request
carries is redirected to as it stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode

from flask import url_for

from backoffice.accounts.models import User
from backoffice.audit.operations import Actor
from backoffice.cases import claims, states
from backoffice.cases.models import Case, CaseDecision, CaseStatus
from backoffice.cases.queries import QueueFilter
from backoffice.db import db, row_id

FILTER_KEYS = ("status", "platform", "rule", "category", "severity", "assignee", "merchant", "source", "sort")
QUEUE_KEYS = (*FILTER_KEYS, "older_than_hours")


def form_id(name: str) -> int | None:
    """A case or decision id posted in a form field; None when missing or not an id (never a database error)."""
    from flask import request

    try:
        return row_id(request.form.get(name, ""))
    except ValueError:
        return None


def carried(raw: str | None) -> dict[str, str]:
    """The queue filters in a ``queue`` parameter; unknown keys and empty values are dropped."""
    pairs = parse_qsl((raw or "")[:1000])
    return {key: value[:100] for key, value in pairs if key in QUEUE_KEYS and value}


def encoded(queue: Mapping[str, str]) -> str:
    return urlencode(sorted(queue.items()))


def queue_filter(queue: Mapping[str, str]) -> QueueFilter:
    hours = queue.get("older_than_hours", "")
    return QueueFilter(**{k: v for k, v in queue.items() if k in FILTER_KEYS},
                       older_than_hours=int(hours) if hours.isdigit() else None)


def case_url(case_id: int, queue: Mapping[str, str], **extra) -> str:
    """The case page, carrying the queue it was reached from (and ``extra``, e.g. ``decided``)."""
    return url_for("cases.show", case_id=case_id, queue=encoded(queue) or None, **extra)


def queue_url(queue: Mapping[str, str], **extra) -> str:
    return url_for("cases.queue", **queue, **extra)


def take_next(actor: Actor, user: User, queue: Mapping[str, str], *, escalated: bool = False,
              leaving: int | None = None) -> Case | None:
    """Claim the next case of the queue for ``user``; the case they are ``leaving`` (still held by them,
    undecided) goes back to the queue for someone else, after the next one is taken so that it is not
    taken again at once."""
    case = claims.claim_next(actor, user, escalated=escalated, within=queue_filter(queue) if queue else None)
    left = db.session.get(Case, leaving) if leaving else None
    # Only a case in review: one on hold waits for its helper, whoever moves on.
    if left is not None and left.status is CaseStatus.in_review and left.claimed_by_id == user.id \
            and states.can_release(left, user) and (case is None or case.id != left.id):
        claims.release(actor, left, user)
    return case


def just_decided() -> dict | None:
    """The decision the viewer just took (``decided`` on the address), for the banner that keeps it one
    key away: ``{"decision", "undo_until"}``, ``undo_until`` None once it can no longer be undone."""
    from flask import request
    from flask_login import current_user

    from backoffice.cases import undo

    try:
        decision = db.session.get(CaseDecision, row_id(request.args.get("decided", "")))
    except ValueError:
        return None
    if decision is None or decision.decided_by_id != current_user.id:
        return None
    offered = undo.offered(decision, current_user)
    return {"decision": decision, "undo_until": undo.deadline(decision) if offered else None}
