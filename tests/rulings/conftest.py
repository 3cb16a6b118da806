"""Rulings from ingested chats, decided by a reviewer; helpers to read PDFs."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from itertools import count

import pytest

from backoffice.audit.operations import Actor
from backoffice.cases import claims, decisions
from backoffice.cases.models import Case, Verdict
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ingest.operations import ingest

CLI = Actor(None, "cli")
HTML_BAIT = "<img src=http://x/a.png>"
WECHAT = f"加我薇信 abc12345 详聊 {HTML_BAIT}"  # ZBJ: opens a zbj.offsite_contact case
RATIONALE = "商家在会话中向客户王女士发送微信号 abc12345，引导站外交易。"


def chat(external_id: str, merchant: str, *texts: tuple[str, str]) -> dict:
    start = utcnow() - timedelta(hours=1, minutes=len(texts))
    return {
        "platform": "zbj", "external_id": external_id, "channel": "im",
        "merchant": {"external_id": merchant, "name": "重庆山城品牌设计工作室"},
        "customer": {"external_id": f"u-{external_id}", "name": "王女士"},
        "messages": [{"external_id": f"msg-{n}", "sender_role": role, "text": text,
                      "sent_at": (start + timedelta(minutes=n)).isoformat()}
                     for n, (role, text) in enumerate(texts, 1)],
    }


@pytest.fixture
def reviewer(make_user):
    return make_user("reviewer")


@pytest.fixture
def make_ruling(app, reviewer):
    """Ingest a chat in which merchant ``merchant`` gives a WeChat id, and confirm the violation."""
    numbers = count(1)

    def make(merchant: str = "m-a"):
        result = ingest(CLI, chat(f"c-{next(numbers)}", merchant, ("customer", "你好，logo设计多少钱？"),
                                  ("merchant", WECHAT)))
        db.session.commit()
        case = db.session.get(Case, result.cases_opened[0])
        actor = Actor(reviewer, "web")
        claims.claim(actor, case, reviewer)
        db.session.commit()
        ruling = decisions.decide(actor, case, decisions.DecisionInput(
            verdict=Verdict.violation, rationale=RATIONALE, rule_code="zbj.offsite_contact", severity="general"),
            expected_version=case.version)
        db.session.commit()
        return ruling

    return make


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,  # noqa: S603,S607
                          ).stdout.decode()
