"""Lexicons per category, loaded from rules/lexicons/*.yaml and validated by the rule-file loader.

Every term and variant goes through the same ``normalize`` as the messages, so
a lexicon written in traditional characters or full-width letters still works.
``contacts.yaml`` configures the structured detectors and the official-channel
exemptions (see contacts.py). The directory is passed in (the app passes
``RULES_DIR/lexicons``); without one it is the checkout's ``rules/lexicons``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import model_validator

from backoffice.detection.normalize import normalize
from backoffice.rulefiles import Count, Flag, PathError, RuleFileError, RuleModel, Score, Text, load_with_marks

CATEGORIES = (
    "offsite_contact",
    "ads_spam",
    "illegal_service",
    "abuse",
    "negative_service",
    "prohibited_content",
)
LEXICONS_SUBDIR = "lexicons"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "rules" / LEXICONS_SUBDIR
CONTACTS_FILE = "contacts.yaml"
CONTEXT_FILE = "context.yaml"  # context rules (context.py), not a lexicon
CONDUCT_FILE = "conduct.yaml"  # words of the conversation-level detectors (conduct.py), not a lexicon


def _bare(data: Any, key: str) -> Any:
    """A bare string (or number) in a list stands for ``{key: it}``."""
    if isinstance(data, str | int | float) and not isinstance(data, bool):
        return {key: data}
    return data


class TermEntry(RuleModel):
    """One term (``- 微信`` or a mapping): a canonical term or a group label, with its spellings."""

    term: Text | None = None
    group: Text | None = None
    variants: tuple[Text, ...] = ()
    confidence: Score | None = None
    requires_context: Flag = False
    #: A label of its own: every policy pack must say which rule takes its hits (``detects``).
    routed: Flag = False
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_term(cls, data: Any) -> Any:
        return _bare(data, "term")

    @model_validator(mode="after")
    def _term_or_group(self) -> TermEntry:
        if (self.term is None) == (self.group is None):
            raise ValueError("give exactly one of 'term' or 'group'")
        if self.group is not None and not self.variants:
            raise PathError(("group",), "a group needs variants")
        return self


class ExemptionEntry(RuleModel):
    phrase: Text
    applies_to: tuple[Text, ...] | None = None
    reason: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_phrase(cls, data: Any) -> Any:
        return _bare(data, "phrase")


class LexiconFile(RuleModel):
    """One ``rules/lexicons/<category>.yaml``."""

    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    description: Text | None = None
    default_confidence: Score = 0.7
    context_words: tuple[Text, ...] = ()
    context_window: Count = 8
    terms: tuple[TermEntry, ...]
    exemptions: tuple[ExemptionEntry, ...] = ()

    @model_validator(mode="after")
    def _context_for_requires_context(self) -> LexiconFile:
        for i, entry in enumerate(self.terms):
            if entry.requires_context and not self.context_words:
                raise PathError(("terms", i, "requires_context"),
                                "requires_context but the file has no context_words")
        return self


@dataclass(frozen=True, slots=True)
class Term:
    category: str
    term: str  # canonical term or group label, reported in flags for per-term precision
    pattern: str  # one normalised spelling (the term itself or a variant)
    confidence: float
    requires_context: bool = False
    ascii_word: bool = False  # ASCII letter/digit at an end: must not continue a run (usb vs sb)


@dataclass(frozen=True, slots=True)
class Exemption:
    category: str | None  # None: applies to every category
    pattern: str
    applies_to: frozenset[str] | None  # canonical terms, or None for all terms
    reason: str = ""


@dataclass
class Lexicon:
    terms: list[Term] = field(default_factory=list)
    exemptions: list[Exemption] = field(default_factory=list)
    context_words: dict[str, list[str]] = field(default_factory=dict)
    context_window: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    routed: dict[str, set[str]] = field(default_factory=dict)  # category -> labels with a rule of their own

    def categories(self) -> set[str]:
        return {t.category for t in self.terms}

    def labels(self) -> dict[str, set[str]]:
        """category -> the labels (terms and group names) its hits are reported under."""
        out: dict[str, set[str]] = {}
        for t in self.terms:
            out.setdefault(t.category, set()).add(t.term)
        return out


def _is_ascii_word(p: str) -> bool:
    """Patterns with an ASCII letter or digit at either end need a boundary check."""
    return p[0].isascii() and p[0].isalnum() or p[-1].isascii() and p[-1].isalnum()


def load_file(path: Path, lex: Lexicon) -> None:
    doc, marks = load_with_marks(path, LexiconFile, kind="a lexicon")
    cat = doc.category
    if cat in lex.context_words:
        raise marks.error(("category",), f"category {cat!r} already defined in another file")
    lex.context_words[cat] = [normalize(w) for w in doc.context_words]
    lex.context_window[cat] = doc.context_window
    for i, entry in enumerate(doc.terms):
        label = entry.term or entry.group
        if entry.routed:
            lex.routed.setdefault(cat, set()).add(label)
        spellings = ([entry.term] if entry.term else []) + list(entry.variants)
        conf = entry.confidence if entry.confidence is not None else doc.default_confidence
        seen = set()
        for spelling in spellings:
            pattern = normalize(spelling)
            if not pattern:
                raise marks.error(("terms", i), f"{spelling!r} normalises to nothing")
            if pattern in seen:
                continue
            seen.add(pattern)
            lex.terms.append(Term(cat, label, pattern, conf, entry.requires_context, _is_ascii_word(pattern)))
    for entry in doc.exemptions:
        applies = entry.applies_to
        lex.exemptions.append(
            Exemption(cat, normalize(entry.phrase), frozenset(applies) if applies else None, entry.reason or "")
        )
    lex.files.append(path.name)


def lexicon_files(directory: Path | str | None = None) -> list[Path]:
    """The lexicon files of ``directory`` (default rules/lexicons): every ``*.yaml`` but the detector settings."""
    directory = Path(directory) if directory else DEFAULT_DIR
    return [p for p in sorted(directory.glob("*.yaml")) if p.name not in (CONTACTS_FILE, CONTEXT_FILE, CONDUCT_FILE)]


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """Load and validate every lexicon file in ``directory`` (default rules/lexicons)."""
    directory = Path(directory) if directory else DEFAULT_DIR
    lex = Lexicon()
    for path in lexicon_files(directory):
        load_file(path, lex)
    if not lex.terms:
        raise RuleFileError.one(directory, None, "no lexicon terms found")
    return lex
