"""Account administration from the CLI and from the browser."""

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import Role, User
from backoffice.audit.models import AuditEvent
from backoffice.extensions import db


def _user(login):
    db.session.expire_all()
    return db.session.scalar(sa.select(User).filter_by(login=login))


def test_cli_creates_lists_disables_and_enables(runner, make_merchant):
    make_merchant("shop-1")
    result = runner.invoke(args=["users", "create", "liu", "--role", "merchant",
                                 "--password", "a-good-password", "--merchant", "shop-1"])
    assert result.exit_code == 0, result.output
    assert _user("liu").merchant.external_id == "shop-1"
    listing = runner.invoke(args=["users", "list"]).output
    assert "liu" in listing
    assert "shop-1" in listing
    assert "enabled" in listing
    assert runner.invoke(args=["users", "disable", "liu"]).exit_code == 0
    assert not _user("liu").is_enabled
    assert runner.invoke(args=["users", "enable", "liu"]).exit_code == 0
    assert _user("liu").is_enabled


@pytest.mark.parametrize(("args", "message"), [
    (["x1", "--role", "merchant", "--password", "a-good-password", "--merchant", "nope"], "nope"),
    (["x2", "--role", "merchant", "--password", "a-good-password"], "商家账号必须关联"),
    (["x3", "--role", "reviewer", "--password", "short"], "10"),
    (["Bad Login!", "--role", "reviewer", "--password", "a-good-password"], "登录名"),
])
def test_cli_refuses_bad_accounts_with_a_reason(runner, args, message, count_rows):
    result = runner.invoke(args=["users", "create", *args])
    assert result.exit_code != 0
    assert message in result.output
    assert count_rows(User) == 0


def test_cli_refuses_duplicate_login(runner, make_user):
    make_user("reviewer")
    result = runner.invoke(args=["users", "create", "reviewer", "--role", "manager",
                                 "--password", "a-good-password"])
    assert result.exit_code != 0
    assert "reviewer" in result.output


def test_admin_creates_a_merchant_account_in_the_browser(make_user, make_merchant, login, client):
    make_user("admin")
    make_merchant("shop-9")
    login("admin")
    response = client.post("/admin/users", data={
        "login": "shop9", "role": "merchant", "merchant": "shop-9", "password": "a-good-password",
    }, follow_redirects=True)
    assert "已创建账号 shop9" in response.get_data(as_text=True)
    assert _user("shop9").role is Role.merchant


def test_admin_sees_why_a_merchant_link_fails(make_user, login, client, count_rows):
    make_user("admin")
    login("admin")
    before = count_rows(User)
    response = client.post("/admin/users", data={
        "login": "shop9", "role": "merchant", "merchant": "missing", "password": "a-good-password",
    })
    assert "不存在编号为 missing 的商家" in response.get_data(as_text=True)
    assert count_rows(User) == before


def test_admin_disables_changes_role_and_reenables(make_user, login, client):
    make_user("admin")
    target = make_user("reviewer", login="zhang")
    login("admin")
    client.post(f"/admin/users/{target.id}/enabled/0")
    assert not _user("zhang").is_enabled
    client.post(f"/admin/users/{target.id}", data={"role": "senior_reviewer", "display_name": "张"})
    assert _user("zhang").role is Role.senior_reviewer
    client.post(f"/admin/users/{target.id}/enabled/1")
    assert _user("zhang").is_enabled
    actions = db.session.scalars(
        sa.select(AuditEvent.action).where(AuditEvent.subject_id == str(target.id)).order_by(AuditEvent.id)
    ).all()
    assert actions == ["user.create", "user.disable", "user.update", "user.enable"]


def test_admin_cannot_disable_themselves(make_user, login, client):
    admin = make_user("admin")
    login("admin")
    response = client.post(f"/admin/users/{admin.id}/enabled/0", follow_redirects=True)
    assert "不能停用自己的账号" in response.get_data(as_text=True)
    assert _user("admin").is_enabled


def test_audit_records_before_and_after(make_user, login, client):
    make_user("admin")
    target = make_user("reviewer", login="zhang")
    login("admin")
    client.post(f"/admin/users/{target.id}", data={"role": "manager", "display_name": ""})
    event = db.session.scalars(sa.select(AuditEvent).filter_by(action="user.update")).one()
    assert event.before["role"] == "reviewer"
    assert event.after["role"] == "manager"
    assert event.actor_label == "admin"
    assert event.via == "web"


def test_the_last_admin_cannot_be_disabled_or_demoted(runner, make_user, login, client):
    admin = make_user("admin")
    result = runner.invoke(args=["users", "disable", "admin"])
    assert result.exit_code != 0
    assert "最后一个" in result.output
    make_user("admin", login="admin2")
    login("admin2")
    client.post(f"/admin/users/{admin.id}", data={"role": "reviewer", "display_name": ""})
    assert _user("admin").role is Role.reviewer  # another admin remains, so this is fine
    result = runner.invoke(args=["users", "disable", "admin2"])
    assert result.exit_code != 0
    assert _user("admin2").is_enabled


def test_cli_asks_for_the_password_when_not_given(runner):
    result = runner.invoke(args=["users", "create", "wang", "--role", "reviewer"],
                           input="a-good-password\na-good-password\n")
    assert result.exit_code == 0, result.output
    assert "a-good-password" not in result.output
    assert _user("wang") is not None


@pytest.mark.parametrize("path", [
    "/admin/users/99999999999999999999999",
    "/admin/users/1/enabled/5",
])
def test_absurd_ids_are_not_found(make_user, login, client, path):
    make_user("admin")
    login("admin")
    method = "POST" if "enabled" in path else "GET"
    assert client.open(path, method=method).status_code == 404
    assert client.get("/admin/audit?before=99999999999999999999999").status_code == 200


def test_pages_refuse_to_be_framed(client):
    response = client.get("/login")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
