"""Closed cases of a given age, with rulings and appeals, for the retention tests."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import AppealOutcome
from backoffice.cases.models import CaseStatus
from backoffice.db import utcnow
from backoffice.extensions import db
from tests.appeals.conftest import decide_case, direct_case, ingested_case, png
from tests.builders import web


@pytest.fixture
def staff(make_user):
    """A reviewer, a senior reviewer (appeals) and a manager (approvals)."""
    return SimpleNamespace(reviewer=make_user("reviewer", login="rev"),
                           senior=make_user("senior_reviewer", login="senior"),
                           manager=make_user("manager", login="boss"))


@pytest.fixture
def merchant_user(make_user, make_merchant):
    """``merchant_user(login)``: a merchant account of a fresh ZBJ merchant."""
    return lambda login: make_user("merchant", login=login, merchant=make_merchant())


@pytest.fixture
def uploads(app):
    """The evidence files stored (not their thumbnails)."""
    root = Path(app.config["UPLOAD_DIR"]) / "files"
    return SimpleNamespace(files=lambda: sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else [])


def age(ruling, days: float) -> None:
    """Move a ruling and its case back in time: decided and closed ``days`` ago."""
    at = utcnow() - timedelta(days=days)
    ruling.decided_at = at
    if ruling.approved_at is not None:
        ruling.approved_at = at
    ruling.case.closed_at = at
    db.session.commit()


@pytest.fixture
def closed_ruling(staff, merchant_user):
    """``closed_ruling(days, ingested=False)``: a ruling on a case closed ``days`` ago."""
    def make(days: float, *, ingested: bool = False, user=None):
        user = user or merchant_user(f"shop{utcnow().timestamp()}")
        case = ingested_case(user.merchant) if ingested else direct_case(user.merchant, "zbj.offsite_contact")
        ruling = decide_case(case, staff.reviewer, manager=staff.manager)
        assert ruling.case.status is CaseStatus.decided
        age(ruling, days)
        ruling.merchant_user = user
        return ruling

    return make


@pytest.fixture
def appealed(staff):
    """``appealed(ruling, decided=True)``: the merchant appealed with a statement and a photo."""
    def make(ruling, *, decided: bool = True):
        user = ruling.merchant_user
        at = ruling.decided_at + timedelta(days=1)
        appeal = appeals.start(web(user), ruling, now=at)
        appeals.save_statement(web(user), appeal, "我的客户王女士要求加微信，电话 13812345678", now=at)
        appeals.add_evidence(web(user), appeal, io.BytesIO(png()), "聊天截图.png", now=at)
        appeals.submit(web(user), appeal, now=at)
        db.session.commit()
        if decided:
            appeals.decide(web(staff.senior), appeal, AppealOutcome.upheld, "维持原处罚", now=at + timedelta(days=1))
            db.session.commit()
        return appeal

    return make
