"""Appeals over the JSON API: merchants file them, senior reviewers decide them."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, g, jsonify, request
from werkzeug.exceptions import NotFound

from backoffice.accounts.models import Role
from backoffice.api.auth import api_access, api_actor
from backoffice.api.errors import ApiError
from backoffice.api.models import Scope
from backoffice.appeals import filing
from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus, Evidence, Supplement
from backoffice.appeals.supplements import add_supplement
from backoffice.cases.models import Case
from backoffice.db import db
from backoffice.rulings.queries import case_ruling
from backoffice.web import uploaded_files

bp = Blueprint("appeals_api", __name__, url_prefix="/api/v1")
SENIOR = (Role.senior_reviewer, Role.manager)


def _iso(v):
    return v.isoformat() if v else None


def appeal_json(a: Appeal) -> dict:
    return {
        "id": a.id, "ruling": a.ruling_id, "case": a.ruling.case_id, "status": a.status.value,
        "statement": a.statement, "deadline": _iso(appeals.effective_deadline(a)),
        "submitted_at": _iso(a.submitted_at), "evidence_request": a.evidence_request or None,
        "decision_due": _iso(a.decision_due_at), "decision_paused_seconds_left": a.decision_seconds_left,
        "decision_basis": a.decision_basis,
        "outcome": a.outcome.value if a.outcome else None, "reason": a.outcome_reason or None,
        "decided_at": _iso(a.decided_at),
        "evidence": [_evidence_json(e) for e in a.statement_evidence],
        "supplements": [supplement_json(s) for s in a.supplements],
    }


def _evidence_json(e: Evidence) -> dict:
    return {"id": e.id, "name": e.name, "mime": e.mime, "size": e.size, "sha256": e.sha256}


def supplement_json(s: Supplement) -> dict:
    return {"number": s.number, "text": s.text, "added_at": _iso(s.added_at),
            "evidence": [_evidence_json(e) for e in s.evidence]}


def _visible(appeal_id: int) -> Appeal:
    appeal = db.session.get(Appeal, appeal_id)
    user = g.api_user
    if appeal is None or (user.role is Role.merchant and appeal.merchant_id != user.merchant_id):
        raise NotFound(f"No appeal {appeal_id}.")
    return appeal


@bp.post("/cases/<int:case_id>/appeal")
@api_access(Scope.appeal, Role.merchant)
def file_appeal(case_id: int):
    case = db.session.get(Case, case_id)
    if case is None or case.merchant_id != g.api_user.merchant_id:
        raise NotFound(f"No case {case_id}.")
    ruling = case_ruling(case.id)
    if ruling is None:
        raise ApiError(409, "This case has no ruling in force to appeal.", code="conflict")
    # A refusal is answered by the error handler, whose rollback also deletes the files stored.
    statement, files = request.form.get("statement", ""), uploaded_files("files")
    appeal = filing.file_appeal(api_actor(), ruling, statement, files, filing.Then.submit)
    db.session.commit()
    return jsonify(appeal_json(appeal)), 201


@bp.post("/appeals/<int:appeal_id>/supplements")
@api_access(Scope.appeal, Role.merchant)
def post_supplement(appeal_id: int):
    appeal = _visible(appeal_id)
    supplement = add_supplement(api_actor(), appeal, request.form.get("text", ""), uploaded_files("files"))
    db.session.commit()
    return jsonify(supplement_json(supplement)), 201


@bp.get("/appeals")
@api_access(Scope.read, *SENIOR)
def list_appeals():
    status = request.args.get("status", AppealStatus.submitted.value)
    if status not in AppealStatus.__members__:
        raise ApiError(400, f"'status' must be one of {', '.join(AppealStatus.__members__)}.")
    stmt = sa.select(Appeal).where(Appeal.status == AppealStatus(status)).order_by(Appeal.submitted_at).limit(500)
    return jsonify(appeals=[appeal_json(a) for a in db.session.scalars(stmt)])


@bp.get("/appeals/<int:appeal_id>")
@api_access(Scope.read, *SENIOR, Role.merchant)
def get_appeal(appeal_id: int):
    return jsonify(appeal_json(_visible(appeal_id)))


@bp.post("/appeals/<int:appeal_id>/decision")
@api_access(Scope.review, *SENIOR)
def decide_appeal(appeal_id: int):
    appeal = _visible(appeal_id)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "Send a JSON object with Content-Type: application/json.")
    try:
        outcome = AppealOutcome(data.get("outcome"))
    except ValueError:
        raise ApiError(422, "'outcome' must be upheld, overturned or reduced.") from None
    drop = data.get("leave_out") or []
    if not isinstance(drop, list):
        raise ApiError(422, "'leave_out' must be a list of measure types.")
    appeals.decide(api_actor(), appeal, outcome, str(data.get("reason") or ""),
                   severity=data.get("severity"), drop=tuple(drop))
    db.session.commit()
    return jsonify(appeal_json(appeal))
