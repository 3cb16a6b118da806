"""The case page: the whole conversation in context, the evidence beside it, and the decision."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from backoffice.accounts.models import REVIEW_ROLES
from backoffice.accounts.permissions import roles_required
from backoffice.audit import reads
from backoffice.calibration.queries import open_review_of
from backoffice.cases import carry, claims, conduct, decisions, help_requests, undo
from backoffice.cases import queries as q
from backoffice.cases.claims import ReviewError
from backoffice.cases.conversation import conversation_rows
from backoffice.cases.forms import (
    CUSTOMER_SEVERITIES,
    AnswerForm,
    DecisionForm,
    NoteForm,
    ReasonForm,
    ReassignForm,
)
from backoffice.cases.models import Case, CaseDecision, CaseKind, CaseNote, Verdict
from backoffice.cases.views import bp, load_case, reviewers
from backoffice.customers import queries as customer_queries
from backoffice.db import db, utcnow
from backoffice.ingest import mass_sending
from backoffice.labels import measure_text
from backoffice.ledger.operations import standing_of
from backoffice.merchants import links, work
from backoffice.penalties.operations import prior_offences
from backoffice.policy import get_rulebook
from backoffice.policy.compute import offence_number
from backoffice.policy.titles import localized, rule_title
from backoffice.rationales import render as canned_reasons
from backoffice.timeutil import platform_tz
from backoffice.web import acting_user, committing


def _decision_form(case, formdata=None) -> DecisionForm:
    form = DecisionForm(formdata=formdata) if formdata is not None else DecisionForm()
    if case.about_customer:  # the customer rules of the pack, and their two severities
        form.rule.choices = [SelectChoice(r.code, localized(r.title))
                             for r in get_rulebook().customer_rules(case.platform.value)]
        form.severity.choices = CUSTOMER_SEVERITIES
    else:
        rules = get_rulebook().rules(case.platform.value)
        form.rule.choices = [SelectChoice(r.code, rule_title(r.code)) for r in rules]
    if not form.is_submitted():
        form.version.data = case.version
        form.rule.data = case.rule_code
        form.verdict.data = "violation"
    return form


def _decision_input(form: DecisionForm) -> decisions.DecisionInput:
    params = {}
    for name in ("consumer_compensation", "fine_amount"):
        value = (getattr(form, name).data or "").strip()
        if value:
            params[name] = value
    if form.complaint_upheld.data:
        params["complaint_upheld"] = True
    return decisions.DecisionInput(
        verdict=Verdict(form.verdict.data), rationale=form.rationale.data or "",
        rule_code=form.rule.data or None, severity=form.severity.data or None, params=params,
        dropped=tuple(form.dropped.data or ()), deviation_reason=form.deviation_reason.data or "",
        quoted=quoted_ids(),
    )


def quoted_ids() -> tuple[int, ...]:
    """The messages ticked "quote in the ruling" on the case page (checkboxes of the decision form)."""
    return tuple(int(v) for v in request.form.getlist("quote") if v.isdigit())


def _render(case, form: DecisionForm, plan=None, status=200):
    queue = carry.carried(request.values.get("queue"))
    flags = q.conversation_flags(case)
    rendered = conversation_rows(case.conversation_id, flags)
    book = get_rulebook()
    rule = book.rule(case.rule_code) if case.rule_code and not case.about_customer else None
    # The number this decision's offence would carry, for saying when the grade changes nothing.
    offence_no = plan.offence_no if plan else (
        offence_number(rule, prior_offences(case.merchant), utcnow()) if rule else None)
    return render_template(
        "cases/show.html", case=case, rendered=rendered, flags=flags, form=form, plan=plan, rule=rule,
        offence_no=offence_no,
        standing=standing_of(case.merchant, platform_tz()), priors=q.prior_decisions(case),
        platform_measures=book.measure_types(case.platform.value),
        related=q.related_cases(case), reports=q.reports_of(case), automatic=q.automatic_entries(case),
        decisions=q.decisions_of(case), notes=q.notes_of(case), timeline=q.timeline(case),
        note_form=NoteForm(), reason_form=ReasonForm(), answer_form=AnswerForm(),
        help_requests=help_requests.requests_of(case), reassign_form=_reassign_form(case),
        holds=claims.holds_claim(case, current_user), threshold=decisions.threshold(),
        quoted=set(quoted_ids()) if request.method == "POST" else set(), customer=_customer_panel(case),
        linked=links.linked_shops(case.merchant), aggravation=links.linked_accounts_rule(case.merchant),
        burst=mass_sending.conversations_of(case), elsewhere=mass_sending.judged_elsewhere(case),
        queue=carry.encoded(queue), queue_args=queue, just_decided=carry.just_decided(),
        undoable=undo.offered, undo_deadline=undo.deadline, canned=_canned(case, flags),
        merchant_open=work.open_count(case.merchant_id, but=case.id), together=_together(case),
        together_chosen=set(together_ids()),
    ), status


def _together(case) -> list:
    """The other open cases of the same piece of work (same shop and rule, within the hour) the holder can
    decide with this one, as one course of conduct."""
    if case.kind is not CaseKind.violation or not claims.holds_claim(case, current_user):
        return []
    piece = next((p for p in work.open_work(case.merchant_id) if case in p.cases), None)
    return [c for c in piece.cases if conduct.joinable(c, case)] if piece else []


def together_ids() -> list[int]:
    return [int(v) for v in request.form.getlist("together") if v.isdigit() and len(v) < 10]


def _canned(case, flags) -> list:
    """The rule's canned reasons for the holder's decision form, their placeholders filled in for this case."""
    if case.about_customer or not claims.holds_claim(case, current_user):
        return []
    said: dict[str, str] = {}

    def measures_of(severity: str) -> str:
        if severity not in said:
            try:
                plan = decisions.preview(case, decisions.DecisionInput(Verdict.violation, "", case.rule_code, severity))
                said[severity] = "；".join(measure_text(m) for m in plan.measures)
            except ReviewError:
                said[severity] = ""
        return said[severity]

    return canned_reasons.offered(case, flags, measures_of)


def _customer_panel(case) -> dict | None:
    """The subject customer's standing, measures and other cases (None when the merchant is the subject)."""
    if case.customer is None:
        return None
    history = customer_queries.history_of(case.customer)
    codes = {r.code: r for r in get_rulebook().customer_rules(case.platform.value)}
    return {"customer": case.customer, "history": history, "rule": codes.get(case.rule_code),
            "standing": customer_queries.standing_of(history, utcnow()),
            "cases": customer_queries.cases_of(case.customer, but=case.id)}


def _reassign_form(case):
    form = ReassignForm(version=case.version)
    form.user.choices = [SelectChoice(u.id, u.display_name or u.login) for u in reviewers()]
    return form


@bp.get("/<int:case_id>")
@roles_required(*REVIEW_ROLES)
def show(case_id: int):
    case = load_case(case_id)
    blind = open_review_of(case.id, current_user)
    if blind is not None:  # the case page would show the decision being calibrated
        flash(_("You are reviewing this case blind for calibration; the case page opens once you submit."), "info")
        return redirect(url_for("calibration.show", review_id=blind.id))
    claims.renew(case, current_user)
    reads.record_read(acting_user(), case.conversation, where="cases.show")
    db.session.commit()
    return _render(case, _decision_form(case))


@bp.post("/<int:case_id>/decision")
@roles_required(*REVIEW_ROLES)
def decide(case_id: int):
    case = load_case(case_id)
    form = _decision_form(case, request.form)
    if not form.validate_on_submit():
        return _render(case, form, status=422)
    data = _decision_input(form)
    plan = decision = None
    with committing() as done:
        if request.form.get("action") == "confirm":
            version = int(form.version.data) if str(form.version.data).isdigit() else -1
            others = db.session.scalars(sa.select(Case).where(Case.id.in_(together_ids()))).all()
            decision = conduct.decide_together(acting_user(), case, others, data, expected_version=version)
        elif data.verdict is Verdict.violation and case.about_customer:
            plan = decisions.customer_preview(case, data)  # writes nothing
        elif data.verdict is Verdict.violation:
            plan = decisions.preview(case, data)  # writes nothing
    if not done:
        return _render(load_case(case_id), form, status=done.status)
    if decision is None:
        if plan and not case.about_customer:
            form.dropped.choices = [SelectChoice(m.type, m.label()) for m in plan.measures]
        return _render(case, form, plan=plan)
    if decision.approval_reasons:
        flash(_("Decision recorded. It takes effect when a manager approves it."), "info")
    else:
        flash(_("Decision applied."), "success")
    return _next_after(decision)


def _next_after(decision) -> object:
    """After a decision, the next case of the same queue, claimed; the one just decided stays one key
    away on it (``decided``: undo, or back to it)."""
    queue = carry.carried(request.form.get("queue"))
    nxt = carry.take_next(acting_user(), current_user._get_current_object(), queue)
    db.session.commit()
    if nxt is None:
        flash(_("No other case is waiting in this queue."), "info")
        return redirect(carry.queue_url(queue, decided=decision.id))
    return redirect(carry.case_url(nxt.id, queue, decided=decision.id))


@bp.post("/<int:case_id>/undo")
@roles_required(*REVIEW_ROLES)
def undo_decision(case_id: int):
    decision = db.get_or_404(CaseDecision, carry.form_id("decision") or 0)
    if decision.case_id != case_id:
        abort(404)
    with committing(_("Decision undone: the case is yours again, as it was before you decided.")) as done:
        undo.undo(acting_user(), decision)
    if not done:
        case = load_case(case_id)
        return _render(case, _decision_form(case), status=done.status)
    return redirect(carry.case_url(case_id, carry.carried(request.form.get("queue"))))


@bp.post("/<int:case_id>/notes")
@roles_required(*REVIEW_ROLES)
def add_note(case_id: int):
    case = load_case(case_id)
    form = NoteForm()
    if form.validate_on_submit():
        from backoffice.audit.operations import record

        note = CaseNote(case_id=case.id, author_id=current_user.id, body=form.body.data.strip())
        db.session.add(note)
        db.session.flush()
        record(acting_user(), "case.note", "case", case.id, after={"note": note.id})
        db.session.commit()
    return redirect(url_for("cases.show", case_id=case.id) + "#notes")

