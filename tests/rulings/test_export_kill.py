"""kill -9 in the middle of an export, then the same command again: every ruling once, nothing lost."""

from __future__ import annotations

import json
import zipfile

import pytest

from backoffice.db import utcnow
from backoffice.rulings.export import staging_dir
from backoffice.timeutil import to_platform_tz
from tests.concurrency import flask_command, kill_when


def _export(app, out, tmp_path):
    today = to_platform_tz(utcnow()).date().isoformat()
    return flask_command(app, tmp_path, "rulings", "export", "--since", today, "--processes", "1", "--out", str(out))


@pytest.mark.postgres_only  # one database that two processes share
def test_an_export_killed_mid_way_resumes_with_each_ruling_once(app, make_ruling, tmp_path):
    rulings = [make_ruling(f"m-{n}") for n in range(6)]
    out = tmp_path / "rulings.zip"

    kill_when(_export(app, out, tmp_path), lambda: bool(list(staging_dir(out).glob("*.pdf"))))
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
