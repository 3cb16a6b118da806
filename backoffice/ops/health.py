"""Readiness checks: a small registry that other parts (Redis, file storage) add their own checks to.

A check is a function that returns when its dependency answers and raises otherwise. ``/readyz`` runs
every registered check of the application; the database check is always there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from flask import Flask, current_app

Check = Callable[[], None]


def register_check(app: Flask, name: str, check: Check) -> None:
    """Add (or replace) the readiness check ``name`` of ``app``: ``check()`` raises when not ready."""
    app.extensions.setdefault("readiness_checks", {})[name] = check


def database_ready() -> None:
    """One round trip to the database (``SELECT 1``) on a connection of the pool."""
    from backoffice.db import db

    with db.engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    ms: float
    error: str = ""  # the exception's class only: a message may name hosts or credentials


def run_checks() -> list[Result]:
    """Run every registered check of the current application, in registration order."""
    results = []
    for name, check in current_app.extensions.get("readiness_checks", {}).items():
        started = time.perf_counter()
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready"; the log has the details
            current_app.logger.warning("readiness check %s failed: %r", name, exc)
            results.append(Result(name, False, _ms(started), type(exc).__name__))
        else:
            results.append(Result(name, True, _ms(started)))
    return results


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def init_app(app: Flask) -> None:
    register_check(app, "database", database_ready)
