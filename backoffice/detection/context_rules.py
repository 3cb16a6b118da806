"""The context rules' cue words (rules/lexicons/context.yaml), checked and compiled once.

``context.apply`` reads a message with them; see ``context`` for what each rule drops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import Field

from backoffice.detection.chains import Chain
from backoffice.detection.lexicon import CONTEXT_FILE, DEFAULT_DIR
from backoffice.detection.normalize import fold
from backoffice.rulefiles import Marks, RuleModel, Text, load_with_marks

Words = tuple[Text, ...]


class NegationRules(RuleModel):
    categories: Words
    cues: Words
    false_cues: Words
    weak_cues: Words
    subjects: Words
    keep_spellings: Words
    bridges: Words
    breakers: Words
    invite_after: Words
    post_cues: Words
    post_bridges: Words
    tail: Words
    quote_cues: Words


class WarningRules(RuleModel):
    categories: Words
    cues: Words
    invitations: Words
    pitch: Words
    negators: Words
    third_party: Words


class WorkRules(RuleModel):
    categories: Words
    spellings: Words
    words_after: Words
    gap_after: Words
    verbs_before: Words
    gap_before: Words
    blockers_before: Words
    blockers_after: Words


class OfficialRules(RuleModel):
    categories: Words
    markers: Words
    exits: Words
    bridges: Words
    blockers_after: Words


class ContextFile(RuleModel):
    """``rules/lexicons/context.yaml``."""

    window: int = Field(strict=True, ge=1)
    keep_detectors: Words
    keep_views: Words
    negation: NegationRules
    warning: WarningRules
    work: WorkRules
    official: OfficialRules


# Characters kept in the context string: word characters and clause punctuation
# (fold() has already turned ，；！？ into , ; ! ?). Everything else is dropped,
# except whitespace between two Chinese characters, which breaks the clause.
RUN_RE = re.compile(r"[^\W_]+|[,。!?;\n]|\s+")
_ALNUM_RE = re.compile(r"[a-z0-9]+")
#: At most this many pieces (gap words, letter runs, digit runs) between a tool and its work
#: word ("微信 公众号 的 开发"). Gap words made of other gap words (企业微信 = 企业 + 微信) are
#: read in several ways; bounded, the ways are few. The other cue-word runs are either inside a
#: window of ``window`` characters or read by a ``Chain`` in linear time.
MAX_CUE_RUN = 8


def norm(word: str) -> str:
    """A cue word as it appears in the context string (folded, no spaces or symbols)."""
    return "".join(m.group(0) for m in RUN_RE.finditer(fold(word)) if not m.group(0).isspace())


def _words(words: tuple[str, ...], marks: Marks, loc: tuple[str, ...]) -> set[str]:
    """The cue words as they appear in the context string; none may normalise to nothing."""
    normed = {norm(w) for w in words}
    if "" in normed:
        raise marks.error(loc, "a word normalises to nothing")
    return normed


def _alt(words: tuple[str, ...], marks: Marks, loc: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(_words(words, marks, loc), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Rules:
    window: int
    keep_detectors: frozenset[str]
    keep_views: frozenset[str]
    neg_categories: frozenset[str]
    neg_pre: re.Pattern  # cue bridge* $ (on the text before the hit)
    neg_weak: frozenset[str]
    neg_subjects: Chain  # the clause before a cue governing 加我微信
    neg_keep: re.Pattern
    false_cues: re.Pattern
    breakers: re.Pattern
    invite_after: re.Pattern
    post_bridges: Chain  # the rest of the clause: bridges, a refusal cue, tails (see _refusal)
    post_cues: Chain
    tail: Chain
    quote: re.Pattern  # quote-cue bridge* $
    warn_categories: frozenset[str]
    warn_cues: re.Pattern
    warn_invite: re.Pattern
    warn_pitch: re.Pattern
    warn_negators: re.Pattern  # negator $ (on the text before a warning word)
    warn_negator_len: int  # the longest negator
    warn_third: re.Pattern
    work_categories: frozenset[str]
    work_spellings: frozenset[str]
    work_after: re.Pattern
    work_before: re.Pattern
    work_block_before: re.Pattern
    work_block_after: re.Pattern
    off_categories: frozenset[str]
    official: re.Pattern  # marker bridge* $ (on the text before the hit)
    official_exit: re.Pattern  # exit $ (on the text before the marker)
    official_block: re.Pattern


def load_rules(path: Path | str | None = None) -> Rules:
    """Load and check the context rules (default rules/lexicons/context.yaml)."""
    path = Path(path) if path else DEFAULT_DIR / CONTEXT_FILE
    cfg, marks = load_with_marks(path, ContextFile, kind="the context rules")
    n, w, k, o = cfg.negation, cfg.warning, cfg.work, cfg.official

    def alt(section: RuleModel, key: str, name: str) -> str:
        return _alt(getattr(section, key), marks, (name, key))

    def chain(section: RuleModel, key: str, name: str) -> Chain:
        return Chain(_words(getattr(section, key), marks, (name, key)))

    # Between a tool and its work word: gap words, letter runs and digit runs, then the start of
    # a run the work word ends (微信jssdk, 企业微信openapi). The runs are possessive and the gap
    # words that are runs themselves ("qq") are left to them, so a run of letters is read one way
    # only: with ``(?:...|[a-z0-9]{1,10})*`` a message typed in pinyin
    # ("...zaiweixinlifahaoshijack97952jide...") backtracked exponentially and hung the scanner.
    work_gap = _alt(tuple(x for x in k.gap_after if not _ALNUM_RE.fullmatch(norm(x))), marks,
                    ("work", "gap_after"))
    bridges = alt(n, "bridges", "negation")
    return Rules(
        window=cfg.window,
        keep_detectors=frozenset(cfg.keep_detectors),
        keep_views=frozenset(cfg.keep_views),
        neg_categories=frozenset(n.categories),
        neg_pre=re.compile(rf"(?P<cue>{alt(n, 'cues', 'negation')})(?:{bridges})*$"),
        neg_weak=frozenset(norm(x) for x in n.weak_cues),
        neg_subjects=chain(n, "subjects", "negation"),
        neg_keep=re.compile(alt(n, "keep_spellings", "negation")),
        false_cues=re.compile(alt(n, "false_cues", "negation")),
        breakers=re.compile(alt(n, "breakers", "negation")),
        invite_after=re.compile(rf"(?:{alt(n, 'invite_after', 'negation')})"),
        post_bridges=chain(n, "post_bridges", "negation"),
        post_cues=chain(n, "post_cues", "negation"),
        tail=chain(n, "tail", "negation"),
        quote=re.compile(rf"(?:{alt(n, 'quote_cues', 'negation')})(?:{bridges})*$"),
        warn_categories=frozenset(w.categories),
        warn_cues=re.compile(alt(w, "cues", "warning")),
        warn_invite=re.compile(alt(w, "invitations", "warning")),
        warn_pitch=re.compile(alt(w, "pitch", "warning")),
        warn_negators=re.compile(rf"(?:{alt(w, 'negators', 'warning')})$"),
        warn_negator_len=max(len(norm(x)) for x in w.negators),
        warn_third=re.compile(alt(w, "third_party", "warning")),
        work_categories=frozenset(k.categories),
        work_spellings=frozenset(norm(x) for x in k.spellings),
        work_after=re.compile(
            rf"(?:{work_gap}|[a-z]++|[0-9]++){{0,{MAX_CUE_RUN}}}[a-z0-9]*?(?:{alt(k, 'words_after', 'work')})"
        ),
        work_before=re.compile(rf"(?:{alt(k, 'verbs_before', 'work')})(?:{alt(k, 'gap_before', 'work')})*$"),
        work_block_before=re.compile(rf"(?:{alt(k, 'blockers_before', 'work')})$"),
        work_block_after=re.compile(alt(k, "blockers_after", "work")),
        off_categories=frozenset(o.categories),
        official=re.compile(rf"(?:{alt(o, 'markers', 'official')})(?:{alt(o, 'bridges', 'official')})*$"),
        official_exit=re.compile(rf"(?:{alt(o, 'exits', 'official')})$"),
        official_block=re.compile(alt(o, "blockers_after", "official")),
    )


@cache
def default_rules() -> Rules:
    """The shipped rules, loaded and checked once per process."""
    return load_rules()
