"""Features of the learned stage: hashed character n-grams over several views of a message.

Views (each one ``str.translate`` over a whole batch of messages joined with ``SEP``):

- ``c``: the folded text without separators (full-width, case, traditional script, look-alikes
  folded; spaces and punctuation other than sentence punctuation removed; emoji kept; digit-word
  runs as digits; repeats collapsed). Character 1-3-grams, **reversal-invariant** (an n-gram and
  its mirror image are one feature), so text typed backwards looks like text typed forwards.
- ``p``: the same text with every Chinese character replaced by its toneless pinyin (pypinyin),
  Latin letters as typed: letter 4-grams, so 微信, 薇信, 威信 and a typed "weixin" share features.
- ``i``: pinyin initials (微信 -> wx, 电话 -> dh): 2-3-grams, for initials like "jwwx" or "dh".
- numbers: the length of digit runs (buckets, mobile-number shape) and how each number is
  written on the folded text (decimal point, year, a standard's code and year, unit, currency,
  masked digits).

Hashing is FNV-style over code points in numpy (uint64, wrapping); ``named`` hashes one message
the same way and keeps each bucket's n-gram, so a feature's name can be recovered for the reviewer.
A row holds each feature's count in the message.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import numpy as np
from scipy import sparse

from backoffice.detection.normalize import _NUMERAL_RUN_RE, _REPEAT_RE, SEP, _collapse, _numerals, fold, fold_table

#: Bump when the features change: a model trained on other features refuses to load.
FEATURES_VERSION = 3
BITS = 20
DIM = 1 << BITS
_PRIME = np.uint64(0x100000001B3)
_OFFSET = 0xCBF29CE484222325
_MASK = (1 << 64) - 1
#: (view, n, salt) triples; the salt keeps the views' hash spaces apart.
NGRAMS = (("c", 1, 11), ("c", 2, 12), ("c", 3, 13), ("p", 4, 24), ("i", 2, 32), ("i", 3, 33))
_NAMED_SALT = 97  # the hash space of named features, apart from the n-gram views
_SEP_CODE = ord(SEP)
_KEEP = set(",。!?;\n" + SEP)  # sentence punctuation stays: it helps on the dev split


@cache
def _model_table() -> list[str]:
    """fold, then drop separators (spaces, other punctuation, marks, "_") but keep emoji and symbols."""
    def keep(ch: str) -> bool:
        return ch in _KEEP or unicodedata.category(ch)[0] not in "ZPC" and ch != "_"

    return ["".join(ch for ch in folded if keep(ch)) for folded in fold_table()]


@cache
def _pinyin_tables() -> tuple[dict[int, str], dict[int, str]]:
    """CJK code point -> toneless pinyin of its first reading, and -> its initial."""
    from pypinyin.pinyin_dict import pinyin_dict

    full: dict[int, str] = {}
    initial: dict[int, str] = {}
    for cp, readings in pinyin_dict.items():
        first = readings.split(",")[0]
        plain = "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))
        plain = plain.lower()
        if plain.isascii() and plain.isalpha():
            full[cp] = plain
            initial[cp] = plain[0]
    return full, initial


def model_view(text: str) -> str:
    c = text.translate(_model_table())
    c = _NUMERAL_RUN_RE.sub(_numerals, c)
    return _REPEAT_RE.sub(_collapse, c)


def warm() -> None:
    """Build the translate tables now (about a second) rather than on the first message."""
    _model_table()
    _pinyin_tables()


def _codes(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def _hash_windows(codes: np.ndarray, n: int, salt: int, mirror: bool) -> np.ndarray:
    m = len(codes) - n + 1
    h = np.full(m, (_OFFSET ^ salt) & _MASK, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h ^= codes[k:k + m]
            h *= _PRIME
        if mirror and n > 1:
            g = np.full(m, (_OFFSET ^ salt) & _MASK, dtype=np.uint64)
            for k in reversed(range(n)):
                g ^= codes[k:k + m]
                g *= _PRIME
            h = np.minimum(h, g)
    return h >> np.uint64(64 - BITS)


#: The n-gram views read every digit as 0. Which digits a number holds says nothing general (a
#: price, a size, a standard's number and a QQ number are all arbitrary digits) and, learned from
#: the corpus's random slot values, made any price look like a contact ("价格16002", "7071块");
#: the number's shape is in the ``num:`` features, its neighbours ("00元", "尾号00") in the n-grams.
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")


def _view_strings(joined_c: str) -> dict[str, str]:
    full, initial = _pinyin_tables()
    c = joined_c.translate(_DIGITS_AS_ZERO)
    return {"c": c, "p": c.translate(full), "i": c.translate(initial)}


_DIGITS_RE = re.compile(r"\d+")
#: How a number is written, read on the folded text before separators are dropped (the n-gram
#: views see "GB 4943.1-2022" as "gb000000000", the shape of a QQ number): a decimal point, a
#: percentage, a version with two dots, a year, a code and its year, a range or date, a unit, a
#: currency sign, a masked number. Which of them mark a harmless number and which an evasion
#: (138.1234.5678) the model learns.
_SHAPES = (
    ("num:decimal", r"\d\.\d"),
    ("num:dotted", r"\d\.\d+\.\d"),  # not \d+ in front: that retries from every digit of a long run
    ("num:percent", r"\d *%"),
    ("num:year", r"(?<!\d)(?:19|20)\d\d(?!\d)"),
    ("num:code-year", r"\d *[-:] *(?:19|20)\d\d(?!\d)"),  # a standard's number and year: GB 4806.7-2016
    ("num:dash", r"\d *[-~—–] *\d"),
    ("num:slash", r"\d */ *\d"),
    ("num:unit", r"\d *(?:元|块|毛|角|个|件|张|条|份|套|台|箱|包|盒|瓶|米|斤|克|吨|升|天|周|月|年|岁|次|页|字|人|"
                 r"寸|度|倍|折|分|秒|小时|g|kg|ml|cm|mm|m|mb|gb|kb|w|k|px|dpi|mah|v|hz|p)(?![a-z])"),
    ("num:currency", r"[¥$€£] *\d"),
    ("num:masked", r"\d{2,4}[*x×]{3,5}\d{2,4}"),  # 138****5678
)
_SHAPE_RES = tuple((name, re.compile(rx)) for name, rx in _SHAPES)


def _number_features_at(c: str):
    """(position, feature) for the length of every digit run of the model view ``c``."""
    for m in _DIGITS_RE.finditer(c):
        d = m.group()
        n = len(d)
        yield m.start(), "num:" + ("1-3" if n < 4 else "4" if n == 4 else "5-8" if n < 9 else "9-10" if n < 11
                                   else "11" if n == 11 else "12+")
        if n == 11 and d[0] == "1" and d[1] in "3456789":
            yield m.start(), "num:mobile"


def _shape_features_at(folded: str):
    """(position, feature) for how each number of ``folded`` (the folded text, separators kept)
    is written."""
    for name, rx in _SHAPE_RES:
        for m in rx.finditer(folded):
            yield m.start(), name


def _number_features(c: str, folded: str) -> list[str]:
    return [f for _, f in (*_number_features_at(c), *_shape_features_at(folded))]


@cache
def _named_hash(name: str) -> int:
    """The bucket of a named feature (number shapes, rule hits): FNV over its characters in Python,
    cached, since the same few names recur in every batch."""
    h = _OFFSET ^ _NAMED_SALT
    for ch in name:
        h = ((h ^ ord(ch)) * 0x100000001B3) & _MASK
    return h >> (64 - BITS)


def matrix(texts: list[str], extra: list[list[str]] | None = None) -> sparse.csr_matrix:
    """The feature rows of ``texts`` (counts); ``extra`` adds named features (e.g. rule hits) per row."""
    if not texts:
        return sparse.csr_matrix((0, DIM), dtype=np.float32)
    r, c = _occurrences(texts, extra)
    return sparse.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(texts), DIM))


def _occurrences(texts: list[str], extra: list[list[str]] | None) -> tuple[np.ndarray, np.ndarray]:
    """(row, bucket) of every feature occurrence of ``texts``."""
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    raw_joined = SEP.join(t.replace(SEP, " ") for t in texts)
    joined = model_view(raw_joined)
    rows, cols = [], []
    for name, view in _view_strings(joined).items():
        codes = _codes(view)
        is_sep = codes == _SEP_CODE
        doc = np.cumsum(is_sep)  # doc index at each position (SEP belongs to the next doc)
        for v, n, salt in NGRAMS:
            if v != name or len(codes) < n:
                continue
            buckets = _hash_windows(codes, n, salt, mirror=(v == "c"))
            ok = doc[n - 1:] == doc[: len(doc) - n + 1]
            if n == 1:
                ok = ~is_sep
            else:
                ok &= ~is_sep[: len(is_sep) - n + 1]
            rows.append(doc[: len(doc) - n + 1][ok])
            cols.append(buckets[ok])
    named_r, named_c = [], []
    folded = fold(raw_joined)
    for view, found in ((joined, list(_number_features_at(joined))), (folded, list(_shape_features_at(folded)))):
        if found:
            seps = np.flatnonzero(_codes(view) == _SEP_CODE)
            named_r.extend(np.searchsorted(seps, [pos for pos, _ in found]).tolist())
            named_c.extend(_named_hash(f) for _, f in found)
    for i, fs in enumerate(extra or ()):
        for f in fs:
            named_r.append(i)
            named_c.append(_named_hash(f))
    r = np.concatenate([*rows, np.array(named_r, dtype=np.int64)]).astype(np.int64)
    c = np.concatenate([*cols, np.array(named_c, dtype=np.uint64)]).astype(np.int64)
    return r, c


def logits(texts: list[str], weights: np.ndarray, bias: np.ndarray, extra: list[list[str]] | None = None
           ) -> np.ndarray:
    """``matrix(texts, extra) @ weights + bias`` without building the sparse matrix (the fast path).

    Every (row, bucket) occurrence adds its weight, exactly as the matrix's summed counts do.
    """
    r, c = _occurrences(texts, extra)
    out = np.empty((len(texts), weights.shape[1]), dtype=np.float64)
    for k in range(weights.shape[1]):
        out[:, k] = np.bincount(r, weights=weights[c, k], minlength=len(texts))
    return out + bias


def named(text: str, extra: list[str] = ()) -> dict[int, str]:
    """bucket -> a readable name for the features of one message (for explanations).

    Character n-grams are named by themselves; pinyin and initials n-grams by the message's
    characters they were read from (``pinyin:微信``), cut to whole characters. An n-gram of two or
    more Latin letters inside a longer run of letters and digits is named by the whole run as the
    message wrote it (``token:lily_520``): "sh" means nothing to a reviewer, the handle it came
    from does; "vx" standing alone stays "vx", and digits are the number features' to name.
    """
    c = model_view(text.replace(SEP, " "))
    zeroed = c.translate(_DIGITS_AS_ZERO)
    full, initial = _pinyin_tables()
    runs = _latin_runs(c, text)
    out: dict[int, str] = {}
    for v, n, salt in NGRAMS:
        s, owner = _with_owners(zeroed, {"c": None, "p": full, "i": initial}[v])
        if len(s) < n:
            continue
        for k, bucket in enumerate(_hash_windows(_codes(s), n, salt, v == "c").tolist()):
            start, end = (k, k + n) if v == "c" else (owner[k], owner[k + n - 1] + 1)
            run = runs.get(start)
            if (run and end - start >= 2 and runs.get(end - 1) is run and end - start < run[1] - run[0]
                    and not c[start:end].isdigit()):
                name = run[2]
            elif v == "c":  # the message's own digits, not the zeros the hash read
                name = c[start:end]
            else:  # the characters of the message this pinyin or these initials were read from
                name = f"{'pinyin' if v == 'p' else 'initials'}:{c[start:end]}"
            out.setdefault(bucket, name)
    for f in _number_features(c, fold(text.replace(SEP, " "))) + list(extra):
        out.setdefault(_named_hash(f), f)
    return out


#: A run of Latin letters and digits as the message wrote it, also full-width, with the marks
#: between them that the model's view drops ("vx：shancheng_design88" is one run); no spaces, at
#: most MAX_TOKEN characters (a longer run is no handle, and its n-grams keep their own names).
_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_WRITTEN_RUN_RE = re.compile(rf"[{_ALNUM}](?:[{_ALNUM}_.@:：/\-＿＠－．／]*[{_ALNUM}])?")
MAX_TOKEN = 32


def _latin_runs(c: str, text: str) -> dict[int, tuple[int, int, str]]:
    """index in ``c`` (the model's view of ``text``) -> (start, end, name) of the run of Latin
    letters and digits it lies in, named ``token:`` and the run as the message wrote it. Each run
    is found in ``c`` after the one before it, so two runs spelled alike keep their own places."""
    out: dict[int, tuple[int, int, str]] = {}
    pos = 0
    for m in _WRITTEN_RUN_RE.finditer(text):
        written = m.group()
        view = model_view(written)
        at = c.find(view, pos) if view and len(written) <= MAX_TOKEN else -1
        if at < 0:
            continue
        run = (at, at + len(view), f"token:{written}")
        for i in range(at, at + len(view)):
            out[i] = run
        pos = at + len(view)
    return out


def _with_owners(c: str, table: dict[int, str] | None) -> tuple[str, list[int]]:
    """The view of ``c`` through ``table`` and, for each of its characters, the index in ``c``."""
    if table is None:
        return c, list(range(len(c)))
    parts, owner = [], []
    for i, ch in enumerate(c):
        out = table.get(ord(ch), ch)
        parts.append(out)
        owner.extend([i] * len(out))
    return "".join(parts), owner


def is_ngram(name: str) -> bool:
    """Whether a feature name is a character n-gram of the folded view (not pinyin, rule or number)."""
    return not name.startswith(("pinyin:", "initials:", "rule:", "num:", "token:"))


def readable(name: str) -> bool:
    """Whether a feature name means something to a reviewer: two or more characters of the
    message, no sentence punctuation inside."""
    if name.startswith(("pinyin:", "initials:")):
        name = name.split(":", 1)[1]
    elif not is_ngram(name):
        return True
    return len(name) >= 2 and not any(ch in _KEEP for ch in name)
