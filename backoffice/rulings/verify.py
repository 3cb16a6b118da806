"""Check a copy of a ruling: its number and printed hash against the database, then its file and text.

The hash seals the ruling's facts, but anyone can print a genuine number and hash on a document
they wrote themselves. So a PDF copy whose hash is genuine must also be a file the platform
issued (``RulingCopy``: every PDF the platform hands out is recorded, and since rulings are kept
(rulings/issued.py) the file handed out is the stored one, whatever fonts or templates say today;
for rulings issued before that, rendering is deterministic, so a fresh render counts too). A hash
the ruling carried in an earlier state (between an appeal decision and the penalty's end, say) is
genuine when the platform issued a copy with it and something later has happened since.

Failing that, its text is compared with the texts the ruling was issued with, or (for a state that
was never stored) with a fresh render in the copy's language, as issued for an out-of-date copy:
a changed measure, date or quote makes it ``altered``; the same text in a file
the platform never issued is only ``text_match``, not authentic, because what a page shows can be
changed without changing its text (a white box over a measure). A copy re-saved by a PDF viewer
lands there too. A typed number and hash check the hash alone.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, replace

from backoffice.rulings.context import HASH_RE, content_hash, issued_hash, ruling_facts
from backoffice.rulings.copies import file_was_issued, hash_was_issued, text_was_issued
from backoffice.rulings.facts import NUMBER_RE, ruling_id_from_number
from backoffice.rulings.issued import is_stored
from backoffice.rulings.pdftext import PdfTextError, pdf_text, squash, text_digest
from backoffice.rulings.queries import ruling_by_number

__all__ = ["PdfTextError", "Result", "Verdict", "pdf_text", "verify_claim", "verify_pdf"]


class Verdict(enum.StrEnum):
    match = "match"  # the copy shows the ruling as it stands now
    issued = "issued"  # an authentic copy from before a later appeal decision or end of the penalty
    mismatch = "mismatch"  # the ruling exists but the copy's hash is not its hash
    altered = "altered"  # genuine number and hash on a text that differs from the ruling on record
    text_match = "text_match"  # the text is the ruling's, but the file is not one the platform issued
    unknown = "unknown"  # no ruling has this number
    unreadable = "unreadable"  # no ruling number or hash could be read from the file


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    number: str | None = None
    claimed: str | None = None
    current: str | None = None
    decided_at: str | None = None  # ISO, UTC: the only fact the public page shows
    content_checked: bool = False  # the copy's text was compared with the record (PDF uploads)
    file_checked: bool = False  # the uploaded file is byte for byte one the platform issued

    @property
    def authentic(self) -> bool:
        return self.verdict in (Verdict.match, Verdict.issued)


def claims_in(text: str) -> tuple[str | None, str | None]:
    """The ruling number and the full 64-hex-digit hash printed in a ruling's text."""
    number = NUMBER_RE.search(text)
    digest = HASH_RE.search(text)
    return (number.group(0) if number else None), (digest.group(0) if digest else None)


def verify_claim(number: str | None, claimed: str | None) -> Result:
    """Compare a claimed hash with the ruling's current and as-issued hashes."""
    return _check_hash(number, claimed)[0]


def _check_hash(number: str | None, claimed: str | None) -> tuple[Result, dict | None]:
    """The verdict on the hash, and the facts it sealed (current, or as issued) when it is genuine."""
    if not number or not claimed:
        return Result(Verdict.unreadable, number, claimed), None
    number, claimed = number.strip().upper(), claimed.strip().lower()
    ruling = ruling_by_number(number)
    if ruling is None:
        return Result(Verdict.unknown, number, claimed), None
    facts = ruling_facts(ruling)
    current = content_hash(facts)
    sealed = None
    if claimed == current:
        verdict, sealed = Verdict.match, facts
    elif "later" in facts and claimed == issued_hash(facts):
        verdict, sealed = Verdict.issued, {k: v for k, v in facts.items() if k != "later"}
    elif "later" in facts and hash_was_issued(ruling.id, claimed):
        # An earlier state the platform issued: after an appeal decision, before the penalty's end.
        verdict = Verdict.issued
    else:
        verdict = Verdict.mismatch
    return Result(verdict, number, claimed, current, facts["effective_at"]), sealed


def verify_pdf(data: bytes) -> Result:
    text = pdf_text(data)
    result, sealed = _check_hash(*claims_in(text))
    if not result.authentic:
        return result
    ruling_id, file_digest = ruling_id_from_number(result.number), hashlib.sha256(data).hexdigest()
    if file_was_issued(ruling_id, result.claimed, file_digest):
        return replace(result, content_checked=True, file_checked=True)
    # A state whose documents are stored is compared with what was issued, never with a render of today.
    stored = sealed is None or is_stored(ruling_id, result.claimed)
    rendered = None if stored else fresh_render(text, sealed, result.claimed)
    if rendered is not None and hashlib.sha256(rendered[0]).hexdigest() == file_digest:
        return replace(result, content_checked=True, file_checked=True)
    # A text the ruling was issued with (whatever the template printed then), or the one it prints now.
    if text_was_issued(ruling_id, result.claimed, text_digest(text)) or rendered is not None:
        return replace(result, verdict=Verdict.text_match, content_checked=True)
    return replace(result, verdict=Verdict.altered, content_checked=True)


def fresh_render(text: str, facts: dict, digest: str) -> tuple[bytes, str] | None:
    """The ruling of ``facts`` rendered now, in the language whose text is ``text``: (PDF, mode),
    or None when no language gives that text."""
    from backoffice.rulings.document import LANG_MODES
    from backoffice.rulings.pdf import html_to_pdf
    from backoffice.rulings.render import document_for

    flat = squash(text)
    # The copy's own language first (one render in the usual case), then the others.
    guess = "both" if "决定书编号" in flat and "Rulingno." in flat else "zh" if "决定书编号" in flat else "en"
    for mode in sorted(LANG_MODES, key=lambda m: m != guess):
        data = html_to_pdf(document_for(facts, mode, digest).html)
        if squash(pdf_text(data)) == flat:
            return data, mode
    return None
