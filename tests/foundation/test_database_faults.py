"""The database going away: a clear 503 (page or JSON), nothing half-written, and the next request works."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice import create_app
from backoffice.conversations.models import Conversation, Message
from backoffice.extensions import db
from backoffice.ingest import operations as ingest_ops
from tests.builders import WECHAT, chat

NOWHERE = "postgresql+psycopg://postgres@127.0.0.1:1/nothing"  # nothing listens on port 1


@pytest.fixture
def unreachable(tmp_path):
    """The application with a database that refuses connections."""
    app = create_app({"TESTING": True, "DATABASE_URL": NOWHERE, "SECRET_KEY": "k" * 32,
                      "UPLOAD_DIR": str(tmp_path / "uploads"), "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "connect_args": {"connect_timeout": 2}}})
    return app


def test_a_page_answers_503_with_a_page_that_reads_nothing_from_the_database(unreachable):
    response = unreachable.test_client().post("/login", data={"login": "someone", "password": "x" * 12})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = response.get_data(as_text=True)
    assert "数据库暂时无法连接" in page
    assert "Nothing of this request was saved" in page


def test_the_api_answers_503_json(unreachable):
    response = unreachable.test_client().get("/api/v1/me", headers={"Authorization": "Bearer abc.def"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.get_json()["error"]["code"] == "unavailable"


def _kill_my_connection() -> None:
    """Terminate this session's server process, as a failover or a restart of PostgreSQL would."""
    pid = db.session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
    admin = sa.create_engine(db.engine.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    admin.dispose()


@pytest.mark.postgres_only
def test_a_connection_lost_mid_ingestion_writes_nothing_and_the_app_recovers(app, client, make_user, bearer,
                                                                               monkeypatch):
    make_user("reviewer", login="feeder")
    headers = bearer("feeder", "ingest")
    original = ingest_ops._detector_flags

    def dies_half_way(*args, **kwargs):  # the conversation and its messages are flushed by now
        _kill_my_connection()
        return original(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(ingest_ops, "_detector_flags", dies_half_way)
        lost = client.post("/api/v1/conversations", json=chat("c-fault", "m-fault", ("merchant", WECHAT)),
                           headers=headers)
    assert lost.status_code == 503
    assert lost.get_json()["error"]["code"] == "unavailable"
    db.session.remove()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Conversation)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Message)) == 0

    again = client.post("/api/v1/conversations", json=chat("c-fault", "m-fault", ("merchant", WECHAT)),
                        headers=headers)
    assert again.status_code == 201, again.get_json()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Conversation)) == 1


def test_sqlite_locked_by_another_writer_answers_503_then_recovers(sqlite_template, tmp_path):
    """The embedded default: another process holds SQLite's write lock past the busy timeout."""
    import shutil
    import sqlite3

    target = tmp_path / "locked.sqlite3"
    shutil.copyfile(sqlite_template, target)
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{target}", "SECRET_KEY": "k" * 32,
                      "UPLOAD_DIR": str(tmp_path / "uploads"), "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"timeout": 0.2}}})
    holder = sqlite3.connect(target, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # as a long import in another process would
    try:
        client = app.test_client()
        page = client.post("/login", data={"login": "someone", "password": "x" * 12})
        api = client.get("/api/v1/me", headers={"Authorization": "Bearer abc.def"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (page.status_code, page.headers["Retry-After"]) == (503, "30")
    assert "数据库暂时无法连接" in page.get_data(as_text=True)
    assert (api.status_code, api.get_json()["error"]["code"]) == (503, "unavailable")
    # The lock released, the same application answers again.
    assert app.test_client().get("/login").status_code == 200
