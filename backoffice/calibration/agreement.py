"""Agreement between an original decision and its blind second review (pure, no database).

Verdict agreement: both reviewers reached the same verdict. Full agreement: the same verdict and, for a
violation, the same rule and (where the original decision recorded one) the same severity.
Cohen's kappa corrects the verdict agreement for the agreement expected by chance from each side's
own verdict frequencies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

VERDICTS = ("violation", "no_violation", "insufficient_evidence")


@dataclass(frozen=True)
class Judgment:
    verdict: str
    rule_code: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class Pair:
    """One completed calibration review beside the decision it re-examined."""

    original: Judgment
    second: Judgment
    original_reviewer: str = "—"
    second_reviewer: str = "—"
    review_id: int = 0
    case_id: int = 0
    platform: str = ""
    original_rationale: str = ""
    second_rationale: str = ""
    completed_at: datetime | None = None

    @property
    def rule(self) -> str:
        """The rule the original decision was filed under (the grouping key for rates by rule)."""
        return self.original.rule_code or "—"

    @property
    def verdict_agrees(self) -> bool:
        return self.original.verdict == self.second.verdict

    @property
    def fully_agrees(self) -> bool:
        if not self.verdict_agrees:
            return False
        if self.original.verdict != "violation":
            return True
        if self.original.rule_code != self.second.rule_code:
            return False
        # Some violations carry no severity (a customer's fraud report): nothing to compare then.
        return self.original.severity is None or self.original.severity == self.second.severity


@dataclass(frozen=True)
class Rates:
    key: str
    reviews: int
    verdict_agreements: int
    full_agreements: int

    @property
    def verdict_rate(self) -> float:
        return round(self.verdict_agreements / self.reviews, 3) if self.reviews else 0.0

    @property
    def full_rate(self) -> float:
        return round(self.full_agreements / self.reviews, 3) if self.reviews else 0.0

    def row(self) -> tuple:
        return (self.key, self.reviews, self.verdict_agreements, self.verdict_rate, self.full_agreements,
                self.full_rate)


def overall(pairs: Sequence[Pair]) -> Rates:
    return Rates("", len(pairs), sum(p.verdict_agrees for p in pairs), sum(p.fully_agrees for p in pairs))


def rates_by(pairs: Iterable[Pair], key: Callable[[Pair], str]) -> list[Rates]:
    """Agreement per group (original reviewer, rule, ...), sorted by the group's name."""
    groups: dict[str, list[Pair]] = {}
    for pair in pairs:
        groups.setdefault(key(pair) or "—", []).append(pair)
    return [Rates(name, *_counts(group)) for name, group in sorted(groups.items())]


def _counts(pairs: list[Pair]) -> tuple[int, int, int]:
    return len(pairs), sum(p.verdict_agrees for p in pairs), sum(p.fully_agrees for p in pairs)


def confusion(pairs: Iterable[Pair]) -> dict[tuple[str, str], int]:
    """(original verdict, second verdict) -> number of reviews, every cell present."""
    counts = Counter((p.original.verdict, p.second.verdict) for p in pairs)
    return {(a, b): counts.get((a, b), 0) for a in VERDICTS for b in VERDICTS}


def cohen_kappa(pairs: Sequence[Pair]) -> float | None:
    """Cohen's kappa on verdicts; None when it is undefined (no pairs, or chance agreement is certain)."""
    n = len(pairs)
    if not n:
        return None
    observed = Fraction(sum(p.verdict_agrees for p in pairs), n)
    first = Counter(p.original.verdict for p in pairs)
    second = Counter(p.second.verdict for p in pairs)
    expected = sum((Fraction(first[v], n) * Fraction(second[v], n) for v in set(first) | set(second)),
                   Fraction(0))
    if expected == 1:
        return None
    return round(float((observed - expected) / (1 - expected)), 3)
