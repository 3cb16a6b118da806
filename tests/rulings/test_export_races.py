"""Starting the same export twice at once (a double click, two tabs) starts one; the others are told."""

from __future__ import annotations

import json
from datetime import date, timedelta

from backoffice.db import utcnow
from backoffice.rulings import jobs
from backoffice.rulings.export import ExportFilter
from tests.concurrency import exactly_one, race


def test_the_same_export_started_four_times_at_once_runs_once(app):
    flt = ExportFilter(date.today() - timedelta(days=30))
    outcomes = race(app, lambda _i: jobs.start(flt, user_id=7, processes=0), n=4)
    exactly_one(outcomes)
    assert all(isinstance(o, jobs.ExportRunning) for o in outcomes if o is not None)
    assert len(jobs.all_jobs()) == 1
    jobs.start(ExportFilter(date.today() - timedelta(days=7)), user_id=7, processes=0)  # another filter runs
    jobs.start(flt, user_id=8, processes=0)  # and another person's
    assert len(jobs.all_jobs()) == 3


def test_a_job_left_running_by_a_killed_process_does_not_block_for_ever(app):
    flt = ExportFilter(date.today() - timedelta(days=30))
    directory = jobs.exports_dir()
    stale = {"id": "0" * 16, "filter": flt.to_dict(), "user_id": 7, "state": "running", "done": 0, "total": None,
             "error": None, "created_at": (utcnow() - jobs.STALE_AFTER - timedelta(minutes=1)).isoformat(),
             "finished_at": None}
    (directory / f"{stale['id']}.json").write_text(json.dumps(stale))
    assert jobs.start(flt, user_id=7, processes=0)["state"] == "running"
