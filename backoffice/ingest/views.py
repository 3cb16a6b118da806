"""The conversations as received, for the reviewers' daily sweep (ZBJ: "人工每天也会全部排查").

A reviewer reads any conversation, also those no detector flagged, and opens a case on the merchant's
messages the detector missed (``cases.sweep.open_sweep_case``).
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from backoffice.accounts.models import REVIEW_ROLES
from backoffice.accounts.permissions import roles_required
from backoffice.audit import reads
from backoffice.cases.conversation import conversation_rows
from backoffice.cases.sweep import open_sweep_case
from backoffice.conversations.models import Conversation
from backoffice.db import db
from backoffice.ingest import queries as q
from backoffice.ingest.forms import SweepForm
from backoffice.merchants.models import Platform
from backoffice.policy import get_rulebook
from backoffice.policy.titles import rule_title
from backoffice.web import acting_user, committing

bp = Blueprint("ingest", __name__, url_prefix="/conversations")


@bp.get("")
@roles_required(*REVIEW_ROLES)
def conversations():
    flt = q.SweepFilter.from_args(request.args)
    return render_template("ingest/conversations.html", flt=flt, rows=q.sweep_list(flt), platforms=list(Platform))


@bp.get("/<int:conversation_id>")
@roles_required(*REVIEW_ROLES)
def conversation(conversation_id: int):
    conv = db.get_or_404(Conversation, conversation_id)
    reads.record_read(acting_user(), conv, where="ingest.conversation")
    db.session.commit()
    return _render(conv, None)


@bp.post("/<int:conversation_id>/cases")
@roles_required(*REVIEW_ROLES)
def open_case(conversation_id: int):
    conv = db.get_or_404(Conversation, conversation_id)
    form = _form(conv, request.form)
    if not form.validate_on_submit():
        return _render(conv, form, status=422)
    with committing(_("Case opened from the daily sweep.")) as done:
        case = open_sweep_case(acting_user(), conv, form.messages.data, form.rule.data, form.note.data)
    if not done:
        return _render(conv, form, status=done.error.status)
    return redirect(url_for("cases.show", case_id=case.id))


def _form(conv: Conversation, data=None) -> SweepForm:
    form = SweepForm(data)
    form.rule.choices = [SelectChoice(r.code, rule_title(r.code)) for r in get_rulebook().rules(conv.platform.value)]
    return form


def _render(conv: Conversation, form: SweepForm | None, status: int = 200):
    flags = q.flags_of(conv.id)
    return render_template("ingest/conversation.html", conversation=conv, form=form or _form(conv),
                           rows=conversation_rows(conv.id, flags), cases=q.cases_of(conv.id)), status
