"""Reads for the queue and the case page."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from backoffice.cases.models import (
    OPEN_STATUSES,
    Case,
    CaseDecision,
    CaseKind,
    CaseNote,
    CaseStatus,
    Flag,
    FlagSource,
    Report,
)
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db, utcnow
from backoffice.ledger.models import LedgerEntry
from backoffice.merchants.models import Merchant
from backoffice.penalties.models import PenaltyDecision

PAGE_SIZE = 50
ACTIVE = "active"  # pseudo-status: everything not closed


MAX_AGE_HOURS = 24 * 366 * 10  # "older than ten years": every case the queue can hold

@dataclass
class QueueFilter:
    status: str = ACTIVE
    platform: str | None = None
    rule: str | None = None
    category: str | None = None
    severity: str | None = None
    assignee: str | None = None  # "me", "none", or a user id
    merchant: str | None = None  # external id
    source: str | None = None  # a FlagSource value: detector / report / sweep / merchant_report
    older_than_hours: int | None = None  # at most MAX_AGE_HOURS; more is the same filter
    sort: str = "priority"  # or "age"
    after: str | None = None  # keyset cursor

    def conditions(self, user_id: int | None, *, with_status: bool = True) -> list:
        cond = []
        if with_status:
            if self.status == ACTIVE:
                cond.append(Case.status.in_(OPEN_STATUSES))
            elif self.status in CaseStatus.__members__:
                cond.append(Case.status == CaseStatus(self.status))
        if self.platform:
            cond.append(Case.platform == self.platform)
        if self.rule:
            cond.append(Case.rule_code == self.rule)
        if self.category:
            cond.append(Case.category == self.category)
        if self.severity:
            cond.append(Case.id.in_(sa.select(CaseDecision.case_id).where(CaseDecision.severity == self.severity)))
        if self.assignee == "me" and user_id:
            cond.append(Case.claimed_by_id == user_id)
        elif self.assignee == "none":
            cond.append(Case.claimed_by_id.is_(None))
        elif self.assignee and self.assignee.isdigit():
            cond.append(Case.claimed_by_id == int(self.assignee))
        if self.merchant:
            cond.append(Case.merchant_id.in_(sa.select(Merchant.id).where(Merchant.external_id == self.merchant)))
        # A merchant's fraud report counts as a report on the case (has_report), not a customer's one.
        if self.source == FlagSource.report:
            cond.append(sa.and_(Case.has_report.is_(True), Case.kind != CaseKind.fraud_report))
        elif self.source == FlagSource.merchant_report:
            cond.append(Case.kind == CaseKind.fraud_report)
        elif self.source == FlagSource.detector:
            cond.append(Case.has_detector.is_(True))
        elif self.source == FlagSource.sweep:
            cond.append(Case.id.in_(sa.select(Flag.case_id).where(Flag.source == FlagSource.sweep)))
        if self.older_than_hours:
            cond.append(Case.opened_at < utcnow() - timedelta(hours=min(self.older_than_hours, MAX_AGE_HOURS)))
        return cond

    def claim_conditions(self) -> tuple:
        """What narrows claim-next to this queue: every filter but status, assignee and severity, which
        say nothing about a case nobody holds yet (it is open or its lease lapsed, and undecided)."""
        return tuple(replace(self, status=ACTIVE, assignee=None, severity=None).conditions(None, with_status=False))


@dataclass
class QueuePage:
    cases: list[Case]
    next_cursor: str | None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def _cursor_condition(flt: QueueFilter):
    if not flt.after:
        return None
    try:
        parts = flt.after.split("~")
        if flt.sort == "age":
            opened, case_id = datetime.fromisoformat(parts[0]), int(parts[1])
            return sa.tuple_(Case.opened_at, Case.id) > sa.tuple_(sa.literal(opened), sa.literal(case_id))
        prio, opened, case_id = int(parts[0]), datetime.fromisoformat(parts[1]), int(parts[2])
    except (ValueError, IndexError):
        return None
    # priority descending, then oldest first, then id: the row after the cursor in that order. The
    # redundant ``priority <= prio`` is what lets the index scan start at the cursor's priority instead
    # of filtering every row above it (ix_cases_backlog, bench/review_bench.py).
    return sa.and_(Case.priority <= prio, sa.or_(
        Case.priority < prio,
        sa.and_(Case.priority == prio, sa.tuple_(Case.opened_at, Case.id) > sa.tuple_(sa.literal(opened),
                                                                                        sa.literal(case_id))),
    ))


def _cursor(case: Case, sort: str) -> str:
    if sort == "age":
        return f"{case.opened_at.isoformat()}~{case.id}"
    return f"{case.priority}~{case.opened_at.isoformat()}~{case.id}"


def queue_page(flt: QueueFilter, user_id: int | None) -> QueuePage:
    stmt = sa.select(Case).where(*flt.conditions(user_id)).options(
        sa.orm.joinedload(Case.merchant), sa.orm.joinedload(Case.claimed_by))
    after = _cursor_condition(flt)
    if after is not None:
        stmt = stmt.where(after)
    order = (Case.opened_at, Case.id) if flt.sort == "age" else (Case.priority.desc(), Case.opened_at, Case.id)
    rows = list(db.session.scalars(stmt.order_by(*order).limit(PAGE_SIZE + 1)).unique())
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return QueuePage(rows, _cursor(rows[-1], flt.sort) if more and rows else None, facet_counts(flt, user_id))


def sources_of(cases: list[Case]) -> dict[int, list[str]]:
    """How each case was found, as FlagSource values in their declared order (the queue's source column)."""
    found: dict[int, set[str]] = {c.id: set() for c in cases}
    if found:
        for case_id, source in db.session.execute(
                sa.select(Flag.case_id, Flag.source).where(Flag.case_id.in_(found)).distinct()):
            found[case_id].add(source.value)
    for case in cases:  # the case's own marks, for cases whose flags are not rows (bulk inserts)
        if case.has_detector:
            found[case.id].add(FlagSource.detector.value)
    return {case_id: [s.value for s in FlagSource if s.value in got] for case_id, got in found.items()}


COUNT_CACHE_KEY = "backoffice.queue_counts"
COUNT_TTL_SECONDS = 10


def facet_counts(flt: QueueFilter, user_id: int | None) -> dict[str, dict[str, int]]:
    """Counts per status, platform and category under the other filters (cached for a few seconds)."""
    # Owned by the application; shared by every reviewer unless the filter is about the viewer.
    cache: dict[tuple, tuple[float, dict]] = current_app.extensions.setdefault(COUNT_CACHE_KEY, {})
    key = (user_id if flt.assignee == "me" else None, flt.status, flt.platform, flt.rule, flt.category,
           flt.severity, flt.assignee, flt.merchant, flt.source, flt.older_than_hours)
    hit = cache.get(key)
    if hit and time.monotonic() - hit[0] < COUNT_TTL_SECONDS:
        return hit[1]
    base = flt.conditions(user_id, with_status=False)
    # One pass over the open backlog (an index-only scan of ix_cases_backlog) gives all three facets
    # when the status filter selects open cases, instead of three scans of the same rows.
    groups = db.session.execute(
        sa.select(Case.status, Case.platform, Case.category, sa.func.count())
        .where(*base, Case.status.in_(OPEN_STATUSES)).group_by(Case.status, Case.platform, Case.category)
    ).all()
    by_status: dict = {}
    for status, _platform, _category, n in groups:
        by_status[status] = by_status.get(status, 0) + n
    counts = {"status": {s.value: n for s, n in by_status.items()}, "platform": {}, "category": {}}
    if flt.status == ACTIVE or flt.status in {s.value for s in OPEN_STATUSES}:
        for status, platform, category, n in groups:
            if flt.status == ACTIVE or status == flt.status:
                counts["platform"][platform.value] = counts["platform"].get(platform.value, 0) + n
                counts["category"][category or "other"] = counts["category"].get(category or "other", 0) + n
    else:  # closed or unknown status: those rows are not in the pass above
        scoped = flt.conditions(user_id)
        counts["platform"] = {p.value: n for p, n in db.session.execute(
            sa.select(Case.platform, sa.func.count()).where(*scoped).group_by(Case.platform)).all()}
        counts["category"] = {(c or "other"): n for c, n in db.session.execute(
            sa.select(Case.category, sa.func.count()).where(*scoped).group_by(Case.category)).all()}
    counts["status"][ACTIVE] = sum(by_status.values())
    cache[key] = (time.monotonic(), counts)
    return counts


def case_messages(case: Case) -> list[Message]:
    return list(db.session.scalars(
        sa.select(Message).where(Message.conversation_id == case.conversation_id)
        .order_by(Message.sent_at, Message.id)))


def conversation_flags(case: Case) -> list[Flag]:
    return list(db.session.scalars(
        sa.select(Flag).where(Flag.conversation_id == case.conversation_id).order_by(Flag.id)))


def reports_of(case: Case) -> list[Report]:
    return list(db.session.scalars(
        sa.select(Report).where(Report.conversation_id == case.conversation_id).order_by(Report.reported_at)))


def prior_decisions(case: Case) -> list[PenaltyDecision]:
    return list(db.session.scalars(
        sa.select(PenaltyDecision).where(PenaltyDecision.merchant_id == case.merchant_id)
        .order_by(PenaltyDecision.decided_at.desc())))


def related_cases(case: Case) -> list[Case]:
    """Earlier cases between the same merchant and customer."""
    customer = case.conversation.customer_external_id
    return list(db.session.scalars(
        sa.select(Case).join(Conversation, Conversation.id == Case.conversation_id)
        .where(Case.merchant_id == case.merchant_id, Conversation.customer_external_id == customer,
               Case.id != case.id).order_by(Case.opened_at.desc()).limit(20)))


def automatic_entries(case: Case) -> list[LedgerEntry]:
    return list(db.session.scalars(
        sa.select(LedgerEntry).where(LedgerEntry.case_id == case.id).order_by(LedgerEntry.id)))


def decisions_of(case: Case) -> list[CaseDecision]:
    return list(db.session.scalars(
        sa.select(CaseDecision).where(CaseDecision.case_id == case.id).order_by(CaseDecision.id)))


def notes_of(case: Case) -> list[CaseNote]:
    return list(db.session.scalars(
        sa.select(CaseNote).where(CaseNote.case_id == case.id).order_by(CaseNote.id)))


def pending_approvals() -> list[CaseDecision]:
    return list(db.session.scalars(
        sa.select(CaseDecision).where(CaseDecision.status == "pending_approval").order_by(CaseDecision.decided_at)))


def timeline(case: Case) -> list[tuple]:
    """(event, the acting person's display name or None) for each audit event of the case, oldest first."""
    from backoffice.accounts.models import User
    from backoffice.audit.models import AuditEvent

    return list(db.session.execute(
        sa.select(AuditEvent, User.display_name).outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.subject_type == "case", AuditEvent.subject_id == str(case.id))
        .order_by(AuditEvent.id)).all())
