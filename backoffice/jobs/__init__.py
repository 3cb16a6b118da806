"""Background work: register a job (``catalogue``), ``enqueue`` it after the transaction commits, and let
a worker run it; periodic jobs are started by the scheduler.

With ``BACKOFFICE_REDIS_URL`` set, jobs go to a Dramatiq queue on Redis (``redis_backend``); without it
(the embedded default) they run on a thread of the process, and the web server runs the periodic ones.
"""

from __future__ import annotations

from flask import Flask

from backoffice.jobs import catalogue  # noqa: F401 - registers every job
from backoffice.jobs.registry import JOBS, Job, periodic, register
from backoffice.jobs.runtime import QueueUnavailable, backend, dispatch, enqueue, job_finished, queue_depths

__all__ = ["JOBS", "Job", "QueueUnavailable", "dispatch", "enqueue", "init_app", "job_finished", "periodic",
           "queue_depths", "register"]


def init_app(app: Flask) -> None:
    """In the embedded default, the web process runs the periodic jobs, from its first request on (not in
    ``flask`` commands, which end soon; ``flask jobs scheduler`` runs them in a process of their own)."""
    if app.config["JOBS_BACKEND"] != "thread" or not app.config["JOBS_SCHEDULE_IN_WEB"]:
        return
    started = False

    @app.before_request
    def start_periodic_jobs() -> None:
        nonlocal started
        if not started:
            started = True
            backend(app).start_schedule()
