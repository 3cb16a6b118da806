"""Deciding appeals: separation of reviewers, exact reversal through the ledger, notifications."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import AppealOutcome, AppealStatus
from backoffice.appeals.supplements import add_supplement
from backoffice.extensions import db
from backoffice.ledger.operations import standing_of
from backoffice.notifications.models import Notification
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.policy import MeasurePlan
from backoffice.timeutil import platform_tz
from tests.builders import web

from .conftest import decide_case, ingested_case, png


def submitted(user, ruling, statement="对方先发的联系方式"):
    appeal = appeals.start(web(user), ruling)
    appeals.save_statement(web(user), appeal, statement)
    appeals.submit(web(user), appeal)
    db.session.commit()
    return appeal


def test_the_original_reviewer_and_approver_can_never_decide(merchant_user, staff, make_user):
    user = merchant_user("shop")
    senior_decider = make_user("senior_reviewer", login="senior-decider")
    # A serious ZBJ ruling (removal) needs the manager's approval: both took part in it.
    ruling = decide_case(_case(user.merchant), senior_decider, "serious", manager=staff.manager)
    assert ruling.approved_by_id == staff.manager.id
    appeal = submitted(user, ruling)
    for person in (senior_decider, staff.manager):
        for act in (lambda p: appeals.decide(web(p), appeal, AppealOutcome.overturned, "改判"),
                    lambda p: appeals.request_evidence(web(p), appeal, "更多证据")):
            with pytest.raises(appeals.AppealError, match="took part in the original decision"):
                act(person)
    for person in (staff.reviewer, user):
        with pytest.raises(appeals.AppealError, match="decided by senior reviewers"):
            appeals.decide(web(person), appeal, AppealOutcome.overturned, "改判")
    assert appeal.status is AppealStatus.submitted
    appeals.decide(web(staff.senior), appeal, AppealOutcome.overturned, "聊天记录显示客户先发")
    assert appeal.status is AppealStatus.decided
    assert appeal.decided_by_id == staff.senior.id


def _case(merchant):
    from .conftest import direct_case

    return direct_case(merchant, "zbj.offsite_contact")


def test_separation_on_the_web_and_the_api(app, client, login, merchant_user, staff, make_user, token):
    user = merchant_user("shop")
    decider = make_user("senior_reviewer", login="decider")
    ruling = decide_case(_case(user.merchant), decider)
    appeal = submitted(user, ruling)
    login("decider")
    page = client.get(f"/appeals/{appeal.id}").get_data(as_text=True)
    assert f'action="/appeals/{appeal.id}/decision"' not in page
    client.post(f"/appeals/{appeal.id}/decision", data={"outcome": "overturned", "reason": "改判"})
    response = client.post(f"/api/v1/appeals/{appeal.id}/decision", headers=token("decider", "review"),
                           json={"outcome": "overturned", "reason": "x"})
    assert response.status_code == 403, response.get_json()
    db.session.expire_all()
    assert appeal.status is AppealStatus.submitted
    response = client.post(f"/api/v1/appeals/{appeal.id}/decision", headers=token("senior2", "review"),
                           json={"outcome": "overturned", "reason": "聊天记录显示客户先发"})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["outcome"] == "overturned"


def test_decision_needs_reasons_and_a_valid_reduction(merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    appeal = submitted(user, ruling_for(user.merchant))
    with pytest.raises(appeals.AppealError, match="Give the reasons"):
        appeals.decide(web(staff.senior), appeal, AppealOutcome.overturned, "  ")
    with pytest.raises(appeals.AppealError, match="lower severity or measures"):
        appeals.decide(web(staff.senior), appeal, AppealOutcome.reduced, "减轻")
    with pytest.raises(appeals.AppealError, match="cannot raise the severity"):
        appeals.decide(web(staff.senior), appeal, AppealOutcome.reduced, "减轻", severity="serious")
    db.session.rollback()
    assert appeal.status is AppealStatus.submitted


def test_overturn_through_the_web_restores_standing_exactly(app, client, login, merchant_user, staff):
    """The issue's walk-through: ingest, rule, appeal with a photo and a PDF, overturn, standing as before."""
    user = merchant_user("shop")
    at = datetime.now(UTC) + timedelta(hours=1)  # standing as of a moment after the ruling
    before = standing_of(user.merchant, platform_tz(), at)
    ruling = decide_case(ingested_case(user.merchant), staff.reviewer)
    during = standing_of(user.merchant, platform_tz(), at)
    assert during.integrity_points == before.integrity_points - 40
    assert during.restricted_until is not None
    login("shop")
    response = client.post(f"/merchant/rulings/{ruling.id}/appeal", data={
        "statement": "是客户先发的微信", "action": "submit",
        "files": [(io.BytesIO(png()), "photo.png"), (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "chat.pdf")]},
        follow_redirects=True)
    assert "Your appeal has been sent" in response.get_data(as_text=True)
    client.post("/logout")
    login("senior")
    appeal = ruling_view_appeal(ruling)
    page = client.get(f"/appeals/{appeal.id}").get_data(as_text=True)
    assert "是客户先发的微信" in page
    assert "<iframe" not in page  # the PDF is a download link, never embedded
    pdf = next(e for e in appeal.evidence if e.kind == "pdf")
    assert f'href="/appeals/evidence/{pdf.id}" download' in page
    assert "evidence-img" in page
    client.post(f"/appeals/{appeal.id}/decision", data={"outcome": "overturned", "reason": "客户先发"})
    db.session.expire_all()
    assert appeal.outcome is AppealOutcome.overturned
    assert standing_of(user.merchant, platform_tz(), at) == before
    penalty = db.session.get(PenaltyDecision, ruling.penalty_decision_id)
    assert penalty.state is DecisionState.overturned
    assert ruling.rationale == "商家主动发送微信号"


def ruling_view_appeal(ruling):
    from backoffice.appeals.queries import appeal_for_ruling

    return appeal_for_ruling(ruling.id)


def test_reduce_reverses_only_the_difference(merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    at = datetime.now(UTC) + timedelta(hours=1)  # standing as of a moment after the ruling
    before = standing_of(user.merchant, platform_tz(), at)
    ruling = ruling_for(user.merchant)
    original_plan = dict(db.session.get(PenaltyDecision, ruling.penalty_decision_id).plan)
    appeal = submitted(user, ruling)
    appeals.decide(web(staff.senior), appeal, AppealOutcome.reduced, "保证金部分不合理",
                   drop=("deposit_deduction",))
    db.session.commit()
    after = standing_of(user.merchant, platform_tz(), at)
    assert after.deposit_balance == before.deposit_balance  # the 5000 yuan came back
    assert after.integrity_points == before.integrity_points - 40  # the points stay
    assert after.restricted_until is not None
    successor = db.session.get(PenaltyDecision, appeal.successor_penalty_id)
    assert successor.state is DecisionState.in_force
    assert successor.supersedes_id == ruling.penalty_decision_id
    assert {m.type for m in MeasurePlan.from_dict(successor.plan).measures} == {
        "integrity_points", "business_restriction", "search_demotion"}  # the demotion is the ruling's too
    original = db.session.get(PenaltyDecision, ruling.penalty_decision_id)
    assert original.state is DecisionState.superseded
    assert original.plan == original_plan


def test_notifications_after_ruling_and_appeal_decision(app, client, login, merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    login("shop")
    page = client.get("/merchant").get_data(as_text=True)
    assert '<span class="badge">1</span>' in page
    notes = client.get("/merchant/notifications").get_data(as_text=True)
    assert "New ruling on your shop" in notes
    from backoffice.notifications.models import Notification as Note

    note_id = db.session.scalar(sa.select(Note.id).filter_by(user_id=user.id))
    assert f'action="/notifications/{note_id}/open"' in notes  # unread: opening it marks it read
    opened = client.post(f"/notifications/{note_id}/open")
    assert opened.headers["Location"].endswith(f"/merchant/rulings/{ruling.id}")
    assert f'href="/merchant/rulings/{ruling.id}"' in client.get("/merchant/notifications").get_data(as_text=True)
    from backoffice.rulings.facts import ruling_number

    assert f"Ruling {ruling_number(ruling)}" in page  # the list names rulings by their printed number
    client.post("/merchant/notifications/read")
    assert '<span class="badge">' not in client.get("/merchant").get_data(as_text=True)

    appeal = submitted(user, ruling)
    appeals.request_evidence(web(staff.senior), appeal, "请提供聊天截图")
    db.session.commit()
    add_supplement(web(user), appeal, "聊天截图", [(io.BytesIO(png()), "chat.png")])  # sends it back
    appeals.decide(web(staff.senior), appeal, AppealOutcome.overturned, "截图证明客户先发")
    db.session.commit()
    page = client.get("/merchant").get_data(as_text=True)
    assert '<span class="badge">2</span>' in page
    notes = client.get("/merchant/notifications").get_data(as_text=True)
    assert "请提供聊天截图" in notes
    assert "截图证明客户先发" in notes
    # Every link in a notification leads to a page the merchant can open.
    for note in db.session.query(Notification).filter_by(user_id=user.id):
        assert note.link, note.id
        assert client.get(note.link).status_code == 200, note.link
    assert "截图证明客户先发" in client.get(f"/merchant/rulings/{ruling.id}").get_data(as_text=True)
    client.post("/merchant/notifications/read")
    assert db.session.query(Notification).filter_by(user_id=user.id, read_at=None).count() == 0
