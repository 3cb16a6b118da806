"""Configuration, language, demo data and migrations."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from backoffice.accounts.models import User
from backoffice.config import finalize, normalize_database_url
from backoffice.conversations.models import Conversation, Message
from backoffice.demo.cli import load_demo
from backoffice.extensions import db
from backoffice.merchants.models import Merchant, Platform
from tests import dbsetup

ROOT = Path(__file__).resolve().parents[2]


def test_secret_key_is_generated_once_under_instance(tmp_path):
    first, second = {}, {}
    finalize(first, tmp_path)
    finalize(second, tmp_path)
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert len(first["SECRET_KEY"]) >= 32
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600
    assert first["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'backoffice.sqlite3'}"


def test_short_secret_key_is_refused(tmp_path):
    with pytest.raises(RuntimeError, match="16 characters"):
        finalize({"SECRET_KEY": "short"}, tmp_path)


@pytest.mark.parametrize(("url", "expected"), [
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_database_urls_use_psycopg3(url, expected):
    assert normalize_database_url(url) == expected


def test_environment_variables_configure_the_app(monkeypatch, tmp_path):
    from backoffice import create_app

    monkeypatch.setenv("BACKOFFICE_DATABASE_URL", f"sqlite:///{tmp_path}/env.db")
    monkeypatch.setenv("BACKOFFICE_TIMEZONE", "Asia/Hong_Kong")
    monkeypatch.setenv("BACKOFFICE_SECRET_KEY", "from-the-environment-123")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/env.db"
    assert app.config["TIMEZONE"] == "Asia/Hong_Kong"
    assert app.config["SECRET_KEY"] == "from-the-environment-123"


def test_chinese_by_default_and_english_on_request(client):
    assert "登录" in client.get("/login").get_data(as_text=True)
    response = client.post("/language", data={"lang": "en", "next": "/login"})
    assert response.headers["Location"] == "/login"
    page = client.get("/login").get_data(as_text=True)
    assert "Sign in" in page
    assert "登录名" not in page


def test_every_message_has_a_chinese_translation(tmp_path):
    from babel.messages.pofile import read_po

    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as fh:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    with (ROOT / "backoffice/translations/zh/LC_MESSAGES/messages.po").open("rb") as fh:
        zh = {(m.id if isinstance(m.id, str) else m.id[0]): m.string for m in read_po(fh) if m.id}
    assert len(wanted) > 100  # the extraction really found the project's strings
    untranslated = sorted(m for m in wanted if not zh.get(m))
    assert untranslated == [], "run scripts/i18n.sh and translate these"


def test_demo_data_is_complete_and_idempotent(app, count_rows):
    first = load_demo()
    db.session.commit()
    assert first == {"merchants": 7, "accounts": 7, "conversations": 7, "rulings": 2, "canned reasons": 6}
    assert load_demo() == {"merchants": 0, "accounts": 0, "conversations": 0, "rulings": 0, "canned reasons": 0}
    from backoffice.cases.saved import SavedView

    team = db.session.scalars(sa.select(SavedView.name).filter_by(is_team=True).order_by(SavedView.id))
    assert list(team) == ["淘宝队列", "辱骂与骚扰"]  # the team queues, made once
    platforms = set(db.session.scalars(sa.select(Merchant.platform)))
    assert platforms == set(Platform)
    roles = {u.role.value for u in db.session.scalars(sa.select(User))}
    assert roles == {"reviewer", "senior_reviewer", "manager", "admin", "merchant"}
    assert count_rows(Conversation) == 7
    assert count_rows(Message) > 25
    # Managers and the Taobao merchant find rulings from the start; the report's threats are quoted.
    from backoffice.cases.models import CaseDecision, DecisionStatus
    from backoffice.rulings.context import ruling_facts

    rulings = db.session.scalars(sa.select(CaseDecision).filter_by(status=DecisionStatus.applied)).all()
    assert len(rulings) == 2
    quotes = {m["message_id"] for r in rulings for m in ruling_facts(r)["messages"]}
    assert {"tb-c-60001-m4", "tb-c-60001-m6"} <= quotes


def test_demo_command_prints_the_accounts(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0
    assert "reviewer-demo-2026" in result.output


def test_cli_lists_the_project_commands(runner):
    result = runner.invoke(args=["--help"])
    for command in ("users", "tokens", "audit", "demo", "db"):
        assert command in result.output


def _scratch_url(backend: str, tmp_path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
    base = sa.engine.make_url(dbsetup.postgres_url())
    url = base.set(database=f"{base.database}_migrations")
    url = dbsetup.require_postgres(url.render_as_string(hide_password=False))
    dbsetup.reset_schema(url)
    return url


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migrations_match_models_and_round_trip(backend, tmp_path):
    from flask_migrate import downgrade, upgrade

    from backoffice import create_app

    url = _scratch_url(backend, tmp_path)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "scratch-secret-0123456789"})
    with app.app_context():
        upgrade()
        _assert_no_schema_diff()
        downgrade(revision="base")
        tables = sa.inspect(db.engine).get_table_names()
        assert set(tables) <= {"alembic_version"}
        upgrade()
        _assert_no_schema_diff()
        db.engine.dispose()


def _assert_no_schema_diff():
    import backoffice.models  # noqa: F401
    from backoffice.db import include_schema_object

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": include_schema_object(conn.dialect.name)})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_the_migrations_form_one_line():
    """Two branches that each added a migration must be put in order before they land: one head."""
    from alembic.script import ScriptDirectory

    from backoffice.config import PROJECT_ROOT

    heads = ScriptDirectory(str(PROJECT_ROOT / "migrations")).get_heads()
    assert len(heads) == 1, f"several migration heads {heads}: set one's down_revision to the other"


@pytest.mark.parametrize(("given", "production", "expected"), [
    ({}, False, "http://127.0.0.1:5000"),
    ({"PUBLIC_URL": "https://bo.example.com/"}, True, "https://bo.example.com"),
    ({"PUBLIC_URL": "https://bo.example.com/office"}, "true", "https://bo.example.com/office"),
    ({}, True, RuntimeError("must be set in production")),
    ({}, "true", RuntimeError("must be set in production")),
    ({"PUBLIC_URL": "bo.example.com"}, False, RuntimeError("absolute http")),
    ({"PUBLIC_URL": "javascript:alert(1)"}, True, RuntimeError("absolute http")),
    ({"PUBLIC_URL": "https://bo.example.com/?x=1"}, True, RuntimeError("absolute http")),
])
def test_the_public_address_is_always_absolute_and_required_in_production(tmp_path, given, production, expected):
    """Issue 22: the verification address on a ruling is always absolute; production refuses to start
    (and so to issue rulings) without BACKOFFICE_PUBLIC_URL."""
    config = {"SECRET_KEY": "scratch-secret-0123456789", "PRODUCTION": production, **given}
    if isinstance(expected, Exception):
        with pytest.raises(RuntimeError, match=str(expected)):
            finalize(config, tmp_path)
    else:
        finalize(config, tmp_path)
        assert config["PUBLIC_URL"] == expected
