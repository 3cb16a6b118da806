"""A replay changes nothing: every table's rows and the ledger are the same after the page and the command."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.extensions import db
from backoffice.ledger.models import LedgerEntry, MerchantBalance
from backoffice.penalties.models import PenaltyDecision
from backoffice.whatif.queries import read_only_connection

from .conftest import SINCE, UNTIL, at
from .test_replay import HARSHER, WINDOWED


def snapshot() -> dict:
    db.session.expire_all()
    counts = {t.name: db.session.scalar(sa.select(sa.func.count()).select_from(t))
              for t in db.metadata.sorted_tables}
    ledger = [(e.id, e.kind.value, e.deposit_delta, e.integrity_delta, e.ends_at, e.reverses_id)
              for e in db.session.scalars(sa.select(LedgerEntry).order_by(LedgerEntry.id))]
    balances = [(b.merchant_id, b.deposit_balance, b.integrity_points, b.entry_count)
                for b in db.session.scalars(sa.select(MerchantBalance).order_by(MerchantBalance.merchant_id))]
    decisions = [(d.id, d.state.value, d.offence_no, d.plan)
                 for d in db.session.scalars(sa.select(PenaltyDecision).order_by(PenaltyDecision.id))]
    db.session.rollback()
    return {"counts": counts, "ledger": ledger, "balances": balances, "decisions": decisions}


@pytest.fixture
def world(make_merchant, impose, overturn, reduce):
    a, b = make_merchant("m-a"), make_merchant("m-b")
    impose(a, when=at(1, 20))
    impose(a, when=at(3, 10))
    first = impose(b, when=at(3, 3))
    reduce(first, at(3, 4), drop=["business_restriction"])
    overturn(impose(b, "zbj.ads_spam", when=at(3, 5)), at(3, 6))


def test_the_page_the_download_and_the_command_change_nothing(world, make_user, login, client, runner,
                                                              tmp_path):
    make_user("manager", login="boss")
    login("boss")
    before = snapshot()
    assert sum(before["counts"].values()) > 0
    assert before["ledger"]
    for text in (HARSHER, WINDOWED):
        for button in ("run", "csv"):
            response = client.post("/whatif", data={"pack": text, "since": str(SINCE), "until": str(UNTIL),
                                                    button: "1"}, content_type="multipart/form-data")
            assert response.status_code == 200
    pack = tmp_path / "windowed.yaml"
    pack.write_text(WINDOWED, encoding="utf-8")
    result = runner.invoke(args=["rules", "whatif", str(pack), "--since", str(SINCE), "--until", str(UNTIL)])
    assert result.exit_code == 0, result.output
    assert snapshot() == before


def test_the_replay_reads_on_a_connection_that_refuses_writes(app, make_merchant):
    merchant = make_merchant("m-ro")
    with read_only_connection() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(MerchantBalance)).scalar() == 1
        with pytest.raises(sa.exc.DBAPIError):
            conn.execute(sa.update(MerchantBalance).values(entry_count=99)
                         .where(MerchantBalance.merchant_id == merchant.id))
    # the same pooled connection serves writes again afterwards (the read-only switch does not leak)
    db.session.execute(sa.update(MerchantBalance).values(entry_count=MerchantBalance.entry_count)
                       .where(MerchantBalance.merchant_id == merchant.id))
    db.session.commit()
    assert db.session.get(MerchantBalance, merchant.id).entry_count >= 1
