"""Conversation-level conduct: what the merchant does across messages, not what one message says.

Two detectors read the whole sequence of messages (senders, times, texts), beside the reply-time
detector: ``mechanical.find_mechanical`` (PDD 消极服务: 机械性、答非所问的回复) and
``harassment.find_harassment`` (Taobao 骚扰: 频繁联系, 不合理的时间, 明确拒绝后继续联系). This
module holds what they share: the words of ``rules/lexicons/conduct.yaml``, the text keys they
compare, and the finding they return. Their thresholds are operator settings in the packs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from backoffice.detection.lexicon import CONDUCT_FILE, DEFAULT_DIR
from backoffice.detection.normalize import normalize
from backoffice.rulefiles import RuleModel, Text, load

_PUNCT_RE = re.compile(r"[,。!?;\n]+")

#: (index, sender_role, sent_at, text) for one message; the detectors skip messages without a time.
Said = tuple[int, str, datetime | None, str]
#: How a finding names a message for the reviewer (the conversation's message id).
Ref = Callable[[int], str]


class ConductFile(RuleModel):
    """``rules/lexicons/conduct.yaml``."""

    question_cues: tuple[Text, ...]
    filler: tuple[Text, ...]
    refusals: tuple[Text, ...]
    refusals_whole: tuple[Text, ...]


@dataclass(frozen=True)
class Words:
    question_cues: tuple[str, ...]
    filler: re.Pattern
    refusals: tuple[str, ...]
    refusals_whole: frozenset[str]

    def is_question(self, text: str) -> bool:
        return "?" in text or "？" in text or any(c in key(text) for c in self.question_cues)

    def content(self, text: str) -> str:
        """The text's key without filler words: what a question asks about, what a reply talks about."""
        return self.filler.sub("", key(text))

    def refusal(self, text: str) -> str | None:
        """The customer's explicit refusal in ``text`` (the word that matched), if any."""
        k = key(text)
        if k in self.refusals_whole:
            return k
        return next((w for w in self.refusals if w in k), None)


@dataclass(frozen=True, slots=True)
class ConductHit:
    """One merchant message the conduct detectors found, with why (for the reviewer)."""

    message_index: int
    detector: str  # mechanical_reply, irrelevant_reply, after_refusal, frequent_contact, night_contact
    confidence: float
    #: Message references and numbers the case page puts in words (backoffice.cases.explain).
    evidence: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=4096)  # a message is keyed several times (question? refusal? content?)
def key(text: str) -> str:
    """Near-verbatim identity: folded (case, width, script), without spaces, symbols, emoji or punctuation."""
    return _PUNCT_RE.sub("", normalize(text))


def grams(text: str) -> set[str]:
    """Character bigrams (a one-character text is its own gram): the overlap of two texts' content."""
    if len(text) < 2:
        return {text} if text else set()
    return {text[i:i + 2] for i in range(len(text) - 1)}


def timed(messages: list[Said]) -> list[tuple[datetime, int, str, str]]:
    """The merchant's and the customer's timed messages in time order: (sent_at, index, role, text)."""
    return sorted((t, i, role, text) for i, role, t, text in messages
                  if t is not None and role in ("merchant", "customer"))


def _words(doc: ConductFile) -> Words:
    filler = sorted({key(w) for w in doc.filler} - {""}, key=len, reverse=True)
    return Words(
        question_cues=tuple(key(w) for w in doc.question_cues),
        filler=re.compile("|".join(map(re.escape, filler))),
        refusals=tuple(key(w) for w in doc.refusals),
        refusals_whole=frozenset(key(w) for w in doc.refusals_whole),
    )


def read_words(path: Path) -> Words:
    """Validate one conduct-words file (``flask rules check`` reads it afresh)."""
    return _words(load(path, ConductFile, kind="the conduct words"))


@cache
def load_words(directory: Path | str | None = None) -> Words:
    """The words of ``directory/conduct.yaml`` (default rules/lexicons), validated once."""
    return read_words(Path(directory or DEFAULT_DIR) / CONDUCT_FILE)
