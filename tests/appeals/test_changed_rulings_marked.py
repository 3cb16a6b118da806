"""Issue 22: an overturned or reduced ruling is marked as such in the rulings list, in the ZIP's
index.json and on page 1 of its PDF; an upheld one is not."""

from __future__ import annotations

import json
import subprocess
import zipfile
from datetime import UTC, datetime

import pytest

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import AppealOutcome
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.rulings.export import ExportFilter, run_export
from backoffice.rulings.facts import ruling_number
from backoffice.rulings.render import ruling_pdf
from backoffice.timeutil import to_platform_tz
from tests.builders import web

# (outcome, what page 1 of the English PDF says, the list's mark in English)
CASES = [
    (AppealOutcome.overturned, "Ruling overturned: every measure reversed", "Ruling overturned"),
    (AppealOutcome.reduced, "Penalty reduced", "Penalty reduced"),
    (AppealOutcome.upheld, None, None),
]


def _first_page(data: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", str(path), "-"],  # noqa: S603,S607
                          capture_output=True, check=True).stdout.decode()


@pytest.mark.postgres_only  # rendering PDFs is slow; nothing here depends on the database
@pytest.mark.parametrize(("outcome", "banner", "mark"), CASES)
def test_a_changed_ruling_says_so_everywhere(app, client, login, merchant_user, ruling_for, staff, tmp_path,
                                            outcome, banner, mark):
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    now = datetime.now(UTC)
    appeal = appeals.start(web(user), ruling, now=now)
    appeals.save_statement(web(user), appeal, "我没有发送联系方式", now=now)
    appeals.submit(web(user), appeal, now=now)
    extra = {"drop": ["deposit_deduction"]} if outcome is AppealOutcome.reduced else {}
    appeals.decide(web(staff.senior), appeal, outcome, "复核结论", **extra)
    db.session.commit()

    page1 = " ".join(_first_page(ruling_pdf(ruling, "en")[1], tmp_path).split())
    if banner:
        assert banner in page1
        assert "Changed on appeal on" in page1
    else:
        assert "Changed on appeal" not in page1

    login("boss")
    client.post("/language", data={"lang": "en"})
    row = client.get("/rulings?platform=zbj").get_data(as_text=True)
    number = ruling_number(ruling)
    cell = row[row.index(number):row.index("</td>", row.index(number))]
    assert (mark in cell) if mark else ("tag-off" not in cell)

    out = tmp_path / "rulings.zip"
    run_export(ExportFilter(to_platform_tz(utcnow()).date(), lang="en"), out, processes=0)
    with zipfile.ZipFile(out) as archive:
        entry = json.loads(archive.read("index.json"))["rulings"][0]
    assert entry["changed_on_appeal"] == (outcome.value if banner else None)
