"""Replay stored penalty decisions through a changed rule pack and compare the measures. Pure.

How the past is treated (the page repeats this for managers):

* Only decisions in force are replayed. An overturned decision was found not to be an offence, so
  it is not replayed; a reduced decision is replayed as its successor (the decision in force), at
  the original decision time and with the original offence's history.
* Offence history is taken as it stood at each decision's moment: a decision counts as an offence
  from its decision time until it was overturned, and a reduction does not interrupt that. This is
  what the reviewer's preview counted, so an unchanged pack replays to the stored plans exactly.
  Decisions before the period count as they were; the changed rule's window decides which count.
* Reviewer inputs stay as they were: severity, amounts (fine, compensation, complaint upheld) and
  measures left out (an approved deviation, a reduction on appeal). A parameter the changed rung no
  longer takes is ignored; one it newly needs makes the decision "not replayable".
* Self-check (seed 004) follows the changed rule; a reduction's successor is not self-checked, as in
  ``penalties.reduce``.
* Deposit: each decision sees the balance the stored one saw, moved by what the replay took more or
  less in the merchant's earlier replayed decisions (never below zero). A merchant the replay would
  have removed earlier still has their later decisions replayed as they happened.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from backoffice.policy import (
    MeasurePlan,
    ParameterError,
    PlannedMeasure,
    PriorOffence,
    StandingSnapshot,
    apply_self_check,
    compute_measures,
    offence_number,
    self_check_applies,
)
from backoffice.policy import measures as m
from backoffice.policy.schema import Pack, Rule

ZERO = Decimal("0.00")
IN_FORCE, OVERTURNED, SUPERSEDED = "in_force", "overturned", "superseded"
#: The numbers that make a measure different; its times follow from them and the decision time.
NUMBERS = ("integrity_points", "violation_points", "requested", "applied", "whole_deposit", "amount",
           "days", "minutes", "permanent", "until_lifted")


@dataclass(frozen=True)
class DecisionRecord:
    """One stored penalty decision as the replay needs it; ``plan`` is None for history only."""

    id: int
    merchant_id: int
    rule_code: str
    decided_at: dt.datetime
    state: str = IN_FORCE
    ended_at: dt.datetime | None = None
    supersedes_id: int | None = None
    severity: str = "general"
    offence_no: int = 1
    ruleset_version: str = ""
    plan: Mapping[str, Any] | None = None
    is_correction: bool = False
    merchant_name: str = ""
    merchant_ref: str = ""
    #: Measure types a reviewer left out of the computed plan (CaseDecision.dropped of the chain).
    dropped: frozenset[str] = frozenset()
    #: The deposit balance the stored plan was computed against.
    deposit_seen: Decimal = ZERO

    @property
    def measures(self) -> tuple[PlannedMeasure, ...]:
        return tuple(PlannedMeasure.from_dict(x) for x in (self.plan or {}).get("measures", ()))


@dataclass(frozen=True)
class MeasureChange:
    type: str
    track: str | None
    before: PlannedMeasure | None  # None: the replay adds this measure
    after: PlannedMeasure | None  # None: the replay drops it


@dataclass(frozen=True)
class Outcome:
    record: DecisionRecord
    offence_after: int
    before: tuple[PlannedMeasure, ...]
    after: tuple[PlannedMeasure, ...]
    changes: tuple[MeasureChange, ...]

    @property
    def differs(self) -> bool:
        return bool(self.changes)

    @property
    def changes_count(self) -> int:
        return len(self.changes)


@dataclass(frozen=True)
class Unreplayable:
    record: DecisionRecord
    reason: str


@dataclass(frozen=True)
class Totals:
    """What a set of plans takes; points and money as positive amounts taken."""

    integrity_points: int = 0
    violation_points: Decimal = ZERO
    deposit: Decimal = ZERO
    compensation: Decimal = ZERO
    removals: int = 0


@dataclass(frozen=True)
class Report:
    platform: str
    version: str
    since: dt.datetime
    until: dt.datetime
    outcomes: tuple[Outcome, ...]
    unreplayable: tuple[Unreplayable, ...]
    missing_rules: Mapping[str, int]
    overturned: int
    superseded: int
    before: Totals
    after: Totals
    now_removed: tuple[int, ...]
    no_longer_removed: tuple[int, ...]

    @property
    def differences(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.differs]

    @property
    def merchants_affected(self) -> list[int]:
        return sorted({o.record.merchant_id for o in self.differences})

    def by_merchant(self) -> list[tuple[int, list[Outcome]]]:
        """The differing decisions grouped by merchant, each merchant's in time order."""
        grouped: dict[int, list[Outcome]] = defaultdict(list)
        for o in self.differences:
            grouped[o.record.merchant_id].append(o)
        return sorted(grouped.items())

    def merchant(self, merchant_id: int) -> DecisionRecord:
        """A replayed decision of the merchant, for the name and external id."""
        return self._by_merchant[merchant_id]

    @cached_property
    def _by_merchant(self) -> dict[int, DecisionRecord]:
        return {o.record.merchant_id: o.record for o in self.outcomes}


@dataclass(frozen=True)
class _Chain:
    """A decision with its reductions: one offence from the first decision until overturned."""

    root_at: dt.datetime
    overturned_at: dt.datetime | None

    def counts_at(self, at: dt.datetime) -> bool:
        return self.root_at < at and (self.overturned_at is None or self.overturned_at > at)


class _History:
    """The merchant's offences per rule, as they stood at any moment."""

    def __init__(self, records: Iterable[DecisionRecord]) -> None:
        by_id = {r.id: r for r in records}
        successor = {r.supersedes_id: r.id for r in by_id.values() if r.supersedes_id is not None}
        grouped: dict[tuple[int, str], list[_Chain]] = defaultdict(list)
        for rec in by_id.values():
            if rec.id in successor:
                continue  # only heads start a chain
            root = rec
            while root.supersedes_id in by_id:
                root = by_id[root.supersedes_id]
            overturned = (rec.ended_at or rec.decided_at) if rec.state == OVERTURNED else None
            grouped[(rec.merchant_id, rec.rule_code)].append(_Chain(root.decided_at, overturned))
        self._chains = {k: sorted(v, key=lambda c: c.root_at) for k, v in grouped.items()}
        self._times = {k: [c.root_at for c in v] for k, v in self._chains.items()}

    def prior(self, rule: Rule, merchant_id: int, at: dt.datetime) -> list[PriorOffence]:
        key = (merchant_id, rule.code)
        times, chains = self._times.get(key, []), self._chains.get(key, [])
        since = None if rule.window_days is None else at - dt.timedelta(days=rule.window_days)
        lo = 0 if since is None else bisect.bisect_left(times, since)
        hi = bisect.bisect_left(times, at)
        return [PriorOffence(rule.code, c.root_at, overturned=not c.counts_at(at)) for c in chains[lo:hi]]

    def earlier(self, rule: Rule, merchant_id: int, at: dt.datetime) -> list[dt.datetime]:
        key = (merchant_id, rule.code)
        chains = self._chains.get(key, [])[: bisect.bisect_left(self._times.get(key, []), at)]
        return [c.root_at for c in chains if c.counts_at(at)]


def replay(pack: Pack, records: Sequence[DecisionRecord], since: dt.datetime, until: dt.datetime,
           tz: ZoneInfo, baseline: Pack | None = None) -> Report:
    """Recompute every decision in force decided in [since, until) with ``pack`` and compare.

    ``records`` holds the platform's decisions up to ``until`` (earlier ones are history).
    ``baseline`` is the pack in use: where a decision was made under its version, the measures a
    reviewer left out are recognised by recomputing with it.
    """
    rules = {r.code: r for r in pack.rules}
    known = {r.code: r for r in baseline.rules} if baseline is not None else {}
    history = _History(records)
    period = sorted((r for r in records if since <= r.decided_at < until and r.plan is not None),
                    key=lambda r: (r.decided_at, r.id))
    shift: dict[int, Decimal] = defaultdict(lambda: ZERO)
    outcomes: list[Outcome] = []
    unreplayable: list[Unreplayable] = []
    missing: dict[str, int] = defaultdict(int)
    skipped = {OVERTURNED: 0, SUPERSEDED: 0}
    computed: dict[tuple, frozenset[str]] = {}
    for rec in period:
        if rec.state != IN_FORCE:
            skipped[rec.state] = skipped.get(rec.state, 0) + 1
            continue
        rule = rules.get(rec.rule_code)
        if rule is None:
            missing[rec.rule_code] += 1
            continue
        before = rec.measures
        same_version = baseline is not None and baseline.version == rec.ruleset_version
        decided_under = known.get(rec.rule_code) if same_version else None
        left_out = rec.dropped | _inferred_left_out(rec, before, decided_under, tz, computed)
        balance = max(rec.deposit_seen + shift[rec.merchant_id], ZERO)
        try:
            plan = _recompute(rec, rule, history, balance, left_out, tz)
        except ParameterError as exc:
            unreplayable.append(Unreplayable(rec, str(exc)))
            continue
        shift[rec.merchant_id] += _deposit(before) - _deposit(plan.measures)
        outcomes.append(Outcome(rec, plan.offence_no, before, plan.measures, compare(before, plan.measures)))
    removed_before = {o.record.merchant_id for o in outcomes if any(x.type == "removal" for x in o.before)}
    removed_after = {o.record.merchant_id for o in outcomes if any(x.type == "removal" for x in o.after)}
    return Report(
        platform=pack.platform, version=pack.version, since=since, until=until,
        outcomes=tuple(outcomes), unreplayable=tuple(unreplayable),
        missing_rules=dict(sorted(missing.items())),
        overturned=skipped[OVERTURNED], superseded=skipped[SUPERSEDED],
        before=totals(o.before for o in outcomes), after=totals(o.after for o in outcomes),
        now_removed=tuple(sorted(removed_after - removed_before)),
        no_longer_removed=tuple(sorted(removed_before - removed_after)),
    )


def _recompute(rec: DecisionRecord, rule: Rule, history: _History, balance: Decimal, left_out: frozenset[str],
               tz: ZoneInfo) -> MeasurePlan:
    """What ``penalties.impose`` (or ``reduce``, for a successor) computes with the changed rule."""
    if rec.severity not in rule.severities:
        raise ParameterError(f"{rule.code} has no {rec.severity!r} measures in the changed pack")
    at = rec.decided_at
    offence_no = offence_number(rule, history.prior(rule, rec.merchant_id, at), at)
    params = _params_for(rule, rec.severity, offence_no, (rec.plan or {}).get("params", {}))
    standing = StandingSnapshot(deposit_balance=balance)
    plan = compute_measures(rule, rec.severity, offence_no, standing,  # type: ignore[arg-type]
                            params, at, tz)
    if rule.self_check and rec.supersedes_id is None:
        earlier = history.earlier(rule, rec.merchant_id, at)
        plan = apply_self_check(plan, self_check_applies(rule, earlier, at, tz))
    if left_out:
        plan = replace(plan, measures=tuple(x for x in plan.measures if x.type not in left_out))
    return plan


def _inferred_left_out(rec: DecisionRecord, stored: tuple[PlannedMeasure, ...], rule: Rule | None,
                       tz: ZoneInfo, cache: dict[tuple, frozenset[str]]) -> frozenset[str]:
    """Measure types the rule computes for this decision that its stored plan lacks.

    Only asked of the pack the decision was made under; a self-check correction is not a deviation.
    Which types a rung yields depends on the rung and the parameters alone, so it is computed once
    per combination (``cache``).
    """
    if rule is None or rec.is_correction or rec.severity not in rule.severities:
        return frozenset()
    params = _params_for(rule, rec.severity, rec.offence_no, (rec.plan or {}).get("params", {}))
    key = (rule.code, rule.ruleset_version, rec.severity, rec.offence_no, tuple(sorted(params.items())))
    if key not in cache:
        try:
            full = compute_measures(rule, rec.severity, rec.offence_no,  # type: ignore[arg-type]
                                    StandingSnapshot(), params, rec.decided_at, tz)
            cache[key] = frozenset(x.type for x in full.measures)
        except ParameterError:
            cache[key] = frozenset()
    return cache[key] - {x.type for x in stored}


def _params_for(rule: Rule, severity: str, offence_no: int, params: Mapping[str, Any]) -> dict[str, Any]:
    """Keep the reviewer's parameters the rung applied to this offence takes."""
    rungs = rule.ladder[severity]  # type: ignore[index]
    used: set[str] = set()
    for x in rungs[min(offence_no, len(rungs)) - 1].measures:
        if isinstance(x, m.DepositDeduction) and x.cap is not None:
            used.add("fine_amount")
        if isinstance(x, m.ConsumerCompensation):
            used |= {"consumer_compensation"} if x.cap is not None else set()
            used |= {"complaint_upheld"} if x.condition else set()
    return {k: v for k, v in params.items() if k in used}


def compare(before: Iterable[PlannedMeasure], after: Iterable[PlannedMeasure]) -> tuple[MeasureChange, ...]:
    """The measures whose numbers differ, in the order of the stored plan, then the added ones."""
    old = {(x.type, x.track): x for x in before}
    new = {(x.type, x.track): x for x in after}
    changes = []
    for key in [*old, *(k for k in new if k not in old)]:
        a, b = old.get(key), new.get(key)
        if a is None or b is None or _numbers(a) != _numbers(b):
            changes.append(MeasureChange(key[0], key[1], a, b))
    return tuple(changes)


def _numbers(x: PlannedMeasure) -> tuple:
    return tuple(getattr(x, name) for name in NUMBERS)


def _deposit(measures: Iterable[PlannedMeasure]) -> Decimal:
    return sum((x.applied or ZERO for x in measures if x.type == "deposit_deduction"), ZERO)


def totals(plans: Iterable[Iterable[PlannedMeasure]]) -> Totals:
    integrity, points, deposit, compensation, removals = 0, ZERO, ZERO, ZERO, 0
    for plan in plans:
        measures = tuple(plan)
        for x in measures:
            integrity -= x.integrity_points or 0
            points += x.violation_points or ZERO
            compensation += x.amount or ZERO
            removals += x.type == "removal"
        deposit += _deposit(measures)
    return Totals(integrity, points, deposit, compensation, removals)
