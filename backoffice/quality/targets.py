"""Mark a figure against its pack's target: met, missed, or nothing to measure yet."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from backoffice.policy.service import TARGETS, ServiceQuality, Sourced

#: figure → (pack key, bound)
_BY_FIGURE = {figure: (key, bound) for key, figure, bound in TARGETS}
FIGURES = tuple(_BY_FIGURE)


@dataclass(frozen=True)
class Mark:
    value: Decimal | None
    target: Decimal  # a fraction: 0.654 for 65.4 %
    bound: str  # at_least | at_most
    met: bool | None  # None: no inquiries, reviews or conversations to measure
    source: Sourced


def mark(settings: ServiceQuality, figure: str, value: Decimal | None) -> Mark:
    key, bound = _BY_FIGURE[figure]
    target = settings.target(key)
    met = None if value is None else (value >= target if bound == "at_least" else value <= target)
    return Mark(value, target, bound, met, getattr(settings, key))


def marks(settings: ServiceQuality | None, counts) -> dict[str, Mark]:
    """Every figure of ``counts`` marked against ``settings`` (none when the pack sets no targets)."""
    if settings is None:
        return {}
    return {figure: mark(settings, figure, getattr(counts, figure)) for figure in FIGURES}
