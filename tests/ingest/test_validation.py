"""A bad conversation is rejected as a whole, naming the field and the problem, and leaves nothing."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone

import pytest

from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.ingest import operations
from backoffice.ingest.batch import ingest_many
from backoffice.ingest.validation import InvalidConversation, validate
from backoffice.merchants.models import Merchant
from tests.ingest.conftest import ACTOR, SHA, at, conv, msg, report

T = datetime(2026, 3, 14, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def _good() -> dict:
    return conv("c-1",
                msg("1", "customer", T, "你好，在吗？"),
                msg("2", "merchant", T + timedelta(minutes=1), "在的，请看附件",
                    attachments=[{"kind": "image", "name": "稿件.png", "sha256": SHA}]),
                msg("3", "customer", T + timedelta(minutes=2), "收到"),
                reports=[report("offsite_contact", T + timedelta(hours=1))])


def _set(path: str, value):
    def change(p: dict) -> None:
        *parents, last = path.split("/")
        target = p
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value
    return change


def _drop(key: str):
    return lambda p: p.pop(key)


CASES = [
    ("missing platform", _drop("platform"), "(the conversation)", "'platform' is a required property"),
    ("bad channel", _set("channel", "sms"), "channel:", "'sms' is not one of"),
    ("bad sender_role", _set("messages/1/sender_role", "bot"), "messages[1].sender_role:",
     "'bot' is not one of"),
    ("sent_at without offset", _set("messages/0/sent_at", "2026-03-14T10:00:00"), "messages[0].sent_at:",
     "has no UTC offset"),
    ("non-ISO time", _set("messages/2/sent_at", "14/03/2026 10:02 AM"), "messages[2].sent_at:",
     "is not an ISO 8601 date and time"),
    ("duplicate message ids", _set("messages/2/external_id", "1"), "messages[2].external_id:",
     "appears twice"),
    ("too-long text", _set("messages/0/text", "长" * 20001), "messages[0].text:",
     "longer than 20000"),
    ("bad sha256", _set("messages/1/attachments/0/sha256", "not-a-hash"),
     "messages[1].attachments[0].sha256:", "does not match"),
    ("bad report reason", _set("reports/0/reason", "spam"), "reports[0].reason:", "'spam' is not one of"),
    ("report time without offset", _set("reports/0/reported_at", "2026-03-14 11:00:00"),
     "reports[0].reported_at:", "has no UTC offset"),
    ("not an object", lambda p: p.clear() or p.update(x=1), "(the conversation)", "required property"),
    # PostgreSQL text holds no U+0000: refused at the edge, not a 500 at the insert (found by schemathesis)
    ("NUL in a name", _set("customer/name", "王\x00女士"), "customer.name:", "NUL character"),
    ("NUL in a message", _set("messages/1/text", "\x00"), "messages[1].text:", "NUL character"),
]


def test_the_good_conversation_is_valid():
    assert validate(_good())["messages"][0]["_sent_at"] == T


@pytest.mark.parametrize(("change", "field", "problem"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_errors_name_the_field_and_the_problem(change, field, problem):
    payload = _good()
    change(payload)
    with pytest.raises(InvalidConversation) as caught:
        validate(payload)
    message = str(caught.value)
    assert message.startswith(field), message
    assert problem in message
    assert len(message) < 400  # a 20,000-character text is not echoed back


@pytest.mark.parametrize("payload", [[], "conversation", None, 42])
def test_a_non_object_is_rejected(payload):
    with pytest.raises(InvalidConversation, match="expected a JSON object"):
        validate(payload)


def _bad_after_writes(day) -> dict:
    """Valid JSON, but the conversation already belongs to another merchant (found after writing m-2)."""
    return conv("c-1", msg("9", "merchant", at(day, 11), "加我薇信abc123详聊"), merchant="m-2",
                reports=[report("abuse", at(day, 11, 5))])


@pytest.mark.parametrize("bad", ["schema", "other merchant", "late failure"])
def test_a_bad_conversation_leaves_nothing_behind(bad, put, chat, day, snapshot, count_rows, monkeypatch):
    put(chat)
    before = snapshot() | {"Merchant": count_rows(Merchant), "AuditEvent": count_rows(AuditEvent)}
    if bad == "schema":
        payload = copy.deepcopy(chat)
        pdf = [{"kind": "pdf"}]  # not an attachment kind
        payload["messages"].append(msg("4", "merchant", at(day, 11), "加我微信", attachments=pdf))
    elif bad == "other merchant":
        payload = _bad_after_writes(day)
    else:  # everything is written (messages, flags, cases, ledger, report) before the last group fails
        payload = copy.deepcopy(chat)
        payload["messages"].append(msg("4", "merchant", at(day, 11), "刷单返利，日结，一单五块"))
        payload["messages"].append(msg("5", "merchant", at(day, 11, 1), "加我薇信abc123详聊"))
        payload["reports"] = [report("abuse", at(day, 11, 5))]
        real, calls = operations.add_flags, []

        def failing(*args, **kwargs):
            calls.append(real(*args, **kwargs))
            if len(calls) == 3:
                raise InvalidConversation("simulated failure after writing")
            return calls[-1]

        monkeypatch.setattr(operations, "add_flags", failing)
    outcome = ingest_many(ACTOR, [(7, payload)])
    db.session.commit()
    assert outcome.accepted == []
    assert [(i, ext) for i, ext, _ in outcome.rejected] == [(7, "c-1")]
    assert snapshot() | {"Merchant": count_rows(Merchant), "AuditEvent": count_rows(AuditEvent)} == before
    if bad == "late failure":
        assert len(calls) == 3  # the failure really came after cases and measures were written
