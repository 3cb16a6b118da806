"""Shared fixtures: an application per test on SQLite and on PostgreSQL, built from migrations."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from tests import dbsetup

# Every application the suite builds (fixtures, helpers, migration tests) hashes passwords with
# argon2-cffi's test profile: the production profile is most of a web test's time otherwise.
os.environ.setdefault("BACKOFFICE_PASSWORD_HASH_PROFILE", "CHEAPEST")

BACKENDS = ("sqlite", "postgresql")


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres_only`` run on PostgreSQL alone: their SQLite variant is deselected."""
    keep, drop = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        sqlite = callspec is not None and callspec.params.get("database_url") == "sqlite"
        (drop if sqlite and item.get_closest_marker("postgres_only") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def postgres_url() -> str:
    return dbsetup.require_postgres(dbsetup.postgres_url())


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    dbsetup.migrate(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_migrated(postgres_url) -> str:
    dbsetup.reset_schema(postgres_url)
    dbsetup.migrate(postgres_url)
    return postgres_url


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        target = tmp_path / "test.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        yield f"sqlite:///{target}"
    else:
        url = request.getfixturevalue("postgres_migrated")
        yield url
        dbsetup.truncate_all(url)


class IsolatedClient(FlaskClient):
    """Each request runs in its own application context, as in production.

    The test body holds an application context of its own (for direct database access); without
    this, requests would share its ``g`` and database session and hide bugs.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def app(database_url, tmp_path):
    from backoffice import create_app
    from backoffice.extensions import db

    app = create_app({
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key-0123456789",
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "EXPORT_DIR": str(tmp_path / "exports"),
        "RULING_DIR": str(tmp_path / "rulings"),
        # Rendering every issued ruling at once would slow each decision of the suite by about a second;
        # downloads render and store a missing document themselves (tests/rulings/test_issued.py turns it on).
        "RULINGS_STORE_ON_ISSUE": False,
        "WTF_CSRF_ENABLED": False,
    })
    app.test_client_class = IsolatedClient
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def csrf_app(app):
    """The same application with CSRF protection switched back on."""
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_merchant(app):
    from decimal import Decimal

    from backoffice.audit.operations import Actor
    from backoffice.extensions import db
    from backoffice.merchants.models import Merchant, Platform
    from backoffice.merchants.operations import upsert

    counter = iter(range(1, 10_000))

    def make(external_id: str | None = None, platform: str = "zbj", name: str = "测试商家",
             deposit: str = "10000.00") -> Merchant:
        merchant, _ = upsert(Actor(None, "cli"), external_id or f"m-{next(counter)}", Platform(platform),
                             name, Decimal(deposit))
        db.session.commit()
        return merchant

    return make


PASSWORD = "correct-horse-battery"


@pytest.fixture
def make_user(app, make_merchant):
    from backoffice.accounts.models import Role
    from backoffice.accounts.operations import create_user
    from backoffice.audit.operations import Actor
    from backoffice.extensions import db

    def make(role: str = "reviewer", login: str | None = None, password: str = PASSWORD, merchant=None):
        role_ = Role(role)
        if role_ is Role.merchant and merchant is None:
            merchant = make_merchant()
        user = create_user(Actor(None, "cli"), login=login or role, role=role_, password=password,
                           merchant=merchant)
        db.session.commit()
        return user

    return make


@pytest.fixture
def login(client):
    def do(login: str, password: str = PASSWORD, follow: bool = False, **query):
        return client.post("/login", data={"login": login, "password": password},
                           query_string=query, follow_redirects=follow)

    return do


@pytest.fixture
def count_rows(app):
    from backoffice.extensions import db

    def count(model) -> int:
        return db.session.scalar(sa.select(sa.func.count()).select_from(model))

    return count


@pytest.fixture
def bearer(runner):
    """Issue a token through the CLI for an existing account; return the Authorization header."""
    def issue(login: str, *scopes: str) -> dict:
        args = ["tokens", "create", "--user", login]
        for scope in scopes:
            args += ["--scope", scope]
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
        return {"Authorization": f"Bearer {result.output.strip().splitlines()[-1]}"}

    return issue


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory):
    """A real S3-compatible server (SeaweedFS) for this test session; never skipped (tests/seaweed.py)."""
    from tests.seaweed import running

    with running(tmp_path_factory.mktemp("seaweed")) as server:
        yield server


@pytest.fixture
def s3_app(app, seaweed, request):
    """The test application with every storage area in SeaweedFS, under a prefix of this test's own."""
    from backoffice import storage

    prefix = f"t-{abs(hash(request.node.nodeid)):x}-{os.getpid()}"
    app.config.update(seaweed.config(prefix))
    storage.init_app(app)
    return app
