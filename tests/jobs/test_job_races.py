"""The periodic jobs run side by side (several workers, a wake-up and a sweep at once) on PostgreSQL:
each e-mail is sent once, each ended measure is reported once."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ledger import operations as ledger
from backoffice.ledger.models import EntryKind
from backoffice.notifications import outbox
from backoffice.notifications.models import OutboxEmail
from backoffice.webhooks.delivery import report_expiries
from backoffice.webhooks.models import EventType, OutboxEvent
from tests.concurrency import run_concurrently

pytestmark = pytest.mark.postgres_only


def test_outbox_workers_at_once_send_each_email_once(app, monkeypatch):
    for n in range(12):
        db.session.add(OutboxEmail(to_address=f"p{n}@example.com", subject="s", body="b"))
    db.session.commit()
    sends: list[int] = []
    # Spy on the transport (it still builds each message), not on the claiming under test.
    monkeypatch.setattr(outbox, "_send", lambda msg, mail: sends.append(mail.id))
    results: list[tuple[int, int]] = []
    run_concurrently(app, lambda _: results.append(outbox.deliver_pending()), range(3))
    assert sorted(sends) == sorted(set(sends))
    assert len(sends) == 12
    assert sum(sent for sent, _ in results) == 12
    assert set(db.session.execute(sa.select(OutboxEmail.attempts, OutboxEmail.sent_at.is_not(None)))) == {(1, True)}


def test_expiry_sweeps_at_once_report_each_window_once(app, make_merchant):
    ended = utcnow() - timedelta(minutes=1)
    windows = []
    for n in range(4):
        balance = ledger.lock_balance(make_merchant(f"m-exp-{n}"))
        windows.append(ledger.post(balance, EntryKind.mute, effective_at=ended - timedelta(hours=1), ends_at=ended).id)
        db.session.commit()
    run_concurrently(app, lambda _: report_expiries(), range(4))
    reported = db.session.scalars(sa.select(OutboxEvent.entry_id).filter_by(type=EventType.measure_expired)).all()
    assert sorted(reported) == sorted(windows)
