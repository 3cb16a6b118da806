"""``flask detect export-feedback``: reviewers' verdicts on detector flags as training rows."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import AppealOutcome
from backoffice.audit.operations import Actor
from backoffice.cases import claims, decisions
from backoffice.cases.models import Case, Flag, FlagStatus, Verdict
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.timeutil import to_platform_tz
from tests.ingest.conftest import all_of, at, conv, msg, report

PHONE = "您好，这个要详细聊，我的电话13812345678"
WECHAT = "加我薇信 abc12345 详聊"


def _decide(case: Case, reviewer, verdict: Verdict, manager=None):
    actor = Actor(reviewer, "web")
    claims.claim(actor, case, reviewer)
    ruling = decisions.decide(actor, case, decisions.DecisionInput(
        verdict=verdict, rationale="审核", rule_code=case.rule_code,
        severity="general" if verdict is Verdict.violation else None), expected_version=case.version)
    db.session.commit()
    if verdict is Verdict.violation and ruling.penalty_decision_id is None:  # four eyes
        decisions.approve(Actor(manager, "web"), ruling, True, "同意")
        db.session.commit()
    return ruling


@pytest.fixture
def judged(put, day, make_user, make_merchant):
    """c-1 confirmed, c-2 dismissed (two flags), c-3 confirmed then overturned on appeal, c-4 not judged."""
    merchant = make_merchant("m-1")
    reviewer, senior = make_user("reviewer", "rev"), make_user("senior_reviewer", "senior")
    manager = make_user("manager", "boss")
    shop = make_user("merchant", "shop", merchant=merchant)
    for n, text in ((1, PHONE), (2, WECHAT), (3, PHONE), (4, PHONE)):
        put(conv(f"c-{n}", msg("1", "customer", at(day, 10), "你好"),
                 msg("2", "merchant", at(day, 10, 1), text)))
    put(conv("c-5", msg("1", "merchant", at(day, 10), "您好"),
             reports=[report("offsite_contact", at(day, 11))]))
    cases = {c.conversation.external_id: c for c in all_of(Case)}
    scored = cases["c-1"].flags[0]
    scored.view, scored.score, scored.model_version = "digits", 0.97, "lr-2026.12"
    db.session.commit()
    _decide(cases["c-1"], reviewer, Verdict.violation, manager)
    _decide(cases["c-2"], reviewer, Verdict.no_violation)
    ruling = _decide(cases["c-3"], reviewer, Verdict.violation, manager)
    appeal = appeals.start(Actor(shop, "web"), ruling)
    appeals.save_statement(Actor(shop, "web"), appeal, "客户先发的")
    appeals.submit(Actor(shop, "web"), appeal)
    appeals.decide(Actor(senior, "web"), appeal, AppealOutcome.overturned, "客户先索要联系方式",
                   now=utcnow() + timedelta(minutes=5))
    db.session.commit()
    return cases


def _export(runner, tmp_path, *args) -> list[dict]:
    out = tmp_path / "feedback.jsonl"
    result = runner.invoke(args=["detect", "export-feedback", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_one_training_row_per_judged_detector_flag(runner, tmp_path, judged):
    rows = _export(runner, tmp_path)
    by_conv = {}
    for row in rows:
        by_conv.setdefault(row["conversation"], []).append(row)
    assert sorted(by_conv) == ["c-1", "c-2", "c-3"]  # c-4 waits for a reviewer; c-5 is a customer's report
    (confirmed,) = by_conv["c-1"]
    flag = judged["c-1"].flags[0]
    assert confirmed == {
        "id": f"feedback-flag-{flag.id}", "text": PHONE, "labels": ["offsite_contact"],
        "technique": "reviewer feedback", "family": f"feedback-{flag.conversation_id}", "split": "train",
        "group": "violation", "flag_id": flag.id, "label": 1, "category": "offsite_contact",
        "sender_role": "merchant", "platform": "zbj", "conversation": "c-1", "rule": "zbj.offsite_contact",
        "detector": "phone", "term": "phone", "view": "digits", "confidence": 0.95, "score": 0.97,
        "model_version": "lr-2026.12", "source": "text", "judged_at": flag.judged_at.isoformat(),
    }
    dismissed = by_conv["c-2"]
    assert sorted(r["detector"] for r in dismissed) == ["solicit", "wechat_id"]
    assert {(r["label"], tuple(r["labels"]), r["group"], r["text"]) for r in dismissed} == {
        (0, (), "hard_negative", WECHAT)}
    (overturned,) = by_conv["c-3"]
    assert (overturned["label"], overturned["labels"]) == (0, [])
    assert overturned["score"] == judged["c-3"].flags[0].score
    assert overturned["judged_at"] > confirmed["judged_at"]  # when the appeal overturned it
    assert [r["flag_id"] for r in rows] == sorted(
        (r["flag_id"] for r in rows), key=lambda i: (db.session.get(Flag, i).judged_at, i))


def test_rows_are_chosen_by_the_platform_day_of_the_verdict(runner, tmp_path, judged):
    today = to_platform_tz(utcnow()).date()
    day = today.isoformat()
    assert len(_export(runner, tmp_path, "--since", day, "--until", day)) == 4
    assert _export(runner, tmp_path, "--since", (today + timedelta(days=1)).isoformat()) == []
    assert _export(runner, tmp_path, "--until", (today - timedelta(days=1)).isoformat()) == []


def test_inconclusive_and_open_flags_stay_out(runner, tmp_path, judged):
    for flag in judged["c-4"].flags:
        flag.status, flag.judged_at = FlagStatus.inconclusive, utcnow()
    db.session.commit()
    assert "c-4" not in {r["conversation"] for r in _export(runner, tmp_path)}


def test_until_before_since_is_refused(runner):
    result = runner.invoke(args=["detect", "export-feedback", "--since", "2026-03-02",
                                 "--until", "2026-03-01"])
    assert result.exit_code == 2
    assert "--until is before --since" in result.output


def test_standard_output_by_default(runner, judged):
    result = runner.invoke(args=["detect", "export-feedback"])
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 4


def test_conduct_flags_are_no_training_rows(runner, tmp_path, judged):
    """A canned reply (seed 001 机械性回复) is negative service by the conversation's course, not by its
    text: teaching the text model that "有什么可以帮您" is a violation would be wrong."""
    for flag in judged["c-4"].flags:
        flag.where, flag.status, flag.judged_at = "conduct", FlagStatus.confirmed, utcnow()
    db.session.commit()
    assert "c-4" not in {r["conversation"] for r in _export(runner, tmp_path)}
    for flag in judged["c-4"].flags:
        flag.where = "text"
    db.session.commit()
    assert "c-4" in {r["conversation"] for r in _export(runner, tmp_path)}
