"""Customers' messages against the fraud patterns of their platform's pack (``customer_rules.scan``).

Pure: messages and patterns in, hits out. Merchants' messages are judged by the main scanner; here
only the customer's own words count, and a hit only opens a case for a reviewer.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from backoffice.policy.customer_rules import FraudPattern


@dataclass(frozen=True)
class CustomerHit:
    message_index: int
    pattern: str  # the FraudPattern's key
    rule: str
    confidence: float
    start: int  # offsets into the original text
    end: int
    matched: str


def fold(text: str) -> tuple[str, list[int]]:
    """NFKC, lower case and no white space; with each folded character's index in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char).lower():
            if not folded.isspace():
                chars.append(folded)
                origin.append(i)
    return "".join(chars), origin


@functools.lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def scan_customer_messages(messages: Sequence[dict], patterns: Iterable[FraudPattern]) -> list[CustomerHit]:
    """One hit per customer message and pattern (its first match), in message order."""
    patterns = tuple(patterns)
    hits = []
    for index, message in enumerate(messages):
        if message.get("sender_role") != "customer" or not message.get("text"):
            continue
        text = message["text"]
        folded, origin = fold(text)
        for pattern in patterns:
            found = _compiled(pattern.patterns).search(folded)
            if found is None or found.end() == found.start():
                continue
            start, end = origin[found.start()], origin[found.end() - 1] + 1
            hits.append(CustomerHit(index, pattern.key, pattern.rule, pattern.confidence, start, end,
                                    text[start:end]))
    return hits
