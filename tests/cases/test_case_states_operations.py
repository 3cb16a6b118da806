"""The operations move cases (and decisions) exactly along the table of backoffice.cases.states.

Every (from, to, verb) of the table is carried out by its verb; random sequences of actions by
different people never leave the table, never trip the backstop (each operation refuses first,
with its own message), leave closed cases closed, and succeed exactly when the predicate says so.
"""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import count
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from backoffice.cases import claims, conduct, decisions, merging, states, undo
from backoffice.cases.claims import ReviewError
from backoffice.cases.decisions import DecisionInput
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus, Verdict
from backoffice.cases.states import CASES, DECISIONS
from backoffice.conversations.models import Channel, Conversation
from backoffice.db import utcnow
from backoffice.extensions import db
from tests.builders import web
from tests.cases.conftest import violation

C = CaseStatus
_numbers = count(1)
NO_VIOLATION = DecisionInput(Verdict.no_violation, "聊天内容正常，没有引导线下交易。")


@pytest.fixture
def people(app, make_user):
    return SimpleNamespace(alice=make_user("reviewer", "alice"), bob=make_user("reviewer", "bob"),
                           senior=make_user("senior_reviewer", "senior"), boss=make_user("manager", "boss"))


def new_case(merchant, priority: int = 10) -> Case:
    """An open zbj.offsite_contact case of ``merchant`` on a conversation of its own, committed."""
    now, n = utcnow(), next(_numbers)
    conversation = Conversation(platform=merchant.platform, external_id=f"states-{n}", channel=Channel.im,
                                merchant_id=merchant.id, customer_external_id=f"u-{n}", customer_name="客户",
                                created_at=now)
    db.session.add(conversation)
    db.session.flush()
    case = Case(platform=merchant.platform, merchant_id=merchant.id, conversation_id=conversation.id,
                rule_code="zbj.offsite_contact", category="offsite_contact", status=CaseStatus.open,
                priority=priority, opened_at=now, last_flag_at=now, has_detector=True, flag_count=1)
    db.session.add(case)
    db.session.commit()
    return case


def _decide(who, data):
    return lambda c, p: decisions.decide(web(getattr(p, who)), c, data, expected_version=c.version)


def _lapse(c, p):
    c.claim_expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()


def _pending(c) -> CaseDecision | None:
    return db.session.scalar(sa.select(CaseDecision).where(
        CaseDecision.case_id == c.id, CaseDecision.status == DecisionStatus.pending_approval))


def _claim_next(who, escalated=False):
    def run(c, p):
        taken = claims.claim_next(web(getattr(p, who)), getattr(p, who), escalated=escalated)
        assert taken is not None
        assert taken.id == c.id
    return run


TAKE = lambda c, p: claims.claim(web(p.alice), c, p.alice)  # noqa: E731
HOLD = lambda c, p: claims.hold(web(p.alice), c, p.alice, "不确定是否算引流")  # noqa: E731
ESCALATE = lambda c, p: claims.escalate(web(p.alice), c, p.alice, "涉及金额大")  # noqa: E731
SENIOR_TAKES = lambda c, p: claims.claim(web(p.senior), c, p.senior)  # noqa: E731
SENIOR_HOLDS = lambda c, p: claims.hold(web(p.senior), c, p.senior, "需要经理看看")  # noqa: E731

# How a new case gets to the state a move starts from.
SETUPS = {
    "open": [],
    "in_review": [TAKE],
    "on_hold": [TAKE, HOLD],
    "escalated": [TAKE, ESCALATE],
    "awaiting_approval": [TAKE, _decide("alice", violation("serious"))],
    "in_review, escalated before": [TAKE, ESCALATE, SENIOR_TAKES],
    "on_hold, escalated before": [TAKE, ESCALATE, SENIOR_TAKES, SENIOR_HOLDS],
    "decided": [TAKE, _decide("alice", violation())],
    "dismissed": [TAKE, _decide("alice", NO_VIOLATION)],
    "decided, joined to another case's decision": [lambda c, p: _decided_together(c, p)],
}


def _decided_together(c, p):
    lead = new_case(c.merchant, priority=0)
    claims.claim(web(p.alice), lead, p.alice)
    conduct.decide_together(web(p.alice), lead, [c], violation(), expected_version=lead.version)


def _lead_decision(c) -> CaseDecision:
    return db.session.get(CaseDecision, _last_decision(c).joined_to_id)


def _last_decision(c) -> CaseDecision | None:
    return db.session.scalar(sa.select(CaseDecision).where(CaseDecision.case_id == c.id)
                             .order_by(CaseDecision.id.desc()).limit(1))


UNDO = lambda c, p: undo.undo(web(p.alice), _last_decision(c))  # noqa: E731


def _removed_elsewhere(c, p):
    """Another case of the same shop ends in its removal (清退), approved by a manager."""
    other = new_case(c.merchant, priority=0)
    claims.claim(web(p.bob), other, p.bob)
    decisions.decide(web(p.bob), other, violation("serious"), expected_version=other.version)
    db.session.commit()
    decisions.approve(web(p.boss), _pending(other), True, "同意清退")
# (set-up, verb, the status the verb leads to, the verb as carried out)
MOVES = [
    ("open", "claim", C.in_review, lambda c, p: claims.claim(web(p.bob), c, p.bob)),
    ("in_review", "claim", C.in_review, lambda c, p: (_lapse(c, p), claims.claim(web(p.bob), c, p.bob))),
    ("on_hold", "claim", C.in_review, lambda c, p: claims.claim(web(p.bob), c, p.bob)),
    ("escalated", "claim", C.in_review, SENIOR_TAKES),
    ("open", "claim_next", C.in_review, _claim_next("bob")),
    ("in_review", "claim_next", C.in_review, lambda c, p: (_lapse(c, p), _claim_next("bob")(c, p))),
    ("escalated", "claim_next", C.in_review, _claim_next("senior", escalated=True)),
    *((s, "reassign", C.in_review, lambda c, p: claims.reassign(web(p.boss), c, p.bob,
                                                                  expected_version=c.version))
      for s in ("open", "in_review", "on_hold", "escalated")),
    *((s, "bulk_dismiss", C.dismissed, lambda c, p: decisions.bulk_dismiss(web(p.alice), [c], "误报"))
      for s in ("open", "in_review")),
    ("in_review", "release", C.open, lambda c, p: claims.release(web(p.alice), c, p.alice)),
    ("on_hold", "release", C.open, lambda c, p: claims.release(web(p.alice), c, p.alice)),
    ("in_review, escalated before", "release", C.escalated,
     lambda c, p: claims.release(web(p.senior), c, p.senior)),
    ("on_hold, escalated before", "release", C.escalated,
     lambda c, p: claims.release(web(p.boss), c, p.boss)),  # a manager, not the holder
    ("in_review", "escalate", C.escalated, ESCALATE),
    ("on_hold", "escalate", C.escalated, ESCALATE),
    ("in_review", "hold", C.on_hold, HOLD),
    # An untaken case folded into the mass-sending case that judges its messages (cases/merging.py).
    ("open", "merge", C.dismissed, lambda c, p: merging.fold_into(web(p.boss), c, new_case(c.merchant), utcnow())),
    ("in_review", "decide", C.awaiting_approval, _decide("alice", violation("serious"))),
    ("on_hold", "decide", C.awaiting_approval, _decide("alice", violation("serious"))),
    ("in_review", "decide", C.decided, _decide("alice", violation())),
    ("on_hold", "decide", C.decided, _decide("alice", violation())),
    ("in_review", "decide", C.dismissed, _decide("alice", NO_VIOLATION)),
    ("on_hold", "decide", C.dismissed, _decide("alice", NO_VIOLATION)),
    ("awaiting_approval", "approve", C.decided,
     lambda c, p: decisions.approve(web(p.boss), _pending(c), True, "同意")),
    ("awaiting_approval", "refuse", C.open,
     lambda c, p: decisions.approve(web(p.boss), _pending(c), False, "证据不足")),
    *((s, "undo", C.in_review, UNDO) for s in ("awaiting_approval", "decided", "dismissed")),
    ("decided, joined to another case's decision", "undo", C.in_review,
     lambda c, p: undo.undo(web(p.alice), _lead_decision(c))),
    *((s, "close_removed", C.dismissed, _removed_elsewhere) for s in ("open", "in_review", "on_hold", "escalated")),
]


def test_every_move_of_the_table_is_made_by_its_verb(people, make_merchant):
    made, decision_moves = set(), set()
    for priority, (setup, verb, target, run) in enumerate(MOVES, start=1000):
        # a fresh shop and a case above all others, so that claim-next takes this one
        case = new_case(make_merchant(deposit="10000.00"), priority)
        case_id = case.id
        for step in SETUPS[setup]:
            step(case, people)
            db.session.commit()
        start = case.status
        last = _last_decision(case)
        was = last.status if last is not None else None
        run(case, people)
        db.session.commit()
        db.session.expire_all()
        case = db.session.get(Case, case_id)
        assert (start, case.status) == (C[setup.split(",")[0]], target), (setup, verb)
        made.add((start, target, verb))
        if last is not None and was is not DecisionStatus.refused:
            db.session.refresh(last)
            if last.status is not was:
                decision_moves.add((was, last.status, verb))
    assert made == {(a, b, verb) for (a, b), verbs in CASES.transitions.items() for verb in verbs}
    assert decision_moves == {(a, b, verb) for (a, b), verbs in DECISIONS.transitions.items()
                              for verb in verbs}


@pytest.mark.parametrize("escalated", [False, True])
def test_claim_next_takes_only_cases_the_table_lets_into_review(escalated):
    # claim_next moves its case in one SQL statement, past transition(): the statuses it picks from
    sql = str(claims._candidate(False, escalated))
    picked = {C(s) for s in re.findall(r"status = '(\w+)'", sql)}
    assert picked == {C.in_review, C.escalated if escalated else C.open}
    assert picked <= CASES.sources(C.in_review)


ACTIONS = ("claim", "release", "hold", "escalate", "reassign", "decide", "decide_serious", "dismiss_verdict",
           "approve", "refuse", "bulk_dismiss", "lapse")
# "holder": whoever holds the case now (often, so that walks get far)
WHO = ("alice", "bob", "senior", "boss", "holder", "holder", "holder", "holder")


def _plan(action: str, case: Case, user, people):
    """What ``user`` doing ``action`` now should do by its predicate (True, False; None: no predicate),
    and the action itself."""
    actor = web(user)
    if action == "claim":
        return states.can_claim(case, user), lambda: claims.claim(actor, case, user)
    if action == "release":
        return states.can_release(case, user), lambda: claims.release(actor, case, user)
    if action == "hold":
        return states.can_hold(case, user), lambda: claims.hold(actor, case, user, "帮忙看看")
    if action == "escalate":
        return states.holds_claim(case, user), lambda: claims.escalate(actor, case, user, "涉及金额大")
    if action == "reassign":
        return states.takeable(case), lambda: claims.reassign(web(people.boss), case, user,
                                                                expected_version=case.version)
    if action in ("decide", "decide_serious", "dismiss_verdict"):
        data = {"decide": violation(), "decide_serious": violation("serious"),
                "dismiss_verdict": NO_VIOLATION}[action]
        return states.can_decide(case, user), lambda: decisions.decide(actor, case, data,
                                                                         expected_version=case.version)
    if action in ("approve", "refuse"):
        pending = _pending(case)
        if pending is None:
            return None, lambda: None
        return (pending.decided_by_id != people.boss.id,
                lambda: decisions.approve(web(people.boss), pending, action == "approve", "备注"))
    if action == "bulk_dismiss":
        expected = states.can_dismiss(case, user)

        def dismiss():  # it skips the cases it may not dismiss, it does not refuse
            assert decisions.bulk_dismiss(actor, [case], "误报") == (1 if expected else 0)
        return None, dismiss

    def lapse():  # time passes: a running lease runs out
        if case.claim_expires_at is not None:
            case.claim_expires_at = utcnow() - timedelta(seconds=1)
    return None, lapse


@settings(deadline=None, max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(ACTIONS), st.sampled_from(WHO)), min_size=3, max_size=12))
def test_random_actions_follow_the_table_and_their_predicates(people, make_merchant, steps):
    case = new_case(make_merchant(deposit="10000.00"))
    case_id = case.id
    for action, who in steps:
        before = case.status
        holder = next((p for p in vars(people).values() if p.id == case.claimed_by_id), people.alice)
        expected, act = _plan(action, case, holder if who == "holder" else getattr(people, who), people)
        try:
            act()
            db.session.commit()
            done, why = True, ""
        except ReviewError as exc:  # never TransitionRefused: the operation refuses first
            db.session.rollback()
            done, why = False, str(exc)
        db.session.expire_all()
        case = db.session.get(Case, case_id)
        after = case.status
        event(f"{action}: {before.value} -> {after.value}")
        assert after is before or after in CASES.allowed(before), (action, who, before, after)
        if expected is not None:
            assert done is expected, (action, who, before, after, why)
        if before in states.CLOSED:
            assert after is before
        assert (after is C.awaiting_approval) == (_pending(case) is not None)
