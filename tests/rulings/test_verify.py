"""Verifying a copy: a genuine number and hash on a document that says something else is caught."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from backoffice.rulings import verify
from backoffice.rulings.context import content_hash, ruling_facts
from backoffice.rulings.verify import Verdict

pdf = pytest.importorskip("backoffice.rulings.pdf")


def _render(facts: dict, mode: str, digest: str) -> bytes:
    from backoffice.rulings.render import document_for

    return pdf.html_to_pdf(document_for(facts, mode, digest).html)


def _forged(facts: dict) -> dict:
    """The same ruling with a harsher first measure and another rationale: what a forger would write."""
    measures = [dict(m) for m in facts["measures"]]
    measures[0]["points"] = -400 if "points" in measures[0] else measures[0].get("points")
    return {**facts, "measures": measures, "rationale": "商家严重违规，予以清退并扣除全部保证金。"}


@pytest.mark.postgres_only
def test_genuine_copies_verify_with_their_text_and_forgeries_with_a_genuine_hash_do_not(app, make_ruling,
                                                                                        tmp_path, runner):
    ruling = make_ruling()
    facts = ruling_facts(ruling)
    digest = content_hash(facts)
    for mode in ("zh", "en", "both"):
        result = verify.verify_pdf(_render(facts, mode, digest))
        assert result.verdict is Verdict.match and result.content_checked, mode

    forged = _render(_forged(facts), "zh", digest)
    assert digest in verify.pdf_text(forged).replace("\n", "")
    result = verify.verify_pdf(forged)
    assert result.verdict is Verdict.altered and not result.authentic

    (tmp_path / "forged.pdf").write_bytes(forged)
    cli = runner.invoke(args=["rulings", "verify", str(tmp_path / "forged.pdf")])
    assert cli.exit_code == 1 and cli.output.startswith("ALTERED")

    # A copy re-saved by another PDF program keeps its text: still genuine.
    if shutil.which("pdftocairo"):
        (tmp_path / "copy.pdf").write_bytes(_render(facts, "zh", digest))
        subprocess.run(["pdftocairo", "-pdf", str(tmp_path / "copy.pdf"), str(tmp_path / "resaved.pdf")],  # noqa: S603,S607
                       check=True)
        assert verify.verify_pdf((tmp_path / "resaved.pdf").read_bytes()).verdict is Verdict.match


@pytest.mark.postgres_only
def test_an_out_of_date_copy_is_compared_with_the_ruling_as_issued(app, make_ruling, monkeypatch):
    ruling = make_ruling()
    facts = ruling_facts(ruling)
    issued_copy = _render(facts, "en", content_hash(facts))
    forged_copy = _render(_forged(facts), "en", content_hash(facts))
    # Later, the penalty ended early: the current ruling carries that, the issued copy does not.
    monkeypatch.setattr(verify, "ruling_facts", lambda r: {**facts, "later": {"penalty_state": "overturned"}})
    result = verify.verify_pdf(issued_copy)
    assert result.verdict is Verdict.issued and result.content_checked and result.authentic
    assert verify.verify_pdf(forged_copy).verdict is Verdict.altered


@pytest.mark.postgres_only
def test_the_verify_page_says_what_was_checked(client, make_ruling):
    facts = ruling_facts(make_ruling())
    digest = content_hash(facts)
    typed = client.post("/rulings/verify", data={"number": facts["number"], "sha256": digest}).get_data(as_text=True)
    assert "flash-success" in typed and "本次仅核对了编号和校验值" in typed

    uploaded = client.post("/rulings/verify", data={"file": (_bytes_io(_render(facts, "zh", digest)), "r.pdf")},
                           content_type="multipart/form-data").get_data(as_text=True)
    assert "flash-success" in uploaded and "逐字比对，内容一致" in uploaded

    forged = client.post("/rulings/verify", data={"file": (_bytes_io(_render(_forged(facts), "zh", digest)), "f.pdf")},
                         content_type="multipart/form-data").get_data(as_text=True)
    assert "flash-error" in forged and "文字内容与平台记录的决定书" in forged


def _bytes_io(data: bytes):
    from io import BytesIO

    return BytesIO(data)


@pytest.mark.postgres_only
def test_a_copy_the_platform_issued_verifies_after_the_template_changed(app, client, login, make_user,
                                                                        make_ruling, monkeypatch, tmp_path):
    import sqlalchemy as sa

    from backoffice.extensions import db
    from backoffice.rulings.export import ExportFilter, run_export
    from backoffice.rulings.models import RulingCopy
    from backoffice.timeutil import to_platform_tz

    ruling, other = make_ruling("m-a"), make_ruling("m-b")
    make_user("manager", login="boss")
    login("boss")
    downloaded = client.get(f"/rulings/{ruling.id}.pdf?lang=en").data
    again = client.get(f"/rulings/{ruling.id}.pdf?lang=en").data  # the same text: recorded once
    assert again.startswith(b"%PDF-")
    copies = db.session.scalars(sa.select(RulingCopy).filter_by(ruling_id=ruling.id)).all()
    assert [(c.lang, c.content_sha256) for c in copies] == [("en", content_hash(ruling_facts(ruling)))]

    run_export(ExportFilter(to_platform_tz(ruling.decided_at).date(), lang="both"), tmp_path / "x.zip", processes=0)
    assert {(c.ruling_id, c.lang) for c in db.session.scalars(sa.select(RulingCopy))} == {
        (ruling.id, "en"), (ruling.id, "both"), (other.id, "both")}

    # The document template has since changed: a fresh rendering no longer prints the same text.
    monkeypatch.setattr(verify, "same_text", lambda *a: False)
    assert verify.verify_pdf(downloaded).verdict is Verdict.match
    facts = ruling_facts(ruling)
    assert verify.verify_pdf(_render(_forged(facts), "en", content_hash(facts))).verdict is Verdict.altered


def test_the_ruling_prints_where_to_verify_it(app, make_ruling):
    from backoffice.rulings.render import ruling_html

    ruling = make_ruling()
    assert "（/rulings/verify）" in ruling_html(ruling, "zh").html
    app.config["PUBLIC_URL"] = "https://bo.example.com/"
    both = ruling_html(ruling, "both").html
    assert "（https://bo.example.com/rulings/verify）" in both and "(https://bo.example.com/rulings/verify)" in both
