"""The development corpus (eval/corpus): what issue 17 asks of it, and that the committed files
are what the family files build, so the split a figure was measured on is the one in the repository."""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "eval" / "corpus"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows():
    with (CORPUS / "messages.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_the_committed_corpus_is_what_the_family_files_build(build, rows):
    """Deterministic: a family added without rebuilding (or a hand-edited row) fails here."""
    assert build.build_messages() == rows
    with (CORPUS / "conversations.jsonl").open(encoding="utf-8") as fh:
        assert build.build_conversations() == [json.loads(line) for line in fh]


def test_a_family_added_leaves_every_other_family_s_rows_as_they_were(build, rows, monkeypatch):
    """Each family draws from its own random stream: a new writer's file (sorted anywhere among
    the others) must not re-render the rows a figure was measured on."""
    families = build.all_families()
    extra = build.Family("aaa-new-idea", ("offsite_contact",), "plain", ("加我{wx}，发你报价", "打{phone}详聊"))
    monkeypatch.setattr(build, "all_families", lambda: [extra, *families])
    again = build.build_messages()
    assert [r for r in again if r["family"] != extra.id] == rows
    assert any(r["family"] == extra.id for r in again)


def test_every_rewrite_of_an_idea_lands_in_its_family_s_split(build, rows):
    splits = defaultdict(set)
    for r in rows:
        splits[r["family"]].add(r["split"])
    assert all(s == {build.split_of(f)} for f, s in splits.items())
    assert {s for ss in splits.values() for s in ss} == {"train", "dev", "test"}


def test_the_corpus_is_as_large_and_varied_as_the_issue_asks(rows):
    """Issue 17: at least 4,000 labelled messages and 150 conversations across the four flagged
    categories, 30 evasion techniques and 20 hard-negative kinds, every row tagged."""
    assert len(rows) >= 4000
    assert {c for r in rows for c in r["labels"]} == {"offsite_contact", "ads_spam", "illegal_service", "abuse"}
    assert all(r["technique"] for r in rows)
    assert len({r["technique"] for r in rows if r["group"] == "violation"}) >= 30
    assert len({r["technique"] for r in rows if r["group"] == "hard_negative"}) >= 20
    with (CORPUS / "conversations.jsonl").open(encoding="utf-8") as fh:
        assert sum(1 for _ in fh) >= 150
