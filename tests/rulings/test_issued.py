"""Issued rulings are kept, not re-rendered: rendered once per state of their facts, stored, served as stored."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from jinja2 import ChoiceLoader, DictLoader

from backoffice.extensions import db
from backoffice.rulings import issued, verify
from backoffice.rulings.context import content_hash, ruling_facts
from backoffice.rulings.models import IssuedDocument, RulingCopy
from backoffice.rulings.queries import case_ruling, get_ruling
from backoffice.rulings.verify import Verdict
from backoffice.storage import storage_for
from tests.concurrency import run_concurrently

from .conftest import chat

pytestmark = pytest.mark.postgres_only  # rendering is slow; nothing here depends on the database engine


@pytest.fixture
def renders(monkeypatch):
    """Every rendering of a ruling document, counted: (ruling number, language)."""
    seen: list[tuple[str, str]] = []
    real = issued.render_pdf

    def counting(facts, lang, digest):
        seen.append((facts["number"], lang))
        return real(facts, lang, digest)

    monkeypatch.setattr(issued, "render_pdf", counting)
    return seen


@pytest.fixture
def boss(make_user, login):
    make_user("manager", login="boss")
    login("boss")


def documents(ruling_id: int) -> list[IssuedDocument]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(IssuedDocument).filter_by(ruling_id=ruling_id)
                                   .order_by(IssuedDocument.lang, IssuedDocument.id)))


def test_issuing_renders_each_language_once_and_downloads_serve_the_stored_bytes(app, client, boss, make_ruling,
                                                                                  renders):
    ruling = make_ruling()
    stored = issued.store_issued_ruling(ruling.id)
    number = stored[0].number
    assert sorted(renders) == sorted((number, lang) for lang in ("zh", "en", "both"))
    files = storage_for("rulings")
    for lang in ("zh", "en", "both"):
        first = client.get(f"/rulings/{ruling.id}.pdf?lang={lang}")
        second = client.get(f"/rulings/{ruling.id}.pdf?lang={lang}")
        assert first.status_code == second.status_code == 200
        assert "no-store" in first.headers["Cache-Control"]
        assert f"ruling-{number}-{lang}.pdf" in first.headers["Content-Disposition"]
        document = next(d for d in stored if d.lang == lang)
        assert first.data == second.data == files.get(document.storage_key)
    assert len(renders) == 3, "a download rendered the ruling again"
    # Running the job again (a retry, a second worker) renders nothing and stores nothing new.
    issued.store_issued_ruling(ruling.id)
    assert len(renders) == 3
    assert len(documents(ruling.id)) == 3
    assert len(list(files.keys(f"{ruling.id:08d}/"))) == 3


def test_a_stored_download_reads_the_database_four_times_and_never_reloads_after_its_commit(app, client, boss,
                                                                                            make_ruling):
    """The download goal (< 20 ms server time) is mostly database round trips: the session's account and
    sign-in, the ruling, its document. The view's commit must not make the view or the request log read
    the document or the account again (each an extra SELECT before this was measured)."""
    ruling = make_ruling()
    issued.store_issued_ruling(ruling.id)
    client.get(f"/rulings/{ruling.id}.pdf")  # warm: caches of the rule packs, fonts not needed
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", seen)
    try:
        assert client.get(f"/rulings/{ruling.id}.pdf").status_code == 200
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", seen)
    assert len(statements) <= 4, statements
    assert sum("FROM users" in s for s in statements) <= 1, statements


def test_a_ruling_never_stored_is_rendered_on_its_first_download_only(app, client, make_ruling, renders, login,
                                                                      make_user):
    from backoffice.merchants.models import Merchant

    ruling = make_ruling("m-a")
    make_user("merchant", login="shop-a", merchant=db.session.query(Merchant).filter_by(external_id="m-a").one())
    login("shop-a")
    first = client.get(f"/merchant/rulings/{ruling.id}.pdf?lang=en").data
    again = client.get(f"/merchant/rulings/{ruling.id}.pdf?lang=en").data
    assert first == again
    assert first.startswith(b"%PDF-")
    assert [lang for _, lang in renders] == ["en"]
    assert [(d.lang, d.content_sha256) for d in documents(ruling.id)] == [("en", content_hash(ruling_facts(ruling)))]


def test_the_command_stores_what_was_issued_before_documents_were_stored(app, runner, make_ruling, renders):
    first, second = make_ruling("m-a"), make_ruling("m-b")
    issued.store_issued_ruling(first.id)
    renders.clear()
    result = runner.invoke(args=["rulings", "store"])
    assert result.exit_code == 0, result.output
    assert "1 ruling(s)" in result.output
    assert sorted(lang for _, lang in renders) == ["both", "en", "zh"]
    assert len(documents(second.id)) == 3
    assert runner.invoke(args=["rulings", "store", "--all"]).exit_code == 0  # a rerun renders nothing new
    assert len(renders) == 3


def test_a_lost_file_is_rendered_and_stored_again_once(app, client, boss, make_ruling, renders):
    ruling = make_ruling()
    (document,) = [d for d in issued.store_issued_ruling(ruling.id) if d.lang == "zh"]
    storage_for("rulings").delete(document.storage_key)
    renders.clear()
    restored = client.get(f"/rulings/{ruling.id}.pdf").data
    assert client.get(f"/rulings/{ruling.id}.pdf").data == restored
    assert len(renders) == 1
    assert storage_for("rulings").get(documents(ruling.id)[-1].storage_key) is not None
    assert len([d for d in documents(ruling.id) if d.lang == "zh"]) == 1


def _change_the_template(app, monkeypatch):
    """The ruling template as a later release might word it: a line more at the end of the document."""
    source = app.jinja_env.loader.get_source(app.jinja_env, "pdf/ruling.html")[0]
    changed = source.replace("</body>", "<p>本决定书模板已于后续版本更新。Template revised.</p></body>")
    assert changed != source
    monkeypatch.setattr(app.jinja_env, "loader", ChoiceLoader([DictLoader({"pdf/ruling.html": changed}),
                                                                app.jinja_env.loader]))
    monkeypatch.setattr(app.jinja_env, "cache", None)


def test_a_changed_template_changes_no_stored_copy_and_its_copies_still_verify(app, client, boss, make_ruling,
                                                                              monkeypatch, renders):
    ruling = make_ruling()
    issued.store_issued_ruling(ruling.id)
    before = {lang: client.get(f"/rulings/{ruling.id}.pdf?lang={lang}").data for lang in ("zh", "en")}

    _change_the_template(app, monkeypatch)
    facts = ruling_facts(get_ruling(ruling.id))
    fresh = issued.render_pdf(facts, "zh", content_hash(facts))
    assert fresh != before["zh"]  # the change is real: a rendering today is another file
    assert "Template revised" in verify.pdf_text(fresh)
    renders.clear()

    for lang, data in before.items():
        assert client.get(f"/rulings/{ruling.id}.pdf?lang={lang}").data == data
        result = verify.verify_pdf(data)
        assert (result.verdict, result.file_checked, result.content_checked) == (Verdict.match, True, True)
    assert renders == [], "verifying or downloading a stored ruling rendered it again"
    # The public page says so too: the same bytes as issued.
    page = client.post("/rulings/verify", data={"file": (io.BytesIO(before["zh"]), "r.pdf")},
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "flash-success" in page
    assert "逐字节相同" in page
    # A forgery that keeps the genuine number and hash is still caught without a fresh rendering.
    forged = fresh.replace(b"Template revised", b"Template revisec")
    assert not verify.verify_pdf(forged).authentic


def test_storing_the_same_ruling_twice_at_once_keeps_one_document_per_language(app, make_ruling):
    ruling_id = make_ruling().id
    db.session.commit()
    run_concurrently(app, lambda _: issued.store_issued_ruling(ruling_id), range(2))
    docs = documents(ruling_id)
    assert sorted(d.lang for d in docs) == ["both", "en", "zh"]
    assert sorted(storage_for("rulings").keys(f"{ruling_id:08d}/")) == sorted(d.storage_key for d in docs)
    copies = db.session.scalars(sa.select(RulingCopy).filter_by(ruling_id=ruling_id)).all()
    assert sorted(c.lang for c in copies) == ["both", "en", "zh"]


def test_a_decision_through_the_form_stores_the_ruling_once_it_is_committed(app, client, make_user, login,
                                                                            renders):
    from backoffice.cases.models import Case
    from backoffice.ingest.operations import ingest
    from tests.builders import CLI, WECHAT

    app.config["RULINGS_STORE_ON_ISSUE"] = True
    result = ingest(CLI, chat("c-form", "m-form", ("customer", "你好"), ("merchant", WECHAT)))
    db.session.commit()
    case = db.session.get(Case, result.cases_opened[0])
    make_user("reviewer", login="rev")
    login("rev")
    client.post(f"/cases/{case.id}/claim")
    version = re.search(r'name="version" type="hidden" value="(\d+)"',
                        client.get(f"/cases/{case.id}").get_data(as_text=True)).group(1)
    confirm = client.post(f"/cases/{case.id}/decision", data={
        "version": version, "verdict": "violation", "rule": "zbj.offsite_contact", "severity": "general",
        "rationale": "发送微信号", "action": "confirm"})
    assert confirm.status_code == 302
    db.session.expire_all()
    ruling = case_ruling(case.id)
    assert ruling is not None
    assert sorted(d.lang for d in documents(ruling.id)) == ["both", "en", "zh"]
    assert len(renders) == 3


def test_only_committed_rulings_are_stored(app, make_ruling, renders):
    from backoffice.rulings import issuing

    ruling_id = make_ruling().id
    issuing.store_committed()  # what make_ruling's decision issued: dropped, storing is off in the tests
    app.config["RULINGS_STORE_ON_ISSUE"] = True
    issuing.mark_issued(ruling_id)  # an operation whose transaction then rolls back
    db.session.rollback()
    assert issuing.store_committed() == []
    assert renders == []
    issuing.mark_issued(ruling_id)  # the same, committed
    db.session.commit()
    assert issuing.store_committed() == [ruling_id]
    assert len(renders) == 3


def test_issued_rulings_and_exports_live_in_object_storage(s3_app, seaweed, client, boss, make_ruling, renders):
    """The same journey with every file in SeaweedFS: issue, download, export through the page, download the ZIP."""
    import json
    import time
    import zipfile

    from backoffice.db import utcnow
    from backoffice.rulings import jobs
    from backoffice.timeutil import to_platform_tz

    rulings = [make_ruling("m-a"), make_ruling("m-b")]
    stored = {r.id: {d.lang: d for d in issued.store_issued_ruling(r.id)} for r in rulings}
    prefix = s3_app.config["STORAGE_URL"].split("/", 3)[3]
    bucket = seaweed.client()
    for ruling in rulings:
        data = client.get(f"/rulings/{ruling.id}.pdf?lang=en").data
        key = f"{prefix}/rulings/{stored[ruling.id]['en'].storage_key}"
        assert data == bucket.get_object(Bucket=seaweed.bucket, Key=key)["Body"].read()
    assert not Path(s3_app.config["RULING_DIR"]).exists()  # nothing on this machine's disk

    renders.clear()
    today = to_platform_tz(utcnow()).date().isoformat()
    s3_app.config["JOBS_BACKEND"] = "thread"  # the export runs as a job, on this process's job thread
    client.post("/rulings/exports", data={"since": today, "until": today, "lang": "zh"})
    (job,) = jobs.all_jobs()
    deadline = time.monotonic() + 60
    while (status := client.get(f"/rulings/exports/{job['id']}.json").json)["state"] == "running":
        assert time.monotonic() < deadline, status
        time.sleep(0.2)
    assert status["state"] == "done", status
    assert renders == [], "the export rendered rulings that were stored"
    bucket.head_object(Bucket=seaweed.bucket, Key=f"{prefix}/exports/{job['id']}.zip")  # the ZIP is in the bucket
    download = client.get(f"/rulings/exports/{job['id']}.zip")
    assert download.status_code == 200
    with zipfile.ZipFile(io.BytesIO(download.data)) as archive:
        index = json.loads(archive.read("index.json"))
        for entry in index["rulings"]:
            document = stored[entry["ruling_id"]]["zh"]
            assert archive.read(entry["file"]) == storage_for("rulings").get(document.storage_key)
            assert entry["content_sha256"] == document.content_sha256
    assert sorted(r["ruling_id"] for r in index["rulings"]) == sorted(r.id for r in rulings)
