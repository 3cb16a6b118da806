"""Check a copy of a ruling: its number and printed hash against the database, then its text.

The hash seals the ruling's facts, but anyone can print a genuine number and hash on a document
they wrote themselves. So a PDF copy whose hash is genuine is also compared, as text, with the
texts the ruling was issued with (``RulingCopy``: every PDF the platform hands out is recorded),
or failing that with the ruling rendered afresh from the record (in the copy's language; as
issued, for an out-of-date copy): a changed measure, date or quote makes it ``altered``.
Whitespace and layout do not count, so a copy re-saved by a PDF viewer still verifies. A typed
number and hash check the hash alone.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from backoffice.rulings.context import (
    HASH_RE,
    NUMBER_RE,
    content_hash,
    get_ruling,
    issued_hash,
    ruling_facts,
    ruling_id_from_number,
)
from backoffice.rulings.copies import was_issued
from backoffice.rulings.pdftext import PdfTextError, pdf_text, squash, text_digest

__all__ = ["PdfTextError", "Result", "Verdict", "pdf_text", "verify_claim", "verify_pdf"]


class Verdict(enum.StrEnum):
    match = "match"  # the copy shows the ruling as it stands now
    issued = "issued"  # an authentic copy from before a later appeal decision or end of the penalty
    mismatch = "mismatch"  # the ruling exists but the copy's hash is not its hash
    altered = "altered"  # genuine number and hash on a text that differs from the ruling on record
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
    claimed = claimed.strip().lower()
    ruling_id = ruling_id_from_number(number)
    ruling = get_ruling(ruling_id) if ruling_id is not None else None
    if ruling is None:
        return Result(Verdict.unknown, number, claimed), None
    facts = ruling_facts(ruling)
    if facts["number"] != number.strip():
        return Result(Verdict.unknown, number, claimed), None
    current = content_hash(facts)
    sealed = None
    if claimed == current:
        verdict, sealed = Verdict.match, facts
    elif "later" in facts and claimed == issued_hash(facts):
        verdict, sealed = Verdict.issued, {k: v for k, v in facts.items() if k != "later"}
    else:
        verdict = Verdict.mismatch
    return Result(verdict, number, claimed, current, facts["effective_at"]), sealed


def verify_pdf(data: bytes) -> Result:
    text = pdf_text(data)
    result, sealed = _check_hash(*claims_in(text))
    if sealed is None:
        return result
    # A text the ruling was issued with (whatever the template printed then), or failing that,
    # the text the template prints now.
    if was_issued(sealed["ruling_id"], result.claimed, text_digest(text)) or same_text(text, sealed, result.claimed):
        return replace(result, content_checked=True)
    return replace(result, verdict=Verdict.altered, content_checked=True)


def same_text(text: str, facts: dict, digest: str) -> bool:
    """Whether ``text`` is the text of the ruling document of ``facts`` in one of its languages."""
    from backoffice.rulings.document import LANG_MODES
    from backoffice.rulings.pdf import html_to_pdf
    from backoffice.rulings.render import document_for

    flat = squash(text)
    # The copy's own language first (one render in the usual case), then the others.
    guess = "both" if "决定书编号" in flat and "Rulingno." in flat else "zh" if "决定书编号" in flat else "en"
    for mode in sorted(LANG_MODES, key=lambda m: m != guess):
        rendered = pdf_text(html_to_pdf(document_for(facts, mode, digest).html))
        if squash(rendered) == flat:
            return True
    return False
