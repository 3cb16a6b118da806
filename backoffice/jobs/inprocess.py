"""The embedded default (no Redis): jobs run one at a time on a thread of this process, after the
transaction that enqueued them commits, and the periodic ones on a timer thread.

One thread, not a pool: SQLite takes one writer at a time, and the work (webhooks, e-mails, an export)
was already serial. Only a serving process runs jobs (the web server from its first request, or
``flask jobs scheduler``); elsewhere a wake-up is dropped, and nothing is lost by it: every job here is a
sweep of rows that say what is left to do, which the next periodic run finds. A failed job is not retried
here either; its next periodic run is the retry.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time

from flask import Flask

from backoffice.jobs.registry import JOBS, periodic, queues
from backoffice.jobs.runtime import job_finished, run_job

logger = logging.getLogger("backoffice.jobs")
IDLE_SECONDS = 30  # the thread ends after this long without work, and starts again with the next job


class ThreadBackend:
    def __init__(self, app: Flask) -> None:
        self.app = app
        self.queue: queue.Queue = queue.Queue()
        self.waiting: dict[tuple[str, str], str] = {}  # (name, arguments) -> queue, for dedup and depths
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.timer: threading.Thread | None = None
        self.serving = False

    def serve(self, *, schedule: bool) -> None:
        """Run the jobs sent from now on in this process, and the periodic ones too if ``schedule``."""
        self.serving = True
        if schedule and self.timer is None:
            self.start_schedule()

    def send(self, name: str, kwargs: dict) -> None:
        if not self.serving:
            logger.debug("job %s left to the periodic sweep (this process runs no jobs)", name)
            return
        key = (name, json.dumps(kwargs, sort_keys=True))
        with self.lock:
            if key in self.waiting:
                return  # the same work is already waiting, and will see this change when it runs
            self.waiting[key] = JOBS[name].queue
            self.queue.put((name, kwargs, key))
            if self.thread is None:
                self.thread = threading.Thread(target=self._work, name="backoffice-jobs", daemon=True)
                self.thread.start()

    def depths(self) -> dict[str, int]:
        depths = dict.fromkeys(queues(), 0)
        with self.lock:
            for name in self.waiting.values():
                depths[name] += 1
        return depths

    def _work(self) -> None:
        while True:
            try:
                name, kwargs, key = self.queue.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self.lock:
                    if self.queue.empty():
                        self.thread = None
                        return
                continue
            with self.lock:
                del self.waiting[key]  # sent again while it runs: it runs again (it may miss that change)
            try:
                with self.app.app_context():
                    run_job(name, kwargs)
            except Exception:
                logger.exception("job %s failed", name)
                job_finished.send(name, outcome="failed")
            else:
                job_finished.send(name, outcome="ok")

    def start_schedule(self) -> None:
        """Start the periodic jobs on a timer thread of this process (once): each runs at once, then
        every ``every`` seconds."""
        self.serving = True
        with self.lock:
            if self.timer is not None:
                return
            self.timer = threading.Thread(target=self._tick, name="backoffice-jobs-timer", daemon=True)
        self.timer.start()

    def _tick(self) -> None:
        due = dict.fromkeys((job.name for job in periodic()), 0.0)
        while True:
            now = time.monotonic()
            for name, at in due.items():
                if now >= at:
                    self.send(name, {})
                    due[name] = now + JOBS[name].every
            time.sleep(1)
