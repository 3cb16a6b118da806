"""A bulk export holds one PDF per ruling, also when it is restarted after an interruption."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import datetime, timedelta

import pytest

from backoffice.db import utcnow
from backoffice.rulings.export import ExportFilter, run_export, staging_dir
from backoffice.timeutil import to_platform_tz


class Interrupted(Exception):
    pass


# Rendering PDFs is slow; the database-independent part runs on PostgreSQL alone.
@pytest.mark.postgres_only
def test_restarted_export_has_each_ruling_once(app, runner, make_ruling, tmp_path):
    rulings = [make_ruling("m-a"), make_ruling("m-b")]
    today = to_platform_tz(utcnow()).date()
    out = tmp_path / "rulings.zip"

    def stop_after_first(done, total):
        if done == 1:
            raise Interrupted

    with pytest.raises(Interrupted):
        run_export(ExportFilter(today), out, processes=0, progress=stop_after_first)
    assert not out.exists()
    assert len(list(staging_dir(out).glob("*.pdf"))) == 1

    result = runner.invoke(args=["rulings", "export", "--since", today.isoformat(), "--until", today.isoformat(),
                                 "--platform", "zbj", "--rule", "zbj.offsite_contact", "--processes", "1",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 ruling(s)" in result.output
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        index = json.loads(archive.read("index.json"))
        assert all(archive.read(n).startswith(b"%PDF-") for n in names if n.endswith(".pdf"))
    pdfs = [n for n in names if n.endswith(".pdf")]
    assert len(pdfs) == len(set(pdfs)) == 2
    assert sorted(r["ruling_id"] for r in index["rulings"]) == sorted(r.id for r in rulings)
    assert all(len(r["content_sha256"]) == 64 for r in index["rulings"])
    assert index["count"] == 2
    assert index["filter"]["rule"] == "zbj.offsite_contact"
    assert abs(datetime.fromisoformat(index["created_at"]) - utcnow()) < timedelta(minutes=5)
    with zipfile.ZipFile(out) as archive:
        assert all(hashlib.sha256(archive.read(r["file"])).hexdigest() == r["file_sha256"] for r in index["rulings"])
    assert not staging_dir(out).exists()


def test_the_filter_selects_by_day_platform_and_rule(make_ruling):
    from backoffice.rulings.export import ruling_ids

    ruling = make_ruling()
    today = to_platform_tz(utcnow()).date()
    assert ruling_ids(ExportFilter(today, today, "zbj", "zbj.offsite_contact")) == [ruling.id]
    assert ruling_ids(ExportFilter(today, platform="pdd")) == []
    assert ruling_ids(ExportFilter(today, rule="zbj.ads_spam")) == []
    assert ruling_ids(ExportFilter(today.replace(year=today.year + 1))) == []


@pytest.mark.postgres_only
def test_the_page_builds_the_zip_in_the_background_and_names_it_by_its_period(app, client, login, make_user,
                                                                               make_ruling, monkeypatch):
    import functools
    import time

    from backoffice.rulings import jobs, views

    monkeypatch.setattr(views.jobs, "start", functools.partial(jobs.start, processes=0))
    app.config["JOBS_BACKEND"] = "thread"  # the embedded default: the export runs on a thread of this process
    ruling = make_ruling()
    make_user("manager", login="boss")
    login("boss")
    today = to_platform_tz(utcnow()).date().isoformat()
    client.post("/rulings/exports", data={"since": today, "until": today, "lang": "en"})
    (job,) = jobs.all_jobs()
    deadline = time.monotonic() + 60
    while (status := client.get(f"/rulings/exports/{job['id']}.json").json)["state"] == "running":
        assert time.monotonic() < deadline, status
        time.sleep(0.2)
    assert (status["state"], status["done"], status["total"]) == ("done", 1, 1), status
    download = client.get(f"/rulings/exports/{job['id']}.zip")
    assert download.status_code == 200
    assert f"rulings-{today}-to-{today}-{job['id']}.zip" in download.headers["Content-Disposition"]
    data = download.data
    download.close()  # send_file streams the file: release it
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        index = json.loads(archive.read("index.json"))
    assert [r["ruling_id"] for r in index["rulings"]] == [ruling.id]
    assert index["filter"]["lang"] == "en"
