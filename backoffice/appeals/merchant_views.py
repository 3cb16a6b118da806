"""The merchant portal's appeal pages: merchants appeal a ruling with evidence and take the exam."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.appeals import exams, storage
from backoffice.appeals import states as appeal_states
from backoffice.appeals.exam_operations import start_exam, submit_exam
from backoffice.appeals.filing import Then, file_appeal
from backoffice.appeals.models import ExamAttempt
from backoffice.appeals.queries import appeal_for_ruling, evidence_of
from backoffice.appeals.serving import send_evidence
from backoffice.appeals.supplements import MAX_CHARS, add_supplement
from backoffice.db import db, row_id
from backoffice.policy import get_rulebook
from backoffice.rulings.facts import appeal_deadline, appealable, cited_of
from backoffice.rulings.queries import ruling_of
from backoffice.web import acting_user, committing, uploaded_files

bp = Blueprint("merchant_appeals", __name__, url_prefix="/merchant")


@bp.route("/rulings/<int:ruling_id>/appeal", methods=["GET", "POST"])
@roles_required(Role.merchant)
def appeal(ruling_id: int):
    ruling = ruling_of(current_user.merchant_id, ruling_id)
    form = ConfirmForm()
    item = appeal_for_ruling(ruling.id)
    typed = None  # what the merchant typed, shown again when the request is refused
    if request.method == "POST" and form.validate_on_submit():
        statement, files = request.form.get("statement", ""), uploaded_files("files")
        then = Then.submit if request.form.get("action") == "submit" else Then.save
        refused: list[tuple[str, str]] = []  # files left out of a mixed upload, with the reason
        with committing() as done:  # a refusal keeps nothing of the request, not even the files it stored
            item = file_appeal(acting_user(), ruling, statement, files, then, refused=refused)
        if not done:
            # Shown again with what was typed, so that a refused photo does not cost the statement.
            typed, item = statement, appeal_for_ruling(ruling.id)
            # Sent meanwhile (another tab): the statement is frozen, what was typed can go in as a supplement.
            kept = typed if item is not None and appeal_states.takes_supplements(item) else ""
            return _appeal_page(ruling, item, form, typed, typed_supplement=kept), done.status
        for name, reason in refused:
            flash(_("%(file)s was not accepted: %(reason)s", file=name, reason=reason), "error")
        if refused:
            flash(_("Your other files and your statement are saved as a draft. The appeal has not been sent: "
                    "add the files again in an accepted form, or submit without them."), "info")
        elif appeal_states.with_reviewers(item):
            flash(_("Your appeal has been sent. A reviewer who was not involved in the ruling will decide it."),
                  "success")
        else:
            flash(_("Saved. Your draft is kept until you submit it."), "info")
        return redirect(url_for("merchant_appeals.appeal", ruling_id=ruling.id))
    if item is None and not appealable(ruling):
        flash(_("This ruling cannot be appealed."), "error")
        return redirect(url_for("portal.ruling", ruling_id=ruling.id))
    return _appeal_page(ruling, item, form, typed)


@bp.post("/rulings/<int:ruling_id>/appeal/supplements")
@roles_required(Role.merchant)
def supplement(ruling_id: int):
    ruling = ruling_of(current_user.merchant_id, ruling_id)
    item = appeal_for_ruling(ruling.id)
    if item is None:
        abort(404)
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash(_("The form expired; try again."), "error")
        return redirect(url_for("merchant_appeals.appeal", ruling_id=ruling.id))
    text = request.form.get("text", "")
    answering = appeal_states.evidence_requested(item)
    with committing() as done:
        add_supplement(acting_user(), item, text, uploaded_files("files"))
    if not done:  # the page as it stands now (decided meanwhile?), with what was typed
        return _appeal_page(ruling, appeal_for_ruling(ruling.id), form, None, typed_supplement=text), done.status
    flash(_("Your evidence was sent; the appeal is back with the reviewers.") if answering
          else _("Your supplement was added; the reviewers see it with your appeal."), "success")
    return redirect(url_for("merchant_appeals.appeal", ruling_id=ruling.id))


def _appeal_page(ruling, item, form, typed: str | None, typed_supplement: str = ""):
    return render_template("portal/appeal.html", ruling=ruling, appeal=item, cited=cited_of(ruling), form=form,
                           statement=typed if typed is not None else (item.statement if item else ""),
                           typed_supplement=typed_supplement, supplement_chars=MAX_CHARS,
                           deadline=item.deadline_at if item else appeal_deadline(ruling),
                           limits=(storage.MAX_FILE_BYTES // 2**20, storage.MAX_FILES,
                                   storage.MAX_TOTAL_BYTES // 2**20))


@bp.get("/evidence/<int:evidence_id>")
@roles_required(Role.merchant)
def evidence(evidence_id: int):
    item = evidence_of(current_user.merchant_id, evidence_id)
    return send_evidence(item, thumbnail=request.args.get("thumb") == "1")


@bp.route("/rulings/<int:ruling_id>/exam", methods=["GET", "POST"])
@roles_required(Role.merchant)
def exam(ruling_id: int):
    ruling = ruling_of(current_user.merchant_id, ruling_id)
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        attempt_id = request.form.get("attempt", type=row_id)  # None: missing, or no id at all
        attempt = db.session.get(ExamAttempt, attempt_id) if attempt_id is not None else None
        if attempt is None or attempt.ruling_id != ruling.id:
            abort(404)
        answers = {qid: request.form.get(qid, type=int) for qid in attempt.question_ids}
        with committing() as done:
            submit_exam(acting_user(), attempt, answers)
        if done:
            if attempt.passed:
                flash(_("Passed with %(n)d points: the penalty is revoked as the rules say.",
                        n=attempt.score), "success")
            else:
                flash(_("%(n)d points: not passed. You can try again.", n=attempt.score), "error")
        return redirect(url_for("portal.ruling", ruling_id=ruling.id))
    with committing() as done:
        attempt = start_exam(acting_user(), ruling)
    if not done:
        return redirect(url_for("portal.ruling", ruling_id=ruling.id))
    bank = {question.id: question for question in exams.bank(get_rulebook().rule(ruling.rule_code).platform).questions}
    return render_template("portal/exam.html", ruling=ruling, attempt=attempt,
                           questions=[bank[qid] for qid in attempt.question_ids], form=form,
                           pass_mark=exams.pass_mark(get_rulebook().rule(ruling.rule_code).platform))
