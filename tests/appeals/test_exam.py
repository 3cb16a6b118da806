"""Exam-learning (seed 004): a pass revokes as the rule says, once per sub-type per natural year."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from backoffice.appeals import exams
from backoffice.appeals.exam_operations import ExamError, exam_offer, start_exam, submit_exam
from backoffice.appeals.models import ExamAttempt
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ledger.operations import standing_of
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import DecisionState, ExamRevocation, PenaltyDecision
from backoffice.timeutil import platform_tz
from tests.builders import CLI, web

LATER = timedelta(hours=1)


def opened(ruling):
    """Move the ruling's penalty back a day: its exam entrance, opening the next natural day, is open."""
    penalty = db.session.get(PenaltyDecision, ruling.penalty_decision_id)
    penalty.decided_at -= timedelta(days=1)
    db.session.commit()
    return ruling


@pytest.fixture
def ruling_for(ruling_for):
    """Rulings whose exam entrance is open (its window has tests of its own: test_exam_window.py)."""
    return lambda *args, **kwargs: opened(ruling_for(*args, **kwargs))


@pytest.fixture
def shop(merchant_user):
    return merchant_user("tb-shop", platform="taobao")


def answers(attempt, wrong: int = 0) -> dict[str, int]:
    bank = {q.id: q for q in exams.bank("taobao").questions}
    return {qid: (bank[qid].answer + (1 if n < wrong else 0)) % len(bank[qid].options)
            for n, qid in enumerate(attempt.question_ids)}


def points(merchant) -> Decimal:
    return standing_of(merchant, platform_tz(), datetime.now(UTC) + LATER).violation_points


def take_exam_on_the_web(client, ruling, wrong: int = 0):
    page = client.get(f"/merchant/rulings/{ruling.id}/exam")
    assert page.status_code == 200, page.status_code
    attempt_id = int(re.search(r'name="attempt" value="(\d+)"', page.get_data(as_text=True)).group(1))
    attempt = db.session.get(ExamAttempt, attempt_id)
    return client.post(f"/merchant/rulings/{ruling.id}/exam",
                       data={"attempt": attempt_id, **answers(attempt, wrong)}, follow_redirects=True)


def test_the_exam_is_offered_only_for_eligible_rulings(client, login, shop, merchant_user, ruling_for):
    ruling = ruling_for(shop.merchant, "taobao.ads_non_sale_listing")
    zbj = merchant_user("zbj-shop")
    zbj_ruling = ruling_for(zbj.merchant)
    assert exam_offer(ruling)
    assert not exam_offer(zbj_ruling)
    login("tb-shop")
    assert "Take the exam" in client.get(f"/merchant/rulings/{ruling.id}").get_data(as_text=True)
    client.post("/logout")
    login("zbj-shop")
    assert "Take the exam" not in client.get(f"/merchant/rulings/{zbj_ruling.id}").get_data(as_text=True)
    response = client.get(f"/merchant/rulings/{zbj_ruling.id}/exam", follow_redirects=True)
    assert "The exam is not available" in response.get_data(as_text=True)


def test_an_attempt_id_beyond_any_id_is_not_found_not_a_crash(client, login, shop, ruling_for):
    ruling = ruling_for(shop.merchant, "taobao.ads_non_sale_listing")
    login("tb-shop")
    response = client.post(f"/merchant/rulings/{ruling.id}/exam", data={"attempt": "9" * 25})
    assert response.status_code in (302, 404)  # not offered yet (redirect), or no such attempt


def test_a_pass_revokes_the_general_penalty_once_per_subtype_per_year(client, login, shop, ruling_for):
    for code in ("taobao.ads_non_sale_listing", "taobao.misleading_effect"):  # 累计两日 of self-check used up
        for days in (2, 1):
            penalties.impose(CLI, shop.merchant, code, "general", {}, at=utcnow() - timedelta(days=days))
    db.session.commit()
    start = points(shop.merchant)
    first = ruling_for(shop.merchant, "taobao.ads_non_sale_listing")
    second = ruling_for(shop.merchant, "taobao.ads_non_sale_listing")
    other = ruling_for(shop.merchant, "taobao.misleading_effect")
    assert points(shop.merchant) == start + Decimal("0.6")
    stale = start_exam(web(shop), second)  # started before the first pass
    db.session.commit()
    login("tb-shop")
    response = take_exam_on_the_web(client, first, wrong=1)  # 4 of 5 = 80: the pass mark
    assert "Passed with 80 points" in response.get_data(as_text=True)
    assert points(shop.merchant) == start + Decimal("0.4")
    assert db.session.query(ExamRevocation).count() == 1
    # The same sub-type again in the same natural year: not offered, and a stale attempt is refused.
    assert not exam_offer(first)
    assert not exam_offer(second)
    assert "Take the exam" not in client.get(f"/merchant/rulings/{second.id}").get_data(as_text=True)
    response = client.get(f"/merchant/rulings/{second.id}/exam", follow_redirects=True)
    assert "The exam is not available" in response.get_data(as_text=True)
    response = client.post(f"/merchant/rulings/{second.id}/exam",
                           data={"attempt": stale.id, **answers(stale)}, follow_redirects=True)
    assert "already been used" in response.get_data(as_text=True)
    db.session.expire_all()
    assert points(shop.merchant) == start + Decimal("0.4")
    assert db.session.query(ExamRevocation).count() == 1
    penalty = db.session.get(PenaltyDecision, second.penalty_decision_id)
    assert penalty.state is DecisionState.in_force
    # Another sub-type still has its own chance this year.
    assert exam_offer(other)


def test_the_chance_comes_back_in_the_next_natural_year(shop, ruling_for):
    first = ruling_for(shop.merchant, "taobao.ads_non_sale_listing")
    second = ruling_for(shop.merchant, "taobao.ads_non_sale_listing")
    attempt = start_exam(web(shop), first)
    submit_exam(web(shop), attempt, answers(attempt))
    db.session.commit()
    assert attempt.passed
    assert not exam_offer(second)
    revocation = db.session.query(ExamRevocation).one()
    now = datetime.now(UTC)
    # A pass on 31 December (platform time) of last year does not use up this year's chance.
    revocation.passed_at = datetime(now.astimezone(platform_tz()).year - 1, 12, 31, 15, 59, tzinfo=UTC)
    db.session.commit()
    assert exam_offer(second)


def test_failing_changes_nothing(client, login, shop, ruling_for):
    ruling = ruling_for(shop.merchant, "taobao.ads_non_sale_listing")
    before = points(shop.merchant)
    login("tb-shop")
    response = take_exam_on_the_web(client, ruling, wrong=2)  # 60 < 80
    assert "60 points: not passed" in response.get_data(as_text=True)
    db.session.expire_all()
    assert points(shop.merchant) == before
    assert db.session.query(ExamRevocation).count() == 0
    assert db.session.get(PenaltyDecision, ruling.penalty_decision_id).state is DecisionState.in_force
    assert exam_offer(ruling)  # the merchant may try again
    attempt = db.session.query(ExamAttempt).filter_by(ruling_id=ruling.id).one()
    assert attempt.passed is False
    assert attempt.score == 60
    with pytest.raises(ExamError, match="already submitted"):
        submit_exam(web(shop), attempt, answers(attempt))


def test_a_serious_pass_lifts_only_the_restriction(shop, ruling_for):
    ruling = ruling_for(shop.merchant, "taobao.ads_repeated", severity="serious")
    at = datetime.now(UTC) + LATER
    during = standing_of(shop.merchant, platform_tz(), at)
    assert during.status == "restricted"
    assert during.violation_points == 2
    attempt = start_exam(web(shop), ruling)
    submit_exam(web(shop), attempt, answers(attempt))
    db.session.commit()
    after = standing_of(shop.merchant, platform_tz(), at)
    assert after.status == "active"
    assert after.violation_points == 2


def test_the_exam_draws_the_configured_number_of_questions(app):
    drawn = exams.draw("taobao", seed=1)
    assert len(drawn) == 5
    assert len({q.id for q in drawn}) == 5
    assert exams.pass_mark("taobao") == 80
    assert exams.grade("taobao", [q.id for q in drawn], {q.id: q.answer for q in drawn}) == 100


def test_reopening_the_exam_page_keeps_the_unfinished_attempt(client, login, shop, ruling_for):
    ruling = ruling_for(shop.merchant, "taobao.ads_non_sale_listing")
    login("tb-shop")
    first = client.get(f"/merchant/rulings/{ruling.id}/exam").get_data(as_text=True)
    again = client.get(f"/merchant/rulings/{ruling.id}/exam").get_data(as_text=True)
    pick = re.compile(r'name="attempt" value="(\d+)"')
    assert pick.search(first).group(1) == pick.search(again).group(1)
    assert db.session.query(ExamAttempt).filter_by(ruling_id=ruling.id).count() == 1
    take_exam_on_the_web(client, ruling, wrong=2)  # submitted: the next visit draws a new attempt
    client.get(f"/merchant/rulings/{ruling.id}/exam")
    assert db.session.query(ExamAttempt).filter_by(ruling_id=ruling.id).count() == 2
