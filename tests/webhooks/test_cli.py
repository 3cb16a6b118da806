"""``flask webhooks add|list|rotate``: an operator provisions receivers from a script, not only the admin page."""

from __future__ import annotations

import re

import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.webhooks.models import WebhookEndpoint
from backoffice.webhooks.signing import signature


def test_an_operator_adds_lists_and_rotates_an_endpoint_from_the_command_line(app, runner):
    added = runner.invoke(args=["webhooks", "add", "zbj", "https://platform.example/hooks"])
    assert added.exit_code == 0, added.output
    endpoint_id, secret = (int(re.search(r"Endpoint (\d+) added", added.output)[1]),
                           re.search(r"(whsec_\S+)", added.output)[1])
    endpoint = db.session.get(WebhookEndpoint, endpoint_id)
    assert (endpoint.platform.value, endpoint.url, endpoint.secret) == ("zbj", "https://platform.example/hooks", secret)

    again = runner.invoke(args=["webhooks", "add", "zbj", "https://platform.example/hooks"])
    assert again.exit_code == 1
    assert "already has an endpoint" in again.output  # a provisioning script run twice adds it once
    assert db.session.scalar(sa.select(sa.func.count()).select_from(WebhookEndpoint)) == 1

    listed = runner.invoke(args=["webhooks", "list"])
    assert re.search(rf"{endpoint_id}\s+zbj\s+active\s+0 pending\s+0 given up\s+https://platform.example/hooks",
                     listed.output)

    rotated = runner.invoke(args=["webhooks", "rotate", str(endpoint_id)])
    assert rotated.exit_code == 0, rotated.output
    db.session.expire_all()
    endpoint = db.session.get(WebhookEndpoint, endpoint_id)
    assert endpoint.secret in rotated.output
    assert endpoint.previous_secret == secret  # both sign during the change
    assert signature(endpoint.secret, 1, b"{}") != signature(secret, 1, b"{}")
    actions = db.session.scalars(sa.select(AuditEvent.action)
                                 .where(AuditEvent.subject_type == "webhook_endpoint")).all()
    assert actions == ["webhook.add_endpoint", "webhook.rotate_secret"]


def test_bad_input_gets_a_message_and_adds_nothing(app, runner):
    refused = runner.invoke(args=["webhooks", "add", "zbj", "ftp://x"])
    assert refused.exit_code == 1
    assert "https://" in refused.output  # the operation's own message, in the platform's language
    assert runner.invoke(args=["webhooks", "add", "nowhere", "https://x"]).exit_code == 2
    assert "No endpoint 99" in runner.invoke(args=["webhooks", "rotate", "99"]).output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(WebhookEndpoint)) == 0
