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
    """Without Redis, the web process runs the jobs (from its first request on) and, unless
    ``JOBS_SCHEDULE_IN_WEB`` is off, the periodic ones too. ``flask`` commands end soon and run none:
    their wake-ups are left to the web server's sweeps (as before jobs existed), and a command's thread
    competing with it for SQLite's single writer would slow a large ``flask ingest``."""

    @app.before_request
    def serve_jobs() -> None:
        if app.config["JOBS_BACKEND"] == "thread":
            backend(app).serve(schedule=app.config["JOBS_SCHEDULE_IN_WEB"])
