"""Exports: JSON batches of at most 100, every statement checked first, never exported twice; backfill."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from backoffice.extensions import db
from backoffice.transparency.models import StatementOfReasons, StatementTrigger
from tests.transparency.conftest import statements

DAY = date(2026, 11, 2)


@pytest.fixture
def many(open_case):
    """``many(n, day=...)``: n more valid statements (copies of a real one) applied on ``day``."""
    template = None

    def make(n: int, day: date = DAY) -> list[StatementOfReasons]:
        nonlocal template
        if template is None:
            open_case()
            template = statements()[0]
        rows = []
        for _ in range(n):
            k = db.session.scalar(sa.select(sa.func.count()).select_from(StatementOfReasons)) + 1
            payload = {**template.payload, "puid": f"zbj-case-{template.case_id}-automatic-t{k}",
                       "application_date": day.isoformat(), "content_date": day.isoformat()}
            row = StatementOfReasons(puid=payload["puid"], case_id=template.case_id, trigger=StatementTrigger.automatic,
                                     payload=payload, application_date=day, problems=[])
            db.session.add(row)
            db.session.flush()
            rows.append(row)
        db.session.commit()
        return rows

    return make


def files_in(out) -> dict[str, list[dict]]:
    return {p.name: json.loads(p.read_text("utf-8"))["statements"] for p in sorted(out.glob("statements-*.json"))}


def test_batches_hold_at_most_100_and_a_rerun_exports_nothing_twice(runner, many, tmp_path):
    many(205)
    out = tmp_path / "out"
    result = runner.invoke(args=["statements", "export", "--since", "2000-01-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    batches = files_in(out)
    assert list(batches) == ["statements-0001.json", "statements-0002.json", "statements-0003.json"]
    assert [len(b) for b in batches.values()] == [100, 100, 6]  # 205 + the real case's own statement
    puids = [s["puid"] for b in batches.values() for s in b]
    assert len(puids) == len(set(puids)) == 206
    db.session.expire_all()
    rows = statements()
    assert all(r.exported_at is not None for r in rows)
    assert len({r.export_batch for r in rows}) == 3
    assert "206 statement(s) exported in 3 file(s); 0 refused." in result.output

    again = runner.invoke(args=["statements", "export", "--since", "2000-01-01", "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert "0 statement(s) exported in 0 file(s)" in again.output
    assert list(files_in(out)) == list(batches)  # nothing new, nothing overwritten


def test_again_re_exports_a_range_into_new_files(runner, many, tmp_path):
    many(3)
    out = tmp_path / "out"
    assert runner.invoke(args=["statements", "export", "--since", "2026-11-01", "--out", str(out)]).exit_code == 0
    result = runner.invoke(args=["statements", "export", "--since", "2026-11-01", "--until", "2026-11-02",
                                 "--out", str(out), "--again"])
    assert result.exit_code == 0, result.output
    assert list(files_in(out)) == ["statements-0001.json", "statements-0002.json"]
    assert len(files_in(out)["statements-0002.json"]) == 3  # the real case's statement is dated today


def test_the_date_range_is_of_application_days(runner, many, tmp_path):
    many(2, DAY)
    many(1, DAY + timedelta(days=1))
    many(4, DAY + timedelta(days=5))
    out = tmp_path / "out"
    result = runner.invoke(args=["statements", "export", "--since", DAY.isoformat(),
                                 "--until", (DAY + timedelta(days=1)).isoformat(), "--out", str(out)])
    assert result.exit_code == 0, result.output
    [batch] = files_in(out).values()
    assert sorted(s["application_date"] for s in batch) == ["2026-11-02", "2026-11-02", "2026-11-03"]


def test_a_failing_statement_is_listed_with_its_reasons_and_the_command_fails(runner, many, tmp_path):
    rows = many(3)
    bad, leaky = rows[0], rows[1]
    bad.payload = {**bad.payload, "category": "STATEMENT_CATEGORY_SPAM", "content_date": "1999-01-01"}
    leaky.payload = {**leaky.payload, "decision_facts": leaky.payload["decision_facts"] + " 王女士 13800138000"}
    db.session.commit()
    out = tmp_path / "out"
    result = runner.invoke(args=["statements", "export", "--since", "2026-11-01", "--until", "2026-11-02",
                                 "--out", str(out)])
    assert result.exit_code == 1
    [batch] = files_in(out).values()
    assert [s["puid"] for s in batch] == [rows[2].puid]
    assert f"REFUSED {bad.puid}" in result.output
    assert f"REFUSED {leaky.puid}" in result.output
    assert "category: 'STATEMENT_CATEGORY_SPAM' is not an allowed value" in result.output
    assert "content_date: 1999-01-01 is outside" in result.output
    assert "personal data in decision_facts: phone number (138******00)" in result.output
    assert "personal data in decision_facts: name (***)" in result.output
    assert "13800138000" not in result.output
    db.session.expire_all()
    assert db.session.get(StatementOfReasons, bad.id).exported_at is None
    assert db.session.get(StatementOfReasons, bad.id).problems  # stored for the page


def test_check_lists_the_pending_problems(runner, many):
    rows = many(2)
    rows[0].payload = {**rows[0].payload, "puid": "not valid!"}
    db.session.commit()
    result = runner.invoke(args=["statements", "check"])
    assert result.exit_code == 1
    assert "3 pending statement(s), 1 with problems." in result.output
    assert "puid: only letters, digits" in result.output


def test_show_prints_the_statement(runner, many):
    row = many(1)[0]
    result = runner.invoke(args=["statements", "show", row.puid])
    assert result.exit_code == 0, result.output
    assert f'"puid": "{row.puid}"' in result.output
    assert "pending; 0 problem(s)" in result.output


def test_backfill_creates_what_is_missing_once(runner, open_case, decide):
    case = open_case()
    decision = decide(case)
    puids = sorted(r.puid for r in statements())
    payloads = {r.puid: r.payload for r in statements()}
    db.session.execute(sa.delete(StatementOfReasons))  # as before this feature existed
    db.session.commit()
    result = runner.invoke(args=["statements", "backfill"])
    assert result.exit_code == 0, result.output
    assert "2 statement(s) created" in result.output
    rows = statements()
    assert sorted(r.puid for r in rows) == puids
    assert {r.puid: r.payload for r in rows} == payloads  # the same statement as at the time
    assert {r.case_decision_id for r in rows} == {None, decision.id}
    again = runner.invoke(args=["statements", "backfill"])
    assert "0 statement(s) created" in again.output
    assert len(statements()) == 2


def test_backfill_skips_decisions_that_restrict_nothing(runner, open_case, decide):
    case = open_case(("customer", "在吗"), ("merchant", "你脑子有病"), merchant_id="p-1", platform="pdd")
    decide(case, "pdd.negative_service")
    result = runner.invoke(args=["statements", "backfill"])
    assert "0 statement(s) created; 1 decision(s) restrict nothing" in result.output


def test_the_zip_of_the_page_holds_the_same_batches(many, client, login, make_user):
    many(150)
    make_user("manager", "boss")
    login("boss")
    response = client.post("/statements/export", data={"format": "zip"})
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["X-Statements-Exported"] == "151"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = archive.namelist()
    assert names == ["statements-0001.json", "statements-0002.json"]
    sizes = [len(json.loads(archive.read(n))["statements"]) for n in names]
    assert sizes == [100, 51]
    db.session.expire_all()
    assert all(r.exported_at is not None for r in statements())
    second = client.post("/statements/export", data={"format": "zip"})
    assert second.status_code == 302  # nothing left to export


def test_one_batch_from_the_page_takes_at_most_100_and_can_be_downloaded_again(many, client, login, make_user):
    many(120)
    make_user("manager", "boss")
    login("boss")
    response = client.post("/statements/export", data={"format": "batch"})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    batch = json.loads(response.data)["statements"]
    assert len(batch) == 100
    db.session.expire_all()
    exported = [r for r in statements() if r.exported_at]
    assert len(exported) == 100
    assert len({r.export_batch for r in exported}) == 1
    again = client.get(f"/statements/batches/{exported[0].export_batch}.json")
    assert again.status_code == 200
    assert json.loads(again.data)["statements"] == batch
    db.session.expire_all()
    assert sum(1 for r in statements() if r.exported_at) == 100  # downloading again marks nothing
    assert client.get("/statements/batches/nope.json").status_code == 404


def test_rebuild_restores_a_pending_statement_and_never_touches_an_exported_one(runner, open_case, decide, tmp_path):
    case = open_case()
    decide(case)
    automatic, decided = statements()
    good = {r.puid: r.payload for r in (automatic, decided)}
    for row in (automatic, decided):
        row.payload = {**row.payload, "category": "STATEMENT_CATEGORY_SPAM"}
    db.session.commit()
    assert runner.invoke(args=["statements", "check"]).exit_code == 1
    result = runner.invoke(args=["statements", "rebuild", "--with-problems"])
    assert result.exit_code == 0, result.output
    assert f"rebuilt {automatic.puid}: 0 problem(s)" in result.output
    db.session.expire_all()
    assert {r.puid: r.payload for r in statements()} == good
    assert all(r.problems == [] for r in statements())
    assert runner.invoke(args=["statements", "export", "--since", "2000-01-01", "--out", str(tmp_path)]).exit_code == 0
    again = runner.invoke(args=["statements", "rebuild", decided.puid])
    assert again.exit_code == 1
    assert "it stays as submitted" in again.output
    assert runner.invoke(args=["statements", "rebuild", "nope"]).exit_code != 0
