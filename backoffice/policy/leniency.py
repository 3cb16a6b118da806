"""Seed 004 leniency: self-check correction (自检自查) and exam-learning (考试学习). Pure functions.

Self-check: for eligible violation types, the natural day (platform time, until 24:00) on
which the first violation is established is day 1, and every occurrence that day is only
corrected, with no points. With "累计两日", the day on which a violation is again
established after day 1 has ended is day 2 and is treated the same way. Later days are
penalised normally.

Exam-learning: passing the exam revokes the penalty (points removed, deleted listings
restored). One passing chance per violation sub-type and grade per natural year. For a
serious case the exam lifts only the restriction measure; points and deletions stay. The exam
entrance has an opening time (四: "考试入口及其开放时间"): :func:`exam_window`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal
from zoneinfo import ZoneInfo

from .plan import MeasurePlan, PlannedMeasure
from .schema import Rule, Severity

Grade = Literal["general", "serious"]
#: What a self-check correction keeps: the offending content is still dealt with.
CORRECTION_TYPES = ("content_removal", "warning")
#: What passing the exam lifts in a serious case ("解除限制发布商品的措施").
SERIOUS_EXAM_LIFTS = ("listing_restriction", "business_restriction")
#: Never revoked by an exam: money already owed to the consumer.
NOT_REVOCABLE = ("consumer_compensation",)


class LeniencyError(ValueError):
    """Leniency does not apply; the message says why."""


@dataclass(frozen=True)
class SelfCheckResult:
    at: dt.datetime
    local_date: dt.date
    corrected: bool
    day: int | None  # self-check day 1 or 2; None when penalised normally


def self_check_outcomes(
    occurrences: Iterable[dt.datetime], tz: ZoneInfo, days_allowed: int = 2
) -> list[SelfCheckResult]:
    """Classify each occurrence of one eligible violation type of one merchant, in time order."""
    if days_allowed not in (1, 2):
        raise ValueError("days_allowed is 1 (一日) or 2 (累计两日)")
    correction_days: list[dt.date] = []
    results = []
    for at in sorted(occurrences):
        if at.tzinfo is None:
            raise ValueError(f"occurrence times must be timezone-aware, got {at!r}")
        local_date = at.astimezone(tz).date()
        if local_date not in correction_days and len(correction_days) < days_allowed:
            correction_days.append(local_date)
        if local_date in correction_days:
            results.append(SelfCheckResult(at, local_date, True, correction_days.index(local_date) + 1))
        else:
            results.append(SelfCheckResult(at, local_date, False, None))
    return results


def self_check_applies(
    rule: Rule, earlier: Iterable[dt.datetime], at: dt.datetime, tz: ZoneInfo
) -> SelfCheckResult:
    """Say whether the occurrence at `at` is only corrected, given the earlier occurrences of this rule."""
    if not rule.self_check:
        return SelfCheckResult(at, at.astimezone(tz).date(), False, None)
    outcomes = self_check_outcomes([*earlier, at], tz, rule.self_check_days)
    return next(o for o in reversed(outcomes) if o.at == at)


def apply_self_check(plan: MeasurePlan, result: SelfCheckResult) -> MeasurePlan:
    """Reduce a plan to a correction without points (仅作违规行为纠正不扣分)."""
    if not result.corrected:
        return plan
    kept = tuple(m for m in plan.measures if m.type in CORRECTION_TYPES)
    note = (
        f"self-check correction (day {result.day} of {result.local_date.isoformat()}): corrected, no points"
    )
    return replace(plan, measures=kept, explanation=f"{plan.explanation}; {note}")


@dataclass(frozen=True)
class ExamPass:
    """A passed exam in the merchant's history."""

    subtype: str  # the violation sub-type, i.e. the rule code
    grade: Grade
    passed_at: dt.datetime


@dataclass(frozen=True)
class ExamRelief:
    revoked: tuple[PlannedMeasure, ...]
    kept: tuple[PlannedMeasure, ...]
    explanation: str


def exam_grade(severity: Severity) -> Grade:
    return "general" if severity == "general" else "serious"


def exam_chance_available(
    rule: Rule, severity: Severity, at: dt.datetime, passes: Iterable[ExamPass], tz: ZoneInfo
) -> bool:
    """Return whether the merchant still has this natural year's exam chance for the rule and grade."""
    if not rule.exam_learning or severity == "especially_serious":
        return False
    year = at.astimezone(tz).year
    grade = exam_grade(severity)
    return not any(
        p.subtype == rule.code and p.grade == grade and p.passed_at.astimezone(tz).year == year
        for p in passes
    )


def exam_relief(
    rule: Rule, plan: MeasurePlan, passes: Iterable[ExamPass], passed_at: dt.datetime, tz: ZoneInfo
) -> ExamRelief:
    """Return which measures of `plan` a passed exam lifts; raise LeniencyError when it cannot."""
    if plan.rule_code != rule.code:
        raise LeniencyError(f"plan is for {plan.rule_code}, not {rule.code}")
    severity: Severity = plan.severity  # type: ignore[assignment]
    if not rule.exam_learning:
        raise LeniencyError(f"{rule.code} is not eligible for exam-learning")
    if severity == "especially_serious":
        raise LeniencyError("exam-learning does not apply to especially serious cases")
    if not exam_chance_available(rule, severity, plan.decided_at, passes, tz):
        year = plan.decided_at.astimezone(tz).year
        raise LeniencyError(
            f"the {exam_grade(severity)} exam chance for {rule.code} in {year} has already been used"
        )
    if severity == "general":
        lifts = tuple(m.type for m in plan.measures if m.type not in NOT_REVOCABLE)
        summary = "penalty revoked: points removed, deleted content restored"
    else:
        lifts = SERIOUS_EXAM_LIFTS
        summary = "restriction lifted; points and deletions stay"
    revoked = tuple(m for m in plan.measures if m.type in lifts)
    kept = tuple(m for m in plan.measures if m.type not in lifts)
    when = passed_at.astimezone(tz).date().isoformat()
    return ExamRelief(
        revoked, kept, f"exam passed on {when} ({exam_grade(severity)} case of {rule.code}): {summary}"
    )


def exam_window(
    penalised_at: dt.datetime, opens_after_days: int, open_days: int, tz: ZoneInfo
) -> tuple[dt.datetime, dt.datetime]:
    """Return when the exam entrance opens and closes (UTC), for a penalty that took effect at `penalised_at`.

    It opens at 00:00 (platform time) of the natural day `opens_after_days` after the penalty's day,
    or at once when that is 0, and closes at 24:00 of its `open_days`-th natural day (the opening
    day counts as the first).
    """
    if opens_after_days < 0 or open_days < 1:
        raise LeniencyError("the exam entrance opens after 0 or more days and stays open 1 day or more")
    day = penalised_at.astimezone(tz).date() + dt.timedelta(days=opens_after_days)
    opens = penalised_at if opens_after_days == 0 else dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    closes = dt.datetime.combine(day + dt.timedelta(days=open_days), dt.time.min, tzinfo=tz)
    return opens.astimezone(dt.UTC), closes.astimezone(dt.UTC)
