"""Conversations in over the JSON API."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from backoffice.accounts.models import STAFF_ROLES
from backoffice.api.auth import api_access, api_actor
from backoffice.api.errors import ApiError
from backoffice.api.models import Scope
from backoffice.db import db
from backoffice.ingest.batch import ingest_many

bp = Blueprint("ingest_api", __name__, url_prefix="/api/v1")
MAX_BATCH = 500


def _json():
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "Send JSON with Content-Type: application/json.")
    return data


def _located(index: int, error: str) -> str:
    """Prefix an error with the conversation's place in the batch."""
    whole = "(the conversation)"
    rest = error[len(whole):] if error.startswith(whole) else f".{error}"
    return f"conversations[{index}]{rest}"


@bp.post("/conversations")
@api_access(Scope.ingest, *STAFF_ROLES)
def post_conversation():
    outcome = ingest_many(api_actor(), [(0, _json())])
    db.session.commit()
    if outcome.rejected:
        _, _, error = outcome.rejected[0]
        raise ApiError(422, error, code="invalid_conversation")
    return jsonify(outcome.accepted[0][1].to_dict()), 201


@bp.post("/conversations:batch")
@api_access(Scope.ingest, *STAFF_ROLES)
def post_conversations():
    data = _json()
    items = data.get("conversations") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ApiError(400, 'Send a JSON array of conversations, or {"conversations": [...]}.')
    if len(items) > MAX_BATCH:
        raise ApiError(413, f"At most {MAX_BATCH} conversations per batch; this one has {len(items)}.")
    outcome = ingest_many(api_actor(), enumerate(items))
    db.session.commit()
    body = {
        "accepted": [{"index": i, **r.to_dict()} for i, r in outcome.accepted],
        "rejected": [{"index": i, "external_id": ext, "error": {"code": "invalid_conversation",
                                                                 "message": _located(i, err)}}
                     for i, ext, err in outcome.rejected],
    }
    status = 422 if items and not outcome.accepted else 200
    return jsonify(body), status
