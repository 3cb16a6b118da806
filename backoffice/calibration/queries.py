"""Reads for calibration: sample candidates, who took part in a case, assignments and completed pairs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from backoffice.accounts.models import Role, User
from backoffice.appeals.models import Appeal, AppealOutcome
from backoffice.audit.models import AuditEvent
from backoffice.calibration.agreement import Judgment, Pair
from backoffice.calibration.models import CalibrationReview
from backoffice.cases.models import Case, CaseDecision, CaseNote, DecisionStatus, Flag, Report, Verdict
from backoffice.cases.states import CLOSED
from backoffice.db import db
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.timeutil import platform_day_bounds

SECOND_REVIEWER_ROLES = (Role.reviewer, Role.senior_reviewer)


@dataclass(frozen=True)
class SampleFilter:
    platform: str | None = None
    rule_code: str | None = None
    original_reviewer_id: int | None = None
    closed_from: date | None = None  # platform days, inclusive
    closed_to: date | None = None


def eligible_reviewers(ids: Iterable[int] | None = None) -> list[User]:
    """Active reviewers and senior reviewers, optionally only those in ``ids``, by login."""
    stmt = sa.select(User).where(User.role.in_(SECOND_REVIEWER_ROLES), User.is_enabled).order_by(User.login)
    if ids is not None:
        stmt = stmt.where(User.id.in_(list(ids)))
    return list(db.session.scalars(stmt))


def original_reviewers() -> list[User]:
    """Everyone who made a decision that took effect (the 'original reviewer' filter)."""
    deciders = sa.select(CaseDecision.decided_by_id).where(CaseDecision.status == DecisionStatus.applied)
    return list(db.session.scalars(sa.select(User).where(User.id.in_(deciders)).order_by(User.login)))


def candidates(flt: SampleFilter) -> list[tuple[int, int]]:
    """(case id, its latest applied decision id) of closed cases not yet sampled, by case id.

    Only decisions still in force: a ruling overturned (on appeal or by an exam) is no longer the
    platform's decision, so a blind second look at it measures nothing. A reduced ruling stays."""
    latest = (sa.select(CaseDecision.case_id, sa.func.max(CaseDecision.id).label("decision_id"))
              .where(CaseDecision.status == DecisionStatus.applied).group_by(CaseDecision.case_id).subquery())
    stmt = (sa.select(Case.id, latest.c.decision_id)
            .join(latest, latest.c.case_id == Case.id)
            .join(CaseDecision, CaseDecision.id == latest.c.decision_id)
            .where(Case.status.in_(CLOSED),
                   ~sa.exists().where(CalibrationReview.case_id == Case.id),
                   ~sa.exists().where(PenaltyDecision.id == CaseDecision.penalty_decision_id,
                                      PenaltyDecision.state == DecisionState.overturned)))
    if flt.platform:
        stmt = stmt.where(Case.platform == flt.platform)
    if flt.rule_code:
        stmt = stmt.where(CaseDecision.rule_code == flt.rule_code)
    if flt.original_reviewer_id:
        stmt = stmt.where(CaseDecision.decided_by_id == flt.original_reviewer_id)
    if flt.closed_from:
        stmt = stmt.where(Case.closed_at >= platform_day_bounds(flt.closed_from)[0])
    if flt.closed_to:
        stmt = stmt.where(Case.closed_at < platform_day_bounds(flt.closed_to)[1])
    return [(case_id, decision_id) for case_id, decision_id in db.session.execute(stmt.order_by(Case.id))]


def participants(case_ids: list[int]) -> dict[int, set[int]]:
    """Staff who took part in each case: acted on it, decided or approved it, noted it, decided its appeal."""
    found: dict[int, set[int]] = defaultdict(set)
    if not case_ids:
        return found
    decisions = db.session.execute(
        sa.select(CaseDecision.case_id, CaseDecision.decided_by_id, CaseDecision.approved_by_id)
        .where(CaseDecision.case_id.in_(case_ids)))
    for case_id, decider, approver in decisions:
        found[case_id].update(u for u in (decider, approver) if u)
    notes = db.session.execute(
        sa.select(CaseNote.case_id, CaseNote.author_id).where(CaseNote.case_id.in_(case_ids))).all()
    appeals = db.session.execute(
        sa.select(CaseDecision.case_id, Appeal.decided_by_id)
        .join(Appeal, Appeal.ruling_id == CaseDecision.id)
        .where(CaseDecision.case_id.in_(case_ids), Appeal.decided_by_id.is_not(None))).all()
    events = db.session.execute(sa.select(AuditEvent.subject_id, AuditEvent.actor_id).where(
        AuditEvent.subject_type == "case", AuditEvent.subject_id.in_([str(i) for i in case_ids]),
        AuditEvent.actor_id.is_not(None))).all()
    for case_id, user_id in (*notes, *appeals, *((int(s), a) for s, a in events)):
        found[case_id].add(user_id)
    return found


def open_load(user_ids: list[int]) -> dict[int, int]:
    return dict(db.session.execute(
        sa.select(CalibrationReview.reviewer_id, sa.func.count())
        .where(CalibrationReview.reviewer_id.in_(user_ids), CalibrationReview.completed_at.is_(None))
        .group_by(CalibrationReview.reviewer_id)).all())


def open_count(user: User) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(CalibrationReview).where(
        CalibrationReview.reviewer_id == user.id, CalibrationReview.completed_at.is_(None))) or 0


def assignments_of(user: User) -> tuple[list[CalibrationReview], list[CalibrationReview]]:
    """(open, submitted) calibration reviews assigned to ``user``."""
    rows = list(db.session.scalars(
        sa.select(CalibrationReview).where(CalibrationReview.reviewer_id == user.id)
        .options(sa.orm.joinedload(CalibrationReview.case))
        .order_by(CalibrationReview.sampled_at, CalibrationReview.id)))
    return [r for r in rows if r.is_open], sorted((r for r in rows if not r.is_open),
                                                 key=lambda r: r.completed_at, reverse=True)


def status_counts() -> dict[str, int]:
    open_, done = db.session.execute(sa.select(
        sa.func.count(sa.case((CalibrationReview.completed_at.is_(None), 1))),
        sa.func.count(CalibrationReview.completed_at))).one()
    return {"open": open_, "completed": done}


def open_reviews(limit: int = 200) -> list[CalibrationReview]:
    return list(db.session.scalars(
        sa.select(CalibrationReview).where(CalibrationReview.completed_at.is_(None))
        .options(sa.orm.joinedload(CalibrationReview.reviewer))
        .order_by(CalibrationReview.sampled_at, CalibrationReview.id).limit(limit)))


def as_it_stands(decision: CaseDecision, appeal: Appeal | None, successor: PenaltyDecision | None) -> Judgment:
    """The decision after its appeal: overturned reads as no violation, reduced as the successor's grade."""
    if appeal is not None and appeal.outcome is AppealOutcome.overturned:
        return Judgment(Verdict.no_violation.value)
    if appeal is not None and appeal.outcome is AppealOutcome.reduced and successor is not None:
        return Judgment(decision.verdict.value, successor.rule_code, successor.severity)
    return Judgment(decision.verdict.value, decision.rule_code, decision.severity)


def pairs() -> list[Pair]:
    """Every submitted calibration review beside the decision it re-examined as that decision stands
    after appeal (the blind verdict is compared with what the platform holds now), oldest first."""
    original, second, successor = aliased(User), aliased(User), aliased(PenaltyDecision)
    rows = db.session.execute(
        sa.select(CalibrationReview, CaseDecision, Case.platform, original.login, second.login, Appeal, successor)
        .join(CaseDecision, CaseDecision.id == CalibrationReview.original_decision_id)
        .join(Case, Case.id == CalibrationReview.case_id)
        .outerjoin(original, original.id == CaseDecision.decided_by_id)
        .join(second, second.id == CalibrationReview.reviewer_id)
        .outerjoin(Appeal, sa.and_(Appeal.ruling_id == CaseDecision.id, Appeal.outcome.is_not(None)))
        .outerjoin(successor, successor.id == Appeal.successor_penalty_id)
        .where(CalibrationReview.completed_at.is_not(None))
        .order_by(CalibrationReview.completed_at, CalibrationReview.id))
    return [Pair(original=as_it_stands(d, appeal, succ),
                 second=Judgment(r.verdict.value, r.rule_code, r.severity),
                 original_reviewer=first_login or "—", second_reviewer=second_login, review_id=r.id,
                 case_id=r.case_id, platform=platform.value, original_rationale=d.rationale,
                 second_rationale=r.rationale, completed_at=r.completed_at)
            for r, d, platform, first_login, second_login, appeal, succ in rows]


# The blind page shows the conversation as it stood when the case was decided: later messages and
# flags (another case on the same conversation) were not in front of the original reviewer.

def open_review_of(case_id: int, user: User) -> CalibrationReview | None:
    """The viewer's unfinished blind review of this case, if any."""
    return db.session.scalar(sa.select(CalibrationReview).where(
        CalibrationReview.case_id == case_id, CalibrationReview.reviewer_id == user.id,
        CalibrationReview.completed_at.is_(None)))


def blind_flags(review: CalibrationReview) -> list[Flag]:
    return list(db.session.scalars(
        sa.select(Flag).where(Flag.conversation_id == review.case.conversation_id,
                              Flag.created_at <= review.original_decision.decided_at).order_by(Flag.id)))


def blind_reports(review: CalibrationReview) -> list[Report]:
    return list(db.session.scalars(
        sa.select(Report).where(Report.conversation_id == review.case.conversation_id,
                                Report.reported_at <= review.original_decision.decided_at)
        .order_by(Report.reported_at)))
