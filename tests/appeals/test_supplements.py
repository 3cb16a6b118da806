"""Issue 20 item 5: a submitted statement is frozen; what comes later is a dated, numbered supplement."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import AppealOutcome, AppealStatus
from backoffice.appeals.queries import appeal_for_ruling
from backoffice.appeals.supplements import MAX_CHARS, MAX_SUPPLEMENTS, add_supplement
from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from tests.builders import web

from .conftest import pdf, png
from .test_decisions import submitted

# 2026-03-01 23:30 UTC is 2026-03-02 07:30 in Beijing: the pages show the platform's day and hour.
MORNING_IN_BEIJING = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)


@pytest.fixture
def shop(merchant_user, ruling_for):
    user = merchant_user("shop")
    return user, ruling_for(user.merchant)


def _audited(appeal_id: int) -> list[dict]:
    return [e.after for e in db.session.scalars(sa.select(AuditEvent).where(
        AuditEvent.action == "appeal.supplement", AuditEvent.subject_id == str(appeal_id)).order_by(AuditEvent.id))]


def test_supplements_are_numbered_dated_audited_and_leave_the_statement_alone(shop):
    user, ruling = shop
    appeal = submitted(user, ruling, "客户先发的微信号")
    first = add_supplement(web(user), appeal, " 补充：客户的原话截图 ", [(io.BytesIO(png()), "chat.png")],
                           now=MORNING_IN_BEIJING)
    second = add_supplement(web(user), appeal, "", [(io.BytesIO(pdf()), "call.pdf")])
    db.session.commit()
    db.session.expire_all()
    assert [(s.number, s.text) for s in appeal.supplements] == [(1, "补充：客户的原话截图"), (2, "")]
    assert first.added_at == MORNING_IN_BEIJING
    assert second.added_at > first.added_at
    assert appeal.statement == "客户先发的微信号"
    assert appeal.statement_evidence == []
    assert [e.name for e in first.evidence] == ["chat.png"]
    assert [(a["number"], a["files"]) for a in _audited(appeal.id)] == [(1, 1), (2, 1)]
    assert appeal.status is AppealStatus.submitted  # with the reviewers still


@pytest.mark.parametrize(("text", "files", "message"), [
    ("", [], "Write what you want to add"),
    ("   ", [], "Write what you want to add"),
    ("字" * (MAX_CHARS + 1), [], f"at most {MAX_CHARS} characters"),
])
def test_an_empty_or_overlong_supplement_is_refused(shop, text, files, message):
    user, ruling = shop
    appeal = submitted(user, ruling)
    with pytest.raises(appeals.AppealError, match=message):
        add_supplement(web(user), appeal, text, files)


def test_an_appeal_takes_at_most_twenty_supplements(shop):
    user, ruling = shop
    appeal = submitted(user, ruling)
    for n in range(MAX_SUPPLEMENTS):
        add_supplement(web(user), appeal, f"补充{n + 1}", [])
    db.session.commit()
    with pytest.raises(appeals.AppealError, match=f"at most {MAX_SUPPLEMENTS} supplements"):
        add_supplement(web(user), appeal, "再补充一条", [])
    assert MAX_SUPPLEMENTS == 20


def test_a_draft_takes_no_supplement_and_a_decided_appeal_none_either(shop, staff):
    user, ruling = shop
    appeal = appeals.start(web(user), ruling)
    appeals.save_statement(web(user), appeal, "草稿")
    with pytest.raises(appeals.AppealError, match="not been submitted yet") as draft:
        add_supplement(web(user), appeal, "补充", [])
    assert draft.value.status == 422
    appeals.submit(web(user), appeal)
    appeals.decide(web(staff.senior), appeal, AppealOutcome.upheld, "证据不足以推翻")
    db.session.commit()
    with pytest.raises(appeals.AppealClosed, match="has been decided") as decided:
        add_supplement(web(user), appeal, "补充", [])
    assert decided.value.status == 409
    db.session.rollback()
    assert appeal.supplements == []


def test_a_supplement_answers_an_evidence_request_and_sends_the_appeal_back(shop, staff):
    user, ruling = shop
    appeal = submitted(user, ruling)
    appeals.request_evidence(web(staff.senior), appeal, "请补充完整聊天记录")
    db.session.commit()
    with pytest.raises(appeals.StatementFrozen):  # not by rewriting the statement
        appeals.save_statement(web(user), appeal, "新的理由")
    db.session.rollback()
    add_supplement(web(user), appeal, "完整聊天记录见附件", [(io.BytesIO(png()), "full.png")])
    db.session.commit()
    assert appeal.status is AppealStatus.submitted
    assert [s.text for s in appeal.supplements] == ["完整聊天记录见附件"]


# The merchant's page and the reviewer's page ----------------------------------------------------

def test_after_filing_the_merchant_page_is_read_only_with_the_supplements_in_order(client, login, shop):
    user, ruling = shop
    login("shop")
    url = f"/merchant/rulings/{ruling.id}/appeal"
    client.post(url, data={"statement": "客户先发的微信号", "action": "submit"})
    page = client.get(url).get_data(as_text=True)
    assert 'name="statement"' not in page  # no statement form once submitted
    assert "客户先发的微信号" in page
    assert "Add a supplement" in page
    for text in ("第一份补充", "第二份补充"):
        response = client.post(f"{url}/supplements", data={"text": text, "files": [(io.BytesIO(png()), "a.png")]}
                               if text == "第一份补充" else {"text": text}, follow_redirects=True)
        assert "Your supplement was added" in response.get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert page.index("Supplement 1") < page.index("第一份补充") < page.index("Supplement 2") < page.index("第二份补充")
    assert "a.png" in page


def test_posting_the_appeal_again_is_a_409_with_a_message_and_keeps_the_statement(client, login, shop):
    user, ruling = shop
    login("shop")
    url = f"/merchant/rulings/{ruling.id}/appeal"
    client.post(url, data={"statement": "原来的理由", "action": "submit"})
    for action in ("submit", "save"):  # e.g. a tab left open on the draft
        response = client.post(url, data={"statement": "改写的理由", "action": action})
        assert response.status_code == 409
        assert "can no longer be changed" in response.get_data(as_text=True)
        assert ">改写的理由</textarea>" in response.get_data(as_text=True)  # offered as a supplement, not lost
    db.session.expire_all()
    appeal = appeal_for_ruling(ruling.id)
    assert appeal.statement == "原来的理由"
    assert appeal.supplements == []


def test_a_supplement_after_the_decision_is_a_409_on_the_page(client, login, shop, staff):
    user, ruling = shop
    appeal = submitted(user, ruling)
    login("shop")
    page = client.get(f"/merchant/rulings/{ruling.id}/appeal").get_data(as_text=True)  # the form is shown
    appeals.decide(web(staff.senior), appeal, AppealOutcome.upheld, "证据不足以推翻")
    db.session.commit()
    assert "Add a supplement" in page
    response = client.post(f"/merchant/rulings/{ruling.id}/appeal/supplements", data={"text": "晚到的补充"})
    assert response.status_code == 409
    text = response.get_data(as_text=True)
    assert "nothing more can be added" in text
    assert "Add a supplement" not in text


def test_reviewers_see_the_supplements_in_order_in_beijing_time(client, login, shop, staff):
    user, ruling = shop
    appeal = submitted(user, ruling, "我的申诉理由")
    add_supplement(web(user), appeal, "先补充的", [(io.BytesIO(png()), "first.png")], now=MORNING_IN_BEIJING)
    add_supplement(web(user), appeal, "后补充的", [])
    db.session.commit()
    login("senior")
    page = client.get(f"/appeals/{appeal.id}").get_data(as_text=True)
    assert page.index("我的申诉理由") < page.index("先补充的") < page.index("后补充的")
    assert "2026-03-02 07:30" in page  # 23:30 UTC the day before
    assert "first.png" in page


# The API ------------------------------------------------------------------------------------------

def test_the_api_refuses_a_second_post_and_takes_supplements(client, token, shop, staff):
    user, ruling = shop
    headers = token("shop", "appeal", "read")
    url = f"/api/v1/cases/{ruling.case_id}/appeal"
    first = client.post(url, headers=headers, content_type="multipart/form-data", data={"statement": "原来的理由"})
    assert first.status_code == 201
    appeal_id = first.get_json()["id"]
    again = client.post(url, headers=headers, content_type="multipart/form-data",
                        data={"statement": "改写的理由", "files": [(io.BytesIO(png()), "x.png")]})
    assert again.status_code == 409
    assert again.get_json()["error"]["code"] == "appeal_submitted"
    assert "补充材料" in again.get_json()["error"]["message"]  # the API speaks the default language
    added = client.post(f"/api/v1/appeals/{appeal_id}/supplements", headers=headers,
                        content_type="multipart/form-data",
                        data={"text": "补充说明", "files": [(io.BytesIO(png()), "chat.png")]})
    assert added.status_code == 201, added.get_json()
    assert added.get_json()["number"] == 1
    assert added.get_json()["evidence"][0]["name"] == "chat.png"
    shown = client.get(f"/api/v1/appeals/{appeal_id}", headers=headers).get_json()
    assert shown["statement"] == "原来的理由"
    assert shown["evidence"] == []
    assert [s["text"] for s in shown["supplements"]] == ["补充说明"]
    empty = client.post(f"/api/v1/appeals/{appeal_id}/supplements", headers=headers,
                        content_type="multipart/form-data", data={"text": " "})
    assert empty.status_code == 422
