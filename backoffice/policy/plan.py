"""Plain frozen dataclasses for computed measures, with JSON-safe (de)serialisation.

A decision freezes ``MeasurePlan.to_dict()`` together with the rule-set version, so a
later change to a rule file never changes a past decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, Literal

Status = Literal["active", "restricted", "muted", "removed"]
Trigger = Literal["decision", "on_flag", "next_platform_day"]

_DECIMALS = {"violation_points", "requested", "applied", "shortfall", "amount"}
_DATETIMES = {"starts_at", "ends_at"}


@dataclass(frozen=True)
class PriorOffence:
    """A confirmed decision in the merchant's history, as offence counting needs it."""

    rule_code: str
    decided_at: dt.datetime  # aware, UTC
    overturned: bool = False
    severity: str | None = None  # the grade it was decided at (None: unknown, counts for no escalation)


@dataclass(frozen=True)
class StandingSnapshot:
    """The merchant's standing at decision time (derived from the ledger by its owner)."""

    deposit_balance: Decimal = Decimal("0.00")
    integrity_points: int | None = None
    violation_points_by_track: Mapping[str, Decimal] = field(default_factory=dict)
    status: Status = "active"
    restricted_until: dt.datetime | None = None
    muted_until: dt.datetime | None = None
    search_demoted: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.deposit_balance, Decimal) or self.deposit_balance < 0:
            raise ValueError(f"deposit_balance must be a non-negative Decimal, got {self.deposit_balance!r}")


@dataclass(frozen=True)
class PlannedMeasure:
    """One concrete measure. Unused fields stay None; times are aware UTC."""

    type: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None  # None: no end (instant, permanent or until lifted)
    trigger: Trigger = "decision"
    integrity_points: int | None = None  # negative change of the ZBJ integrity score
    violation_points: Decimal | None = None  # points charged to `track`
    track: str | None = None
    requested: Decimal | None = None  # deposit deduction asked for by the rule or reviewer
    applied: Decimal | None = None  # what the balance allowed
    shortfall: Decimal | None = None  # requested - applied
    whole_deposit: bool = False
    amount: Decimal | None = None  # consumer compensation
    days: int | None = None
    minutes: int | None = None
    permanent: bool = False
    until_lifted: bool = False
    basis: str = "seed"
    note: str | None = None

    def label(self) -> str:
        """Return a short English description, e.g. '15-day business restriction'."""
        t = self.type
        if t == "integrity_points":
            return f"{self.integrity_points} integrity points"
        if t == "violation_points":
            return f"{self.violation_points} {self.track}-violation points"
        if t == "deposit_deduction":
            text = "whole deposit" if self.whole_deposit else f"deposit -{self.requested} yuan"
            if self.shortfall:
                text += f" ({self.applied} applied, shortfall {self.shortfall})"
            return text
        if t == "consumer_compensation":
            return f"{self.amount} yuan consumer compensation"
        name = t.replace("_", " ")
        if self.permanent:
            return f"permanent {name}"
        if self.minutes:
            return f"{self.minutes}-minute {name}"
        if self.days:
            return f"{self.days}-day {name}"
        return f"{name} until lifted" if self.until_lifted else name

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlannedMeasure:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown PlannedMeasure keys: {sorted(unknown)}")
        return cls(**{k: _load(k, v) for k, v in data.items()})


@dataclass(frozen=True)
class MeasurePlan:
    """The measures one decision imposes, with the rule-set version they were computed from."""

    rule_code: str
    ruleset_version: str
    severity: str
    offence_no: int
    rung_no: int
    decided_at: dt.datetime
    measures: tuple[PlannedMeasure, ...]
    params: Mapping[str, str | bool]
    explanation: str
    #: The rule as worded when the plan was made (``cited_rule``), so that a ruling, its appeal
    #: deadline and its content hash stay what they were when a later rule-set version rewords
    #: the rule. None in plans stored before the snapshot existed.
    cited: Mapping[str, Any] | None = None
    #: When the grade was derived from the merchant's history (``escalation.escalate``): ``from``,
    #: ``to``, ``occurrence`` (this case's number), ``occurrences`` and ``window_days``.
    escalation: Mapping[str, Any] | None = None

    def of_type(self, measure_type: str) -> tuple[PlannedMeasure, ...]:
        return tuple(m for m in self.measures if m.type == measure_type)

    @property
    def deposit_applied(self) -> Decimal:
        return sum((m.applied or Decimal("0.00") for m in self.of_type("deposit_deduction")), Decimal("0.00"))

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: _dump(getattr(self, f.name)) for f in fields(self) if f.name != "measures"}
        data["params"] = dict(self.params)
        data["measures"] = [m.to_dict() for m in self.measures]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MeasurePlan:
        return cls(
            rule_code=data["rule_code"],
            ruleset_version=data["ruleset_version"],
            severity=data["severity"],
            offence_no=int(data["offence_no"]),
            rung_no=int(data["rung_no"]),
            decided_at=dt.datetime.fromisoformat(data["decided_at"]),
            measures=tuple(PlannedMeasure.from_dict(m) for m in data["measures"]),
            params=dict(data["params"]),
            explanation=data["explanation"],
            cited=data.get("cited"),
            escalation=data.get("escalation"),
        )


def _dump(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _load(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _DECIMALS:
        return Decimal(value)
    if name in _DATETIMES:
        return dt.datetime.fromisoformat(value)
    return value
