"""The Redis backend, on real Redis: queue depths, the scheduler's one run per period, a Dramatiq worker
running jobs and reporting their outcomes, retries included."""

from __future__ import annotations

import time

import dramatiq
import pytest

from backoffice import jobs
from backoffice.extensions import db
from backoffice.jobs.redis_backend import RedisBackend, _build
from backoffice.jobs.registry import JOBS
from backoffice.jobs.runtime import backend
from tests.concurrency import run_concurrently

BOOM_RUNS: list[int] = []


def boom(n: int) -> None:
    """A job that always fails (registered by one test only)."""
    BOOM_RUNS.append(n)
    raise RuntimeError("boom")


@pytest.fixture
def outcomes():
    """The outcomes of the jobs this test runs. Other applications of the same test process (a browser
    journey's live server) may still finish their own jobs meanwhile: only ``outbox.deliver`` and the
    test's own jobs count."""
    seen: list[tuple[str, str]] = []

    def record(name, outcome):
        if name == "outbox.deliver" or name.startswith("tests."):
            seen.append((name, outcome))

    jobs.job_finished.connect(record)
    yield seen
    jobs.job_finished.disconnect(record)


def wait_for(predicate, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_enqueued_jobs_wait_on_their_queue_and_the_status_command_counts_them(on_redis, make_merchant, runner):
    from decimal import Decimal

    from backoffice.ledger import operations as ledger

    merchant = make_merchant()  # its opening entry's event wakes the webhook delivery on commit
    ledger.top_up(merchant, Decimal("1.00"), "top-up")
    ledger.top_up(merchant, Decimal("1.00"), "top-up")
    db.session.commit()  # two events, one transaction: one more wake-up
    jobs.dispatch("rulings.export", job_id="0123456789abcdef")
    assert jobs.queue_depths() == {"default": 0, "exports": 1, "mail": 0, "rulings": 0, "webhooks": 2}
    result = runner.invoke(args=["jobs", "status"])
    assert result.exit_code == 0, result.output
    assert "Backend: redis" in result.output
    assert "webhooks" in result.output
    assert "2 waiting" in result.output


@pytest.mark.postgres_only  # the schedulers' race is on Redis; one backend is enough
def test_schedulers_running_at_once_send_each_periodic_job_once_per_period(on_redis):
    schedulers = [RedisBackend.__new__(RedisBackend) for _ in range(4)]
    cfg = on_redis.config
    for scheduler in schedulers:  # four processes' worth: a broker and a Redis connection each
        scheduler.app = on_redis
        scheduler.broker = _build(on_redis, cfg["REDIS_URL"], cfg["JOBS_NAMESPACE"], 2_000, 0)
    now = 1_800_000_000.0  # the start of a period of 15 s and of 60 s
    sent: list[str] = []
    run_concurrently(on_redis, lambda s: sent.extend(s.schedule_due(now)), schedulers)
    assert sorted(sent) == ["measures.expire", "notifications.due_soon", "notifications.overdue", "outbox.deliver",
                            "retention.purge", "webhooks.deliver"]
    assert jobs.queue_depths() == {"default": 3, "exports": 0, "mail": 1, "rulings": 0, "webhooks": 2}
    assert schedulers[0].schedule_due(now + 14) == []  # the same periods
    assert schedulers[1].schedule_due(now + 15) == ["webhooks.deliver"]  # its next period
    assert sorted(schedulers[2].schedule_due(now + 60)) == ["measures.expire", "outbox.deliver", "webhooks.deliver"]


def test_a_worker_runs_the_job_and_reports_it_ok(on_redis, make_user, outcomes, tmp_path, monkeypatch):
    from backoffice.notifications.models import OutboxEmail
    from backoffice.notifications.operations import notify_user

    monkeypatch.setattr(on_redis, "instance_path", str(tmp_path))
    user = make_user("reviewer", login="r1")
    user.email = "r1@example.com"
    notify_user(user, "test", "Hello", "Body")
    db.session.commit()
    assert jobs.queue_depths()["mail"] == 1
    worker = dramatiq.Worker(backend(on_redis).broker, worker_threads=1, worker_timeout=100)
    worker.start()
    try:
        wait_for(lambda: outcomes)
    finally:
        worker.stop()
    assert outcomes == [("outbox.deliver", "ok")]
    assert db.session.scalar(db.select(OutboxEmail.sent_at)) is not None
    assert jobs.queue_depths()["mail"] == 0  # acknowledged


@pytest.mark.postgres_only
def test_a_failing_job_is_retried_with_backoff_then_reported_failed(on_redis, outcomes):
    jobs.register("tests.boom", "tests.jobs.test_redis:boom", queue="webhooks", max_retries=1)
    BOOM_RUNS.clear()
    try:
        jobs.dispatch("tests.boom", n=7)
        worker = dramatiq.Worker(backend(on_redis).broker, worker_threads=1, worker_timeout=100)
        worker.start()
        try:
            wait_for(lambda: len(outcomes) == 2)
        finally:
            worker.stop()
    finally:
        JOBS.pop("tests.boom")
    assert outcomes == [("tests.boom", "retry"), ("tests.boom", "failed")]
    assert BOOM_RUNS == [7, 7]
    assert jobs.queue_depths()["webhooks"] == 0  # dead-lettered, not left waiting


def test_a_worker_needs_redis(app, runner):
    result = runner.invoke(args=["jobs", "worker"])
    assert result.exit_code != 0
    assert "BACKOFFICE_REDIS_URL" in result.output


def test_without_redis_the_scheduler_runs_the_periodic_jobs_itself(app, runner, make_merchant):
    make_merchant()
    result = runner.invoke(args=["jobs", "scheduler", "--once"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["Ran webhooks.deliver.", "Ran measures.expire.", "Ran outbox.deliver.",
                                          "Ran notifications.overdue.", "Ran notifications.due_soon.",
                                          "Ran retention.purge."]




def test_with_redis_out_of_reach_commits_still_succeed_and_an_export_is_refused_with_a_message(
        on_redis, make_merchant, make_user, login, client):
    from decimal import Decimal

    from backoffice.ledger import operations as ledger
    from backoffice.rulings import jobs as exports

    on_redis.config.update(REDIS_URL="redis://127.0.0.1:1/0", JOBS_NAMESPACE="unreachable")
    merchant = make_merchant()  # the wake-up after this commit fails: logged, the commit stands
    ledger.top_up(merchant, Decimal("1.00"), "top-up")
    db.session.commit()
    make_user("manager", login="boss")
    login("boss")
    page = client.post("/rulings/exports", data={"since": "2026-01-01"}, follow_redirects=True)
    assert page.status_code == 200
    assert "任务队列暂时无法连接" in page.get_data(as_text=True)  # a message in the page's language, not a 500
    assert exports.all_jobs() == []


def test_the_scheduler_command_sends_what_is_due_and_says_when_redis_is_out_of_reach(on_redis, runner):
    result = runner.invoke(args=["jobs", "scheduler", "--once"])
    assert result.exit_code == 0, result.output
    sent = {"Sent webhooks.deliver.", "Sent measures.expire.", "Sent outbox.deliver."}
    assert sent <= {line.rsplit("] ", 1)[-1] for line in result.output.splitlines()}  # log lines
    again = runner.invoke(args=["jobs", "scheduler", "--once"]).output
    assert "Scheduling the periodic jobs on Redis." in again
    assert "Sent " not in again  # the same periods: nothing more to send
    on_redis.config.update(REDIS_URL="redis://127.0.0.1:1/0", JOBS_NAMESPACE="unreachable")
    result = runner.invoke(args=["jobs", "scheduler", "--once"])
    assert result.exit_code == 1
    assert "Redis cannot be reached" in result.output


def test_a_worker_and_the_scheduler_in_production_write_only_json_lines(on_redis, tmp_path):
    """A worker node's output is read by the same log collector as the web nodes': Dramatiq's supervisor,
    its worker process and the scheduler write one JSON object a line (BACKOFFICE_LOG_FORMAT=json)."""
    import json
    import os
    import signal
    import subprocess
    import sys

    from tests.jobs.conftest import worker_env

    env = {**worker_env(on_redis, tmp_path), "BACKOFFICE_LOG_FORMAT": "json"}
    log = tmp_path / "worker.log"
    with open(log, "wb") as out:
        worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "backoffice", "jobs", "worker"],
                                  env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while b"ready for action" not in log.read_bytes():
            assert worker.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(60)
    scheduler = subprocess.run([sys.executable, "-m", "flask", "--app", "backoffice", "jobs", "scheduler", "--once"],
                               env=env, capture_output=True, text=True, timeout=120)
    assert scheduler.returncode == 0, scheduler.stderr
    lines = log.read_text().splitlines() + scheduler.stdout.splitlines() + scheduler.stderr.splitlines()
    records = []
    for line in filter(str.strip, lines):
        try:
            records.append(json.loads(line))
        except ValueError:
            pytest.fail(f"not a JSON line: {line!r}")
    messages = {(r["logger"], r["message"]) for r in records}
    assert any(logger.startswith("dramatiq") and "booting up" in message for logger, message in messages)
    assert any(logger.startswith("dramatiq") and "ready for action" in message for logger, message in messages)
    assert ("backoffice.jobs.scheduler", "Sent webhooks.deliver.") in messages
