"""Managers approve or refuse decisions held for four-eyes review."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.cases import decisions
from backoffice.cases.forms import ApprovalForm
from backoffice.cases.models import CaseDecision
from backoffice.cases.queries import pending_approvals
from backoffice.db import db
from backoffice.policy import MeasurePlan
from backoffice.web import acting_user, committing

bp = Blueprint("approvals", __name__, url_prefix="/approvals")


@bp.get("")
@roles_required(Role.manager)
def index():
    return _page(ApprovalForm())


def _page(form: ApprovalForm):
    items = [(d, MeasurePlan.from_dict(d.preview) if d.preview else None) for d in pending_approvals()]
    return render_template("cases/approvals.html", items=items, form=form)


@bp.post("/<int:decision_id>")
@roles_required(Role.manager)
def decide(decision_id: int):
    decision = db.get_or_404(CaseDecision, decision_id)
    form = ApprovalForm()
    if form.validate_on_submit():
        approved = request.form.get("approve") == "1"
        with committing(_("Approved: the measures are in force.") if approved
                        else _("Refused: the case is back in the queue.")) as done:
            decisions.approve(acting_user(), decision, approved, form.note.data or "")
        if not done:  # the list as it stands now, with the reason (409: someone else acted first)
            return _page(ApprovalForm(formdata=None)), done.status
    return redirect(url_for("approvals.index"))
