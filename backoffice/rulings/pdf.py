"""HTML to PDF with WeasyPrint, locked down: only the project's own static assets can be fetched.

Import this module only where PDFs are made (importing WeasyPrint takes about half a second).
One ``FontConfiguration`` and one parsed ruling stylesheet are shared by every document of the
process: the font lookups stay warm, the memory lower (shared/PERFORMANCE.md B.2), and neither the
stylesheet nor its ``@font-face`` fonts are read again for each document.
"""

from __future__ import annotations

import mimetypes
import warnings
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from backoffice.config import PROJECT_ROOT

STATIC_ROOT = (PROJECT_ROOT / "static").resolve()
ASSET_SCHEME = "asset:"
FONT_CONFIG = FontConfiguration()


class RefusedURL(ValueError):
    """A document asked for something outside the project's static assets."""


class StaticOnlyFetcher(URLFetcher):
    """Serves ``asset:<path under static/>`` and refuses every other URL (file:, http(s):, data:, ...)."""

    def __init__(self, root: Path = STATIC_ROOT) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False)
        self.root = root

    def fetch(self, url, headers=None):
        if not url.startswith(ASSET_SCHEME):
            raise RefusedURL(f"refused to fetch {url[:80]!r}: only {ASSET_SCHEME} URLs are allowed")
        relative = url[len(ASSET_SCHEME):].split("?")[0].split("#")[0].lstrip("/")
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise RefusedURL(f"refused to fetch {url[:80]!r}: not a static asset")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})


RULING_CSS = CSS(filename=STATIC_ROOT / "css" / "ruling-pdf.css", base_url=ASSET_SCHEME,
                 url_fetcher=StaticOnlyFetcher(), font_config=FONT_CONFIG)


def html_to_pdf(html: str) -> bytes:
    """Render a complete HTML document (autoescaped by its template) to PDF bytes, in the ruling style."""
    document = HTML(string=html, base_url=ASSET_SCHEME, url_fetcher=StaticOnlyFetcher())
    with warnings.catch_warnings():
        # fontTools warns about CFF table quirks of the system CJK font while subsetting; harmless.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"fontTools\..*")
        return document.write_pdf(stylesheets=[RULING_CSS], font_config=FONT_CONFIG)
