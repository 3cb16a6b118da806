"""The reviewers' queue: filters, next case, claims and bulk dismissal."""

from __future__ import annotations

from urllib.parse import urlencode

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from backoffice.accounts.models import REVIEW_ROLES, Role, User
from backoffice.accounts.permissions import roles_required
from backoffice.cases import carry, claims, decisions, help_requests, saved
from backoffice.cases.carry import FILTER_KEYS
from backoffice.cases.forms import BulkDismissForm, ReasonForm, ReassignForm
from backoffice.cases.models import Case, CaseStatus
from backoffice.cases.queries import QueueFilter, queue_page, sources_of
from backoffice.db import db
from backoffice.policy import get_rulebook
from backoffice.web import acting_user, committing

bp = Blueprint("cases", __name__, url_prefix="/cases")


def load_case(case_id: int) -> Case:
    return db.get_or_404(Case, case_id)


@bp.get("")
@roles_required(*REVIEW_ROLES)
def queue():
    args = {k: request.args.get(k) or None for k in FILTER_KEYS}
    flt = QueueFilter(**{k: v for k, v in args.items() if v is not None},
                      older_than_hours=request.args.get("older_than_hours", type=int),
                      after=request.args.get("after"))
    page = queue_page(flt, current_user.id)
    filter_args = {k: v for k, v in args.items() if v}
    if flt.older_than_hours:
        filter_args["older_than_hours"] = str(flt.older_than_hours)
    chosen = saved.clean_filters(request.args)
    views = saved.views_for(current_user)
    return render_template("cases/queue.html", page=page, flt=flt, rules=get_rulebook().rules(),
                           sources=sources_of(page.cases), help=help_requests.latest_requests(
                               c.id for c in page.cases if c.status in (CaseStatus.on_hold, CaseStatus.escalated)),
                           bulk=BulkDismissForm(), filter_args=filter_args,
                           views=views, active_view=next((v for v in views if v.filters == chosen), None),
                           chosen=chosen, queue=carry.encoded(filter_args), just_decided=carry.just_decided())


@bp.post("/next")
@roles_required(*REVIEW_ROLES)
def claim_next():
    escalated = request.form.get("escalated") == "1" and current_user.role in (Role.senior_reviewer, Role.manager)
    # The queue the reviewer works through (its filters, the active saved view's included), carried as
    # one ``queue`` field; a form that posts the filters as fields of their own works as well.
    queue = carry.carried(request.form.get("queue")) or carry.carried(urlencode(saved.clean_filters(request.form)))
    case = carry.take_next(acting_user(), current_user._get_current_object(), queue, escalated=escalated,
                           leaving=carry.form_id("leaving"))
    db.session.commit()
    if case is None:
        flash(_("No case of this view is waiting.") if queue else _("No case is waiting. Well done."), "info")
        return redirect(carry.queue_url(queue))
    return redirect(carry.case_url(case.id, queue))


@bp.post("/dismiss")
@roles_required(*REVIEW_ROLES)
def bulk_dismiss():
    form = BulkDismissForm()
    ids = [int(i) for i in request.form.getlist("case_id") if i.isdigit()]
    if not form.validate_on_submit() or not ids:
        flash(_("Select cases and give a reason for dismissing them."), "error")
        return redirect(url_for("cases.queue"))
    cases = db.session.scalars(sa.select(Case).where(Case.id.in_(ids))).all()
    with committing() as done:
        count = decisions.bulk_dismiss(acting_user(), cases, form.reason.data)
    if done:
        flash(_("%(n)d case(s) dismissed as false positives.", n=count), "success")
    return redirect(url_for("cases.queue"))


def _act(case_id: int, action) -> object:
    case = load_case(case_id)
    with committing():
        action(acting_user(), case)
    return redirect(url_for("cases.show", case_id=case_id))


@bp.post("/<int:case_id>/claim")
@roles_required(*REVIEW_ROLES)
def claim(case_id: int):
    return _act(case_id, lambda who, c: claims.claim(who, c, who.user))


@bp.post("/<int:case_id>/release")
@roles_required(*REVIEW_ROLES)
def release(case_id: int):
    return _act(case_id, lambda who, c: claims.release(who, c, who.user))


@bp.post("/<int:case_id>/hold")
@roles_required(*REVIEW_ROLES)
def hold(case_id: int):
    form = ReasonForm()
    reason = form.reason.data if form.validate_on_submit() else ""
    return _act(case_id, lambda who, c: claims.hold(who, c, who.user, reason))


@bp.post("/<int:case_id>/escalate")
@roles_required(*REVIEW_ROLES)
def escalate(case_id: int):
    form = ReasonForm()
    reason = form.reason.data if form.validate_on_submit() else ""
    return _act(case_id, lambda who, c: claims.escalate(who, c, who.user, reason))


@bp.post("/<int:case_id>/reassign")
@roles_required(Role.manager)
def reassign(case_id: int):
    form = ReassignForm()
    form.user.choices = [SelectChoice(u.id, u.login) for u in reviewers()]
    if not form.validate_on_submit() or not form.version.data.isdigit():
        abort(400)
    target = db.get_or_404(User, form.user.data)
    version = int(form.version.data)
    return _act(case_id, lambda who, c: claims.reassign(who, c, target, expected_version=version))


def reviewers() -> list[User]:
    return list(db.session.scalars(sa.select(User).where(User.role.in_(REVIEW_ROLES), User.is_enabled)
                                   .order_by(User.login)))
