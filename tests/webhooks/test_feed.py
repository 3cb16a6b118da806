"""The pull feed: a cursor over the outbox, behind the ``events`` scope."""

from __future__ import annotations

from decimal import Decimal

from backoffice.extensions import db
from backoffice.ledger import operations as ledger


def test_the_feed_pages_with_a_cursor_and_needs_the_events_scope(client, make_user, make_merchant, bearer):
    make_user("manager", login="platform")
    merchant = make_merchant("m-feed")
    for i in range(3):
        ledger.top_up(merchant, Decimal(i + 1), "feed")
    db.session.commit()
    assert client.get("/api/v1/events", headers=bearer("platform", "read")).status_code == 403
    headers = bearer("platform", "events")
    first = client.get("/api/v1/events?limit=2", headers=headers).get_json()
    assert [e["sequence"] for e in first["events"]] == [1, 2]
    rest = client.get(f"/api/v1/events?after={first['next_cursor']}", headers=headers).get_json()
    assert [e["type"] for e in rest["events"]] == ["deposit.topped_up", "deposit.topped_up"]
    assert rest["events"][0]["version"] == 1
    empty = client.get(f"/api/v1/events?after={rest['next_cursor']}", headers=headers).get_json()
    assert empty == {"events": [], "next_cursor": rest["next_cursor"]}
    assert client.get("/api/v1/events?platform=pdd", headers=headers).get_json()["events"] == []
    assert client.get("/api/v1/events?limit=0", headers=headers).status_code == 400
