"""A finding of the detector in one text (shared by the scanner and the context rules)."""

from __future__ import annotations

from dataclasses import dataclass


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
    #: The view of the text the match was found in (for the reviewer's explanation): "folded"
    #: (the normalised text), "pinyin", "initials", "reversed", "components" (radical split),
    #: "digits" (digit words, styled digits), "joined" (across consecutive messages).
    view: str = "folded"
    #: What the view saw, for the reviewer: "pinyin of 微信 (维心)", "masked mobile number 138****1234".
    detail: str | None = None
