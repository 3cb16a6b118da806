"""Extra views of a message for the rule stage: pinyin, initials, reversed text, components.

All of them work on the compact view (``Views.compact``) and report spans in it, so
``Views.span`` maps them back to the original text.

* **pinyin**: one ``str.translate`` table, built once per process from pypinyin, maps
  each CJK character to a private-use character standing for its toneless syllable (the
  most common reading): 薇信, 威信 and 维心 all read ``wei xin``. Characters that are a
  term on their own (滚, 扣), digit-like characters and characters whose doubling is a
  spelling (扣扣) stay literal. Runs of one syllable collapse (微薇信 -> wei xin).
  Lexicon terms of at least ``min_syllables`` syllables and the ``contact_words`` of
  contacts.yaml are matched by their syllables (two-syllable contact words only after a
  solicitation such as 加/我 or before an id or number). Pinyin typed in Latin letters
  (``jia wo weixin``, ``dianhua``) is matched by the term's letters, whole syllables only.
* **initials**: a short curated list (jwwx, dh, sjh, lxfs ...), whole tokens only.
* **reversed**: terms and contact words of three or more characters written backwards
  (信微加 = 加微信, 码号机手 = 手机号码).
* **components**: characters written as their components side by side (亻言 = 信,
  讠舌 = 话, 石马 = 码), from data/components.txt, composed only into characters of
  the lexicon, then the lexicon is matched on the composed text.

Each view hit has a lower confidence than the literal match (``views.factor``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import combinations, product

import ahocorasick_rs as ac

from backoffice.detection.lexicon import Lexicon, Term
from backoffice.detection.normalize import (
    DIGIT_LIKE,
    KEEP_DOUBLED,
    fold,
    normalize,
)
from backoffice.detection.view_tables import (
    DIGITS,
    candidate_repeat_re,
    candidate_table,
    collapse_encoded,
    collapse_with_map,
    load_components,
    pinyin_table,
    readings,
    segment,
)


@dataclass(frozen=True, slots=True)
class ViewHit:
    category: str
    term: str
    start: int  # offsets in the compact view
    end: int
    confidence: float
    view: str  # "pinyin", "initials", "reversed", "components"
    detail: str


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str  # "py" (CJK syllables), "ascii" (typed pinyin), "rev" (reversed), "init" (initials)
    term: Term
    syllables: int = 0
    literal: str = ""  # "rev": the reversed spelling; "ascii": the syllable boundaries as text
    contact_word: bool = False


def _all_cjk(p: str) -> bool:
    return bool(p) and all("\u3400" <= c <= "\u9fff" for c in p)


class ViewMatcher:
    """Automata for the extra views, built once per scanner."""

    def __init__(self, lexicon: Lexicon, cfg: dict, trigger_words: dict[str, str]) -> None:
        self.cfg = cfg
        factor = cfg["factor"]
        self.f_py, self.f_rev, self.f_comp = factor["pinyin"], factor["reversed"], factor["components"]
        self.min_syl = cfg["min_syllables"]
        self.solicit = tuple(normalize(w) for w in cfg["solicit_before"])
        self.function_chars = set(cfg["function_chars"])
        self.homophone_exempt = [normalize(w) for w in cfg["homophone_exempt"]]
        single = {p for p in [t.pattern for t in lexicon.terms] + list(trigger_words) if len(p) == 1}
        # literal (no syllable): digit-like characters, KEEP_DOUBLED, one-character terms, and
        # the function characters (之前 is not 纸钱: a homophone never stands in for them)
        self.literal = frozenset(DIGIT_LIKE + "两" + "".join(KEEP_DOUBLED) + "".join(single)
                                 + cfg["function_chars"])
        self.py = pinyin_table(self.literal)
        self.cand_table = candidate_table(self.literal)
        self.cand_repeat = candidate_repeat_re(self.literal)
        read = readings()
        contact_terms = [Term("offsite_contact", w, normalize(w), cfg["contact_confidence"])
                         for w in cfg["contact_words"]]
        self.contact_patterns = {t.pattern for t in contact_terms}
        self.literal_patterns = {t.pattern for t in lexicon.terms} | self.contact_patterns
        entries: dict[str, list[_Entry]] = {}
        terms = [(t, False) for t in lexicon.terms if not t.requires_context]
        terms += [(t, True) for t in contact_terms]
        for t, is_word in terms:
            p = t.pattern
            if not _all_cjk(p) or len(p) < 2:
                continue
            n = len(p)
            if n >= self.min_syl or is_word:
                entries.setdefault(self.encode(p), []).append(_Entry("py", t, n, contact_word=is_word))
            if all(c in read for c in p):
                syl = [read[c] for c in p]
                letters = "".join(syl)
                if len(letters) >= 5:
                    bounds = ",".join(str(sum(map(len, syl[:k]))) for k in range(1, n))
                    entries.setdefault(letters, []).append(_Entry("ascii", t, n, bounds, is_word))
            rev = p[::-1]
            if n >= 3 and rev != p and rev not in self.literal_patterns:
                entries.setdefault(self.encode(rev), []).append(_Entry("rev", t, n, rev, is_word))
        # initials: whole tokens only (checked on the original text)
        self.initials = {normalize(a): normalize(w) for a, w in cfg["initials"]}
        for a, w in self.initials.items():
            t = Term("offsite_contact", w, a, cfg["initials_confidence"])
            entries.setdefault(a, []).append(_Entry("init", t, 0, a, True))
        self._keys = list(entries)
        self._entries = [entries[k] for k in self._keys]
        self.auto = ac.AhoCorasick(self._keys, matchkind=ac.MatchKind.Standard) if self._keys else None
        # components: spellings that compose a character of a lexicon term or contact word
        wanted = {c for t, _ in terms for c in t.pattern if "\u3400" <= c <= "\u9fff"}
        self.components = load_components(wanted)
        self._comp_keys = comp_keys = sorted(self.components)
        leftmost = ac.MatchKind.LeftmostLongest
        self.comp_auto = ac.AhoCorasick(comp_keys, matchkind=leftmost) if comp_keys else None

    # -- encodings -------------------------------------------------------
    def encode(self, compact: str) -> str:
        """A compact string in the pinyin encoding, runs of one syllable collapsed."""
        return collapse_encoded(compact.translate(self.py))

    def cand_encode(self, compact: str) -> str:
        """A compact string as the batch pass sees it (``encode``, digit-like made digits)."""
        return self.encode(compact).translate(DIGITS)

    def cand_view(self, joined: str) -> str:
        """The batch pass's view of the joined raw texts: one translate, one collapse."""
        return self.cand_repeat.sub(r"\1", joined.translate(self.cand_table))

    def component_spellings(self, pattern: str) -> list[str]:
        """``pattern`` with one or two of its characters written as components (batch triggers)."""
        by_char: dict[str, list[str]] = {}
        for spelled, ch in self.components.items():
            by_char.setdefault(ch, []).append(spelled)
        positions = [i for i, c in enumerate(pattern) if c in by_char]
        out = []
        for k in (1, 2):
            for chosen in combinations(positions, k):
                for combo in product(*[by_char[pattern[i]] for i in chosen]):
                    chars = list(pattern)
                    for i, sp in zip(chosen, combo, strict=True):
                        chars[i] = sp
                    out.append("".join(chars))
        return out

    def candidate_triggers(self, lexicon: Lexicon, extra: dict[str, str]) -> list[tuple[str, str | None]]:
        """(encoded trigger, literal spelling or None) for the batch pass: a superset of
        every view's hits. A literal spelling (a term or contact alias) lets the batch pass
        check a homophone trigger (之前 for 纸钱) against the message; None: a view trigger."""
        out: list[tuple[str, str | None]] = [(self.encode(t.pattern), t.pattern) for t in lexicon.terms]
        out += [(self.encode(p), p) for p in extra]
        for key, entries in zip(self._keys, self._entries, strict=True):
            for e in entries:
                out.append((key if e.kind in ("ascii", "init") else self.encode(key), None))
        for t in lexicon.terms:
            for sp in self.component_spellings(t.pattern):
                out.append((self.encode(sp), None))
        return [(k.translate(DIGITS), lit) for k, lit in out if k]

    # -- matching --------------------------------------------------------
    def encoded(self, compact: str) -> tuple[str, list[int] | None]:
        return collapse_with_map(compact.translate(self.py))

    def find(self, compact: str, s: str, enc: str, emap: list[int] | None, text: str, span) -> list[ViewHit]:
        out: list[ViewHit] = []
        n = len(compact)
        if self.auto is not None:
            runs = _LetterRuns(text)  # found on first use
            for idx, ks, ke in self.auto.find_matches_as_indexes(enc, overlapping=True):
                a, b = _unmap(emap, ks, ke, n)
                for e in self._entries[idx]:
                    hit = self._check(e, compact, a, b, text, span, runs)
                    if hit is not None:
                        out.append(hit)
        return out

    def _check(self, e: _Entry, c: str, a: int, b: int, text: str, span, runs: _LetterRuns) -> ViewHit | None:
        t = e.term
        seg = c[a:b]
        if e.kind == "init":
            oa, ob = span(a, b)
            if fold(text[oa:ob]) != e.literal or (oa and _is_alnum(text[oa - 1])) or (
                    ob < len(text) and _is_alnum(text[ob])):
                return None  # not a whole token (dh inside adhesive, d h)
            return ViewHit(t.category, t.term, a, b, t.confidence, "initials", f"initials of {t.term}")
        if e.kind == "rev":
            if seg != e.literal:
                return None
            conf = t.confidence * self.f_rev
            return ViewHit(t.category, t.term, a, b, round(conf, 3), "reversed", f"reversed {t.term}")
        if e.kind == "ascii":
            oa, ob = span(a, b)
            if not _ascii_whole_syllables(runs, oa, ob, {int(x) for x in e.literal.split(",") if x}):
                return None
            conf = t.confidence * self.f_py
            return ViewHit(t.category, t.term, a, b, round(conf, 3), "pinyin", f"pinyin of {t.term}")
        # CJK homophone
        if not _all_cjk(seg) or seg in self.literal_patterns or any(h in seg for h in self.homophone_exempt):
            return None
        if any(ch in self.function_chars and ch not in t.pattern for ch in seg):
            return None
        if e.syllables < self.min_syl:  # two-syllable contact words need a solicitation or an id
            before = c[max(0, a - 3):a]
            after = c[b:b + 2]
            if not (any(before.endswith(w) or w in before[-2:] for w in self.solicit)
                    or (after and (after[0].isascii() and after[0].isalnum() or after[0] in "号是:"))):
                return None
        conf = t.confidence * self.f_py
        return ViewHit(t.category, t.term, a, b, round(conf, 3), "pinyin", f"pinyin of {t.term} ({seg})")

    def compose(self, c: str) -> tuple[str, list[tuple[int, int]], set[int]] | None:
        """The compact view with component spellings composed: (text, each char's compact
        span, the composed positions), or None when there is nothing to compose."""
        found = self.comp_auto.find_matches_as_indexes(c)
        if not found:
            return None
        out, spans, composed, pos = [], [], set(), 0
        for idx, s, e in found:
            for i in range(pos, s):
                out.append(c[i])
                spans.append((i, i + 1))
            composed.add(len(out))
            out.append(self.components[self._comp_keys[idx]])
            spans.append((s, e))
            pos = e
        for i in range(pos, len(c)):
            out.append(c[i])
            spans.append((i, i + 1))
        return "".join(out), spans, composed


def _unmap(emap: list[int] | None, s: int, e: int, n: int) -> tuple[int, int]:
    """Encoded span -> compact span (a collapsed run covers its whole run)."""
    if emap is None:
        return s, e
    end = emap[e] if e < len(emap) else n
    return emap[s], end


def _is_alnum(ch: str) -> bool:
    f = fold(ch)
    return len(f) == 1 and f.isascii() and f.isalnum()


def _is_letter(ch: str) -> bool:
    f = fold(ch)
    return len(f) == 1 and "a" <= f <= "z"


class _LetterRuns:
    """The runs of Latin letters of a message (as ``_is_letter`` reads them), found on first use
    and read by bisection: a message typed in pinyin can hold thousands of matches in one run,
    and walking the run for each was quadratic."""

    __slots__ = ("text", "_starts", "_ends", "_segments")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._segments: dict[tuple[int, int], tuple[int, ...] | None] = {}

    def _run(self, i: int) -> int:
        """The index of the run holding position ``i``, or -1."""
        if self._starts is None:
            self._starts = []
            for m in _LETTERS_RE.finditer("".join("a" if _is_letter(ch) else " " for ch in self.text)):
                self._starts.append(m.start())
                self._ends.append(m.end())
        k = bisect_right(self._starts, i) - 1
        return k if k >= 0 and i < self._ends[k] else -1

    def back(self, edge: int) -> int:
        """Where the letters just before ``edge`` begin (``edge`` when none)."""
        k = self._run(edge - 1) if edge > 0 else -1
        return self._starts[k] if k >= 0 else edge

    def forward(self, edge: int) -> int:
        """Where the letters from ``edge`` on end (``edge`` when none)."""
        k = self._run(edge) if edge < len(self.text) else -1
        return self._ends[k] if k >= 0 else edge

    def segment(self, lo: int, hi: int) -> tuple[int, ...] | None:
        """The syllable boundaries of the letters [lo, hi) read as pinyin, or None (once per span)."""
        key = (lo, hi)
        if key not in self._segments:
            self._segments[key] = segment(fold(self.text[lo:hi]))
        return self._segments[key]


_LETTERS_RE = re.compile(r"a+")


def _ascii_whole_syllables(runs: _LetterRuns, oa: int, ob: int, inner: set[int]) -> bool:
    """Typed pinyin: the match starts and ends on syllable boundaries, and the words it
    touches are pinyin, not a longer Latin word (wei xin, weixin; not software xin)."""
    # word breaks inside the match must fall on the term's syllable boundaries
    k = 0
    prev_letter = True
    for ch in runs.text[oa:ob]:
        if _is_letter(ch):
            if not prev_letter and k not in inner:
                return False
            k += 1
            prev_letter = True
        else:
            prev_letter = False
    # the words around each end: a boundary inside a word must be a syllable boundary of it
    for edge in (oa, ob):
        lo, hi = runs.back(edge), runs.forward(edge)
        if lo == edge or hi == edge:
            continue  # the edge is a word boundary
        bounds = runs.segment(lo, hi)
        if bounds is None or (edge - lo) not in bounds:
            return False
    # the first and last words must be pinyin as a whole too (no 'xinxi' inside 'software')
    for edge in (oa, ob - 1):
        lo, hi = runs.back(edge), runs.forward(edge)
        if hi > lo and runs.segment(lo, hi) is None:
            return False
    return True
