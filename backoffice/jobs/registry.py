"""What a job is: a name, the function it runs, its queue, its retries and, for periodic work, how often."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    """A unit of background work. ``target`` is ``"module:function"``, imported only when the job runs, so
    that registering a job imports nothing (and the jobs package depends on no feature).

    The function takes the keyword arguments given to ``enqueue`` (JSON values), runs in an application
    context and may commit; whatever it leaves uncommitted is committed after it returns. It must be
    idempotent: a worker killed half-way leaves the message to another worker, which runs it again.
    """

    name: str
    target: str
    queue: str = "default"
    every: int | None = None  # seconds between runs, for the periodic schedule
    max_retries: int = 5  # on an exception; backoff doubles from 1 s up to 5 min
    time_limit: int = 10 * 60  # seconds; the worker interrupts a job that runs longer

    def function(self) -> Callable[..., object]:
        module, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module), attribute)


JOBS: dict[str, Job] = {}


def register(name: str, target: str, **options) -> Job:
    """Add a job (see ``catalogue``); registering the same name twice is a mistake."""
    if name in JOBS:
        raise ValueError(f"job {name!r} is registered twice")
    JOBS[name] = job = Job(name, target, **options)
    return job


def periodic() -> list[Job]:
    return [job for job in JOBS.values() if job.every]


def queues() -> list[str]:
    return sorted({job.queue for job in JOBS.values()})
