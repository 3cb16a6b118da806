"""A pack's service-quality section: the reply window and the targets the figures are marked against.

Every value is either quoted from a source document (``seed`` and ``quote``, the Chinese words with
the number) or an operator setting (``{setting: NAME}``, expanded from the pack's
``operator_settings`` with its value and note), so a page can say where each number comes from.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Literal

from pydantic import Field, model_validator

from backoffice.rulefiles import PathError

from .measures import Frozen

#: (key in the pack, the figure it bounds, the direction a shop must stay on).
TARGETS: tuple[tuple[str, str, Literal["at_least", "at_most"]], ...] = (
    ("reply_rate_min", "reply_rate", "at_least"),
    ("late_share_max", "late_share", "at_most"),
    ("good_review_rate_min", "good_review_rate", "at_least"),
    ("complaint_rate_max", "complaint_rate", "at_most"),
)


class Sourced(Frozen):
    """One value and where it comes from: a seed's quoted words, or an operator setting's note."""

    value: int | str
    seed: str | None = None
    quote: str | None = Field(default=None, min_length=1)
    #: The operator setting the value was expanded from; its note says it is an assumption.
    setting: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _says_where_from(self) -> Sourced:
        if self.setting is None and not (self.seed and self.quote):
            raise ValueError("give seed and quote (the document's words), or {setting: NAME}")
        if self.setting is not None and self.seed is not None:
            raise ValueError("a value is from a seed or an operator setting, not both")
        return self

    @property
    def is_setting(self) -> bool:
        return self.setting is not None


class ServiceQuality(Frozen):
    reply_minutes: Sourced
    service_start: Sourced
    service_end: Sourced
    reply_rate_min: Sourced
    late_share_max: Sourced
    good_review_rate_min: Sourced
    complaint_rate_max: Sourced

    @model_validator(mode="after")
    def _values_parse(self) -> ServiceQuality:
        if not (isinstance(self.reply_minutes.value, int) and self.reply_minutes.value > 0):
            raise PathError(("reply_minutes", "value"), "reply_minutes must be a whole number of minutes above 0")
        start, end = self.hours()
        if start >= end:
            raise PathError(("service_end", "value"), "service hours must end after they start, on one day")
        for key, _, _ in TARGETS:
            raw = str(getattr(self, key).value)
            try:
                percent = Decimal(raw)
            except InvalidOperation:
                raise PathError((key, "value"),
                                f"a percentage is a decimal string such as \"65.4\" (got {raw!r})") from None
            if not Decimal(0) <= percent <= Decimal(100):
                raise PathError((key, "value"), f"a percentage lies between 0 and 100 (got {raw})")
        return self

    @property
    def reply_limit(self) -> dt.timedelta:
        return dt.timedelta(minutes=int(self.reply_minutes.value))

    def hours(self) -> tuple[dt.time, dt.time]:
        """Service hours in platform time: start inclusive, end exclusive."""
        times = []
        for key in ("service_start", "service_end"):
            try:
                times.append(dt.time.fromisoformat(str(getattr(self, key).value)))
            except ValueError:
                raise PathError((key, "value"), "a time of day is written HH:MM, e.g. \"08:00\"") from None
        return times[0], times[1]

    def target(self, key: str) -> Decimal:
        """The target as a fraction (65.4 % → 0.654), to compare with a rate."""
        return Decimal(str(getattr(self, key).value)) / 100
