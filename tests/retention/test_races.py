"""Two purges at once (two schedulers, or a scheduler and an operator's command) purge each conversation once."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import verify_chain
from backoffice.extensions import db
from backoffice.retention.jobs import purge_expired
from tests.builders import CLI
from tests.concurrency import run_concurrently


@pytest.mark.postgres_only
def test_two_purges_at_once_purge_each_conversation_once(app, closed_ruling, appealed, uploads):
    rulings = [closed_ruling(400, ingested=n == 0) for n in range(4)]
    appealed(rulings[1])
    expected = sorted(r.case.conversation_id for r in rulings)
    db.session.commit()
    reports = []
    run_concurrently(app, lambda _: reports.append(purge_expired(CLI, days=365)), range(2))
    assert sorted(c for report in reports for c in report.purged) == expected  # each once, by one of the two
    assert sum(report.evidence_files for report in reports) == 1
    assert uploads.files() == []
    events = db.session.scalars(sa.select(AuditEvent.subject_id).where(AuditEvent.action == "retention.purge")).all()
    assert sorted(map(int, events)) == expected
    assert verify_chain()[1] == []
    assert purge_expired(CLI, days=365).purged == []
