"""kill -9 in the middle of a webhook delivery run, then the same command again: every event reaches the
receiver, in order per merchant, and only the one event in flight when the worker died arrives twice.

The receiver holds its answer to the event half-way through the run, and the worker is killed while it
waits: the kill lands mid-request every time, the worst moment (the event was taken, the sender never
learnt it), rather than wherever a timer happens to fall. Both backends: the two runs follow one
another, and a killed SQLite writer's journal is rolled back by the next opener as PostgreSQL drops the
dead connection's transaction and its row lock.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import sqlalchemy as sa

from backoffice.extensions import db
from backoffice.ledger import operations as ledger
from backoffice.webhooks import signing
from backoffice.webhooks.models import DeliveryState, OutboxEvent, WebhookDelivery
from tests.concurrency import flask_command, kill_when

MERCHANTS = 40
TOP_UPS = 4  # each merchant: its opening event, then this many top-ups
EVENTS = MERCHANTS * (1 + TOP_UPS)


def _deliver(app, tmp_path):
    return flask_command(app, tmp_path, "webhooks", "deliver", "--once")  # sends everything due, then stops


def test_a_delivery_run_killed_mid_way_resumes_without_loss_or_duplicates(app, runner, make_merchant, endpoint,
                                                                          receiver, tmp_path):
    _, secret = endpoint
    names = [f"m-kill-{n}" for n in range(MERCHANTS)]
    merchants = [make_merchant(name) for name in names]
    for round_ in range(TOP_UPS):  # round by round, so that the merchants' events interleave in the outbox
        for merchant in merchants:
            ledger.top_up(merchant, Decimal(round_ + 1), f"top-up {round_ + 1}")
            db.session.commit()
    db.session.remove()  # the test holds no connection while the worker runs
    receiver.hold_at = EVENTS // 2

    kill_when(_deliver(app, tmp_path), receiver.held.is_set)
    in_flight = receiver.ids()[-1]
    receiver.release.set()  # its reply now goes to a dead socket
    assert len(receiver.ids()) == EVENTS // 2

    second = _deliver(app, tmp_path)
    output = second.communicate(timeout=120)[0].decode()
    assert second.returncode == 0, output

    ids = receiver.ids()
    events = {e.uuid: e for e in db.session.scalars(sa.select(OutboxEvent))}
    assert len(events) == EVENTS
    assert set(ids) == set(events)  # nothing lost, nothing foreign
    # one worker killed, one event in flight: it alone came twice, the rerun resending what was never recorded
    assert [(uuid, n) for uuid, n in Counter(ids).items() if n > 1] == [(in_flight, 2)]
    copies = [(body, headers) for p, body, headers in receiver.received if p["id"] == in_flight]
    assert copies[0][0] == copies[1][0]  # the same body: the receiver dedupes it by its key
    for body, headers in copies:
        assert headers["Idempotency-Key"] == headers["X-Backoffice-Event-Id"] == in_flight
        stamp = int(headers["X-Backoffice-Signature"].split(",")[0].removeprefix("t="))
        assert signing.verify(secret, headers["X-Backoffice-Signature"], body, stamp)

    first_arrivals: dict[str, list[int]] = {}
    seen: set[str] = set()
    for payload, _, _ in list(receiver.received):
        if payload["id"] not in seen:
            seen.add(payload["id"])
            first_arrivals.setdefault(payload["merchant"]["id"], []).append(payload["sequence"])
    assert first_arrivals == {name: list(range(1, 2 + TOP_UPS)) for name in names}

    rows = list(db.session.scalars(sa.select(WebhookDelivery)))
    assert len(rows) == EVENTS == len({r.event_id for r in rows})
    # the killed attempt was never committed: each delivery is recorded delivered after one attempt
    assert {(r.state, r.attempts, r.last_status) for r in rows} == {(DeliveryState.delivered, 1, 200)}
    assert all(r.delivered_at is not None for r in rows)
    for command in (["ledger", "verify"], ["audit", "verify"]):
        result = runner.invoke(args=command)
        assert result.exit_code == 0, result.output
