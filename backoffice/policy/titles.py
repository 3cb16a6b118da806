"""A rule's title for people, in the current language."""

from __future__ import annotations

from flask_babel import get_locale

from backoffice import labels

from . import get_rulebook
from .loader import UnknownRuleError


def rule_title(code: str | None) -> str:
    """The rule's title in the current language, or the code when it is unknown."""
    if not code:
        return str(labels.CATEGORY_LABELS[None])
    try:
        rule = get_rulebook().rule(code)
    except UnknownRuleError:
        try:
            return localized(get_rulebook().customer_rule(code).title)
        except UnknownRuleError:
            return code
    return rule.title_zh if str(get_locale()).startswith("zh") else rule.title_en


def localized(text) -> str:
    """A pack's ``{zh, en}`` text in the current language."""
    return text.zh if str(get_locale()).startswith("zh") else text.en


def fraud_pattern_title(key: str | None) -> str | None:
    """The title of a pack's customer fraud pattern (``customer_rules.scan``) in the current language."""
    book = get_rulebook()
    for platform in book.packs:
        for pattern in book.fraud_patterns(platform):
            if pattern.key == key:
                return localized(pattern.title)
    return None
