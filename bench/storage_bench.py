"""Issued rulings served from storage: download server time and a 1,000-ruling ZIP export, each
against a baseline measured in the same run (today's re-render), on the local folder and on
SeaweedFS over S3. Writes bench/results/storage.txt.

    .venv/bin/python bench/storage_bench.py [--rulings 1000] [--downloads 40]

The data set (merchants, chats, decided cases; the same as bench/pdf_bench.py builds) is kept in a
SQLite file under the system temporary folder and reused by later runs. Goals (issue 21): a download
of an issued ruling under 20 ms server time; a ZIP export of 1,000 stored rulings under 10 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
RESULTS = ROOT / "bench" / "results" / "storage.txt"
PASSWORD = "bench-password-123"  # noqa: S105 - a throwaway account of the benchmark's own database


def timed(fn, n: int) -> list[float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(times) * 1000:8.1f} ms  p95 {p95 * 1000:8.1f} ms  (n={len(times)})"


def make_app(db_url: str, work: Path, extra: dict | None = None):
    from backoffice import create_app

    return create_app({"DATABASE_URL": db_url, "SECRET_KEY": "bench-secret-key-0123456789",
                       "RULING_DIR": str(work / "rulings"), "EXPORT_DIR": str(work / "exports"),
                       "UPLOAD_DIR": str(work / "uploads"), "WTF_CSRF_ENABLED": False,
                       "PASSWORD_HASH_PROFILE": "CHEAPEST", **(extra or {})})


def manager_client(app):
    import sqlalchemy as sa

    from backoffice.accounts.models import Role, User
    from backoffice.accounts.operations import create_user
    from backoffice.audit.operations import Actor
    from backoffice.db import db

    with app.app_context():
        if db.session.scalar(sa.select(User).filter_by(login="bench-manager")) is None:
            create_user(Actor(None, "cli"), login="bench-manager", role=Role.manager, password=PASSWORD)
            db.session.commit()
    client = app.test_client()
    assert client.post("/login", data={"login": "bench-manager", "password": PASSWORD}).status_code == 302
    return client


def downloads(app, ruling_ids: list[int], n: int, *, baseline: bool, redirect: bool = False) -> list[float]:
    """Server time of GET /rulings/<id>.pdf, in-process through the test client (one request at a time).
    ``redirect``: the answer is a redirect to a presigned URL (BACKOFFICE_STORAGE_REDIRECT), whose bytes
    are fetched after each timing and checked against the stored file."""
    from backoffice.rulings import views

    client = manager_client(app)
    if baseline:  # the view as it was: render the PDF (and record the copy) on every download
        from backoffice.rulings.render import ruling_pdf

        def render_every_time(ruling, lang):
            document, data = ruling_pdf(ruling, lang)
            return type("Doc", (), {"number": document.number})(), data

        original, views.issued_pdf = views.issued_pdf, render_every_time
    try:
        client.get(f"/rulings/{ruling_ids[0]}.pdf")  # warm: WeasyPrint imported, fonts loaded, caches filled
        ids = iter(ruling_ids * (n // len(ruling_ids) + 1))

        fetched: list[str] = []

        def get():
            response = client.get(f"/rulings/{next(ids)}.pdf")
            if redirect:
                assert response.status_code == 302, response.status_code
                fetched.append(response.location)
                return
            assert response.status_code == 200, response.status_code
            assert response.data.startswith(b"%PDF-")

        times = timed(get, n)
        if redirect:  # not timed: the browser's own request to the object storage
            import urllib.request

            for url in fetched:
                with urllib.request.urlopen(url) as answer:  # noqa: S310 - the presigned URL just made
                    assert answer.read().startswith(b"%PDF-")
        return times
    finally:
        if baseline:
            views.issued_pdf = original


def export(app, out: Path, since, processes: int) -> tuple[float, int, int]:
    from backoffice.rulings.export import ExportFilter, run_export

    shutil.rmtree(out.with_name(out.name + ".parts"), ignore_errors=True)
    out.unlink(missing_ok=True)
    with app.app_context():
        t = time.perf_counter()
        count = run_export(ExportFilter(since), out, processes=processes)
        return time.perf_counter() - t, count, out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rulings", type=int, default=1000)
    parser.add_argument("--downloads", type=int, default=40)
    args = parser.parse_args()

    work = Path(tempfile.gettempdir()) / "backoffice-storage-bench"
    work.mkdir(exist_ok=True)
    db_url = f"sqlite:///{work / 'bench.sqlite3'}"
    from tests import dbsetup

    dbsetup.migrate(db_url)
    from datetime import timedelta

    import sqlalchemy as sa
    from pdf_bench import build

    from backoffice.db import db
    from backoffice.rulings.models import IssuedDocument
    from backoffice.rulings.queries import get_ruling
    from backoffice.timeutil import to_platform_tz

    app = make_app(db_url, work)
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    lines = [f"# bench/storage_bench.py — {time.strftime('%Y-%m-%d %H:%M')} on {platform.node()}",
             f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start (machine shared with others)",
             f"# Python {platform.python_version()}, SQLite, {args.rulings} rulings, git {git.stdout.strip()}",
             ""]
    with app.app_context():
        t = time.perf_counter()
        build(app, args.rulings)
        print(f"data set ready in {time.perf_counter() - t:.1f} s", flush=True)
        ids = list(db.session.scalars(sa.text("SELECT id FROM case_decisions ORDER BY id")))[:args.rulings]
        since = to_platform_tz(get_ruling(ids[0]).decided_at).date() - timedelta(days=1)
        # Start from nothing stored, so the baseline export renders every ruling as exports did before.
        db.session.execute(sa.delete(IssuedDocument))
        db.session.commit()
    shutil.rmtree(work / "rulings", ignore_errors=True)
    sample = ids[:: max(1, len(ids) // args.downloads)][:args.downloads]

    base_dl = downloads(app, sample, args.downloads, baseline=True)
    print("baseline downloads done", flush=True)
    base_export, count, size = export(app, work / "export.zip", since, processes=2)
    print(f"baseline export (renders and stores) {base_export:.1f} s", flush=True)
    local_dl = downloads(app, sample, args.downloads, baseline=False)
    local_export, count2, _ = export(app, work / "export.zip", since, processes=2)
    lines += [
        f"download of one issued ruling (zh), server time in-process through the Flask test client, "
        f"{args.downloads} rulings:",
        f"  baseline: rendered on every download (the view before)   {summary(base_dl)}",
        f"  stored, local folder                                     {summary(local_dl)}",
        f"  ratio stored/baseline (medians): {statistics.median(local_dl) / statistics.median(base_dl):.3f}"
        f"   goal: < 20 ms -> {'met' if statistics.median(local_dl) < 0.020 else 'NOT met'}",
        "",
        f"ZIP export of {count} rulings (zh), run_export with Pool(2):",
        f"  baseline: every ruling rendered (and stored, as exports now do)  {base_export:7.2f} s"
        f"  ({count / base_export:.1f} rulings/s), ZIP {size // (1024 * 1024)} MB",
        f"  stored, local folder                                       {local_export:7.2f} s"
        f"  ({count2 / local_export:.0f} rulings/s)",
        f"  ratio stored/baseline: {local_export / base_export:.3f}   goal: < 10 s -> "
        f"{'met' if local_export < 10 else 'NOT met'}",
    ]
    print("\n".join(lines), flush=True)

    from backoffice.storage import storage_for
    from tests.seaweed import running

    with running(work / "seaweed") as server:
        s3_app = make_app(db_url, work, server.config("bench"))
        with app.app_context(), s3_app.app_context():
            local, remote = storage_for("rulings", app), storage_for("rulings", s3_app)
            t = time.perf_counter()
            keys = list(local.keys())
            with ThreadPoolExecutor(8) as pool:
                list(pool.map(lambda key: remote.put(key, local.get(key)), keys))
            copy_time = time.perf_counter() - t
        s3_dl = downloads(s3_app, sample, args.downloads, baseline=False)
        s3_app.config["STORAGE_REDIRECT"] = True
        s3_redirect = downloads(s3_app, sample, args.downloads, baseline=False, redirect=True)
        s3_app.config["STORAGE_REDIRECT"] = False
        s3_export, count3, _ = export(s3_app, work / "export-s3.zip", since, processes=2)
    lines += [
        "",
        f"SeaweedFS {subprocess.run([server_binary(), 'version'], capture_output=True, text=True).stdout.split()[2]}"
        f" (weed server -s3 on loopback, same machine); {len(keys)} stored PDFs copied in {copy_time:.1f} s:",
        f"  download, stored in S3                                   {summary(s3_dl)}",
        f"  ratio S3/baseline (medians): {statistics.median(s3_dl) / statistics.median(base_dl):.3f}"
        f"   goal: < 20 ms -> {'met' if statistics.median(s3_dl) < 0.020 else 'NOT met'}",
        f"  download, redirect to a presigned URL (STORAGE_REDIRECT) {summary(s3_redirect)}",
        f"  ratio redirect/baseline (medians): {statistics.median(s3_redirect) / statistics.median(base_dl):.3f}"
        f"   goal: < 20 ms -> {'met' if statistics.median(s3_redirect) < 0.020 else 'NOT met'}",
        f"  ZIP export of {count3} rulings from S3                        {s3_export:7.2f} s"
        f"  ratio S3/baseline: {s3_export / base_export:.3f}   goal: < 10 s -> "
        f"{'met' if s3_export < 10 else 'NOT met'}",
        "",
        f"# load average at the end {os.getloadavg()[0]:.1f} (1 min), {os.getloadavg()[1]:.1f} (5 min)",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines[-9:]))


def server_binary() -> str:
    from tests.seaweed import weed_binary

    return weed_binary()


if __name__ == "__main__":
    main()
