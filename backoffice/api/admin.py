"""Administrators issue and revoke API tokens from the browser."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField, widgets
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from backoffice.accounts.forms import ROLE_LABELS, ConfirmForm
from backoffice.accounts.models import Role, User
from backoffice.accounts.permissions import roles_required
from backoffice.api.models import ApiToken, Scope
from backoffice.api.tokens import create_token, list_tokens, revoke_token
from backoffice.db import db
from backoffice.web import acting_user, committing

bp = Blueprint("tokens", __name__, url_prefix="/admin/tokens")


SCOPE_HELP = {
    Scope.ingest.value: _l("send conversations and merchants in"),
    Scope.read.value: _l("read cases, merchants, standing and rules"),
    Scope.review.value: _l("claim and decide cases, decide appeals"),
    Scope.approve.value: _l("approve or refuse decisions that need a manager"),
    Scope.appeal.value: _l("file appeals (merchant accounts)"),
    Scope.events.value: _l("read the enforcement event feed"),
}


class TokenForm(FlaskForm):
    user = SelectField(_l("Account"), coerce=lambda v: int(v) if v else None, validators=[DataRequired()])
    scopes = SelectMultipleField(
        _l("Scopes"),
        choices=[SelectChoice(s.value) for s in Scope],
        option_widget=widgets.CheckboxInput(),
        widget=widgets.ListWidget(prefix_label=False),
    )
    description = StringField(_l("What the token is for"), validators=[Optional(), Length(max=200)])


@bp.route("", methods=["GET", "POST"])
@roles_required(Role.admin)
def index():
    form = TokenForm()
    enabled = db.session.scalars(sa.select(User).filter_by(is_enabled=True).order_by(User.login))
    form.user.choices = [SelectChoice("", _("Choose an account"))] + [
        SelectChoice(u.id, f"{u.login} · {ROLE_LABELS[u.role]}") for u in enabled
    ]
    secret = None
    if form.validate_on_submit():
        user = db.get_or_404(User, form.user.data)
        with committing(_("Token created. Copy it now: it will not be shown again.")):
            token, secret = create_token(
                acting_user(), user, [Scope(s) for s in form.scopes.data], form.description.data or "",
            )
    return render_template(
        "admin/tokens.html", form=form, tokens=list_tokens(), secret=secret, confirm=ConfirmForm(),
        scope_help=SCOPE_HELP,
    )


@bp.post("/<int:token_id>/revoke")
@roles_required(Role.admin)
def revoke(token_id: int):
    token = db.get_or_404(ApiToken, token_id)
    if ConfirmForm().validate_on_submit():
        with committing(_("Token revoked.")):
            revoke_token(acting_user(), token)
    return redirect(url_for("tokens.index"))
