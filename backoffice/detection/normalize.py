"""Text normalisation for matching, with a lazy map back to original offsets.

Three steps, each cheap and each reversible through an index map:

1. ``fold``: one fused ``str.translate`` table built once (per-character NFKC,
   lowercase, OpenCC-derived traditional->simplified, look-alike letters,
   invisible characters and combining marks deleted). Result: the ``s`` view,
   used for URLs and e-mail, where separators still matter.
2. ``compact``: ``s`` without weak separators (spaces, punctuation other than
   sentence punctuation, emoji, symbols); then runs of >= 5 digit-like
   characters (幺三八..., 壹贰叁, 洞拐勾) become ASCII digits (one char for one
   char); then repeated CJK characters collapse (微微信 -> 微信).
   Used by the lexicon automaton and the phone/QQ/WeChat detectors.

The map from view positions to original positions is built only on demand
(for flagged messages), by replaying the same steps with bookkeeping.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

_T2S_FILE = Path(__file__).with_name("data") / "t2s_chars.txt"

# Look-alike letters (Cyrillic, Greek, others) folded to Latin after lowercasing.
_LOOKALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԛ": "q", "ԝ": "w", "ν": "v", "ο": "o", "α": "a", "ρ": "p", "τ": "t", "χ": "x",
    "ι": "i", "κ": "k", "ʋ": "v", "ⅴ": "v", "ⅹ": "x",
}
# Symbols that stand for a syllable in evasions: 威❤ = 威心 (xin).
# Animal emoji stand for the insult words 猪/狗 (你是🐷).
_SYMBOL_WORDS = {"❤": "心", "♥": "心", "♡": "心", "💗": "心", "💓": "心", "💕": "心",
                 "🐷": "猪", "🐖": "猪", "🐽": "猪", "🐶": "狗", "🐕": "狗"}

# Extra code point ranges beyond the BMP worth folding (styled letters and digits).
_EXTRA_RANGES = [(0x1D400, 0x1D7FF), (0x1F100, 0x1F1FF), (0x2F800, 0x2FA1F)]

DIGIT_LIKE = "0123456789〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖幺洞拐勾"
_DIGIT_VALUE = dict(zip("〇零一二三四五六七八九", "00123456789", strict=True))
_DIGIT_VALUE.update(zip("壹贰叁肆伍陆柒捌玖", "123456789", strict=True))
_DIGIT_VALUE.update({"幺": "1", "洞": "0", "拐": "7", "勾": "9"})
_NUMERAL_TABLE = str.maketrans(_DIGIT_VALUE)

# Weak separators: anything that is not a word character, except sentence
# punctuation (which stops hits running across sentences) and newline.
# SEP separates messages in batch scans; it survives every step.
SENTENCE_PUNCT = ",。!?;\n"
SEP = "\x1f"
_STRIP_RE = re.compile(r"[^\w,。!?;\n\x1f]+|_")
_NUMERAL_RUN_RE = re.compile(f"[{DIGIT_LIKE}]{{5,}}")
# Characters whose doubling is itself a spelling (扣扣 = QQ) are not collapsed.
# Digit-like characters are never collapsed either (八八 stays two digits).
KEEP_DOUBLED = frozenset("扣球抠哈呵两" + DIGIT_LIKE)
_REPEAT_RE = re.compile(r"([\u3400-\u9fff])\1+")


def _load_t2s() -> dict[str, str]:
    table = {}
    for line in _T2S_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[trad] = simp
    return table


def _fold_char(ch: str, t2s: dict[str, str]) -> str:
    cat = unicodedata.category(ch)
    if cat in ("Cf", "Mn", "Me") or 0xFE00 <= ord(ch) <= 0xFE0F:
        return ""
    if ch in _SYMBOL_WORDS:
        return _SYMBOL_WORDS[ch]
    out = unicodedata.normalize("NFKC", ch).lower()
    return "".join(
        _LOOKALIKES.get(c, t2s.get(c, c))
        for c in out
        if unicodedata.category(c) not in ("Cf", "Mn", "Me")
    )


_TABLE_SIZE = 0x2FA20  # covers the BMP and the folded SMP ranges; others stay as they are


@cache
def fold_table() -> list[str]:
    """The fused translate table, built once per process (~0.4 s).

    A list indexed by code point is faster with ``str.translate`` than a dict:
    a dict miss raises LookupError inside translate for every unchanged char.
    """
    t2s = _load_t2s()
    table: dict[int, str] = {}
    cps = list(range(0x80)) + list(range(0x80, 0x10000))
    for lo, hi in _EXTRA_RANGES:
        cps.extend(range(lo, hi + 1))
    cps.extend(ord(c) for c in t2s)
    for cp in cps:
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        out = _fold_char(ch, t2s)
        if out != ch:
            table[cp] = out
    for ch, word in _SYMBOL_WORDS.items():
        table[ord(ch)] = word
    full = [chr(cp) for cp in range(_TABLE_SIZE)]
    for cp, out in table.items():
        if cp < _TABLE_SIZE:
            full[cp] = out
    return full


@cache
def fold_strip_table() -> list[str]:
    """``fold`` and the weak-separator strip fused into one table (batch candidate pass).

    ``text.translate(fold_strip_table())`` equals ``_STRIP_RE.sub("", fold(text))``
    because the strip removes single characters by class.
    """
    return ["".join(c for c in out if not _STRIP_RE.fullmatch(c)) for out in fold_table()]


def quick_compact(text: str) -> str:
    """Compact view without the numeral step (batch candidate pass only)."""
    return _REPEAT_RE.sub(_collapse, text.translate(fold_strip_table()))


def fold(text: str) -> str:
    return text.translate(fold_table())


def _numerals(m: re.Match) -> str:
    return m.group(0).translate(_NUMERAL_TABLE)


def _collapse(m: re.Match) -> str:
    ch = m.group(1)
    return m.group(0) if ch in KEEP_DOUBLED else ch


def compact_of(s: str) -> str:
    """Folded text -> compact matching view."""
    c = _STRIP_RE.sub("", s)
    c = _NUMERAL_RUN_RE.sub(_numerals, c)
    return _REPEAT_RE.sub(_collapse, c)


def normalize(text: str) -> str:
    """The compact view of a text. Lexicon terms go through this too."""
    return compact_of(fold(text))


class Views:
    """The normalised views of one text, with lazily built maps to the original."""

    __slots__ = ("text", "s", "compact", "_s_src", "_c_src", "_c_end")

    def __init__(self, text: str, s: str | None = None, compact: str | None = None) -> None:
        """``s`` and ``compact`` may be given when already computed (batch scans)."""
        self.text = text
        self.s = fold(text) if s is None else s
        self.compact = compact_of(self.s) if compact is None else compact
        self._s_src: list[int] | None = None
        self._c_src: list[int] | None = None
        self._c_end: list[int] | None = None

    # -- offset maps -----------------------------------------------------
    def s_src(self) -> list[int]:
        """For each position in ``s``, the index of its original character."""
        if self._s_src is None:
            table = fold_table()
            size = len(table)
            src: list[int] = []
            for i, ch in enumerate(self.text):
                cp = ord(ch)
                n = len(table[cp]) if cp < size else 1
                if n == 1:
                    src.append(i)
                elif n:
                    src.extend([i] * n)
            assert len(src) == len(self.s)
            self._s_src = src
        return self._s_src

    def c_src(self) -> list[int]:
        """For each position in ``compact``, the index of its original character."""
        if self._c_src is None:
            table = fold_strip_table()
            size = len(table)
            src: list[int] = []
            for i, ch in enumerate(self.text):
                cp = ord(ch)
                n = len(table[cp]) if cp < size else (0 if _STRIP_RE.fullmatch(ch) else 1)
                if n == 1:
                    src.append(i)
                elif n:
                    src.extend([i] * n)
            # numerals are one-for-one; the collapse removes repeats
            stripped = _NUMERAL_RUN_RE.sub(_numerals, _STRIP_RE.sub("", self.s))
            kept = _collapse_positions(stripped)
            self._c_src = [src[j] for j in kept]
            # a collapsed run (微微微) ends where its last repeat ends
            ends = [src[j] + 1 for j in range(len(src))]
            for m in _REPEAT_RE.finditer(stripped) if isinstance(kept, list) else ():
                if m.group(1) not in KEEP_DOUBLED:
                    ends[m.start()] = src[m.end() - 1] + 1
            self._c_end = [ends[j] for j in kept]
            assert len(self._c_src) == len(self.compact)
        return self._c_src

    def span(self, start: int, end: int, view: str = "compact") -> tuple[int, int]:
        """Map a [start, end) span of a view to the original text."""
        if view == "compact":
            src = self.c_src()
            if end <= start:
                return src[start], src[start]
            return src[start], self._c_end[end - 1]
        src = self.s_src()
        if end <= start:
            return src[start], src[start]
        return src[start], src[end - 1] + 1


def _collapse_positions(c: str) -> list[int] | range:
    if not _REPEAT_RE.search(c):
        return range(len(c))
    kept: list[int] = []
    pos = 0
    for m in _REPEAT_RE.finditer(c):
        kept.extend(range(pos, m.start()))
        if m.group(1) in KEEP_DOUBLED:
            kept.extend(range(m.start(), m.end()))
        else:
            kept.append(m.start())
        pos = m.end()
    kept.extend(range(pos, len(c)))
    return kept
