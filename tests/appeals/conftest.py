"""Helpers for the appeals and merchant-portal tests: rulings, staff, tokens and sample files."""

from __future__ import annotations

import io
import struct
import wave
import zlib
from datetime import timedelta
from itertools import count
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from backoffice.cases import claims, decisions
from backoffice.cases.models import Case, CaseDecision, CaseStatus, Flag, FlagSource, Verdict
from backoffice.conversations.models import Channel, Conversation, Message, SenderRole
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.merchants.models import Platform
from tests.builders import CLI, WECHAT, chat, web

CATEGORY = {"zbj.offsite_contact": "offsite_contact", "zbj.ads_spam": "ads_spam",
            "taobao.ads_non_sale_listing": "ads_spam", "taobao.ads_repeated": "ads_spam",
            "taobao.malicious_harassment": "abuse", "taobao.misleading_effect": "prohibited_content"}
_numbers = count(1)


def ingested_case(merchant) -> Case:
    """Ingest a ZBJ chat in which the merchant gives a WeChat id: one zbj.offsite_contact case."""
    result = ingest(CLI, chat(f"c-{next(_numbers)}", merchant.external_id,
                              ("customer", "你好，logo设计多少钱？"), ("merchant", WECHAT)))
    db.session.commit()
    assert len(result.cases_opened) == 1, result
    return db.session.get(Case, result.cases_opened[0])


def direct_case(merchant, rule_code: str) -> Case:
    """An open case inserted directly (no detector, no automatic measures), with one quoted message."""
    now = utcnow()
    conv = Conversation(platform=merchant.platform, external_id=f"d-{next(_numbers)}", channel=Channel.im,
                        merchant_id=merchant.id, customer_external_id="u-1", customer_name="客户",
                        created_at=now)
    db.session.add(conv)
    db.session.flush()
    msg = Message(conversation_id=conv.id, external_id="1", sender_role=SenderRole.merchant,
                  sent_at=now - timedelta(minutes=5), text="这是一条被举报的消息")
    case = Case(platform=merchant.platform, merchant_id=merchant.id, conversation_id=conv.id,
                rule_code=rule_code, category=CATEGORY.get(rule_code, "ads_spam"), status=CaseStatus.open,
                priority=1, opened_at=now, last_flag_at=now, has_detector=True, flag_count=1, version=1)
    db.session.add_all([msg, case])
    db.session.flush()
    db.session.add(Flag(case_id=case.id, conversation_id=conv.id, message_id=msg.id,
                        source=FlagSource.detector, rule_code=rule_code, category=case.category,
                        detector="test", start=0, end=4, matched="这是一条"))
    db.session.commit()
    return case


def decide_case(case: Case, reviewer, severity: str = "general", rule_code: str | None = None,
                manager=None) -> CaseDecision:
    """Claim and decide a case as a violation; approve it with ``manager`` when four-eyes applies."""
    claims.claim(web(reviewer), case, reviewer)
    ruling = decisions.decide(web(reviewer), case, decisions.DecisionInput(
        verdict=Verdict.violation, rationale="商家主动发送微信号", rule_code=rule_code or case.rule_code,
        severity=severity), expected_version=case.version)
    db.session.commit()
    if ruling.penalty_decision_id is None:
        assert manager is not None, ruling.approval_reasons
        decisions.approve(web(manager), ruling, True, "同意")
        db.session.commit()
    assert ruling.penalty_decision_id is not None
    return ruling


@pytest.fixture(autouse=True)
def _english(app):
    """English messages outside requests."""
    from flask_babel import force_locale

    with force_locale("en"):
        yield


@pytest.fixture
def staff(make_user):
    """The reviewer who decides rulings, two senior reviewers and a manager."""
    return SimpleNamespace(reviewer=make_user("reviewer", login="rev"),
                           senior=make_user("senior_reviewer", login="senior"),
                           senior2=make_user("senior_reviewer", login="senior2"),
                           manager=make_user("manager", login="boss"))


@pytest.fixture
def ruling_for(staff):
    """``ruling_for(merchant, rule_code=..., severity=...)``: a ruling in force on a direct case."""
    def make(merchant, rule_code: str | None = None, severity: str = "general") -> CaseDecision:
        rule_code = rule_code or ("zbj.offsite_contact" if merchant.platform is Platform.zbj
                                  else "taobao.ads_non_sale_listing")
        return decide_case(direct_case(merchant, rule_code), staff.reviewer, severity, manager=staff.manager)

    return make


@pytest.fixture
def merchant_user(make_user, make_merchant):
    """``merchant_user(login, platform=...)``: a merchant account (English UI) of a fresh merchant."""
    def make(login: str, platform: str = "zbj"):
        user = make_user("merchant", login=login, merchant=make_merchant(platform=platform))
        user.locale = "en"
        db.session.commit()
        return user

    return make


@pytest.fixture
def token(bearer):
    return bearer


@pytest.fixture
def uploads(app):
    """What the upload directory holds: stored files, thumbnails and temporary files."""
    root = Path(app.config["UPLOAD_DIR"])

    def listing(sub: str) -> list[Path]:
        return sorted(p for p in (root / sub).rglob("*") if p.is_file()) if (root / sub).exists() else []

    return SimpleNamespace(root=root, files=lambda: listing("files"), thumbs=lambda: listing("thumbs"),
                           tmp=lambda: listing("tmp"), everything=lambda: listing("."))


@pytest.fixture
def shop(merchant_user, ruling_for):
    user = merchant_user("shop")
    return user, ruling_for(user.merchant)


@pytest.fixture
def send(client, login, token, shop):
    """``send(channel, files, statement)``: upload through the web form, a supplement or the API; (status, message)."""
    user, ruling = shop
    login("shop")
    headers = token("shop", "appeal", "read")

    def do(channel: str, files, statement: str = "客户先发的联系方式"):
        data = {"statement": statement, "files": [(io.BytesIO(body), name) for name, body in files]}
        if channel == "api":
            response = client.post(f"/api/v1/cases/{ruling.case_id}/appeal", data=data, headers=headers,
                                   content_type="multipart/form-data")
            error = response.get_json().get("error") or {}
            return response.status_code, error.get("message", "")
        if channel == "supplement":  # files sent after submitting come with a supplement
            data = {"text": statement, "files": data["files"]}
            response = client.post(f"/merchant/rulings/{ruling.id}/appeal/supplements", data=data,
                                   content_type="multipart/form-data", follow_redirects=True)
            return response.status_code, response.get_data(as_text=True)
        response = client.post(f"/merchant/rulings/{ruling.id}/appeal", data={**data, "action": "submit"},
                               content_type="multipart/form-data", follow_redirects=True)
        return response.status_code, response.get_data(as_text=True)

    return do


# Sample files -----------------------------------------------------------------------------------

def png(size=(40, 30), color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def jpeg(size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x01" * 800)
    return out.getvalue()


def zip_bytes() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("evil.html", "<script>alert(1)</script>")
    return out.getvalue()


def exe() -> bytes:
    header = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    return header + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200


def huge_png(width=40_000, height=40_000) -> bytes:
    """A tiny file that claims an enormous picture (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = zlib.compress(b"\x00" * (width // 8 + 1) * 64)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


class Interrupted(io.RawIOBase):
    """A stream that delivers some bytes and then fails, like a dropped phone connection."""

    def __init__(self, data: bytes, fail_after: int):
        self.data, self.pos, self.fail_after = data, 0, fail_after

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if self.pos >= self.fail_after:
            raise OSError("connection reset by peer")
        n = self.fail_after - self.pos if n < 0 else min(n, self.fail_after - self.pos)
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk
