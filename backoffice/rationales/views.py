"""Managers keep the canned reasons reviewers choose on the case page."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.db import db
from backoffice.policy import get_rulebook
from backoffice.policy.titles import rule_title
from backoffice.rationales import operations
from backoffice.rationales.forms import CannedReasonForm
from backoffice.rationales.models import CannedReason
from backoffice.rationales.render import of_rule
from backoffice.web import acting_user, committing

bp = Blueprint("rationales", __name__, url_prefix="/rationales")


def _form(reason: CannedReason | None = None) -> CannedReasonForm:
    form = CannedReasonForm(obj=reason)
    form.rule_code.choices = [SelectChoice(r.code, rule_title(r.code)) for r in get_rulebook().rules()]
    if reason is not None and not form.is_submitted():
        form.verdict.data, form.severity.data = reason.verdict.value, reason.severity or ""
    return form


def _page(form: CannedReasonForm, editing: CannedReason | None = None, status: int = 200):
    groups = [(rule, of_rule(rule.code)) for rule in get_rulebook().rules()]
    return render_template("rationales/index.html", form=form, editing=editing, rules=get_rulebook().rules(),
                           groups=[(rule, found) for rule, found in groups if found]), status


@bp.get("")
@roles_required(Role.manager)
def index():
    return _page(_form())


@bp.post("")
@roles_required(Role.manager)
def create():
    form = _form()
    if not form.validate_on_submit():
        return _page(form, status=422)
    with committing(_("Canned reason saved.")) as done:
        operations.save_reason(acting_user(), None, form.data)
    return redirect(url_for("rationales.index")) if done else _page(form, status=done.status)


@bp.route("/<int:reason_id>", methods=["GET", "POST"])
@roles_required(Role.manager)
def edit(reason_id: int):
    reason = db.get_or_404(CannedReason, reason_id)
    form = _form(reason)
    if not form.is_submitted():
        return _page(form, editing=reason)
    if not form.validate_on_submit():
        return _page(form, editing=reason, status=422)
    with committing(_("Canned reason saved.")) as done:
        operations.save_reason(acting_user(), reason, form.data)
    return redirect(url_for("rationales.index")) if done else _page(form, editing=reason, status=done.status)


@bp.post("/<int:reason_id>/delete")
@roles_required(Role.manager)
def delete(reason_id: int):
    reason = db.get_or_404(CannedReason, reason_id)
    if not FlaskForm().validate_on_submit():  # the CSRF token only
        abort(400)
    with committing(_("Canned reason removed.")):
        operations.remove_reason(acting_user(), reason)
    return redirect(url_for("rationales.index"))
