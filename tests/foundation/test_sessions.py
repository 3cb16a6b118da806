"""Server-side sessions: signing out ends every copy of the cookies; sessions can be listed and ended."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User, UserSession
from backoffice.accounts.operations import set_enabled
from backoffice.accounts.sessions import TOUCH_EVERY
from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import Actor
from backoffice.db import utcnow
from backoffice.extensions import db
from tests.conftest import PASSWORD

REMEMBER = "remember_token"


def sign_in(app, login: str, remember: bool = False):
    """A fresh browser signed in as ``login``."""
    browser = app.test_client()
    data = {"login": login, "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    assert browser.post("/login", data=data).status_code == 302
    return browser


def copy_of(app, browser, *names: str):
    """Another browser holding copies of ``browser``'s cookies (all of them, or those named)."""
    thief = app.test_client()
    for name in names or ("session", REMEMBER):
        cookie = browser.get_cookie(name)
        if cookie is not None:
            thief.set_cookie(name, cookie.value)
    return thief


def signed_out(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def rows(user_id: int) -> list[UserSession]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(UserSession).filter_by(user_id=user_id).order_by(UserSession.id)))


def actions() -> list[tuple[str, str | None]]:
    return list(db.session.execute(sa.select(AuditEvent.action, AuditEvent.actor_label).order_by(AuditEvent.id)))


def test_a_copied_session_cookie_is_refused_after_sign_out(app, make_user):
    make_user("reviewer")
    browser = sign_in(app, "reviewer")
    copy = copy_of(app, browser, "session")
    assert copy.get("/cases").status_code == 200  # the copy works while the session lives
    assert browser.post("/logout").status_code == 302
    assert signed_out(copy.get("/cases"))
    assert signed_out(copy_of(app, browser, "session").get("/cases"))


def test_a_copied_remember_cookie_is_refused_after_sign_out(app, make_user):
    make_user("reviewer")
    browser = sign_in(app, "reviewer", remember=True)
    assert browser.get_cookie(REMEMBER) is not None
    assert copy_of(app, browser, REMEMBER).get("/cases").status_code == 200
    stolen = browser.get_cookie(REMEMBER).value
    browser.post("/logout")
    thief = app.test_client()
    thief.set_cookie(REMEMBER, stolen)
    assert signed_out(thief.get("/cases"))


def test_a_session_caller_of_the_api_gets_401_after_sign_out(app, make_user):
    make_user("reviewer")
    browser = sign_in(app, "reviewer")
    copy = copy_of(app, browser)
    assert copy.get("/api/v1/me").json["login"] == "reviewer"
    browser.post("/logout")
    response = copy.get("/api/v1/me")
    assert response.status_code == 401
    assert response.is_json


def test_sign_out_revokes_the_row_and_is_audited(app, make_user):
    user = make_user("reviewer")
    browser = sign_in(app, "reviewer")
    assert [r.revoked_at for r in rows(user.id)] == [None]
    browser.post("/logout")
    assert rows(user.id)[0].revoked_at is not None
    assert [a for a, _ in actions()][-1] == "user.logout"


def test_the_cookies_carry_no_user_id(app, make_user):
    user = make_user("reviewer")
    browser = sign_in(app, "reviewer", remember=True)
    stored = rows(user.id)[0]
    # Only a digest is stored; the cookie's secret is not the row's id nor the user's.
    assert len(stored.token_hash) == 64
    assert not browser.get_cookie(REMEMBER).value.startswith(f"{user.id}|")


def test_sign_out_of_other_sessions_keeps_this_one(app, make_user):
    user = make_user("reviewer")
    here, laptop, phone = (sign_in(app, "reviewer") for _ in range(3))
    assert here.post("/account/sessions/others").status_code == 302
    assert here.get("/cases").status_code == 200
    assert signed_out(laptop.get("/cases"))
    assert signed_out(phone.get("/cases"))
    assert sum(r.revoked_at is None for r in rows(user.id)) == 1
    event = db.session.scalars(sa.select(AuditEvent).filter_by(action="user.sessions_revoke")).one()
    assert event.actor_label == "reviewer"
    assert event.after == {"sessions": 2, "kept_current": True}


def test_sign_out_everywhere_ends_this_session_too(app, make_user):
    make_user("reviewer")
    here, there = sign_in(app, "reviewer", remember=True), sign_in(app, "reviewer")
    remembered = copy_of(app, here, REMEMBER)
    response = here.post("/account/sessions/all")
    assert response.headers["Location"] == "/login"
    for browser in (here, there, remembered):
        assert signed_out(browser.get("/cases"))


def test_one_other_session_can_be_ended_but_not_someone_elses(app, make_user):
    user = make_user("reviewer")
    make_user("reviewer", login="other")
    here, lost = sign_in(app, "reviewer"), sign_in(app, "reviewer")
    stranger = sign_in(app, "other")
    mine, lost_row = rows(user.id)
    assert stranger.post(f"/account/sessions/{lost_row.id}/revoke").status_code == 404
    assert lost.get("/cases").status_code == 200
    assert here.post(f"/account/sessions/{mine.id}/revoke").status_code == 404  # this one: sign out instead
    assert here.post(f"/account/sessions/{lost_row.id}/revoke").status_code == 302
    assert signed_out(lost.get("/cases"))
    assert here.get("/cases").status_code == 200
    assert [a for a, _ in actions()][-1] == "user.session_revoke"


def test_an_admin_signs_a_user_out_everywhere_and_it_is_audited(app, make_user):
    user = make_user("reviewer")
    make_user("admin")
    victim, admin = sign_in(app, "reviewer", remember=True), sign_in(app, "admin")
    remembered = copy_of(app, victim, REMEMBER)
    page = admin.get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert f"/admin/users/{user.id}/sessions" in page
    assert admin.post(f"/admin/users/{user.id}/sessions").status_code == 302
    assert signed_out(victim.get("/cases"))
    assert signed_out(remembered.get("/cases"))
    assert admin.get("/admin/users").status_code == 200
    event = db.session.scalars(sa.select(AuditEvent).filter_by(action="user.sessions_revoke")).one()
    assert (event.actor_label, event.subject_id, event.after) == (
        "admin", str(user.id), {"sessions": 1, "kept_current": False})


def test_an_admin_cannot_sign_themselves_out_from_the_admin_page(app, make_user):
    admin_user = make_user("admin")
    admin = sign_in(app, "admin")
    admin.post(f"/admin/users/{admin_user.id}/sessions")
    assert admin.get("/admin/users").status_code == 200


@pytest.mark.parametrize("role", ["reviewer", "senior_reviewer", "manager", "merchant"])
def test_non_admins_cannot_sign_other_people_out(app, make_user, role):
    victim = make_user("reviewer", login="victim")
    make_user(role, login="someone")
    victim_browser = sign_in(app, "victim")
    assert sign_in(app, "someone").post(f"/admin/users/{victim.id}/sessions").status_code == 403
    assert victim_browser.get("/cases").status_code == 200
    assert all(r.revoked_at is None for r in rows(victim.id))


def test_disabling_kills_sessions_and_remember_cookies(app, make_user):
    user = make_user("reviewer")
    browser = sign_in(app, "reviewer", remember=True)
    remembered = copy_of(app, browser, REMEMBER)
    set_enabled(Actor(None, "cli"), user, False)
    db.session.commit()
    assert all(r.revoked_at is not None for r in rows(user.id))
    # Re-enabling does not bring the old cookies back.
    set_enabled(Actor(None, "cli"), db.session.get(User, user.id), True)
    db.session.commit()
    assert signed_out(browser.get("/cases"))
    assert signed_out(remembered.get("/cases"))


def test_an_admin_password_reset_kills_the_users_sessions(app, make_user):
    user = make_user("reviewer")
    make_user("admin")
    victim, admin = sign_in(app, "reviewer"), sign_in(app, "admin")
    admin.post(f"/admin/users/{user.id}/password", data={"password": "a-brand-new-password"})
    assert signed_out(victim.get("/cases"))
    assert admin.get("/admin/users").status_code == 200


def test_an_expired_session_is_refused(app, make_user):
    user = make_user("reviewer")
    browser = sign_in(app, "reviewer", remember=True)
    row = rows(user.id)[0]
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert signed_out(browser.get("/cases"))
    assert signed_out(copy_of(app, browser, REMEMBER).get("/cases"))


def test_remember_me_lasts_the_configured_days(app, make_user):
    user = make_user("reviewer")
    app.config["REMEMBER_DAYS"] = 3
    browser = sign_in(app, "reviewer", remember=True)
    cookie = browser.get_cookie(REMEMBER)
    assert timedelta(days=3) - timedelta(minutes=1) < cookie.expires - utcnow() <= timedelta(days=3)
    row = rows(user.id)[0]
    assert row.is_remembered
    assert abs(row.expires_at - row.created_at - timedelta(days=3)) < timedelta(seconds=1)


def test_the_remember_cookie_is_http_only_and_same_site(app, make_user):
    make_user("reviewer")
    response = app.test_client().post("/login", data={"login": "reviewer", "password": PASSWORD,
                                                      "remember": "y"})
    header = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(REMEMBER))
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header


def test_a_browser_session_ends_after_the_idle_lifetime(app, make_user):
    user = make_user("reviewer")
    sign_in(app, "reviewer")
    row = rows(user.id)[0]
    assert not row.is_remembered
    assert abs(row.expires_at - row.created_at - app.permanent_session_lifetime) < timedelta(seconds=1)


def test_remember_days_come_from_configuration(tmp_path):
    from backoffice.config import finalize

    config = {"DATABASE_URL": "sqlite://", "SECRET_KEY": "x" * 20, "REMEMBER_DAYS": "7", "COOKIE_SECURE": "true"}
    finalize(config, tmp_path)
    assert config["REMEMBER_COOKIE_DURATION"] == timedelta(days=7)
    assert config["REMEMBER_COOKIE_SECURE"] is True
    with pytest.raises(RuntimeError, match="REMEMBER_DAYS"):
        finalize({**config, "REMEMBER_DAYS": 0}, tmp_path)


def test_activity_is_written_at_most_every_few_minutes(app, make_user):
    user = make_user("reviewer")
    browser = sign_in(app, "reviewer")
    first = rows(user.id)[0].last_seen_at
    browser.get("/cases")
    browser.get("/cases")
    assert rows(user.id)[0].last_seen_at == first
    row = rows(user.id)[0]
    row.last_seen_at = row.last_seen_at - TOUCH_EVERY - timedelta(seconds=1)
    row.expires_at = utcnow() + timedelta(minutes=1)
    db.session.commit()
    browser.get("/cases")
    row = rows(user.id)[0]
    assert row.last_seen_at >= first
    # Using a browser session moves its idle end.
    assert row.expires_at - utcnow() > app.permanent_session_lifetime - timedelta(minutes=1)


@pytest.mark.parametrize(("lang", "texts"), [
    ("zh", ["您的登录会话", "当前会话", "退出其他所有会话", "在所有设备上退出"]),
    ("en", ["Your sessions", "This session", "Sign out of all other sessions", "Sign out everywhere"]),
])
def test_the_session_list_renders_in_both_languages(app, make_user, lang, texts):
    make_user("reviewer")
    other = sign_in(app, "reviewer")
    browser = app.test_client()
    browser.post("/login", data={"login": "reviewer", "password": PASSWORD},
                 headers={"User-Agent": "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36"})
    browser.post("/language", data={"lang": lang})
    other.get("/cases")
    page = browser.get("/account/sessions")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for text in texts:
        assert text in html
    assert html.count("/revoke") == 1  # the other browser can be ended, this one is marked
    assert ("Chrome on Windows" if lang == "en" else "Windows 上的 Chrome") in html


def test_the_session_forms_need_a_csrf_token(csrf_app, make_user):
    user = make_user("reviewer")
    browser = csrf_app.test_client()
    html = browser.get("/login").get_data(as_text=True)
    token = html.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    browser.post("/login", data={"login": "reviewer", "password": PASSWORD, "csrf_token": token})
    assert browser.post("/account/sessions/all").status_code == 400
    assert browser.post("/account/sessions/others").status_code == 400
    assert browser.get("/cases").status_code == 200
    assert all(r.revoked_at is None for r in rows(user.id))


def test_a_role_change_ends_the_users_sessions(app, make_user):
    user = make_user("reviewer")
    make_user("admin")
    victim, admin = sign_in(app, "reviewer"), sign_in(app, "admin")
    admin.post(f"/admin/users/{user.id}", data={"role": "senior_reviewer", "display_name": "", "merchant": ""})
    db.session.expire_all()
    assert db.session.get(User, user.id).role.value == "senior_reviewer"
    assert signed_out(victim.get("/cases"))


def test_the_command_line_signs_an_account_out(app, make_user, runner):
    make_user("reviewer")
    browser = sign_in(app, "reviewer")
    result = runner.invoke(args=["users", "sign-out", "reviewer"])
    assert result.exit_code == 0, result.output
    assert "Ended 1 session(s)" in result.output
    assert signed_out(browser.get("/cases"))
    assert actions()[-1] == ("user.sessions_revoke", "cli")
