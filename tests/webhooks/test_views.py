"""Admin pages: an endpoint's secret shown once; the delivery log's redelivery is a POST, audited."""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.webhooks.models import DeliveryState, WebhookDelivery


def test_an_endpoint_shows_its_secret_once_and_a_manager_redelivers(client, make_user, login, make_merchant):
    make_user("admin", login="root")
    login("root")
    page = client.post("/admin/webhooks", data={"platform": "zbj", "url": "https://platform.example/hook"})
    assert b"whsec_" in page.data
    listing = client.get("/admin/webhooks").data.decode()
    assert "https://platform.example/hook" in listing
    assert listing.count("whsec_") == 1  # only the 8-character hint, never the secret
    make_merchant("m-log")
    (delivery,) = db.session.scalars(sa.select(WebhookDelivery))
    delivery.state = DeliveryState.given_up
    db.session.commit()
    client.post("/logout")
    make_user("manager", login="boss")
    login("boss")
    assert client.get(f"/admin/webhooks/deliveries/{delivery.id}/redeliver").status_code == 405
    assert "账户已开立" in client.get("/admin/webhooks/deliveries", headers={"Accept-Language": "zh"}).data.decode() \
        or "Ledger opened" in client.get("/admin/webhooks/deliveries").data.decode()
    client.post(f"/admin/webhooks/deliveries/{delivery.id}/redeliver")
    db.session.expire_all()
    assert db.session.get(WebhookDelivery, delivery.id).state is DeliveryState.pending
    assert db.session.scalar(sa.select(AuditEvent).filter_by(action="webhook.redeliver")) is not None
