"""The pull feed: platforms that prefer polling read the outbox with a cursor."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, jsonify, request

from backoffice.accounts.models import Role
from backoffice.api.auth import api_access
from backoffice.api.errors import ApiError
from backoffice.api.models import Scope
from backoffice.db import MAX_ID, db
from backoffice.merchants.models import Platform
from backoffice.webhooks.models import OutboxEvent
from backoffice.webhooks.payload import payload

bp = Blueprint("events_api", __name__, url_prefix="/api/v1/events")
MAX_LIMIT = 500


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name, str(default))
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ApiError(400, f"'{name}' must be a whole number from {low} to {high}.")
    return int(raw)


@bp.get("")
@api_access(Scope.events, Role.admin, Role.manager)
def feed():
    """Events after the cursor, oldest first; pass ``next_cursor`` back as ``after``."""
    after = _int_arg("after", 0, 0, MAX_ID)
    limit = _int_arg("limit", 100, 1, MAX_LIMIT)
    stmt = sa.select(OutboxEvent).where(OutboxEvent.id > after).order_by(OutboxEvent.id).limit(limit)
    if platform := request.args.get("platform"):
        if platform not in {p.value for p in Platform}:
            raise ApiError(400, f"'platform' must be one of {', '.join(p.value for p in Platform)}.")
        stmt = stmt.where(OutboxEvent.platform == Platform(platform))
    events = list(db.session.scalars(stmt))
    return jsonify(events=[payload(e) for e in events], next_cursor=events[-1].id if events else after)
