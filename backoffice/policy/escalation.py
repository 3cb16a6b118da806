"""A grade derived from the merchant's history: Taobao's 情节严重 is 多次发生"情节一般"情形 (seed 002).

Pure: the rule's ``escalation`` (how many cases within how many days, operator settings where the
document gives no number) and the merchant's earlier decisions give the grade the reviewer's choice
becomes, with the counts that show why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .plan import PriorOffence
from .schema import Rule


def escalate(rule: Rule, severity: str, prior: Iterable[PriorOffence], at: dt.datetime) -> dict[str, Any] | None:
    """Return the escalation of a ``severity`` case of ``rule`` decided at ``at``, or None when there is none.

    Counted: this case and the merchant's earlier confirmed, not overturned cases of the rule graded
    ``when`` or ``becomes`` (a repeated case is still a case of the kind repeated), decided inside
    the window (the edge counts).
    """
    esc = rule.escalation
    if esc is None or severity != esc.when:
        return None
    since = at - dt.timedelta(days=esc.window_days)
    earlier = sum(1 for p in prior if p.rule_code == rule.code and not p.overturned
                  and p.severity in (esc.when, esc.becomes) and since <= p.decided_at < at)
    if earlier + 1 < esc.occurrences:
        return None
    return {"from": esc.when, "to": esc.becomes, "occurrence": earlier + 1, "occurrences": esc.occurrences,
            "window_days": esc.window_days}
