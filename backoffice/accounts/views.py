"""Signing in and out, the language switch and the role landing page."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from backoffice.accounts.forms import LoginForm
from backoffice.accounts.models import Role
from backoffice.accounts.operations import authenticate
from backoffice.accounts.permissions import public, signed_in
from backoffice.accounts.sessions import find_session, lifetime, sign_out, start_session
from backoffice.db import db
from backoffice.web import acting_user

bp = Blueprint("accounts", __name__)

LANDING = {
    Role.reviewer: "cases.queue",
    Role.senior_reviewer: "cases.queue",
    Role.manager: "dashboard.index",
    Role.admin: "admin.users",
    Role.merchant: "portal.index",
}


def safe_next(target: str | None) -> str | None:
    """Accept only same-site relative paths as a redirect target."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def _get_page(target: str | None) -> str | None:
    """``target`` when it is a same-site path this application answers with a page on GET, else None."""
    target = safe_next(target)
    if target is None:
        return None
    try:
        current_app.url_map.bind_to_environ(request.environ).match(urlsplit(target).path, method="GET")
    except RequestRedirect:  # a slash the rule adds: a page still, once redirected
        return target
    except HTTPException:  # 404, or 405: a form's POST-only address (a decision's preview)
        return None
    return target


def page_to_return_to() -> str:
    """Where the language switch goes back to: the page it was pressed on when that is a GET page, else
    the referrer when it is, else the nearest enclosing GET page (``/cases/7`` for the preview posted to
    ``/cases/7/decision``), else home. Never an address that would answer 405."""
    asked = request.form.get("next")
    referrer = urlsplit(request.referrer or "")
    same_site = referrer.netloc == request.host and referrer.path
    for candidate in (asked, (referrer.path + (f"?{referrer.query}" if referrer.query else "")) if same_site else None):
        if page := _get_page(candidate):
            return page
    path = urlsplit(safe_next(asked) or "/").path.rstrip("/")
    while path:
        path = path.rsplit("/", 1)[0]
        if page := _get_page(path or "/"):
            return page
    return url_for("accounts.home")


@bp.get("/")
@public
def home():
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login"))
    return redirect(url_for(LANDING[current_user.role]))


@bp.get("/favicon.ico")
@public
def favicon():
    """Browsers ask for /favicon.ico of pages that carry no icon; ours carry this SVG inline."""
    return current_app.send_static_file("favicon.svg")


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("accounts.home"))
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(form.login.data, form.password.data, request.remote_addr or "-")
        if result.user is not None:
            remember = bool(form.remember.data)
            start_session(result.user, remember=remember, user_agent=request.user_agent.string,
                          address=request.remote_addr or "-")
            login_user(result.user, remember=remember, duration=lifetime(True) if remember else None)
            session.permanent = True
            if result.user.locale:
                session["locale"] = result.user.locale
            db.session.commit()
            return redirect(safe_next(request.args.get("next")) or url_for("accounts.home"))
        db.session.commit()
        if result.throttled:
            minutes = current_app.config["LOGIN_WINDOW_SECONDS"] // 60
            flash(_("Too many failed sign-ins. Try again in %(n)d minutes.", n=minutes), "error")
        elif result.disabled:
            flash(_("This account is disabled. Contact your administrator."), "error")
        else:
            flash(_("Wrong login or password."), "error")
        return render_template("accounts/login.html", form=form), 401
    return render_template("accounts/login.html", form=form)


@bp.post("/logout")
@signed_in
def logout():
    sign_out(acting_user(), find_session(current_user.session_secret))
    db.session.commit()
    logout_user()
    flash(_("You have signed out."), "info")
    return redirect(url_for("accounts.login"))


@bp.post("/account/shortcuts")
@signed_in
def set_shortcuts():
    """Turn single-key shortcuts on or off for this account, on every browser it signs in from."""
    current_user.shortcuts_enabled = request.form.get("shortcuts") == "on"
    db.session.commit()
    if request.headers.get("X-Requested-With") == "fetch":  # the footer's checkbox: no page load
        return "", 204
    return redirect(page_to_return_to())


@bp.post("/language")
@public
def set_language():
    lang = request.form.get("lang", "")
    if lang in current_app.config["LANGUAGES"]:
        session["locale"] = lang
        if current_user.is_authenticated:
            current_user.locale = lang
            db.session.commit()
    return redirect(page_to_return_to())
