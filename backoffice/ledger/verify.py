"""Replay every merchant's ledger and compare it with the running totals and invariants."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from backoffice.db import db
from backoffice.ledger.models import LedgerEntry, MerchantBalance
from backoffice.ledger.operations import remaining_effects
from backoffice.merchants.models import Merchant


@dataclass(frozen=True)
class Mismatch:
    merchant: str
    problem: str


def verify_merchant(merchant: Merchant, entries: list[LedgerEntry], balance: MerchantBalance | None) -> list[str]:
    problems = []
    deposit, integrity = Decimal("0"), None
    for e in entries:
        if e.deposit_delta is not None:
            deposit += e.deposit_delta
            if deposit < 0:
                problems.append(f"entry {e.id} drives the deposit below zero ({deposit})")
        if e.integrity_delta is not None:
            integrity = (integrity or 0) + e.integrity_delta
        if e.ends_at is not None and e.ends_at < e.effective_at:
            problems.append(f"entry {e.id} ends before it starts")
    for rest in remaining_effects(entries).values():
        original = rest.entry
        if rest.quantity is not None and original is not None:
            first = next(getattr(original, f) for f in ("integrity_delta", "violation_delta",
                                                        "deposit_delta", "compensation")
                         if getattr(original, f) is not None)
            if rest.quantity and (rest.quantity > 0) != (first > 0):
                problems.append(f"entry {original.id} is reversed by more than its amount")
    if entries and balance is None:
        problems.append("running totals are missing")
    if balance is not None:
        if balance.deposit_balance != deposit:
            problems.append(f"deposit balance {balance.deposit_balance} but the ledger gives {deposit}")
        if balance.integrity_points != integrity:
            problems.append(f"integrity points {balance.integrity_points} but the ledger gives {integrity}")
        if balance.entry_count != len(entries):
            problems.append(f"{balance.entry_count} entries counted but {len(entries)} recorded")
    return problems


def verify_all() -> tuple[int, list[Mismatch]]:
    """Return the number of merchants checked and every mismatch found."""
    mismatches: list[Mismatch] = []
    count = 0
    for merchant in db.session.scalars(sa.select(Merchant).order_by(Merchant.id)):
        count += 1
        entries = list(db.session.scalars(
            sa.select(LedgerEntry).filter_by(merchant_id=merchant.id).order_by(LedgerEntry.id)))
        balance = db.session.get(MerchantBalance, merchant.id)
        mismatches += [Mismatch(merchant.external_id, p) for p in verify_merchant(merchant, entries, balance)]
    return count, mismatches
