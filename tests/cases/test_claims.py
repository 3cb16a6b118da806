"""Leases on cases: next case by priority, no double claims, expiry, release, hold, escalate, reassign."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.cases import claims
from backoffice.cases.claims import ReviewError
from backoffice.cases.models import Case, CaseStatus
from backoffice.db import utcnow
from backoffice.extensions import db
from tests.builders import web
from tests.cases.conftest import bulk_cases
from tests.concurrency import run_concurrently


def test_claim_next_takes_the_highest_priority_then_the_oldest(app, merchant, make_user):
    ids = bulk_cases(merchant, 6, priority=lambda i: {2: 90, 4: 90}.get(i, 10))
    alice, bob, carol = (
        make_user("reviewer", "alice"),
        make_user("reviewer", "bob"),
        make_user("reviewer", "carol"),
    )
    first = claims.claim_next(web(alice), alice)
    second = claims.claim_next(web(bob), bob)
    db.session.commit()
    # both have priority 90; case 4 was opened two minutes before case 2
    assert (first.id, second.id) == (ids[4], ids[2])
    assert first.claimed_by_id == alice.id
    assert first.status is CaseStatus.in_review
    assert first.claim_expires_at > utcnow() + timedelta(minutes=14)
    third = claims.claim_next(web(carol), carol)
    assert third.id not in (ids[2], ids[4])
    assert third.priority == 10
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).select_from(AuditEvent).where(AuditEvent.action == "case.claim")
        )
        == 3
    )


def test_claim_next_never_hands_out_a_held_case_and_returns_none_when_empty(app, merchant, make_user):
    ids = bulk_cases(merchant, 3)
    users = [make_user("reviewer", f"r{n}") for n in range(4)]
    got = [claims.claim_next(web(u), u) for u in users]
    db.session.commit()
    assert sorted(c.id for c in got[:3]) == sorted(ids)
    assert got[3] is None


@pytest.mark.postgres_only  # row locks with SKIP LOCKED exist only there; SQLite serialises its writers
def test_claim_next_under_concurrency_on_postgresql(app, merchant):
    from backoffice.accounts.models import Role, User

    ids = bulk_cases(merchant, 200)
    # accounts without a usable password: hashing sixteen real ones would dominate the test
    users = [User(login=f"r{n:02d}", role=Role.reviewer, password_hash="!") for n in range(16)]  # noqa: S106
    db.session.add_all(users)
    db.session.flush()
    user_ids = [u.id for u in users]
    db.session.commit()  # the test's own session holds no connection while the threads run
    claimed: list[tuple[int, int]] = []
    lock = threading.Lock()

    def work(user_id: int) -> None:
        user = db.session.get(User, user_id)
        while True:
            case = claims.claim_next(web(user), user)
            if case is None:
                db.session.commit()
                break
            case_id = case.id
            db.session.commit()
            with lock:
                claimed.append((case_id, user_id))

    run_concurrently(app, work, user_ids)
    per_case = Counter(case_id for case_id, _ in claimed)
    assert sorted(per_case) == sorted(ids)
    assert set(per_case.values()) == {1}
    db.session.expire_all()
    holders = dict(db.session.execute(sa.select(Case.id, Case.claimed_by_id)).all())
    assert holders == dict(claimed)
    assert len({uid for _, uid in claimed}) > 1  # the work was actually shared


def test_an_expired_lease_can_be_claimed_by_someone_else(app, merchant, make_user):
    (case_id,) = bulk_cases(merchant, 1)
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    case = claims.claim_next(web(alice), alice)
    db.session.commit()
    with pytest.raises(ReviewError):
        claims.claim(web(bob), case, bob)
    assert claims.claim_next(web(bob), bob) is None
    case.claim_expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert not claims.holds_claim(case, alice)
    taken = claims.claim_next(web(bob), bob)
    db.session.commit()
    assert taken.id == case_id
    assert taken.claimed_by_id == bob.id
    assert claims.holds_claim(taken, bob)


def test_a_lapsed_lease_goes_before_unclaimed_cases_and_its_audit_event_names_the_old_holder(
        app, merchant, make_user):
    low, high = bulk_cases(merchant, 2, priority=lambda i: (10, 90)[i])
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    held = claims.claim(web(alice), db.session.get(Case, low), alice)
    held.claim_expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    taken = claims.claim_next(web(bob), bob)
    db.session.commit()
    assert (taken.id, taken.claimed_by_id) == (low, bob.id)  # before the priority-90 case: it waited longest
    event = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "case.claim")
                               .order_by(AuditEvent.id.desc())).first()
    assert event.before == {"status": "in_review", "claimed_by": alice.id}
    assert claims.claim_next(web(alice), alice).id == high


def test_release_by_the_holder_or_a_manager_only(app, merchant, make_user):
    bulk_cases(merchant, 1)
    alice, bob, boss = (
        make_user("reviewer", "alice"),
        make_user("reviewer", "bob"),
        make_user("manager", "boss"),
    )
    case = claims.claim_next(web(alice), alice)
    with pytest.raises(ReviewError):
        claims.release(web(bob), case, bob)
    claims.release(web(alice), case, alice)
    db.session.commit()
    assert (case.status, case.claimed_by_id, case.claim_expires_at) == (CaseStatus.open, None, None)
    claims.claim(web(bob), case, bob)
    claims.release(web(boss), case, boss)
    db.session.commit()
    assert case.status is CaseStatus.open
    assert claims.claim_next(web(alice), alice).id == case.id


def test_hold_for_help_stops_the_lease_and_another_reviewer_takes_over(app, merchant, make_user):
    bulk_cases(merchant, 1)
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    case = claims.claim_next(web(alice), alice)
    with pytest.raises(ReviewError):
        claims.hold(web(alice), case, alice, "  ")
    with pytest.raises(ReviewError):
        claims.hold(web(bob), case, bob, "help")
    claims.hold(web(alice), case, alice, "不确定是否算引流")
    db.session.commit()
    assert (case.status, case.claimed_by_id, case.claim_expires_at) == (CaseStatus.on_hold, alice.id, None)
    # long after any lease would have run out, it is still alice's and not in anyone's "next case"
    assert claims.holds_claim(case, alice, utcnow() + timedelta(days=3))
    assert claims.claim_next(web(bob), bob, now=utcnow() + timedelta(days=3)) is None
    claims.claim(web(bob), case, bob)
    db.session.commit()
    assert (case.status, case.claimed_by_id) == (CaseStatus.in_review, bob.id)
    assert not claims.holds_claim(case, alice)
    event = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "case.hold")).one()
    assert event.after["reason"] == "不确定是否算引流"


def test_escalated_cases_go_to_senior_reviewers_and_managers_only(app, merchant, make_user):
    bulk_cases(merchant, 1)
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    senior, boss = make_user("senior_reviewer", "senior"), make_user("manager", "boss")
    case = claims.claim_next(web(alice), alice)
    with pytest.raises(ReviewError):
        claims.escalate(web(alice), case, alice, "")
    claims.escalate(web(alice), case, alice, "涉及金额大")
    db.session.commit()
    assert (case.status, case.claimed_by_id) == (CaseStatus.escalated, None)
    assert claims.claim_next(web(bob), bob) is None
    with pytest.raises(ReviewError):
        claims.claim(web(bob), case, bob)
    with pytest.raises(ReviewError):
        claims.claim(web(alice), case, alice)
    assert claims.claim_next(web(senior), senior) is None  # the ordinary queue does not hand it out
    taken = claims.claim_next(web(senior), senior, escalated=True)
    db.session.commit()
    assert taken.id == case.id
    assert taken.claimed_by_id == senior.id
    claims.escalate(web(senior), case, senior, "需要经理")
    claims.claim(web(boss), case, boss)
    assert case.claimed_by_id == boss.id


def test_an_escalated_case_stays_escalated_when_released_or_its_lease_lapses(app, merchant, make_user):
    bulk_cases(merchant, 2)
    alice, bob, senior = make_user("reviewer", "alice"), make_user("reviewer", "bob"), \
        make_user("senior_reviewer", "senior")
    case = claims.claim_next(web(alice), alice)
    claims.escalate(web(alice), case, alice, "涉及金额大")
    taken = claims.claim_next(web(senior), senior, escalated=True)
    assert taken.id == case.id
    assert taken.status is CaseStatus.in_review
    claims.release(web(senior), taken, senior)
    db.session.commit()
    assert case.status is CaseStatus.escalated  # back to the escalated queue, not the ordinary one
    claims.claim_next(web(senior), senior, escalated=True)
    case.claim_expires_at = utcnow() - timedelta(seconds=1)  # the senior walked away
    db.session.commit()
    other = claims.claim_next(web(bob), bob)
    assert other.id != case.id  # a reviewer's next case is never a lapsed escalated one
    with pytest.raises(ReviewError):
        claims.claim(web(bob), case, bob)
    assert claims.claim_next(web(senior), senior, escalated=True).id == case.id
    db.session.commit()


def test_reassign_through_the_web_is_for_managers_only(app, client, login, merchant, make_user):
    (case_id,) = bulk_cases(merchant, 1)
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    make_user("manager", "boss")
    case = claims.claim_next(web(alice), alice)
    db.session.commit()
    login("bob")
    version = case.version
    assert client.post(f"/cases/{case_id}/reassign", data={"user": bob.id, "version": version}).status_code == 403
    client.post("/logout")
    login("boss")
    response = client.post(f"/cases/{case_id}/reassign", data={"user": bob.id, "version": version})
    assert response.status_code == 302
    db.session.expire_all()
    case = db.session.get(Case, case_id)
    assert (case.status, case.claimed_by_id) == (CaseStatus.in_review, bob.id)
    assert (
        db.session.scalars(sa.select(AuditEvent.action).where(AuditEvent.subject_type == "case")).all()[-1]
        == "case.reassign"
    )


def test_a_reassignment_from_a_page_that_went_stale_is_refused_and_changes_nothing(app, client, login, merchant,
                                                                                   make_user):
    (case_id,) = bulk_cases(merchant, 1)
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    make_user("manager", "boss")
    login("boss")
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    seen = int(page.split('name="version" type="hidden" value="')[1].split('"')[0])
    claims.claim(web(alice), db.session.get(Case, case_id), alice)  # alice takes it meanwhile
    db.session.commit()
    response = client.post(f"/cases/{case_id}/reassign", data={"user": bob.id, "version": seen},
                           follow_redirects=True)
    assert "您打开后案件已有变化（有人领取或改派了它）" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Case, case_id).claimed_by_id == alice.id


def test_reassign_refuses_a_merchant_account_or_a_closed_case(app, merchant, make_user):
    (case_id,) = bulk_cases(merchant, 1)
    case = db.session.get(Case, case_id)
    shop = make_user("merchant", "shop", merchant=merchant)
    with pytest.raises(ReviewError):
        claims.reassign(web(None), case, shop, expected_version=case.version)
    case.status = CaseStatus.decided
    db.session.commit()
    with pytest.raises(ReviewError):
        claims.reassign(web(None), case, make_user("reviewer", "alice"), expected_version=case.version)


def test_a_case_waiting_for_approval_or_closed_cannot_be_released_back_to_the_queue(
    claimed, make_user, client, login
):
    from backoffice.cases import decisions
    from tests.cases.conftest import violation

    case, alice = claimed
    boss = make_user("manager", "boss")
    decisions.decide(web(alice), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    for who in (alice, boss):
        with pytest.raises(ReviewError):
            claims.release(web(who), case, who)
        db.session.rollback()
    login("alice")
    client.post(f"/cases/{case.id}/release")
    db.session.expire_all()
    assert db.session.get(Case, case.id).status is CaseStatus.awaiting_approval
    (other,) = bulk_cases(case.merchant, 1)
    closed = db.session.get(Case, other)
    closed.status = CaseStatus.decided
    db.session.commit()
    with pytest.raises(ReviewError):
        claims.release(web(boss), closed, boss)


def test_two_reviewers_claiming_the_same_case_at_once_get_a_message_not_a_crash(app, merchant, make_user):
    """The second claim was read before the first committed; its write must not go through or crash."""
    (case_id,) = bulk_cases(merchant, 1)
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    stale = db.session.get(Case, case_id)  # bob's view of the case: still open
    assert stale.status is CaseStatus.open
    with app.app_context():  # alice, in her own request, claims and commits first
        from backoffice.accounts.models import User

        claims.claim(
            web(db.session.get(User, alice.id)), db.session.get(Case, case_id), db.session.get(User, alice.id)
        )
        db.session.commit()
        db.session.remove()
    with pytest.raises(ReviewError):
        claims.claim(web(bob), stale, bob)
    db.session.rollback()
    assert db.session.get(Case, case_id).claimed_by_id == alice.id


def test_renewing_the_lease_keeps_an_open_decision_form_valid(app, claimed):
    case, reviewer = claimed
    db.session.refresh(case)
    version, old_expiry = case.version, case.claim_expires_at
    claims.renew(case, reviewer, now=utcnow() + timedelta(minutes=5))  # the holder opens the page again
    db.session.commit()
    db.session.expire_all()
    fresh = db.session.get(Case, case.id)
    assert fresh.claim_expires_at > old_expiry
    assert fresh.version == version  # a form rendered before still carries a valid version
