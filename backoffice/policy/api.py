"""The loaded rules over the JSON API."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from werkzeug.exceptions import NotFound

from backoffice.accounts.models import Role
from backoffice.api.auth import api_access
from backoffice.api.errors import ApiError
from backoffice.api.models import Scope

from . import UnknownRuleError, get_rulebook

bp = Blueprint("rules_api", __name__, url_prefix="/api/v1/rules")


@bp.get("")
@api_access(Scope.read, *Role)
def list_rules():
    platform = request.args.get("platform") or None
    book = get_rulebook()
    try:
        rules = book.rules(platform)
    except UnknownRuleError:  # a query value, not a resource: refused as a bad request
        raise ApiError(400, f"'platform' must be one of {', '.join(sorted(book.packs))}.") from None
    return jsonify(rules=[rule.model_dump(mode="json") for rule in rules],
                   versions={code: pack.version for code, pack in book.packs.items()})


@bp.get("/<code>")
@api_access(Scope.read, *Role)
def get_rule(code: str):
    try:
        rule = get_rulebook().rule(code)
    except UnknownRuleError:
        raise NotFound(f"No rule {code}.") from None
    return jsonify(rule.model_dump(mode="json"))
