"""kill -9 a ``flask jobs worker`` in the middle of a job; another worker, started later with nothing sent
again, finishes it from the message Redis still holds: every event reaches the receiver, in order per
merchant, and only the one in flight at the kill arrives twice (same id, same body: the receiver's key).

The receiver holds its answer to the event half-way through the run and the worker's whole process group
is killed while it waits: the worst moment, every time. Dramatiq's Redis broker keeps the fetched message
in the dead worker's ack set; once the worker misses its heartbeats (2 s here) the next broker call puts
it back on the queue for the second worker.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal

import sqlalchemy as sa

from backoffice import jobs
from backoffice.extensions import db
from backoffice.ledger import operations as ledger
from backoffice.webhooks.models import DeliveryState, OutboxEvent, WebhookDelivery
from tests.jobs.conftest import worker_env

MERCHANTS = 12
TOP_UPS = 2
EVENTS = MERCHANTS * (1 + TOP_UPS)


def start_worker(app, tmp_path, name: str) -> subprocess.Popen:
    with open(tmp_path / f"{name}.log", "wb") as log:  # the child keeps its own descriptor
        return subprocess.Popen([sys.executable, "-m", "flask", "--app", "backoffice", "jobs", "worker",
                                 "--processes", "1", "--threads", "2"],
                                env=worker_env(app, tmp_path), stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)  # its own process group: kill takes the forked worker too


def stop(process: subprocess.Popen, sig: int) -> None:
    os.killpg(process.pid, sig)
    process.wait(60)


def test_a_worker_killed_mid_job_leaves_it_to_another_worker_without_loss_or_duplicates(
        on_redis, runner, make_merchant, endpoint, receiver, tmp_path):
    names = [f"m-kill-{n}" for n in range(MERCHANTS)]
    merchants = [make_merchant(name) for name in names]
    for round_ in range(TOP_UPS):
        for merchant in merchants:
            ledger.top_up(merchant, Decimal(round_ + 1), f"top-up {round_ + 1}")
            db.session.commit()
    db.session.remove()
    redis = jobs.runtime.backend(on_redis).broker.client
    redis.delete(*redis.keys(f"{on_redis.config['JOBS_NAMESPACE']}:*"))  # the wake-ups so far: start from one
    jobs.dispatch("webhooks.deliver")
    receiver.hold_at = EVENTS // 2

    first = start_worker(on_redis, tmp_path, "first")
    deadline = time.monotonic() + 120
    while not receiver.held.is_set():
        assert first.poll() is None, (tmp_path / "first.log").read_text()
        assert time.monotonic() < deadline, (tmp_path / "first.log").read_text()
        time.sleep(0.05)
    stop(first, signal.SIGKILL)
    in_flight = receiver.ids()[-1]
    receiver.release.set()  # its reply goes to a dead socket
    assert len(receiver.ids()) == EVENTS // 2
    assert jobs.queue_depths()["webhooks"] == 1  # unacknowledged, not lost

    second = start_worker(on_redis, tmp_path, "second")
    try:
        deadline = time.monotonic() + 120
        while len(set(receiver.ids())) < EVENTS or jobs.queue_depths()["webhooks"]:
            assert second.poll() is None, (tmp_path / "second.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "second.log").read_text()
            time.sleep(0.1)
    finally:
        stop(second, signal.SIGTERM)

    ids = receiver.ids()
    events = {e.uuid for e in db.session.scalars(sa.select(OutboxEvent))}
    assert len(events) == EVENTS
    assert set(ids) == events
    assert [(uuid, n) for uuid, n in Counter(ids).items() if n > 1] == [(in_flight, 2)]
    first_arrivals: dict[str, list[int]] = {}
    for payload, _, _ in receiver.received:
        sequences = first_arrivals.setdefault(payload["merchant"]["id"], [])
        if payload["sequence"] not in sequences:
            sequences.append(payload["sequence"])
    assert first_arrivals == {name: list(range(1, 2 + TOP_UPS)) for name in names}
    rows = list(db.session.scalars(sa.select(WebhookDelivery)))
    assert {(r.state, r.attempts, r.last_status) for r in rows} == {(DeliveryState.delivered, 1, 200)}
    result = runner.invoke(args=["ledger", "verify"])
    assert result.exit_code == 0, result.output
