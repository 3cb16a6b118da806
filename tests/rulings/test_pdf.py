"""The PDF carries the required sections and quotes; a copy verifies until the ruling is tampered with."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from backoffice.extensions import db
from backoffice.rulings.texts import TEXTS
from tests.rulings.conftest import HTML_BAIT, pdf_text

SECTIONS = ("title", "parties", "measures", "facts", "ground", "automation", "redress", "hash", "deadline",
            "evidence", "decision_human", "detected_auto", "origin_own")


def _squash(text: str) -> str:
    return "".join(text.split())


# Rendering PDFs is slow; the database-independent part runs on PostgreSQL alone.
@pytest.mark.postgres_only
def test_pdf_in_chinese_and_english_and_verify(app, client, runner, make_ruling, make_user, login,
                                               tmp_path):
    ruling = make_ruling()
    make_user("manager", login="boss")
    login("boss")
    texts = {}
    for lang in ("zh", "en"):
        response = client.get(f"/rulings/{ruling.id}.pdf?lang={lang}")
        assert response.status_code == 200
        assert response.mimetype == "application/pdf"
        texts[lang] = text = pdf_text(response.data, tmp_path)
        flat = _squash(text)
        with force_locale(lang):
            for key in SECTIONS:
                assert _squash(str(TEXTS[key]))[:14] in flat, (lang, key)
            page = str(TEXTS["page"]).format(page=1, pages=2)
        assert _squash(page)[:6] in flat
        # The quoted message: id, masked flagged id, HTML kept as text; the rule by clause and version.
        assert "#msg-2" in text
        assert "a******5" in text
        assert "abc12345" not in text
        assert HTML_BAIT in _squash(text).replace("imgsrc", "img src")
        assert "王**" in text
        assert "王女士" not in text
        assert "zbj-2024.2" in text
        assert "zbj.offsite_contact" in text
        (tmp_path / f"ruling-{lang}.pdf").write_bytes(response.data)
    assert "猪八戒网" in texts["zh"]
    assert "引导脱离平台沟通" in texts["zh"]

    result = runner.invoke(args=["rulings", "verify", str(tmp_path / "ruling-en.pdf")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("MATCH")

    ruling.rationale = "改过的理由"
    db.session.commit()
    result = runner.invoke(args=["rulings", "verify", str(tmp_path / "ruling-zh.pdf")])
    assert result.exit_code == 1
    assert result.output.startswith("MISMATCH")


@pytest.mark.postgres_only
def test_the_signature_block_never_stands_alone_on_the_last_page(app, make_ruling, tmp_path):
    """Lengthen the findings two lines at a time until the ruling needs another page: on every
    length the page with the hash and seal also carries the end of the text before it."""
    from backoffice.rulings.queries import get_ruling
    from backoffice.rulings.render import ruling_pdf

    ruling = make_ruling()
    base, pages_seen = ruling.rationale, set()
    for extra in range(0, 120, 2):
        ruling.rationale = base + "".join(f"\n补充说明第 {n} 行。" for n in range(extra))
        db.session.commit()
        _, data = ruling_pdf(get_ruling(ruling.id), "en")
        pages = pdf_text(data, tmp_path).split("\f")[:-1]
        pages_seen.add(len(pages))
        last = next(p for p in pages if "Content SHA-256" in p)
        assert "Courts:" in last, f"{extra} extra lines: the signature block is alone on page {len(pages)}"
        if len(pages_seen) > 1:
            break
    assert len(pages_seen) > 1, "the findings never grew the ruling by a page"


def test_an_english_ruling_marks_what_it_quotes_in_chinese(app, make_ruling):
    from backoffice.rulings.render import ruling_html

    ruling = make_ruling()
    english = ruling_html(ruling, "en").html
    assert english.count("(original in Chinese)") == 3  # findings, source document, clause
    assert "original in Chinese" not in ruling_html(ruling, "both").html  # the Chinese is right there
    ruling.rationale = "The merchant sent a WeChat id."
    db.session.commit()
    assert ruling_html(ruling, "en").html.count("(original in Chinese)") == 2


@pytest.mark.parametrize(("measure", "ends"), [
    ({"type": "removal", "starts_at": "2026-03-01T02:00:00+00:00"}, "permanent"),  # issue 22: no end date
    ({"type": "mute", "permanent": True, "starts_at": "2026-03-01T02:00:00+00:00"}, "permanent"),
    ({"type": "search_demotion", "until_lifted": True, "starts_at": "2026-03-01T02:00:00+00:00"}, "until lifted"),
    ({"type": "deposit_deduction", "requested": "5000.00", "applied": "5000.00",
      "starts_at": "2026-03-01T02:00:00+00:00"}, "one-off"),
])
def test_the_end_column_of_each_measure(app, measure, ends):
    from backoffice.rulings.document import _rows
    from backoffice.rulings.texts import texts_for

    with app.test_request_context():
        (row,) = _rows([measure], texts_for("en"))
    assert row["ends"] == ends
