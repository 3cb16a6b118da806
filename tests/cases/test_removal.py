"""A shop removed (清退) by one ruling: its other open cases close with that reason, not as false alarms;
and the shop's open cases shown together as pieces of work."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.cases import claims, decisions
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus, FlagStatus
from backoffice.extensions import db
from backoffice.merchants.work import open_work
from tests.builders import web
from tests.cases.conftest import bulk_cases, violation


def _remove(case, reviewer, boss) -> CaseDecision:
    claims.claim(web(reviewer), case, reviewer)
    decision = decisions.decide(web(reviewer), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    assert decision.status is DecisionStatus.pending_approval  # ZBJ serious: removal, four eyes
    decisions.approve(web(boss), decision, True, "同意清退")
    db.session.commit()
    return decision


def test_the_other_open_cases_of_a_removed_shop_close_with_that_reason(
        client, login, make_user, make_merchant, open_case):
    alice, bob, boss = make_user("reviewer", "alice"), make_user("reviewer", "bob"), make_user("manager", "boss")
    make_merchant("m-2", deposit="10000.00")
    ruled, waiting, held = (open_case(("customer", "你好，logo设计多少钱？"), ("merchant", text))
                            for text in ("加我薇信 abc12345 详聊", "我的VX是 shop-9988，加一下", "私聊QQ 99887766"))
    elsewhere = open_case(merchant_id="m-2")
    claims.claim(web(bob), held, bob)
    db.session.commit()
    decision = _remove(ruled, alice, boss)
    db.session.expire_all()
    for case in (db.session.get(Case, waiting.id), db.session.get(Case, held.id)):
        assert (case.status, case.close_reason, case.claimed_by_id) == (CaseStatus.dismissed, "merchant_removed", None)
        assert {f.status for f in case.flags} == {FlagStatus.inconclusive}  # not false alarms
        assert db.session.scalar(sa.select(CaseDecision.id).filter_by(case_id=case.id)) is None
        event = db.session.scalars(sa.select(AuditEvent).filter_by(action="case.close_removed",
                                                                   subject_id=str(case.id))).one()
        assert event.after["by_case"] == ruled.id
        assert event.after["decision"] == decision.id
    assert db.session.get(Case, elsewhere.id).status is CaseStatus.open  # another shop's case
    login("alice")
    page = client.get(f"/cases/{waiting.id}").get_data(as_text=True)
    assert '<span class="tag">已结案：店铺已清退</span>' in page  # the reason, not "dismissed"
    assert f'href="/cases/{ruled.id}"' in page
    # bob's form on the case he held is refused as changed, not applied to a closed case
    login("bob")
    response = client.post(f"/cases/{held.id}/decision", data={
        "version": held.version, "verdict": "no_violation", "rationale": "误报", "action": "confirm"})
    assert response.status_code in (409, 422)


def test_a_shops_open_cases_come_in_pieces_of_work(client, login, make_user, merchant):
    make_user("reviewer", "alice")
    burst = bulk_cases(merchant, 11, priority=lambda i: 5, prefix="burst")  # one a minute: one piece
    late = bulk_cases(merchant, 1, prefix="late")
    db.session.get(Case, late[0]).opened_at -= timedelta(hours=5)
    db.session.commit()
    pieces = open_work(merchant.id)
    assert [len(p.cases) for p in pieces] == [11, 1]
    assert {c.id for c in pieces[0].cases} == set(burst)
    assert pieces[0].flags == 11
    login("alice")
    page = client.get(f"/merchants/{merchant.id}").get_data(as_text=True)
    assert 'id="open-work"' in page
    assert "11 起案件" in page
    case_page = client.get(f"/cases/{burst[0]}").get_data(as_text=True)
    assert "本店另有 11 起未结案件" in case_page
