"""Bulk ruling exports started from the web page, run by the ``rulings.export`` job (backoffice/jobs).

State lives in files under ``instance/exports/`` (``<id>.json``), so any web process can show the
progress; the export folder must be shared by the web and worker machines. The finished ZIP goes to the
exports storage (``<id>.zip``: the same folder by default, or object storage that every node reads). A
worker killed half-way leaves the message to another worker, which resumes from the PDFs already staged.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from datetime import date, timedelta
from pathlib import Path

from flask import Flask, current_app
from flask_babel import lazy_gettext as _l

from backoffice.db import utcnow
from backoffice.failures import Conflict
from backoffice.jobs import QueueUnavailable, dispatch
from backoffice.rulings.export import ExportFilter, run_export
from backoffice.storage import storage_for

_ID_CHARS = frozenset("0123456789abcdef")
STALE_AFTER = timedelta(minutes=30)


class ExportRunning(Conflict):
    """The same export (same person, same filter) is still running: a double click starts one."""


def exports_dir(app: Flask | None = None) -> Path:
    path = Path((app or current_app).config["EXPORT_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def _save(directory: Path, job: dict) -> None:
    tmp = directory / f"{job['id']}.json.tmp"
    tmp.write_text(json.dumps(job))
    os.replace(tmp, directory / f"{job['id']}.json")


def load(job_id: str) -> dict | None:
    if len(job_id) != 16 or not set(job_id) <= _ID_CHARS:
        return None
    path = exports_dir() / f"{job_id}.json"
    return json.loads(path.read_text()) if path.exists() else None


def all_jobs() -> list[dict]:
    jobs = [json.loads(p.read_text()) for p in exports_dir().glob("*.json")]
    return sorted(jobs, key=lambda j: j["created_at"], reverse=True)[:50]


def zip_key(job_id: str) -> str:
    """The finished ZIP's key in the exports storage."""
    return f"{job_id}.zip"


def start(flt: ExportFilter, user_id: int, *, processes: int = 2) -> dict:
    """Create a job and send it to the job queue; return the job's state.

    :raises ExportRunning: when this person's export of the same filter is still running. The check
        and the new job's file happen under an exclusive lock on the exports folder, which every web
        process (and node, on a shared folder) takes: two clicks at once start one export.
    :raises QueueUnavailable: when the job queue cannot be reached (no job is left behind).
    """
    directory = exports_dir()
    wanted = flt.to_dict()
    with open(directory / ".start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        recent = (utcnow() - STALE_AFTER).isoformat()  # a job left "running" by a killed process expires
        if any(j["state"] == "running" and j["user_id"] == user_id and j["filter"] == wanted
               and j["created_at"] > recent for j in (json.loads(p.read_text()) for p in directory.glob("*.json"))):
            raise ExportRunning(_l("This export is already running; its progress is shown below."))
        job = {"id": secrets.token_hex(8), "filter": wanted, "user_id": user_id, "state": "running",
               "done": 0, "total": None, "error": None, "created_at": utcnow().isoformat(), "finished_at": None}
        _save(directory, job)
    try:
        dispatch("rulings.export", job_id=job["id"], processes=processes)  # no transaction to wait for
    except QueueUnavailable:
        # Not started: no job to show, and none left "running" to refuse the same export for half an hour.
        (directory / f"{job['id']}.json").unlink()
        raise
    return job


def _filter(data: dict) -> ExportFilter:
    return ExportFilter(date.fromisoformat(data["since"]), date.fromisoformat(data["until"]) if data["until"] else None,
                        data["platform"], data["rule"], data["lang"], data["merchant"])


def run(job_id: str, processes: int = 2) -> None:
    """The ``rulings.export`` job: build the ZIP of the job's filter, keeping its state file up to date.

    Run again after a worker died, it resumes; run for a job already finished, it does nothing.
    """
    job = load(job_id)
    if job is None or job["state"] != "running":
        return
    directory = exports_dir()

    def progress(done: int, total: int) -> None:
        job.update(done=done, total=total)
        _save(directory, job)

    try:
        built = directory / f"{job['id']}.zip"
        run_export(_filter(job["filter"]), built, processes=processes, progress=progress)
        storage_for("exports").put_file(zip_key(job["id"]), built)  # a move, on the local default
        job["state"] = "done"
    except Exception as exc:  # noqa: BLE001 - shown on the page; the staging folder allows a rerun
        job.update(state="failed", error=f"{type(exc).__name__}: {exc}"[:500])
    job["finished_at"] = utcnow().isoformat()
    _save(directory, job)
