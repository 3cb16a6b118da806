"""Customers as subjects: find the customer of a conversation, preview and take the measure a decision gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from backoffice.audit.operations import Actor, record
from backoffice.conversations.models import Conversation
from backoffice.customers.models import Customer, CustomerMeasure, CustomerMeasureType
from backoffice.db import db, lock_row, utcnow
from backoffice.failures import DomainError
from backoffice.policy import UnknownRuleError, get_rulebook
from backoffice.policy.customer_rules import CustomerRule


class CustomerRuleError(DomainError):
    """The decision names no customer rule of the case's platform, or a severity it does not have."""


@dataclass(frozen=True)
class CustomerPlan:
    """The measure a violation verdict would take against the customer now."""

    rule: CustomerRule
    severity: str
    offence_no: int
    type: CustomerMeasureType
    days: int | None

    def to_dict(self) -> dict:
        return {"subject": "customer", "rule": self.rule.code, "severity": self.severity,
                "offence_no": self.offence_no, "measure": {"type": self.type.value, "days": self.days}}


def customer_of(conversation: Conversation) -> Customer:
    """The conversation's customer, made on first use (concurrent first uses make one row)."""
    values = {"platform": conversation.platform, "external_id": conversation.customer_external_id,
              "name": conversation.customer_name, "created_at": utcnow()}
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    db.session.execute(dialect.insert(Customer).values(**values)
                       .on_conflict_do_nothing(index_elements=["platform", "external_id"]))
    return db.session.scalars(sa.select(Customer).filter_by(
        platform=conversation.platform, external_id=conversation.customer_external_id)).one()


def confirmed_offences(customer_id: int) -> int:
    """The customer's history so far: every measure a confirmed case took (all time; no source gives a window)."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(CustomerMeasure)
                             .where(CustomerMeasure.customer_id == customer_id)) or 0


def plan(platform: str, customer_id: int, rule_code: str | None, severity: str | None) -> CustomerPlan:
    """What the customer rule gives for the customer's next offence at this severity (nothing is written)."""
    if not rule_code or not severity:
        raise CustomerRuleError(_l("Choose the rule and the severity."))
    try:
        rule = get_rulebook().customer_rule(rule_code)
    except UnknownRuleError:
        rule = None
    if rule is None or not rule.code.startswith(f"{platform}.") or severity not in rule.ladder:
        raise CustomerRuleError(_l("Choose one of the platform's rules for customers and its severity."))
    offence_no = confirmed_offences(customer_id) + 1
    measure = rule.measure_for(severity, offence_no)  # type: ignore[arg-type]
    return CustomerPlan(rule, severity, offence_no, CustomerMeasureType(measure.type), measure.days)


def impose(actor: Actor, case, decision) -> CustomerMeasure:
    """Take the measure of an applied violation decision on a customer case; the customer's row is locked
    so that two of their cases decided at once count as the 1st and the 2nd offence."""
    customer = db.session.get(Customer, case.customer_id)
    lock_row(customer)
    now = utcnow()
    todo = plan(case.platform.value, customer.id, decision.rule_code, decision.severity)
    measure = CustomerMeasure(
        customer_id=customer.id, case_id=case.id, case_decision_id=decision.id, rule_code=todo.rule.code,
        severity=todo.severity, offence_no=todo.offence_no, type=todo.type, days=todo.days, starts_at=now,
        ends_at=now + timedelta(days=todo.days) if todo.days else None, reason=decision.rationale,
        created_by_id=actor.user.id if actor.user else None)
    db.session.add(measure)
    db.session.flush()
    decision.preview = todo.to_dict()  # as taken: the offence number may have moved since the preview
    record(actor, "customer.measure", "customer", customer.id,
           after={"case": case.id, "decision": decision.id, **todo.to_dict()})
    return measure
