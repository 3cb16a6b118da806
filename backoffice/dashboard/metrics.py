"""The numbers behind the managers' dashboard; each returns rows that a chart and a CSV share.

Every count is computed in the database (the platform day of a row is found with a CASE over the
period's day boundaries, which is exact in any time zone and portable to SQLite and PostgreSQL), so
the cost does not grow with Python loops over rows. The definitions are explained on the page
(``templates/dashboard/_definitions.html``); keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus
from backoffice.cases.claims import claimable
from backoffice.cases.models import (
    OPEN_STATUSES,
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
from backoffice.db import db, utcnow
from backoffice.ledger.models import WINDOW_KINDS, EntryKind, LedgerEntry
from backoffice.timeutil import platform_day_bounds, to_platform_tz

PERIODS = (7, 30, 90)
#: Where flags no learned model scored are counted in precision by model version.
RULES_ONLY = "rules only"
DEFAULT_PERIOD = 30
#: Shown where a row has no rule (an unclassified report) or no account (a decision made from the CLI).
NONE = "—"

#: (upper limit of the age in hours, exclusive; label). Ages are counted from ``Case.opened_at``.
AGE_BUCKETS = ((1, "<1h"), (4, "1–4h"), (24, "4–24h"), (72, "1–3d"), (None, ">3d"))
#: Measures that limit what a merchant may do for a time; a removal (清退) is counted on its own.
RESTRICTION_KINDS = tuple(sorted(WINDOW_KINDS - {EntryKind.removal}))
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Period:
    """The last ``len(days)`` platform days, today included: [start, end) in UTC."""

    days: tuple[date, ...]
    #: UTC end (exclusive) of each day; the start of the first day is ``start``.
    ends: tuple[datetime, ...]
    start: datetime

    @property
    def end(self) -> datetime:
        return self.ends[-1]

    def labels(self) -> list[str]:
        return [d.isoformat() for d in self.days]


def period(days: int, now: datetime | None = None) -> Period:
    today = to_platform_tz(now or utcnow()).date()
    first = today - timedelta(days=days - 1)
    span = tuple(first + timedelta(days=i) for i in range(days))
    return Period(span, tuple(platform_day_bounds(d)[1] for d in span), platform_day_bounds(first)[0])


def _day_index(column, p: Period):
    """The index in ``p.days`` of the platform day a timestamp falls on (rows already in the period)."""
    return sa.case(*((column < end, i) for i, end in enumerate(p.ends[:-1])), else_=len(p.days) - 1)


def _within(column, p: Period):
    return sa.and_(column >= p.start, column < p.end)


# -- queue health -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueHealth:
    open: int
    unclaimed: int
    overdue: int
    #: (status, cases, unclaimed, overdue) for each open status, in queue order.
    by_status: list[tuple[str, int, int, int]]
    #: (age bucket label, cases).
    ages: list[tuple[str, int]]
    #: Appeals with the reviewers (submitted), and those of them past their decision deadline.
    appeals: int = 0
    appeals_overdue: int = 0


def queue_health(now: datetime | None = None) -> QueueHealth:
    """Open cases by status and age, as of ``now``: one grouped query, whatever the backlog's size; and
    the appeals waiting for a decision, with those past their decision deadline (one more query)."""
    now = now or utcnow()
    # Nobody holds it: waiting in the queue, a claim whose lease ran out, or escalated and not yet
    # taken by a senior reviewer. Cases on hold keep their holder; those awaiting approval wait for a manager.
    unclaimed = sa.or_(claimable(now), Case.status == CaseStatus.escalated)
    overdue = Case.sla_due_at < now
    buckets, lower = [], None
    for limit, _ in AGE_BUCKETS:
        older_than_lower = Case.opened_at <= now - timedelta(hours=lower) if lower is not None else sa.true()
        younger = Case.opened_at > now - timedelta(hours=limit) if limit is not None else sa.true()
        buckets.append(sa.func.count(sa.case((sa.and_(older_than_lower, younger), 1))))
        lower = limit
    rows = db.session.execute(
        sa.select(Case.status, sa.func.count(), sa.func.count(sa.case((unclaimed, 1))),
                  sa.func.count(sa.case((overdue, 1))), *buckets)
        .where(Case.status.in_(OPEN_STATUSES)).group_by(Case.status)).all()
    found = {row[0]: row[1:] for row in rows}
    order = [s for s in CaseStatus if s in OPEN_STATUSES]
    by_status = [(s.value, *(found.get(s, (0, 0, 0)))[:3]) for s in order]
    ages = [(label, sum(row[3 + i] for row in found.values())) for i, (_, label) in enumerate(AGE_BUCKETS)]
    appeals, appeals_overdue = db.session.execute(
        sa.select(sa.func.count(), sa.func.count(sa.case((Appeal.decision_due_at < now, 1))))
        .where(Appeal.status == AppealStatus.submitted)).one()
    return QueueHealth(open=sum(r[1] for r in by_status), unclaimed=sum(r[2] for r in by_status),
                       overdue=sum(r[3] for r in by_status), by_status=by_status, ages=ages,
                       appeals=appeals, appeals_overdue=appeals_overdue)


# -- decisions ----------------------------------------------------------------------------------------

#: Decisions that took effect: a reviewer's verdict applied at once or after a manager's approval, and
#: bulk dismissals. Decisions still waiting for approval and refused ones are not counted.
_APPLIED = CaseDecision.status == DecisionStatus.applied


def reviewer_label():
    """How a reviewer is named in charts and CSV: 'display name (login)', or the login alone."""
    named = sa.func.coalesce(User.display_name, "") != ""
    return sa.case((named, User.display_name + " (" + User.login + ")"), else_=User.login)


def throughput(days: int = DEFAULT_PERIOD, now: datetime | None = None) -> list[tuple[str, str, int]]:
    """(platform day, reviewer, applied decisions), on the day the reviewer decided."""
    p = period(days, now)
    inner = (sa.select(_day_index(CaseDecision.decided_at, p).label("day"),
                       CaseDecision.decided_by_id.label("user_id"))
             .where(_APPLIED, _within(CaseDecision.decided_at, p)).subquery())
    label = reviewer_label()
    rows = db.session.execute(
        sa.select(inner.c.day, label, sa.func.count()).select_from(inner)
        .outerjoin(User, User.id == inner.c.user_id).group_by(inner.c.day, label))
    return sorted((p.days[day].isoformat(), login or NONE, n) for day, login, n in rows)


def decisions_by_rule(days: int = DEFAULT_PERIOD, now: datetime | None = None) -> list[tuple[str, str, int]]:
    """(rule, verdict, applied decisions) for decisions made in the period."""
    p = period(days, now)
    rows = db.session.execute(
        sa.select(CaseDecision.rule_code, CaseDecision.verdict, sa.func.count())
        .where(_APPLIED, _within(CaseDecision.decided_at, p))
        .group_by(CaseDecision.rule_code, CaseDecision.verdict))
    order = list(Verdict)
    return sorted(((rule or NONE, verdict.value, n) for rule, verdict, n in rows),
                  key=lambda r: (r[0], order.index(Verdict(r[1]))))


#: How a case was found, in the order the dashboard lists them (FlagSource values).
ORIGINS = ("detector", "report", "sweep", "merchant_report")


def cases_by_origin(days: int = DEFAULT_PERIOD, now: datetime | None = None) -> list[tuple[str, int]]:
    """(how the case was found, cases opened in the period): the detector, a customer's report, the
    reviewers' daily manual sweep (ZBJ "人工每天也会全部排查"), or a merchant's fraud report."""
    p = period(days, now)
    swept = sa.exists().where(Flag.case_id == Case.id, Flag.source == FlagSource.sweep)
    origin = sa.case((swept, "sweep"), (Case.kind == CaseKind.fraud_report, "merchant_report"),
                     (Case.has_detector.is_(True), "detector"), else_="report")
    inner = sa.select(origin.label("origin")).where(_within(Case.opened_at, p)).subquery()
    found = dict(db.session.execute(sa.select(inner.c.origin, sa.func.count()).group_by(inner.c.origin)).all())
    return [(o, found.get(o, 0)) for o in ORIGINS]


AppealRow = tuple[str, int, int, int, int, int, int, float, float | None]


def appeal_rates(by: str = "rule", days: int = DEFAULT_PERIOD,
                 now: datetime | None = None) -> list[AppealRow]:
    """(rule or reviewer, rulings, appeals, decided, upheld, reduced, overturned, appeal rate, overturn rate).

    Rulings are appealable ones (a violation with a penalty, applied) made in the period, under the
    reviewer who decided them. Appeals are those filed (drafts are not). The overturn rate is the share
    of decided appeals that went the merchant's way, fully (overturned) or partly (penalty reduced);
    appeals still under review are left out of it, and it is None while none is decided.
    """
    p = period(days, now)
    key = CaseDecision.rule_code if by == "rule" else reviewer_label()
    decided = Appeal.status == AppealStatus.decided

    def appeals(*conditions):
        # DISTINCT: a ruling has at most one appeal (unique ruling_id), but count each once regardless.
        return sa.func.count(sa.distinct(sa.case((sa.and_(*conditions), Appeal.id))))

    stmt = (sa.select(key, sa.func.count(sa.distinct(CaseDecision.id)), appeals(Appeal.id.is_not(None)),
                      appeals(decided), appeals(decided, Appeal.outcome == AppealOutcome.upheld),
                      appeals(decided, Appeal.outcome == AppealOutcome.reduced),
                      appeals(decided, Appeal.outcome == AppealOutcome.overturned))
            .select_from(CaseDecision)
            .outerjoin(Appeal, sa.and_(Appeal.ruling_id == CaseDecision.id,
                                       Appeal.status != AppealStatus.draft))
            .outerjoin(User, User.id == CaseDecision.decided_by_id)
            .where(_APPLIED, CaseDecision.verdict == Verdict.violation,
                   CaseDecision.penalty_decision_id.is_not(None),
                   _within(CaseDecision.decided_at, p))
            .group_by(key))
    out = []
    for name, rulings, filed, n_decided, upheld, reduced, overturned in db.session.execute(stmt):
        out.append((name or NONE, rulings, filed, n_decided, upheld, reduced, overturned,
                    _rate(filed, rulings), _rate(reduced + overturned, n_decided) if n_decided else None))
    return sorted(out)


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


# -- detector precision -------------------------------------------------------------------------------


def precision(by: str = "rule", days: int = DEFAULT_PERIOD,
              now: datetime | None = None) -> list[tuple[str, int, int, int, int, float | None]]:
    """(key, confirmed, dismissed, inconclusive, open, precision) of detector flags of the period.

    ``by`` is "rule", "term", "model_version" or "view" (the view of the text the hit was found in).
    Precision = confirmed / (confirmed + dismissed); None while no flag is judged either way. A flag whose
    ruling is overturned on appeal counts as dismissed. Flags without a lexicon term go under the
    detector's name (phone, reply_time, ...); flags no model scored under RULES_ONLY. Sorted from the
    least precise.
    """
    p = period(days, now)
    key = {"rule": Flag.rule_code, "term": sa.func.coalesce(Flag.term, Flag.detector),
           "model_version": sa.func.coalesce(Flag.model_version, RULES_ONLY), "view": Flag.view}[by]
    counts = [sa.func.count(sa.case((Flag.status == s, 1))) for s in
              (FlagStatus.confirmed, FlagStatus.dismissed, FlagStatus.inconclusive, FlagStatus.open)]
    rows = db.session.execute(
        sa.select(key, *counts).where(Flag.source == FlagSource.detector, _within(Flag.created_at, p))
        .group_by(key))
    out = []
    for name, confirmed, dismissed, inconclusive, still_open in rows:
        judged = confirmed + dismissed
        out.append((name or NONE, confirmed, dismissed, inconclusive, still_open,
                    round(confirmed / judged, 3) if judged else None))
    return sorted(out, key=lambda r: (r[5] is None, r[5] or 0.0, r[0]))


def term_examples(days: int = DEFAULT_PERIOD,
                  now: datetime | None = None) -> dict[str, tuple[str, str | None, str, str | None]]:
    """For each key of ``precision("term")``: (detector, term, view, one text it matched), from the detector
    and view that raised it most often in the period, so that the page can name it in words."""
    p = period(days, now)
    rows = db.session.execute(
        sa.select(Flag.detector, Flag.term, Flag.view, sa.func.count(), sa.func.min(Flag.matched))
        .where(Flag.source == FlagSource.detector, _within(Flag.created_at, p))
        .group_by(Flag.detector, Flag.term, Flag.view))
    best: dict[str, tuple[int, tuple[str, str | None, str, str | None]]] = {}
    for detector, term, view, n, example in rows:
        name = term or detector
        if name not in best or n > best[name][0]:
            best[name] = (n, (detector, term, view, example))
    return {name: found for name, (_n, found) in best.items()}


# -- measures -----------------------------------------------------------------------------------------

MEASURE_COLUMNS = (
    "integrity_points_deducted", "integrity_points_restored", "violation_points_charged",
    "violation_points_cancelled", "deposit_deducted", "deposit_refunded", "restrictions_imposed",
    "restrictions_lifted", "removals", "removals_reversed",
)


def measure_totals(days: int = DEFAULT_PERIOD, now: datetime | None = None) -> list[tuple]:
    """One row per platform day of the period (days without entries too), columns as MEASURE_COLUMNS.

    Counted on the day the ledger entry was written: a reversal (a refund, points given back, a lifted
    or shortened restriction) on the day it was made, not on the day of the measure it reverses.
    Provisional (automatic) measures count like the others. Opening balances and top-ups are not measures.
    Money is in yuan with two decimals; points are integers (integrity) or decimals (violation).
    """
    p = period(days, now)
    e = LedgerEntry

    def total(expr, condition):
        return sa.func.coalesce(sa.func.sum(sa.case((condition, expr), else_=0)), 0)

    def count(condition):
        return sa.func.count(sa.case((condition, 1)))

    inner = (sa.select(_day_index(e.created_at, p).label("day"), e.kind, e.integrity_delta, e.violation_delta,
                       e.deposit_delta, e.reverses_id)
             .where(_within(e.created_at, p), e.kind.not_in([EntryKind.opening, EntryKind.deposit_topup]))
             .subquery())
    c = inner.c
    stmt = sa.select(
        c.day,
        total(-c.integrity_delta, c.integrity_delta < 0), total(c.integrity_delta, c.integrity_delta > 0),
        total(c.violation_delta, c.violation_delta > 0), total(-c.violation_delta, c.violation_delta < 0),
        total(-c.deposit_delta, c.deposit_delta < 0), total(c.deposit_delta, c.deposit_delta > 0),
        count(sa.and_(c.kind.in_(RESTRICTION_KINDS), c.reverses_id.is_(None))),
        count(sa.and_(c.kind.in_(RESTRICTION_KINDS), c.reverses_id.is_not(None))),
        count(sa.and_(c.kind == EntryKind.removal, c.reverses_id.is_(None))),
        count(sa.and_(c.kind == EntryKind.removal, c.reverses_id.is_not(None))),
    ).group_by(c.day)
    found = {row[0]: row[1:] for row in db.session.execute(stmt)}
    out = []
    for i, day in enumerate(p.days):
        v = found.get(i, (0,) * len(MEASURE_COLUMNS))
        out.append((day.isoformat(), int(v[0]), int(v[1]), format_points(v[2]), format_points(v[3]),
                    format_money(v[4]), format_money(v[5]), *map(int, v[6:])))
    return out


def format_money(value) -> str:
    # SQLite sums NUMERIC as floating point: round back to cents (exact far beyond any real total).
    return str(Decimal(str(value)).quantize(CENT))


def format_points(value) -> str:
    text = f"{Decimal(str(value)).quantize(CENT):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
