"""Help requests and escalations: the reviewer's reason, shown to the senior reviewers, and their answer."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.accounts.models import User
from backoffice.audit.operations import Actor, record
from backoffice.cases.models import Case
from backoffice.cases.states import SENIOR_ROLES
from backoffice.db import UTCDateTime, db, enum_type, utcnow
from backoffice.failures import Conflict, DomainError
from backoffice.notifications import staff


class HelpKind(enum.StrEnum):
    help = "help"  # the reviewer keeps the case, on hold, and asks a question
    escalation = "escalation"  # the case goes to the senior reviewers' queue


class HelpRequest(db.Model):
    __tablename__ = "help_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    kind: Mapped[HelpKind] = mapped_column(enum_type(HelpKind, 16))
    asked_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(sa.Text)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answer: Mapped[str] = mapped_column(sa.Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case: Mapped[Case] = relationship()
    asked_by: Mapped[User] = relationship(foreign_keys=[asked_by_id])
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id])


class HelpError(DomainError, ValueError):
    """An answer that cannot be given; the message is for people."""


class AlreadyAnswered(HelpError, Conflict):
    """Someone answered first (two seniors at once, or a second click)."""


def ask(case: Case, user: User, kind: HelpKind, reason: str) -> HelpRequest:
    """Keep the reason of a hold or an escalation (called by claims.hold and claims.escalate)."""
    request = HelpRequest(case_id=case.id, kind=kind, asked_by_id=user.id, reason=reason.strip(), asked_at=utcnow())
    db.session.add(request)
    db.session.flush()
    staff.help_asked(request)
    return request


def answer(actor: Actor, request: HelpRequest, text: str) -> HelpRequest:
    """A senior reviewer or manager answers; the reviewer who asked is told. Answered once."""
    if actor.user is None or actor.user.role not in SENIOR_ROLES:
        raise HelpError(_l("Only senior reviewers and managers answer help requests."))
    if not text.strip():
        raise HelpError(_l("Write the answer."))
    now = utcnow()
    # One conditional UPDATE: of two seniors answering at once, the second finds it answered.
    done = db.session.execute(
        sa.update(HelpRequest).where(HelpRequest.id == request.id, HelpRequest.answered_at.is_(None))
        .values(answer=text.strip(), answered_by_id=actor.user.id, answered_at=now)
        .execution_options(synchronize_session=False)).rowcount
    if not done:
        raise AlreadyAnswered(_l("This request was already answered."))
    db.session.refresh(request)
    record(actor, "case.help_answer", "case", request.case_id, after={"request": request.id, "answer": text.strip()})
    staff.help_answered(request)
    return request


def latest_requests(case_ids) -> dict[int, HelpRequest]:
    """The most recent help request or escalation of each case (the queue's reason column)."""
    ids = list(case_ids)
    if not ids:
        return {}
    newest = (sa.select(sa.func.max(HelpRequest.id)).where(HelpRequest.case_id.in_(ids))
              .group_by(HelpRequest.case_id).scalar_subquery())
    rows = db.session.scalars(sa.select(HelpRequest).where(HelpRequest.id.in_(newest))
                              .options(sa.orm.joinedload(HelpRequest.asked_by)))
    return {r.case_id: r for r in rows}


def requests_of(case: Case) -> list[HelpRequest]:
    return list(db.session.scalars(sa.select(HelpRequest).where(HelpRequest.case_id == case.id)
                                   .order_by(HelpRequest.id)))
