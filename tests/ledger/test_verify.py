"""`flask ledger verify` replays the ledgers; the ledger table itself is append-only."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.extensions import db
from backoffice.ledger.models import LedgerEntry, MerchantBalance
from backoffice.ledger.operations import LedgerError, lock_balance, open_account, top_up
from backoffice.ledger.verify import verify_all
from backoffice.penalties import operations as penalties

from .conftest import ACTOR, D


@pytest.fixture
def busy_ledger(make_merchant, impose, t0):
    """Two merchants with decisions, a reduction, an overturn and a top-up."""
    zbj = make_merchant("shop-zbj")
    first = impose(zbj, "zbj.offsite_contact", "serious", at=t0)
    penalties.reduce(ACTOR, first, severity="general", reason="r", at=t0 + timedelta(days=1))
    top_up(zbj, D("250.50"), "top-up")
    tb = make_merchant("shop-tb", platform="taobao")
    penalties.overturn(
        ACTOR,
        impose(tb, "taobao.malicious_harassment", params={"complaint_upheld": True}, at=t0),
        "appeal",
        at=t0 + timedelta(hours=2),
    )
    db.session.commit()
    return zbj, tb


def test_verify_passes_on_a_consistent_ledger(busy_ledger, runner):
    result = runner.invoke(args=["ledger", "verify"])
    assert result.exit_code == 0, result.output
    assert "Ledgers consistent: 2 merchants replayed." in result.output


def test_verify_reports_a_tampered_running_balance(busy_ledger, runner):
    zbj, _ = busy_ledger
    db.session.execute(
        sa.text("UPDATE merchant_balances SET deposit_balance = 9999.99 WHERE merchant_id = :m"),
        {"m": zbj.id},
    )
    db.session.commit()
    result = runner.invoke(args=["ledger", "verify"])
    assert result.exit_code == 1
    assert "shop-zbj: deposit balance 9999.99 but the ledger gives 5250.50" in result.stderr
    assert "shop-tb" not in result.stderr
    assert "1 mismatch(es) in 2 merchants" in result.stderr


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        (
            "UPDATE merchant_balances SET integrity_points = 100 WHERE merchant_id = :m",
            "integrity points 100 but the ledger gives 60",
        ),
        (
            "UPDATE merchant_balances SET entry_count = entry_count + 1 WHERE merchant_id = :m",
            "entries counted",
        ),
        ("DELETE FROM merchant_balances WHERE merchant_id = :m", "running totals are missing"),
    ],
)
def test_verify_names_each_kind_of_mismatch(busy_ledger, sql, problem):
    zbj, _ = busy_ledger
    db.session.execute(sa.text(sql), {"m": zbj.id})
    db.session.commit()
    _, mismatches = verify_all()
    assert [m.merchant for m in mismatches] == ["shop-zbj"]
    assert problem in mismatches[0].problem


def test_verify_catches_an_entry_written_behind_the_totals(busy_ledger, t0):
    _, tb = busy_ledger
    db.session.execute(
        sa.text(
            "INSERT INTO ledger_entries (merchant_id, kind, created_at, effective_at, deposit_delta,"
            " is_provisional, reason) VALUES (:m, 'deposit_deduction', :t, :t, -20000, false, 'forged')"
        ),
        {"m": tb.id, "t": t0.replace(tzinfo=None) if db.engine.dialect.name == "sqlite" else t0},
    )
    db.session.commit()
    problems = [m.problem for m in verify_all()[1]]
    assert any("below zero" in p for p in problems)
    assert any("deposit balance 10000.00 but the ledger gives -10000.00" in p for p in problems)
    assert any("entries counted" in p for p in problems)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE ledger_entries SET integrity_delta = 0",
        "UPDATE ledger_entries SET reason = 'edited' WHERE id = (SELECT min(id) FROM ledger_entries)",
        "DELETE FROM ledger_entries",
    ],
)
def test_ledger_entries_refuse_raw_changes(busy_ledger, count_rows, sql):
    before = count_rows(LedgerEntry)
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.execute(sa.text(sql))
    db.session.rollback()
    assert count_rows(LedgerEntry) == before
    assert verify_all()[1] == []


def test_post_refuses_to_drive_the_deposit_negative(make_merchant):
    from backoffice.ledger.models import EntryKind
    from backoffice.ledger.operations import post

    merchant = make_merchant(deposit="100.00")
    with pytest.raises(LedgerError, match="below zero"):
        post(lock_balance(merchant), EntryKind.deposit_deduction, deposit_delta=D("-100.01"))
    db.session.rollback()
    assert db.session.get(MerchantBalance, merchant.id).deposit_balance == D(100)


def test_account_opens_once_and_top_ups_are_positive(make_merchant):
    merchant = make_merchant()
    with pytest.raises(LedgerError, match="already has a ledger"):
        open_account(merchant, D(5), 100)
    for amount in (D(0), D(-5)):
        with pytest.raises(LedgerError, match="positive"):
            top_up(merchant, amount, "x")
    db.session.rollback()
    assert verify_all()[1] == []
