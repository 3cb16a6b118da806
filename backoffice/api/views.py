"""The JSON API, version 1."""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from backoffice.accounts.models import Role
from backoffice.api.auth import api_access

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.get("/me")
@api_access(None, *Role)
def me():
    """Who the caller is: useful to check a token before wiring an integration."""
    user = g.api_user
    token = g.get("api_token")
    return jsonify(
        login=user.login,
        role=user.role.value,
        merchant=user.merchant.external_id if user.merchant else None,
        scopes=sorted(s.value for s in token.scope_set) if token else None,
    )
