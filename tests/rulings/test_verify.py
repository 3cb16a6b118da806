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
        assert result.verdict is Verdict.match, mode
        assert result.content_checked, mode

    forged = _render(_forged(facts), "zh", digest)
    assert digest in verify.pdf_text(forged).replace("\n", "")
    result = verify.verify_pdf(forged)
    assert result.verdict is Verdict.altered
    assert not result.authentic

    (tmp_path / "forged.pdf").write_bytes(forged)
    cli = runner.invoke(args=["rulings", "verify", str(tmp_path / "forged.pdf")])
    assert cli.exit_code == 1
    assert cli.output.startswith("ALTERED")

    # A copy re-saved by another PDF program keeps its text, but the platform cannot vouch for its pages.
    if shutil.which("pdftocairo"):
        (tmp_path / "copy.pdf").write_bytes(_render(facts, "zh", digest))
        subprocess.run(["pdftocairo", "-pdf", str(tmp_path / "copy.pdf"), str(tmp_path / "resaved.pdf")],  # noqa: S603,S607
                       check=True)
        resaved = verify.verify_pdf((tmp_path / "resaved.pdf").read_bytes())
        assert resaved.verdict is Verdict.text_match
        assert not resaved.authentic


@pytest.mark.postgres_only
def test_a_copy_with_the_text_intact_but_a_measure_hidden_or_bytes_added_is_not_certified(app, make_ruling,
                                                                                        tmp_path, runner):
    from backoffice.rulings.render import document_for

    facts = ruling_facts(make_ruling())
    digest = content_hash(facts)
    genuine = _render(facts, "zh", digest)
    # The measures drawn in white: the text layer is unchanged, the reader sees no penalty.
    html = document_for(facts, "zh", digest).html.replace("</style>", ".measures td { color: #fff }</style>", 1)
    hidden = pdf.html_to_pdf(html)
    assert verify.squash(verify.pdf_text(hidden)) == verify.squash(verify.pdf_text(genuine))
    for copy in (hidden, genuine + b"\n% appended\n", genuine[:-200] + genuine[-200:].replace(b"0", b"1", 1)):
        try:
            result = verify.verify_pdf(copy)
        except verify.PdfTextError:
            continue  # no longer a readable PDF: refused outright
        assert not result.authentic, result
    assert verify.verify_pdf(hidden).verdict is Verdict.text_match
    exact = verify.verify_pdf(genuine)  # rendering is deterministic: a fresh render is the issued file
    assert exact.verdict is Verdict.match
    assert exact.file_checked

    (tmp_path / "hidden.pdf").write_bytes(hidden)
    cli = runner.invoke(args=["rulings", "verify", str(tmp_path / "hidden.pdf")])
    assert cli.exit_code == 1
    assert cli.output.startswith("TEXT ONLY")


@pytest.mark.postgres_only
def test_an_out_of_date_copy_is_compared_with_the_ruling_as_issued(app, make_ruling, monkeypatch):
    ruling = make_ruling()
    facts = ruling_facts(ruling)
    issued_copy = _render(facts, "en", content_hash(facts))
    forged_copy = _render(_forged(facts), "en", content_hash(facts))
    # Later, the penalty ended early: the current ruling carries that, the issued copy does not.
    monkeypatch.setattr(verify, "ruling_facts", lambda r: {**facts, "later": {"penalty_state": "overturned"}})
    result = verify.verify_pdf(issued_copy)
    assert result.verdict is Verdict.issued
    assert result.content_checked
    assert result.authentic
    assert verify.verify_pdf(forged_copy).verdict is Verdict.altered


@pytest.mark.postgres_only
def test_the_verify_page_says_what_was_checked(client, make_ruling):
    facts = ruling_facts(make_ruling())
    digest = content_hash(facts)
    typed = client.post("/rulings/verify", data={"number": facts["number"], "sha256": digest}).get_data(as_text=True)
    assert "flash-success" in typed
    assert "本次仅核对了编号和校验值" in typed

    uploaded = client.post("/rulings/verify", data={"file": (_bytes_io(_render(facts, "zh", digest)), "r.pdf")},
                           content_type="multipart/form-data").get_data(as_text=True)
    assert "flash-success" in uploaded
    assert "逐字节相同" in uploaded

    resaved = client.post("/rulings/verify", data={
        "file": (_bytes_io(_render(facts, "zh", digest) + b"\n"), "r.pdf")}, content_type="multipart/form-data")
    assert "flash-error" in resaved.get_data(as_text=True)
    assert "并非平台出具的文件" in resaved.get_data(as_text=True)

    lower = client.post("/rulings/verify", data={"number": facts["number"].lower(), "sha256": digest.upper()})
    assert "flash-success" in lower.get_data(as_text=True)
    unknown = client.post("/rulings/verify", data={"number": "ZBJ-20260101-999999", "sha256": digest})
    assert "没有编号为 ZBJ-20260101-999999 的决定书" in unknown.get_data(as_text=True)
    empty = client.post("/rulings/verify", data={"number": facts["number"], "sha256": ""}).get_data(as_text=True)
    assert "请上传决定书 PDF，或同时输入其编号和末尾印有的 SHA-256 校验值" in empty

    forged = client.post("/rulings/verify", data={"file": (_bytes_io(_render(_forged(facts), "zh", digest)), "f.pdf")},
                         content_type="multipart/form-data").get_data(as_text=True)
    assert "flash-error" in forged
    assert "文字内容与平台记录的决定书" in forged


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
    monkeypatch.setattr(verify, "fresh_render", lambda *a: None)
    assert verify.verify_pdf(downloaded).verdict is Verdict.match
    facts = ruling_facts(ruling)
    assert verify.verify_pdf(_render(_forged(facts), "en", content_hash(facts))).verdict is Verdict.altered


def test_the_ruling_prints_where_to_verify_it(app, make_ruling):
    from backoffice.rulings.render import ruling_html

    ruling = make_ruling()
    # Issue 22: always absolute; a development machine's own address when none is configured.
    assert "（http://127.0.0.1:5000/rulings/verify）" in ruling_html(ruling, "zh").html
    app.config["PUBLIC_URL"] = "https://bo.example.com/"
    both = ruling_html(ruling, "both").html
    assert "（https://bo.example.com/rulings/verify）" in both
    assert "(https://bo.example.com/rulings/verify)" in both
