"""Evidence never runs in the app's origin: downloads, nosniff and a sandboxing policy on every file."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from backoffice.appeals.models import Evidence
from backoffice.extensions import db

from .conftest import pdf, png

#: A PDF that runs JavaScript when opened (an OpenAction), the way a viewer in the browser would.
SCRIPTED_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R>>endobj\n"
                b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
                b"4 0 obj<</S/JavaScript/JS(app.alert\\(document.cookie\\))>>endobj\n"
                b"trailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture
def filed(client, login, merchant_user, ruling_for):
    """An appeal filed through the web form with a scripted PDF, a photo and a text note."""
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    login("shop")
    files = [(io.BytesIO(SCRIPTED_PDF), "invoice.pdf"), (io.BytesIO(png()), "chat.png"),
             (io.BytesIO("客户先发了微信号\n".encode()), "notes.txt")]
    response = client.post(f"/merchant/rulings/{ruling.id}/appeal", content_type="multipart/form-data",
                           data={"statement": "客户先发的联系方式", "files": files, "action": "submit"})
    assert response.status_code == 302, response.get_data(as_text=True)
    client.post("/logout")
    return {e.name: e for e in db.session.query(Evidence)}


def _inert(response) -> None:
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    policy = [d.strip() for d in response.headers["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy
    assert "default-src 'none'" in policy


@pytest.mark.parametrize(("who", "route"), [("shop", "/merchant/evidence/{id}"), ("senior", "/appeals/evidence/{id}")])
def test_a_pdf_with_javascript_is_a_download_in_a_sandbox(client, login, filed, who, route):
    login(who)
    with client.get(route.format(id=filed["invoice.pdf"].id)) as response:
        _inert(response)
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.mimetype == "application/pdf"
        assert response.data == SCRIPTED_PDF


@pytest.mark.parametrize(("who", "route"), [("shop", "/merchant/evidence/{id}"), ("senior", "/appeals/evidence/{id}")])
def test_text_is_a_download_and_a_photo_is_shown_but_sandboxed(client, login, filed, who, route):
    login(who)
    with client.get(route.format(id=filed["notes.txt"].id)) as text:
        _inert(text)
        assert text.headers["Content-Disposition"].startswith("attachment")
    with client.get(route.format(id=filed["chat.png"].id)) as photo:
        _inert(photo)
        assert not photo.headers.get("Content-Disposition", "inline").startswith("attachment")
        assert photo.mimetype == "image/png"


def test_a_pdf_preview_is_a_picture_of_its_first_page(client, login, filed):
    item = filed["invoice.pdf"]
    assert item.has_thumbnail
    login("senior")
    with client.get(f"/appeals/evidence/{item.id}?thumb=1") as response:
        _inert(response)
        assert response.mimetype == "image/jpeg"
        with Image.open(io.BytesIO(response.data)) as picture:
            assert picture.format == "JPEG"
            assert max(picture.size) <= 320


def test_the_appeal_page_links_pdfs_and_embeds_none(client, login, filed):
    item = filed["invoice.pdf"]
    login("senior")
    page = client.get(f"/appeals/{item.appeal_id}").get_data(as_text=True)
    for tag in ("<iframe", "<embed", "<object"):
        assert tag not in page
    assert f'href="/appeals/evidence/{item.id}" download' in page
    assert f'src="/appeals/evidence/{item.id}?thumb=1"' in page


@pytest.mark.parametrize(("name", "kind"), [("invoice.pdf", "PDF"), ("chat.png", "图片"), ("notes.txt", "文本")])
def test_the_appeal_page_names_each_file_by_kind_in_words_and_keeps_the_hash_to_a_tooltip(client, login, filed,
                                                                                          name, kind):
    item = filed[name]
    login("senior")
    client.post("/language", data={"lang": "zh", "next": "/"})  # the merchant before chose English
    page = client.get(f"/appeals/{item.appeal_id}").get_data(as_text=True)
    line = re.search(rf'<p class="sub" title="SHA-256 {item.sha256}">([^<]*)</p>', page).group(1)
    assert line.split(" · ")[:2] == [name, kind]
    assert item.mime not in page
    assert item.sha256[:12] not in re.sub(r'title="[^"]*"', "", page)


def test_a_pdf_that_cannot_be_drawn_has_no_preview_and_is_still_kept(app, merchant_user, ruling_for):
    from backoffice.appeals import storage

    stored = storage.store(io.BytesIO(pdf()[:40] + b"\n%%EOF\n"), "broken.pdf")
    assert stored.kind == "pdf"
    assert stored.has_thumbnail is False
    assert storage.evidence_storage().exists(storage.key_for(stored.sha256))
