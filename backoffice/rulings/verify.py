"""Check a copy of a ruling: read its number and printed hash, recompute the hash from the database."""

from __future__ import annotations

import enum
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from backoffice.rulings.context import (
    HASH_RE,
    NUMBER_RE,
    content_hash,
    get_ruling,
    issued_hash,
    ruling_facts,
    ruling_id_from_number,
)

MAX_PDF_BYTES = 8 * 1024 * 1024


class Verdict(enum.StrEnum):
    match = "match"  # the copy shows the ruling as it stands now
    issued = "issued"  # an authentic copy from before a later appeal decision or end of the penalty
    mismatch = "mismatch"  # the ruling exists but the copy's hash is not its hash
    unknown = "unknown"  # no ruling has this number
    unreadable = "unreadable"  # no ruling number or hash could be read from the file


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    number: str | None = None
    claimed: str | None = None
    current: str | None = None
    decided_at: str | None = None  # ISO, UTC: the only fact the public page shows

    @property
    def authentic(self) -> bool:
        return self.verdict in (Verdict.match, Verdict.issued)


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


def claims_in(text: str) -> tuple[str | None, str | None]:
    """The ruling number and the full 64-hex-digit hash printed in a ruling's text."""
    number = NUMBER_RE.search(text)
    digest = HASH_RE.search(text)
    return (number.group(0) if number else None), (digest.group(0) if digest else None)


def verify_claim(number: str | None, claimed: str | None) -> Result:
    """Compare a claimed hash with the ruling's current and as-issued hashes."""
    if not number or not claimed:
        return Result(Verdict.unreadable, number, claimed)
    claimed = claimed.strip().lower()
    ruling_id = ruling_id_from_number(number)
    ruling = get_ruling(ruling_id) if ruling_id is not None else None
    if ruling is None:
        return Result(Verdict.unknown, number, claimed)
    facts = ruling_facts(ruling)
    if facts["number"] != number.strip():
        return Result(Verdict.unknown, number, claimed)
    current = content_hash(facts)
    if claimed == current:
        verdict = Verdict.match
    elif "later" in facts and claimed == issued_hash(facts):
        verdict = Verdict.issued
    else:
        verdict = Verdict.mismatch
    return Result(verdict, number, claimed, current, facts["effective_at"])


def verify_pdf(data: bytes) -> Result:
    return verify_claim(*claims_in(pdf_text(data)))
