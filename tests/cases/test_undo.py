"""Working through a queue: the next case after a decision (same filters, claimed), ``n`` on the case page,
and the undo of the decision just taken (exact, within its window, refused with 409 once too late)."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.audit.models import AuditEvent
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus, FlagStatus
from backoffice.extensions import db
from backoffice.ledger.models import LedgerEntry
from backoffice.notifications.models import Notification, OutboxEmail
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.transparency.models import StatementOfReasons
from tests.builders import web
from tests.cases.conftest import RULE, standing


@pytest.fixture
def alice(make_user, login):
    user = make_user("reviewer", "alice")
    login("alice")
    return user


def _decide(client, case, verdict="violation", queue="", **extra):
    client.post(f"/cases/{case.id}/claim")
    db.session.expire_all()
    form = {"version": db.session.get(Case, case.id).version, "verdict": verdict, "rule": RULE,
            "severity": "general", "rationale": "商家发送微信号，引导线下交易。", "action": "confirm",
            "queue": queue, **extra}
    return client.post(f"/cases/{case.id}/decision", data=form)


def _query(location: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def _rulings_told() -> tuple[int, int]:
    """The merchant's ruling notices and the e-mails that carry them."""
    notes = db.session.scalars(sa.select(Notification).filter_by(kind="ruling")).all()
    mails = db.session.scalars(sa.select(OutboxEmail).where(OutboxEmail.subject.in_([n.title for n in notes]))).all()
    return len(notes), len(mails)


def _decision(case) -> CaseDecision:
    db.session.expire_all()
    return db.session.scalars(sa.select(CaseDecision).where(CaseDecision.case_id == case.id)
                              .order_by(CaseDecision.id.desc())).first()


def test_after_a_decision_the_next_case_of_the_same_queue_opens_claimed(client, alice, open_case, make_merchant):
    make_merchant("m-2", deposit="10000.00")
    first, other_shop, second = open_case(), open_case(merchant_id="m-2"), open_case()
    response = _decide(client, first, queue="merchant=m-1")
    assert response.status_code == 302
    path, query = urlsplit(response.location).path, _query(response.location)
    assert path == f"/cases/{second.id}"  # m-2's case is outside the queue the reviewer works through
    assert query["queue"] == "merchant=m-1"
    assert query["decided"] == str(_decision(first).id)
    db.session.expire_all()
    assert db.session.get(Case, second.id).claimed_by_id == alice.id
    assert db.session.get(Case, other_shop.id).status is CaseStatus.open
    page = client.get(response.location).get_data(as_text=True)
    assert 'id="undo-form"' in page
    assert f'href="/cases/{first.id}?queue=merchant%3Dm-1"' in page
    assert 'name="queue" value="merchant=m-1"' in page  # the next decision and `n` carry the queue on


def test_when_the_queue_is_empty_the_reviewer_is_back_on_it_with_the_decision_one_key_away(
        client, alice, open_case):
    case = open_case()
    response = _decide(client, case, queue="platform=zbj")
    assert urlsplit(response.location).path == "/cases"
    assert _query(response.location)["platform"] == "zbj"
    page = client.get(response.location).get_data(as_text=True)
    assert 'id="undo-form"' in page
    assert 'id="back-to-decided"' in page


def test_n_on_the_case_page_takes_the_next_case_and_gives_the_skipped_one_back(client, alice, open_case):
    skipped, waiting = open_case(), open_case()
    client.post(f"/cases/{skipped.id}/claim")
    page = client.get(f"/cases/{skipped.id}?queue=platform%3Dzbj").get_data(as_text=True)
    assert 'id="next-case-form"' in page
    assert f'name="leaving" value="{skipped.id}"' in page
    response = client.post("/cases/next", data={"queue": "platform=zbj&bogus=1", "leaving": skipped.id})
    assert urlsplit(response.location).path == f"/cases/{waiting.id}"
    assert _query(response.location)["queue"] == "platform=zbj"  # unknown keys are not carried
    db.session.expire_all()
    assert db.session.get(Case, skipped.id).status is CaseStatus.open
    assert db.session.get(Case, waiting.id).claimed_by_id == alice.id


def test_claim_next_keeps_to_the_queue_filters(client, alice, open_case, make_merchant):
    make_merchant("m-2", deposit="10000.00")
    open_case()
    wanted = open_case(merchant_id="m-2")
    response = client.post("/cases/next", data={"queue": "merchant=m-2"})
    assert urlsplit(response.location).path == f"/cases/{wanted.id}"
    assert urlsplit(client.post("/cases/next", data={"queue": "merchant=m-2"}).location).path == "/cases"


def test_an_undo_reverses_the_ruling_exactly_and_gives_the_case_back(client, alice, open_case, shop, count_rows):
    case = open_case()
    before = standing(case)
    _decide(client, case)
    decision = _decision(case)
    assert standing(case).deposit_balance < before.deposit_balance
    assert _rulings_told() == (1, 1)
    response = client.post(f"/cases/{case.id}/undo", data={"decision": decision.id, "queue": "platform=zbj"})
    assert response.status_code == 302
    assert _query(response.location)["queue"] == "platform=zbj"
    db.session.expire_all()
    after = standing(case)
    assert (after.deposit_balance, after.integrity_points, after.status) == (
        before.deposit_balance, before.integrity_points, before.status)
    case, decision = db.session.get(Case, case.id), db.session.get(CaseDecision, decision.id)
    assert (case.status, case.claimed_by_id, case.closed_at) == (CaseStatus.in_review, alice.id, None)
    assert decision.status is DecisionStatus.withdrawn
    assert db.session.get(PenaltyDecision, decision.penalty_decision_id).state is DecisionState.withdrawn
    assert all(f.status is FlagStatus.open for f in case.flags)
    # nothing reached the merchant, so nothing is left to reach them
    assert _rulings_told() == (0, 0)
    assert db.session.scalar(sa.select(StatementOfReasons.id).filter_by(case_decision_id=decision.id)) is None
    assert db.session.scalar(sa.select(AuditEvent.id).filter_by(action="case.undo", subject_id=str(case.id)))
    assert "撤销" in client.get(f"/cases/{case.id}").get_data(as_text=True)
    # and the case is decided again as if for the first time
    again = _decide(client, case)
    assert again.status_code == 302
    assert db.session.get(PenaltyDecision, _decision(case).penalty_decision_id).offence_no == 1


def test_an_undo_restores_the_automatic_measures_the_decision_lifted(client, alice, open_case):
    case = open_case()
    automatic = db.session.scalars(sa.select(LedgerEntry).filter_by(case_id=case.id, is_provisional=True)).all()
    assert automatic, "ZBJ demotes on a sure off-platform flag (seed 000): the case starts with a provisional measure"
    demoted = standing(case).search_demoted
    _decide(client, case, verdict="no_violation")
    assert standing(case).search_demoted is False
    client.post(f"/cases/{case.id}/undo", data={"decision": _decision(case).id})
    assert standing(case).search_demoted is demoted


@pytest.mark.parametrize("too_late", ["window", "read", "appealed"])
def test_an_undo_is_refused_with_409_once_too_late(client, alice, open_case, shop, too_late):
    case = open_case()
    _decide(client, case)
    decision = _decision(case)
    if too_late == "window":
        decision.decided_at -= timedelta(seconds=61)
        expected = "60 秒"
    elif too_late == "read":
        db.session.scalars(sa.select(Notification).filter_by(kind="ruling")).one().read_at = decision.decided_at
        expected = "已送达商家"
    else:
        appeals.start(web(shop), decision)
        expected = "已对该裁决提出申诉"
    db.session.commit()
    response = client.post(f"/cases/{case.id}/undo", data={"decision": decision.id})
    assert response.status_code == 409
    assert expected in response.get_data(as_text=True)
    assert _decision(case).status is DecisionStatus.applied


def test_only_the_reviewer_who_decided_can_undo(client, alice, open_case, make_user, login):
    case = open_case()
    _decide(client, case)
    make_user("reviewer", "bob")
    client.post("/logout")
    login("bob")
    response = client.post(f"/cases/{case.id}/undo", data={"decision": _decision(case).id})
    assert response.status_code == 403
    assert _decision(case).status is DecisionStatus.applied


def test_a_decision_waiting_for_approval_can_be_taken_back(client, alice, open_case):
    case = open_case()
    _decide(client, case, severity="serious")  # ZBJ serious: removal, a manager approves it
    decision = _decision(case)
    assert decision.status is DecisionStatus.pending_approval
    assert client.post(f"/cases/{case.id}/undo", data={"decision": decision.id}).status_code == 302
    assert _decision(case).status is DecisionStatus.withdrawn
    assert db.session.get(Case, case.id).status is CaseStatus.in_review
    assert client.get("/approvals").status_code in (200, 403)


def test_bad_ids_in_the_flow_forms_are_a_clear_404_or_ignored_never_a_500(client, alice, open_case):
    case = open_case()
    client.post(f"/cases/{case.id}/claim")
    for bad in ("99999999999", "abc", "-1", ""):
        assert client.post(f"/cases/{case.id}/undo", data={"decision": bad}).status_code == 404
        response = client.post("/cases/next", data={"leaving": bad, "queue": "older_than_hours=9" * 200})
        assert response.status_code == 302
    assert client.get(f"/cases/{case.id}?decided=99999999999&queue=%%%").status_code == 200
