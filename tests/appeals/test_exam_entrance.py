"""Seed 004 四: "考试入口及其开放时间" — the exam is taken only while its entrance is open.

The Taobao pack opens the entrance at 00:00 Beijing time of the natural day after the penalty and
keeps it open 15 natural days (operator settings); outside that window the exam cannot be started
or graded, and the ruling page counts down to the opening or the closing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backoffice.appeals.exam_operations import ExamError, entrance_window, exam_offer, start_exam, submit_exam
from backoffice.extensions import db
from backoffice.penalties.models import PenaltyDecision
from tests.builders import web

from .test_exam import answers

MINUTE = timedelta(minutes=1)
EXAM_LINK = "/exam\">参加考试</a>"
# 2026-03-25 10:00 Beijing: the entrance opens 03-26 00:00 and closes 04-10 00:00 (04-09 24:00).
PENALISED = datetime(2026, 3, 25, 2, 0, tzinfo=UTC)
OPENS, CLOSES = datetime(2026, 3, 25, 16, 0, tzinfo=UTC), datetime(2026, 4, 9, 16, 0, tzinfo=UTC)


@pytest.fixture
def shop(merchant_user):
    return merchant_user("tb-shop", platform="taobao")


def penalised(ruling, at: datetime):
    db.session.get(PenaltyDecision, ruling.penalty_decision_id).decided_at = at
    db.session.commit()
    return ruling


@pytest.fixture
def ruling(shop, ruling_for):
    return penalised(ruling_for(shop.merchant, "taobao.ads_non_sale_listing"), PENALISED)


def test_the_window_comes_from_the_pack_settings_in_beijing_days(ruling):
    assert entrance_window(db.session.get(PenaltyDecision, ruling.penalty_decision_id)) == (OPENS, CLOSES)
    offer = exam_offer(ruling, now=PENALISED)
    assert (offer.opens_at, offer.closes_at) == (OPENS, CLOSES)


@pytest.mark.parametrize(("now", "refusal"), [
    pytest.param(PENALISED, "opens at 2026-03-26 00:00", id="开放时间: the day of the penalty, not yet"),
    pytest.param(OPENS - MINUTE, "opens at 2026-03-26 00:00", id="开放时间: 03-25 23:59, not yet"),
    pytest.param(OPENS, None, id="开放时间: 03-26 00:00, open"),
    pytest.param(CLOSES - MINUTE, None, id="开放时间: 04-09 23:59, the 15th natural day, still open"),
    pytest.param(CLOSES, "closed at 2026-04-09 24:00", id="开放时间: 04-09 24:00, closed"),
])
def test_the_exam_starts_only_while_the_entrance_is_open(shop, ruling, now, refusal):
    if refusal is None:
        assert start_exam(web(shop), ruling, now=now).started_at == now
    else:
        with pytest.raises(ExamError, match=refusal):
            start_exam(web(shop), ruling, now=now)
    assert exam_offer(ruling, now=now).is_open(now) is (refusal is None)


def test_answers_sent_after_the_entrance_closed_are_not_graded(shop, ruling):
    attempt = start_exam(web(shop), ruling, now=CLOSES - MINUTE)
    db.session.commit()
    with pytest.raises(ExamError, match="closed at 2026-04-09 24:00"):
        submit_exam(web(shop), attempt, answers(attempt), now=CLOSES)
    db.session.rollback()
    assert attempt.submitted_at is None
    submit_exam(web(shop), attempt, answers(attempt), now=CLOSES - MINUTE)
    assert attempt.passed


@pytest.mark.parametrize(("moved", "shown", "hidden"), [
    pytest.param(timedelta(0), ["距离考试入口开放还有", "考试入口开放时间为"], [EXAM_LINK], id="before opening"),
    pytest.param(timedelta(days=1), ["距离考试入口关闭还有", EXAM_LINK], ["距离考试入口开放还有"], id="open"),
    pytest.param(timedelta(days=20), ["考试入口已于"], [EXAM_LINK, "距离考试入口"], id="closed"),
])
def test_the_ruling_page_counts_down_to_the_opening_or_the_closing(client, login, shop, ruling_for,
                                                                   moved, shown, hidden):
    shop.locale = "zh"
    ruling = penalised(ruling_for(shop.merchant, "taobao.ads_non_sale_listing"),
                       datetime.now(UTC) - moved)
    login("tb-shop")
    page = client.get(f"/merchant/rulings/{ruling.id}").get_data(as_text=True)
    for text in shown:
        assert text in page
    for text in hidden:
        assert text not in page


def test_opening_the_exam_before_the_entrance_opens_says_when(client, login, shop, ruling_for):
    ruling = penalised(ruling_for(shop.merchant, "taobao.ads_non_sale_listing"), datetime.now(UTC))
    login("tb-shop")
    response = client.get(f"/merchant/rulings/{ruling.id}/exam", follow_redirects=True)
    assert "The exam entrance opens at" in response.get_data(as_text=True)
    assert response.request.path == f"/merchant/rulings/{ruling.id}"
