"""Several cases of one shop decided together as one course of conduct: one offence, one ruling quoting
every case's messages; all or nothing; undone together."""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.cases import claims
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus, FlagStatus
from backoffice.extensions import db
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.rulings.queries import ruling_view
from tests.builders import web
from tests.cases.conftest import RULE, standing

TEXTS = ("加我薇信 abc12345 详聊", "我的VX是 shop-9988，加一下", "私聊QQ 99887766")


def _burst(open_case) -> list[Case]:
    return [open_case(("customer", "你好，logo设计多少钱？"), ("merchant", text)) for text in TEXTS]


def _decide(client, case, together, severity="general"):
    client.post(f"/cases/{case.id}/claim")
    db.session.expire_all()
    return client.post(f"/cases/{case.id}/decision", data={
        "version": db.session.get(Case, case.id).version, "verdict": "violation", "rule": RULE, "severity": severity,
        "rationale": "同一下午多次发送站外联系方式，属同一行为过程。", "action": "confirm",
        "together": [c.id for c in together]})


def test_a_burst_decided_together_is_one_offence_and_one_ruling_quoting_every_message(
        client, login, make_user, open_case):
    alice = make_user("reviewer", "alice")
    login("alice")
    lead, *others = _burst(open_case)
    before = standing(lead)
    client.post(f"/cases/{lead.id}/claim")
    page = client.get(f"/cases/{lead.id}").get_data(as_text=True)
    assert all(f'name="together" value="{c.id}"' in page for c in others)
    assert _decide(client, lead, others).status_code == 302
    db.session.expire_all()
    penalties = db.session.scalars(sa.select(PenaltyDecision)).all()
    assert [p.offence_no for p in penalties] == [1]  # one offence, counted once
    assert before.integrity_points - standing(lead).integrity_points == 40  # ZBJ: -40 once, not three times
    ruling = db.session.scalars(sa.select(CaseDecision).filter_by(case_id=lead.id)).one()
    for other in others:
        case = db.session.get(Case, other.id)
        joined = db.session.scalars(sa.select(CaseDecision).filter_by(case_id=other.id)).one()
        assert (case.status, joined.status, joined.joined_to_id) == (CaseStatus.decided, DecisionStatus.joined,
                                                                      ruling.id)
        assert {f.status for f in case.flags} == {FlagStatus.confirmed}
    quoted = {m.text for m, _flags in ruling_view(ruling).quoted}
    assert set(TEXTS) <= quoted  # the ruling quotes the messages of every case
    page = client.get(f"/cases/{others[0].id}").get_data(as_text=True)
    assert f'href="/cases/{lead.id}"' in page
    # the undo takes the whole course of conduct back
    assert client.post(f"/cases/{lead.id}/undo", data={"decision": ruling.id}).status_code == 302
    db.session.expire_all()
    assert db.session.get(PenaltyDecision, penalties[0].id).state is DecisionState.withdrawn
    assert standing(lead).integrity_points == before.integrity_points
    for c in (lead, *others):
        case = db.session.get(Case, c.id)
        assert (case.status, case.claimed_by_id) == (CaseStatus.in_review, alice.id)
        assert {f.status for f in case.flags} == {FlagStatus.open}


def test_a_case_someone_else_holds_stops_the_whole_decision(client, login, make_user, open_case, count_rows):
    make_user("reviewer", "alice")
    bob = make_user("reviewer", "bob")
    lead, mine, bobs = _burst(open_case)
    claims.claim(web(bob), bobs, bob)
    db.session.commit()
    login("alice")
    response = _decide(client, lead, [mine, bobs])
    assert response.status_code == 409
    assert count_rows(CaseDecision) == 0
    assert count_rows(PenaltyDecision) == 0


def test_a_decision_needing_approval_is_not_taken_together(client, login, make_user, open_case, count_rows):
    make_user("reviewer", "alice")
    login("alice")
    lead, *others = _burst(open_case)
    response = _decide(client, lead, others, severity="serious")  # ZBJ serious: removal, four eyes
    assert response.status_code == 422
    assert "一次只能决定一个案件" in response.get_data(as_text=True)
    assert count_rows(CaseDecision) == 0
