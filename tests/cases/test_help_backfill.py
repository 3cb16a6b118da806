"""Migration 05755663072a copies the reasons of earlier holds and escalations from the audit trail."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.db import utcnow

BEFORE = "5251773c5101"


@pytest.fixture
def scratch(tmp_path):
    from backoffice import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'scratch.sqlite3'}",
                      "SECRET_KEY": "scratch-secret-0123456789"})
    with app.app_context():
        yield app
        from backoffice.extensions import db

        db.session.remove()
        db.engine.dispose()


@pytest.mark.usefixtures("scratch")
def test_earlier_holds_and_escalations_keep_their_reasons():
    from flask_migrate import upgrade

    from backoffice.extensions import db

    upgrade(revision=BEFORE)
    now = utcnow()
    with db.engine.begin() as conn:
        uid = conn.execute(sa.text(
            "INSERT INTO users (login, display_name, role, password_hash, is_enabled, created_at) "
            "VALUES ('alice', '', 'reviewer', '!', 1, :now) RETURNING id"), {"now": now}).scalar()
        mid = conn.execute(sa.text("INSERT INTO merchants (external_id, platform, name, in_eu, created_at) "
                                   "VALUES ('m-1', 'zbj', '店', 0, :now) RETURNING id"), {"now": now}).scalar()
        cid = conn.execute(sa.text(
            "INSERT INTO conversations (platform, external_id, channel, merchant_id, customer_external_id, "
            "customer_name, created_at) VALUES ('zbj', 'c-1', 'im', :m, 'u', '客户', :now) RETURNING id"),
            {"m": mid, "now": now}).scalar()
        case = conn.execute(sa.text(
            "INSERT INTO cases (platform, merchant_id, conversation_id, kind, status, priority, max_confidence, "
            "flag_count, report_count, has_detector, has_report, prior_offences, opened_at, last_flag_at, version) "
            "VALUES ('zbj', :m, :c, 'violation', 'escalated', 1, 1, 1, 0, 1, 0, 0, :now, :now, 3) RETURNING id"),
            {"m": mid, "c": cid, "now": now}).scalar()
        for action, after in (("case.hold", '{"status": "on_hold", "reason": "这个号码算不算？"}'),
                              ("case.escalate", '{"status": "escalated", "reason": "疑似团伙"}'),
                              ("case.claim", '{"status": "in_review"}')):
            conn.execute(sa.text(
                "INSERT INTO audit_events (created_at, actor_id, actor_label, via, action, subject_type, subject_id, "
                "after) VALUES (:now, :u, 'alice', 'web', :a, 'case', :s, :after)"),
                {"now": now, "u": uid, "a": action, "s": str(case), "after": after})
    upgrade()
    rows = db.session.execute(sa.text("SELECT kind, reason, asked_by_id, answer FROM help_requests "
                                      "WHERE case_id = :c ORDER BY id"), {"c": case}).all()
    assert [tuple(r) for r in rows] == [("help", "这个号码算不算？", uid, ""), ("escalation", "疑似团伙", uid, "")]
