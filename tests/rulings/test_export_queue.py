"""The export page's job on a Dramatiq worker over real Redis: progress in the state file, the ZIP, and a
second delivery of the same message (a worker died after finishing, before acknowledging) changes nothing."""

from __future__ import annotations

import json
import time
import zipfile

import dramatiq
import pytest

from backoffice import jobs
from backoffice.db import utcnow
from backoffice.jobs.runtime import backend
from backoffice.rulings import jobs as exports
from backoffice.rulings.export import ExportFilter
from backoffice.storage import storage_for
from backoffice.timeutil import to_platform_tz
from tests.jobs.conftest import on_redis, redis_url  # noqa: F401 - Redis with a namespace of its own


@pytest.mark.postgres_only  # a worker thread and the test share one database
def test_an_export_runs_on_a_worker_once_however_often_its_message_arrives(on_redis, make_ruling):  # noqa: F811
    ruling = make_ruling()
    today = to_platform_tz(utcnow()).date()
    job = exports.start(ExportFilter(today, today), user_id=1, processes=0)
    assert jobs.queue_depths()["exports"] == 1
    worker = dramatiq.Worker(backend(on_redis).broker, worker_threads=1, worker_timeout=100)
    worker.start()
    try:
        deadline = time.monotonic() + 120
        while exports.load(job["id"])["state"] == "running" or jobs.queue_depths()["exports"]:
            assert time.monotonic() < deadline, exports.load(job["id"])
            time.sleep(0.1)
        state = exports.load(job["id"])
        assert (state["state"], state["done"], state["total"]) == ("done", 1, 1), state
        zip_file = storage_for("exports").local_path(exports.zip_key(job["id"]))  # the local default
        built = zip_file.stat().st_mtime_ns
        jobs.dispatch("rulings.export", job_id=job["id"], processes=0)  # the same message once more
        while jobs.queue_depths()["exports"]:
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        worker.stop()
    assert zip_file.stat().st_mtime_ns == built  # not built again
    assert exports.load(job["id"])["finished_at"] == state["finished_at"]
    with zipfile.ZipFile(zip_file) as archive:
        assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == 1
        assert [r["ruling_id"] for r in json.loads(archive.read("index.json"))["rulings"]] == [ruling.id]
