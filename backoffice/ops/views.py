"""``/healthz``, ``/readyz`` and ``/metrics``: answered without sign-in, session or page templates."""

from __future__ import annotations

import hmac
import ipaddress

from flask import Response, current_app, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST

from backoffice.accounts.permissions import public
from backoffice.ops import bp, health, metrics

#: Headers a proxy adds: a request carrying one came through a proxy, so its address is the proxy's.
FORWARDING_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


@bp.get("/healthz")
@public
def healthz():
    """Liveness: the process answers. Reads nothing, so a database outage does not restart the web nodes."""
    return jsonify(status="ok")


@bp.get("/readyz")
@public
def readyz():
    """Readiness: every registered dependency answers; 503 naming the checks that failed otherwise."""
    results = health.run_checks()
    failed = [r.name for r in results if not r.ok]
    body = {"status": "unavailable" if failed else "ready", "failed": failed,
            "checks": {r.name: {"ok": r.ok, "ms": r.ms, **({"error": r.error} if r.error else {})}
                       for r in results}}
    response = jsonify(body)
    response.status_code = 503 if failed else 200
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/metrics", endpoint="metrics")
@public  # no account: a bearer token or an allowed network (below)
def metrics_page():
    """Prometheus exposition, for a configured bearer token or an allowed network only."""
    if not _may_scrape():
        return Response("Forbidden: /metrics needs BACKOFFICE_METRICS_TOKEN or an address in "
                        "BACKOFFICE_METRICS_NETWORKS (docs/deploy.md).\n", 403, mimetype="text/plain")
    # content_type, not mimetype: the exposition type carries its own charset, and a second one makes
    # strict scrapers (Prometheus 3's media-type parser) refuse the page.
    return Response(metrics.exposition(), content_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})


def _may_scrape() -> bool:
    token = current_app.config.get("METRICS_TOKEN") or ""
    sent = request.headers.get("Authorization", "")
    if token and sent.startswith("Bearer ") and hmac.compare_digest(sent[7:].encode(), token.encode()):
        return True
    if not int(current_app.config["PROXY_COUNT"]) and any(h in request.headers for h in FORWARDING_HEADERS):
        # Through a proxy we were not told about, every client looks like the proxy (often 127.0.0.1).
        return False
    return _in_networks(request.remote_addr, current_app.config.get("METRICS_NETWORKS") or "")


def networks(setting: str | list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """``"127.0.0.0/8, 10.0.0.0/8"`` (or a list) as networks; raises ValueError on a bad entry."""
    entries = setting.split(",") if isinstance(setting, str) else setting
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _in_networks(address: str | None, setting: str | list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(ip in network for network in networks(setting))
