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
