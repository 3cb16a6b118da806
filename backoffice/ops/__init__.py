"""Operations endpoints and plumbing: liveness and readiness, request ids in JSON logs, Prometheus metrics.

``/healthz``, ``/readyz`` and ``/metrics`` are for load balancers and monitoring, not people: no sign-in,
no CSRF, no session cookie, no page chrome (docs/deploy.md).
"""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("ops", __name__)


def init_app(app: Flask) -> None:
    """Install request ids, logging and request metrics; register the endpoints' blueprint."""
    from backoffice.extensions import csrf
    from backoffice.ops import health, logs, metrics, views  # noqa: F401 - views registers the routes

    try:
        views.networks(app.config["METRICS_NETWORKS"])
    except ValueError as exc:
        raise RuntimeError(f"BACKOFFICE_METRICS_NETWORKS: {exc}") from exc
    logs.init_app(app)
    metrics.init_app(app)
    health.init_app(app)
    csrf.exempt(bp)
    app.register_blueprint(bp)


def watch_jobs_and_storage(app: Flask) -> None:
    """Once the job queue and the storage are set up: count job outcomes and queue depths in /metrics,
    and make /readyz check Redis (when jobs go there) and the file storage."""
    from backoffice import jobs
    from backoffice.jobs.redis_backend import broker_for
    from backoffice.ops import health, metrics
    from backoffice.storage import storage_for

    jobs.job_finished.connect(_count_job)
    metrics.queue_depth = _queue_depths
    if app.config["JOBS_BACKEND"] == "redis":
        health.register_check(app, "redis", lambda: broker_for(app).client.ping())
    # A HEAD on object storage (reachable, credentials accepted); a stat on the local folder.
    health.register_check(app, "storage", lambda: storage_for("rulings", app).exists("readyz"))


def _count_job(name: str, outcome: str) -> None:
    from backoffice.ops.metrics import record_job

    record_job(name, outcome)


def _queue_depths() -> dict[str, int] | None:
    from backoffice.jobs import queue_depths

    try:
        return queue_depths()
    except Exception:  # noqa: BLE001 - Redis down: /metrics still answers, without the gauge
        return None
