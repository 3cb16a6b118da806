"""Exactly one effect when an appeal is decided twice at once, or filed twice at once.

The race tests run on PostgreSQL with real threads and connections: both attempts read the appeal
as submitted before either writes (a barrier between reading and deciding), which is what the probe
of issue 19 did to get double reversals. The stale-object tests run on both backends: the second
attempt holds an appeal read before the first was committed.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from markupsafe import escape

from backoffice.accounts.models import User
from backoffice.appeals import operations as appeals
from backoffice.appeals.consistency import outcome_problems
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus
from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.ledger.models import LedgerEntry
from backoffice.ledger.verify import verify_all
from backoffice.notifications.models import Notification
from backoffice.penalties.models import DecisionState, PenaltyDecision
from tests.builders import web
from tests.concurrency import run_concurrently
from tests.conftest import PASSWORD

from .test_decisions import submitted

ROUNDS = 10
REDUCE = (AppealOutcome.reduced, {"drop": ("deposit_deduction",)})
OVERTURN = (AppealOutcome.overturned, {})


def _count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def _decide_at_once(app, appeal_id: int, attempts: list[tuple[int, AppealOutcome, dict]]) -> list:
    """Each attempt reads the appeal, waits until all have read it, then decides and commits.

    Returns what each attempt came to: the outcome it recorded, or the conflict it was refused with.
    """
    read = threading.Barrier(len(attempts), timeout=60)
    results, lock = [], threading.Lock()

    def work(attempt) -> None:
        user_id, outcome, options = attempt
        user = db.session.get(User, user_id)
        appeal = db.session.get(Appeal, appeal_id)
        assert appeal.status is AppealStatus.submitted
        read.wait()
        try:
            appeals.decide(web(user), appeal, outcome, "聊天记录显示客户先发", **options)
            db.session.commit()
            result = outcome
        except appeals.AppealChanged as exc:
            db.session.rollback()
            result = exc
        with lock:
            results.append(result)

    run_concurrently(app, work, attempts)
    return results


def _assert_one_decision(appeal: Appeal, results: list, runner) -> AppealOutcome:
    db.session.expire_all()
    decided = [r for r in results if isinstance(r, AppealOutcome)]
    refused = [r for r in results if isinstance(r, appeals.AppealChanged)]
    assert len(decided) == 1, results
    assert len(refused) == len(results) - 1, results
    assert all(r.status == 409 for r in refused)
    assert appeal.status is AppealStatus.decided
    assert appeal.outcome is decided[0]
    assert _count(AuditEvent, AuditEvent.action == "appeal.decide", AuditEvent.subject_id == str(appeal.id)) == 1
    assert _count(Notification, Notification.kind == "appeal_decided") == 1
    penalty = db.session.get(PenaltyDecision, appeal.ruling.penalty_decision_id)
    ended = list(db.session.scalars(sa.select(LedgerEntry).where(LedgerEntry.ends_decision_id == penalty.id)))
    assert ended, "the decision wrote its reversals"
    assert max(Counter(e.reverses_id for e in ended).values()) == 1  # each measure reversed once
    successors = list(db.session.scalars(sa.select(PenaltyDecision).filter_by(supersedes_id=penalty.id)))
    if decided[0] is AppealOutcome.overturned:
        assert penalty.state is DecisionState.overturned
        assert successors == []
    else:
        assert penalty.state is DecisionState.superseded
        assert [s.id for s in successors] == [appeal.successor_penalty_id]
        assert successors[0].state is DecisionState.in_force
    assert verify_all()[1] == []
    assert outcome_problems() == []
    result = runner.invoke(args=["ledger", "verify"])
    assert result.exit_code == 0, result.output
    return decided[0]


@pytest.mark.postgres_only
@pytest.mark.parametrize(("first", "second"), [(OVERTURN, OVERTURN), (REDUCE, OVERTURN)], ids=["overturn+overturn",
                                                                                              "reduce+overturn"])
def test_two_seniors_deciding_one_appeal_at_once_decide_it_once(app, runner, merchant_user, staff, ruling_for,
                                                                 first, second):
    winners = Counter()
    for n in range(ROUNDS):
        user = merchant_user(f"shop{n}")  # a first offence each round: the same measures to reduce
        appeal = submitted(user, ruling_for(user.merchant))
        db.session.execute(sa.delete(Notification).where(Notification.kind == "appeal_decided"))
        db.session.commit()
        results = _decide_at_once(app, appeal.id, [(staff.senior.id, *first), (staff.senior2.id, *second)])
        winners[_assert_one_decision(appeal, results, runner)] += 1
    assert sum(winners.values()) == ROUNDS


def test_a_decision_on_an_appeal_read_before_a_colleague_decided_it_is_refused(
        app, client, login, runner, merchant_user, staff, ruling_for, token):
    """The second senior's appeal object still reads "submitted"; the check under the lock sees the truth."""
    user = merchant_user("shop")
    appeal = submitted(user, ruling_for(user.merchant))
    colleague = token("senior2", "review")
    assert appeal.status is AppealStatus.submitted  # read now, in this session
    response = client.post(f"/api/v1/appeals/{appeal.id}/decision", headers=colleague,
                           json={"outcome": "overturned", "reason": "客户先发"})
    assert response.status_code == 200, response.get_json()
    assert appeal.status is AppealStatus.submitted  # this session has not seen it
    with pytest.raises(appeals.AppealChanged, match="decided by someone else a moment ago"):
        appeals.decide(web(staff.senior), appeal, REDUCE[0], "减轻", **REDUCE[1])
    db.session.rollback()
    # Decided in this session's eyes too now: refused before any lock.
    with pytest.raises(appeals.AppealClosed, match="already been decided"):
        appeals.decide(web(staff.senior), appeal, AppealOutcome.overturned, "改判")
    assert _assert_one_decision(appeal, [AppealOutcome.overturned, appeals.AppealChanged("x")],
                                runner) is AppealOutcome.overturned
    # The same attempt from the web page and the API answers 409 with the message.
    login("senior")
    page = client.post(f"/appeals/{appeal.id}/decision", data={"outcome": "overturned", "reason": "改判"})
    assert page.status_code == 409
    with app.test_request_context(), force_locale("zh"):  # the staff pages speak Chinese
        assert str(escape(appeals.ALREADY_DECIDED)) in page.get_data(as_text=True)
    response = client.post(f"/api/v1/appeals/{appeal.id}/decision", headers=token("senior", "review"),
                           json={"outcome": "overturned", "reason": "改判"})
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


@pytest.mark.postgres_only
def test_filing_the_same_appeal_twice_at_once_keeps_one_and_answers_409(app, merchant_user, ruling_for):
    for n in range(ROUNDS):
        user = merchant_user(f"shop{n}")
        ruling = ruling_for(user.merchant)
        logged_in = threading.Barrier(2, timeout=60)
        answers: list = []

        def work(_: int, ruling_id: int = ruling.id, login: str = user.login,
                 ready: threading.Barrier = logged_in, answers: list = answers) -> None:
            current_app.config["WTF_CSRF_ENABLED"] = False  # the racing copy of the app starts with it on
            client = current_app.test_client()
            with current_app.app_context():  # each request with a session of its own, as in production
                assert client.post("/login", data={"login": login, "password": PASSWORD}).status_code == 302
            ready.wait()
            with current_app.app_context():
                response = client.post(f"/merchant/rulings/{ruling_id}/appeal",
                                       data={"statement": "客户先发的微信号", "action": "submit"})
            answers.append((response.status_code, response.get_data(as_text=True)))  # atomic

        run_concurrently(app, work, [0, 1])
        assert sorted(code for code, _ in answers) == [302, 409], [code for code, _ in answers]
        refused = next(body for code, body in answers if code == 409)
        assert ("was opened a moment ago" in refused) or ("already with the reviewers" in refused)
        db.session.expire_all()
        (appeal,) = db.session.scalars(sa.select(Appeal).filter_by(ruling_id=ruling.id))
        assert appeal.status is AppealStatus.submitted
        for action in ("appeal.open", "appeal.submit"):
            assert _count(AuditEvent, AuditEvent.action == action, AuditEvent.subject_id == str(appeal.id)) == 1


@pytest.mark.postgres_only
def test_filing_twice_at_once_over_the_api_never_answers_500(app, merchant_user, ruling_for, token):
    for n in range(ROUNDS):
        user = merchant_user(f"shop{n}")
        ruling = ruling_for(user.merchant)
        headers = token(user.login, "appeal")
        answers: list = []

        def work(_: int, case_id: int = ruling.case_id, headers: dict = headers, answers: list = answers) -> None:
            with current_app.app_context():
                response = current_app.test_client().post(f"/api/v1/cases/{case_id}/appeal", headers=headers,
                                                          data={"statement": "客户先发的微信号"})
            answers.append((response.status_code, response.get_json()))

        run_concurrently(app, work, [0, 1])
        codes = sorted(code for code, _ in answers)
        # Both read "no appeal yet": one opens it, the other is refused. One after the other: the
        # second continues the appeal the first sent (the API submits only if it is not sent yet).
        assert codes in ([201, 409], [201, 201]), answers
        for code, body in answers:
            if code == 409:
                assert body["error"]["code"] == "conflict"
        db.session.expire_all()
        assert _count(Appeal, Appeal.ruling_id == ruling.id) == 1
