"""``flask jobs``: run workers and the scheduler, look at the queues, run a job by hand."""

from __future__ import annotations

import logging
import os
import sys
import time

import click
from flask import current_app
from flask.cli import AppGroup

log = logging.getLogger("backoffice.jobs.scheduler")
jobs_cli = AppGroup("jobs", help="Background jobs: workers, the periodic scheduler, queue depths.")


def _redis_backend():
    from backoffice.jobs.runtime import backend

    if current_app.config["JOBS_BACKEND"] != "redis":
        raise click.ClickException("Workers take jobs from Redis: set BACKOFFICE_REDIS_URL (redis://host:6379/0). "
                                   "Without it the jobs run inside the web process.")
    return backend(current_app)


@jobs_cli.command("worker")
@click.option("--processes", "-p", default=1, show_default=True, help="Worker processes.")
@click.option("--threads", "-t", default=4, show_default=True, help="Threads per process.")
@click.option("--queue", "-Q", "queue_names", multiple=True, help="Only these queues (default: all).")
def worker(processes: int, threads: int, queue_names: tuple[str, ...]) -> None:
    """Run jobs from Redis until stopped (Ctrl-C or SIGTERM finish the jobs in hand first)."""
    from backoffice.jobs.registry import queues

    _redis_backend()
    if current_app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite") and processes * threads > 1:
        # SQLite has no row locks (FOR UPDATE SKIP LOCKED), which keep two workers off one delivery.
        logging.getLogger("backoffice.jobs.worker").warning(
            "SQLite: running one worker thread (PostgreSQL takes more).")
        processes = threads = 1
    unknown = set(queue_names) - set(queues())
    if unknown:
        raise click.ClickException(f"No such queue: {', '.join(sorted(unknown))} (queues: {', '.join(queues())}).")
    # Dramatiq's own command supervises the processes: it restarts none by hand here, forwards signals,
    # and each process loads backoffice.jobs.worker, configured from the same BACKOFFICE_* variables;
    # backoffice.jobs.supervise runs it with the application's log format.
    config = current_app.config
    args = [sys.executable, "-m", "backoffice.jobs.supervise", str(config["LOG_FORMAT"]).lower(),
            str(config["LOG_LEVEL"]), "backoffice.jobs.worker:broker", "--processes", str(processes),
            "--threads", str(threads)]
    if queue_names:
        args += ["--queues", *queue_names]
    sys.stdout.flush()
    os.execv(sys.executable, args)  # noqa: S606 - our interpreter, our module, arguments checked above


@jobs_cli.command("scheduler")
@click.option("--once", is_flag=True, help="Send what is due now and stop.")
def scheduler(once: bool) -> None:
    """Start the periodic jobs on time; several schedulers at once send each run once.

    Without Redis (the embedded default) this process runs the periodic jobs itself, as the web
    server does.
    """
    from backoffice.jobs.registry import periodic
    from backoffice.jobs.runtime import backend, run_job

    if current_app.config["JOBS_BACKEND"] != "redis":
        if once:
            for job in periodic():
                run_job(job.name, {})
                click.echo(f"Ran {job.name}.")
            return
        log.info("Running the periodic jobs in this process (no BACKOFFICE_REDIS_URL).")
        backend(current_app).start_schedule()
        while True:
            time.sleep(3600)
    import redis

    from backoffice.jobs.runtime import QueueUnavailable

    queue = _redis_backend()
    # Log records, not bare lines: in production they are JSON like every other line of the node.
    log.info("Scheduling the periodic jobs on Redis.")
    while True:
        try:
            for name in queue.schedule_due():
                log.info("Sent %s.", name, extra={"job": name})
        except (QueueUnavailable, redis.RedisError) as exc:
            if once:
                raise click.ClickException(f"Redis cannot be reached: {exc}") from exc
            log.warning("Redis cannot be reached (%s); trying again in 5 s.", exc)
            time.sleep(4)  # a period missed meanwhile is sent by the next run of its job
        if once:
            return
        time.sleep(1)


@jobs_cli.command("status")
def status() -> None:
    """Where the jobs run, and how many wait on each queue."""
    from backoffice.jobs.registry import JOBS, periodic
    from backoffice.jobs.runtime import queue_depths

    click.echo(f"Backend: {current_app.config['JOBS_BACKEND']}")
    for queue, depth in queue_depths().items():
        names = ", ".join(sorted(j.name for j in JOBS.values() if j.queue == queue))
        click.echo(f"  {queue:<10} {depth:>6} waiting   ({names})")
    click.echo("Periodic: " + ", ".join(f"{job.name} every {job.every} s" for job in periodic()))


@jobs_cli.command("run")
@click.argument("name")
def run(name: str) -> None:
    """Run one job now, in this process (for example from cron, or to look at its errors)."""
    from backoffice.jobs.registry import JOBS
    from backoffice.jobs.runtime import run_job

    if name not in JOBS:
        raise click.ClickException(f"No job {name!r}; jobs: {', '.join(sorted(JOBS))}.")
    run_job(name, {})
    click.echo(f"Ran {name}.")
