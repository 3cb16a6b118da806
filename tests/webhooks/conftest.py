"""Fixtures of the outbox and webhook tests: a loopback receiver and a platform endpoint."""

from __future__ import annotations

import pytest

from backoffice.extensions import db
from backoffice.merchants.models import Platform
from backoffice.webhooks import operations
from tests.builders import CLI
from tests.webhooks.receiver import Receiver


@pytest.fixture
def receiver(app):
    app.config["WEBHOOK_TIMEOUT"] = 0.5
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def endpoint(app, receiver):
    """A zbj endpoint pointing at the receiver; returns (endpoint, secret)."""
    ep, secret = operations.add_endpoint(CLI, Platform.zbj, receiver.url)
    db.session.commit()
    return ep, secret
