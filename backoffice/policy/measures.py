"""Typed measure models: the vocabulary a rule ladder is written in.

Each measure is a frozen pydantic model discriminated by ``type``. Money is Decimal
with at most two decimal places (yuan.fen); a YAML float is refused so that no
binary-float value ever reaches the ledger.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

Basis = Literal["seed", "external_source", "operator_setting"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _no_float(value: object) -> object:
    # 0.1 as a YAML float is already inexact; force authors to quote amounts.
    if isinstance(value, float):
        raise ValueError(f"write {value!r} as a quoted decimal string, e.g. '{value}'")
    return value


Money = Annotated[
    Decimal,
    BeforeValidator(_no_float),
    Field(ge=0, decimal_places=2),
    AfterValidator(lambda d: d.quantize(Decimal("0.01"))),  # "500" and "500.00" read the same
]
Points = Annotated[Decimal, BeforeValidator(_no_float), Field(gt=0, decimal_places=2)]


class _Measure(Frozen):
    #: Where the number comes from; anything not in a source is an operator setting.
    basis: Basis = "seed"
    note: str | None = None

    @model_validator(mode="after")
    def _assumptions_are_explained(self) -> _Measure:
        if self.basis == "operator_setting" and not self.note:
            raise ValueError("a measure with basis 'operator_setting' needs a note saying what is assumed")
        return self


class IntegrityPoints(_Measure):
    """ZBJ 诚信分: a negative change to the merchant's integrity score."""

    type: Literal["integrity_points"]
    points: int = Field(lt=0)


class ViolationPoints(_Measure):
    """Taobao 扣分: points charged to a track (they accumulate upwards, reset each natural year)."""

    type: Literal["violation_points"]
    points: Points
    track: Literal["general", "serious", "counterfeit"]


class DepositDeduction(_Measure):
    """保证金 deduction: a fixed amount, the whole balance, or a fine the reviewer sets up to a cap."""

    type: Literal["deposit_deduction"]
    amount: Money | None = None
    whole: bool = False
    cap: Money | None = None

    @model_validator(mode="after")
    def _exactly_one_form(self) -> DepositDeduction:
        forms = [self.amount is not None, self.whole, self.cap is not None]
        if sum(forms) != 1:
            raise ValueError("deposit_deduction needs exactly one of: amount, whole: true, cap")
        return self


class BusinessRestriction(_Measure):
    type: Literal["business_restriction"]
    days: int = Field(gt=0)


class Mute(_Measure):
    type: Literal["mute"]
    minutes: int | None = Field(default=None, gt=0)
    days: int | None = Field(default=None, gt=0)
    permanent: bool = False

    @model_validator(mode="after")
    def _exactly_one_duration(self) -> Mute:
        if sum([self.minutes is not None, self.days is not None, self.permanent]) != 1:
            raise ValueError("mute needs exactly one of: minutes, days, permanent: true")
        return self


class SearchDemotion(_Measure):
    type: Literal["search_demotion"]
    days: int | None = Field(default=None, gt=0)  # None: until lifted


class Removal(_Measure):
    """清退: the merchant is removed from the platform."""

    type: Literal["removal"]


class ConsumerCompensation(_Measure):
    """Paid by the merchant to the consumer: a fixed amount or one the reviewer sets up to a cap."""

    type: Literal["consumer_compensation"]
    amount: Money | None = None
    cap: Money | None = None
    #: The measure applies only when the reviewer confirms this condition.
    condition: Literal["complaint_upheld"] | None = None

    @model_validator(mode="after")
    def _amount_or_cap(self) -> ConsumerCompensation:
        if (self.amount is None) == (self.cap is None):
            raise ValueError("consumer_compensation needs exactly one of: amount, cap")
        return self


class ContentRemoval(_Measure):
    type: Literal["content_removal"]


class ListingRestriction(_Measure):
    type: Literal["listing_restriction"]
    days: int | None = Field(default=None, gt=0)  # None: until lifted (e.g. by exam)


class RiskNotice(_Measure):
    type: Literal["risk_notice"]


class WarningMeasure(_Measure):
    type: Literal["warning"]


Measure = Annotated[
    IntegrityPoints
    | ViolationPoints
    | DepositDeduction
    | BusinessRestriction
    | Mute
    | SearchDemotion
    | Removal
    | ConsumerCompensation
    | ContentRemoval
    | ListingRestriction
    | RiskNotice
    | WarningMeasure,
    Field(discriminator="type"),
]

MEASURE_TYPES = (
    "integrity_points",
    "violation_points",
    "deposit_deduction",
    "business_restriction",
    "mute",
    "search_demotion",
    "removal",
    "consumer_compensation",
    "content_removal",
    "listing_restriction",
    "risk_notice",
    "warning",
)


def describe(measure: Measure) -> str:
    """Return a short English description of a ladder measure, e.g. 'deposit -5000.00'."""
    text = _describe(measure)
    return text + (" [assumed]" if measure.basis == "operator_setting" else "")


def _describe(measure: Measure) -> str:
    name = measure.type.replace("_", " ")
    if isinstance(measure, IntegrityPoints):
        return f"{measure.points} integrity points"
    if isinstance(measure, ViolationPoints):
        return f"{measure.points} {measure.track}-violation points"
    if isinstance(measure, DepositDeduction):
        if measure.whole:
            return "whole deposit"
        if measure.amount is not None:
            return f"deposit -{measure.amount}"
        return f"fine up to {measure.cap} (reviewer sets)"
    if isinstance(measure, ConsumerCompensation):
        text = (
            f"{measure.amount} compensation"
            if measure.amount is not None
            else f"compensation up to {measure.cap}"
        )
        return text + (" if complaint upheld" if measure.condition == "complaint_upheld" else "")
    if isinstance(measure, Mute):
        if measure.permanent:
            return "permanent mute"
        return f"{measure.minutes}-minute mute" if measure.minutes else f"{measure.days}-day mute"
    if isinstance(measure, BusinessRestriction | SearchDemotion | ListingRestriction):
        return f"{measure.days}-day {name}" if measure.days else f"{name} until lifted"
    return name
