"""The message scanner: normalise, match the lexicon, run the contact detectors.

``Scanner.hits(text)`` is the detailed scan of one message. For many messages
``Scanner.scan_texts(texts)`` first runs a batch candidate pass (the messages
joined with a separator, normalised and matched in a handful of C calls) and
then the detailed scan only on candidates; the result is identical to calling
``hits`` on every message, just faster.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

import ahocorasick_rs as ac

from backoffice.detection import context, context_rules
from backoffice.detection.contacts import MASK_CHARS, ContactDetector
from backoffice.detection.hits import Hit
from backoffice.detection.lexicon import CONTEXT_FILE, DEFAULT_DIR, load_lexicon
from backoffice.detection.matchers import LexiconMatcher, exempted_span
from backoffice.detection.normalize import DIGIT_LIKE, SEP, Views, fold, quick_compact
from backoffice.detection.views import ViewHit, ViewMatcher

_MASK_MIN = 4

CONTACT_CATEGORY = "offsite_contact"


@dataclass(frozen=True, slots=True)
class Flag:
    """A hit placed in a conversation, ready for a case."""

    message_index: int
    category: str
    start: int
    end: int
    matched: str
    detector: str
    term: str
    confidence: float
    rule: str | None = None
    source: str = "text"  # "text": offsets into the message text; "attachment": into
    #                       attachments[attachment_index].text; "timing": reply-time flag;
    #                       "conduct": a conversation-level finding on the whole message
    attachment_index: int | None = None
    detail: str | None = None
    view: str = "folded"  # see Hit.view; "model" for a flag the learned stage raised alone
    #: Combined score of rules and model for this category (0..1); None before combination.
    score: float | None = None
    model_version: str | None = None
    #: The model's strongest features for this category, e.g. ("pinyin:weixin", "加我"), for explanations.
    features: tuple[str, ...] = ()
    #: Conversation-level findings (source "conduct"): the messages and numbers behind the flag.
    evidence: dict | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in ("attachment_index", "detail", "score", "model_version", "evidence"):
            if d[key] is None:
                del d[key]
        d["features"] = list(self.features)
        return d


class Scanner:
    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = directory  # the conduct detectors read their words from it when asked
        self.lexicon = load_lexicon(directory)
        self.matcher = LexiconMatcher(self.lexicon)
        self.contacts = ContactDetector(directory)
        # The context rules of the same directory: a RULES_DIR is one consistent set of files.
        self.context_rules = context_rules.load_rules(Path(directory) / CONTEXT_FILE) if directory else None
        self.views = ViewMatcher(self.lexicon, self.contacts.view_cfg, self.contacts.trigger_words)
        vm = self.views
        triggers = vm.candidate_triggers(self.lexicon, self.contacts.trigger_words)
        triggers.append((vm.cand_encode("尾号"), None))
        verify: dict[str, set[str] | None] = {}
        for key, lit in triggers:
            if lit is None or any("0" <= ch <= "9" for ch in lit) or key == lit:
                verify[key] = None  # a view trigger, or literal already: no check
            elif key not in verify or verify[key] is not None:
                verify.setdefault(key, set()).add(lit)
        keys = sorted(verify)
        literal = [(t.pattern, t.category, t.term) for t in self.lexicon.terms]
        literal += [(p, CONTACT_CATEGORY, term) for p, term in self.contacts.trigger_words.items()]
        # runs of one character or syllable are not collapsed in the batch view: a doubled
        # character inside a trigger, after the trigger's previous character (微微信 in
        # 加微微信), sends the message to a collapsed re-check; at a trigger's ends the
        # uncollapsed text holds the trigger too
        repeats = sorted({k[i - 1] + k[i] + k[i] for k in keys for i in range(1, len(k) - 1)
                          if vm.cand_repeat.fullmatch(k[i] + k[i])} - set(keys))
        self._cand, keys, safe = self.matcher.candidate_automaton(keys + repeats, vm.cand_encode, literal)
        self._n_triggers = len(keys)
        self._repeats = set(repeats)
        self._cand_verify = [None if verify.get(k) is None else tuple(verify[k]) for k in keys]
        self._is_repeat = [k in self._repeats for k in keys]
        # every trigger, overlapping: re-checks a message whose only trigger was a homophone
        # (a leftmost-longest match may have hidden another trigger) or a doubled character
        self._cand_all = ac.AhoCorasick(keys, matchkind=ac.MatchKind.Standard)
        self._cand_exempt = [
            (key, sorted({ex.pattern for ex in self.lexicon.exemptions if vm.cand_encode(ex.pattern) == key}))
            for key in safe]

    # -- one message -----------------------------------------------------
    def hits(self, text: str) -> list[Hit]:
        return self.hits_views(Views(text)) if text else []

    def hits_views(self, v: Views) -> list[Hit]:
        c, vm = v.compact, self.views
        enc, emap = vm.encoded(c)  # the pinyin encoding of the compact view
        lex = self.matcher.match(c)
        con = self.contacts.detect(c, v.s)
        if con:  # official channels and WeChat-as-work exemptions apply to contact hits too
            ex = self.matcher.exemption_spans(c, CONTACT_CATEGORY)
            if ex:
                con = [h for h in con if h.view != "compact"
                       or not exempted_span(CONTACT_CATEGORY, h.term, h.start, h.end, ex)]
        seen = vm.find(c, v.s, enc, emap, v.text, v.span) + self._components(c)
        if not lex and not con and not seen:
            return []
        text = v.text
        out: list[Hit] = []
        spans: list[tuple[int, int]] = []
        for h in con:
            a, b = v.span(h.start, h.end, h.view)
            detail = h.detail
            if h.detector == "phone_partial" and detail == "masked":
                if len(MASK_CHARS.findall(text, a, b)) < _MASK_MIN:
                    continue  # a plain 7-digit number, not 138****1234
                detail = f"masked mobile number {text[a:b]}"
            shown = h.shown
            if shown == "folded" and h.detector in _NUMBERS and _styled_digits(text[a:b]):
                shown = "digits"  # 幺三八..., ①③⑧..., １３８...
                detail = "number read as " + "".join(d for d in c[h.start:h.end] if "0" <= d <= "9")
            spans.append((a, b))
            out.append(Hit(CONTACT_CATEGORY, a, b, text[a:b], h.detector, h.term, h.confidence, shown,
                           detail))
        covered = _coverage(spans)
        for h in lex:
            a, b = v.span(h.start, h.end)
            t = h.term
            if t.category == CONTACT_CATEGORY and covered(a, b):
                continue  # "qq" inside "qq 123456789": the structured hit says more
            out.append(Hit(t.category, a, b, text[a:b], "lexicon", t.term, t.confidence))
        if seen:
            out.extend(self._view_hits(v, seen, out, self.matcher.exemption_spans(c, None)))
        out.sort(key=lambda h: (h.start, h.end, h.category))
        # context rules: drop negated, warned, work-subject, official hits
        out = context.apply(v, out, self.context_rules)
        return out

    def _components(self, c: str) -> list[ViewHit]:
        """Lexicon hits on the text with component spellings composed (亻言 -> 信)."""
        vm = self.views
        composed = vm.compose(c) if vm.comp_auto is not None else None
        if composed is None:
            return []
        ctext, spans, at = composed
        out = []
        for h in self.matcher.match(ctext):
            k = sum(1 for i in range(h.start, h.end) if i in at)
            if 1 <= k <= 2:  # (the batch pass triggers on terms with one or two split characters)
                t = h.term
                out.append(ViewHit(t.category, t.term, spans[h.start][0], spans[h.end - 1][1],
                                   round(t.confidence * vm.f_comp, 3), "components",
                                   f"components of {t.term}: {c[spans[h.start][0]:spans[h.end - 1][1]]}"))
        return out

    def _view_hits(self, v: Views, seen: list[ViewHit], found: list[Hit], exempt) -> list[Hit]:
        """Hits of the extra views that the folded view did not already report."""
        text = v.text
        out: list[Hit] = []
        exempted = _Cover((s, e) for _, s, e in exempt)
        covered: dict[str, _Cover] = {}
        for o in found:
            covered.setdefault(o.category, _Cover()).add(o.start, o.end)
        for h in sorted(seen, key=lambda h: (h.start - h.end, -h.confidence, h.start)):  # longest first
            if exempted.overlaps(h.start, h.end):
                continue  # a view hit inside an exemption phrase (八戒企业微信) is dropped
            a, b = v.span(h.start, h.end)
            cover = covered.setdefault(h.category, _Cover())
            if cover.overlaps(a, b):
                continue  # the literal match (or a stronger view) already covers it
            cover.add(a, b)
            out.append(Hit(h.category, a, b, text[a:b], "lexicon", h.term, h.confidence, h.view, h.detail))
        return out

    # -- many messages ---------------------------------------------------
    def _batch(self, texts: list[str]) -> list[tuple[int, Views]]:
        """Views of the candidate messages (a superset of the flagged ones), from one batch pass.

        The pass folds, strips and collapses the joined texts in two C calls, then
        looks for term spellings, contact aliases, TLDs and 10-13 digit-like runs.
        """
        joined = SEP.join(texts)
        if joined.count(SEP) != len(texts) - 1:  # a text contains SEP itself
            return [(i, Views(t)) for i, t in enumerate(texts)]
        # fold, strip and the pinyin encoding in one translate; then collapse repeats
        c = joined.translate(self.views.cand_table)
        found: set[int] = set()
        bounds = _bounds(c)
        n = self._n_triggers
        hidden: dict[int, set[int]] = {}
        check: dict[int, set[int]] = {}
        verify, is_repeat = self._cand_verify, self._is_repeat
        for idx, start, _ in self._cand.find_matches_as_indexes(c):
            if idx < n:
                if verify[idx] is None and not is_repeat[idx]:
                    found.add(bisect_right(bounds, start))
                else:
                    check.setdefault(bisect_right(bounds, start), set()).add(idx)
            else:
                hidden.setdefault(bisect_right(bounds, start), set()).add(idx)
        literal: dict[int, str] = {}
        # A homophone of a term is no trigger unless a view could see it (之前 for 纸钱);
        # a doubled character needs the collapsed text (微微信) ...
        for m, ids in check.items():
            if m in found:
                continue
            raw = texts[m]
            if any(verify[idx] and any(p in raw for p in verify[idx]) for idx in ids):
                found.add(m)  # written plainly: no need to normalise it (a superset is fine)
                continue
            lit = None
            if any(verify[idx] for idx in ids):
                lit = literal[m] = quick_compact(raw)
                if any(verify[idx] and any(p in lit for p in verify[idx]) for idx in ids):
                    found.add(m)
                    continue
            piece = c[bounds[m - 1] + 1 if m else 0:bounds[m] if m < len(bounds) else len(c)]
            piece = self.views.cand_repeat.sub(r"\1", piece)
            for idx, _, _ in self._cand_all.find_matches_as_indexes(piece, overlapping=True):
                if is_repeat[idx]:
                    continue
                if verify[idx] is None:
                    found.add(m)
                    break
                if lit is None:
                    lit = literal[m] = quick_compact(raw)
                if any(p in lit for p in verify[idx]):
                    found.add(m)
                    break
        # ... and an exemption hides what it overlaps only where it is written literally
        # (八戒企业微信, not 八戒企业薇信): else the message is a candidate after all.
        for m, ids in hidden.items():
            if m in found:
                continue
            piece = c[bounds[m - 1] + 1 if m else 0:bounds[m] if m < len(bounds) else len(c)]
            if self.views.cand_repeat.search(piece):
                found.add(m)  # (the counts below hold for the collapsed text only)
                continue
            raw = texts[m]
            for idx in ids:
                key, phrases = self._cand_exempt[idx - n]
                count = piece.count(key)
                # raw <= literal (normalised) <= encoded occurrences: equal ends settle it
                if count == sum(raw.count(p) for p in phrases):
                    continue
                lit = literal.get(m) or literal.setdefault(m, quick_compact(raw))
                if count != sum(lit.count(p) for p in phrases):
                    found.add(m)
                    break
        ok = self.contacts.trigger_ok
        for m in self.contacts.compact_trigger.finditer(c):
            if ok(m.group(0)):
                found.add(bisect_right(bounds, m.start()))
        return [(i, Views(texts[i])) for i in sorted(found)]

    def candidates(self, texts: list[str]) -> list[int]:
        """Indices of messages that may have hits (a superset of the flagged ones)."""
        return [i for i, _ in self._batch(texts)] if texts else []

    def scan_texts(self, texts: list[str]) -> list[tuple[int, list[Hit]]]:
        """(index, hits) for the flagged messages only; same hits as ``hits`` on each."""
        out = []
        with collector_paused():
            for i, v in self._batch(texts) if texts else ():
                hits = self.hits_views(v) if v.text else []
                if hits:
                    out.append((i, hits))
        return out


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one batch pass.

    The pass makes a tuple per automaton match and a few lists per candidate: hundreds of
    thousands of short-lived containers, freed by reference counting, none in a cycle. Each
    700 of them set off a collection that walks the young objects; on the scan bench those
    walks cost about a sixth of the pass. The collector runs again when the pass ends (only
    the caller that found it running turns it back on, so overlapping passes in threads leave
    it as they found it). The pause is process-wide: a process forked while another thread is
    mid-pass starts with the collector off (the batch pool forks its workers before any pass).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_SEP_RE = re.compile(SEP)
_NUMBERS = frozenset(("phone", "landline", "qq_number"))
_DIGITISH = frozenset(DIGIT_LIKE + "两")


def _styled_digits(matched: str) -> bool:
    """A number written with digit words or styled digits, not plain ASCII digits."""
    return any(not ch.isascii() and (ch in _DIGITISH or fold(ch).isdigit()) for ch in matched)


class _Cover:
    """A union of spans as sorted disjoint intervals: does [a, b) overlap any of them? A message
    can hold thousands of view hits; comparing each with every hit before it was quadratic."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):  # one sweep: merge each span into the last if they overlap
            if a >= b:
                continue
            if self.ends and a < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect_right(self.ends, a)  # the first interval ending after a
        return i < len(self.starts) and self.starts[i] < b

    def add(self, a: int, b: int) -> None:
        if a >= b:
            return
        i, j = bisect_right(self.ends, a), bisect_left(self.starts, b)  # [i, j) overlap [a, b)
        if i < j:
            a, b = min(a, self.starts[i]), max(b, self.ends[j - 1])
        self.starts[i:j] = [a]
        self.ends[i:j] = [b]


def _nothing(a: int, b: int) -> bool:
    return False


def _coverage(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``covered(a, b)``: whether one of ``spans`` holds [a, b). Sorted once, then a bisection
    per question (a message can hold thousands of hits; comparing each with each was quadratic)."""
    if not spans:
        return _nothing
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))

    def covered(a: int, b: int) -> bool:
        i = bisect_right(starts, a)
        return i > 0 and reach[i - 1] >= b

    return covered


def _bounds(view: str) -> list[int]:
    return [m.start() for m in _SEP_RE.finditer(view)]


def default_scanner(directory: Path | str | None = None) -> Scanner:
    """The scanner over ``directory`` (default rules/lexicons), built once per process and directory."""
    return _scanner(str(Path(directory or DEFAULT_DIR).resolve()))


@cache
def _scanner(directory: str) -> Scanner:
    return Scanner(None if Path(directory) == DEFAULT_DIR else directory)


def scan_text(text: str) -> list[Hit]:
    """Scan one message text with the default lexicons."""
    return default_scanner().hits(text)
