"""Take and grade the exam-learning exam; a pass revokes the penalty as seed 004 says."""

from __future__ import annotations

from dataclasses import dataclass
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
from backoffice.policy import EXAM_WINDOW_SETTINGS, ExamPass, exam_chance_available, exam_window, get_rulebook
from backoffice.rulings import issuing
from backoffice.timeutil import deadline_text, platform_tz, to_platform_tz


class ExamError(DomainError, ValueError):
    """The exam cannot be started or graded as asked; the message is for people."""


class ExamAlreadySubmitted(ExamError, Conflict):
    """The attempt was graded already (another tab or a double tap sent it first)."""


@dataclass(frozen=True)
class ExamOffer:
    """The exam a ruling offers, and when its entrance is open (seed 004 四: 考试入口及其开放时间)."""

    opens_at: datetime
    closes_at: datetime

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= now < self.closes_at


def entrance_window(penalty: PenaltyDecision) -> tuple[datetime, datetime]:
    """When the exam entrance of this penalty opens and closes, from the pack's operator settings."""
    platform = get_rulebook().rule(penalty.rule_code).platform
    opens_after, open_days = (int(get_rulebook().setting(platform, name).value) for name in EXAM_WINDOW_SETTINGS)
    return exam_window(penalty.decided_at, opens_after, open_days, platform_tz())


def exam_offer(ruling: CaseDecision, now: datetime | None = None) -> ExamOffer | None:
    """The exam this ruling offers the merchant, open or not yet or no longer; None when it offers none."""
    if ruling.penalty_decision_id is None or ruling.rule_code is None:
        return None
    penalty = db.session.get(PenaltyDecision, ruling.penalty_decision_id)
    rule = get_rulebook().rule(ruling.rule_code)
    if penalty.state is not DecisionState.in_force or not rule.exam_learning or exams.bank(rule.platform) is None:
        return None
    if db.session.scalar(sa.select(ExamRevocation.id).filter_by(decision_id=penalty.id)):
        return None
    passes = [ExamPass(r.subtype, r.grade, r.passed_at) for r in db.session.scalars(
        sa.select(ExamRevocation).filter_by(merchant_id=penalty.merchant_id))]  # type: ignore[arg-type]
    if not exam_chance_available(rule, penalty.severity, now or utcnow(), passes, platform_tz()):
        return None
    return ExamOffer(*entrance_window(penalty))


def _check_window(offer: ExamOffer, now: datetime) -> None:
    if now < offer.opens_at:
        raise ExamError(_l("The exam entrance opens at %(t)s (Beijing time); come back then.",
                           t=to_platform_tz(offer.opens_at).strftime("%Y-%m-%d %H:%M")))
    if now >= offer.closes_at:
        raise ExamError(_l("The exam entrance closed at %(t)s (Beijing time).", t=deadline_text(offer.closes_at)))


def start_exam(actor: Actor, ruling: CaseDecision, *, now: datetime | None = None) -> ExamAttempt:
    """The merchant's unfinished attempt on this ruling, or a new one (reopening the page or
    reloading it on a phone must not draw new questions each time); only while the entrance is open."""
    now = now or utcnow()
    offer = exam_offer(ruling, now)
    if offer is None:
        raise ExamError(_l("The exam is not available for this ruling."))
    _check_window(offer, now)
    unfinished = db.session.scalar(
        sa.select(ExamAttempt).where(ExamAttempt.ruling_id == ruling.id, ExamAttempt.submitted_at.is_(None))
        .order_by(ExamAttempt.id.desc()).limit(1))
    if unfinished is not None:
        return unfinished
    platform = get_rulebook().rule(ruling.rule_code).platform
    attempt = ExamAttempt(ruling_id=ruling.id, merchant_id=ruling.case.merchant_id,
                          question_ids=[q.id for q in exams.draw(platform)], started_at=now)
    db.session.add(attempt)
    db.session.flush()
    record(actor, "exam.start", "exam_attempt", attempt.id, after={"ruling": ruling.id})
    return attempt


def submit_exam(actor: Actor, attempt: ExamAttempt, answers: dict[str, int], *,
                now: datetime | None = None) -> ExamAttempt:
    """Grade the attempt; on a pass revoke what the exam revokes, in the same transaction.

    Answers are taken until the entrance closes: an attempt left open past it is not graded."""
    now = now or utcnow()
    lock_row(attempt)  # one submission at a time: a second tab sees the first one's grade
    if attempt.submitted_at is not None:
        raise ExamAlreadySubmitted(_l("This attempt was already submitted."))
    ruling = db.session.get(CaseDecision, attempt.ruling_id)
    if ruling.penalty_decision_id is not None:
        _, closes_at = entrance_window(db.session.get(PenaltyDecision, ruling.penalty_decision_id))
        if now >= closes_at:
            raise ExamError(_l("The exam entrance closed at %(t)s (Beijing time); these answers cannot be "
                               "graded.", t=deadline_text(closes_at)))
    platform = get_rulebook().rule(ruling.rule_code).platform
    attempt.answers = {k: v for k, v in answers.items() if k in attempt.question_ids}
    attempt.score = exams.grade(platform, attempt.question_ids, attempt.answers)
    attempt.passed = attempt.score >= exams.pass_mark(platform)
    attempt.submitted_at = now
    db.session.flush()
    record(actor, "exam.submit", "exam_attempt", attempt.id, after={"score": attempt.score, "passed": attempt.passed})
    if attempt.passed:
        penalty = db.session.get(PenaltyDecision, ruling.penalty_decision_id)
        try:
            penalties.revoke_by_exam(actor, penalty, passed_at=attempt.submitted_at)
            issuing.mark_issued(ruling.id)  # the penalty's end changes what the ruling states
        except penalties.PenaltyChanged:
            raise  # a conflict (409): reloading shows what changed
        except penalties.PenaltyError as exc:
            raise ExamError(str(exc)) from exc
    return attempt
