"""Request ids and logs: one line per record on stderr, JSON in production, readable text in development.

``LOG_FORMAT`` chooses: ``json`` (one JSON object a line: time in UTC, level, logger, message, and during a
request request_id, method, path, and on the request's own line status, duration_ms and user_id) or
``text`` (the default, for the development server). The request id comes from an incoming
``X-Request-ID`` when it is short and made of safe characters, else a new one; it is sent back in the
response's ``X-Request-ID`` and attached to every record logged while the request runs.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid

import sqlalchemy as sa
from flask import Flask, g, has_request_context, request
from pythonjsonlogger.json import JsonFormatter

HEADER = "X-Request-ID"
#: What an incoming id may be: a proxy's or a client's id passes through, anything else is replaced.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
REQUEST_LOGGER = "backoffice.request"
#: Load balancers and Prometheus call these every few seconds: their lines are DEBUG unless they fail.
QUIET_ENDPOINTS = frozenset({"ops.healthz", "ops.readyz", "ops.metrics"})
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def request_id_from(header: str | None) -> str:
    """The incoming id when it is safe to log and echo, else a fresh one (32 hex digits)."""
    if header and SAFE_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (a test's capture, a CLI runner's), never a
    stream closed since the handler was made."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


class RequestContext(logging.Filter):
    """Attach the current request's id, method and path to each record logged during it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if has_request_context() and "request_id" in g:
            record.request_id = g.request_id
            record.method = request.method
            record.path = request.path
        elif not hasattr(record, "request_id"):
            record.request_id = "-"
        return True


_HANDLER = _Stderr()
_HANDLER.addFilter(RequestContext())


def formatter(kind: str) -> logging.Formatter:
    """The records' format by name; gunicorn.conf.py uses it for gunicorn's own lines as well."""
    if kind == "json":
        return JsonFormatter("%(levelname)s %(name)s %(message)s", timestamp="time",
                             rename_fields={"levelname": "level", "name": "logger"}, json_ensure_ascii=False)
    if kind == "text":
        return logging.Formatter(TEXT_FORMAT)
    raise RuntimeError(f"BACKOFFICE_LOG_FORMAT must be 'json' or 'text', not {kind!r}")


def configure(kind: str, level: str) -> None:
    """Send every logger's records through one stderr handler in the format ``kind``.

    Idempotent: each application built in a process (tests build many) shares the one handler.
    """
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        raise RuntimeError(f"BACKOFFICE_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {level!r}")
    _HANDLER.setFormatter(formatter(kind))
    root = logging.getLogger()
    if _HANDLER not in root.handlers:
        root.addHandler(_HANDLER)
    # Libraries speak up from WARNING (WeasyPrint alone logs several INFO lines per PDF); our own
    # loggers ("backoffice", "backoffice.request", ...) at the configured level.
    root.setLevel(max(logging.WARNING, numeric))
    logging.getLogger("backoffice").setLevel(numeric)


def init_app(app: Flask) -> None:
    configure(str(app.config["LOG_FORMAT"]).lower(), str(app.config["LOG_LEVEL"]))
    # Flask's own handler would print each error a second time, in another format.
    from flask.logging import default_handler

    app.logger.removeHandler(default_handler)
    log = logging.getLogger(REQUEST_LOGGER)

    @app.before_request
    def start():
        g.request_id = request_id_from(request.headers.get(HEADER))
        g.request_started = time.perf_counter()

    @app.after_request
    def finish(response):
        if "request_id" not in g:  # a request that failed before ``start`` ran
            g.request_id = request_id_from(request.headers.get(HEADER))
        response.headers[HEADER] = g.request_id
        started = g.get("request_started")
        duration_ms = round((time.perf_counter() - started) * 1000, 1) if started is not None else None
        level = logging.DEBUG if request.endpoint in QUIET_ENDPOINTS and response.status_code < 400 else logging.INFO
        log.log(level, "%s %s %s", request.method, request.path, response.status_code,
                extra={"status": response.status_code, "duration_ms": duration_ms, "user_id": _user_id()})
        return response


def _user_id() -> int | None:
    """The signed-in user's id when this request already loaded them: logging never reads the database
    (a commit during the request expired the user; its identity key still holds the id)."""
    user = g.get("_login_user")
    if user is None:
        return None
    state = sa.inspect(user, raiseerr=False)
    return state.identity[0] if state is not None and state.identity else None
