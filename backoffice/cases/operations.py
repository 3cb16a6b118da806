"""Open cases from flags, keep their priority current, resolve their flags."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backoffice.audit.operations import Actor, record
from backoffice.cases import sla
from backoffice.cases.models import CUSTOMER_KINDS, OPEN_STATUSES, Case, CaseKind, Flag, FlagSource, FlagStatus
from backoffice.conversations.models import Conversation, SenderRole
from backoffice.customers.operations import confirmed_offences as customer_offences
from backoffice.customers.operations import customer_of
from backoffice.db import db, lock_row, utcnow
from backoffice.labels import measure_text
from backoffice.ledger.models import LedgerEntry
from backoffice.notifications.operations import notify_merchant
from backoffice.penalties.automatic import apply_automatic
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.policy import get_rulebook

# How much each part weighs in a case's priority (higher is reviewed first).
CATEGORY_WEIGHT = {
    "illegal_service": 40, "offsite_contact": 30, "abuse": 30, "ads_spam": 20,
    "prohibited_content": 20, "negative_service": 10, None: 15,
}


def priority(case: Case) -> int:
    """Rule weight, detector confidence, repeat offender, reports and number of flags."""
    return (
        CATEGORY_WEIGHT.get(case.category, 15)
        + round(case.max_confidence * 20)
        + min(case.prior_offences, 5) * 8
        + min(case.report_count, 5) * 10
        + min(case.flag_count, 10) * 2
    )


def confirmed_offences(merchant_id: int) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(PenaltyDecision)
        .where(PenaltyDecision.merchant_id == merchant_id, PenaltyDecision.state == DecisionState.in_force)
    )


def open_case_for(conversation: Conversation, rule_code: str | None) -> Case | None:
    stmt = sa.select(Case).where(
        Case.conversation_id == conversation.id,
        Case.rule_code.is_(None) if rule_code is None else Case.rule_code == rule_code,
        Case.status.in_(OPEN_STATUSES),
    )
    return db.session.scalar(stmt)


def add_flags(actor: Actor, conversation: Conversation, rule_code: str | None, category: str | None,
              flags: list[Flag], at: datetime, *, into: Case | None = None) -> tuple[Case, bool]:
    """Attach flags to the open case of this conversation and rule, opening one if needed.

    ``into``: the case to attach them to instead (a mass sending's case lists several conversations).
    """
    case = into or open_case_for(conversation, rule_code)
    opened = case is None
    if opened:
        case = Case(
            platform=conversation.platform, merchant_id=conversation.merchant_id,
            conversation_id=conversation.id, rule_code=rule_code, category=category, opened_at=at,
            last_flag_at=at, prior_offences=confirmed_offences(conversation.merchant_id), flag_count=0,
            report_count=0, max_confidence=0.0, has_detector=False, has_report=False,
        )
        sla.set_deadline(case, at)
        db.session.add(case)
    _attach_all(case, flags, at)
    if opened:
        record(actor, "case.open", "case", case.id,
               after={"rule": rule_code, "conversation": conversation.external_id, "flags": len(flags)})
    sure = sure_flag(conversation.platform.value, flags) if rule_code is not None else None
    if sure is not None and not automatic_taken(case):
        taken = apply_automatic(actor, conversation.merchant, rule_code, at,
                                reason=f"case {case.id}: flagged ({sure.detector} {sure.effective_score:.0%}), "
                                       "awaiting review", case_id=case.id)
        if taken:
            tell_automatic(conversation.merchant_id, taken)
    return case, opened


def tell_automatic(merchant_id: int, entries: list[LedgerEntry]) -> None:
    """Notify the merchant once of the measures the system took on a flag, each with when it applies.

    ZBJ's search demotion applies at once and its risk notice shows from the next platform day: the
    merchant learns of both when they are taken (automatic measures are taken once per case).
    """
    measures = [{"type": e.kind.value, "starts_at": e.effective_at, "ends_at": e.ends_at} for e in entries]
    notify_merchant(merchant_id, "automatic_measures", lambda: (
        _l("The system took measures on your shop"),
        _l("A message your shop sent was flagged by the system, which took these measures: %(measures)s. "
           "A person will review the whole conversation; your shop page shows where the review stands.",
           measures=" · ".join(measure_text(m) for m in measures))), link="/merchant")


def attach(case: Case, flag: Flag) -> None:
    """Put ``flag`` on ``case`` and keep the case's counters (flags, reports, surest score) with it."""
    flag.case = case
    case.flag_count += 1
    case.max_confidence = max(case.max_confidence, flag.confidence)
    if flag.source is FlagSource.report:
        case.report_count += 1
        case.has_report = True
    elif flag.source is FlagSource.detector:
        case.has_detector = True


def _attach_all(case: Case, flags: list[Flag], at: datetime) -> None:
    for flag in flags:
        attach(case, flag)
    case.last_flag_at = at
    case.priority = priority(case)
    db.session.flush()


def sure_flag(platform: str, flags: list[Flag]) -> Flag | None:
    """The surest detector flag on a merchant's own message that reaches the automatic threshold, if any.

    ZBJ (seed 000) demotes "若服务商……触发线下交易敏感词": the merchant's own words, caught by the
    system. A customer's report, a reviewer's sweep finding or a hit on the customer's own message
    (a customer who volunteers a number) is no such trigger: that case waits for its reviewer, as
    does one whose score stays below the threshold.
    """
    _, automatic = get_rulebook().detection_thresholds(platform)
    sure = [f for f in flags if f.source is FlagSource.detector and f.category in automatic
            and f.effective_score >= automatic[f.category]
            and f.message is not None and f.message.sender_role is SenderRole.merchant]
    return max(sure, key=lambda f: f.effective_score, default=None)


def automatic_taken(case: Case) -> bool:
    """Whether the case's automatic measures were taken already (they are taken once per case).

    Safe against concurrent ingestion: ingest locks the conversation row, and a case has one conversation
    (a mass sending's case spans several, and its writers hold the merchant's row lock as well).
    """
    return db.session.scalar(sa.select(sa.exists().where(
        LedgerEntry.case_id == case.id, LedgerEntry.is_provisional))) or False


def resolve_flags(case: Case, confirmed: bool) -> None:
    """Record each open flag of the case as confirmed or dismissed (detector precision)."""
    status = FlagStatus.confirmed if confirmed else FlagStatus.dismissed
    now = utcnow()
    for flag in case.flags:
        if flag.status is FlagStatus.open:
            flag.status, flag.judged_at = status, now
    db.session.flush()


def report_fraud(actor: Actor, conversation: Conversation, text: str) -> Case:
    """A merchant's report of customer fraud: a case whose subject is the customer, never the merchant.

    The report joins the customer's open case on this conversation, if there is one (the scan of the
    customer's messages opened it, or an earlier report): one case per customer and conversation while
    it is open, with the report among its flags and in its timeline.
    """
    now = utcnow()
    lock_row(conversation)  # ingestion and other reports of this conversation wait: they find this case
    case = db.session.scalar(sa.select(Case).where(
        Case.conversation_id == conversation.id, Case.kind.in_(CUSTOMER_KINDS), Case.status.in_(OPEN_STATUSES))
        .order_by(Case.id).limit(1))
    joined = case is not None
    if case is None:
        case = Case(platform=conversation.platform, merchant_id=conversation.merchant_id,
                    customer_id=customer_of(conversation).id,
                    conversation_id=conversation.id, kind=CaseKind.fraud_report, opened_at=now, last_flag_at=now,
                    flag_count=0, report_count=0, max_confidence=0.0, has_detector=False, has_report=True,
                    prior_offences=0, priority=50)
        sla.set_deadline(case, now)
        db.session.add(case)
        db.session.flush()
    db.session.add(Flag(case_id=case.id, conversation_id=conversation.id, source=FlagSource.merchant_report,
                        detector="merchant_fraud_report", matched=text[:500], where="report", confidence=1.0))
    case.flag_count += 1
    case.report_count += 1
    case.has_report, case.max_confidence, case.last_flag_at = True, 1.0, now
    if joined:
        case.priority = max(case.priority, priority(case))
    db.session.flush()
    record(actor, "case.fraud_report", "case", case.id,
           after={"conversation": conversation.external_id, "text": text, "joined": joined})
    return case


def add_customer_flags(actor: Actor, conversation: Conversation, rule_code: str, flags: list[Flag],
                       at: datetime) -> tuple[Case, bool]:
    """Attach flags on the customer's own messages to the open customer case of this conversation and
    customer rule, opening one if needed. No automatic measure: a person decides every customer case."""
    case = db.session.scalar(sa.select(Case).where(
        Case.conversation_id == conversation.id, Case.kind == CaseKind.customer_fraud,
        Case.rule_code == rule_code, Case.status.in_(OPEN_STATUSES)))
    opened = case is None
    if opened:
        customer = customer_of(conversation)
        case = Case(platform=conversation.platform, merchant_id=conversation.merchant_id,
                    customer_id=customer.id, conversation_id=conversation.id,
                    kind=CaseKind.customer_fraud, rule_code=rule_code, opened_at=at, last_flag_at=at,
                    prior_offences=customer_offences(customer.id), flag_count=0,
                    report_count=0, max_confidence=0.0, has_detector=True, has_report=False)
        sla.set_deadline(case, at)
        db.session.add(case)
    _attach_all(case, flags, at)
    if opened:
        record(actor, "case.open", "case", case.id,
               after={"rule": rule_code, "conversation": conversation.external_id, "flags": len(flags),
                      "subject": "customer"})
    return case, opened
