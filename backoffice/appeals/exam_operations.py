"""Take and grade the exam-learning exam; a pass revokes the penalty as seed 004 says."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backoffice.appeals import exams
from backoffice.appeals.models import ExamAttempt
from backoffice.audit.operations import Actor, record
from backoffice.cases.models import CaseDecision
from backoffice.db import db, lock_row, utcnow
from backoffice.failures import Conflict, DomainError
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import DecisionState, ExamRevocation, PenaltyDecision
from backoffice.policy import ExamPass, exam_chance_available, get_rulebook
from backoffice.timeutil import platform_tz


class ExamError(DomainError, ValueError):
    """The exam cannot be started or graded as asked; the message is for people."""


class ExamAlreadySubmitted(ExamError, Conflict):
    """The attempt was graded already (another tab or a double tap sent it first)."""


def exam_offer(ruling: CaseDecision, now: datetime | None = None) -> bool:
    """Whether the merchant may take the exam for this ruling now."""
    if ruling.penalty_decision_id is None or ruling.rule_code is None:
        return False
    penalty = db.session.get(PenaltyDecision, ruling.penalty_decision_id)
    rule = get_rulebook().rule(ruling.rule_code)
    if penalty.state is not DecisionState.in_force or not rule.exam_learning or exams.bank(rule.platform) is None:
        return False
    if db.session.scalar(sa.select(ExamRevocation.id).filter_by(decision_id=penalty.id)):
        return False
    passes = [ExamPass(r.subtype, r.grade, r.passed_at) for r in db.session.scalars(
        sa.select(ExamRevocation).filter_by(merchant_id=penalty.merchant_id))]  # type: ignore[arg-type]
    return exam_chance_available(rule, penalty.severity, now or utcnow(), passes, platform_tz())


def start_exam(actor: Actor, ruling: CaseDecision) -> ExamAttempt:
    """The merchant's unfinished attempt on this ruling, or a new one (reopening the page or
    reloading it on a phone must not draw new questions each time)."""
    if not exam_offer(ruling):
        raise ExamError(_l("The exam is not available for this ruling."))
    unfinished = db.session.scalar(
        sa.select(ExamAttempt).where(ExamAttempt.ruling_id == ruling.id, ExamAttempt.submitted_at.is_(None))
        .order_by(ExamAttempt.id.desc()).limit(1))
    if unfinished is not None:
        return unfinished
    platform = get_rulebook().rule(ruling.rule_code).platform
    attempt = ExamAttempt(ruling_id=ruling.id, merchant_id=ruling.case.merchant_id,
                          question_ids=[q.id for q in exams.draw(platform)])
    db.session.add(attempt)
    db.session.flush()
    record(actor, "exam.start", "exam_attempt", attempt.id, after={"ruling": ruling.id})
    return attempt


def submit_exam(actor: Actor, attempt: ExamAttempt, answers: dict[str, int]) -> ExamAttempt:
    """Grade the attempt; on a pass revoke what the exam revokes, in the same transaction."""
    lock_row(attempt)  # one submission at a time: a second tab sees the first one's grade
    if attempt.submitted_at is not None:
        raise ExamAlreadySubmitted(_l("This attempt was already submitted."))
    ruling = db.session.get(CaseDecision, attempt.ruling_id)
    platform = get_rulebook().rule(ruling.rule_code).platform
    attempt.answers = {k: v for k, v in answers.items() if k in attempt.question_ids}
    attempt.score = exams.grade(platform, attempt.question_ids, attempt.answers)
    attempt.passed = attempt.score >= exams.pass_mark(platform)
    attempt.submitted_at = utcnow()
    db.session.flush()
    record(actor, "exam.submit", "exam_attempt", attempt.id, after={"score": attempt.score, "passed": attempt.passed})
    if attempt.passed:
        penalty = db.session.get(PenaltyDecision, ruling.penalty_decision_id)
        try:
            penalties.revoke_by_exam(actor, penalty, passed_at=attempt.submitted_at)
        except penalties.PenaltyChanged:
            raise  # a conflict (409): reloading shows what changed
        except penalties.PenaltyError as exc:
            raise ExamError(str(exc)) from exc
    return attempt
