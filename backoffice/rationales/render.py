"""The canned reasons a case offers, their placeholders filled in for that case."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from backoffice.cases.models import Case, Flag, Verdict
from backoffice.db import db
from backoffice.rationales.models import CannedReason

MAX_KEYS = 9  # the digits 1-9 on the case page
QUOTE_CHARS = 200


@dataclass(frozen=True)
class Offered:
    key: int
    reason: CannedReason
    text: str


def of_rule(rule_code: str | None) -> list[CannedReason]:
    if not rule_code:
        return []
    return list(db.session.scalars(sa.select(CannedReason).where(CannedReason.rule_code == rule_code)
                                   .order_by(CannedReason.position, CannedReason.id)))


def fill(body: str, quote: str, measure: str) -> str:
    """Replace exactly the two placeholders; anything else in braces stays as written (no format string,
    so a body can neither reach attributes nor fail on a stray brace). The page escapes the result."""
    return body.replace("{quote}", quote).replace("{measure}", measure)


def offered(case: Case, flags: list[Flag], measures_of) -> list[Offered]:
    """The case's rule's canned reasons, numbered 1-9, each with its text for this case.

    ``measures_of(severity)`` gives the measures a violation of that severity would take now, in words
    (an empty string when none can be computed)."""
    flagged = next((f.message.text for f in flags if f.message is not None and f.case_id == case.id), "")
    quote = f"「{flagged[:QUOTE_CHARS]}」" if flagged else ""
    found = []
    for key, reason in enumerate(of_rule(case.rule_code)[:MAX_KEYS], start=1):
        measure = measures_of(reason.severity or "general") if reason.verdict is Verdict.violation else ""
        found.append(Offered(key, reason, fill(reason.body, quote, measure)))
    return found
