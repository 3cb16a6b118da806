"""What a ruling is, and the facts every page, document and notice states about it.

A ruling is a violation verdict that has been applied; its record is the reviewer's
``CaseDecision``. These functions read the decision (and, for a plan stored before the rule's
wording was frozen into it, the rule book); they never touch the database.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, TypeAlias

from dateutil.relativedelta import relativedelta

from backoffice.cases.models import CaseDecision, DecisionStatus, Verdict
from backoffice.policy import get_rulebook
from backoffice.policy.compute import cited_rule
from backoffice.timeutil import platform_day_bounds, platform_tz, to_platform_tz

#: A ruling is a ``CaseDecision`` with a violation verdict that has been applied.
Ruling: TypeAlias = CaseDecision

NUMBER_RE = re.compile(r"\b([A-Z]{3,9})-(\d{8})-(\d{6,})\b")


def ruling_time(ruling: Ruling) -> datetime:
    """When the ruling took effect (approval time for four-eyes decisions)."""
    return ruling.approved_at or ruling.decided_at


def ruling_number(ruling: Ruling) -> str:
    """``ZBJ-20261121-000042``: platform, platform day of the decision, ruling id."""
    day = to_platform_tz(ruling_time(ruling)).strftime("%Y%m%d")
    return f"{ruling.case.platform.value.upper()}-{day}-{ruling.id:06d}"


def ruling_id_from_number(number: str) -> int | None:
    match = NUMBER_RE.fullmatch(number.strip())
    return int(match.group(3)) if match else None


def cited_of(ruling: Ruling, plan: dict | None = None) -> dict[str, Any]:
    """The rule as worded when the ruling was made (its plan's snapshot, ``policy.compute.cited_rule``);
    for plans stored before that snapshot existed, as worded now."""
    plan = plan if plan is not None else (ruling.preview or {})
    return plan.get("cited") or cited_rule(get_rulebook().rule(ruling.rule_code))


def appeal_deadline(ruling: Ruling) -> datetime:
    """End of the last day of the rule's appeal window, counted in platform days from the ruling.

    The window is the one the rule granted when the ruling was made, not whatever a later
    rule-set version says. For a merchant in the EU it lasts at least six calendar months
    (``appeal_min_months``, frozen into the ruling when it was made; a month-end day that the
    later month lacks becomes that month's last day)."""
    cited = cited_of(ruling)
    local_day = ruling_time(ruling).astimezone(platform_tz()).date()
    last_day = local_day + timedelta(days=cited["appeal_days"])
    if months := cited.get("appeal_min_months"):
        last_day = max(last_day, local_day + relativedelta(months=months))
    _, end = platform_day_bounds(last_day)
    return end


def is_ruling(decision: CaseDecision) -> bool:
    """Whether the decision is a ruling: a violation verdict that has been applied."""
    return decision.verdict is Verdict.violation and decision.status is DecisionStatus.applied


def appealable(ruling: Ruling) -> bool:
    """A ruling that imposed a penalty can be appealed."""
    return is_ruling(ruling) and ruling.penalty_decision_id is not None
