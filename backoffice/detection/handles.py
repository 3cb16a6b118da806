"""Contact handles in the detector's findings: normalised so that one handle written two ways is one.

Only handles given in full count (a phone number, a QQ number, a WeChat id, an e-mail address); a
masked or partial number, a request to add someone or a link names no one in particular.
"""

from __future__ import annotations

import re

from backoffice.detection.normalize import normalize

KINDS = ("phone", "qq", "wechat", "email")
_KIND_OF = {"phone": "phone", "landline": "phone", "phone_split": "phone", "qq_number": "qq",
            "qq_split": "qq", "wechat_id": "wechat", "email": "email"}
_DIGITS = re.compile(r"[0-9]+")
_WECHAT = re.compile(r"wxid[_a-z0-9]+|[a-z][a-z0-9_-]{5,19}")
_READ_AS = re.compile(r"(?:read as|joined number) ([0-9]+)")


def handle_of(detector: str, matched: str, detail: str | None = None) -> tuple[str, str] | None:
    """(kind, normalised value) of one finding, or None when it names no handle in full.

    Phone and QQ numbers become their digits (Chinese numerals and look-alike letters read as the
    detector read them, a leading 86 dropped); WeChat ids and e-mail addresses are lower-cased.
    """
    kind = _KIND_OF.get(detector)
    if kind is None:
        return None
    if kind in ("phone", "qq"):
        read = _READ_AS.search(detail or "")
        digits = read.group(1) if read else max(_DIGITS.findall(normalize(matched)), key=len, default="")
        if kind == "phone" and len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
        return (kind, digits) if len(digits) >= 5 else None
    lowered = matched.lower()
    if kind == "email":
        value = re.sub(r"\s+", "", lowered)
        return (kind, value) if "@" in value else None
    ids = _WECHAT.findall(lowered)
    return (kind, ids[-1]) if ids else None


def masked(kind: str, value: str) -> str:
    """The handle shown partly (138****5678, ab***89, a***@qq.com): enough to recognise, not to use."""
    if kind == "email":
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    if kind == "phone" and len(value) >= 11:
        return f"{value[:3]}****{value[-4:]}"
    keep = 2 if len(value) > 6 else 1
    return f"{value[:keep]}***{value[-keep:]}"
