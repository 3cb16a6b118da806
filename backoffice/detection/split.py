"""Phone numbers split across consecutive merchant messages ("138" / "0012" / "3456").

Only merchant messages are chained, each within ``window_seconds`` of the
first of the chain and at most ``max_messages`` long. The compact views are
joined (Chinese numeral runs converted again over the joined text, since
幺三八 alone is too short to convert) and a mobile number that crosses a
message boundary yields one part per message, each with its own span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import ahocorasick_rs as ac

from backoffice.detection.contacts import _DIGITS_TABLE, _MOBILE_RE, ContactDetector
from backoffice.detection.normalize import _NUMERAL_RUN_RE, DIGIT_LIKE, SENTENCE_PUNCT, Views, _numerals


@dataclass(frozen=True, slots=True)
class SplitPart:
    message_index: int
    start: int  # original offsets in that message
    end: int
    number: str  # the joined number
    kind: str = "phone"  # "phone" or "QQ"
    detail: str = ""


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


# A number given in pieces, one per message: 前三位138 / 中间0012 / 后四位3456, or a QQ
# number after a QQ alias in pieces. Each message of the chain holds exactly one run of
# 3-8 digit-like characters (两 and o/l/i inside runs count) and little else.
_FRAGMENT_RE = re.compile(f"[{DIGIT_LIKE}两]+(?:[oli]+[{DIGIT_LIKE}两]+)*")
_MAX_REST = 8  # characters besides the fragment (前三位, 中间是, 后四位是 ...)


def _fragment(c: str) -> tuple[int, int, str] | None:
    runs = [m for m in _FRAGMENT_RE.finditer(c) if len(m.group(0)) >= 2]
    if len(runs) != 1:
        return None
    m = runs[0]
    digits = m.group(0).translate(_DIGITS_TABLE)
    if not 3 <= len(digits) <= 8 or len(c) - len(digits) > _MAX_REST:
        return None
    return m.start(), m.end(), digits


def find_number_fragments(
    items: list[tuple[int, datetime | None, Views]], contacts: ContactDetector
) -> list[SplitPart]:
    """Numbers given in pieces across consecutive merchant messages (see ``_fragment``):
    a mobile number, or a QQ number when the message before the first piece (or the first
    piece itself) names QQ. One part per message."""
    window, max_n = contacts.split_window, contacts.split_max
    frags = [_fragment(v.compact) if v.text else None for _, _, v in items]
    parts: dict[tuple[int, int], SplitPart] = {}
    for a in range(len(items)):
        if frags[a] is None or items[a][1] is None:
            continue
        chain = [a]
        for b in range(a + 1, min(len(items), a + max_n)):
            t = items[b][1]
            if t is None or (t - items[a][1]).total_seconds() > window or frags[b] is None:
                break
            chain.append(b)
        for end in range(len(chain), 1, -1):  # the longest chain that makes a number
            ks = chain[:end]
            number = "".join(frags[k][2] for k in ks)
            kind = None
            if _MOBILE_RE.fullmatch(number):
                kind = "phone"
            elif 5 <= len(number) <= 11 and number[0] != "0":
                before = items[a - 1][2].compact if a else ""
                first = items[a][2].compact
                if contacts.qq_alias_re.search(before[-6:] + first[:frags[a][0]]):
                    kind = "QQ"
            if kind:
                pieces = " / ".join(frags[k][2] for k in ks)
                for k in ks:
                    idx, _, v = items[k]
                    x, y = v.span(frags[k][0], frags[k][1])
                    parts.setdefault((idx, x), SplitPart(idx, x, y, number, kind,
                                                         f"joined {kind} number {number} ({pieces})"))
                break
    return sorted(parts.values(), key=lambda p: (p.message_index, p.start))


# Conversation context for numbers in pieces. A customer who asked for prices, style or order
# numbers gets numbers back ("套餐都多少钱" / "基础版 138" / "标准版 2680"): pieces that happen to
# join into a mobile number are an answer, not a contact. A customer who spoke of a phone number
# ("名片上那个手机号打不通") and gets a bare 4-8 digit piece back was given (part of) one.
_NUMBER_QUESTION = ("款号", "货号", "单号", "订单", "价格", "多少钱", "报价", "价位", "尺寸", "尺码", "型号",
                    "编号", "规格", "套餐", "几号", "运费")
_PHONE_TALK = ("手机", "电话", "号码", "打不通", "拨", "联系方式")


def _last_customer(messages, index: int) -> str:
    for i in range(index - 1, -1, -1):
        if messages[i][1] == "customer":
            return Views(messages[i][3]).compact
    return ""


def drop_answers(parts: list[SplitPart], messages) -> list[SplitPart]:
    """``parts`` without the numbers whose first piece answers a customer's question about prices,
    style or order numbers (and not about a phone). ``messages``: (index, role, sent_at, text, ...)."""
    first: dict[str, int] = {}
    for p in parts:
        first[p.number] = min(first.get(p.number, p.message_index), p.message_index)
    answered = set()
    for number, index in first.items():
        asked = _last_customer(messages, index)
        if any(w in asked for w in _NUMBER_QUESTION) and not any(w in asked for w in _PHONE_TALK):
            answered.add(number)
    return [p for p in parts if p.number not in answered]


def find_phone_tails(messages, merchant_views: list[tuple[int, datetime | None, Views]],
                     contacts: ContactDetector, follow: int = 3) -> list[SplitPart]:
    """A phone number's piece given alone after the customer spoke of a phone number.

    Within ``follow`` merchant messages after such a customer message, a merchant message that
    is one run of 4-8 digits and little else (see ``_fragment``) is a partial phone number,
    unless those digits are the customer's own (a merchant repeating the customer's number back)
    or a word before or after them makes them something else (订单, 元 ...).
    """
    views = {i: v for i, _, v in merchant_views}
    candidates, told, left = [], [], 0
    for i, role, *_ in messages:
        if role == "customer":
            asked = Views(messages[i][3]).compact
            told.append(asked)
            left = follow if any(w in asked for w in _PHONE_TALK) else 0
            continue
        if role != "merchant" or left == 0 or i not in views:
            continue
        left -= 1
        v = views[i]
        frag = _fragment(v.compact)
        if frag is None or len(frag[2]) < 4 or contacts.number_exempt(v.compact.replace("尾号", "··"), *frag[:2]):
            continue
        candidates.append((i, v, frag))
    if not candidates:
        return []
    # The customer's own digits, all pieces looked for in one pass over everything the customer
    # wrote (one search of it per piece was quadratic in a long conversation).
    pieces = ac.AhoCorasick(list({f[2] for _, _, f in candidates}))
    theirs = set(pieces.find_matches_as_strings("".join(told), overlapping=True))
    out = []
    for i, v, (start, end, digits) in candidates:
        if digits in theirs:
            continue
        a, b = v.span(start, end)
        out.append(SplitPart(i, a, b, digits, "phone", f"part of a phone number after the customer asked: {digits}"))
    return out
