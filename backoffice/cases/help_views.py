"""A senior reviewer's answer to a help request or an escalation, from the case page."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _

from backoffice.accounts.models import REVIEW_ROLES
from backoffice.accounts.permissions import roles_required
from backoffice.cases import help_requests
from backoffice.cases.forms import AnswerForm
from backoffice.cases.views import bp
from backoffice.db import db
from backoffice.web import acting_user, committing


@bp.post("/<int:case_id>/help/<int:request_id>/answer")
@roles_required(*REVIEW_ROLES)
def answer_help(case_id: int, request_id: int):
    request = db.get_or_404(help_requests.HelpRequest, request_id)
    if request.case_id != case_id:
        abort(404)
    form = AnswerForm()
    if not form.validate_on_submit():
        flash(_("Write the answer."), "error")
    else:
        with committing(_("Answer sent.")):
            help_requests.answer(acting_user(), request, form.answer.data)
    return redirect(url_for("cases.show", case_id=case_id) + "#help")
