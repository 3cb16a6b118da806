"""Managers approve or refuse decisions held for four-eyes review."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.audit.operations import Actor
from backoffice.db import db
from backoffice.policy import MeasurePlan
from backoffice.review import decisions
from backoffice.review.forms import ApprovalForm
from backoffice.review.models import CaseDecision
from backoffice.review.queries import pending_approvals

bp = Blueprint("approvals", __name__, url_prefix="/approvals")


@bp.get("")
@roles_required(Role.manager)
def index():
    items = [(d, MeasurePlan.from_dict(d.preview) if d.preview else None) for d in pending_approvals()]
    return render_template("cases/approvals.html", items=items, form=ApprovalForm())


@bp.post("/<int:decision_id>")
@roles_required(Role.manager)
def decide(decision_id: int):
    decision = db.get_or_404(CaseDecision, decision_id)
    form = ApprovalForm()
    if form.validate_on_submit():
        approved = request.form.get("approve") == "1"
        try:
            decisions.approve(Actor(current_user._get_current_object(), "web"), decision, approved,
                              form.note.data or "")
        except decisions.ReviewError as exc:
            db.session.rollback()
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(_("Approved: the measures are in force.") if approved else _("Refused: the case is back in the queue."),
                  "success")
    return redirect(url_for("approvals.index"))
