"""Jobs on real Redis: each test has a key namespace of its own, removed afterwards, so that parallel
test workers and a developer's own queue on the same Redis never meet."""

from __future__ import annotations

import os
import uuid

import pytest
import redis

from tests.webhooks.conftest import endpoint, receiver  # noqa: F401 - the loopback receiver, shared

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("BACKOFFICE_TEST_REDIS_URL", DEFAULT_REDIS_URL)
    try:
        redis.Redis.from_url(url).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis is required by the job tests and is not usable at {url} ({exc}); "
                    "./scripts/test.sh starts the local server, or set BACKOFFICE_TEST_REDIS_URL.")
    return url


@pytest.fixture
def on_redis(app, redis_url):
    """Switch the test application to the Redis backend, with a namespace of its own; a dead worker is
    noticed after 2 s and every broker call looks for dead workers, so a kill test need not wait a minute."""
    namespace = f"test-{uuid.uuid4().hex[:12]}"
    app.config.update(REDIS_URL=redis_url, JOBS_BACKEND="redis", JOBS_NAMESPACE=namespace,
                      JOBS_HEARTBEAT_TIMEOUT_MS=2_000, JOBS_MAINTENANCE_CHANCE=1_000_000)
    yield app
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{namespace}:*"))
    if keys:
        client.delete(*keys)
    client.close()


def worker_env(app, tmp_path) -> dict[str, str]:
    """The environment of a ``flask jobs worker`` process on the test application's database and queue."""
    cfg = app.config
    return {**os.environ, "BACKOFFICE_DATABASE_URL": cfg["DATABASE_URL"], "BACKOFFICE_SECRET_KEY": cfg["SECRET_KEY"],
            "BACKOFFICE_UPLOAD_DIR": str(tmp_path / "uploads"), "BACKOFFICE_EXPORT_DIR": cfg["EXPORT_DIR"],
            "BACKOFFICE_REDIS_URL": cfg["REDIS_URL"], "BACKOFFICE_JOBS_NAMESPACE": cfg["JOBS_NAMESPACE"],
            "BACKOFFICE_JOBS_HEARTBEAT_TIMEOUT_MS": str(cfg["JOBS_HEARTBEAT_TIMEOUT_MS"]),
            "BACKOFFICE_JOBS_MAINTENANCE_CHANCE": str(cfg["JOBS_MAINTENANCE_CHANCE"])}
