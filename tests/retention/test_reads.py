"""Staff reads of unmasked conversations are in the audit trail: once per person, conversation and hour."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from backoffice.audit import reads as audit_reads
from backoffice.audit.models import AuditEvent
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.retention.jobs import purge_expired
from tests.appeals.conftest import ingested_case
from tests.builders import CLI


def reads(conversation_id: int) -> list[tuple[str, dict]]:
    return db.session.execute(sa.select(AuditEvent.actor_label, AuditEvent.after).where(
        AuditEvent.action == "conversation.read", AuditEvent.subject_id == str(conversation_id))
        .order_by(AuditEvent.id)).all()


def test_a_read_is_logged_once_per_person_and_hour(client, login, staff, merchant_user):
    case = ingested_case(merchant_user("shop").merchant)
    login("rev")
    for _ in range(3):
        assert client.get(f"/cases/{case.id}").status_code == 200
    assert client.get(f"/conversations/{case.conversation_id}").status_code == 200
    assert reads(case.conversation_id) == [("rev", {"where": "cases.show"})]
    client.post("/logout")
    login("senior")
    client.get(f"/conversations/{case.conversation_id}")
    assert [who for who, _ in reads(case.conversation_id)] == ["rev", "senior"]


def test_a_read_an_hour_later_is_logged_again(client, login, staff, merchant_user, monkeypatch):
    case = ingested_case(merchant_user("shop").merchant)
    login("rev")
    client.get(f"/cases/{case.id}")
    client.get(f"/cases/{case.id}")
    assert len(reads(case.conversation_id)) == 1
    monkeypatch.setattr(audit_reads, "utcnow", lambda: utcnow() + timedelta(minutes=61))
    client.get(f"/cases/{case.id}")
    assert len(reads(case.conversation_id)) == 2


def test_an_api_read_is_logged(client, staff, bearer, merchant_user):
    case = ingested_case(merchant_user("shop").merchant)
    response = client.get(f"/api/v1/cases/{case.id}", headers=bearer("rev", "read"))
    assert response.status_code == 200
    assert reads(case.conversation_id) == [("rev", {"where": "api.get_case"})]


def test_reading_a_purged_conversation_is_not_logged(client, login, closed_ruling):
    ruling = closed_ruling(400, ingested=True)
    purge_expired(CLI, days=365)
    login("rev")
    client.get(f"/cases/{ruling.case_id}")
    assert reads(ruling.case.conversation_id) == []
