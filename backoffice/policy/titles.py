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


def grade_note(code: str | None, offence_no: int | None) -> tuple[str, object] | None:
    """When the reviewer's choice of grade changes nothing, why: ``("one", grade)`` for a rule with a
    single grade, ``("same", offence_no)`` when at this offence number every grade brings the same
    measures (ZBJ's second off-platform contact is a removal whatever its grade); otherwise None."""
    try:
        rule = get_rulebook().rule(code) if code else None
    except UnknownRuleError:
        return None
    if rule is None:
        return None
    if len(rule.severities) == 1:
        return "one", rule.severities[0]
    n = offence_no or 1
    rungs = [rule.ladder[s][min(n, len(rule.ladder[s])) - 1].measures for s in rule.severities]
    return ("same", n) if all(r == rungs[0] for r in rungs[1:]) else None
