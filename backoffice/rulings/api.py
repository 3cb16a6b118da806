"""``GET /api/v1/cases/<id>/ruling.pdf``: the ruling of a decided case, for staff or its merchant."""

from __future__ import annotations

from flask import Blueprint, g, request
from werkzeug.exceptions import NotFound

from backoffice.accounts.models import STAFF_ROLES, Role
from backoffice.api.auth import api_access
from backoffice.api.errors import ApiError
from backoffice.api.models import Scope
from backoffice.cases.models import Case
from backoffice.db import db
from backoffice.rulings.document import LANG_MODES
from backoffice.rulings.queries import case_ruling

bp = Blueprint("rulings_api", __name__, url_prefix="/api/v1")


@bp.get("/cases/<int:case_id>/ruling.pdf")
@api_access(Scope.read, *STAFF_ROLES, Role.merchant)
def case_ruling_pdf(case_id: int):
    from backoffice.rulings.views import send_ruling_pdf

    lang = request.args.get("lang", "zh")
    if lang not in LANG_MODES:
        raise ApiError(400, "'lang' must be zh, en or both.")
    user = g.api_user
    case = db.session.get(Case, case_id)
    # Another merchant's case looks exactly like a missing one.
    if case is None or (user.role is Role.merchant and case.merchant_id != user.merchant_id):
        raise NotFound(f"No case {case_id}.")
    ruling = case_ruling(case_id)
    if ruling is None:
        raise NotFound(f"Case {case_id} has no ruling.")
    return send_ruling_pdf(ruling, lang)
