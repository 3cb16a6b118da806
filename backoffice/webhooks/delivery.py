"""Push due deliveries to their endpoints: signed, retried with capped backoff, in order per merchant.

The ``webhooks.deliver`` job (backoffice/jobs: woken after each transaction that writes an event, and
swept every 15 s) or ``flask webhooks deliver`` calls ``deliver_due``. Each delivery is claimed with
``FOR UPDATE SKIP LOCKED`` and sent while its row stays locked, one per transaction, so processes
running side by side never send one event twice; a merchant's later event waits while an earlier
one to the same endpoint is still pending.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import aliased

from backoffice.db import db, utcnow
from backoffice.webhooks import signing
from backoffice.webhooks.events import emit_expiries
from backoffice.webhooks.models import DeliveryState, WebhookDelivery, WebhookEndpoint
from backoffice.webhooks.payload import payload

#: Marble's schedule: 12 tries, waiting 30 s, doubling, capped at 12 h (about 17 h in all).
MAX_ATTEMPTS = 12
BACKOFF_SECONDS = tuple(min(30 * 2**i, 12 * 3600) for i in range(MAX_ATTEMPTS - 1))


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(payload(delivery.event), ensure_ascii=False, sort_keys=True).encode()


def _claim(now: datetime) -> WebhookDelivery | None:
    earlier = aliased(WebhookDelivery)
    waiting = sa.exists().where(
        earlier.endpoint_id == WebhookDelivery.endpoint_id, earlier.merchant_id == WebhookDelivery.merchant_id,
        earlier.sequence < WebhookDelivery.sequence, earlier.state == DeliveryState.pending)
    active = sa.select(WebhookEndpoint.id).where(WebhookEndpoint.is_active.is_(True))
    stmt = (sa.select(WebhookDelivery)
            .where(WebhookDelivery.state == DeliveryState.pending, WebhookDelivery.next_attempt_at <= now,
                   WebhookDelivery.endpoint_id.in_(active), ~waiting)
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id).limit(1)
            .with_for_update(skip_locked=True, of=WebhookDelivery))
    return db.session.scalar(stmt)


def attempt(delivery: WebhookDelivery, now: datetime) -> bool:
    """Send once; record the outcome and when to try again. True when the receiver took it (2xx)."""
    body = body_of(delivery)
    stamp = int(now.timestamp())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        signing.HEADER: signing.header_value(delivery.endpoint.secrets_at(now), stamp, body),
        "X-Backoffice-Event-Id": delivery.event.uuid,
        "X-Backoffice-Event-Type": delivery.event.type.value,
        "Idempotency-Key": delivery.event.uuid,
        "User-Agent": "backoffice-webhooks/1",
    }
    delivery.attempts += 1
    try:
        response = requests.post(delivery.endpoint.url, data=body, headers=headers, allow_redirects=False,
                                 timeout=float(current_app.config["WEBHOOK_TIMEOUT"]))
        delivery.last_status, delivery.last_error = response.status_code, ""
        ok = 200 <= response.status_code < 300
    except requests.RequestException as exc:
        delivery.last_status, delivery.last_error = None, type(exc).__name__
        ok = False
    if ok:
        delivery.state, delivery.delivered_at = DeliveryState.delivered, now
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.state = DeliveryState.given_up
    else:
        delivery.next_attempt_at = now + timedelta(seconds=BACKOFF_SECONDS[delivery.attempts - 1])
    return ok


def report_expiries() -> int:
    """Report the timed measures whose end has passed (the ``measures.expire`` job); wake the delivery."""
    count = emit_expiries()
    db.session.commit()  # the events are written: enqueue (on commit) sends the delivery after them
    return count


def deliver_due(now: datetime | None = None, limit: int = 1000) -> int:
    """Report expiries, then send what is due, committing after each; return how many were sent."""
    now = now or utcnow()
    emit_expiries(now)
    db.session.commit()
    sent = 0
    for _ in range(limit):
        delivery = _claim(now)
        if delivery is None:
            break
        sent += attempt(delivery, now)
        db.session.commit()
    db.session.commit()
    return sent
