"""Deposit top-ups at the same moment: every one counts exactly once, no update is lost."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from backoffice.extensions import db
from backoffice.ledger.models import EntryKind, LedgerEntry, MerchantBalance
from backoffice.ledger.verify import verify_all
from backoffice.merchants import operations as merchants
from backoffice.merchants.models import Merchant
from tests.builders import CLI
from tests.concurrency import race


@pytest.mark.postgres_only
def test_top_ups_at_the_same_moment_all_count_once(app, make_merchant):
    merchant_id = make_merchant("m-top", deposit="1000.00").id
    db.session.commit()
    amounts = [Decimal("100.00"), Decimal("250.50"), Decimal("0.50"), Decimal("1999.00")]

    outcomes = race(app, lambda i: merchants.top_up(CLI, db.session.get(Merchant, merchant_id), amounts[i],
                                                    f"充值 {i}"), n=len(amounts))
    assert outcomes == [None] * len(amounts)
    db.session.expire_all()
    balance = db.session.scalar(sa.select(MerchantBalance).filter_by(merchant_id=merchant_id))
    assert balance.deposit_balance == Decimal("1000.00") + sum(amounts)
    topups = db.session.scalars(sa.select(LedgerEntry.deposit_delta).filter_by(
        merchant_id=merchant_id, kind=EntryKind.deposit_topup)).all()
    assert sorted(topups) == sorted(amounts)
    assert verify_all()[1] == []
