"""The summary kept by ingestion equals the figures counted straight from the messages (``reference.py``).

Conversations arrive through ``ingest`` as the platforms send them: in several batches, re-sent whole,
a reply in a later batch than its inquiry, around 8:00 and 23:00 (seed 001: "商家客服需要在每日8:00-23:00间,
对消费者的消息在3分钟内作出回复") and midnight, with inquiries still inside their 3 minutes at ``now``.
"""

from __future__ import annotations

import copy
from itertools import count

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from backoffice.audit.operations import Actor
from backoffice.dashboard.metrics import period
from backoffice.db import db
from backoffice.ingest.operations import ingest
from backoffice.merchants.models import Merchant
from backoffice.quality import figures, summary
from backoffice.quality.models import QualityDay
from tests.concurrency import run_concurrently
from tests.quality import reference
from tests.quality.conftest import NOW, after, at

ACTOR = Actor(None, "cli")
_shops = count(1)
#: Clock times around the boundaries the figures turn on: 8:00 and 23:00 service hours, midnight, now.
CLOCKS = ("07:58:30", "07:59:59", "08:00:00", "12:00:00", "21:57:00", "22:57:30", "22:59:59", "23:00:00",
          "23:58:00", "00:00:00")


def payload(shop: str, conversation: str, messages, reviews=(), reports=()) -> dict:
    """A pdd conversation; messages, reviews and reports given as (number, item) pairs."""
    return {
        "platform": "pdd", "external_id": conversation, "channel": "im",
        "merchant": {"external_id": shop, "name": f"店铺{shop}"}, "customer": {"external_id": "u", "name": "顾客"},
        "messages": [{"external_id": f"m{i}", "sender_role": "merchant" if who == "auto" else who,
                      "sent_at": moment.isoformat(), "text": "好的", "automated": who == "auto"}
                     for i, (who, moment) in messages],
        "reviews": [{"external_id": f"r{i}", "rating": rating, "reviewed_at": moment.isoformat()}
                    for i, (rating, moment) in reviews],
        "reports": [{"reporter_role": "customer", "reason": "other", "text": f"投诉{i}",
                     "reported_at": moment.isoformat()} for i, moment in reports],
    }


def both(merchant_id: int, now=NOW):
    p = period(7, now)
    return (figures.daily(p, merchant_id=merchant_id, now=now),
            reference.daily(p, merchant_id=merchant_id, now=now))


# Nothing after the period's last day: a reply the page's period cannot see is in neither count.
moments = st.builds(lambda day, clock, seconds: min(after(at(day, clock), seconds), at(10, "23:59:59")),
                    st.integers(7, 10), st.sampled_from(CLOCKS), st.integers(0, 400))
messages = st.lists(st.tuples(st.sampled_from(("customer", "customer", "merchant", "auto")), moments),
                    min_size=1, max_size=14)
conversation = st.tuples(
    messages,
    st.lists(st.tuples(st.sampled_from(("good", "neutral", "bad")), moments), max_size=2),
    st.lists(moments, max_size=2),
    # each batch: which messages, reviews and reports it carries (a batch may repeat earlier ones)
    st.lists(st.lists(st.booleans(), min_size=18, max_size=18), min_size=0, max_size=3),
)


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(conversations=st.lists(conversation, min_size=1, max_size=3),
       now=st.sampled_from([NOW, after(NOW, -100), at(10, "23:01"), at(11, "00:01")]))
def test_the_summary_kept_by_ingestion_equals_the_direct_count(app, conversations, now):
    shop = f"hq-{next(_shops)}"
    for n, (msgs, reviews, reports, batches) in enumerate(conversations):
        whole = list(enumerate(msgs))
        parts = [(list(whole), list(enumerate(reviews)), list(enumerate(reports)))]
        for pick in batches:  # earlier batches in a random split; the last one re-sends everything
            parts.insert(-1, ([m for m in whole if pick[m[0]]], [r for r in enumerate(reviews) if pick[14 + r[0]]],
                              [r for r in enumerate(reports) if pick[16 + r[0]]]))
        for sent, rated, reported in parts:  # each item keeps its number: the same id when re-sent
            ingest(ACTOR, payload(shop, f"{shop}-c{n}", sent, rated, reported), now=now)
        db.session.commit()
    merchant_id = db.session.scalar(sa.select(Merchant.id).filter_by(external_id=shop))
    kept, direct = both(merchant_id, now)
    assert kept == direct
    summary.rebuild(None)
    assert both(merchant_id, now)[0] == direct


def test_a_reply_in_a_later_batch_turns_the_unanswered_inquiry_late(app):
    ask = at(10, "10:00")
    first = payload("hq-late", "c", [(0, ("customer", ask))])
    ingest(ACTOR, first, now=NOW)
    (row,) = figures.daily(period(7, NOW), now=NOW)
    assert (row.counts.asked, row.counts.within, row.counts.late) == (1, 0, 0)  # unanswered, the 3 minutes past
    later = payload("hq-late", "c", [(0, ("customer", ask)), (1, ("merchant", after(ask, 181)))])
    ingest(ACTOR, later, now=NOW)
    ingest(ACTOR, copy.deepcopy(later), now=NOW)  # re-sent: counted once
    (row,) = figures.daily(period(7, NOW), now=NOW)
    assert (row.counts.asked, row.counts.within, row.counts.late, row.counts.conversations) == (1, 0, 1, 1)


def test_a_settings_change_is_counted_by_the_rebuild(app, monkeypatch):
    ask = at(10, "10:00")
    ingest(ACTOR, payload("hq-set", "c", [(0, ("customer", ask)), (1, ("merchant", after(ask, 240)))]), now=NOW)
    pack = figures.settings_for(figures.Platform.pdd)
    longer = pack.model_copy(update={"reply_minutes": pack.reply_minutes.model_copy(update={"value": 5})})
    monkeypatch.setattr(summary, "settings_for", lambda platform: longer)
    monkeypatch.setattr(figures, "settings_for", lambda platform: longer)
    assert figures.daily(period(7, NOW), now=NOW)[0].counts.late == 1  # the summary still says 3 minutes
    result = app.test_cli_runner().invoke(args=["quality", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "rebuilt" in result.output
    (row,) = figures.daily(period(7, NOW), now=NOW)
    assert (row.counts.within, row.counts.late) == (1, 0)  # 4 minutes is in time within 5


def test_rebuilding_the_last_days_keeps_the_days_before(app, chat, make_merchant):
    shop = make_merchant("hq-days", platform="pdd")
    chat(shop, [("customer", at(1, "10:00")), ("merchant", at(1, "10:01"))])
    chat(shop, [("customer", at(9, "10:00")), ("merchant", at(9, "10:01"))])
    db.session.execute(sa.update(QualityDay).values(in_time=0))  # spoil every row
    summary.rebuild(at(9, "12:00"))  # from the start of the 9th
    db.session.commit()
    rows = {r.day.day: r.in_time for r in db.session.scalars(sa.select(QualityDay))}
    assert rows == {1: 0, 9: 1}  # only the 9th was recounted


@pytest.mark.postgres_only  # SQLite serialises its writers; PostgreSQL lets the ingestions race
def test_ingestions_of_one_shop_at_once_leave_every_count(app):
    ask = at(10, "10:00")
    shared = [(0, ("customer", ask)), (1, ("merchant", after(ask, 60))), (2, ("customer", after(ask, 600)))]
    ingest(ACTOR, payload("hq-race", "c-old", shared[:1]), now=NOW)  # exists: two re-sends race on its row
    db.session.commit()
    batches = [payload("hq-race", f"c-{i}", [(0, ("customer", after(ask, i))), (1, ("merchant", after(ask, 200 + i)))],
                       reviews=[(0, ("good", after(ask, 300)))], reports=[(0, after(ask, 400))]) for i in range(4)]
    batches += [payload("hq-race", "c-old", shared)] * 2

    def work(i: int) -> None:
        ingest(ACTOR, copy.deepcopy(batches[i]), now=NOW)
        db.session.commit()

    run_concurrently(app, work, range(len(batches)))
    db.session.expire_all()
    merchant_id = db.session.scalar(sa.select(Merchant.id).filter_by(external_id="hq-race"))
    kept, direct = both(merchant_id)
    assert kept == direct
    counts = kept[0].counts
    assert (counts.asked, counts.within, counts.late, counts.reviews, counts.complaints, counts.conversations) == (
        6, 1, 4, 4, 4, 5)
