"""A small, fixed world for the dashboard, inserted directly with the models.

Every expected number in the tests is counted by hand from the lists below, never by the code under
test. Times are written in platform time (Asia/Shanghai, UTC+8) and stored in UTC.

``NOW`` is 2026-03-10 12:00 platform time; "the last 7 days" are 2026-03-04 … 2026-03-10, which start
at 2026-03-03 16:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import count
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus
from backoffice.cases.models import (
    Case,
    CaseDecision,
    CaseKind,
    CaseStatus,
    DecisionStatus,
    Flag,
    FlagSource,
    FlagStatus,
    Verdict,
)
from backoffice.conversations.models import Channel, Conversation
from backoffice.extensions import db
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.penalties.models import PenaltyDecision

SHANGHAI = ZoneInfo("Asia/Shanghai")
A, B = "zbj.offsite_contact", "zbj.ads_spam"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in March 2026, given in platform time, as the aware UTC datetime that is stored."""
    return datetime(2026, 3, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


NOW = at(10, 12)
_numbers = count(1)


@pytest.fixture
def world(app, make_merchant, make_user):
    m1 = make_merchant("m-zbj", platform="zbj")
    m2 = make_merchant("m-tb", platform="taobao")
    alice, bob, carol = (make_user("reviewer", login) for login in ("alice", "bob", "carol"))
    boss = make_user("manager", "boss")

    def case(status=CaseStatus.decided, *, age=timedelta(days=10), sla=None, rule=A, merchant=m1,
             kind=CaseKind.violation, claimed_by=None, lease=None) -> Case:
        conv = Conversation(platform=merchant.platform, external_id=f"w-{next(_numbers)}", channel=Channel.im,
                            merchant_id=merchant.id, customer_external_id="u", customer_name="客户",
                            created_at=NOW - age)
        db.session.add(conv)
        db.session.flush()
        row = Case(platform=merchant.platform, merchant_id=merchant.id, conversation_id=conv.id,
                   rule_code=rule, category="offsite_contact", kind=kind, status=status, opened_at=NOW - age,
                   last_flag_at=NOW - age, sla_due_at=sla, claimed_by_id=claimed_by and claimed_by.id,
                   claim_expires_at=lease, version=1)
        db.session.add(row)
        db.session.flush()
        return row

    # -- the queue: eight open cases; closed ones, old and past their deadline, must not count ----------
    # <1h
    case(CaseStatus.open, age=timedelta(minutes=30), sla=NOW + timedelta(hours=1))
    # exactly 1 hour: 1–4h; overdue by a minute
    case(CaseStatus.open, age=timedelta(hours=1), sla=NOW - timedelta(minutes=1))
    # 1–4h, held
    case(CaseStatus.in_review, age=timedelta(hours=3, minutes=59), claimed_by=alice,
         lease=NOW + timedelta(minutes=10))
    # 4–24h, the lease lapsed: not claimed; overdue
    case(CaseStatus.in_review, age=timedelta(hours=5), sla=NOW - timedelta(hours=2), claimed_by=bob,
         lease=NOW - timedelta(minutes=5))
    # 4–24h, due right now: not overdue yet
    case(CaseStatus.on_hold, age=timedelta(hours=23), sla=NOW, claimed_by=carol)
    # 1–3d, nobody holds an escalated case; overdue
    case(CaseStatus.escalated, age=timedelta(days=2), sla=NOW - timedelta(days=1))
    # >3d
    case(CaseStatus.awaiting_approval, age=timedelta(days=4), claimed_by=carol)
    # exactly 3 days: >3d
    case(CaseStatus.open, age=timedelta(hours=72))
    case(CaseStatus.decided, age=timedelta(days=30), sla=NOW - timedelta(days=29))
    case(CaseStatus.dismissed, age=timedelta(minutes=10), sla=NOW - timedelta(minutes=1))

    # -- decisions ---------------------------------------------------------------------------------------
    def decision(reviewer, when, verdict=Verdict.violation, rule=A, status=DecisionStatus.applied, *,
                 penalty=True, kind=CaseKind.violation, approved_by=None, approved_at=None) -> CaseDecision:
        closed = CaseStatus.decided if verdict is Verdict.violation else CaseStatus.dismissed
        c = case(closed, rule=rule, kind=kind)
        p = None
        if penalty and verdict is Verdict.violation and status is DecisionStatus.applied:
            p = PenaltyDecision(merchant_id=m1.id, rule_code=rule, severity="general", offence_no=1,
                                ruleset_version="test", plan={}, decided_at=approved_at or when,
                                decided_by_id=reviewer.id)
            db.session.add(p)
            db.session.flush()
        d = CaseDecision(case_id=c.id, verdict=verdict, rule_code=rule, severity="general", rationale="理由",
                         status=status, decided_by_id=reviewer.id, decided_at=when,
                         approved_by_id=approved_by and approved_by.id, approved_at=approved_at,
                         penalty_decision_id=p and p.id)
        db.session.add(d)
        db.session.flush()
        return d

    d = SimpleNamespace(
        d0=decision(alice, at(3, 23, 50)),                      # a day before the 7-day period
        d1=decision(alice, at(4, 0, 10)),                       # first minutes of the period
        d2=decision(alice, at(8, 23, 30)),                      # 2026-03-08 15:30 UTC
        d3=decision(bob, at(9, 0, 30)),                         # 2026-03-08 16:30 UTC: the next platform day
        d4=decision(bob, at(9, 10), Verdict.no_violation),
        d5=decision(bob, at(9, 11), rule=B),
        # held for four-eyes approval, approved an hour later
        d6=decision(carol, at(10, 9), rule=B, approved_by=boss, approved_at=at(10, 10)),
        d7=decision(carol, at(10, 9, 30), rule=B, status=DecisionStatus.pending_approval),
        d8=decision(carol, at(9, 15), status=DecisionStatus.refused),
        d9=decision(alice, at(10, 8), Verdict.no_violation),    # a bulk dismissal
        d10=decision(alice, at(8, 12), Verdict.insufficient_evidence, rule=B),
        d11=decision(bob, at(9, 12), kind=CaseKind.fraud_report, penalty=False),  # confirms a fraud report
        d12=decision(carol, at(5, 10)),
    )
    d.d9.severity = None

    # -- appeals -----------------------------------------------------------------------------------------
    def appeal(ruling, status, outcome=None):
        db.session.add(Appeal(ruling_id=ruling.id, merchant_id=m1.id, status=status, outcome=outcome,
                              deadline_at=ruling.decided_at + timedelta(days=7),
                              decided_at=ruling.decided_at + timedelta(days=1) if outcome else None))

    appeal(d.d0, AppealStatus.decided, AppealOutcome.overturned)
    appeal(d.d1, AppealStatus.decided, AppealOutcome.upheld)
    appeal(d.d2, AppealStatus.decided, AppealOutcome.overturned)
    appeal(d.d3, AppealStatus.decided, AppealOutcome.reduced)
    appeal(d.d5, AppealStatus.submitted)
    appeal(d.d6, AppealStatus.decided, AppealOutcome.reduced)
    appeal(d.d12, AppealStatus.draft)
    appeal(d.d9, AppealStatus.awaiting_evidence)  # cannot happen (no penalty): it must not create a ruling

    # -- detector flags ----------------------------------------------------------------------------------
    conv_id = db.session.get(Case, d.d1.case_id).conversation_id

    def flag(rule, term, status, *, detector="lexicon", source=FlagSource.detector, created=None):
        db.session.add(Flag(conversation_id=conv_id, source=source, rule_code=rule, detector=detector,
                            term=term, status=status, created_at=created or at(9, 9)))

    flag(A, "微信", FlagStatus.confirmed)
    flag(A, "微信", FlagStatus.confirmed, created=at(4, 0, 1))
    flag(A, "微信", FlagStatus.dismissed)
    flag(A, "vx", FlagStatus.confirmed)
    flag(A, None, FlagStatus.inconclusive, detector="phone")
    flag(A, "微信", FlagStatus.open)
    flag(B, "加群", FlagStatus.confirmed)
    flag(B, "加群", FlagStatus.dismissed)
    flag(B, None, FlagStatus.dismissed, detector="reply_time")
    flag(A, "+86", FlagStatus.dismissed)
    flag(A, "微信", FlagStatus.confirmed, source=FlagSource.report)      # a customer's report
    flag(A, "微信", FlagStatus.confirmed, created=at(3, 23, 59))         # before the 7-day period

    # -- ledger ------------------------------------------------------------------------------------------
    def entry(when, kind, merchant=m1, reverses=None, ends=None, **fields) -> LedgerEntry:
        e = LedgerEntry(merchant_id=merchant.id, kind=kind, created_at=when,
                        effective_at=reverses.effective_at if reverses else when,
                        ends_at=ends, reverses_id=reverses and reverses.id, **fields)
        db.session.add(e)
        db.session.flush()
        return e

    week = timedelta(days=7)
    entry(at(3, 23, 50), EntryKind.integrity_points, integrity_delta=-4)              # before the period
    e1 = entry(at(4, 10), EntryKind.integrity_points, integrity_delta=-12)
    e2 = entry(at(4, 11), EntryKind.deposit_deduction, deposit_delta=Decimal("-500.00"),
               requested=Decimal("500"))
    e3 = entry(at(5, 9), EntryKind.business_restriction, ends=at(5, 9) + week)
    e4 = entry(at(5, 9), EntryKind.removal)
    entry(at(6, 9), EntryKind.opening, merchant=m2, deposit_delta=Decimal("3000.00"))  # not a measure
    entry(at(6, 10), EntryKind.deposit_topup, deposit_delta=Decimal("1000.00"))       # not a measure
    e5 = entry(at(8, 23, 30), EntryKind.integrity_points, integrity_delta=-6)
    entry(at(9, 0, 30), EntryKind.integrity_points, reverses=e1, integrity_delta=12)   # same UTC date as e5
    entry(at(9, 10), EntryKind.deposit_deduction, reverses=e2, deposit_delta=Decimal("500.00"))
    entry(at(9, 10), EntryKind.business_restriction, reverses=e3, ends=at(9, 10))
    entry(at(9, 10), EntryKind.removal, reverses=e4, ends=at(9, 10))
    e10 = entry(at(10, 8), EntryKind.search_demotion, is_provisional=True)
    entry(at(10, 8), EntryKind.mute, ends=at(10, 8) + timedelta(days=1))
    e12 = entry(at(10, 9), EntryKind.violation_points, merchant=m2, violation_delta=Decimal("6"),
                track="general")
    entry(at(10, 9, 30), EntryKind.deposit_deduction, deposit_delta=Decimal("-250.50"),
          requested=Decimal("300"), shortfall=Decimal("49.50"))
    entry(at(10, 10), EntryKind.integrity_points, reverses=e5, integrity_delta=3)      # reduced: 3 of 6 back
    entry(at(10, 10), EntryKind.consumer_compensation, compensation=Decimal("100.00"))  # not counted
    entry(at(10, 11), EntryKind.search_demotion, reverses=e10, ends=at(10, 11))
    entry(at(10, 11, 30), EntryKind.violation_points, merchant=m2, reverses=e12,
          violation_delta=Decimal("-1.5"), track="general")
    entry(at(10, 11, 45), EntryKind.warning)                                          # not counted
    db.session.commit()
    return SimpleNamespace(decisions=d, users=SimpleNamespace(alice=alice, bob=bob, carol=carol, boss=boss))
