"""Enqueue after commit, hand over to the backend, run a job, and tell who listens how it went."""

from __future__ import annotations

import json
import logging

import sqlalchemy as sa
from blinker import Namespace
from flask import Flask, current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from backoffice.db import db
from backoffice.failures import DomainError
from backoffice.jobs.registry import JOBS

logger = logging.getLogger("backoffice.jobs")
_signals = Namespace()
#: Sent after every run of a job, in the process that ran it: the sender is the job's name and ``outcome``
#: is "ok", "retry" (it failed and will run again) or "failed" (it failed for good). Metrics connect here.
job_finished = _signals.signal("job-finished")

_PENDING = "backoffice.jobs.pending"


class QueueUnavailable(DomainError):
    """The job queue (Redis) cannot be reached: the work was not started."""

    status = 503

    def __init__(self) -> None:
        super().__init__(_l("The job queue cannot be reached right now; try again in a moment."))
BACKENDS = ("redis", "thread", "off")


def enqueue(name: str, **kwargs) -> None:
    """Run job ``name`` with ``kwargs`` once the current transaction commits (at once when none is open).

    A rolled-back transaction enqueues nothing, so a worker never looks for rows that were not written;
    the same job with the same arguments enqueued twice in one transaction is sent once.
    """
    _check(name, kwargs)
    session = db.session()
    if not session.in_transaction():
        dispatch(name, **kwargs)
        return
    pending = session.info.setdefault(_PENDING, [])
    if (name, kwargs) not in pending:
        pending.append((name, kwargs))


def dispatch(name: str, **kwargs) -> None:
    """Hand the job to the backend now: for work that waits on no transaction (an export's state file).

    :raises QueueUnavailable: when Redis cannot be reached.
    """
    _check(name, kwargs)
    backend(current_app).send(name, kwargs)


def _check(name: str, kwargs: dict) -> None:
    if name not in JOBS:
        raise KeyError(f"no job is registered as {name!r} (backoffice/jobs/catalogue.py)")
    json.dumps(kwargs)  # a message carries JSON: fail here, in the caller, not in a worker


@sa.event.listens_for(Session, "after_commit")
def _send_pending(session: Session) -> None:
    if session.get_nested_transaction() is not None:
        return  # a savepoint was released: the transaction itself has not committed yet
    for name, kwargs in session.info.pop(_PENDING, ()):
        try:
            dispatch(name, **kwargs)
        except QueueUnavailable:
            # The transaction has committed and must not look failed; the job's periodic sweep (or a
            # person starting it again) does the work the lost message would have started.
            logger.exception("could not enqueue job %s", name)


@sa.event.listens_for(Session, "after_transaction_end")
def _forget_pending(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)  # rolled back or closed without a commit


def run_job(name: str, kwargs: dict) -> None:
    """Run one job in the current application context, commit what it leaves, and clean the session."""
    function = JOBS[name].function()
    try:
        function(**kwargs)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    finally:
        db.session.remove()


def backend(app: Flask):
    """This application's backend, built on first use (and again if its settings were changed since)."""
    app = app._get_current_object() if hasattr(app, "_get_current_object") else app  # a thread outlives proxies
    kind = app.config["JOBS_BACKEND"]
    settings = (kind, app.config["REDIS_URL"], app.config["JOBS_NAMESPACE"])
    built = app.extensions.get("backoffice.jobs")
    if built is None or built[0] != settings:
        if kind == "redis":
            from backoffice.jobs.redis_backend import RedisBackend

            state = RedisBackend(app)
        elif kind == "thread":
            from backoffice.jobs.inprocess import ThreadBackend

            state = ThreadBackend(app)
        else:
            state = OffBackend()
        built = app.extensions["backoffice.jobs"] = (settings, state)
    return built[1]


def queue_depths(app: Flask | None = None) -> dict[str, int]:
    """Messages waiting (or running, or delayed for a retry) per queue: every queue, zeros included."""
    return backend(app or current_app).depths()


class OffBackend:
    """Jobs are recorded, not run: the unit tests' default (``JOBS_BACKEND=off``), where a background thread
    would write into a database the next test is about to empty. The job tests use real Redis."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict]] = []

    def send(self, name: str, kwargs: dict) -> None:
        self.sent.append((name, kwargs))

    def depths(self) -> dict[str, int]:
        from backoffice.jobs.registry import queues

        depths = dict.fromkeys(queues(), 0)
        for name, _ in self.sent:
            depths[JOBS[name].queue] += 1
        return depths
