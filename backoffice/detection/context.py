"""Context rules: drop hits that the words around them show are no violation.

``apply(v, hits)`` runs last in ``Scanner.hits_views``, only on messages that
already have hits. It never adds or changes a hit; it only drops hits that are

* **negated or refused** in their clause: a negation cue before the hit with
  only bridge words in between (不能加微信, 我们不加私人微信, 本店不刷单,
  不提供有偿删帖), or a refusal after it that ends the clause (私下加微信是不
  允许的, 您说的加微信我们这边做不到; after a quoting cue such as 您说的 the
  refusal may stand in the next clause). A gap with other words breaks the
  scope: 不要在这里说加我v and 平台上不方便，加我微信吧 still fire;
* inside an **anti-fraud warning** (谨防诈骗，不要添加陌生人微信; 凡是让你加vx
  的都是骗子; 平台提醒：私下转账无保障) with no first-person invitation or
  sales pitch in the sentence;
* the **work's own subject**: a plain tool name attached to a work word
  (QQ机器人, 企业微信对接, 开发一个QQ机器人), not next to a person or a verb of
  sending (我的QQ, 微信发你);
* an **official channel** of the platform (八戒的企业微信, 平台官方客服微信).

Hits that carry a real identifier (phone, QQ number, WeChat id, e-mail, URL,
or a matched text with 5+ digits or an id-like word) are never dropped, and
neither are hits found in an obfuscating view (reversed text, radical splits).

The rules work on the hit's span in the ORIGINAL text (``Hit.start/end``), so
they apply to hits of any view. The text around it is the folded view ``s``
without spaces and symbols; clause breaks are , 。 ! ? ; newlines and a space
between two Chinese characters. Cue words live in rules/lexicons/context.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from backoffice.detection.context_rules import RUN_RE, Rules, default_rules, norm
from backoffice.detection.hits import Hit

T = TypeVar("T")

if TYPE_CHECKING:
    from backoffice.detection.normalize import Views

_CLAUSE = ",。!?;\n"
_SENTENCE = "。!?;\n"
_CLAUSE_RE = re.compile(r"[,。!?;\n]")
_SENTENCE_RE = re.compile(r"[。!?;\n]")
_DELIMITERS = {_CLAUSE: _CLAUSE_RE, _SENTENCE: _SENTENCE_RE}
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_MASK = "\x00"
_ANOTA_RE = re.compile(r"(.)[不没]\1")  # 加不加, 方不方便, 有没有: a question, not a negation
#: The context rules read at most this many hits of a message (see ``apply``).
MAX_CONTEXT_HITS = 256
# a real number or handle: 5+ digits, or a word of 6+ letters and digits with both
_ID_RE = re.compile(r"[0-9]{5,}|(?<![a-z0-9])(?=[a-z0-9]*[0-9])(?=[a-z0-9]*[a-z])[a-z0-9]{6,}")


# -- the context string ----------------------------------------------------
class _Context:
    """The folded text without spaces and symbols, with each character's original index."""

    __slots__ = ("text", "orig", "masked", "_delimiters", "_memo")

    def __init__(self, v: Views, false_cues: re.Pattern) -> None:
        s = v.s
        src = v.s_src()
        chars: list[str] = []
        orig: list[int] = []
        for m in RUN_RE.finditer(s):
            a, b = m.span()
            run = m.group(0)
            if run.isspace():
                if "\n" in run:
                    chars.append("\n")
                elif a > 0 and b < len(s) and _CJK_RE.match(s[a - 1]) and _CJK_RE.match(s[b]):
                    chars.append(",")
                else:
                    continue
                orig.append(src[a])
            else:
                chars.append(run)
                orig.extend(src[a:b])
        self.text = "".join(chars)
        self.orig = orig
        # the same text with false negations (要不, 不如, 能不能...) masked out
        masked = false_cues.sub(lambda m: _MASK * len(m.group(0)), self.text)
        self.masked = _ANOTA_RE.sub(lambda m: _MASK * 3, masked)
        self._delimiters: dict[str, list[int]] = {}
        self._memo: dict[tuple, Any] = {}

    def memo(self, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()`` once per key and message (what a clause or sentence says)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def delimiters(self, chars: str) -> list[int]:
        """The positions of ``chars`` in the text, computed once: a message can hold thousands of
        hits in one long clause, and walking the clause for each was quadratic."""
        at = self._delimiters.get(chars)
        if at is None:
            at = self._delimiters[chars] = [m.start() for m in _DELIMITERS[chars].finditer(self.text)]
        return at

    def locate(self, start: int, end: int) -> tuple[int, int]:
        """Context-string span of an original-text span."""
        a = bisect_left(self.orig, start)
        b = bisect_left(self.orig, end)
        return a, max(a, b)


def _bounds(c: _Context, a: int, b: int, chars: str) -> tuple[int, int]:
    """Start and end of the clause (or sentence) holding [a, b); delimiters inside the hit are ignored."""
    at = c.delimiters(chars)
    i = bisect_left(at, a)
    j = bisect_left(at, b)
    return (at[i - 1] + 1 if i else 0), (at[j] if j < len(at) else len(c.text))


# -- the rules -------------------------------------------------------------
def _is_identifier(h: Hit, spelling: str, r: Rules) -> bool:
    return h.detector in r.keep_detectors or bool(_ID_RE.search(spelling))


def _refusal(c: _Context, r: Rules, text: str, clause: int, start: int, stop: int) -> bool:
    """``text[start:stop]``, the end of the clause from ``clause`` to ``stop``, is a refusal after
    the hit: bridges, one refusal cue, tails (是不允许的哈, 不方便给哈哈哈). Where the tails can
    finish is worked out once per clause, and only once a cue is found."""
    for p in r.post_bridges.reach(text, start, stop):
        for q in r.post_cues.word_ends(text, p, stop):
            if q in c.memo(("tail", clause, stop), lambda: r.tail.finishing(text, clause, stop)):
                return True
    return False


def _negated(c: _Context, a: int, b: int, cs: int, ce: int, first_person: bool, r: Rules) -> bool:
    text = c.masked
    rest = text[b:ce]
    # a refusal after the hit, up to the end of the clause
    if _refusal(c, r, text, cs, b, ce):
        return True
    lo = max(cs, a - r.window)
    m = r.neg_pre.search(text, lo, a)
    if m and not r.breakers.search(rest) and not r.invite_after.match(rest):
        if not first_person:
            return True
        # 加我微信: only an explicit refusal that opens the clause
        if m.group("cue") not in r.neg_weak and r.neg_subjects.spans(text, cs, m.start()):
            return True
    # quoting the customer: 您说的加微信，这个我们做不到
    if r.quote.search(text[max(cs, a - r.window):a]) and r.post_bridges.spans(text, b, ce):
        nxt_start = ce + 1
        if ce < len(text) and text[ce] == ",":
            nxt_end = _CLAUSE_RE.search(text, nxt_start)
            nxt_stop = nxt_end.start() if nxt_end else len(text)
            if _refusal(c, r, text, nxt_start, nxt_start, nxt_stop):
                return True
    return False


def _warning(c: _Context, a: int, b: int, cs: int, ce: int, r: Rules) -> bool:
    ss, se = _bounds(c, a, b, _SENTENCE)
    cues = c.memo(("warning", ss, se), lambda: _warning_cues(c.text, ss, se, r))
    if not cues:
        return False
    i = bisect_left(cues, cs)
    if i < len(cues) and cues[i] < ce:
        return True
    return c.memo(("third party", cs, ce), lambda: bool(r.warn_third.search(c.text, cs, ce)))


def _warning_cues(text: str, ss: int, se: int, r: Rules) -> list[int]:
    """Where the sentence's warning words start, those not negated; none when the sentence
    invites or pitches. Once per sentence: a sentence can hold thousands of hits."""
    sentence = text[ss:se]
    if r.warn_invite.search(sentence) or r.warn_pitch.search(sentence):
        return []
    return [m.start() for m in r.warn_cues.finditer(text, ss, se)
            if not r.warn_negators.search(text, max(ss, m.start() - r.warn_negator_len), m.start())]


def _work(c: _Context, spelling: str, a: int, b: int, cs: int, ce: int, r: Rules) -> bool:
    if spelling.startswith("用"):
        spelling = spelling[1:]
    if spelling not in r.work_spellings:
        return False
    text = c.text
    if r.work_block_before.search(text, cs, a) or r.work_block_after.match(text, b, ce):
        return False
    return bool(r.work_after.match(text, b, ce) or r.work_before.search(text, max(cs, a - r.window), a))


def _official(c: _Context, a: int, b: int, cs: int, ce: int, r: Rules) -> bool:
    m = r.official.search(c.text, max(cs, a - r.window), a)
    if not m or r.official_exit.search(c.text, cs, m.start()):
        return False
    return not r.official_block.search(c.text, b, ce)


def _cancelled(c: _Context, h: Hit, spelling: str, r: Rules) -> bool:
    """``spelling``: the hit's matched text as it appears in the context string."""
    a, b = c.locate(h.start, h.end)
    if a >= len(c.text):
        return False
    cs, ce = _bounds(c, a, b, _CLAUSE)
    cat = h.category
    first_person = "我" in spelling
    negatable = cat in r.neg_categories and not r.neg_keep.search(spelling)
    if negatable and _negated(c, a, b, cs, ce, first_person, r):
        return True
    if cat in r.warn_categories and not first_person and _warning(c, a, b, cs, ce, r):
        return True
    if first_person:
        return False
    if cat in r.work_categories and _work(c, spelling, a, b, cs, ce, r):
        return True
    return cat in r.off_categories and _official(c, a, b, cs, ce, r)


def apply(v: Views, hits: list[Hit], rules: Rules | None = None) -> list[Hit]:
    """The hits that survive the context rules (a sub-list of ``hits``, in order)."""
    if not hits:
        return hits
    r = rules or default_rules()
    cats = r.neg_categories | r.warn_categories | r.work_categories | r.off_categories
    todo = []
    for h in hits:
        if h.category in cats and h.view not in r.keep_views:
            spelling = norm(h.matched)
            if not _is_identifier(h, spelling, r):
                todo.append((h, spelling))
    if not todo:
        return hits
    # Each rule reads the hit's clause or sentence: with thousands of hits in one long message
    # that is quadratic. Past MAX_CONTEXT_HITS the hits stand as found (a message that names a
    # contact tool hundreds of times goes to a person rather than stalling the worker).
    todo = todo[:MAX_CONTEXT_HITS]
    c = _Context(v, r.false_cues)
    if not c.text:
        return hits
    dropped = {id(h) for h, spelling in todo if _cancelled(c, h, spelling, r)}
    return [h for h in hits if id(h) not in dropped] if dropped else hits
