"""What the merchant's next offence of a rule would bring, from the rule pack and their history.

The best moderation tools' notices state the next threshold ("a further violation removes the
shop"); a ruling and the standing page say it too, so the merchant knows the stakes before it happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backoffice.db import utcnow
from backoffice.ledger import operations as ledger
from backoffice.merchants.models import Merchant
from backoffice.penalties.operations import prior_offences
from backoffice.policy import get_rulebook
from backoffice.policy.compute import offence_number
from backoffice.policy.escalation import escalate
from backoffice.policy.measures import Measure, Removal
from backoffice.policy.schema import Rule
from backoffice.timeutil import platform_tz


@dataclass(frozen=True)
class NextOffence:
    rule: Rule
    offence_no: int  # the number the next offence of this rule would carry
    severity: str  # the grade it would be judged at (after the rule's escalation, if any)
    escalated: bool  # the merchant's history turns the same grade into a graver one
    measures: tuple[Measure, ...]

    @property
    def removes(self) -> bool:
        return any(isinstance(m, Removal) for m in self.measures)


def next_offences(merchant: Merchant, cases: list[tuple[str, str]],
                  at: datetime | None = None) -> dict[tuple[str, str], NextOffence]:
    """For each (rule code, severity) the merchant was ruled on, what the next offence would bring.

    A removed merchant has no next offence: nothing is returned. The history is read once."""
    at = at or utcnow()
    if not cases or ledger.standing_of(merchant, platform_tz(), at).status == "removed":
        return {}
    prior = prior_offences(merchant)
    book = get_rulebook()
    found = {}
    for code, severity in dict.fromkeys(cases):
        rule = book.rule(code)
        escalation = escalate(rule, severity, prior, at)
        grade = escalation["to"] if escalation else severity
        if grade not in rule.ladder:
            continue
        number = offence_number(rule, prior, at)
        rungs = rule.ladder[grade]
        found[code, severity] = NextOffence(rule, number, grade, escalation is not None,
                                            rungs[min(number, len(rungs)) - 1].measures)
    return found
