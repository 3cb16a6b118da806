"""Database plumbing for the test suite (not fixtures, so migration tests can reuse it)."""

from __future__ import annotations

import os

import sqlalchemy as sa
from sqlalchemy.engine import make_url

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_url() -> str:
    """The suite's PostgreSQL database; each pytest-xdist worker gets its own (``test_gw0``, ...)."""
    from backoffice.config import normalize_database_url

    url = normalize_database_url(os.environ.get("BACKOFFICE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)


def postgres_problem(url: str) -> str | None:
    """Return why the PostgreSQL database cannot be used, creating it if it is missing."""
    try:
        ensure_database(url)
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - report any connection problem verbatim
        return f"{type(exc).__name__}: {exc}"
    return None


def require_postgres(url: str) -> str:
    """Return ``url`` if its database is usable; otherwise fail: PostgreSQL is part of the suite."""
    import pytest

    problem = postgres_problem(url)
    if problem:
        pytest.fail(f"PostgreSQL is required by the suite and is not usable ({problem}); "
                    "./scripts/test.sh starts the local server, or set BACKOFFICE_TEST_POSTGRES_URL.")
    return url


def ensure_database(url: str) -> None:
    parsed = make_url(url)
    admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database})
        if not exists:
            conn.execute(sa.text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def reset_schema(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def migrate(url: str, revision: str = "head") -> None:
    from flask_migrate import upgrade

    from backoffice import create_app
    from backoffice.extensions import db

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "migration-secret-0123456789"})
    with app.app_context():
        upgrade(revision=revision)
        db.engine.dispose()


def truncate_all(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        tables = conn.scalars(sa.text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        )).all()
        if tables:
            conn.execute(sa.text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()
