"""Calibration pages: the managers' sample and agreement view, and the reviewers' blind reviews."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.models import REVIEW_ROLES, Role
from backoffice.accounts.permissions import roles_required
from backoffice.audit import reads
from backoffice.calibration import operations as ops
from backoffice.calibration import queries as q
from backoffice.calibration import report
from backoffice.calibration.forms import BlindReviewForm, DrawForm
from backoffice.calibration.models import CalibrationReview
from backoffice.cases.conversation import conversation_rows
from backoffice.cases.models import Verdict
from backoffice.db import db
from backoffice.merchants.models import Platform
from backoffice.policy import UnknownRuleError, get_rulebook
from backoffice.policy.titles import rule_title
from backoffice.templating import PLATFORM_LABELS
from backoffice.web import acting_user, committing

bp = Blueprint("calibration", __name__, url_prefix="/calibration")
VIEWERS = (Role.manager, Role.admin)


# -- managers ---------------------------------------------------------------------------------------

def _draw_form(formdata=None) -> DrawForm:
    form = DrawForm(formdata=formdata) if formdata is not None else DrawForm()
    anything = SelectChoice("", _("Any"))
    form.platform.choices = [anything, *(SelectChoice(p.value, str(PLATFORM_LABELS[p])) for p in Platform)]
    form.rule.choices = [anything, *(SelectChoice(r.code, f"{PLATFORM_LABELS[r.platform]} · {rule_title(r.code)}")
                                     for r in get_rulebook().rules())]
    form.original_reviewer.choices = [anything, *(SelectChoice(str(u.id), u.display_name or u.login)
                                                  for u in q.original_reviewers())]
    form.reviewers.choices = [SelectChoice(u.id, u.display_name or u.login) for u in q.eligible_reviewers()]
    return form


def _index(form: DrawForm, status: int = 200):
    pairs = q.pairs()
    return render_template("calibration/index.html", form=form, counts=q.status_counts(),
                           summary=report.summary(pairs, rule_title), open_reviews=q.open_reviews(),
                           confirm=ConfirmForm(), can_draw=current_user.role is Role.manager), status


@bp.get("")
@roles_required(*VIEWERS)
def index():
    return _index(_draw_form())


@bp.post("/draw")
@roles_required(Role.manager)
def draw():
    form = _draw_form(request.form)
    if not form.validate_on_submit():
        return _index(form, 422)
    original = form.original_reviewer.data
    flt = q.SampleFilter(platform=form.platform.data or None, rule_code=form.rule.data or None,
                         original_reviewer_id=int(original) if original else None,
                         closed_from=form.closed_from.data, closed_to=form.closed_to.data)
    with committing() as done:
        result = ops.draw_sample(acting_user(), form.size.data, flt, reviewer_ids=form.reviewers.data or None,
                                 seed=form.seed.data)
    if not done:
        return _index(form, 422)
    drawn = len(result.reviews)
    message = _("%(n)d case(s) sent for blind review (seed %(seed)d).", n=drawn, seed=result.seed)
    if drawn < form.size.data:
        message += " " + _("Fewer than asked: only these cases have a reviewer who took no part in them.")
    flash(message, "success")
    return redirect(url_for("calibration.index"))


@bp.post("/reviews/<int:review_id>/withdraw")
@roles_required(Role.manager)
def withdraw(review_id: int):
    review = db.get_or_404(CalibrationReview, review_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with committing(_("The calibration review was withdrawn.")):
        ops.withdraw(acting_user(), review)
    return redirect(url_for("calibration.index") + "#open")


@bp.get("/<name>.csv")
@roles_required(*VIEWERS)
def download(name: str):
    if name not in report.DATASETS:
        abort(404)
    columns, rows = report.DATASETS[name]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows(q.pairs()))
    # A BOM so that spreadsheet programs open the Chinese text correctly.
    return Response("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename=calibration_{name}.csv"})


# -- second reviewers -------------------------------------------------------------------------------

def _own_review(review_id: int) -> CalibrationReview:
    """The current user's own assignment; anyone else's is 'not found', so ids reveal nothing."""
    review = db.session.get(CalibrationReview, review_id)
    if review is None or review.reviewer_id != current_user.id:
        abort(404)
    return review


@bp.get("/mine")
@roles_required(*REVIEW_ROLES)
def mine():
    open_, done = q.assignments_of(current_user)
    return render_template("calibration/mine.html", open_reviews=open_, done=done)


def _blind_form(review: CalibrationReview, formdata=None) -> BlindReviewForm:
    form = BlindReviewForm(formdata=formdata) if formdata is not None else BlindReviewForm()
    rules = get_rulebook().rules(review.case.platform.value)
    form.rule.choices = [SelectChoice("", "—"), *(SelectChoice(r.code, rule_title(r.code)) for r in rules)]
    if not form.is_submitted():
        form.rule.data = review.case.rule_code
    return form


def _blind(review: CalibrationReview, form: BlindReviewForm, status: int = 200):
    flags = q.blind_flags(review)
    rendered = conversation_rows(review.case.conversation_id, flags, until=review.original_decision.decided_at)
    case = review.case
    try:
        rule = get_rulebook().rule(case.rule_code) if case.rule_code else None
    except UnknownRuleError:
        rule = None
    return render_template("calibration/review.html", review=review, case=case, rendered=rendered, rule=rule,
                           hit_count=sum(1 for f in flags if f.message_id), reports=q.blind_reports(review),
                           form=form), status


@bp.get("/reviews/<int:review_id>")
@roles_required(*REVIEW_ROLES)
def show(review_id: int):
    review = _own_review(review_id)
    reads.record_read(acting_user(), review.case.conversation, where="calibration.show")
    db.session.commit()
    return _blind(review, _blind_form(review))


@bp.post("/reviews/<int:review_id>")
@roles_required(*REVIEW_ROLES)
def submit(review_id: int):
    review = _own_review(review_id)
    form = _blind_form(review, request.form)
    if not form.validate_on_submit():
        return _blind(review, form, 422)
    data = ops.BlindJudgment(Verdict(form.verdict.data), form.rationale.data or "", form.rule.data or None,
                             form.severity.data or None)
    with committing(_("Your calibration review is recorded. Thank you.")) as done:
        ops.submit(acting_user(), review, data)
    if not done:
        return _blind(_own_review(review_id), form, done.status)
    return redirect(url_for("calibration.mine"))
