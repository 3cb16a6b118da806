"""Administrators' verbs on webhook endpoints and deliveries (audited)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l

from backoffice.audit.operations import Actor, record
from backoffice.db import db, lock_row, utcnow
from backoffice.failures import DomainError
from backoffice.merchants.models import Platform
from backoffice.webhooks.models import DeliveryState, WebhookDelivery, WebhookEndpoint

#: How long the old secret keeps signing after a rotation (receivers switch within this time).
ROTATION_OVERLAP = timedelta(hours=24)


def _new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def add_endpoint(actor: Actor, platform: Platform, url: str) -> tuple[WebhookEndpoint, str]:
    """Register a receiver; return it and its secret, shown only once."""
    if not url.startswith(("https://", "http://")):
        raise DomainError(_l("The address must start with https:// or http://."))
    endpoint = WebhookEndpoint(platform=platform, url=url.strip()[:500], secret=_new_secret())
    db.session.add(endpoint)
    db.session.flush()
    record(actor, "webhook.add_endpoint", "webhook_endpoint", endpoint.id,
           after={"platform": platform.value, "url": endpoint.url})
    return endpoint, endpoint.secret


def rotate_secret(actor: Actor, endpoint: WebhookEndpoint, at: datetime | None = None) -> str:
    """Issue a new secret; the current one keeps signing beside it for ``ROTATION_OVERLAP``."""
    lock_row(endpoint)
    at = at or utcnow()
    endpoint.previous_secret, endpoint.previous_valid_until = endpoint.secret, at + ROTATION_OVERLAP
    endpoint.secret = _new_secret()
    db.session.flush()
    record(actor, "webhook.rotate_secret", "webhook_endpoint", endpoint.id,
           after={"previous_valid_until": endpoint.previous_valid_until.isoformat()})
    return endpoint.secret


def redeliver(actor: Actor, delivery: WebhookDelivery, at: datetime | None = None) -> None:
    """Send an event again at once (a receiver that lost it, or one given up on)."""
    lock_row(delivery)  # waits for a worker's attempt in flight
    before = {"state": delivery.state.value, "attempts": delivery.attempts}
    delivery.state, delivery.attempts = DeliveryState.pending, 0
    delivery.next_attempt_at = at or utcnow()
    db.session.flush()
    record(actor, "webhook.redeliver", "webhook_delivery", delivery.id, before=before,
           after={"state": "pending", "event": delivery.event.uuid})
