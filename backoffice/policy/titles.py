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
        return code
    return rule.title_zh if str(get_locale()).startswith("zh") else rule.title_en
