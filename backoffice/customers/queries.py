"""A customer's history and current standing, for the case page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from backoffice.customers.models import Customer, CustomerMeasure, CustomerMeasureType
from backoffice.db import db


@dataclass(frozen=True)
class CustomerStanding:
    status: str  # "active", "restricted" (messaging) or "banned"
    restricted_until: datetime | None


def history_of(customer: Customer) -> list[CustomerMeasure]:
    return list(db.session.scalars(sa.select(CustomerMeasure).filter_by(customer_id=customer.id)
                                   .order_by(CustomerMeasure.id.desc())))


def standing_of(history: list[CustomerMeasure], now: datetime) -> CustomerStanding:
    if any(m.type is CustomerMeasureType.ban for m in history):
        return CustomerStanding("banned", None)
    until = max((m.ends_at for m in history if m.type is CustomerMeasureType.messaging_restriction
                 and m.ends_at is not None and m.ends_at > now), default=None)
    return CustomerStanding("restricted" if until else "active", until)


def cases_of(customer: Customer, but: int) -> list:
    """The customer's other cases (as subject), newest first."""
    from backoffice.cases.models import Case

    return list(db.session.scalars(sa.select(Case).where(Case.customer_id == customer.id, Case.id != but)
                                   .order_by(Case.opened_at.desc()).limit(20)))
