"""kill -9 in the middle of an export, then the same command again: every ruling once, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from backoffice.db import utcnow
from backoffice.rulings.export import staging_dir
from backoffice.timeutil import to_platform_tz


def _export(app, out, tmp_path) -> subprocess.Popen:
    today = to_platform_tz(utcnow()).date().isoformat()
    env = {**os.environ, "BACKOFFICE_DATABASE_URL": app.config["DATABASE_URL"],
           "BACKOFFICE_SECRET_KEY": app.config["SECRET_KEY"], "BACKOFFICE_UPLOAD_DIR": str(tmp_path / "uploads")}
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "backoffice", "rulings", "export",
                             "--since", today, "--processes", "1", "--out", str(out)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.mark.postgres_only  # one database that two processes share
def test_an_export_killed_mid_way_resumes_with_each_ruling_once(app, make_ruling, tmp_path):
    rulings = [make_ruling(f"m-{n}") for n in range(6)]
    out = tmp_path / "rulings.zip"

    first = _export(app, out, tmp_path)
    deadline = time.monotonic() + 120
    while not list(staging_dir(out).glob("*.pdf")) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    log = first.stdout.read().decode()
    first.stdout.close()
    assert first.returncode == -signal.SIGKILL, log  # killed, not finished
    assert not out.exists()
    kept = len(list(staging_dir(out).glob("*.pdf")))
    assert 1 <= kept < len(rulings)

    second = _export(app, out, tmp_path)
    output = second.communicate(timeout=300)[0].decode()
    assert second.returncode == 0, output
    with zipfile.ZipFile(out) as archive:
        pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
        index = json.loads(archive.read("index.json"))
        assert all(archive.read(n).startswith(b"%PDF-") for n in pdfs)
    assert len(pdfs) == len(set(pdfs)) == len(rulings)
    assert sorted(r["ruling_id"] for r in index["rulings"]) == sorted(r.id for r in rulings)
    assert not staging_dir(out).exists()
