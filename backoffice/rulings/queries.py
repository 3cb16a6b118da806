"""Finding rulings (by id, number, case or merchant) and the ruling as its merchant sees it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from werkzeug.exceptions import NotFound

from backoffice.appeals.models import Appeal, AppealOutcome
from backoffice.cases.models import Case, CaseDecision, CaseKind, DecisionStatus, Flag, Verdict
from backoffice.conversations.models import Message
from backoffice.db import db
from backoffice.penalties.models import PenaltyDecision
from backoffice.policy import MeasurePlan, get_rulebook
from backoffice.rulings.facts import Ruling, is_ruling, ruling_id_from_number, ruling_number

_IS_RULING = (CaseDecision.verdict == Verdict.violation, CaseDecision.status == DecisionStatus.applied)


def get_ruling(ruling_id: int) -> Ruling | None:
    """The ruling with this id: a violation verdict that has been applied; otherwise None."""
    ruling = db.session.get(CaseDecision, ruling_id)
    return ruling if ruling is not None and is_ruling(ruling) else None


def ruling_by_number(number: str) -> Ruling | None:
    """The ruling whose whole number (platform, day and id; any letter case) is ``number``."""
    number = number.strip().upper()
    ruling_id = ruling_id_from_number(number)
    ruling = get_ruling(ruling_id) if ruling_id is not None else None
    return ruling if ruling is not None and ruling_number(ruling) == number else None


_LOOSE_NUMBER = re.compile(r"(?:([A-Z]{3,9})[-_\s]*)?(\d{8})[-_\s]*(\d{1,12})")


def find_ruling(query: str) -> Ruling | None:
    """The ruling a person typed the number of, forgiving how it was typed: any letter case, spaces
    or underscores for hyphens, the serial without its leading zeros, the platform prefix left out
    (``zbj 20261121 42``, ``20261121-000042``). The day must still be the ruling's own; a platform,
    when given, must be its platform. Verification keeps the strict :func:`ruling_by_number`."""
    match = _LOOSE_NUMBER.fullmatch(query.strip().upper())
    if match is None:
        return None
    platform, day, serial = match.groups()
    ruling = get_ruling(int(serial))
    if ruling is None:
        return None
    want_platform, want_day, _ = ruling_number(ruling).split("-")
    if day != want_day or platform not in (None, want_platform):
        return None
    return ruling


def changed_on_appeal(ruling_ids: list[int]) -> dict[int, str]:
    """``overturned`` or ``reduced`` for each of these rulings an appeal changed (upheld ones are absent)."""
    if not ruling_ids:
        return {}
    rows = db.session.execute(sa.select(Appeal.ruling_id, Appeal.outcome).where(
        Appeal.ruling_id.in_(ruling_ids), Appeal.outcome.in_([AppealOutcome.overturned, AppealOutcome.reduced])))
    return {ruling_id: outcome.value for ruling_id, outcome in rows}


def case_ruling(case_id: int) -> Ruling | None:
    """The case's ruling (its latest, should there ever be more than one), or None."""
    return db.session.scalar(sa.select(CaseDecision).where(CaseDecision.case_id == case_id, *_IS_RULING)
                             .order_by(CaseDecision.id.desc()).limit(1))


def rulings_of(merchant_id: int) -> list[Ruling]:
    """The merchant's rulings, newest first."""
    return list(db.session.scalars(
        sa.select(CaseDecision).join(Case, Case.id == CaseDecision.case_id)
        .where(Case.merchant_id == merchant_id, Case.kind == CaseKind.violation, *_IS_RULING)
        .order_by(CaseDecision.decided_at.desc())))


def ruling_of(merchant_id: int, ruling_id: int) -> Ruling:
    """The merchant's own ruling, or 404 (another merchant's looks exactly like a missing one)."""
    ruling = get_ruling(ruling_id)
    # A confirmed report about the customer is no ruling on the merchant, though it sits in their conversation.
    if ruling is None or ruling.case.merchant_id != merchant_id or ruling.case.kind is not CaseKind.violation:
        raise NotFound()
    return ruling


@dataclass
class RulingView:
    ruling: Ruling
    penalty: PenaltyDecision | None
    plan: MeasurePlan | None
    successor_plan: MeasurePlan | None
    quoted: list[tuple[Message, list[Flag]]]
    appeal: Appeal | None

    @property
    def stored_plan(self) -> dict:
        """The plan the ruling stands on as stored: the imposed penalty's, else the decision's preview."""
        return self.penalty.plan if self.penalty else (self.ruling.preview or {})

    @property
    def ruleset_version(self) -> str:
        stored = self.stored_plan.get("ruleset_version")
        return stored or get_rulebook().rule(self.ruling.rule_code).ruleset_version


def ruling_view(ruling: Ruling) -> RulingView:
    """The ruling with its penalty, plans, quoted messages (with their flags) and appeal."""
    penalty = (db.session.get(PenaltyDecision, ruling.penalty_decision_id)
               if ruling.penalty_decision_id else None)
    successor = (db.session.scalar(sa.select(PenaltyDecision).filter_by(supersedes_id=penalty.id))
                 if penalty else None)
    # Its own case's flags, and those of the cases decided with it as one course of conduct (cases/conduct.py).
    joined = sa.select(CaseDecision.case_id).where(CaseDecision.joined_to_id == ruling.id,
                                                   CaseDecision.status == DecisionStatus.joined)
    flags = list(db.session.scalars(
        sa.select(Flag).where(sa.or_(Flag.case_id == ruling.case_id, Flag.case_id.in_(joined)),
                              Flag.message_id.is_not(None))))
    by_message: dict[int, list[Flag]] = {}
    for flag in flags:
        by_message.setdefault(flag.message_id, []).append(flag)
    # The flagged messages, and those the reviewer chose to quote (a report names no message).
    for message_id in ruling.quoted_message_ids or ():
        by_message.setdefault(message_id, [])
    messages = db.session.scalars(sa.select(Message).where(Message.id.in_(by_message))
                                  .order_by(Message.sent_at, Message.id)).all()
    return RulingView(
        ruling, penalty, MeasurePlan.from_dict(penalty.plan) if penalty else None,
        MeasurePlan.from_dict(successor.plan) if successor else None,
        [(m, by_message[m.id]) for m in messages],
        db.session.scalar(sa.select(Appeal).filter_by(ruling_id=ruling.id)),
    )
