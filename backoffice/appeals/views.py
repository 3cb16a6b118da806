"""Senior reviewers' appeal queue and the appeal page: case, ruling and evidence side by side."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus, Evidence
from backoffice.appeals.serving import send_evidence
from backoffice.cases.highlight import segments
from backoffice.cases.queries import case_messages, conversation_flags
from backoffice.db import db
from backoffice.rulings.queries import ruling_view
from backoffice.web import acting_user, committing

bp = Blueprint("appeals", __name__, url_prefix="/appeals")
SENIOR = (Role.senior_reviewer, Role.manager)


@bp.get("")
@roles_required(*SENIOR)
def index():
    status = request.args.get("status", "submitted")
    stmt = sa.select(Appeal).order_by(Appeal.submitted_at)
    if status in AppealStatus.__members__:
        stmt = stmt.where(Appeal.status == AppealStatus(status))
    counts = dict(db.session.execute(sa.select(Appeal.status, sa.func.count()).group_by(Appeal.status)).all())
    return render_template("appeals/index.html", items=list(db.session.scalars(stmt.limit(200))), status=status,
                           counts={s.value: n for s, n in counts.items()})


@bp.get("/<int:appeal_id>")
@roles_required(*SENIOR)
def show(appeal_id: int):
    return _page(db.get_or_404(Appeal, appeal_id))


def _page(appeal: Appeal):
    view = ruling_view(appeal.ruling)
    case = appeal.ruling.case
    spans: dict[int, list] = {}
    for f in conversation_flags(case):
        if f.message_id and f.where == "text" and f.start is not None:
            spans.setdefault(f.message_id, []).append((f.start, f.end, f.rule_code or ""))
    messages = [(m, segments(m.text, spans.get(m.id, []), f"a-{m.id}")) for m in case_messages(case)]
    involved = current_user.id in (appeal.ruling.decided_by_id, appeal.ruling.approved_by_id)
    return render_template("appeals/show.html", appeal=appeal, view=view, messages=messages, form=ConfirmForm(),
                           involved=involved, outcomes=list(AppealOutcome))


@bp.post("/<int:appeal_id>/request-evidence")
@roles_required(*SENIOR)
def request_evidence(appeal_id: int):
    appeal = db.get_or_404(Appeal, appeal_id)
    return _do(appeal, lambda actor: appeals.request_evidence(actor, appeal, request.form.get("message", "")),
               _("The merchant was asked for more evidence; their clock runs again."))


@bp.post("/<int:appeal_id>/decision")
@roles_required(*SENIOR)
def decide(appeal_id: int):
    appeal = db.get_or_404(Appeal, appeal_id)
    try:
        outcome = AppealOutcome(request.form.get("outcome"))
    except ValueError:
        flash(_("Choose an outcome."), "error")
        return redirect(url_for("appeals.show", appeal_id=appeal.id))
    drop = tuple(request.form.getlist("drop"))
    return _do(appeal, lambda actor: appeals.decide(actor, appeal, outcome, request.form.get("reason", ""),
                                                    severity=request.form.get("severity") or None, drop=drop),
               _("The appeal is decided and the merchant has been told."))


def _do(appeal: Appeal, action, done: str):
    if not ConfirmForm().validate_on_submit():
        flash(_("The form expired; try again."), "error")
        return redirect(url_for("appeals.show", appeal_id=appeal.id))
    with committing(done) as outcome:
        action(acting_user())
    if not outcome:  # the page as it stands now (decided by a colleague meanwhile?) with the message
        return _page(db.session.get(Appeal, appeal.id)), outcome.status
    return redirect(url_for("appeals.show", appeal_id=appeal.id))


@bp.get("/evidence/<int:evidence_id>")
@roles_required(*SENIOR, Role.reviewer)
def evidence(evidence_id: int):
    return send_evidence(db.get_or_404(Evidence, evidence_id), thumbnail=request.args.get("thumb") == "1")
