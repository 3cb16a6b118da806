"""The tables the extra views of the text are built from (views.py): each CJK character's toneless
pinyin as a private-use character, the batch pass's fused translate table, Latin pinyin segmentation,
and characters composed from their components (data/components.txt)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

from backoffice.detection.normalize import _DIGIT_VALUE, DIGIT_LIKE, KEEP_DOUBLED, fold, fold_strip_table

PUA = 0xE000
_CJK_LO, _CJK_HI = 0x3400, 0xA000
COMPONENTS_FILE = Path(__file__).with_name("data") / "components.txt"
_ENCODED_REPEAT_RE = re.compile(r"([\ue000-\ue7ff])\1+")
# the full and the side forms of radicals (亻 for 人, 讠 for 言 ...)
_RADICAL_FORMS = [
    "人亻", "言讠", "手扌", "金钅", "食饣", "糸纟", "水氵", "心忄", "犬犭", "示礻", "衣衤", "刀刂",
    "艸艹", "玉王", "邑阝", "阜阝", "火灬", "攴攵", "辵辶", "竹⺮",
]


def _toneless(reading: str) -> str:
    nfd = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in nfd if not unicodedata.combining(c))


@cache
def readings() -> dict[str, str]:
    """Character -> its most common toneless reading (pypinyin's first)."""
    from pypinyin.pinyin_dict import pinyin_dict

    return {chr(cp): _toneless(r.split(",")[0]) for cp, r in pinyin_dict.items() if _CJK_LO <= cp < _CJK_HI}


@cache
def syllables() -> dict[str, int]:
    """Every toneless syllable of any reading -> its index (private-use code PUA + index)."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = set()
    for r in pinyin_dict.values():
        found.update(_toneless(x) for x in r.split(","))
    found = {s for s in found if s.isascii() and s.isalpha()}
    return {s: i for i, s in enumerate(sorted(found))}


@cache
def pinyin_table(literal: frozenset[str]) -> list[str]:
    """Translate table: CJK character -> its syllable's private-use character (built once)."""
    index = syllables()
    table = [chr(cp) for cp in range(_CJK_HI)]
    for ch, r in readings().items():
        if ch not in literal and r in index:
            table[ord(ch)] = chr(PUA + index[r])
    return table


DIGITS = str.maketrans(_DIGIT_VALUE)


@cache
def candidate_table(literal: frozenset[str]) -> list[str]:
    """``fold_strip_table`` fused with ``pinyin_table`` and digit-like characters made
    digits (一三八 -> 138): the batch pass in one translate."""
    py = pinyin_table(literal)
    size = len(py)
    return ["".join(py[ord(c)] if ord(c) < size else c for c in out).translate(DIGITS)
            for out in fold_strip_table()]


@cache
def candidate_repeat_re(literal: frozenset[str]) -> re.Pattern:
    """Runs to collapse in the batch encoding: syllables, and CJK characters outside
    KEEP_DOUBLED (whose doubling is a spelling) and the digit-like ones."""
    keep = sorted(ord(c) for c in set(KEEP_DOUBLED) | set(DIGIT_LIKE) | {"两"} if "\u3400" <= c <= "\u9fff")
    ranges, lo = [], 0x3400
    for cp in keep:
        if cp > lo:
            ranges.append(f"{chr(lo)}-{chr(cp - 1)}")
        lo = cp + 1
    ranges.append(f"{chr(lo)}-\u9fff")
    return re.compile(f"([\ue000-\ue7ff{''.join(ranges)}])\\1+")


def collapse_encoded(text: str) -> str:
    return _ENCODED_REPEAT_RE.sub(r"\1", text)


def collapse_with_map(text: str) -> tuple[str, list[int] | None]:
    """Collapse runs of one syllable; the map gives each kept char's first source index."""
    if not _ENCODED_REPEAT_RE.search(text):
        return text, None
    out, src, pos = [], [], 0
    for m in _ENCODED_REPEAT_RE.finditer(text):
        out.append(text[pos:m.start() + 1])
        src.extend(range(pos, m.start() + 1))
        pos = m.end()
    out.append(text[pos:])
    src.extend(range(pos, len(text)))
    return "".join(out), src


@lru_cache(maxsize=1 << 16)  # words come from messages: a bounded cache, not one per word ever seen
def segment(word: str) -> tuple[int, ...] | None:
    """Syllable boundaries of a Latin word read as pinyin (longest syllables first), or None."""
    if len(word) > 40:
        return None
    index = syllables()
    # rest[i]: the boundaries after i of the first reading of word[i:] (longest syllable first),
    # or None. Filled from the end, each position once: the recursion this replaces tried every
    # reading again at each position, exponential in the word ("weixin" + "an" x 16 + "q": 160 s).
    rest: list[tuple[int, ...] | None] = [None] * len(word) + [()]
    for i in range(len(word) - 1, -1, -1):
        for n in range(min(6, len(word) - i), 0, -1):
            if word[i:i + n] in index and rest[i + n] is not None:
                rest[i] = (i + n, *rest[i + n])
                break
    return rest[0]


def load_components(wanted: set[str]) -> dict[str, str]:
    """Component spelling (folded, with side and full radical forms) -> the character it composes."""
    forms: dict[str, set[str]] = {}
    for group in _RADICAL_FORMS:
        for c in group:
            forms.setdefault(c, set()).update(group)
    out: dict[str, str] = {}
    for line in COMPONENTS_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        ch, parts = line.split("\t")
        if ch not in wanted:
            continue
        for combo in product(*[sorted(forms.get(p, {p})) for p in parts]):
            spelled = fold("".join(combo))
            if len(spelled) == len(parts) and len(set(spelled)) == len(spelled):  # 口口 collapses: skip
                out.setdefault(spelled, ch)
    return out
