"""The case and decision status machines: the whole table, random walks, and the predicates.

No database here: the machines and predicates look at a case's attributes only. The operations are
held to the same table in test_case_states_operations.py.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import product
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.accounts.models import Role
from backoffice.cases import states
from backoffice.cases.models import OPEN_STATUSES, CaseStatus, DecisionStatus
from backoffice.cases.states import CASES, DECISIONS, TransitionRefused
from backoffice.db import utcnow

C = CaseStatus
# The table once more, written out by hand: a change to the machine must be made here too.
CASE_MOVES = {
    C.open: {C.in_review, C.dismissed},
    C.in_review: {C.in_review, C.open, C.escalated, C.on_hold, C.awaiting_approval, C.decided, C.dismissed},
    C.on_hold: {C.in_review, C.open, C.escalated, C.awaiting_approval, C.decided, C.dismissed},
    C.escalated: {C.in_review, C.dismissed},  # dismissed: the shop was removed by another ruling
    C.awaiting_approval: {C.decided, C.open, C.in_review},
    C.decided: {C.in_review},  # undo, within its window only
    C.dismissed: {C.in_review},
}
D = DecisionStatus
DECISION_MOVES = {D.pending_approval: {D.applied, D.refused, D.withdrawn}, D.applied: {D.withdrawn},
                  D.joined: {D.withdrawn}, D.refused: set(), D.withdrawn: set()}
VERBS = {"claim", "claim_next", "reassign", "release", "hold", "escalate", "decide", "bulk_dismiss", "merge",
         "approve", "refuse", "undo", "close_removed"}


def thing(status, **attrs):
    return SimpleNamespace(id=42, status=status, **attrs)


@pytest.mark.parametrize(("machine", "moves"), [(CASES, CASE_MOVES), (DECISIONS, DECISION_MOVES)])
def test_the_machine_holds_exactly_the_table(machine, moves):
    assert {s: set(machine.allowed(s)) for s in machine.states} == moves
    assert all(verbs and set(verbs) <= VERBS for verbs in machine.transitions.values())


@pytest.mark.parametrize(("machine", "moves", "frm", "to"),
                         [(CASES, CASE_MOVES, a, b) for a, b in product(CaseStatus, repeat=2)]
                         + [(DECISIONS, DECISION_MOVES, a, b) for a, b in product(DecisionStatus, repeat=2)])
def test_every_allowed_move_works_and_every_other_is_refused(machine, moves, frm, to):
    subject = thing(frm)
    if to in moves[frm]:
        machine.transition(subject, to)
        assert subject.status is to
    else:
        with pytest.raises(TransitionRefused, match="42") as refused:
            machine.transition(subject, to)
        assert subject.status is frm  # nothing changed
        assert isinstance(refused.value, ValueError)
        assert str(machine.label(frm)) in str(refused.value)
        assert str(machine.label(to)) in str(refused.value)


def test_a_refusal_names_both_states_for_people():
    with pytest.raises(TransitionRefused) as refused:
        states.transition(thing(C.decided), C.open)
    assert str(refused.value) == ("Case 42 is “Decided” and cannot become “Waiting”. "
                                  "Reload the page to see where it stands.")


def test_closed_and_open_statuses_split_the_machine():
    assert {C.decided, C.dismissed} == states.CLOSED
    # A closed case leaves only through an undo, back to its reviewer (cases/undo.py).
    assert {to for c in states.CLOSED for to in CASES.allowed(c)} == {C.in_review}
    assert all(CASES.transitions[(c, C.in_review)] == ("undo",) for c in states.CLOSED)
    assert set(CaseStatus) - states.CLOSED == OPEN_STATUSES
    assert {C.open, C.in_review, C.on_hold, C.escalated} == states.TAKEABLE
    assert DECISIONS.terminal == {D.refused, D.withdrawn}


def test_every_status_is_reachable_from_a_new_case():
    seen, todo = {C.open}, [C.open]
    while todo:
        for nxt in CASES.allowed(todo.pop()) - seen:
            seen.add(nxt)
            todo.append(nxt)
    assert seen == set(CaseStatus)


@given(start=st.sampled_from([C.open]), steps=st.lists(st.sampled_from(list(CaseStatus)), max_size=40))
def test_random_moves_stay_in_the_table_and_closed_cases_stay_closed(start, steps):
    case = thing(start)
    for to in steps:
        before = case.status
        try:
            states.transition(case, to)
        except TransitionRefused:
            assert to not in CASE_MOVES[before]
            assert case.status is before
        else:
            assert to in CASE_MOVES[before]
            assert case.status is to
        if before in states.CLOSED:
            assert case.status in (before, C.in_review)  # only an undo reopens it
    assert case.status in CaseStatus


@given(start=st.sampled_from([D.pending_approval, D.applied, D.joined]),
       steps=st.lists(st.sampled_from(list(DecisionStatus)), max_size=10))
def test_random_decision_moves_stay_in_the_table_and_final_stays_final(start, steps):
    decision = thing(start)
    path = [start]
    for to in steps:
        try:
            DECISIONS.transition(decision, to)
        except TransitionRefused:
            continue
        path.append(to)
    assert all(b in DECISION_MOVES[a] for a, b in zip(path, path[1:], strict=False))
    assert len(path) <= 3  # approved, then undone; or refused or undone, then final


# Predicates ------------------------------------------------------------------------------------

NOW = utcnow()
ME, OTHER = 1, 2
ROLES = (Role.reviewer, Role.senior_reviewer, Role.manager)
HOLDERS = (None, ME, OTHER)
LEASES = (None, NOW + timedelta(minutes=5), NOW - timedelta(minutes=5))
ESCALATED = (None, NOW - timedelta(hours=1))


def case_of(status, holder=None, lease=None, escalated_at=None):
    return thing(status, claimed_by_id=holder, claim_expires_at=lease, escalated_at=escalated_at)


def user_of(role, uid=ME):
    return SimpleNamespace(id=uid, role=role)


ALL_CASES = [case_of(*combo) for combo in product(CaseStatus, HOLDERS, LEASES, ESCALATED)]


@pytest.mark.parametrize(("status", "holder", "lease", "escalated_at", "role", "expected"), [
    (C.open, None, None, None, Role.reviewer, True),
    (C.in_review, ME, LEASES[1], None, Role.reviewer, True),  # renews the own lease
    (C.in_review, OTHER, LEASES[1], None, Role.reviewer, False),  # someone else's lease runs
    (C.in_review, OTHER, LEASES[2], None, Role.reviewer, True),  # ... or ran out
    (C.on_hold, OTHER, None, None, Role.reviewer, True),  # helping
    (C.on_hold, ME, None, None, Role.reviewer, True),  # taking it back
    (C.escalated, None, None, ESCALATED[1], Role.reviewer, False),
    (C.escalated, None, None, ESCALATED[1], Role.senior_reviewer, True),
    (C.escalated, None, None, ESCALATED[1], Role.manager, True),
    (C.open, None, None, ESCALATED[1], Role.reviewer, False),  # escalated once: seniors from then on
    (C.in_review, OTHER, LEASES[2], ESCALATED[1], Role.senior_reviewer, True),
    (C.awaiting_approval, None, None, None, Role.manager, False),
    (C.decided, None, None, None, Role.manager, False),
    (C.dismissed, None, None, None, Role.reviewer, False),
])
def test_can_claim(status, holder, lease, escalated_at, role, expected):
    assert states.can_claim(case_of(status, holder, lease, escalated_at), user_of(role), NOW) is expected


@pytest.mark.parametrize(("status", "holder", "lease", "who", "expected"), [
    (C.in_review, ME, LEASES[1], ME, True),
    (C.in_review, ME, LEASES[2], ME, False),  # the lease ran out
    (C.in_review, OTHER, LEASES[1], ME, False),
    (C.on_hold, ME, None, ME, True),  # on hold, the lease does not run
    (C.on_hold, OTHER, None, ME, False),
    (C.open, None, None, ME, False),
    (C.awaiting_approval, ME, None, ME, False),
    (C.in_review, ME, LEASES[1], None, False),  # nobody (the command line) decides nothing
])
def test_can_decide(status, holder, lease, who, expected):
    user = None if who is None else user_of(Role.reviewer, who)
    assert states.can_decide(case_of(status, holder, lease), user, NOW) is expected


@pytest.mark.parametrize(("status", "role", "expected"), [
    *((s, Role.manager, s in {C.open, C.in_review, C.on_hold, C.escalated}) for s in CaseStatus),
    *((s, Role.senior_reviewer, False) for s in CaseStatus),
    (C.open, Role.reviewer, False),
])
def test_can_reassign(status, role, expected):
    assert states.can_reassign(case_of(status), user_of(role)) is expected
    assert states.can_reassign(case_of(status), None) is False


@pytest.mark.parametrize(("status", "holder", "role", "expected"), [
    (C.in_review, ME, Role.reviewer, True),
    (C.on_hold, ME, Role.reviewer, True),
    (C.in_review, OTHER, Role.reviewer, False),
    (C.in_review, OTHER, Role.manager, True),
    (C.escalated, None, Role.manager, False),
    (C.awaiting_approval, ME, Role.reviewer, False),  # a decision waits: not back to the queue
    (C.decided, ME, Role.manager, False),
])
def test_can_release(status, holder, role, expected):
    assert states.can_release(case_of(status, holder), user_of(role)) is expected


@pytest.mark.parametrize(("status", "holder", "lease", "who", "expected"), [
    (C.open, None, None, ME, True),
    (C.in_review, ME, LEASES[1], ME, True),
    (C.in_review, OTHER, LEASES[1], ME, False),  # someone else works on it
    (C.in_review, OTHER, LEASES[2], ME, True),
    (C.in_review, OTHER, LEASES[1], None, True),  # the command line dismisses regardless
    (C.on_hold, ME, None, ME, False),
    (C.escalated, None, None, ME, False),
    (C.awaiting_approval, None, None, ME, False),
    (C.dismissed, None, None, ME, False),
])
def test_can_dismiss(status, holder, lease, who, expected):
    user = None if who is None else user_of(Role.reviewer, who)
    assert states.can_dismiss(case_of(status, holder, lease), user, NOW) is expected


@pytest.mark.parametrize(("status", "closed", "decision_taken", "takeable"), [
    (C.open, False, False, True),
    (C.in_review, False, False, True),
    (C.on_hold, False, False, True),
    (C.escalated, False, False, True),
    (C.awaiting_approval, False, True, False),
    (C.decided, True, True, False),
    (C.dismissed, True, True, False),
])
def test_page_predicates(status, closed, decision_taken, takeable):
    case = case_of(status)
    assert (states.is_closed(case), states.decision_taken(case), states.takeable(case)) == \
        (closed, decision_taken, takeable)
    assert states.was_escalated(case) is False
    assert states.was_escalated(case_of(status, escalated_at=ESCALATED[1])) is (status is not C.escalated)


def test_the_decision_predicate():
    assert [states.awaiting_approval(thing(s)) for s in DecisionStatus] == [s is D.pending_approval
                                                                             for s in DecisionStatus]


# The conditions the predicates replaced, as they were written in the operations and the case page:
# every combination of status, holder, lease, escalation, role and user gives the same answer.

def _old_claim(case, user, now):
    renew = (case.claimed_by_id == user.id and (case.status is C.on_hold or (
        case.status is C.in_review and case.claim_expires_at is not None and case.claim_expires_at > now))
        and case.status is C.in_review)
    if renew:
        return True
    if case.escalated_at is not None and user.role not in (Role.senior_reviewer, Role.manager):
        return False
    free = case.status is C.open or (
        case.status is C.in_review and case.claim_expires_at is not None and case.claim_expires_at < now)
    helping = case.status is C.on_hold and case.claimed_by_id != user.id
    senior = case.status is C.escalated and user.role in (Role.senior_reviewer, Role.manager)
    return bool(free or helping or senior or (case.status is C.on_hold and case.claimed_by_id == user.id))


def _old_dismiss(case, user, now):
    return not (case.status not in (C.open, C.in_review) or (
        case.status is C.in_review and user and case.claimed_by_id not in (None, user.id)
        and case.claim_expires_at and case.claim_expires_at > now))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("uid", [ME, OTHER])
def test_predicates_agree_with_the_conditions_they_replaced(role, uid):
    user = user_of(role, uid)
    for case in ALL_CASES:
        value = case.status.value
        assert states.can_claim(case, user, NOW) is _old_claim(case, user, NOW), vars(case)
        assert states.can_dismiss(case, user, NOW) is _old_dismiss(case, user, NOW), vars(case)
        assert states.can_release(case, user) is ((case.claimed_by_id == user.id or role is Role.manager)
                                                  and case.status in (C.in_review, C.on_hold))
        assert states.can_reassign(case, user) is (
            role.value == "manager" and value in ("open", "in_review", "on_hold", "escalated"))
        assert states.takeable(case) is (value in ("open", "in_review", "on_hold", "escalated"))
        assert states.is_closed(case) is (value in ("decided", "dismissed"))
        assert states.decision_taken(case) is (value in ("decided", "dismissed", "awaiting_approval"))
        assert states.was_escalated(case) is bool(case.escalated_at and value != "escalated")
