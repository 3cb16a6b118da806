"""The what-if page's words for a changed rule item, in the page's language (no item codes on a page)."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import gettext as _

from backoffice.labels import SEVERITY_LABELS, ladder_measure_text
from backoffice.whatif.packs import RuleChange

AUTOMATIC_AT = {"on_flag": lambda: _("when the flag is raised"),
                "next_platform_day": lambda: _("the next platform day")}


def change_item(change: RuleChange) -> str:
    """What changed: 'General, offence no. 2', 'Look-back window', 'Rule added'."""
    what = change.what
    if what.startswith("ladder."):
        _ladder, severity, number = what.split(".")
        return _("%(severity)s, offence no. %(n)s", severity=SEVERITY_LABELS.get(severity, severity), n=number)
    return {
        "added": _("Rule added"), "removed": _("Rule removed"), "window_days": _("Offences counted over"),
        "severities": _("Grades"), "self_check": _("Self-check"), "exam_learning": _("Exam-learning"),
        "automatic": _("Automatic measures"), "source.text.zh": _("Rule text (Chinese)"),
        "source.text.en": _("Rule text (English)"),
    }.get(what, what)


def change_value(change: RuleChange, side: str) -> str:
    """One side ('old' or 'new') of a change, worded: measures with their numbers, days, yes or no."""
    what, value = change.what, getattr(change, side)
    text = change.before if side == "old" else change.after
    if what in ("added", "removed"):
        return text
    if what.startswith("ladder."):
        return _join(ladder_measure_text(m) for m in value) if value else "—"
    if what == "window_days":
        return _("all time") if value is None else _("%(n)d days", n=value)
    if what == "severities":
        return _join(str(SEVERITY_LABELS.get(s, s)) for s in value)
    if what == "self_check":
        return _("yes (%(n)d days)", n=value) if value else _("no")
    if what == "exam_learning":
        return _("yes") if value else _("no")
    if what == "automatic":
        return _join(f"{AUTOMATIC_AT[x.at]()}: {ladder_measure_text(x.measure)}" for x in value) or "—"
    return text


def _join(parts) -> str:
    return ("；" if str(get_locale()).startswith("zh") else "; ").join(parts)
