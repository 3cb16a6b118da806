"""Deliveries to a real loopback receiver: signed, retried with backoff, in order, exactly once by id."""

from __future__ import annotations

import time
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ledger import operations as ledger
from backoffice.webhooks import operations, signing
from backoffice.webhooks.delivery import BACKOFF_SECONDS, MAX_ATTEMPTS, deliver_due
from backoffice.webhooks.models import DeliveryState, WebhookDelivery
from tests.builders import CLI
from tests.concurrency import run_concurrently


def deliveries() -> list[WebhookDelivery]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(WebhookDelivery).order_by(WebhookDelivery.id)))


@pytest.mark.parametrize(("attempt", "seconds"), [(1, 30), (2, 60), (6, 960), (11, 30720)],
                         ids=["Marble first retry 30 s", "doubling", "16 min", "last wait"])
def test_the_retry_schedule_is_marbles_twelve_tries_from_30_s_capped_at_12_h(attempt, seconds):
    assert MAX_ATTEMPTS == 12
    assert BACKOFF_SECONDS[attempt - 1] == seconds <= 12 * 3600


def test_a_delivery_is_signed_versioned_and_keyed_by_the_event_id(make_merchant, endpoint, receiver):
    _, secret = endpoint
    make_merchant("m-sign")
    now = utcnow()
    assert deliver_due(now) == 1
    payload, body, headers = receiver.received[0]
    assert payload["version"] == 1
    assert payload["type"] == "account.opened"
    assert payload["summary"]
    assert payload["merchant"] == {"id": "m-sign", "platform": "zbj"}
    assert headers["Idempotency-Key"] == headers["X-Backoffice-Event-Id"] == payload["id"]
    assert headers["User-Agent"] == "backoffice-webhooks/1"  # the sender names itself, not its HTTP library
    stamp = int(now.timestamp())
    assert signing.verify(secret, headers["X-Backoffice-Signature"], body, stamp)
    assert not signing.verify(secret, headers["X-Backoffice-Signature"], body + b" ", stamp)
    assert not signing.verify(secret, headers["X-Backoffice-Signature"], body, stamp + 301)  # replay refused


def test_during_a_rotation_both_secrets_sign_and_afterwards_only_the_new(make_merchant, endpoint, receiver):
    ep, old = endpoint
    now = utcnow()
    new = operations.rotate_secret(CLI, ep, at=now)
    db.session.commit()
    make_merchant()
    now = utcnow()
    deliver_due(now)
    _, body, headers = receiver.received[-1]
    header = headers["X-Backoffice-Signature"]
    assert header.count("v1=") == 2
    assert signing.verify(old, header, body, int(now.timestamp()))
    assert signing.verify(new, header, body, int(now.timestamp()))
    assert ep.secrets_at(now + timedelta(hours=25)) == [new]


def test_a_receiver_down_for_an_hour_gets_every_event_in_order_exactly_once(make_merchant, endpoint, receiver):
    a, b = make_merchant("m-a"), make_merchant("m-b")
    for i in range(3):
        ledger.top_up(a, Decimal(10 + i), f"a{i}")
        ledger.top_up(b, Decimal(20 + i), f"b{i}")
        db.session.commit()
    t = utcnow()
    receiver.script = [500, "down", 503]
    while t < utcnow() + timedelta(hours=1):  # one hour of failures, one sweep a minute
        receiver.script.append(500)
        deliver_due(t)
        t += timedelta(minutes=1)
    receiver.script.clear()
    assert receiver.received == []
    assert deliver_due(t + timedelta(hours=2)) == 8
    for _ in range(3):
        deliver_due(t + timedelta(hours=3))
    assert sorted(receiver.ids()) == sorted(set(receiver.ids()))
    assert len(receiver.ids()) == 8
    for merchant in ("m-a", "m-b"):
        sequences = [p["sequence"] for p, _, _ in receiver.received if p["merchant"]["id"] == merchant]
        assert sequences == [1, 2, 3, 4]
    assert {d.state for d in deliveries()} == {DeliveryState.delivered}


def test_a_later_event_waits_while_the_earlier_one_of_that_merchant_is_pending(make_merchant, endpoint, receiver):
    merchant = make_merchant("m-wait")
    ledger.top_up(merchant, Decimal("1.00"), "second")
    db.session.commit()
    other = make_merchant("m-other")
    receiver.script = [500]
    now = utcnow()
    deliver_due(now)
    assert [p["merchant"]["id"] for p, _, _ in receiver.received] == ["m-other"]
    first, second = [d for d in deliveries() if d.merchant_id == merchant.id]
    assert (first.state, first.attempts, second.attempts) == (DeliveryState.pending, 1, 0)
    assert first.next_attempt_at == now + timedelta(seconds=30)
    deliver_due(now + timedelta(seconds=30))
    assert [p["sequence"] for p, _, _ in receiver.received if p["merchant"]["id"] == "m-wait"] == [1, 2]
    assert other.id != merchant.id


def test_a_timeout_is_retried_and_a_late_but_timely_answer_counts(make_merchant, endpoint, receiver):
    make_merchant()
    receiver.script = [("sleep", 1.0, 200), ("sleep", 0.2, 200)]  # past the 0.5 s timeout, then late but in time
    now = utcnow()
    assert deliver_due(now) == 0
    (d,) = deliveries()
    assert (d.state, d.last_error) == (DeliveryState.pending, "ReadTimeout")
    time.sleep(0.9)  # let the hung request finish on the receiver before the retry
    receiver.received.clear()
    assert deliver_due(now + timedelta(seconds=30)) == 1
    assert len(receiver.received) == 1
    assert deliveries()[0].state is DeliveryState.delivered


def test_after_twelve_failures_the_delivery_is_given_up_and_the_next_event_goes(make_merchant, endpoint, receiver):
    merchant = make_merchant()
    ledger.top_up(merchant, Decimal("1.00"), "next")
    db.session.commit()
    receiver.script = [500] * MAX_ATTEMPTS
    t = utcnow()
    for wait in (0, *BACKOFF_SECONDS):
        t += timedelta(seconds=wait)
        deliver_due(t)
    first, second = deliveries()
    assert (first.state, first.attempts, first.last_status) == (DeliveryState.given_up, 12, 500)
    assert second.state is DeliveryState.delivered
    operations.redeliver(CLI, first, at=t)
    db.session.commit()
    assert deliver_due(t) == 1
    assert deliveries()[0].state is DeliveryState.delivered


@pytest.mark.postgres_only
def test_two_delivery_processes_at_once_never_send_one_event_twice(app, make_merchant, endpoint, receiver):
    for i in range(6):
        ledger.top_up(make_merchant(f"m-race-{i}"), Decimal("1.00"), "race")
        db.session.commit()
    now = utcnow()
    run_concurrently(app, lambda _: deliver_due(now), range(3))
    assert len(receiver.ids()) == 12 == len(set(receiver.ids()))
    assert {d.state for d in deliveries()} == {DeliveryState.delivered}
