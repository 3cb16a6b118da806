"""The reviewers' case queue."""

from __future__ import annotations

from flask import Blueprint, render_template

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required

bp = Blueprint("cases", __name__, url_prefix="/cases")


@bp.get("")
@roles_required(Role.reviewer, Role.senior_reviewer, Role.manager)
def queue():
    # Cases are opened by detection and customer reports; until then the queue is empty.
    return render_template("cases/queue.html", cases=[])
