"""Signing in and out, throttling, disabled accounts, safe redirects."""

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import LoginFailure, User
from backoffice.accounts.operations import set_enabled, set_password
from backoffice.audit.operations import Actor
from backoffice.extensions import db


@pytest.mark.parametrize(("role", "landing"), [
    ("reviewer", "/cases"),
    ("senior_reviewer", "/cases"),
    ("manager", "/dashboard"),
    ("admin", "/admin/users"),
    ("merchant", "/merchant"),
])
def test_each_role_lands_on_its_home_page(make_user, login, client, role, landing):
    make_user(role, login="person")
    response = login("person")
    assert response.status_code == 302
    home = client.get(response.headers["Location"])
    assert home.headers["Location"] == landing
    page = client.get(landing)
    assert page.status_code == 200


def test_wrong_password_is_refused_and_counted(make_user, login, count_rows):
    make_user("reviewer")
    response = login("reviewer", "wrong-password-123")
    assert response.status_code == 401
    assert "登录名或密码错误" in response.get_data(as_text=True)
    assert count_rows(LoginFailure) == 1


def test_unknown_login_gets_the_same_answer(login):
    response = login("nobody", "whatever-password")
    assert response.status_code == 401
    assert "登录名或密码错误" in response.get_data(as_text=True)


def test_failures_are_throttled_per_account(app, make_user, login):
    make_user("reviewer")
    for _ in range(app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]):
        assert login("reviewer", "wrong-password-123").status_code == 401
    response = login("reviewer")  # the right password no longer helps
    assert response.status_code == 401
    assert "登录失败次数过多" in response.get_data(as_text=True)


def test_failures_are_throttled_per_address(app, make_user, login):
    make_user("reviewer")
    app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"] = 3
    for n in range(3):
        login(f"guess{n}", "wrong-password-123")
    response = login("reviewer")
    assert response.status_code == 401
    assert "登录失败次数过多" in response.get_data(as_text=True)


def test_success_clears_the_account_failures(make_user, login, count_rows):
    make_user("reviewer")
    login("reviewer", "wrong-password-123")
    assert login("reviewer").status_code == 302
    assert count_rows(LoginFailure) == 0


def test_disabled_account_cannot_sign_in(make_user, login):
    user = make_user("reviewer")
    set_enabled(Actor(None, "cli"), user, False)
    db.session.commit()
    response = login("reviewer")
    assert response.status_code == 401
    assert "该账号已停用" in response.get_data(as_text=True)


def test_disabling_ends_existing_sessions(make_user, login, client):
    user = make_user("reviewer")
    login("reviewer")
    assert client.get("/cases").status_code == 200
    set_enabled(Actor(None, "cli"), user, False)
    db.session.commit()
    response = client.get("/cases")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_password_change_ends_existing_sessions(make_user, login, client):
    user = make_user("reviewer")
    login("reviewer")
    set_password(Actor(None, "cli"), user, "another-password-456")
    db.session.commit()
    assert client.get("/cases").status_code == 302


@pytest.mark.parametrize(("target", "expected"), [
    ("/admin/audit", "/admin/audit"),
    ("//evil.example/x", "/"),
    ("https://evil.example/", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
])
def test_next_redirects_stay_on_site(make_user, login, target, expected):
    make_user("admin")
    response = login("admin", next=target)
    assert response.headers["Location"] == expected


# (the page the switch was pressed on, the referrer, where it goes back to): always a page that answers
# GET, never a POST-only form address (a 405 page after a decision's preview).
LANGUAGE_RETURNS = [
    pytest.param("/cases?status=open", None, "/cases?status=open", id="a GET page: back to it"),
    pytest.param("/cases/7/decision", None, "/cases/7", id="a preview: back to the case page"),
    pytest.param("/cases/7/decision", "http://localhost/cases?platform=zbj", "/cases?platform=zbj",
                 id="a preview: the referrer when it is a page"),
    pytest.param("/cases/7/decision", "http://localhost/cases/7/decision", "/cases/7",
                 id="a POST-only referrer is no page either"),
    pytest.param("/cases/7/decision", "http://evil.example/cases", "/cases/7", id="another site's referrer"),
    pytest.param("/account/sessions/others", None, "/account/sessions", id="a POST-only action"),
    pytest.param("/no/such/page", None, "/", id="an unknown address: home"),
    pytest.param("https://evil.example/", None, "/", id="another site: home"),
]


@pytest.mark.parametrize(("pressed_on", "referrer", "expected"), LANGUAGE_RETURNS)
def test_the_language_switch_goes_back_to_a_page(make_user, login, client, pressed_on, referrer, expected):
    make_user("reviewer", login="alice")
    login("alice")
    headers = {"Referer": referrer} if referrer else {}
    response = client.post("/language", data={"lang": "en", "next": pressed_on}, headers=headers)
    assert response.headers["Location"] == expected
    assert client.get(expected).status_code != 405


def test_logout_needs_post_and_ends_the_session(make_user, login, client):
    make_user("reviewer")
    login("reviewer")
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 302
    assert client.get("/cases").status_code == 302


def test_login_records_an_audit_event(make_user, login):
    from backoffice.audit.models import AuditEvent

    make_user("reviewer")
    login("reviewer")
    actions = db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["user.create", "user.login"]


def test_session_cookie_is_http_only(make_user, login):
    make_user("reviewer")
    response = login("reviewer")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_last_login_is_recorded(make_user, login):
    user = make_user("reviewer")
    login("reviewer")
    db.session.expire_all()
    assert db.session.get(User, user.id).last_login_at is not None


def test_unlock_command_lifts_a_lockout(app, make_user, login, runner):
    make_user("reviewer")
    for _ in range(app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]):
        login("reviewer", "wrong-password-123")
    assert login("reviewer").status_code == 401
    result = runner.invoke(args=["users", "unlock", "reviewer"])
    assert result.exit_code == 0
    assert "Cleared 5" in result.output
    assert login("reviewer").status_code == 302


def test_failed_and_throttled_sign_ins_are_audited(app, login):
    from backoffice.audit.models import AuditEvent

    app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"] = 1
    login("ghost", "wrong-password-123")
    login("ghost", "wrong-password-123")
    actions = db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["user.login_failed", "user.login_throttled"]
