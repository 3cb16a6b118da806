"""Find personal data in a statement's text before it leaves the platform (DSA Art. 24(5)).

Statements are written from structured data (``build.py``) and never copy a reviewer's rationale,
a note or a message. This scan is the safety net: whatever it finds keeps the statement from
being exported, and is reported with a masked excerpt.

What it looks for, in every string of the statement:

* patterns: Chinese mobile numbers (also spaced, dashed, with +86, in full-width or Chinese
  numerals), landlines and 400/800 numbers, e-mail addresses, QQ numbers and WeChat ids (after
  an alias, through the detector's evasion-aware views, ``detection/contacts.py``), resident ID
  card numbers, bank-card numbers (Luhn), URLs and @handles;
* what is known about the case (``Known``): the merchant's and the customer's names and account
  ids, the conversation id, contact details the detector flagged, and the conversation's messages
  (a run of their text must not reappear in the statement).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from backoffice.detection.normalize import Views, fold, normalize
from backoffice.transparency.schema import ARRAY_ENUMS, ENUMS

#: Separators people put inside numbers: 138 0013 8000, 138-0013-8000, (010) 1234 5678.
_IN_NUMBER = re.compile(r"(?<=\d)[\s\-\u2010-\u2015.·()（）]+(?=\d)")
_MOBILE = re.compile(r"(?<!\d)(?:\+?0{0,2}86)?1[3-9]\d{9}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(?:0[1-9]\d{1,2}\d{7,8}|[48]00\d{7})(?!\d)")
_ID_CARD = re.compile(r"(?<![\dA-Za-z])(\d{6})((?:19|20)\d{2})(\d{2})(\d{2})\d{3}[\dXx](?![\dA-Za-z])")
_ID_CARD_15 = re.compile(r"(?<![\dA-Za-z])\d{6}(\d{2})(\d{2})(\d{2})\d{3}(?![\dA-Za-z])")
_CARD = re.compile(r"(?<!\d)\d{16,19}(?!\d)")
_LONG_NUMBER = re.compile(r"(?<!\d)\d{12,}(?!\d)")
_EMAIL = re.compile(r"[a-z0-9][a-z0-9._%+\-]*\s*(?:@|＠|\(at\)|\[at\])\s*"
                    r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}")
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![@\w.\-])[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*"
                  r"\.(?:com|cn|net|org|top|xyz|vip|cc|me|io|shop|info|co|tv|club|site|online|wang|ltd|link|app)"
                  r"(?:/\S*)?(?![a-z])")
_HANDLE = re.compile(r"(?<![\w.@])@[\w\u4e00-\u9fff][\w\u4e00-\u9fff.\-]{1,30}")
_QQ = re.compile(r"(?:qq|扣扣|企鹅)\s*(?:号码|号|群号|群)?\s*[:：]?\s*[1-9]\d{4,10}(?!\d)")
_WECHAT = re.compile(r"(?:wechat|weixin|微信|vx|wx)\s*(?:id|号|账号)?\s*[:：]\s*[a-z][a-z0-9_\-]{5,19}"
                     r"|wxid_?[a-z0-9]{4,20}")
_CJK = re.compile(r"[\u3400-\u9fff]")
#: Detector hits that are personal data (not e.g. a bare "add me on WeChat", which is speech).
_DETECTOR_KINDS = {"phone": "phone number", "landline": "phone number", "qq_number": "QQ number",
                   "wechat_id": "WeChat id", "email": "e-mail address"}
#: Runs of message text that count as quoting: with Chinese, this many compact characters;
#: in Latin text a much longer run (our own English phrasing shares short runs with anyone's).
QUOTE_CJK, QUOTE_LATIN = 8, 40


@dataclass(frozen=True)
class Finding:
    field: str
    kind: str
    excerpt: str  # masked: enough for staff to find it, not a copy of it

    def __str__(self) -> str:
        return f"personal data in {self.field}: {self.kind} ({self.excerpt})"


@dataclass(frozen=True)
class Known:
    """What is known about the people of one case; none of it may appear in its statement."""

    names: tuple[str, ...] = ()  # shop and people's names
    identifiers: tuple[str, ...] = ()  # account, conversation and contact identifiers
    texts: tuple[str, ...] = ()  # messages, attachment text and reports: never quoted
    #: Text the statement may contain although a message might quote it too (the rule's own wording).
    trusted: tuple[str, ...] = field(default=())


def mask(token: str) -> str:
    token = token.strip()
    if len(token) <= 4:
        return "*" * len(token)
    keep = 3 if len(token) > 8 else 1
    return token[:keep] + "*" * (len(token) - keep - 2) + token[-2:]


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _birthday(year: str, month: str, day: str) -> bool:
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _contact_detector():
    from backoffice.detection.runtime import current_scanner

    return current_scanner().contacts


def patterns(text: str, *, urls: bool = True) -> list[tuple[str, str]]:
    """(kind, matched text) for each personal-data pattern in ``text``."""
    found: list[tuple[str, str]] = []
    folded = fold(text)
    digits = _IN_NUMBER.sub("", folded)
    for m in _ID_CARD.finditer(digits):
        if _birthday(m.group(2), m.group(3), m.group(4)):
            found.append(("ID card number", m.group(0)))
    for m in _ID_CARD_15.finditer(digits):
        if _birthday("19" + m.group(1), m.group(2), m.group(3)):
            found.append(("ID card number", m.group(0)))
    for m in _MOBILE.finditer(digits):
        found.append(("phone number", m.group(0)))
    for m in _LANDLINE.finditer(digits):
        found.append(("phone number", m.group(0)))
    for m in _CARD.finditer(digits):
        if _luhn(m.group(0)):
            found.append(("bank card number", m.group(0)))
    for m in _LONG_NUMBER.finditer(digits):
        if not any(m.group(0) in f for _, f in found):
            found.append(("long number (order, card or account number)", m.group(0)))
    emails = list(_EMAIL.finditer(folded))
    found += [("e-mail address", m.group(0)) for m in emails]
    found += [("QQ number", m.group(0)) for m in _QQ.finditer(folded)]
    found += [("WeChat id", m.group(0)) for m in _WECHAT.finditer(folded)]
    if urls:
        for m in _URL.finditer(folded):
            if not any(e.start() <= m.start() < e.end() for e in emails):
                found.append(("URL", m.group(0)))
        found += [("user handle", m.group(0)) for m in _HANDLE.finditer(folded)
                  if not any(e.start() <= m.start() < e.end() for e in emails)]
    # The detector's views see through evasions (幺三八…, 威❤, split digits).
    views = Views(text)
    for hit in _contact_detector().detect(views.compact, views.s):
        kind = _DETECTOR_KINDS.get(hit.detector)
        if kind is None:
            continue
        a, b = views.span(hit.start, hit.end, hit.view)
        matched = text[a:b]
        if hit.detector == "wechat_id" and not re.search(r"\d|wxid", matched, re.IGNORECASE):
            continue  # an English phrase after "WeChat" is not an id
        found.append((kind, matched))
    return found


def _identifier_pattern(ident: str) -> re.Pattern | None:
    ident = fold(ident).strip()
    digits = re.sub(r"\D", "", ident)
    if digits == re.sub(r"[\s\-]", "", ident) and len(digits) >= 5:
        return re.compile(rf"(?<!\d){digits}(?!\d)")
    if len(ident) < 3 or not ident.isascii():
        return None
    return re.compile(rf"(?<![a-z0-9]){re.escape(ident)}(?![a-z0-9])")


def _runs(text: str) -> Iterable[str]:
    """The compact runs of ``text`` that would count as quoting it."""
    c = normalize(text)
    for i in range(len(c)):
        short = c[i:i + QUOTE_CJK]
        if len(short) == QUOTE_CJK and len(_CJK.findall(short)) >= 3:
            yield short
        long = c[i:i + QUOTE_LATIN]
        if len(long) == QUOTE_LATIN:
            yield long


class KnownIndex:
    """``Known`` prepared for repeated scans."""

    def __init__(self, known: Known) -> None:
        names = {x.strip() for x in known.names if x and x.strip()}
        # Latin names match whole words only ("Ann" is not in "annual"); others as compact runs.
        self.latin_names = [(n, re.compile(rf"(?<![a-z0-9]){re.escape(fold(n))}(?![a-z0-9])"))
                            for n in sorted(names) if n.isascii() and len(n) >= 3]
        self.names = sorted({c for n in names if not n.isascii() and len(c := normalize(n)) >= 2}, key=len,
                            reverse=True)
        self.ids = [(i, p) for i in sorted(set(known.identifiers)) if (p := _identifier_pattern(i))]
        self.quotes = {run for t in known.texts if t for run in _runs(t)}
        self.trusted = sorted({normalize(t) for t in known.trusted if t}, key=len, reverse=True)

    def find(self, text: str) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        compact = normalize(text)
        folded = _IN_NUMBER.sub("", fold(text))
        for name in self.names:
            if name in compact:
                found.append(("name", name))
        spaced = re.sub(r"\s+", " ", fold(text))
        for name, pattern in self.latin_names:
            if pattern.search(spaced):
                found.append(("name", name))
        for ident, pattern in self.ids:
            if pattern.search(folded):
                found.append(("account or contact identifier", ident))
        if self.quotes:
            for t in self.trusted:
                compact = compact.replace(t, "\x1f")
            for i in range(len(compact)):
                for n in (QUOTE_CJK, QUOTE_LATIN):
                    run = compact[i:i + n]
                    if len(run) == n and run in self.quotes:
                        found.append(("text of a chat message or report", run))
                        break
                else:
                    continue
                break
        return found


def scan(statement: Mapping[str, Any], known: Known | KnownIndex | None = None) -> list[Finding]:
    """Personal data in any string of the statement (free text, arrays, the PUID and the URL)."""
    index = known if isinstance(known, KnownIndex) else KnownIndex(known or Known())
    findings: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    for name, text in _strings(statement):
        hits = patterns(text, urls=name != "decision_ground_reference_url") + index.find(text)
        for kind, matched in hits:
            key = (name, kind, re.sub(r"[^0-9a-z\u3400-\u9fff]", "", fold(matched)).removeprefix("0086")
                   .removeprefix("86"))
            if key not in seen:
                seen.add(key)
                findings.append(Finding(name, kind, mask(matched)))
    return findings


def _strings(statement: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    """Every string, except enum values that are exactly one of their field's allowed values."""
    for name, value in statement.items():
        allowed = ENUMS.get(name) or ARRAY_ENUMS.get(name) or frozenset()
        if isinstance(value, str) and value and value not in allowed:
            yield name, value
        elif isinstance(value, list | tuple):
            yield from ((name, v) for v in value if isinstance(v, str) and v and v not in allowed)
        elif isinstance(value, Mapping):
            yield from ((f"{name}.{k}", v) for k, v in value.items() if isinstance(v, str) and v)
