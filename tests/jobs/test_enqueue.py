"""Jobs are sent when the transaction that asked for them commits, once, and never after a rollback."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from backoffice import jobs
from backoffice.extensions import db
from backoffice.jobs.runtime import backend
from backoffice.ledger import operations as ledger


def sent(app) -> list[tuple[str, dict]]:
    return backend(app).sent


def test_a_job_is_sent_when_the_transaction_commits_and_once_per_transaction(app, make_merchant):
    make_merchant()
    sent(app).clear()
    db.session.execute(db.select(1))  # a transaction is open
    jobs.enqueue("webhooks.deliver")
    jobs.enqueue("webhooks.deliver")
    jobs.enqueue("rulings.export", job_id="abc")
    assert sent(app) == []
    db.session.commit()
    assert sent(app) == [("webhooks.deliver", {}), ("rulings.export", {"job_id": "abc"})]


def test_a_rolled_back_transaction_sends_nothing_and_a_savepoint_waits_for_the_commit(app):
    db.session.execute(db.select(1))
    jobs.enqueue("outbox.deliver")
    db.session.rollback()
    db.session.commit()
    assert sent(app) == []
    with db.session.begin_nested():
        jobs.enqueue("outbox.deliver")
    assert sent(app) == []  # the savepoint is released, the transaction is still open
    db.session.commit()
    assert sent(app) == [("outbox.deliver", {})]


def test_a_ledger_write_wakes_the_webhook_delivery(app, make_merchant):
    merchant = make_merchant()
    sent(app).clear()
    ledger.top_up(merchant, Decimal("5.00"), "top-up")
    ledger.top_up(merchant, Decimal("5.00"), "top-up")
    db.session.commit()
    assert sent(app) == [("webhooks.deliver", {})]


def test_an_unknown_job_or_arguments_that_are_not_json_fail_in_the_caller(app):
    with pytest.raises(KeyError, match="no job is registered"):
        jobs.enqueue("no.such.job")
    with pytest.raises(TypeError):
        jobs.enqueue("rulings.export", job_id=object())


def test_the_embedded_default_runs_jobs_in_the_web_process_only(app, client, make_merchant):
    app.config["JOBS_BACKEND"] = "thread"
    make_merchant()  # a command's commit: not a serving process, the wake-up is left to the sweep
    assert backend(app).thread is None
    assert not backend(app).serving
    client.get("/login")
    assert backend(app).serving  # from the web server's first request on
    assert backend(app).timer is None  # a test application runs no schedule (JOBS_SCHEDULE_IN_WEB unset)


def test_the_embedded_default_runs_the_job_on_a_thread_after_the_commit(app, make_user, tmp_path, monkeypatch):
    """No Redis: the e-mail written by a notification is sent by the outbox job on a thread of this process."""
    from backoffice.notifications.models import OutboxEmail
    from backoffice.notifications.operations import notify_user

    monkeypatch.setattr(app, "instance_path", str(tmp_path))  # the file backend writes .eml files here
    app.config["JOBS_BACKEND"] = "thread"
    backend(app).serve(schedule=False)  # as the web server's first request does
    user = make_user("reviewer", login="r1")
    user.email = "r1@example.com"
    finished = threading.Event()
    outcomes = []

    def seen(name, outcome):
        outcomes.append((name, outcome))
        finished.set()

    jobs.job_finished.connect(seen)
    try:
        notify_user(user, "test", "Hello", "Body")
        db.session.commit()
        assert finished.wait(30)
    finally:
        jobs.job_finished.disconnect(seen)
    assert outcomes == [("outbox.deliver", "ok")]
    (mail,) = db.session.scalars(db.select(OutboxEmail)).all()
    db.session.refresh(mail)
    assert mail.sent_at is not None
    assert mail.attempts == 1
    assert (tmp_path / "outbox" / f"{mail.id:08d}.eml").read_bytes().count(b"r1@example.com") == 1
    assert jobs.queue_depths() == {"default": 0, "exports": 0, "mail": 0, "rulings": 0, "webhooks": 0}
