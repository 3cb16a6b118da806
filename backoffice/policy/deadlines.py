"""A pack's review deadlines: how long the platform takes to decide a case or an appeal (issue 22).

No source document gives a review deadline, so every number here is an operator setting: the pack
writes ``{setting: NAME}`` and the setting's value and note are put in place before validation
(``settings.section_values``). Two tiers of case:

* ``urgent``: the case's rule is one the pack lists in ``urgent_rules`` (threats, illegal services,
  fraud), or a merchant's report of customer fraud when ``fraud_reports_urgent`` is set; or, for a
  merchant's case, the rule's ladder says that the merchant's next offence under it, confirmed at
  the rule's lightest grade, is removal (清退) or forfeits the whole deposit. All of it is known
  when the case opens: the rule, and the merchant's confirmed offences before.
* ``standard``: every other case.

:func:`case_tier` is pure; the database side is ``cases/sla.py`` and ``appeals/decision_clock.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import Field, model_validator

from backoffice.rulefiles import PathError

from .business_hours import WORKING_DAYS, BusinessClock, Clock, WallClock
from .measures import DepositDeduction, Frozen, Removal

Tier = Literal["urgent_rule", "removal_possible", "standard"]
CLOCKS = ("business_hours", "wall_clock")


class Setting(Frozen):
    """One value from the pack's operator settings, with the setting's name and its note."""

    value: int | str
    setting: str = Field(min_length=1)
    note: str = Field(min_length=1)


class ReviewDeadlines(Frozen):
    standard_hours: Setting
    urgent_hours: Setting
    appeal_hours: Setting
    clock: Setting
    business_start: Setting
    business_end: Setting
    business_days: Setting
    urgent_rules: tuple[str, ...] = ()
    fraud_reports_urgent: bool = False
    #: How the tiers are chosen, in words, for whoever tunes the numbers.
    note: str = Field(min_length=1)

    @model_validator(mode="after")
    def _values_parse(self) -> ReviewDeadlines:
        for key in ("standard_hours", "urgent_hours", "appeal_hours"):
            value = getattr(self, key).value
            if not (isinstance(value, int) and 0 < value <= 2000):
                raise self._bad(key, f"a whole number of hours from 1 to 2000 (got {value!r})")
        if self.clock.value not in CLOCKS:
            raise self._bad("clock", f"one of {', '.join(CLOCKS)} (got {self.clock.value!r})")
        if self.business_days.value not in WORKING_DAYS:
            raise self._bad("business_days", f"one of {', '.join(WORKING_DAYS)} (got {self.business_days.value!r})")
        opens, closes = self.business_hours()
        if opens >= closes:
            raise self._bad("business_end", f"a time after business_start ({opens:%H:%M}), on the same day")
        if int(self.urgent_hours.value) > int(self.standard_hours.value):
            raise self._bad("urgent_hours", "no more hours than standard_hours: an urgent case is not due later")
        return self

    def _bad(self, key: str, expected: str) -> PathError:
        """An error at ``key`` that names the operator setting holding the bad value."""
        return PathError((key,), f"operator setting {getattr(self, key).setting!r} must be {expected}")

    def business_hours(self) -> tuple[dt.time, dt.time]:
        """Opening and closing time of a working day, in platform time."""
        times = []
        for key in ("business_start", "business_end"):
            raw = str(getattr(self, key).value)
            try:
                times.append(dt.time.fromisoformat(raw))
            except ValueError:
                raise self._bad(key, f"a time of day written HH:MM, e.g. \"09:00\" (got {raw!r})") from None
        return times[0], times[1]

    @property
    def business(self) -> bool:
        return self.clock.value == "business_hours"

    def clock_in(self, tz: ZoneInfo) -> Clock:
        if not self.business:
            return WallClock()
        opens, closes = self.business_hours()
        return BusinessClock(tz=tz, opens=opens, closes=closes, days=str(self.business_days.value))  # type: ignore[arg-type]

    def hours_for(self, tier: Tier) -> int:
        return int((self.standard_hours if tier == "standard" else self.urgent_hours).value)

    def basis(self, tier: Tier | None = None) -> dict:
        """What a deadline was computed from, stored with it so that a page can say it in words."""
        hours = int(self.appeal_hours.value) if tier is None else self.hours_for(tier)
        out: dict = {"hours": hours, "clock": str(self.clock.value)}
        if tier is not None:
            out["tier"] = tier
        return out


def case_tier(deadlines: ReviewDeadlines, rule, offence_no: int, *, fraud_report: bool = False) -> Tier:
    """The tier of a case under ``rule`` (a merchant's or a customer rule; None: no rule), whose subject
    has ``offence_no - 1`` confirmed offences under it (a customer rule's cases pass 1)."""
    if fraud_report and deadlines.fraud_reports_urgent:
        return "urgent_rule"
    if rule is None:
        return "standard"
    if rule.code in deadlines.urgent_rules:
        return "urgent_rule"
    if removal_next(rule, offence_no):
        return "removal_possible"
    return "standard"


def removal_next(rule, offence_no: int) -> bool:
    """Whether the offence numbered ``offence_no`` under a merchant's ``rule``, at its lightest grade,
    takes the shop (removal) or the whole deposit. The last rung repeats for later offences."""
    from .schema import SEVERITIES, Rule

    if not isinstance(rule, Rule):  # a customer rule: no shop to remove
        return False
    rungs = rule.ladder[min(rule.ladder, key=SEVERITIES.index)]
    rung = rungs[min(offence_no, len(rungs)) - 1]
    return any(isinstance(m, Removal) or (isinstance(m, DepositDeduction) and m.whole) for m in rung.measures)
