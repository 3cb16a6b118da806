"""The retention purge: what is due, what it removes, what rulings keep, the audit event, and doing it twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.appeals.models import Appeal, Evidence
from backoffice.audit.models import AuditEvent
from backoffice.cases.models import Case, CaseStatus, Flag, Report
from backoffice.conversations.models import Conversation, Message
from backoffice.extensions import db
from backoffice.retention.jobs import purge_expired
from backoffice.rulings.context import content_hash, ruling_facts
from tests.appeals.conftest import direct_case
from tests.builders import CLI

DAYS = 365


def purges_of(conversation_id: int) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "retention.purge", AuditEvent.subject_id == str(conversation_id)))


@pytest.mark.parametrize(("closed_days_ago", "purged"), [
    (DAYS + 30, True),
    (DAYS + 0.01, True),
    (DAYS - 0.01, False),
    (30, False),
])
def test_a_conversation_is_purged_only_once_its_cases_closed_more_than_the_period_ago(closed_ruling, closed_days_ago,
                                                                                       purged):
    ruling = closed_ruling(closed_days_ago)
    conversation_id = ruling.case.conversation_id
    report = purge_expired(CLI, days=DAYS)
    assert (conversation_id in report.purged) is purged
    conversation = db.session.get(Conversation, conversation_id)
    db.session.refresh(conversation)
    assert (conversation.purged_at is not None) is purged
    assert (conversation.customer_name == "") is purged
    assert purges_of(conversation_id) == (1 if purged else 0)


def test_open_cases_are_untouched_however_old(staff, merchant_user):
    case = direct_case(merchant_user("shop").merchant, "zbj.offsite_contact")
    case.opened_at = case.opened_at - timedelta(days=3 * DAYS)
    db.session.commit()
    assert purge_expired(CLI, days=DAYS).due == []
    assert db.session.scalars(sa.select(Message.text).where(Message.conversation_id == case.conversation_id)).all() \
        == ["这是一条被举报的消息"]


def test_a_conversation_with_one_case_still_open_is_untouched(closed_ruling, merchant_user):
    ruling = closed_ruling(DAYS + 30)
    other = Case(platform=ruling.case.platform, merchant_id=ruling.case.merchant_id,
                 conversation_id=ruling.case.conversation_id, rule_code="zbj.ads_spam", category="ads_spam",
                 status=CaseStatus.open)
    db.session.add(other)
    db.session.commit()
    assert purge_expired(CLI, days=DAYS).due == []


def test_retention_is_off_unless_a_period_is_configured(app, closed_ruling):
    closed_ruling(3 * DAYS)
    assert app.config["RETENTION_DAYS"] is None
    report = purge_expired(CLI)
    assert report.days is None
    assert report.purged == []
    app.config["RETENTION_DAYS"] = "365"  # as BACKOFFICE_RETENTION_DAYS arrives from the environment
    assert len(purge_expired(CLI).purged) == 1


def test_the_purge_removes_chat_text_names_and_reports_but_the_ruling_keeps_its_masked_quotes(closed_ruling):
    ruling = closed_ruling(DAYS + 30, ingested=True)
    conversation_id = ruling.case.conversation_id
    db.session.add(Report(conversation_id=conversation_id, reporter_role="customer", reason="offsite_contact",
                          text="商家让我加微信 abc12345", reported_at=ruling.decided_at, fingerprint="r1"))
    db.session.commit()
    before = ruling_facts(ruling)
    assert before["customer"] == "王**"
    assert "abc12345" not in str(before["messages"])

    assert purge_expired(CLI, days=DAYS).purged == [conversation_id]
    db.session.expire_all()

    texts = dict(db.session.execute(sa.select(Message.sender_role, Message.text)
                                    .where(Message.conversation_id == conversation_id)).all())
    assert texts["customer"] == ""  # not quoted by the ruling: gone
    assert "abc12345" not in texts["merchant"]  # quoted: masked, as the ruling shows it
    assert "a******5" in texts["merchant"]
    assert db.session.scalar(sa.select(Report.text).where(Report.conversation_id == conversation_id)) == ""
    for flag in db.session.scalars(sa.select(Flag).where(Flag.conversation_id == conversation_id)):
        assert "abc12345" not in flag.matched
        assert flag.features == []
    conversation = db.session.get(Conversation, conversation_id)
    assert conversation.customer_name == ""
    after = ruling_facts(db.session.get(type(ruling), ruling.id))
    assert after == before
    assert content_hash(after) == content_hash(before)  # printed copies still verify


def test_appeal_statements_and_evidence_files_are_purged_with_the_conversation(closed_ruling, appealed, uploads):
    ruling = closed_ruling(DAYS + 30)
    appeal = appealed(ruling)
    assert len(uploads.files()) == 1
    report = purge_expired(CLI, days=DAYS)
    assert report.evidence_files == 1
    assert uploads.files() == []
    db.session.expire_all()
    appeal = db.session.get(Appeal, appeal.id)
    assert appeal.statement == ""
    assert appeal.purged_at is not None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Evidence)) == 0


def test_an_evidence_file_another_appeal_also_filed_stays_for_it(closed_ruling, appealed, uploads):
    old = closed_ruling(DAYS + 30)
    appealed(old)
    recent = closed_ruling(DAYS + 30)
    appealed(recent)  # the same photo, stored once
    recent.case.closed_at = recent.case.closed_at + timedelta(days=60)
    db.session.commit()
    report = purge_expired(CLI, days=DAYS)
    assert report.purged == [old.case.conversation_id]
    assert report.evidence_files == 0
    assert len(uploads.files()) == 1


def test_an_undecided_appeal_keeps_the_conversation_until_it_is_decided(closed_ruling, appealed):
    ruling = closed_ruling(DAYS + 30)
    appealed(ruling, decided=False)
    report = purge_expired(CLI, days=DAYS)
    assert report.purged == []
    assert report.skipped == [ruling.case.conversation_id]


def test_a_ruling_still_open_to_appeal_keeps_its_conversation(closed_ruling):
    ruling = closed_ruling(3)  # ZBJ's window is seven platform days
    report = purge_expired(CLI, days=1)
    assert report.purged == []
    assert report.skipped == [ruling.case.conversation_id]


def test_the_purge_is_audited_once_and_a_second_run_does_nothing(closed_ruling):
    ruling = closed_ruling(DAYS + 30, ingested=True)
    conversation_id = ruling.case.conversation_id
    first = purge_expired(CLI, days=DAYS)
    assert first.purged == [conversation_id]
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "retention.purge"))
    assert event.subject_type == "conversation"
    assert event.via == "cli"
    assert event.after["retention_days"] == DAYS
    assert event.after["rulings"] == [ruling.id]
    assert event.after["messages"] >= 1
    texts = db.session.scalars(sa.select(Message.text).where(Message.conversation_id == conversation_id)).all()

    second = purge_expired(CLI, days=DAYS)
    assert second.due == []
    assert second.purged == []
    assert purges_of(conversation_id) == 1
    assert db.session.scalars(sa.select(Message.text).where(Message.conversation_id == conversation_id)).all() == texts


def test_a_dry_run_lists_and_changes_nothing(closed_ruling):
    ruling = closed_ruling(DAYS + 30)
    report = purge_expired(CLI, days=DAYS, dry_run=True)
    assert report.due == [ruling.case.conversation_id]
    assert report.purged == []
    assert db.session.get(Conversation, ruling.case.conversation_id).purged_at is None
    assert purges_of(ruling.case.conversation_id) == 0


def test_the_command(app, runner, closed_ruling):
    ruling = closed_ruling(DAYS + 30)
    off = runner.invoke(args=["retention", "purge"])
    assert off.exit_code != 0
    assert "BACKOFFICE_RETENTION_DAYS" in off.output
    dry = runner.invoke(args=["retention", "purge", "--dry-run", "--days", str(DAYS)])
    assert dry.exit_code == 0, dry.output
    assert f"({ruling.case.conversation_id})" in dry.output
    app.config["RETENTION_DAYS"] = DAYS
    done = runner.invoke(args=["retention", "purge"])
    assert done.exit_code == 0, done.output
    assert "Purged 1 conversation(s)" in done.output
    assert runner.invoke(args=["retention", "purge", "--days", "0"]).exit_code != 0
