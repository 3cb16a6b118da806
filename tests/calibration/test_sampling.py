"""Drawing a calibration sample: who may review what, which cases, how evenly, and reproducibly."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask_babel import gettext
from hypothesis import given
from hypothesis import strategies as st

from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import record
from backoffice.calibration import operations as ops
from backoffice.calibration.models import CalibrationReview
from backoffice.calibration.queries import SampleFilter
from backoffice.cases.models import CaseNote, CaseStatus
from backoffice.extensions import db
from backoffice.notifications.models import Notification
from backoffice.timeutil import platform_tz
from tests.builders import web


def reviews() -> list[CalibrationReview]:
    return list(db.session.scalars(sa.select(CalibrationReview).order_by(CalibrationReview.id)))


def message(exc_info) -> str:
    return str(exc_info.value)


def test_the_decider_and_the_approver_never_review_their_own_case(staff, merchant, closed_case, draw):
    ann, bob, cat, dan = staff.ann, staff.bob, staff.cat, staff.dan
    cases = [closed_case(merchant, ann, approver=cat) for _ in range(4)] + \
            [closed_case(merchant, bob, verdict="no_violation") for _ in range(4)]
    result = draw(staff.boss, 8, seed=7)
    assert len(result.reviews) == 8
    deciders = {c.id: ({ann.id, cat.id} if i < 4 else {bob.id}) for i, c in enumerate(cases)}
    for review in reviews():
        assert review.reviewer_id not in deciders[review.case_id]
        assert review.reviewer_id in {ann.id, bob.id, cat.id, dan.id}
        assert review.sampled_by_id == staff.boss.id
        assert review.original_decision.case_id == review.case_id
        assert review.completed_at is None
        assert review.verdict is None


def test_anyone_who_handled_the_case_is_left_out(staff, decided, draw):
    case, _ = decided(staff.ann)  # ann claimed and decided it through the workflow
    db.session.add(CaseNote(case_id=case.id, author_id=staff.bob.id, body="看起来是引流"))
    record(web(staff.dan), "case.claim", "case", case.id)  # dan held it once
    db.session.commit()
    with pytest.raises(ops.CalibrationError) as exc:
        ops.draw_sample(web(staff.boss), 1, SampleFilter(),
                        reviewer_ids=[staff.ann.id, staff.bob.id, staff.dan.id])
    assert message(exc) == gettext(
        "Each chosen reviewer took part in every matching case; choose other reviewers.")
    db.session.rollback()
    result = draw(staff.boss, 1)
    assert [r.reviewer_id for r in result.reviews] == [staff.cat.id]


def test_open_cases_are_never_drawn(staff, merchant, closed_case, open_case, draw):
    closed = {closed_case(merchant, staff.ann).id for _ in range(3)}
    closed_case(merchant, staff.ann, status=CaseStatus.awaiting_approval)  # a decision waiting for approval
    open_case()  # waiting in the queue
    result = draw(staff.boss, 50)
    assert {r.case_id for r in result.reviews} == closed


def test_filters_narrow_the_candidates(staff, merchant, make_merchant, closed_case, draw):
    pdd = make_merchant("pdd-1", platform="pdd")
    now = datetime.now(platform_tz())
    old = closed_case(merchant, staff.ann, closed_at=(now - timedelta(days=40)))
    by_bob = closed_case(merchant, staff.bob, rule="zbj.ads_spam")
    on_pdd = closed_case(pdd, staff.ann)
    recent = closed_case(merchant, staff.ann)
    boss = staff.boss

    def drawn(flt: SampleFilter) -> set[int]:
        result = ops.draw_sample(web(boss), 10, flt, seed=1)
        ids = {r.case_id for r in result.reviews}
        db.session.rollback()
        return ids

    assert drawn(SampleFilter(platform="pdd")) == {on_pdd.id}
    assert drawn(SampleFilter(rule_code="zbj.ads_spam")) == {by_bob.id}
    assert drawn(SampleFilter(original_reviewer_id=staff.bob.id)) == {by_bob.id}
    today = now.date()
    assert drawn(SampleFilter(closed_to=today - timedelta(days=30))) == {old.id}
    assert drawn(SampleFilter(closed_from=today - timedelta(days=1), platform="zbj")) == {by_bob.id, recent.id}
    assert drawn(SampleFilter(closed_from=today, closed_to=today, original_reviewer_id=staff.ann.id)) == {
        on_pdd.id, recent.id}
    with pytest.raises(ops.CalibrationError) as exc:
        drawn(SampleFilter(closed_from=date(2020, 1, 1), closed_to=date(2020, 1, 31)))
    assert message(exc) == gettext("No closed case matches these filters (cases sampled before are left out).")


def test_assignments_spread_evenly(staff, merchant, closed_case, draw):
    for _ in range(10):
        closed_case(merchant, staff.boss)
    result = draw(staff.boss, 10, seed=3)
    per_reviewer = Counter(r.reviewer_id for r in result.reviews)
    assert sorted(per_reviewer.values()) == [2, 2, 3, 3]
    chosen = [staff.ann.id, staff.dan.id]
    for _ in range(5):
        closed_case(merchant, staff.boss)
    result = draw(staff.boss, 5, reviewer_ids=chosen, seed=3)
    assert set(r.reviewer_id for r in result.reviews) == set(chosen)
    assert sorted(Counter(r.reviewer_id for r in result.reviews).values()) == [2, 3]


def test_the_same_seed_draws_the_same_sample(staff, merchant, closed_case):
    for _ in range(30):
        closed_case(merchant, staff.boss)

    def sample(seed: int | None) -> tuple[list[tuple[int, int]], int]:
        result = ops.draw_sample(web(staff.boss), 6, SampleFilter(), seed=seed)
        drawn = sorted((r.case_id, r.reviewer_id) for r in result.reviews)
        db.session.rollback()
        return drawn, result.seed

    first, seed = sample(42)
    assert seed == 42
    assert sample(42)[0] == first
    assert sample(43)[0] != first
    unseeded, chosen = sample(None)
    assert sample(chosen)[0] == unseeded  # a draw without a seed reports the one it used


def test_a_case_is_sampled_only_once(staff, merchant, closed_case, draw):
    closed_case(merchant, staff.ann)
    closed_case(merchant, staff.ann)
    assert len(draw(staff.boss, 5).reviews) == 2
    with pytest.raises(ops.CalibrationError):
        draw(staff.boss, 5)


def test_each_drawn_review_is_audited_and_its_reviewer_told(staff, merchant, closed_case, draw):
    for _ in range(3):
        closed_case(merchant, staff.boss)
    result = draw(staff.boss, 3, reviewer_ids=[staff.ann.id, staff.bob.id], seed=5)
    events = list(db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "calibration.assign")))
    assert sorted(int(e.subject_id) for e in events) == sorted(r.id for r in result.reviews)
    assert {e.subject_type for e in events} == {"calibration_review"}
    assert {e.after["seed"] for e in events} == {5}
    assert {e.actor_id for e in events} == {staff.boss.id}
    notes = db.session.scalars(sa.select(Notification).where(Notification.kind == "calibration")).all()
    assert sorted(n.user_id for n in notes) == sorted({staff.ann.id, staff.bob.id})


@pytest.mark.parametrize(("size", "setup", "expected"), [
    (0, None, "Draw between 1 and %(n)d cases."),
    (ops.MAX_SAMPLE + 1, None, "Draw between 1 and %(n)d cases."),
    (5, "no_cases", "No closed case matches these filters (cases sampled before are left out)."),
    (5, "no_reviewers", "No active reviewer can take calibration reviews."),
    (5, "manager_as_reviewer", "Only active reviewers and senior reviewers can take calibration reviews."),
])
def test_refusals_say_why(staff, merchant, closed_case, size, setup, expected):
    if setup != "no_cases":
        closed_case(merchant, staff.boss)
    options = {}
    if setup == "no_reviewers":
        for user in (staff.ann, staff.bob, staff.cat, staff.dan):
            user.is_enabled = False
        db.session.commit()
    if setup == "manager_as_reviewer":
        options["reviewer_ids"] = [staff.ann.id, staff.boss.id]
    with pytest.raises(ops.CalibrationError) as exc:
        ops.draw_sample(web(staff.boss), size, SampleFilter(), **options)
    assert message(exc) == gettext(expected, n=ops.MAX_SAMPLE)
    assert reviews() == []


def test_only_a_manager_draws(staff, merchant, closed_case):
    closed_case(merchant, staff.boss)
    with pytest.raises(ops.CalibrationError):
        ops.draw_sample(web(staff.cat), 1, SampleFilter())
    assert reviews() == []


eligible_sets = st.lists(st.sets(st.integers(1, 5), min_size=1), max_size=30)


@given(eligible_sets, st.permutations([1, 2, 3, 4, 5]))
def test_spread_assigns_only_eligible_reviewers(eligible, order):
    picked = [(n, n, sorted(e)) for n, e in enumerate(eligible)]
    out = ops.spread(picked, list(order), {})
    assert sorted(c for c, _, _ in out) == list(range(len(eligible)))
    assert all(reviewer in eligible[case] for case, _, reviewer in out)


@given(st.integers(0, 60), st.integers(1, 6), st.dictionaries(st.integers(1, 6), st.integers(0, 9)))
def test_spread_is_even_when_everyone_is_eligible(cases, reviewers, load):
    pool = list(range(1, reviewers + 1))
    out = ops.spread([(n, n, pool) for n in range(cases)], pool, load)
    counts = Counter(r for _, _, r in out)
    assert max(counts.values(), default=0) - min((counts[u] for u in pool), default=0) <= 1
