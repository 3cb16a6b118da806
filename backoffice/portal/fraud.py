"""ZBJ merchants report a customer for fraud (举报诈骗); the report becomes a case of its own kind."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.audit.operations import Actor
from backoffice.cases.operations import report_fraud
from backoffice.db import db
from backoffice.merchants.models import Platform
from backoffice.portal import queries as q
from backoffice.portal.views import bp, merchant_id


@bp.get("/conversations")
@roles_required(Role.merchant)
def conversations():
    return render_template("portal/conversations.html", conversations=q.conversations(merchant_id()),
                           form=ConfirmForm(), can_report=current_user.merchant.platform is Platform.zbj)


@bp.post("/conversations/<int:conversation_id>/fraud-report")
@roles_required(Role.merchant)
def fraud_report(conversation_id: int):
    conversation = q.conversation_of(merchant_id(), conversation_id)
    if conversation.platform is not Platform.zbj:
        abort(404)
    text = (request.form.get("text") or "").strip()
    if not ConfirmForm().validate_on_submit() or not text:
        flash(_("Describe what the customer did."), "error")
        return redirect(url_for("portal.conversations"))
    report_fraud(Actor(current_user._get_current_object(), "web"), conversation, text[:2000])
    db.session.commit()
    flash(_("Thank you. Your report was sent to the reviewers."), "success")
    return redirect(url_for("portal.conversations"))
