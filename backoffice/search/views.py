"""The staff search page (the box at the top of every staff page; keyboard: /)."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from backoffice.accounts.models import REVIEW_ROLES
from backoffice.accounts.permissions import roles_required
from backoffice.search.queries import MAX_CASES, MAX_LENGTH, MIN_LENGTH, TRIGRAM, search

bp = Blueprint("search", __name__, url_prefix="/search")


@bp.get("")
@roles_required(*REVIEW_ROLES)
def results():
    q = (request.args.get("q") or "").strip()
    too_short = bool(q) and len(q) < MIN_LENGTH
    found = search(q) if q and not too_short else []
    return render_template("search/results.html", q=q[:MAX_LENGTH], results=found, too_short=too_short,
                           min_length=MIN_LENGTH, max_cases=MAX_CASES,
                           trigram=TRIGRAM, open_only=bool(q) and not too_short and len(q) < TRIGRAM)
