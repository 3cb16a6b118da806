"""Administrators manage accounts from the browser."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.forms import ConfirmForm, PasswordResetForm, UserCreateForm, UserEditForm
from backoffice.accounts.models import Role, User
from backoffice.accounts.operations import (
    create_user,
    find_merchant,
    set_enabled,
    set_password,
    update_user,
)
from backoffice.accounts.permissions import roles_required
from backoffice.accounts.sessions import live_sessions, sign_out_everywhere
from backoffice.db import db
from backoffice.web import acting_user, committing

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _merchant_or_none(external_id: str | None):
    return find_merchant(external_id.strip()) if external_id and external_id.strip() else None


@bp.route("/users", methods=["GET", "POST"])
@roles_required(Role.admin)
def users():
    form = UserCreateForm()
    if form.validate_on_submit():
        with committing() as done:
            user = create_user(
                acting_user(),
                login=form.login.data,
                role=Role(form.role.data),
                password=form.password.data,
                merchant=_merchant_or_none(form.merchant.data),
                display_name=form.display_name.data or "",
            )
        if done:
            flash(_("Account %(login)s created.", login=user.login), "success")
            return redirect(url_for("admin.users"))
    accounts = db.session.scalars(sa.select(User).order_by(User.role, User.login)).all()
    return render_template("admin/users.html", form=form, accounts=accounts, confirm=ConfirmForm())


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@roles_required(Role.admin)
def edit_user(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserEditForm(obj=user, data=None)
    if not form.is_submitted():
        form.role.data = user.role.value
        form.merchant.data = user.merchant.external_id if user.merchant else ""
    if form.validate_on_submit():
        with committing(_("Changes saved.")) as done:
            update_user(
                acting_user(), user,
                role=Role(form.role.data),
                merchant=_merchant_or_none(form.merchant.data),
                display_name=form.display_name.data or "",
            )
        if done:
            return redirect(url_for("admin.edit_user", user_id=user.id))
    return render_template(
        "admin/user_edit.html", user=user, form=form,
        password_form=PasswordResetForm(), confirm=ConfirmForm(), sessions=live_sessions(user),
    )


@bp.post("/users/<int:user_id>/enabled/<int:enabled>")
@roles_required(Role.admin)
def set_user_enabled(user_id: int, enabled: int):
    if enabled not in (0, 1):
        abort(404)
    user = db.get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        with committing(_("Account enabled.") if enabled else _("Account disabled.")):
            set_enabled(acting_user(), user, bool(enabled))
    return redirect(url_for("admin.edit_user", user_id=user.id))


@bp.post("/users/<int:user_id>/password")
@roles_required(Role.admin)
def reset_password(user_id: int):
    user = db.get_or_404(User, user_id)
    form = PasswordResetForm()
    if form.validate_on_submit():
        with committing(_("Password changed; the account was signed out everywhere.")):
            set_password(acting_user(), user, form.password.data)
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
    return redirect(url_for("admin.edit_user", user_id=user.id))


@bp.post("/users/<int:user_id>/sessions")
@roles_required(Role.admin)
def sign_out_user(user_id: int):
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        flash(_("Manage your own sessions on your sessions page."), "error")
    elif ConfirmForm().validate_on_submit():
        with committing(_("%(login)s was signed out everywhere.", login=user.login)):
            sign_out_everywhere(acting_user(), user)
    return redirect(url_for("admin.edit_user", user_id=user.id))
