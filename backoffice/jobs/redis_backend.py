"""Jobs on a Dramatiq queue in Redis (``BACKOFFICE_REDIS_URL``): sent by any web or command process, run
by ``flask jobs worker`` processes on any machine, scheduled by ``flask jobs scheduler``.

Why Dramatiq: its Redis broker moves a message to the worker's "acks" set when it is fetched and removes
it only after the job returns, and a worker that stops sending heartbeats (killed, machine gone) has its
unacked messages put back on the queue for another worker; its Retries middleware retries with
exponential backoff and its TimeLimit middleware interrupts a runaway job. RQ treats the job of a worker
that died as abandoned (failed, run again only if retries were asked for); Celery acknowledges a message
when it is received unless ``acks_late`` is set, and its Redis transport then redelivers unacked work
after a one-hour visibility timeout, with a heavier stack to run.
"""

from __future__ import annotations

import threading
import time

import dramatiq
import redis
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AgeLimit, Middleware, Retries, ShutdownNotifications, TimeLimit
from flask import Flask

from backoffice.jobs.registry import JOBS, periodic, queues
from backoffice.jobs.runtime import QueueUnavailable, job_finished, run_job

_BROKERS: dict[tuple, RedisBroker] = {}
_LOCK = threading.Lock()


class Outcomes(Middleware):
    """Send ``job_finished`` once the Retries middleware has decided whether a failed job runs again."""

    def after_process_message(self, broker, message, *, result=None, exception=None):
        outcome = "ok" if exception is None else "failed" if message.failed else "retry"
        job_finished.send(message.actor_name, outcome=outcome)

    def after_skip_message(self, broker, message):
        job_finished.send(message.actor_name, outcome="failed")


def broker_for(app: Flask) -> RedisBroker:
    """The broker of this Redis URL and namespace, with one actor per registered job (one per process)."""
    cfg = app.config
    key = (cfg["REDIS_URL"], cfg["JOBS_NAMESPACE"], int(cfg["JOBS_HEARTBEAT_TIMEOUT_MS"]),
           int(cfg["JOBS_MAINTENANCE_CHANCE"]))
    with _LOCK:
        if key not in _BROKERS:
            _BROKERS[key] = _build(app, *key)
        return _BROKERS[key]


def _build(app: Flask, url: str, namespace: str, heartbeat_timeout: int, maintenance_chance: int) -> RedisBroker:
    # Broker.emit_after calls middleware in reverse order: Outcomes, listed before Retries, sees its verdict.
    middleware = [AgeLimit(), TimeLimit(), ShutdownNotifications(), Outcomes(),
                  Retries(max_retries=5, min_backoff=1_000, max_backoff=300_000)]
    broker = RedisBroker(url=url, namespace=namespace, middleware=middleware, heartbeat_timeout=heartbeat_timeout,
                         maintenance_chance=maintenance_chance)
    for job in JOBS.values():
        dramatiq.Actor(_performer(app, job.name), broker=broker, actor_name=job.name, queue_name=job.queue,
                       priority=0, options={"max_retries": job.max_retries, "time_limit": job.time_limit * 1000})
    return broker


def _performer(app: Flask, name: str):
    def perform(**kwargs) -> None:
        with app.app_context():
            run_job(name, kwargs)

    perform.__name__ = name.replace(".", "_")
    return perform


class RedisBackend:
    def __init__(self, app: Flask) -> None:
        self.app = app
        self.broker = broker_for(app)

    def send(self, name: str, kwargs: dict) -> None:
        try:
            self.broker.get_actor(name).send_with_options(kwargs=kwargs)
        except (redis.RedisError, dramatiq.errors.BrokerError) as exc:
            raise QueueUnavailable() from exc

    def depths(self) -> dict[str, int]:
        return {queue: int(self.broker.do_qsize(queue)) for queue in queues()}

    def schedule_due(self, now: float | None = None) -> list[str]:
        """Send each periodic job whose period has begun and that no scheduler has sent for it yet.

        Periods are counted from the epoch, so every scheduler agrees on them; a key per job and period,
        set only if absent (SET NX), lets one scheduler of any number running at once send it.
        """
        now = time.time() if now is None else now
        sent = []
        for job in periodic():
            period = int(now // job.every)
            key = f"{self.broker.namespace}:schedule:{job.name}:{period}"
            if self.broker.client.set(key, "1", nx=True, ex=job.every * 2 + 60):
                self.send(job.name, {})
                sent.append(job.name)
        return sent
