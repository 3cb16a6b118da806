"""A case's review deadline: its tier and the pack's hours, counted on the pack's clock (issue 22).

Set once, when the case opens (``cases.operations``: a flag, a customer's flag, a merchant's fraud
report). A manager's refusal and a reviewer's undo give the case back with the deadline it had: the
merchant has been waiting since the case opened, and no case waits on the merchant, so its clock
never pauses. The tier rules are the pack's (``policy/deadlines.py``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from backoffice.cases.models import Case, CaseKind
from backoffice.db import db
from backoffice.merchants.models import Merchant
from backoffice.penalties.operations import prior_offences
from backoffice.policy import get_rulebook, offence_number
from backoffice.policy.deadlines import ReviewDeadlines, case_tier
from backoffice.timeutil import platform_tz


def deadlines_of(platform: str) -> ReviewDeadlines | None:
    """The platform's review deadlines; None when its pack sets none."""
    return get_rulebook().pack(platform).review_deadlines


def set_deadline(case: Case, at: datetime) -> None:
    """Give a case that opens at ``at`` its deadline and the basis it was computed from."""
    deadlines = deadlines_of(case.platform.value)
    if deadlines is None:
        case.sla_due_at, case.sla_basis = None, None
        return
    tier = case_tier(deadlines, *_rule_and_offence(case, at), fraud_report=case.kind is CaseKind.fraud_report)
    case.sla_due_at = deadlines.clock_in(platform_tz()).add(at, timedelta(hours=deadlines.hours_for(tier)))
    case.sla_basis = deadlines.basis(tier)


def _rule_and_offence(case: Case, at: datetime):
    book = get_rulebook()
    if case.rule_code is None:
        return None, 1
    if case.about_customer:
        return book.customer_rule(case.rule_code), 1
    rule = book.rule(case.rule_code)
    if not case.prior_offences:  # no decision in force (counted as the case opened): a first offence, no query
        return rule, 1
    return rule, offence_number(rule, prior_offences(db.session.get(Merchant, case.merchant_id)), at)
