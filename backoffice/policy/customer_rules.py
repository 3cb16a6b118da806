"""Rules for customers (ZBJ 雇主/用户), the other subject a case can have.

Seed 000 asks merchants to report customers who ask for 刷单/有偿删帖/虚假炒作, mass-send ads or
spread illegal information, and says "平台会按规则对该用户做处理" without giving the measures.
A pack's ``customer_rules:`` names them (warning, messaging restriction, ban), laddered on the
customer's own history, and the phrases customers' messages are scanned for. Pure data and pure
functions: nothing here touches the database.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from backoffice.rulefiles import PathError

from .measures import Basis, Frozen

CustomerMeasureType = Literal["warning", "messaging_restriction", "ban"]
CustomerSeverity = Literal["general", "serious"]
CUSTOMER_CODE_RE = re.compile(r"^(zbj|taobao|pdd|community)\.customer_[a-z0-9_]+$")


class Text(Frozen):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class CustomerMeasure(Frozen):
    type: CustomerMeasureType
    #: Length of a messaging restriction; a warning and a ban have none (a ban lasts until lifted).
    days: int | None = Field(default=None, gt=0)
    basis: Basis = "operator_setting"
    note: str | None = None

    @model_validator(mode="after")
    def _days_and_basis(self) -> CustomerMeasure:
        if (self.type == "messaging_restriction") != (self.days is not None):
            raise ValueError("messaging_restriction needs days; warning and ban take none")
        if self.basis == "operator_setting" and not self.note:
            raise ValueError("a measure with basis 'operator_setting' needs a note saying what is assumed")
        return self


class CustomerRule(Frozen):
    code: str
    title: Text
    #: The seed's words this rule rests on (quoted zh, explained en).
    source: Text
    #: By severity, the measure for the customer's 1st, 2nd, ... confirmed offence (the last repeats).
    ladder: dict[CustomerSeverity, tuple[CustomerMeasure, ...]]

    @field_validator("code")
    @classmethod
    def _code_shape(cls, code: str) -> str:
        if not CUSTOMER_CODE_RE.match(code):
            raise ValueError(f"code {code!r} must look like '<platform>.customer_<snake_case_name>'")
        return code

    @model_validator(mode="after")
    def _every_severity_has_rungs(self) -> CustomerRule:
        for severity in ("general", "serious"):
            if not self.ladder.get(severity):  # type: ignore[call-overload]
                raise PathError(("ladder", severity), "each severity (general, serious) needs at least one rung")
        return self

    def measure_for(self, severity: CustomerSeverity, offence_no: int) -> CustomerMeasure:
        """The measure for the customer's ``offence_no``-th confirmed offence (1-based) at this severity."""
        rungs = self.ladder[severity]
        return rungs[min(max(offence_no, 1), len(rungs)) - 1]


class FraudPattern(Frozen):
    """One typical fraud the seed lists, as regular expressions over the folded message text."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Text
    rule: str  # the customer rule a hit is judged under
    confidence: float = Field(gt=0.0, le=1.0)
    patterns: tuple[str, ...] = Field(min_length=1)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a regular expression: {exc}") from exc
        return patterns


class CustomerRules(Frozen):
    rules: tuple[CustomerRule, ...] = Field(min_length=1)
    scan: tuple[FraudPattern, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> CustomerRules:
        codes = [r.code for r in self.rules]
        for i, code in enumerate(codes):
            if code in codes[:i]:
                raise PathError(("rules", i, "code"), f"duplicate customer rule code {code!r}")
        for i, pattern in enumerate(self.scan):
            if pattern.rule not in codes:
                raise PathError(("scan", i, "rule"), f"{pattern.rule!r} is not one of these customer rules")
        return self
