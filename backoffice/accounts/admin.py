"""Administrators manage accounts from the browser."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.forms import ConfirmForm, PasswordResetForm, UserCreateForm, UserEditForm
from backoffice.accounts.models import Role, User
from backoffice.accounts.operations import (
    AccountError,
    create_user,
    find_merchant,
    set_enabled,
    set_password,
    update_user,
)
from backoffice.accounts.permissions import roles_required
from backoffice.audit.operations import Actor
from backoffice.db import db

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _actor() -> Actor:
    return Actor(current_user._get_current_object(), "web")


def _merchant_or_none(external_id: str | None):
    return find_merchant(external_id.strip()) if external_id and external_id.strip() else None


@bp.route("/users", methods=["GET", "POST"])
@roles_required(Role.admin)
def users():
    form = UserCreateForm()
    if form.validate_on_submit():
        try:
            user = create_user(
                _actor(),
                login=form.login.data,
                role=Role(form.role.data),
                password=form.password.data,
                merchant=_merchant_or_none(form.merchant.data),
                display_name=form.display_name.data or "",
            )
        except AccountError as exc:
            db.session.rollback()
            flash(str(exc), "error")
        else:
            db.session.commit()
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
        try:
            update_user(
                _actor(), user,
                role=Role(form.role.data),
                merchant=_merchant_or_none(form.merchant.data),
                display_name=form.display_name.data or "",
            )
        except AccountError as exc:
            db.session.rollback()
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(url_for("admin.edit_user", user_id=user.id))
    return render_template(
        "admin/user_edit.html", user=user, form=form,
        password_form=PasswordResetForm(), confirm=ConfirmForm(),
    )


@bp.post("/users/<int:user_id>/enabled/<int:enabled>")
@roles_required(Role.admin)
def set_user_enabled(user_id: int, enabled: int):
    if enabled not in (0, 1):
        abort(404)
    user = db.get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        try:
            set_enabled(_actor(), user, bool(enabled))
        except AccountError as exc:
            db.session.rollback()
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(_("Account enabled.") if enabled else _("Account disabled."), "success")
    return redirect(url_for("admin.edit_user", user_id=user.id))


@bp.post("/users/<int:user_id>/password")
@roles_required(Role.admin)
def reset_password(user_id: int):
    user = db.get_or_404(User, user_id)
    form = PasswordResetForm()
    if form.validate_on_submit():
        set_password(_actor(), user, form.password.data)
        db.session.commit()
        flash(_("Password changed; the account was signed out everywhere."), "success")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
    return redirect(url_for("admin.edit_user", user_id=user.id))
