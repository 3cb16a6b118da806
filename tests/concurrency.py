"""Running one operation from many threads at once against the test database (race tests)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask


def worker_app(app: Flask, connections: int) -> Flask:
    """The same application with a pool no thread waits on.

    A committing thread needs two connections at once (the audit sealer runs in ``after_commit`` on
    a connection of its own), so ``connections`` is usually twice the number of threads.
    """
    from backoffice import create_app

    return create_app({
        **{k: app.config[k] for k in ("TESTING", "DATABASE_URL", "SECRET_KEY", "UPLOAD_DIR", "EXPORT_DIR", "RULING_DIR",
                                      "RULINGS_STORE_ON_ISSUE") if k in app.config},
        **{k: v for k, v in app.config.items() if k.startswith("STORAGE_")},
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "pool_size": connections, "max_overflow": 0},
    })


def run_concurrently(app: Flask, work: Callable[[Any], None], arguments: Iterable[Any],
                     timeout: float = 120) -> None:
    """Call ``work(argument)`` in one thread per argument, all released together by a barrier.

    Each call runs in an application context of its own on a copy of ``app`` with enough
    connections; the test's own session should hold no connection meanwhile (commit first). Any
    exception in a thread fails the caller, as does a thread still running after ``timeout``.
    """
    from backoffice.db import db

    arguments = list(arguments)
    workers = worker_app(app, 2 * len(arguments))
    barrier = threading.Barrier(len(arguments), timeout=60)
    errors: list[BaseException] = []

    def run(argument: Any) -> None:
        try:
            with workers.app_context():
                try:
                    barrier.wait()
                    work(argument)
                finally:
                    db.session.remove()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    with workers.app_context():
        db.engine.dispose()
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads), "a racing thread did not finish"


def race(app: Flask, attempt: Callable[[int], object], n: int = 4) -> list[BaseException | None]:
    """Run ``attempt(i)`` for i in 0..n-1 at the same moment, each in its own transaction, committed on
    success; return each attempt's outcome: None when it committed, else the DomainError it raised."""
    from backoffice.db import db
    from backoffice.failures import DomainError

    outcomes: list[BaseException | None] = [None] * n

    def work(i: int) -> None:
        try:
            attempt(i)
            db.session.commit()
        except DomainError as exc:
            db.session.rollback()
            outcomes[i] = exc

    run_concurrently(app, work, range(n))
    return outcomes


def exactly_one(outcomes: list[BaseException | None]) -> None:
    """One attempt took effect; every other one was refused as a conflict (409), not a crash."""
    from backoffice.failures import Conflict

    refused = [o for o in outcomes if o is not None]
    assert len(outcomes) - len(refused) == 1, outcomes
    assert all(isinstance(o, Conflict) for o in refused), refused


def flask_command(app: Flask, tmp_path, *args: str):
    """``flask --app backoffice ARGS`` in a process of its own, on the test application's database."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "BACKOFFICE_DATABASE_URL": app.config["DATABASE_URL"],
           "BACKOFFICE_SECRET_KEY": app.config["SECRET_KEY"], "BACKOFFICE_UPLOAD_DIR": str(tmp_path / "uploads"),
           "BACKOFFICE_RULING_DIR": app.config["RULING_DIR"], "BACKOFFICE_EXPORT_DIR": app.config["EXPORT_DIR"],
           **{f"BACKOFFICE_{k}": str(v) for k, v in app.config.items() if k.startswith("STORAGE_") and v}}
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "backoffice", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def kill_when(process, started: Callable[[], bool], timeout: float = 120) -> None:
    """kill -9 ``process`` as soon as ``started()`` says it is half-way; fail if it finished first."""
    import signal
    import time

    deadline = time.monotonic() + timeout
    while not started() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    log = process.stdout.read().decode()
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL, log  # killed, not finished
