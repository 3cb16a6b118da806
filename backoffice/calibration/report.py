"""The calibration numbers as rows that the page, its charts and the CSV downloads share."""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import gettext as _

from backoffice.calibration.agreement import Pair, cohen_kappa, confusion, overall, rates_by
from backoffice.dashboard.charts import bars
from backoffice.timeutil import to_platform_tz

DISAGREEMENTS_SHOWN = 200
RATE_COLUMNS = ("reviews", "verdict_agreements", "verdict_agreement_rate", "full_agreements",
                "full_agreement_rate")


def _by_reviewer(pairs: Sequence[Pair]):
    return rates_by(pairs, lambda p: p.original_reviewer)


def _by_rule(pairs: Sequence[Pair]):
    return rates_by(pairs, lambda p: p.rule)


def _by_second(pairs: Sequence[Pair]):
    return rates_by(pairs, lambda p: p.second_reviewer)


def _overall_rows(pairs: Sequence[Pair]) -> list[tuple]:
    kappa = cohen_kappa(pairs)
    return [(*overall(pairs).row()[1:], "" if kappa is None else kappa)]


def _pair_rows(pairs: Sequence[Pair]) -> list[tuple]:
    return [(p.review_id, p.case_id, p.platform, p.original_reviewer, p.original.verdict,
             p.original.rule_code or "", p.original.severity or "", p.second_reviewer, p.second.verdict,
             p.second.rule_code or "", p.second.severity or "", int(p.verdict_agrees), int(p.fully_agrees),
             to_platform_tz(p.completed_at).isoformat() if p.completed_at else "")
            for p in pairs]


#: name → (columns, rows from the completed pairs): every table on the page downloads as CSV.
DATASETS = {
    "overall": ((*RATE_COLUMNS, "cohen_kappa"), _overall_rows),
    "by_reviewer": (("original_reviewer", *RATE_COLUMNS), lambda ps: [r.row() for r in _by_reviewer(ps)]),
    "by_rule": (("rule", *RATE_COLUMNS), lambda ps: [r.row() for r in _by_rule(ps)]),
    "by_second_reviewer": (("second_reviewer", *RATE_COLUMNS), lambda ps: [r.row() for r in _by_second(ps)]),
    "pairs": (("review", "case", "platform", "original_reviewer", "original_verdict", "original_rule",
               "original_severity", "second_reviewer", "second_verdict", "second_rule", "second_severity",
               "verdict_agrees", "fully_agrees", "completed_at"), _pair_rows),
}


def summary(pairs: Sequence[Pair], rule_label=str) -> dict:
    """Everything the managers' calibration page shows; ``rule_label`` names a rule code for charts."""
    by_reviewer, by_rule = _by_reviewer(pairs), _by_rule(pairs)
    return {
        "overall": overall(pairs),
        "kappa": cohen_kappa(pairs),
        "by_reviewer": by_reviewer,
        "by_rule": by_rule,
        "by_second": _by_second(pairs),
        "confusion": confusion(pairs),
        "disagreements": [p for p in reversed(pairs) if not p.fully_agrees][:DISAGREEMENTS_SHOWN],
        "charts": {
            "by_reviewer": bars([(r.key, r.verdict_rate) for r in by_reviewer], percent=True,
                                title=_("Same verdict by original reviewer")),
            "by_rule": bars([(rule_label(r.key), r.verdict_rate) for r in by_rule], percent=True,
                            title=_("Same verdict by rule")),
        },
    }
