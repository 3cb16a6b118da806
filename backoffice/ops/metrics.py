"""Prometheus metrics (prometheus-client): defined here, updated where things happen, read at ``/metrics``.

Under gunicorn with several worker processes set ``PROMETHEUS_MULTIPROC_DIR`` to an empty directory
before the processes start (prometheus-client's multiprocess mode): each process writes its counters
there and ``/metrics`` adds them up, whichever worker answers. gunicorn's ``child_exit`` hook calls
:func:`child_exit` (docs/deploy.md).

Values that are read rather than counted (queue depth, webhook lag) are computed when scraped, by the
process answering, so they are right whatever the number of processes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from flask import Flask, g, request
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import REGISTRY, Collector
from sqlalchemy import event
from sqlalchemy.orm import Session

#: Latency of each request by Flask endpoint (never the raw path: ids would make a series each).
REQUEST_SECONDS = Histogram(
    "backoffice_request_duration_seconds", "Time to answer a request, by endpoint and status class.",
    ["endpoint", "status"], buckets=(.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30))
#: The job queue counts each run here: ``record_job("deliver_webhooks", "succeeded")``.
JOB_OUTCOMES = Counter("backoffice_job_outcomes_total", "Background job runs by job and outcome.",
                       ["job", "outcome"])
#: Flags raised at ingestion, by rule, category and source (detector, report): counted once committed.
FLAGS = Counter("backoffice_flags_total", "Flags raised at ingestion, by rule, category and source.",
                ["rule", "category", "source"])

#: Set by the job queue: returns {queue name: jobs waiting}. None: no queue (the embedded default).
queue_depth: Callable[[], dict[str, int]] | None = None


def record_job(job: str, outcome: str) -> None:
    """Count one run of ``job`` ending in ``outcome`` (succeeded, failed, retried, ...)."""
    JOB_OUTCOMES.labels(job=job, outcome=outcome).inc()


def count_flags(session: Session, flags: Iterable) -> None:
    """Note flags added in ``session``; they are counted when (and only if) it commits."""
    pending = session.info.setdefault("metrics_flags", {})
    for flag in flags:
        key = (flag.rule_code or "none", flag.category or "none", getattr(flag.source, "value", str(flag.source)))
        pending[key] = pending.get(key, 0) + 1


def flags_noted(session: Session, restore: dict | None = None) -> dict:
    """The flags noted so far in ``session`` (before a savepoint); ``restore`` puts such a copy back when
    the savepoint is rolled back."""
    if restore is not None:
        session.info["metrics_flags"] = dict(restore)
    return dict(session.info.get("metrics_flags", {}))


@event.listens_for(Session, "after_commit")
def _count_committed_flags(session: Session) -> None:
    for (rule, category, source), n in session.info.pop("metrics_flags", {}).items():
        FLAGS.labels(rule=rule, category=category, source=source).inc(n)


@event.listens_for(Session, "after_rollback")
def _forget_flags(session: Session) -> None:
    session.info.pop("metrics_flags", None)


class LiveValues(Collector):
    """Gauges read at scrape time: webhook lag from the database, queue depth from the job queue."""

    def __init__(self, webhook_lag: float | None, depth: dict[str, int] | None) -> None:
        self.webhook_lag, self.depth = webhook_lag, depth

    def collect(self):
        if self.webhook_lag is not None:
            yield GaugeMetricFamily("backoffice_webhook_lag_seconds",
                                    "Age of the oldest webhook delivery not yet made (0: none waiting).",
                                    value=self.webhook_lag)
        if self.depth is not None:
            depth = GaugeMetricFamily("backoffice_queue_depth", "Jobs waiting, by queue.", labels=["queue"])
            for queue, waiting in sorted(self.depth.items()):
                depth.add_metric([queue], waiting)
            yield depth


def webhook_lag() -> float | None:
    """Seconds since the oldest event still waiting for a delivery was written; None: database unreachable."""
    from backoffice.db import db, utcnow
    from backoffice.webhooks.models import DeliveryState, OutboxEvent, WebhookDelivery

    try:
        oldest = db.session.scalar(
            sa.select(sa.func.min(OutboxEvent.created_at)).join(WebhookDelivery.event)
            .where(WebhookDelivery.state == DeliveryState.pending))
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return None
    return 0.0 if oldest is None else max(0.0, (utcnow() - oldest).total_seconds())


def exposition() -> bytes:
    """The text page Prometheus reads: every process's counters (multiprocess mode) plus live values."""
    live = LiveValues(webhook_lag(), queue_depth() if queue_depth is not None else None)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(live)
        return generate_latest(registry)
    own = CollectorRegistry(auto_describe=False)
    own.register(live)
    return generate_latest(REGISTRY) + generate_latest(own)


def child_exit(_server, worker) -> None:
    """gunicorn's ``child_exit`` hook: drop a dead worker's live gauges from the multiprocess files."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)


def init_app(app: Flask) -> None:
    @app.before_request
    def start_timer():
        g.metrics_started = time.perf_counter()

    @app.after_request
    def observe(response):
        started = g.get("metrics_started")
        if started is not None:
            REQUEST_SECONDS.labels(endpoint=request.endpoint or "unmatched",
                                   status=f"{response.status_code // 100}xx").observe(time.perf_counter() - started)
        return response
