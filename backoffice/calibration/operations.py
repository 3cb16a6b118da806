"""Calibration verbs: draw a sample of closed cases, record a blind second review, withdraw one.

None of these touches the case, its decisions, the ledger or the merchant: a calibration review is
a measurement of the review process, never a new ruling.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from backoffice.accounts.models import Role, User
from backoffice.audit.operations import Actor, record
from backoffice.calibration import queries as q
from backoffice.calibration.models import CalibrationReview
from backoffice.cases.models import Case, Verdict
from backoffice.db import db, utcnow
from backoffice.failures import Conflict, DomainError
from backoffice.labels import SEVERITY_LABELS
from backoffice.notifications.operations import notify_user
from backoffice.policy import get_rulebook

MAX_SAMPLE = 200
SEED_LIMIT = 2**31 - 1


class CalibrationError(DomainError, ValueError):
    """The request cannot be carried out; the message says why, for the person who asked."""


class AlreadySubmitted(CalibrationError, Conflict):
    pass


@dataclass
class Draw:
    reviews: list[CalibrationReview]
    seed: int
    #: Cases looked at and left out because every chosen reviewer had taken part in them.
    unassignable: int


@dataclass(frozen=True)
class BlindJudgment:
    verdict: Verdict
    rationale: str
    rule_code: str | None = None
    severity: str | None = None


def draw_sample(actor: Actor, size: int, flt: q.SampleFilter, *, reviewer_ids: list[int] | None = None,
                seed: int | None = None) -> Draw:
    """Assign ``size`` random closed cases, spread evenly, to reviewers who took no part in them.

    The same seed over the same data draws the same sample; without one a seed is chosen and
    returned (and written to the audit trail) so that any draw can be replayed.
    """
    if actor.user is None or actor.user.role is not Role.manager:
        raise CalibrationError(_l("Only a manager can draw a calibration sample."))
    if not 1 <= size <= MAX_SAMPLE:
        raise CalibrationError(_l("Draw between 1 and %(n)d cases.", n=MAX_SAMPLE))
    pool = _pool(reviewer_ids)
    candidates = q.candidates(flt)
    if not candidates:
        raise CalibrationError(
            _l("No closed case matches these filters (cases sampled before are left out)."))
    seed = secrets.randbelow(SEED_LIMIT) if seed is None else seed
    rng = random.Random(seed)  # noqa: S311 (a reproducible sample, not a secret: the seed is shown)
    rng.shuffle(candidates)
    picked, unassignable = _pick(candidates, [u.id for u in pool], size)
    if not picked:
        raise CalibrationError(
            _l("Each chosen reviewer took part in every matching case; choose other reviewers."))
    order = [u.id for u in pool]
    rng.shuffle(order)
    now = utcnow()
    reviews = [CalibrationReview(case_id=case_id, original_decision_id=decision_id, reviewer_id=reviewer_id,
                                 sampled_by_id=actor.user.id, sampled_at=now)
               for case_id, decision_id, reviewer_id in spread(picked, order, q.open_load(order))]
    db.session.add_all(reviews)
    db.session.flush()
    for review in reviews:
        record(actor, "calibration.assign", "calibration_review", review.id,
               after={"case": review.case_id, "decision": review.original_decision_id,
                      "reviewer": review.reviewer_id, "seed": seed})
    _notify({u.id: u for u in pool}, Counter(r.reviewer_id for r in reviews))
    return Draw(reviews, seed, unassignable)


def spread(picked: list[tuple[int, int, list[int]]], order: list[int],
           load: dict[int, int]) -> list[tuple[int, int, int]]:
    """(case, decision, reviewer) for each picked (case, decision, eligible reviewers).

    Most constrained cases first, each to the eligible reviewer with the fewest cases in this draw,
    then the fewest open ones, then the first in ``order`` (seeded): an even spread whenever the
    exclusions allow it.
    """
    rank = {user_id: n for n, user_id in enumerate(order)}
    assigned: Counter[int] = Counter()
    out = []
    for case_id, decision_id, eligible in sorted(picked, key=lambda p: len(p[2])):
        reviewer_id = min(eligible, key=lambda u: (assigned[u], load.get(u, 0), rank[u]))
        assigned[reviewer_id] += 1
        out.append((case_id, decision_id, reviewer_id))
    return out


def _pool(reviewer_ids: list[int] | None) -> list[User]:
    if reviewer_ids:
        pool = q.eligible_reviewers(reviewer_ids)
        if len(pool) != len(set(reviewer_ids)):
            raise CalibrationError(
                _l("Only active reviewers and senior reviewers can take calibration reviews."))
    else:
        pool = q.eligible_reviewers()
    if not pool:
        raise CalibrationError(_l("No active reviewer can take calibration reviews."))
    return pool


def _pick(candidates: list[tuple[int, int]], pool: list[int], size: int):
    """Walk the shuffled candidates, keeping those at least one pooled reviewer took no part in."""
    picked: list[tuple[int, int, list[int]]] = []
    unassignable = 0
    chunk = max(2 * size, 100)
    for start in range(0, len(candidates), chunk):
        batch = candidates[start:start + chunk]
        involved = q.participants([case_id for case_id, _ in batch])
        for case_id, decision_id in batch:
            eligible = [u for u in pool if u not in involved.get(case_id, ())]
            if not eligible:
                unassignable += 1
                continue
            picked.append((case_id, decision_id, eligible))
            if len(picked) == size:
                return picked, unassignable
    return picked, unassignable


def _notify(users: dict[int, User], assigned: Counter[int]) -> None:
    for user_id, n in sorted(assigned.items()):
        user = users[user_id]
        with force_locale(user.locale or "zh"):
            title = str(_l("New calibration reviews"))
            body = str(_l("%(n)d closed case(s) to review blind. Judge each as if it were new.", n=n))
        notify_user(user, "calibration", title, body, "/calibration/mine")


def submit(actor: Actor, review: CalibrationReview, data: BlindJudgment) -> CalibrationReview:
    """Record the second reviewer's verdict; a submitted review is final."""
    user = actor.user
    if user is None or user.id != review.reviewer_id:
        raise CalibrationError(_l("Only the reviewer it is assigned to can submit this calibration review."))
    if review.completed_at is not None:
        raise AlreadySubmitted(_l("This calibration review was already submitted; it cannot be changed."))
    rationale = data.rationale.strip()
    if not rationale:
        raise CalibrationError(_l("Write the reasons for your verdict."))
    rule_code = severity = None
    if data.verdict is Verdict.violation:
        rule_code, severity = _checked_rule(review.case, data.rule_code, data.severity)
    # Conditional on still being open, so that two tabs submitting at once cannot both write.
    done = db.session.execute(
        sa.update(CalibrationReview)
        .where(CalibrationReview.id == review.id, CalibrationReview.completed_at.is_(None))
        .values(verdict=data.verdict, rule_code=rule_code, severity=severity, rationale=rationale,
                completed_at=utcnow())
        .execution_options(synchronize_session=False))
    if done.rowcount != 1:
        raise AlreadySubmitted(_l("This calibration review was already submitted; it cannot be changed."))
    db.session.refresh(review)
    record(actor, "calibration.submit", "calibration_review", review.id,
           after={"case": review.case_id, "verdict": data.verdict.value, "rule": rule_code,
                  "severity": severity})
    return review


def _checked_rule(case: Case, rule_code: str | None, severity: str | None) -> tuple[str, str]:
    if not rule_code:
        raise CalibrationError(_l("Choose the rule the conduct breaks."))
    rule = next((r for r in get_rulebook().rules(case.platform.value) if r.code == rule_code), None)
    if rule is None:
        raise CalibrationError(_l("%(rule)s is not a rule of this platform.", rule=rule_code))
    if not severity:
        raise CalibrationError(_l("Choose the severity."))
    if severity not in rule.severities:
        raise CalibrationError(_l("This rule has no such severity; choose one of: %(s)s.",
                                  s=", ".join(str(SEVERITY_LABELS[s]) for s in rule.severities)))
    return rule_code, severity


def withdraw(actor: Actor, review: CalibrationReview) -> None:
    """Take back an open assignment (the reviewer left, or the sample was drawn by mistake)."""
    if actor.user is None or actor.user.role is not Role.manager:
        raise CalibrationError(_l("Only a manager can withdraw a calibration review."))
    if review.completed_at is not None:
        raise AlreadySubmitted(_l("A submitted calibration review is kept; it cannot be withdrawn."))
    record(actor, "calibration.withdraw", "calibration_review", review.id,
           before={"case": review.case_id, "reviewer": review.reviewer_id})
    db.session.delete(review)
    db.session.flush()
