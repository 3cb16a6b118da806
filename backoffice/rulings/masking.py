"""Mask customers' personal data in what a ruling quotes (pure functions).

Contact identifiers (phone and QQ numbers, WeChat ids, e-mail addresses) are replaced by
asterisks. Inside a flagged span, the evidence the ruling relies on, the first and last
character stay so that the merchant can recognise what was flagged: ``abc12345`` -> ``a******5``.
"""

from __future__ import annotations

import re

_DIGIT = "0-9０-９〇零一二三四五六七八九幺两"
# A QQ number is five or more digits in a row; a number broken up by spaces or dashes
# (138-1234-5678, 1 3 8 ...) needs seven, so that a lens "70-200" or a size "16-35" stays as written.
# A date (2026-12-03) is not a number to hide either.
_DATE = r"\d{4}-\d{1,2}-\d{1,2}(?!\d)"
_NUMBER = rf"(?<![{_DIGIT}])(?!{_DATE})[{_DIGIT}](?:[ \-]?[{_DIGIT}]){{6,}}|[{_DIGIT}]{{5,}}"
# A WeChat-style id: a letter, then 5+ letters, digits, '_' or '-', with at least one digit or '_'.
_HANDLE = r"(?<![A-Za-z0-9_])[A-Za-z](?=[A-Za-z0-9_\-]*[0-9_])[A-Za-z0-9_\-]{5,}"
_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"
IDENTIFIER = re.compile(rf"{_EMAIL}|{_HANDLE}|{_NUMBER}")


def mask_name(name: str) -> str:
    """``王女士`` -> ``王**``; an empty name stays empty."""
    name = (name or "").strip()
    return f"{name[0]}**" if name else ""


def _keep_ends(token: str) -> str:
    if len(token) <= 2:
        return "*" * len(token)
    return token[0] + "".join(" " if c == " " else "*" for c in token[1:-1]) + token[-1]


def _hide(token: str) -> str:
    return "".join(" " if c == " " else "*" for c in token)


def mask_text(text: str, *, flagged: bool = False, names: tuple[str, ...] = ()) -> str:
    """Mask identifiers in ``text`` (keeping first and last characters when ``flagged``) and names."""
    for name in names:
        if name and len(name) > 1:
            text = text.replace(name, mask_name(name))
    return IDENTIFIER.sub(lambda m: _keep_ends(m.group()) if flagged else _hide(m.group()), text)
