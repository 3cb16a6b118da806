"""Phone numbers split across consecutive merchant messages ("138" / "0012" / "3456").

Only merchant messages are chained, each within ``window_seconds`` of the
first of the chain and at most ``max_messages`` long. The compact views are
joined (Chinese numeral runs converted again over the joined text, since
幺三八 alone is too short to convert) and a mobile number that crosses a
message boundary yields one part per message, each with its own span.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backoffice.detection.contacts import _MOBILE_RE, ContactDetector
from backoffice.detection.normalize import _NUMERAL_RUN_RE, DIGIT_LIKE, SENTENCE_PUNCT, Views, _numerals


@dataclass(frozen=True, slots=True)
class SplitPart:
    message_index: int
    start: int  # original offsets in that message
    end: int
    number: str  # the joined number


def _edges_digit(c: str) -> tuple[bool, bool]:
    c = c.strip(SENTENCE_PUNCT)
    return (bool(c) and c[0] in DIGIT_LIKE, bool(c) and c[-1] in DIGIT_LIKE)


def find_split_phones(
    items: list[tuple[int, datetime | None, Views]], contacts: ContactDetector
) -> list[SplitPart]:
    """``items``: (message_index, sent_at, views) of the merchant's messages, in order."""
    window, max_n = contacts.split_window, contacts.split_max
    parts: dict[tuple[int, int], SplitPart] = {}
    for a in range(len(items) - 1):
        if not _edges_digit(items[a][2].compact)[1] or items[a][1] is None:
            continue
        chain = [items[a]]
        for b in range(a + 1, min(len(items), a + max_n)):
            t = items[b][1]
            if t is None or (t - items[a][1]).total_seconds() > window:
                break
            starts, ends = _edges_digit(items[b][2].compact)
            if not starts:
                break
            chain.append(items[b])
            if not ends:
                break
        if len(chain) > 1:
            _scan_chain(chain, contacts, parts)
    return sorted(parts.values(), key=lambda p: (p.message_index, p.start))


def _scan_chain(chain, contacts: ContactDetector, parts: dict) -> None:
    pieces, offsets, pos = [], [], 0
    for _, _, v in chain:
        c = v.compact.rstrip(SENTENCE_PUNCT)
        lead = len(c) - len(c.lstrip(SENTENCE_PUNCT))
        pieces.append(c[lead:])
        offsets.append((pos, lead))
        pos += len(c) - lead
    joined = _NUMERAL_RUN_RE.sub(_numerals, "".join(pieces))
    for m in _MOBILE_RE.finditer(joined):
        s, e = m.span(1)
        covered = [k for k, (o, _) in enumerate(offsets) if o < e and s < o + len(pieces[k])]
        if len(covered) < 2 or contacts.number_exempt(joined, s, e):
            continue
        for k in covered:
            o, lead = offsets[k]
            idx, _, v = chain[k]
            cs = max(s, o) - o + lead
            ce = min(e, o + len(pieces[k])) - o + lead
            a, b = v.span(cs, ce)
            parts[(idx, a)] = SplitPart(idx, a, b, m.group(1))
