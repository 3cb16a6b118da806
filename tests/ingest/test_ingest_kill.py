"""kill -9 in the middle of a bulk ingestion, then the same command again: nothing lost, nothing twice."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from backoffice.cases.models import Case
from backoffice.conversations.models import Conversation, Message
from backoffice.extensions import db
from backoffice.ingest.models import MassSending
from tests.builders import WECHAT, chat
from tests.concurrency import flask_command, kill_when

CONVERSATIONS = 400


def _count(model) -> int:
    db.session.rollback()  # see what the other process committed
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.mark.postgres_only  # one database that two processes share
def test_an_ingestion_killed_mid_way_resumes_without_loss_or_duplicates(app, runner, tmp_path):
    path = tmp_path / "chats.jsonl"
    path.write_text("".join(json.dumps(chat(f"c-{n}", f"m-{n % 40}", ("customer", "你好，能做logo吗？"),
                                            ("merchant", WECHAT))) + "\n" for n in range(CONVERSATIONS)),
                    encoding="utf-8")

    kill_when(flask_command(app, tmp_path, "ingest", str(path)), lambda: _count(Conversation) > 0)
    assert 0 < _count(Conversation) < CONVERSATIONS

    second = flask_command(app, tmp_path, "ingest", str(path))
    output = second.communicate(timeout=600)[0].decode()
    assert second.returncode == 0, output
    assert _count(Conversation) == CONVERSATIONS
    assert _count(Message) == 2 * CONVERSATIONS
    # one off-platform-contact case per conversation, and each of the 40 merchants sent its WeChat id to
    # 10 customers: one mass-sending (群发) case per merchant; none twice
    assert _count(Case) == CONVERSATIONS + 40
    assert _count(MassSending) == 40
    for command in (["audit", "verify"], ["ledger", "verify"]):
        result = runner.invoke(args=command)
        assert result.exit_code == 0, result.output
