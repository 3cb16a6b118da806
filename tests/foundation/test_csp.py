"""The pages keep to their Content-Security-Policy (no inline styles), and the site has an icon."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
STATIC = TEMPLATES.parent / "static"
#: The PDF templates are rendered by WeasyPrint, never served to a browser under the CSP.
INLINE_STYLE = re.compile(r"""\sstyle\s*=|<style[\s>]""", re.I)


def test_no_page_template_carries_an_inline_style(client):
    """``default-src 'self'`` without ``'unsafe-inline'``: a browser refuses (and reports) every style="…"."""
    offending = [str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.html")
                 if p.parts[len(TEMPLATES.parts)] != "pdf" and INLINE_STYLE.search(p.read_text(encoding="utf-8"))]
    assert offending == []
    assert "'unsafe-inline'" not in client.get("/login").headers["Content-Security-Policy"]


def test_the_site_icon_is_served_and_linked(client):
    with client.get("/favicon.ico") as icon:
        assert (icon.status_code, icon.mimetype) == (200, "image/svg+xml")
        assert b"<svg" in icon.data
    login = client.get("/login").get_data(as_text=True)
    href = unescape(re.search(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)"', login).group(1))
    assert href.startswith("data:image/svg+xml,")  # img-src allows data:; no request races a navigation
    assert unquote(href.removeprefix("data:image/svg+xml,")) == (STATIC / "favicon.svg").read_text().strip()
