"""Pure functions: (rule, severity, offence number, standing, parameters) -> MeasurePlan.

No database and no Flask. Money is Decimal throughout; calendar arithmetic (restriction
and mute end times, "next platform day") happens in the platform time zone and results
are returned as aware UTC datetimes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from . import measures as m
from .plan import MeasurePlan, PlannedMeasure, PriorOffence, StandingSnapshot
from .schema import Rule, Severity

UTC = dt.UTC
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
PARAMETERS = ("consumer_compensation", "fine_amount", "complaint_upheld")


class ParameterError(ValueError):
    """A reviewer input does not fit the rule; the message says what to change."""


def offence_number(rule: Rule, prior: Iterable[PriorOffence], at: dt.datetime) -> int:
    """Return 1 + the confirmed, not overturned decisions of this rule inside its window before `at`."""
    _require_aware(at, "at")
    since = at - dt.timedelta(days=rule.window_days) if rule.window_days is not None else None
    count = 0
    for p in prior:
        _require_aware(p.decided_at, "PriorOffence.decided_at")
        if p.rule_code != rule.code or p.overturned or p.decided_at >= at:
            continue
        if since is None or p.decided_at >= since:
            count += 1
    return count + 1


def compute_measures(
    rule: Rule,
    severity: Severity,
    offence_no: int,
    standing: StandingSnapshot,
    params: Mapping[str, Any],
    decided_at: dt.datetime,
    tz: ZoneInfo,
) -> MeasurePlan:
    """Compute the concrete measures of one decision; raise ParameterError on bad reviewer input."""
    _require_aware(decided_at, "decided_at")
    if severity not in rule.severities:
        raise ParameterError(
            f"{rule.code} has no {severity!r} measures; choose one of: {', '.join(rule.severities)}"
        )
    if offence_no < 1:
        raise ValueError(f"offence_no must be 1 or more, got {offence_no}")
    rungs = rule.ladder[severity]
    rung_no = min(offence_no, len(rungs))
    given = _normalise_params(rule, params)
    unused = {k for k, v in given.items() if v not in (None, False)}
    balance = standing.deposit_balance
    planned: list[PlannedMeasure] = []
    skipped: list[str] = []
    for measure in rungs[rung_no - 1].measures:
        unused -= _params_used(measure)
        if (
            isinstance(measure, m.ConsumerCompensation)
            and measure.condition
            and not given["complaint_upheld"]
        ):
            skipped.append(f"{measure.amount or measure.cap} yuan compensation needs an upheld complaint")
            continue
        pm = _plan(measure, decided_at, tz, balance, given, rule)
        if pm is None:
            continue
        if pm.applied is not None:
            balance -= pm.applied
        planned.append(pm)
    if unused:
        name = sorted(unused)[0]
        raise ParameterError(
            f"{name} does not apply to a {severity} {_ordinal(offence_no)} offence of {rule.code}; "
            "leave it empty"
        )
    explanation = _explain(rule, severity, offence_no, rung_no, len(rungs), planned, skipped)
    return MeasurePlan(
        rule_code=rule.code,
        ruleset_version=rule.ruleset_version,
        severity=severity,
        offence_no=offence_no,
        rung_no=rung_no,
        decided_at=decided_at.astimezone(UTC),
        measures=tuple(planned),
        params={k: (str(v) if isinstance(v, Decimal) else v) for k, v in given.items() if k in params},
        explanation=explanation,
        cited=cited_rule(rule),
    )


#: DSA Art. 20(1): a recipient in the EU can complain about a decision for at least six months.
DSA_APPEAL_MONTHS = 6


def cited_rule(rule: Rule) -> dict[str, Any]:
    """What a ruling quotes of its rule, and the appeal window it grants, as plain data."""
    return {
        "title": {"zh": rule.title_zh, "en": rule.title_en},
        "document": rule.source.document,
        "clause": rule.source.clause,
        "text": {"zh": rule.source.text.zh, "en": rule.source.text.en},
        "appeal_days": rule.appeal.days,
        "evidence": [{"zh": e.zh, "en": e.en} for e in rule.helpful_evidence],
    }


def automatic_measures(rule: Rule, flagged_at: dt.datetime, tz: ZoneInfo) -> list[PlannedMeasure]:
    """Return the measures applied when a flag is raised, before any human review."""
    _require_aware(flagged_at, "flagged_at")
    result = []
    for auto in rule.automatic:
        start = flagged_at if auto.at == "on_flag" else next_platform_day(flagged_at, tz)
        planned = _plan(auto.measure, start, tz, ZERO, {}, rule)
        assert planned is not None  # automatic measures never carry reviewer amounts
        result.append(replace(planned, trigger=auto.at))
    return result


def next_platform_day(moment: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """Return 00:00 of the next natural day in the platform time zone, as UTC."""
    local_date = moment.astimezone(tz).date() + dt.timedelta(days=1)
    return dt.datetime.combine(local_date, dt.time(0), tzinfo=tz).astimezone(UTC)


def add_platform_days(start: dt.datetime, days: int, tz: ZoneInfo) -> dt.datetime:
    """Return the same wall-clock time `days` natural days later in the platform zone, as UTC."""
    local = start.astimezone(tz).replace(tzinfo=None) + dt.timedelta(days=days)
    return local.replace(tzinfo=tz).astimezone(UTC)


def _plan(
    measure: m.Measure,
    start: dt.datetime,
    tz: ZoneInfo,
    balance: Decimal,
    given: Mapping[str, Any],
    rule: Rule,
) -> PlannedMeasure | None:
    start = start.astimezone(UTC)
    base = PlannedMeasure(type=measure.type, starts_at=start, basis=measure.basis, note=measure.note)
    if isinstance(measure, m.IntegrityPoints):
        return replace(base, integrity_points=measure.points)
    if isinstance(measure, m.ViolationPoints):
        return replace(base, violation_points=measure.points, track=measure.track)
    if isinstance(measure, m.DepositDeduction):
        if measure.whole:
            requested = balance
        elif measure.cap is not None:
            requested = _within_cap("fine_amount", given.get("fine_amount"), measure.cap, rule)
            if requested == ZERO:
                return None
        else:
            requested = measure.amount  # type: ignore[assignment]
        applied = min(requested, balance)
        return replace(
            base,
            requested=requested,
            applied=applied,
            shortfall=requested - applied,
            whole_deposit=measure.whole,
        )
    if isinstance(measure, m.ConsumerCompensation):
        if measure.amount is not None:
            return replace(base, amount=measure.amount)
        amount = _within_cap("consumer_compensation", given.get("consumer_compensation"), measure.cap, rule)
        return None if amount == ZERO else replace(base, amount=amount)
    if isinstance(measure, m.Mute):
        if measure.permanent:
            return replace(base, permanent=True)
        if measure.minutes:
            return replace(
                base, minutes=measure.minutes, ends_at=start + dt.timedelta(minutes=measure.minutes)
            )
    days = getattr(measure, "days", None)
    if days:
        return replace(base, days=days, ends_at=add_platform_days(start, days, tz))
    if isinstance(measure, m.SearchDemotion | m.ListingRestriction):
        return replace(base, until_lifted=True)
    return base


def _within_cap(name: str, value: Decimal | None, cap: Decimal | None, rule: Rule) -> Decimal:
    if value is None:
        raise ParameterError(f"{rule.code} needs {name}: an amount from 0.00 to {cap} yuan")
    if cap is not None and value > cap:
        raise ParameterError(f"{name} {value} exceeds this rule's cap of {cap} yuan")
    return value


def _normalise_params(rule: Rule, params: Mapping[str, Any]) -> dict[str, Any]:
    accepted = set().union(
        *(_params_used(x) for rungs in rule.ladder.values() for r in rungs for x in r.measures)
    )
    for name in params:
        if name not in accepted:
            what = ", ".join(sorted(accepted)) or "no parameters"
            raise ParameterError(f"{name!r} is not a parameter of {rule.code} (it takes {what})")
    upheld = params.get("complaint_upheld", False)
    if not isinstance(upheld, bool):
        raise ParameterError(f"complaint_upheld must be true or false, got {upheld!r}")
    return {
        "consumer_compensation": _money("consumer_compensation", params.get("consumer_compensation")),
        "fine_amount": _money("fine_amount", params.get("fine_amount")),
        "complaint_upheld": upheld,
    }


def _params_used(measure: m.Measure) -> set[str]:
    if isinstance(measure, m.ConsumerCompensation):
        return ({"consumer_compensation"} if measure.cap is not None else set()) | (
            {"complaint_upheld"} if measure.condition else set()
        )
    if isinstance(measure, m.DepositDeduction) and measure.cap is not None:
        return {"fine_amount"}
    return set()


def _money(name: str, value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float | bool):
        raise ParameterError(f"{name} must be a decimal amount such as '300.00', got {value!r}")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ParameterError(f"{name} must be a decimal amount such as '300.00', got {value!r}") from None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(CENT):
        raise ParameterError(
            f"{name} must be a non-negative amount in yuan with at most 2 decimals, got {value!r}"
        )
    return amount.quantize(CENT)


def _explain(
    rule: Rule,
    severity: str,
    offence_no: int,
    rung_no: int,
    n_rungs: int,
    planned: list[PlannedMeasure],
    skipped: list[str],
) -> str:
    window = "all time" if rule.window_days is None else f"{rule.window_days} days"
    text = f"{_ordinal(offence_no)} offence of {rule.code} within {window} ({severity})"
    if offence_no > n_rungs > 1:
        text += f", last rung ({_ordinal(rung_no)}) repeats"
    text += " → " + (" + ".join(p.label() for p in planned) or "no measures")
    if skipped:
        text += "; not applied: " + "; ".join(skipped)
    return text


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _require_aware(moment: dt.datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {moment!r}")
