"""Lexicon matching with ahocorasick-rs over the compact normalised view.

Two automata are built once from the lexicon:
* ``trigger``: term spellings only, for the cheap candidate pass over batches;
* ``full``: term spellings, exemption phrases and context words, for the
  detailed pass over the few candidate messages.

Matching is ``MatchKind.Standard`` with ``overlapping=True`` so that no term is
hidden by another (微信 inside 八戒企业微信 is found and then exempted).
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick_rs as ac

from backoffice.detection.lexicon import Lexicon, Term

_TERM, _EXEMPT, _CONTEXT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class TermHit:
    term: Term
    start: int  # offsets in the compact view
    end: int


def _char_class(ch: str) -> int:
    if "a" <= ch <= "z":
        return 1
    if "0" <= ch <= "9":
        return 2
    return 0


def _at_word_boundary(text: str, start: int, end: int, pattern: str) -> bool:
    """An ASCII pattern must not continue a run of the same class (usb vs sb, 1688 in a phone)."""
    first, last = _char_class(pattern[0]), _char_class(pattern[-1])
    if first and start > 0 and _char_class(text[start - 1]) == first:
        return False
    return not (last and end < len(text) and _char_class(text[end]) == last)


class LexiconMatcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        entries: dict[str, list[tuple[int, object]]] = {}
        for term in lexicon.terms:
            entries.setdefault(term.pattern, []).append((_TERM, term))
        for ex in lexicon.exemptions:
            entries.setdefault(ex.pattern, []).append((_EXEMPT, ex))
        for cat, words in lexicon.context_words.items():
            for w in words:
                entries.setdefault(w, []).append((_CONTEXT, cat))
        self._patterns = list(entries)
        self._entries = [entries[p] for p in self._patterns]
        self.full = ac.AhoCorasick(self._patterns, matchkind=ac.MatchKind.Standard)
        self.trigger_patterns = sorted({t.pattern for t in lexicon.terms})
        self.trigger = ac.AhoCorasick(self.trigger_patterns, matchkind=ac.MatchKind.Standard)

    def candidate_automaton(self, keys: list[str], encode, literal: list[tuple[str, str, str]]):
        """Leftmost-longest automaton for the batch pass: the trigger ``keys`` (in the
        batch encoding), then the exemptions (encoded by ``encode``) that are safe to let
        hide what they overlap. Safety is judged on the literal spellings ``literal``
        ((pattern, category, term): term spellings and contact aliases): the batch pass
        lets an exemption hide only where it is written literally, and view hits that
        overlap a literal exemption are dropped. Returns (automaton, n, exemption keys)
        where ids >= n are exemptions.
        """
        key_set = set(keys)
        safe, longer = set(), set()
        for ex in self.lexicon.exemptions:
            ext = self._safe(ex, literal)
            if ext is not None:
                safe.add(encode(ex.pattern))
                longer.update(encode(x) for x in ext)
        longer -= key_set
        keys = keys + sorted(longer)  # new triggers (verified like views)
        safe = sorted(safe - set(keys))
        automaton = ac.AhoCorasick(keys + safe, matchkind=ac.MatchKind.LeftmostLongest)
        return automaton, keys, safe

    def _safe(self, ex, pairs: list[tuple[str, str, str]]) -> list[str] | None:
        """None when the exemption could hide a term spelling that it does not cancel and
        that lies inside it; else the spellings that start inside it and run past its end
        (八戒企业微信 + 信用卡套现): written after the phrase (八戒企业微信用卡套现), they
        are batch triggers of their own, so that the phrase cannot hide them."""
        phrase = ex.pattern
        longer = []
        for k in range(len(phrase)):
            tail = phrase[k:]
            for p, cat, term in pairs:
                if (tail.startswith(p) or p.startswith(tail)) and not (
                    ex.category in (None, cat) and (ex.applies_to is None or term in ex.applies_to)
                ):
                    if len(p) <= len(tail):
                        return None
                    longer.append(phrase[:k] + p)
        return longer

    def exemption_spans(self, compact: str, category: str | None) -> list[tuple[object, int, int]]:
        """Exemption matches of one category, or of all with None (for the structured detectors)."""
        out = []
        for idx, start, end in self.full.find_matches_as_indexes(compact, overlapping=True):
            for kind, obj in self._entries[idx]:
                if kind == _EXEMPT and (category is None or obj.category in (None, category)):
                    out.append((obj, start, end))
        return out

    def match(self, compact: str, extra_exempt=()) -> list[TermHit]:
        """All lexicon hits in one compact view, after boundaries, exemptions (plus
        ``extra_exempt``: (exemption, start, end) found elsewhere) and context."""
        raw = self.full.find_matches_as_indexes(compact, overlapping=True)
        if not raw:
            return []
        terms: list[TermHit] = []
        exempt: list[tuple[object, int, int]] = list(extra_exempt)
        context: dict[str, list[tuple[int, int]]] = {}
        for idx, start, end in raw:
            for kind, obj in self._entries[idx]:
                if kind == _TERM:
                    if not obj.ascii_word or _at_word_boundary(compact, start, end, obj.pattern):
                        terms.append(TermHit(obj, start, end))
                elif kind == _EXEMPT:
                    exempt.append((obj, start, end))
                else:
                    context.setdefault(obj, []).append((start, end))
        if not terms:
            return []
        kept = [h for h in terms if not _exempted(h, exempt) and _context_ok(h, context, self.lexicon)]
        return _drop_contained(kept)


def _exempted(hit: TermHit, exemptions: list[tuple[object, int, int]]) -> bool:
    t = hit.term
    return exempted_span(t.category, t.term, hit.start, hit.end, exemptions)


def exempted_span(category: str, term: str, start: int, end: int, exemptions) -> bool:
    """A hit is exempt when an exemption of its category that applies to its term overlaps it."""
    for ex, s, e in exemptions:
        if s < end and start < e and ex.category in (None, category) and (
                ex.applies_to is None or term in ex.applies_to):
            return True
    return False


def _context_ok(hit: TermHit, context: dict[str, list[tuple[int, int]]], lex: Lexicon) -> bool:
    t = hit.term
    if not t.requires_context:
        return True
    window = lex.context_window.get(t.category, 8)
    for s, e in context.get(t.category, ()):
        if (s < hit.start or e > hit.end) and s - hit.end <= window and hit.start - e <= window:
            return True
    return False


def _drop_contained(hits: list[TermHit]) -> list[TermHit]:
    """Within a category keep the most specific hit: drop hits inside a longer one."""
    if len(hits) < 2:
        return hits
    few = len(hits) <= _FEW_HITS
    out = [h for h in hits if not any(_covers(o, h) for o in hits)] if few else _not_covered(hits)
    # identical spans with identical confidence: keep the first
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for h in out:
        key = (h.term.category, h.start, h.end)
        if key not in seen:
            seen.add(key)
            unique.append(h)
    return unique


#: Up to this many hits the pairwise test is quicker than the sweep (a message has a few).
_FEW_HITS = 16


def _covers(o: TermHit, h: TermHit) -> bool:
    """``o`` is a longer hit of ``h``'s category around it, or one of the same span and surer."""
    return (o is not h and o.term.category == h.term.category and o.start <= h.start and h.end <= o.end
            and (o.end - o.start > h.end - h.start
                 or (o.end - o.start == h.end - h.start and o.term.confidence > h.term.confidence)))


def _not_covered(hits: list[TermHit]) -> list[TermHit]:
    """The hits no other hit covers (``_covers``), in one sweep: for thousands of hits in one
    message, comparing every pair was quadratic."""
    # Per category and start: the furthest end reached by a span that starts earlier (any such
    # span reaching h.end is longer), the furthest end among spans of the same start, and the
    # surest confidence of each span.
    surest: dict[tuple[str, int, int], float] = {}
    by_start: dict[tuple[str, int], int] = {}
    for h in hits:
        key = (h.term.category, h.start, h.end)
        surest[key] = max(surest.get(key, h.term.confidence), h.term.confidence)
        by_start[key[:2]] = max(by_start.get(key[:2], h.end), h.end)
    reach_before: dict[tuple[str, int], int] = {}
    furthest: dict[str, int] = {}
    for cat, start in sorted(by_start):
        reach_before[(cat, start)] = furthest.get(cat, -1)
        furthest[cat] = max(furthest.get(cat, -1), by_start[(cat, start)])
    out = []
    for h in hits:
        cat = h.term.category
        inside = (reach_before[(cat, h.start)] >= h.end or by_start[(cat, h.start)] > h.end
                  or surest[(cat, h.start, h.end)] > h.term.confidence)
        if not inside:
            out.append(h)
    return out
