"""A manager keeps the canned reasons: add, change, remove (each audited)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from backoffice.audit.operations import Actor, record
from backoffice.cases.models import Verdict
from backoffice.db import db, utcnow
from backoffice.failures import DomainError
from backoffice.policy import UnknownRuleError, get_rulebook
from backoffice.rationales.models import CannedReason

FIELDS = ("rule_code", "verdict", "severity", "title", "body", "position")


class CannedReasonError(DomainError, ValueError):
    """A canned reason that cannot be saved; the message is for people."""


def save_reason(actor: Actor, reason: CannedReason | None, data: Mapping[str, Any]) -> CannedReason:
    """Add a canned reason (``reason`` None) or change one."""
    try:
        get_rulebook().rule(data["rule_code"])
    except UnknownRuleError as exc:
        raise CannedReasonError(_l("Choose one of the platforms' rules.")) from exc
    if not str(data.get("body") or "").strip():
        raise CannedReasonError(_l("Write the reason's text."))
    before = None if reason is None else {f: str(getattr(reason, f)) for f in FIELDS}
    if reason is None:
        reason = CannedReason(created_by_id=actor.user.id if actor.user else None)
        db.session.add(reason)
    reason.rule_code, reason.verdict = data["rule_code"], Verdict(data["verdict"])
    reason.severity = data.get("severity") or None
    reason.title, reason.body = data["title"].strip(), data["body"].strip()
    reason.position, reason.updated_at = int(data.get("position") or 0), utcnow()
    db.session.flush()
    record(actor, "canned_reason.save", "canned_reason", reason.id, before=before,
           after={f: str(getattr(reason, f)) for f in FIELDS})
    return reason


def remove_reason(actor: Actor, reason: CannedReason) -> None:
    """Remove a canned reason (decisions keep the text they were taken with)."""
    record(actor, "canned_reason.remove", "canned_reason", reason.id,
           before={f: str(getattr(reason, f)) for f in FIELDS})
    db.session.delete(reason)
    db.session.flush()
