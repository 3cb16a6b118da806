"""Rendering reaches nothing but the project's own static assets; chat content stays text."""

from __future__ import annotations

import pytest

pdf = pytest.importorskip("backoffice.rulings.pdf")


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "http://example.com/a.png", "https://example.com/a.css", "data:image/png;base64,AAAA",
    "ftp://example.com/x", "asset:../../etc/passwd", "asset:../backoffice/config.py", "asset:css/missing.css",
    "ASSET:css/ruling-pdf.css", "//example.com/a.png",
])
def test_the_fetcher_refuses_everything_but_static_assets(url):
    with pytest.raises(pdf.RefusedURL):
        pdf.StaticOnlyFetcher().fetch(url)


def test_the_fetcher_serves_the_ruling_stylesheet():
    response = pdf.StaticOnlyFetcher().fetch("asset:css/ruling-pdf.css")
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_a_refused_image_is_left_out_of_the_pdf(tmp_path):
    # The fetcher is consulted for <img>; a refusal only drops the image (WeasyPrint logs it).
    data = pdf.html_to_pdf('<p>x</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/a.png">')
    assert data.startswith(b"%PDF-")


def test_html_in_a_message_is_escaped_in_the_document(app, make_ruling):
    from backoffice.rulings.render import ruling_html
    from tests.rulings.conftest import HTML_BAIT

    with app.test_request_context():
        document = ruling_html(make_ruling(), "zh")
    assert HTML_BAIT not in document.html
    assert "<img" not in document.html
    # The flagged URL is marked inside the escaped text.
    assert "&lt;img src=<mark>http://x/a.png&gt;</mark>" in document.html
