"""The audit trail is append-only and tamper-evident."""

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import (
    GENESIS_HASH,
    Actor,
    AuditLogIsAppendOnly,
    record,
    verify_chain,
)
from backoffice.extensions import db


def _three_events():
    for n in range(3):
        record(Actor(None, "cli"), "test.event", "thing", n, before={"n": n}, after={"n": n + 1, "名": "值"})
    db.session.commit()


def test_events_link_into_a_chain(app):
    _three_events()
    events = db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.seq for e in events] == [1, 2, 3]  # sealed right after the commit
    assert events[0].prev_hash == GENESIS_HASH
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert verify_chain() == (3, [])


def test_writers_append_without_waiting_and_seal_later(app):
    from backoffice.audit.operations import seal

    record(Actor(None, "cli"), "test.event", "thing", 1)
    assert db.session.scalar(sa.select(AuditEvent.hash)) is None  # not chained inside the writer's transaction
    db.session.info.pop("audit_pending")
    db.session.commit()  # nothing sealed it: the after-commit hook saw no pending flag
    assert db.session.scalar(sa.select(AuditEvent.seq)) is None
    count, problems = verify_chain()  # verification seals what is waiting first
    assert (count, problems) == (1, [])
    assert seal() == 0


@pytest.mark.postgres_only  # concurrent writers; SQLite has one writer at a time
def test_concurrent_writers_build_one_unbroken_chain(app):
    import threading

    errors, barrier = [], threading.Barrier(8)

    def writer(k: int) -> None:
        with app.app_context():
            barrier.wait()
            for n in range(25):
                try:
                    record(Actor(None, "cli"), "test.event", "thing", f"{k}-{n}", after={"k": k, "n": n})
                    db.session.commit()
                except Exception as exc:  # noqa: BLE001 - any failed commit fails the test below
                    db.session.rollback()
                    errors.append(repr(exc))
            db.session.remove()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sealed_by_writers = db.session.scalar(sa.select(sa.func.count()).where(AuditEvent.seq.is_not(None)))
    assert sealed_by_writers > 0  # the writers sealed as they committed (a few may be left to the next)
    assert verify_chain() == (200, [])
    seqs = db.session.scalars(sa.select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
    assert seqs == list(range(1, 201))


def test_orm_refuses_to_change_or_delete_events(app):
    _three_events()
    event = db.session.scalars(sa.select(AuditEvent)).first()
    event.action = "forged"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.scalars(sa.select(AuditEvent)).first())
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()


def test_database_refuses_raw_updates(app):
    _three_events()
    with pytest.raises(DBAPIError):
        db.session.execute(sa.text("UPDATE audit_events SET action = 'forged'"))
    db.session.rollback()
    with pytest.raises(DBAPIError):
        db.session.execute(sa.text("DELETE FROM audit_events"))
    db.session.rollback()


def _tamper(sql: str):
    """Change a row the way someone with direct database access could, bypassing the trigger."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(sa.text("SET LOCAL session_replication_role = replica"))
        db.session.execute(sa.text(sql))
    else:
        db.session.execute(sa.text("DROP TRIGGER audit_events_no_update"))
        db.session.execute(sa.text("DROP TRIGGER audit_events_no_delete"))
        db.session.execute(sa.text(sql))
    db.session.commit()


def test_verification_detects_a_changed_row(app, runner):
    _three_events()
    _tamper("UPDATE audit_events SET after = '{\"n\": 99}' WHERE id = 2")
    count, problems = verify_chain()
    assert count == 3
    assert [(p.event_id, p.problem) for p in problems] == [(2, "content does not match its hash")]
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert "event 2" in result.output


def test_verification_detects_a_deleted_row(app):
    _three_events()
    _tamper("DELETE FROM audit_events WHERE id = 2")
    _, problems = verify_chain()
    assert {p.event_id for p in problems} == {3}
    assert "an event is missing before this one" in {p.problem for p in problems}


def test_verify_command_reports_an_intact_chain(app, runner):
    _three_events()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0
    assert "3 events verified" in result.output


def test_admin_page_shows_events_and_verification(app, make_user, login, client):
    make_user("admin")
    login("admin")
    _three_events()
    page = client.get("/admin/audit?verify=1").get_data(as_text=True)
    assert "test.event" in page
    assert "哈希链完整" in page
    _tamper("UPDATE audit_events SET action = 'forged' WHERE id = 3")
    page = client.get("/admin/audit?verify=1").get_data(as_text=True)
    assert "哈希链已被破坏" in page
