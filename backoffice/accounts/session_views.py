"""Where a signed-in person sees their sessions and signs other devices, or all of them, out."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.models import UserSession
from backoffice.accounts.permissions import signed_in
from backoffice.accounts.sessions import find_session, live_sessions, revoke_session, sign_out_everywhere
from backoffice.accounts.views import bp
from backoffice.db import db
from backoffice.web import acting_user, committing


def _own_session():
    return find_session(current_user.session_secret)


@bp.get("/account/sessions")
@signed_in
def sessions():
    return render_template("accounts/sessions.html", sessions=live_sessions(current_user),
                           current=_own_session(), confirm=ConfirmForm())


@bp.post("/account/sessions/others")
@signed_in
def sign_out_others():
    if ConfirmForm().validate_on_submit():
        with committing() as done:
            ended = sign_out_everywhere(acting_user(), current_user, keep=_own_session())
        if done:
            flash(_("Signed out of %(n)d other session(s).", n=ended), "success")
    return redirect(url_for("accounts.sessions"))


@bp.post("/account/sessions/all")
@signed_in
def sign_out_all():
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("accounts.sessions"))
    with committing() as done:
        sign_out_everywhere(acting_user(), current_user)
    if done:
        logout_user()
        flash(_("You have signed out on every device."), "info")
    return redirect(url_for("accounts.login"))


@bp.post("/account/sessions/<int:session_id>/revoke")
@signed_in
def revoke(session_id: int):
    target = db.get_or_404(UserSession, session_id)
    own = _own_session()
    if target.user_id != current_user.id or (own is not None and target.id == own.id):
        abort(404)  # someone else's, or this one (signing out is the button for that)
    if ConfirmForm().validate_on_submit():
        with committing(_("That session is signed out.")):
            revoke_session(acting_user(), target)
    return redirect(url_for("accounts.sessions"))
