"""The numbers behind the managers' dashboard; each returns rows that a chart and a CSV share."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus
from backoffice.cases.models import OPEN_STATUSES, Case, CaseStatus, Flag, FlagStatus
from backoffice.db import db, utcnow
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.review.models import CaseDecision, DecisionStatus
from backoffice.timeutil import platform_tz

AGE_BUCKETS = ((1, "<1h"), (4, "1–4h"), (24, "4–24h"), (72, "1–3d"), (None, ">3d"))


def queue_health(now: datetime | None = None) -> dict:
    now = now or utcnow()
    open_cases = sa.select(Case).where(Case.status.in_(OPEN_STATUSES)).subquery()
    total = db.session.scalar(sa.select(sa.func.count()).select_from(open_cases)) or 0
    unclaimed = db.session.scalar(sa.select(sa.func.count()).select_from(Case).where(
        Case.status == CaseStatus.open)) or 0
    overdue = db.session.scalar(sa.select(sa.func.count()).select_from(Case).where(
        Case.status.in_(OPEN_STATUSES), Case.sla_due_at < now)) or 0
    ages = [0] * len(AGE_BUCKETS)
    for (opened,) in db.session.execute(sa.select(Case.opened_at).where(Case.status.in_(OPEN_STATUSES))):
        hours = (now - opened).total_seconds() / 3600
        for i, (limit, _) in enumerate(AGE_BUCKETS):
            if limit is None or hours < limit:
                ages[i] += 1
                break
    return {"open": total, "unclaimed": unclaimed, "overdue": overdue,
            "ages": [(label, n) for (_, label), n in zip(AGE_BUCKETS, ages, strict=True)]}


def _day(value: datetime) -> str:
    return value.astimezone(platform_tz()).strftime("%Y-%m-%d")


def throughput(days: int = 14, now: datetime | None = None) -> list[tuple[str, str, int]]:
    """(platform day, reviewer, decisions) for the last ``days`` days."""
    since = (now or utcnow()) - timedelta(days=days)
    rows = db.session.execute(
        sa.select(CaseDecision.decided_at, User.login).join(User, User.id == CaseDecision.decided_by_id)
        .where(CaseDecision.decided_at >= since))
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for decided_at, login in rows:
        counts[(_day(decided_at), login)] += 1
    return sorted((day, login, n) for (day, login), n in counts.items())


def decisions_by_rule() -> list[tuple[str, str, int]]:
    rows = db.session.execute(
        sa.select(CaseDecision.rule_code, CaseDecision.verdict, sa.func.count())
        .where(CaseDecision.status == DecisionStatus.applied)
        .group_by(CaseDecision.rule_code, CaseDecision.verdict))
    return sorted(((rule or "—", verdict.value, n) for rule, verdict, n in rows), key=lambda r: (r[0], r[1]))


def appeal_rates(by: str = "rule") -> list[tuple[str, int, int, int, float, float]]:
    """(rule or reviewer, rulings, appeals, overturned, appeal rate, overturn rate)."""
    key = CaseDecision.rule_code if by == "rule" else User.login
    stmt = (sa.select(key, sa.func.count(CaseDecision.id), sa.func.count(Appeal.id),
                      sa.func.count(sa.case((Appeal.outcome == AppealOutcome.overturned, 1))))
            .select_from(CaseDecision)
            .outerjoin(Appeal, sa.and_(Appeal.ruling_id == CaseDecision.id, Appeal.status != AppealStatus.draft))
            .where(CaseDecision.verdict == "violation", CaseDecision.status == DecisionStatus.applied)
            .group_by(key))
    if by != "rule":
        stmt = stmt.join(User, User.id == CaseDecision.decided_by_id)
    out = []
    for name, rulings, appeals, overturned in db.session.execute(stmt):
        out.append((name or "—", rulings, appeals, overturned,
                    round(appeals / rulings, 3) if rulings else 0.0,
                    round(overturned / appeals, 3) if appeals else 0.0))
    return sorted(out)


def precision(by: str = "rule") -> list[tuple[str, int, int, float]]:
    """(rule or detector term, confirmed flags, dismissed flags, precision) for detector flags."""
    key = Flag.rule_code if by == "rule" else sa.func.coalesce(Flag.term, Flag.detector)
    rows = db.session.execute(
        sa.select(key, sa.func.count(sa.case((Flag.status == FlagStatus.confirmed, 1))),
                  sa.func.count(sa.case((Flag.status == FlagStatus.dismissed, 1))))
        .where(Flag.source == "detector").group_by(key))
    out = []
    for name, confirmed, dismissed in rows:
        judged = confirmed + dismissed
        if judged:
            out.append((name or "—", confirmed, dismissed, round(confirmed / judged, 3)))
    return sorted(out, key=lambda r: (r[3], r[0]))


def measure_totals(days: int = 30, now: datetime | None = None) -> list[tuple[str, int, int, str, str, int, int]]:
    """Per platform day: (day, integrity points deducted, points restored, deposit deducted, refunded,
    restrictions, removals)."""
    since = (now or utcnow()) - timedelta(days=days)
    rows = db.session.execute(sa.select(LedgerEntry).where(
        LedgerEntry.created_at >= since, LedgerEntry.kind.not_in([EntryKind.opening, EntryKind.deposit_topup])))
    acc: dict[str, list] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for (e,) in rows:
        a = acc[_day(e.created_at)]
        if e.integrity_delta:
            a[0 if e.integrity_delta < 0 else 1] += abs(e.integrity_delta)
        if e.deposit_delta:
            a[2 if e.deposit_delta < 0 else 3] += abs(e.deposit_delta)
        if e.reverses_id is None and e.kind is EntryKind.business_restriction:
            a[4] += 1
        if e.reverses_id is None and e.kind is EntryKind.removal:
            a[5] += 1
    return [(day, a[0], a[1], f"{a[2]:.2f}", f"{a[3]:.2f}", a[4], a[5]) for day, a in sorted(acc.items())]
