"""Read what a replay needs, on a connection of its own that can only read and is always rolled back."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from itertools import accumulate

import sqlalchemy as sa

from backoffice.cases.models import CaseDecision
from backoffice.db import db
from backoffice.ledger.models import LedgerEntry
from backoffice.merchants.models import Merchant, Platform
from backoffice.penalties.models import PenaltyDecision
from backoffice.whatif.replay import ZERO, DecisionRecord

PD = PenaltyDecision


@contextmanager
def read_only_connection() -> Iterator[sa.Connection]:
    """A connection whose transaction refuses writes (PostgreSQL READ ONLY, SQLite query_only)."""
    with db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        conn.exec_driver_sql("PRAGMA query_only = ON" if sqlite else "SET TRANSACTION READ ONLY")
        try:
            yield conn
        finally:
            conn.rollback()
            if sqlite:  # a connection-wide setting: reset it before the pool hands the connection out again
                conn.exec_driver_sql("PRAGMA query_only = OFF")
                conn.rollback()


def count_in_period(conn: sa.Connection, platform: str, since: datetime, until: datetime) -> int:
    stmt = (sa.select(sa.func.count()).select_from(PD).join(Merchant, Merchant.id == PD.merchant_id)
            .where(Merchant.platform == Platform(platform), PD.decided_at >= since, PD.decided_at < until))
    return conn.scalar(stmt)


def load_records(conn: sa.Connection, platform: str, since: datetime,
                 until: datetime) -> list[DecisionRecord]:
    """The platform's decisions before ``until``; those from ``since`` on carry what replaying needs."""
    on_platform = sa.select(PD).join(Merchant, Merchant.id == PD.merchant_id).where(
        Merchant.platform == Platform(platform))
    in_period = on_platform.where(PD.decided_at >= since, PD.decided_at < until)
    # Earlier decisions matter only as the offence history of the merchants replayed.
    history = conn.execute(
        sa.select(PD.id, PD.merchant_id, PD.rule_code, PD.decided_at, PD.state, PD.ended_at, PD.supersedes_id)
        .where(PD.merchant_id.in_(in_period.with_only_columns(PD.merchant_id).distinct()),
               PD.decided_at < since))
    records = [DecisionRecord(id=r.id, merchant_id=r.merchant_id, rule_code=r.rule_code,
                              decided_at=r.decided_at, state=r.state.value, ended_at=r.ended_at,
                              supersedes_id=r.supersedes_id)
               for r in history]
    ids = in_period.with_only_columns(PD.id)
    rows = list(conn.execute(
        sa.select(PD.id, PD.merchant_id, PD.rule_code, PD.decided_at, PD.state, PD.ended_at, PD.supersedes_id,
                  PD.severity, PD.offence_no, PD.ruleset_version, PD.plan, PD.is_correction,
                  Merchant.name, Merchant.external_id)
        .join(Merchant, Merchant.id == PD.merchant_id)
        .where(PD.id.in_(ids)).order_by(PD.id)))
    dropped = dict(conn.execute(sa.select(CaseDecision.penalty_decision_id, CaseDecision.dropped)
                                .where(CaseDecision.penalty_decision_id.in_(ids))).all())
    deposits = _Deposits(conn, in_period)
    supersedes = {r.id: r.supersedes_id for r in rows}
    for r in rows:
        chain = _predecessors(r.id, supersedes)
        root = chain[-1] if chain else r.id
        records.append(DecisionRecord(
            id=r.id, merchant_id=r.merchant_id, rule_code=r.rule_code, decided_at=r.decided_at,
            state=r.state.value, ended_at=r.ended_at, supersedes_id=r.supersedes_id, severity=r.severity,
            offence_no=r.offence_no, ruleset_version=r.ruleset_version, plan=r.plan,
            is_correction=r.is_correction,
            merchant_name=r.name, merchant_ref=r.external_id, dropped=frozenset(dropped.get(root) or ()),
            deposit_seen=deposits.seen_by(r.id, r.merchant_id, chain)))
    return records


def _predecessors(decision_id: int, supersedes: dict[int, int | None]) -> list[int]:
    """The decisions a successor replaced, nearest first (a chain's members share its decision time)."""
    chain, current = [], supersedes.get(decision_id)
    while current is not None:
        chain.append(current)
        current = supersedes.get(current)
    return chain


class _Deposits:
    """The deposit balance each decision was computed against, derived from the ledger as
    ``penalties.impose`` and ``penalties.reduce`` derive it: entries are numbered in the order they
    were recorded, so "the balance then" is the sum of the deposit moves recorded before the
    decision's first entry.
    """

    def __init__(self, conn: sa.Connection, in_period: sa.Select) -> None:
        merchants = in_period.with_only_columns(PD.merchant_id).distinct()
        moves = conn.execute(sa.select(LedgerEntry.id, LedgerEntry.merchant_id, LedgerEntry.decision_id,
                                       LedgerEntry.deposit_delta)
                             .where(LedgerEntry.merchant_id.in_(merchants),
                                    LedgerEntry.deposit_delta.is_not(None))
                             .order_by(LedgerEntry.id))
        self.moves: dict[int, list[tuple[int, int | None, Decimal]]] = defaultdict(list)
        for entry_id, merchant_id, decision_id, delta in moves:
            self.moves[merchant_id].append((entry_id, decision_id, delta))
        self.ids = {k: [e for e, _, _ in v] for k, v in self.moves.items()}
        self.sums = {k: [ZERO, *accumulate(d for _, _, d in v)] for k, v in self.moves.items()}
        firsts = conn.execute(
            sa.select(LedgerEntry.decision_id, PD.merchant_id, sa.func.min(LedgerEntry.id),
                      sa.func.min(sa.case((LedgerEntry.reverses_id.is_(None), LedgerEntry.id))))
            .join(PD, PD.id == LedgerEntry.decision_id)
            .where(LedgerEntry.decision_id.in_(in_period.with_only_columns(PD.id)))
            .group_by(LedgerEntry.decision_id, PD.merchant_id))
        self.first: dict[int, int] = {}
        self.first_original: dict[int, int] = {}
        self.known: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for decision_id, merchant_id, first, first_original in firsts:
            self.first[decision_id] = first
            if first_original is not None:
                self.first_original[decision_id] = first_original
            self.known[merchant_id].append((decision_id, first))
        for v in self.known.values():
            v.sort()

    def before(self, merchant_id: int, entry_id: int | None) -> Decimal:
        """The sum of the merchant's deposit moves recorded before ``entry_id`` (None: all of them)."""
        sums = self.sums.get(merchant_id, [ZERO])
        if entry_id is None:
            return sums[-1]
        return sums[bisect.bisect_left(self.ids.get(merchant_id, []), entry_id)]

    def _boundary(self, decision_id: int, merchant_id: int) -> int | None:
        if decision_id in self.first:
            return self.first[decision_id]
        # A decision that wrote nothing: take the first entry of a later decision of the merchant.
        later = [first for d, first in self.known.get(merchant_id, []) if d > decision_id]
        return min(later) if later else None

    def seen_by(self, decision_id: int, merchant_id: int, predecessors: list[int]) -> Decimal:
        boundary = self._boundary(decision_id, merchant_id)
        balance = self.before(merchant_id, boundary)
        if predecessors:
            # penalties.reduce: what is held now plus what the chain still holds, but never more than
            # the merchant had when the chain's first measures were recorded.
            chain = set(predecessors)
            held = -sum((d for e, dec, d in self.moves.get(merchant_id, [])
                         if dec in chain and (boundary is None or e < boundary)), ZERO)
            balance += held
            originals = [self.first_original[c] for c in predecessors if c in self.first_original]
            if originals:
                balance = min(balance, self.before(merchant_id, min(originals)))
        return max(balance, ZERO)
