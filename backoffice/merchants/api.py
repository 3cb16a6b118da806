"""Merchants over the JSON API: create, top up deposits, read standing and ledger."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask import Blueprint, g, jsonify, request
from werkzeug.exceptions import NotFound

from backoffice.accounts.models import STAFF_ROLES, Role
from backoffice.api.auth import api_access, api_actor
from backoffice.api.errors import ApiError
from backoffice.api.models import Scope
from backoffice.db import db
from backoffice.ledger import operations as ledger
from backoffice.ledger.serialize import entry_json, standing_json
from backoffice.merchants import operations
from backoffice.merchants.models import Merchant, Platform
from backoffice.timeutil import platform_tz

bp = Blueprint("merchants_api", __name__, url_prefix="/api/v1/merchants")
WRITERS = (Role.admin, Role.manager)


def _body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "Send a JSON object with Content-Type: application/json.")
    return data


def _money(data: dict, key: str) -> Decimal:
    raw = data.get(key)
    if not isinstance(raw, str):
        raise ApiError(422, f"'{key}' must be a decimal string such as \"10000.00\".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ApiError(422, f"'{key}' is not a number: {raw!r}.") from None
    if not value.is_finite() or value < 0 or value.as_tuple().exponent < -2 or value >= Decimal("1e12"):
        raise ApiError(422, f"'{key}' must be a non-negative amount with at most 2 decimals.")
    return value.quantize(Decimal("0.01"))


def _visible_merchant(external_id: str) -> Merchant:
    """Staff see every merchant; a merchant account sees only its own (others look absent)."""
    merchant = operations.find(external_id)
    user = g.api_user
    if merchant is None or (user.role is Role.merchant and user.merchant_id != merchant.id):
        raise NotFound(f"No merchant {external_id}.")
    return merchant


@bp.put("/<external_id>")
@api_access(Scope.ingest, *WRITERS)
def put_merchant(external_id: str):
    data = _body()
    try:
        platform = Platform(data.get("platform"))
    except ValueError:
        raise ApiError(422, f"'platform' must be one of {', '.join(p.value for p in Platform)}.") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise ApiError(422, "'name' is required (at most 200 characters).")
    if len(external_id) > 128:
        raise ApiError(422, "The external id is at most 128 characters.")
    in_eu = data.get("in_eu")
    if in_eu is not None and not isinstance(in_eu, bool):
        raise ApiError(422, "'in_eu' must be true or false.")
    merchant, created = operations.upsert(api_actor(), external_id, platform, name.strip(),
                                          _money(data, "deposit"), in_eu=in_eu)
    db.session.commit()
    response = jsonify(_merchant_json(merchant))
    response.status_code = 201 if created else 200
    return response


@bp.post("/<external_id>/deposits")
@api_access(Scope.ingest, *WRITERS)
def post_deposit(external_id: str):
    merchant = _visible_merchant(external_id)
    data = _body()
    amount = _money(data, "amount")
    reason = str(data.get("reason") or "deposit top-up")[:500]
    entry = operations.top_up(api_actor(), merchant, amount, reason)
    db.session.commit()
    return jsonify(entry_json(entry)), 201


@bp.get("/<external_id>")
@api_access(Scope.read, *STAFF_ROLES, Role.merchant)
def get_merchant(external_id: str):
    return jsonify(_merchant_json(_visible_merchant(external_id)))


@bp.get("/<external_id>/standing")
@api_access(Scope.read, *STAFF_ROLES, Role.merchant)
def get_standing(external_id: str):
    merchant = _visible_merchant(external_id)
    return jsonify(standing_json(ledger.standing_of(merchant, platform_tz())))


@bp.get("/<external_id>/ledger")
@api_access(Scope.read, *STAFF_ROLES, Role.merchant)
def get_ledger(external_id: str):
    merchant = _visible_merchant(external_id)
    return jsonify(entries=[entry_json(e) for e in ledger.entries_of(merchant.id)])


def _merchant_json(merchant: Merchant) -> dict:
    return {
        "external_id": merchant.external_id,
        "platform": merchant.platform.value,
        "name": merchant.name,
        "in_eu": merchant.in_eu,
        "standing": standing_json(ledger.standing_of(merchant, platform_tz())),
    }
