"""kill -9 in the middle of a bulk ingestion, then the same command again: nothing lost, nothing twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from backoffice.cases.models import Case
from backoffice.conversations.models import Conversation, Message
from backoffice.extensions import db
from tests.builders import WECHAT, chat

CONVERSATIONS = 400


def _ingest(app, path, tmp_path) -> subprocess.Popen:
    env = {**os.environ, "BACKOFFICE_DATABASE_URL": app.config["DATABASE_URL"],
           "BACKOFFICE_SECRET_KEY": app.config["SECRET_KEY"], "BACKOFFICE_UPLOAD_DIR": str(tmp_path / "uploads")}
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "backoffice", "ingest", str(path)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _count(model) -> int:
    db.session.rollback()  # see what the other process committed
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.mark.postgres_only  # one database that two processes share
def test_an_ingestion_killed_mid_way_resumes_without_loss_or_duplicates(app, runner, tmp_path):
    path = tmp_path / "chats.jsonl"
    path.write_text("".join(json.dumps(chat(f"c-{n}", f"m-{n % 40}", ("customer", "你好，能做logo吗？"),
                                            ("merchant", WECHAT))) + "\n" for n in range(CONVERSATIONS)),
                    encoding="utf-8")

    first = _ingest(app, path, tmp_path)
    deadline = time.monotonic() + 120
    while _count(Conversation) == 0 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    log = first.stdout.read().decode()
    first.stdout.close()
    assert first.returncode == -signal.SIGKILL, log  # killed, not finished
    assert 0 < _count(Conversation) < CONVERSATIONS

    second = _ingest(app, path, tmp_path)
    output = second.communicate(timeout=600)[0].decode()
    assert second.returncode == 0, output
    assert _count(Conversation) == CONVERSATIONS
    assert _count(Message) == 2 * CONVERSATIONS
    assert _count(Case) == CONVERSATIONS  # one off-platform-contact case per conversation, none twice
    for command in (["audit", "verify"], ["ledger", "verify"]):
        result = runner.invoke(args=command)
        assert result.exit_code == 0, result.output
