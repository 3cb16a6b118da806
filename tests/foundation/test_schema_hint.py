"""A database left behind by a code upgrade gets a message that says what to run, not a traceback."""

from __future__ import annotations

from backoffice import schema
from backoffice.db import db

BEFORE_IN_EU = "c08d6e0f4b53"  # the revision before merchants.in_eu


def test_pages_api_and_commands_ask_for_db_upgrade_when_a_migration_is_missing(app, client, runner, make_user,
                                                                               bearer, make_merchant, login):
    merchant = make_merchant("m-old")
    make_user("merchant", login="shop", merchant=merchant)
    make_user("admin", login="root")
    token = bearer("root", "read")
    login("shop")
    assert not schema.behind()
    from flask_migrate import downgrade, upgrade

    db.session.remove()
    downgrade(revision=BEFORE_IN_EU)
    try:
        assert schema.behind()
        page = client.get("/merchant")
        assert page.status_code == 503
        assert "flask --app backoffice db upgrade" in page.get_data(as_text=True)
        api = client.get("/api/v1/merchants/m-old", headers=token)
        assert api.status_code == 503
        assert "db upgrade" in api.json["error"]["message"]
        result = runner.invoke(args=["ledger", "verify"])
        assert result.exit_code == 1
        assert "db upgrade" in result.output
        assert "Traceback" not in result.output
    finally:
        db.session.remove()
        upgrade()
    assert not schema.behind()
    assert client.get("/api/v1/merchants/m-old", headers=token).status_code == 200


def test_the_hint_wraps_each_command_group_once_however_many_apps_are_made(app):
    from backoffice import create_app
    from backoffice.rulings.cli import rulings_cli

    wrapped = rulings_cli.invoke
    create_app({"DATABASE_URL": app.config["DATABASE_URL"], "SECRET_KEY": app.config["SECRET_KEY"]})
    assert rulings_cli.invoke is wrapped
