"""Lexicons per category, loaded from rules/lexicons/*.yaml and schema-checked.

Every term and variant goes through the same ``normalize`` as the messages, so
a lexicon written in traditional characters or full-width letters still works.
``contacts.yaml`` configures the structured detectors and the official-channel
exemptions (see contacts.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from backoffice.detection.normalize import normalize
from backoffice.detection.yamlcheck import SchemaError, load_checked

CATEGORIES = (
    "offsite_contact",
    "ads_spam",
    "illegal_service",
    "abuse",
    "negative_service",
    "prohibited_content",
)
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "rules" / "lexicons"
CONTACTS_FILE = "contacts.yaml"
CONTEXT_FILE = "context.yaml"  # context rules (context.py), not a lexicon

_TERM = (
    "oneof",
    str,
    {
        "term?": str,
        "group?": str,
        "variants?": [str],
        "confidence?": ("range", 0.0, 1.0),
        "requires_context?": bool,
        "note?": str,
    },
)
_EXEMPTION = ("oneof", str, {"phrase": str, "applies_to?": [str], "reason?": str})
LEXICON_SCHEMA = {
    "category": ("enum", *CATEGORIES),
    "description?": str,
    "default_confidence?": ("range", 0.0, 1.0),
    "context_words?": [str],
    "context_window?": int,
    "terms": [_TERM],
    "exemptions?": [_EXEMPTION],
}


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

    def categories(self) -> set[str]:
        return {t.category for t in self.terms}


def _is_ascii_word(p: str) -> bool:
    """Patterns with an ASCII letter or digit at either end need a boundary check."""
    return p[0].isascii() and p[0].isalnum() or p[-1].isascii() and p[-1].isalnum()


def load_file(path: Path, lex: Lexicon) -> None:
    data = load_checked(path, LEXICON_SCHEMA)
    cat = data["category"]
    if cat in lex.context_words:
        raise SchemaError(f"{path}:1: $.category: category {cat!r} already defined in another file")
    default = data.get("default_confidence", 0.7)
    lex.context_words[cat] = [normalize(w) for w in data.get("context_words", [])]
    lex.context_window[cat] = data.get("context_window", 8)
    for i, entry in enumerate(data["terms"]):
        if isinstance(entry, str):
            entry = {"term": entry}
        if ("term" in entry) == ("group" in entry):
            raise SchemaError(f"{path}: $.terms[{i}]: give exactly one of 'term' or 'group'")
        if "group" in entry and not entry.get("variants"):
            raise SchemaError(f"{path}: $.terms[{i}]: a group needs variants")
        label = entry.get("term") or entry["group"]
        spellings = ([entry["term"]] if "term" in entry else []) + entry.get("variants", [])
        conf = entry.get("confidence", default)
        if entry.get("requires_context") and not lex.context_words[cat]:
            raise SchemaError(f"{path}: $.terms[{i}]: requires_context but the file has no context_words")
        seen = set()
        for spelling in spellings:
            pattern = normalize(spelling)
            if not pattern:
                raise SchemaError(f"{path}: $.terms[{i}]: {spelling!r} normalises to nothing")
            if pattern in seen:
                continue
            seen.add(pattern)
            lex.terms.append(
                Term(cat, label, pattern, conf, entry.get("requires_context", False),
                     _is_ascii_word(pattern))
            )
    for entry in data.get("exemptions", []):
        if isinstance(entry, str):
            entry = {"phrase": entry}
        applies = entry.get("applies_to")
        lex.exemptions.append(
            Exemption(cat, normalize(entry["phrase"]), frozenset(applies) if applies else None,
                      entry.get("reason", ""))
        )
    lex.files.append(path.name)


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """Load and check every lexicon file in ``directory`` (default rules/lexicons)."""
    directory = Path(directory) if directory else DEFAULT_DIR
    lex = Lexicon()
    for path in sorted(directory.glob("*.yaml")):
        if path.name not in (CONTACTS_FILE, CONTEXT_FILE):
            load_file(path, lex)
    if not lex.terms:
        raise SchemaError(f"{directory}: no lexicon terms found")
    return lex
