"""Appeal deadlines in platform time, one appeal per ruling, the paused clock, decided appeals closed."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus, Evidence
from backoffice.appeals.supplements import add_supplement
from backoffice.extensions import db
from backoffice.rulings.facts import appeal_deadline
from tests.builders import web

from .conftest import png

# 23:59 Shanghai on 10 March 2026 is 15:59 UTC; the 7-day ZBJ window ends at 00:00 Shanghai on 18 March.
D_2359 = datetime(2026, 3, 10, 15, 59, tzinfo=UTC)
END = datetime(2026, 3, 17, 16, 0, tzinfo=UTC)


@pytest.fixture
def setup(merchant_user, ruling_for):
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    ruling.decided_at = D_2359
    db.session.commit()
    return user, ruling


def test_deadline_is_the_end_of_the_seventh_platform_day(setup):
    _, ruling = setup
    assert appeal_deadline(ruling) == END


def test_deadline_counts_platform_days_not_utc_days(setup):
    _, ruling = setup
    # 17:00 UTC on 10 March is already 01:00 on 11 March in Shanghai: the window ends a day later.
    ruling.decided_at = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)
    assert appeal_deadline(ruling) == END + timedelta(days=1)


def test_deadline_runs_from_the_approval_of_a_four_eyes_ruling(setup):
    _, ruling = setup
    ruling.approved_at = D_2359 + timedelta(days=2)
    assert appeal_deadline(ruling) == END + timedelta(days=2)


def test_last_minute_works_and_one_minute_later_is_refused(setup, make_merchant, ruling_for):
    user, ruling = setup
    last = END - timedelta(minutes=1)
    appeal = appeals.start(web(user), ruling, now=last)
    appeals.save_statement(web(user), appeal, "对方先发的微信号", now=last)
    appeals.submit(web(user), appeal, now=last)
    assert appeal.status is AppealStatus.submitted
    assert appeal.remaining_seconds == 60

    late = ruling_for(make_merchant())
    late.decided_at = D_2359
    with pytest.raises(appeals.AppealError, match="appeal period has ended"):
        appeals.start(web(user), late, now=END)
    with pytest.raises(appeals.AppealError, match="appeal period has ended"):
        appeals.start(web(user), late, now=END + timedelta(minutes=1))
    assert db.session.scalar(sa.select(Appeal).filter_by(ruling_id=late.id)) is None


def test_a_draft_cannot_be_submitted_after_the_deadline(setup):
    user, ruling = setup
    appeal = appeals.start(web(user), ruling, now=END - timedelta(days=1))
    appeals.save_statement(web(user), appeal, "理由", now=END - timedelta(days=1))
    with pytest.raises(appeals.AppealError, match="appeal period has ended"):
        appeals.submit(web(user), appeal, now=END)
    with pytest.raises(appeals.AppealError, match="appeal period has ended"):
        appeals.add_evidence(web(user), appeal, io.BytesIO(png()), "a.png", now=END)
    assert appeal.status is AppealStatus.draft


def test_web_form_refuses_a_late_appeal_with_a_clear_message(app, client, login, merchant_user, ruling_for,
                                                             count_rows):
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    ruling.decided_at = datetime.now(UTC) - timedelta(days=9)
    db.session.commit()
    login("shop")
    page = client.get(f"/merchant/rulings/{ruling.id}").get_data(as_text=True)
    assert "The appeal period ended on" in page
    response = client.post(f"/merchant/rulings/{ruling.id}/appeal",
                           data={"statement": "x", "action": "submit"}, follow_redirects=True)
    assert "The appeal period has ended." in response.get_data(as_text=True)
    assert count_rows(Appeal) == 0


def test_one_appeal_per_ruling(setup):
    user, ruling = setup
    first = appeals.start(web(user), ruling, now=D_2359)
    db.session.commit()
    assert appeals.start(web(user), ruling, now=D_2359 + timedelta(days=1)) is first
    db.session.add(Appeal(ruling_id=ruling.id, merchant_id=user.merchant_id, deadline_at=END))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Appeal)) == 1


def test_continue_appeal_adds_evidence_while_open(setup, staff):
    user, ruling = setup
    at = D_2359 + timedelta(hours=1)
    appeal = appeals.start(web(user), ruling, now=at)
    appeals.save_statement(web(user), appeal, "我没有违规", now=at)
    appeals.add_evidence(web(user), appeal, io.BytesIO(png()), "one.png", now=at)
    appeals.submit(web(user), appeal, now=at)
    # While it is with the reviewers the clock is paused: a supplement days "later" still goes in.
    add_supplement(web(user), appeal, "", [(io.BytesIO(png(color=(1, 2, 3))), "two.png")], now=END + timedelta(days=3))
    db.session.commit()
    assert [e.name for e in appeal.evidence] == ["one.png", "two.png"]
    assert [e.name for e in appeal.statement_evidence] == ["one.png"]
    assert [e.name for e in appeal.supplements[0].evidence] == ["two.png"]
    with pytest.raises(appeals.AppealError, match="already with the reviewers"):
        appeals.submit(web(user), appeal, now=at)


def test_request_evidence_pauses_and_resumes_the_clock(setup, staff):
    user, ruling = setup
    submitted_at = END - timedelta(days=2, hours=3)
    appeal = appeals.start(web(user), ruling, now=submitted_at)
    appeals.save_statement(web(user), appeal, "理由", now=submitted_at)
    appeals.submit(web(user), appeal, now=submitted_at)
    assert appeals.effective_deadline(appeal) is None  # paused while the platform reviews
    asked_at = END + timedelta(days=20)  # long after the original deadline
    appeals.request_evidence(web(staff.senior), appeal, "请提供完整聊天记录", now=asked_at)
    assert appeal.status is AppealStatus.awaiting_evidence
    assert appeal.deadline_at == asked_at + timedelta(days=2, hours=3)
    with pytest.raises(appeals.AppealError, match="appeal period has ended"):
        add_supplement(web(user), appeal, "完整聊天记录", [(io.BytesIO(png()), "chat.png")], now=appeal.deadline_at)
    add_supplement(web(user), appeal, "完整聊天记录", [(io.BytesIO(png()), "chat.png")],
                   now=asked_at + timedelta(days=1))  # the answer to the request sends the appeal back
    assert appeal.status is AppealStatus.submitted
    assert appeal.remaining_seconds == int(timedelta(days=1, hours=3).total_seconds())
    assert appeal.submitted_at == submitted_at  # the first submission time is kept


def test_request_evidence_needs_a_message_and_a_submitted_appeal(setup, staff):
    user, ruling = setup
    appeal = appeals.start(web(user), ruling, now=D_2359)
    with pytest.raises(appeals.AppealError, match="Only a submitted appeal"):
        appeals.request_evidence(web(staff.senior), appeal, "更多", now=D_2359)
    appeals.save_statement(web(user), appeal, "理由", now=D_2359)
    appeals.submit(web(user), appeal, now=D_2359)
    with pytest.raises(appeals.AppealError, match="Say what evidence"):
        appeals.request_evidence(web(staff.senior), appeal, "  ", now=D_2359)


def test_a_statement_is_required_to_submit(setup):
    user, ruling = setup
    appeal = appeals.start(web(user), ruling, now=D_2359)
    with pytest.raises(appeals.AppealError, match="Explain why"):
        appeals.submit(web(user), appeal, now=D_2359)


def test_a_decided_appeal_cannot_be_reopened_or_changed(app, client, login, setup, staff, count_rows):
    user, ruling = setup
    now = datetime.now(UTC)
    ruling.decided_at = now - timedelta(hours=1)
    appeal = appeals.start(web(user), ruling, now=now)
    appeals.save_statement(web(user), appeal, "理由", now=now)
    appeals.submit(web(user), appeal, now=now)
    appeals.decide(web(staff.senior), appeal, AppealOutcome.upheld, "证据不足以推翻")
    db.session.commit()
    for action in (lambda: appeals.save_statement(web(user), appeal, "新的理由", now=now),
                   lambda: appeals.add_evidence(web(user), appeal, io.BytesIO(png()), "x.png", now=now),
                   lambda: appeals.submit(web(user), appeal, now=now)):
        with pytest.raises(appeals.AppealError, match="cannot be reopened"):
            action()
    db.session.rollback()
    login("shop")
    page = client.get(f"/merchant/rulings/{ruling.id}/appeal").get_data(as_text=True)
    assert "证据不足以推翻" in page
    assert "Submit appeal" not in page
    response = client.post(f"/merchant/rulings/{ruling.id}/appeal", follow_redirects=True, data={
        "statement": "再来一次", "action": "submit", "files": [(io.BytesIO(png()), "x.png")]})
    assert "cannot be reopened" in response.get_data(as_text=True)
    db.session.expire_all()
    assert appeal.statement == "理由"
    assert appeal.status is AppealStatus.decided
    assert count_rows(Evidence) == 0
    with pytest.raises(appeals.AppealClosed, match="already been decided"):
        appeals.decide(web(staff.senior2), appeal, AppealOutcome.overturned, "改判")
