"""Many conversations at once: the good ones go in, the bad ones are reported by index or line."""

from __future__ import annotations

import copy
import json

import pytest

from backoffice.conversations.models import Conversation
from backoffice.extensions import db
from backoffice.ingest import cli as ingest_cli
from backoffice.ingest.batch import ingest_many
from tests.ingest.conftest import ACTOR, all_of, at, conv, msg


@pytest.fixture
def three(chat, day) -> list[dict]:
    good2 = conv("c-3", msg("1", "merchant", at(day, 9), "您好，设计稿已经发给您了"), merchant="m-3")
    bad = copy.deepcopy(chat) | {"external_id": "c-2"}
    bad["messages"][1]["sender_role"] = "seller"
    return [chat, bad, good2]


def test_good_ones_go_in_and_bad_ones_are_reported_by_index(three):
    outcome = ingest_many(ACTOR, enumerate(copy.deepcopy(three)))
    db.session.commit()
    assert [i for i, _ in outcome.accepted] == [0, 2]
    assert [r.external_id for _, r in outcome.accepted] == ["c-1", "c-3"]
    ((index, external_id, error),) = outcome.rejected
    assert (index, external_id) == (1, "c-2")
    assert error.startswith("messages[1].sender_role: 'seller' is not one of")
    assert [c.external_id for c in all_of(Conversation)] == ["c-1", "c-3"]


def test_the_same_conversation_twice_in_a_batch_is_stored_once(three, count_rows):
    outcome = ingest_many(ACTOR, enumerate(copy.deepcopy([three[0], three[0]])))
    db.session.commit()
    assert [r.new_messages for _, r in outcome.accepted] == [3, 0]
    assert count_rows(Conversation) == 1


def _write(tmp_path, lines: list[str]):
    path = tmp_path / "conversations.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_names_the_lines_and_exits_1(runner, three, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_cli, "CHUNK", 2)  # line numbers must survive chunk boundaries
    good, bad, good2 = (json.dumps(c, ensure_ascii=False) for c in three)
    path = _write(tmp_path, [good, '{"platform": "zbj", ', "", bad, "[1, 2]", good2])
    result = runner.invoke(args=["ingest", str(path)])
    assert result.exit_code == 1, result.output
    assert "line 2: invalid JSON" in result.stderr
    assert "line 4: messages[1].sender_role: 'seller' is not one of" in result.stderr
    assert "line 5: (the conversation): expected a JSON object" in result.stderr
    assert "line 3" not in result.stderr
    assert "line 1:" not in result.stderr
    assert "line 6" not in result.stderr
    assert result.stdout.strip() == ("Ingested 2 conversations, 4 new messages, 1 flags, 1 new cases; "
                                     "3 rejected.")
    assert [c.external_id for c in all_of(Conversation)] == ["c-1", "c-3"]


def test_cli_exits_0_when_everything_went_in(runner, three, tmp_path):
    path = _write(tmp_path, [json.dumps(three[0]), json.dumps(three[2])])
    result = runner.invoke(args=["ingest", str(path)])
    assert result.exit_code == 0, result.output
    assert "0 rejected" in result.stdout
    assert "line" not in result.stderr
    again = runner.invoke(args=["ingest", str(path)])
    assert again.exit_code == 0
    assert again.stdout.startswith("Ingested 2 conversations, 0 new messages, 0 flags, 0 new cases")
