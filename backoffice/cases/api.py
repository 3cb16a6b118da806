"""Cases and approvals over the JSON API."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, g, jsonify, request
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import NotFound

from backoffice.accounts.models import REVIEW_ROLES, Role
from backoffice.api.auth import api_access, api_actor
from backoffice.api.errors import ApiError
from backoffice.api.models import Scope
from backoffice.audit import reads
from backoffice.cases import claims, decisions, sweep
from backoffice.cases import queries as q
from backoffice.cases.models import Case, CaseDecision, CaseStatus, FlagSource, Verdict
from backoffice.cases.serialize import case_json, decision_json
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db
from backoffice.detection.lexicon import CATEGORIES
from backoffice.merchants.models import Platform
from backoffice.policy.schema import SEVERITIES

bp = Blueprint("review_api", __name__, url_prefix="/api/v1")


def _case(case_id: int) -> Case:
    case = db.session.get(Case, case_id)
    if case is None:
        raise NotFound(f"No case {case_id}.")
    return case


def _body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "Send a JSON object with Content-Type: application/json.")
    return data


_CHOICES = {
    "status": {q.ACTIVE, *CaseStatus.__members__},
    "platform": set(Platform.__members__),
    "category": set(CATEGORIES),
    "severity": set(SEVERITIES),
    "source": set(FlagSource.__members__),
    "sort": {"priority", "age"},
}


def _queue_filter() -> q.QueueFilter:
    """The queue filter from the query string; a value the queue would ignore is refused instead."""
    args = {k: request.args.get(k) for k in ("status", "platform", "rule", "category", "severity", "assignee",
                                              "merchant", "source", "sort", "after")}
    args = {k: v for k, v in args.items() if v}
    for name, allowed in _CHOICES.items():
        if name in args and args[name] not in allowed:
            raise ApiError(400, f"'{name}' must be one of {', '.join(sorted(allowed))}.")
    assignee = args.get("assignee")
    if assignee is not None and assignee not in ("me", "none") and not assignee.isdigit():
        raise ApiError(400, "'assignee' must be me, none or a user id.")
    hours = request.args.get("older_than_hours")
    if hours is not None and (not hours.isdigit() or not 1 <= int(hours) <= q.MAX_AGE_HOURS):
        raise ApiError(400, f"'older_than_hours' must be a whole number from 1 to {q.MAX_AGE_HOURS}.")
    flt = q.QueueFilter(**args, older_than_hours=int(hours) if hours else None)
    if flt.after and q._cursor_condition(flt) is None:
        raise ApiError(400, "'after' is not a cursor of this sort order; pass the 'next' value of a page.")
    return flt


@bp.get("/cases")
@api_access(Scope.read, *REVIEW_ROLES)
def list_cases():
    flt = _queue_filter()
    page = q.queue_page(flt, g.api_user.id)
    return jsonify(cases=[case_json(c) for c in page.cases], next=page.next_cursor, counts=page.counts)


@bp.get("/cases/<int:case_id>")
@api_access(Scope.read, *REVIEW_ROLES)
def get_case(case_id: int):
    case = _case(case_id)
    body = case_json(case, full=True)
    reads.record_read(api_actor(), case.conversation, where="api.get_case")
    db.session.commit()
    return jsonify(body)


@bp.post("/cases/<int:case_id>/claim")
@api_access(Scope.review, *REVIEW_ROLES)
def claim_case(case_id: int):
    case = _case(case_id)
    claims.claim(api_actor(), case, g.api_user)  # a refusal is a ReviewConflict (409)
    try:
        db.session.commit()
    except StaleDataError as exc:  # another reviewer's claim committed first
        raise ApiError(409, str(_l("This case is held by someone else or is no longer open.")),
                       code="conflict") from exc
    return jsonify(case_json(case))


@bp.post("/cases:next")
@api_access(Scope.review, *REVIEW_ROLES)
def claim_next():
    case = claims.claim_next(api_actor(), g.api_user)
    db.session.commit()
    if case is None:
        return jsonify(case=None), 200
    return jsonify(case=case_json(case))


@bp.post("/cases:sweep")
@api_access(Scope.review, *REVIEW_ROLES)
def open_sweep_case():
    """A case on merchant messages the daily sweep found (``{platform, conversation, messages, rule, note}``)."""
    body = _body()
    platform, external_id, rule, note = (body.get(k) for k in ("platform", "conversation", "rule", "note"))
    messages = body.get("messages")
    if not all(isinstance(v, str) for v in (platform, external_id, rule, note)) or not isinstance(messages, list) \
            or not all(isinstance(m, str) for m in messages):
        raise ApiError(400, "Send platform, conversation, rule and note as strings and messages as a list of "
                            "message ids (strings).")
    conversation = db.session.scalar(sa.select(Conversation).where(
        Conversation.platform == (Platform(platform) if platform in Platform.__members__ else None),
        Conversation.external_id == external_id))
    if conversation is None:
        raise NotFound(f"No {platform} conversation {external_id}.")
    ids = dict(db.session.execute(sa.select(Message.external_id, Message.id).where(
        Message.conversation_id == conversation.id, Message.external_id.in_(messages))).all())
    unknown = [m for m in messages if m not in ids]
    if unknown:
        raise ApiError(422, f"No message {unknown[0]} in conversation {external_id}.", code="unknown_message")
    case = sweep.open_sweep_case(api_actor(), conversation, [ids[m] for m in messages], rule, note)
    db.session.commit()
    return jsonify(case_json(case)), 201


@bp.post("/cases/<int:case_id>/decision")
@api_access(Scope.review, *REVIEW_ROLES)
def decide(case_id: int):
    case = _case(case_id)
    data = _body()
    try:
        verdict = Verdict(data.get("verdict"))
    except ValueError:
        raise ApiError(422, "'verdict' must be violation, no_violation or insufficient_evidence.") from None
    params = data.get("parameters") or {}
    if not isinstance(params, dict):
        raise ApiError(422, "'parameters' must be an object.")
    dropped = data.get("leave_out") or []
    if not isinstance(dropped, list) or not all(isinstance(x, str) for x in dropped):
        raise ApiError(422, "'leave_out' must be a list of measure types.")
    expected = data.get("version", case.version)
    if not isinstance(expected, int) or isinstance(expected, bool):
        raise ApiError(422, "'version' must be the case version you read.")
    for key in ("rule", "severity", "rationale", "deviation_reason"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ApiError(422, f"'{key}' must be a string.")
    inp = decisions.DecisionInput(
        verdict=verdict, rationale=data.get("rationale") or "", rule_code=data.get("rule") or case.rule_code,
        severity=data.get("severity"), params=params, dropped=tuple(dropped),
        deviation_reason=data.get("deviation_reason") or "",
    )
    decision = decisions.decide(api_actor(), case, inp, expected_version=expected)
    db.session.commit()
    return jsonify(decision_json(decision)), 202 if decision.approval_reasons else 201


@bp.get("/approvals")
@api_access(Scope.approve, Role.manager)
def list_approvals():
    return jsonify(approvals=[decision_json(d) for d in q.pending_approvals()])


@bp.post("/approvals/<int:decision_id>")
@api_access(Scope.approve, Role.manager)
def decide_approval(decision_id: int):
    decision = db.session.get(CaseDecision, decision_id)
    if decision is None:
        raise NotFound(f"No decision {decision_id}.")
    data = _body()
    if not isinstance(data.get("approve"), bool):
        raise ApiError(422, "'approve' must be true or false.")
    if data.get("reason") is not None and not isinstance(data["reason"], str):
        raise ApiError(422, "'reason' must be a string.")
    decisions.approve(api_actor(), decision, data["approve"], data.get("reason") or "")
    db.session.commit()
    return jsonify(decision_json(decision))
