"""The message scanner: normalise, match the lexicon, run the contact detectors.

``Scanner.hits(text)`` is the detailed scan of one message. For many messages
``Scanner.scan_texts(texts)`` first runs a batch candidate pass (the messages
joined with a separator, normalised and matched in a handful of C calls) and
then the detailed scan only on candidates; the result is identical to calling
``hits`` on every message, just faster.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from backoffice.detection.contacts import ContactDetector
from backoffice.detection.lexicon import load_lexicon
from backoffice.detection.matchers import LexiconMatcher, exempted_span
from backoffice.detection.normalize import SEP, Views, quick_compact

CONTACT_CATEGORY = "offsite_contact"


@dataclass(frozen=True, slots=True)
class Hit:
    """One finding in one text; start/end index the ORIGINAL text."""

    category: str
    start: int
    end: int
    matched: str
    detector: str  # "lexicon", "phone", "landline", "qq_number", "wechat_id", "email", "url"
    term: str  # lexicon term (or group), or the detector's kind of contact
    confidence: float


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
    #                       attachments[attachment_index].text; "timing": reply-time flag
    attachment_index: int | None = None
    detail: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        if d["attachment_index"] is None:
            del d["attachment_index"]
        if d["detail"] is None:
            del d["detail"]
        return d


class Scanner:
    def __init__(self, directory: Path | str | None = None) -> None:
        self.lexicon = load_lexicon(directory)
        self.matcher = LexiconMatcher(self.lexicon)
        self.contacts = ContactDetector(directory)
        self._cand, self._n_triggers = self.matcher.candidate_automaton(self.contacts.trigger_words)

    # -- one message -----------------------------------------------------
    def hits(self, text: str) -> list[Hit]:
        return self.hits_views(Views(text)) if text else []

    def hits_views(self, v: Views) -> list[Hit]:
        lex = self.matcher.match(v.compact)
        con = self.contacts.detect(v.compact, v.s)
        if con:  # official channels and WeChat-as-work exemptions apply to contact hits too
            ex = self.matcher.exemption_spans(v.compact, CONTACT_CATEGORY)
            if ex:
                con = [h for h in con if h.view != "compact"
                       or not exempted_span(CONTACT_CATEGORY, h.term, h.start, h.end, ex)]
        if not lex and not con:
            return []
        text = v.text
        out: list[Hit] = []
        spans: list[tuple[int, int]] = []
        for h in con:
            a, b = v.span(h.start, h.end, h.view)
            spans.append((a, b))
            out.append(Hit(CONTACT_CATEGORY, a, b, text[a:b], h.detector, h.term, h.confidence))
        for h in lex:
            a, b = v.span(h.start, h.end)
            t = h.term
            if t.category == CONTACT_CATEGORY and any(sa <= a and b <= sb for sa, sb in spans):
                continue  # "qq" inside "qq 123456789": the structured hit says more
            out.append(Hit(t.category, a, b, text[a:b], "lexicon", t.term, t.confidence))
        out.sort(key=lambda h: (h.start, h.end, h.category))
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
        c = quick_compact(joined)
        found: set[int] = set()
        bounds = _bounds(c)
        n = self._n_triggers
        for idx, start, _ in self._cand.find_matches_as_indexes(c):
            if idx < n:
                found.add(bisect_right(bounds, start))
        for m in self.contacts.compact_trigger.finditer(c):
            found.add(bisect_right(bounds, m.start()))
        return [(i, Views(texts[i])) for i in sorted(found)]

    def candidates(self, texts: list[str]) -> list[int]:
        """Indices of messages that may have hits (a superset of the flagged ones)."""
        return [i for i, _ in self._batch(texts)] if texts else []

    def scan_texts(self, texts: list[str]) -> list[tuple[int, list[Hit]]]:
        """(index, hits) for the flagged messages only; same hits as ``hits`` on each."""
        out = []
        for i, v in self._batch(texts) if texts else ():
            hits = self.hits_views(v) if v.text else []
            if hits:
                out.append((i, hits))
        return out


def _bounds(view: str) -> list[int]:
    out = []
    pos = view.find(SEP)
    while pos >= 0:
        out.append(pos)
        pos = view.find(SEP, pos + 1)
    return out


@cache
def default_scanner() -> Scanner:
    """The scanner over rules/lexicons, built once per process."""
    return Scanner()


def scan_text(text: str) -> list[Hit]:
    """Scan one message text with the default lexicons."""
    return default_scanner().hits(text)
