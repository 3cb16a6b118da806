"""The text of a PDF (poppler's pdftotext), and its digest: how copies of rulings are compared."""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from pathlib import Path

MAX_PDF_BYTES = 8 * 1024 * 1024


class PdfTextError(ValueError):
    """The file is not a PDF whose text can be read."""


def pdf_text(data: bytes, timeout: float = 20) -> str:
    """The text of a PDF (poppler's pdftotext), for files that claim to be rulings."""
    if not data.startswith(b"%PDF-") or len(data) > MAX_PDF_BYTES:
        raise PdfTextError("not a PDF file, or too large")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "copy.pdf"
        path.write_bytes(data)
        try:
            done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,  # noqa: S603,S607
                                  timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfTextError(f"pdftotext failed: {exc}") from exc
    if done.returncode != 0:
        raise PdfTextError("pdftotext could not read the file")
    return done.stdout.decode("utf-8", "replace")


def squash(text: str) -> str:
    """The text without whitespace: line breaks and spacing depend on the layout, not the content."""
    return "".join(text.split())


def text_digest(text: str) -> str:
    return hashlib.sha256(squash(text).encode()).hexdigest()


def pdf_text_digest(data: bytes) -> str:
    return text_digest(pdf_text(data))
