"""Readable names for audit actions and a compact view of what changed."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

ACTION_LABELS = {
    "user.create": _l("Account created"),
    "user.update": _l("Account changed"),
    "user.enable": _l("Account enabled"),
    "user.disable": _l("Account disabled"),
    "user.password": _l("Password changed"),
    "user.login": _l("Signed in"),
    "user.logout": _l("Signed out"),
    "user.sessions_revoke": _l("Signed out everywhere"),
    "user.session_revoke": _l("One session signed out"),
    "user.login_failed": _l("Failed sign-in"),
    "user.login_throttled": _l("Sign-in refused (too many failures)"),
    "user.unlock": _l("Sign-in lockout lifted"),
    "token.create": _l("API token issued"),
    "token.revoke": _l("API token revoked"),
    "webhook.add_endpoint": _l("Webhook endpoint added"),
    "webhook.rotate_secret": _l("Webhook secret rotated"),
    "webhook.redeliver": _l("Webhook event sent again"),
    "merchant.create": _l("Merchant created"),
    "merchant.rename": _l("Merchant renamed"),
    "merchant.deposit_topup": _l("Deposit topped up"),
    "merchant.set_in_eu": _l("Merchant's EU establishment set"),
    "merchant.handles": _l("Contact handles recorded"),
    "customer.measure": _l("Measure taken against a customer"),
    "canned_reason.save": _l("Canned reason saved"),
    "canned_reason.remove": _l("Canned reason removed"),
    "case.fraud_report": _l("Fraud report filed"),
    "penalty.impose": _l("Penalty imposed"),
    "penalty.overturn": _l("Penalty overturned"),
    "penalty.withdraw": _l("Penalty withdrawn (decision undone)"),
    "penalty.reduce": _l("Penalty reduced"),
    "penalty.exam_revoke": _l("Penalty revoked by exam"),
    "penalty.automatic": _l("Automatic measure taken"),
    "penalty.lift_automatic": _l("Automatic measure lifted"),
    "penalty.restore_automatic": _l("Automatic measure restored (decision undone)"),
    "conversation.ingest": _l("Conversation received"),
    "conversation.read": _l("Conversation read (unmasked)"),
    "retention.purge": _l("Purged at the end of the retention period"),
    "case.open": _l("Case opened"),
    "case.sweep": _l("Case opened from the daily sweep"),
    "case.claim": _l("Claimed"),
    "case.release": _l("Released"),
    "case.hold": _l("Put on hold for help"),
    "case.escalate": _l("Escalated"),
    "case.reassign": _l("Reassigned"),
    "case.note": _l("Note added"),
    "case.help_answer": _l("Help request answered"),
    "queue.view_save": _l("Queue view saved"),
    "queue.view_remove": _l("Queue view removed"),
    "case.decide": _l("Decision made"),
    "case.approve": _l("Approved"),
    "case.refuse": _l("Refused"),
    "case.apply": _l("Decision took effect"),
    "case.undo": _l("Decision undone by its reviewer"),
    "case.close_removed": _l("Closed: the shop was removed by another ruling"),
    "case.join": _l("Decided together with another case (one course of conduct)"),
    "case.dismiss": _l("Dismissed as a false positive"),
    "case.merge": _l("Merged into a mass-sending case"),
    "case.absorb": _l("Another case merged in"),
    "appeal.open": _l("Appeal opened"),
    "appeal.statement": _l("Appeal statement saved"),
    "appeal.evidence": _l("Appeal evidence added"),
    "appeal.submit": _l("Appeal submitted"),
    "appeal.supplement": _l("Appeal supplement added"),
    "appeal.request_evidence": _l("More evidence requested"),
    "appeal.decide": _l("Appeal decided"),
    "exam.start": _l("Exam started"),
    "exam.submit": _l("Exam submitted"),
    "calibration.assign": _l("Calibration review assigned"),
    "calibration.submit": _l("Calibration review submitted"),
    "calibration.withdraw": _l("Calibration review withdrawn"),
}


#: Who acted when no person did (backoffice.audit.operations.Actor.label without a user).
DOOR_LABELS = {"cli": _l("Command-line import"), "system": _l("System")}


def actor_label(label: str) -> str:
    """An event's frozen actor label for people: the door in words when no person acted, else the login."""
    return str(DOOR_LABELS[label]) if label in DOOR_LABELS else label


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def changes(before: dict | None, after: dict | None) -> list[tuple[str, object, object]]:
    """(key, old, new) for every key whose value differs; all of ``after`` when nothing came before."""
    before, after = before or {}, after or {}
    keys = sorted(set(before) | set(after))
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
