"""The reviewer whose ruling an appeal overturned or reduced is told, with the reasons, in their language."""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import AppealOutcome
from backoffice.extensions import db
from backoffice.notifications.models import Notification
from tests.builders import web

from .test_decisions import submitted


def _notes(user) -> list[Notification]:
    return list(db.session.scalars(sa.select(Notification).filter_by(user_id=user.id).order_by(Notification.id)))


def test_an_overturned_ruling_is_told_to_its_reviewer_with_the_reasons(merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    before = len(_notes(staff.reviewer))
    appeals.decide(web(staff.senior), submitted(user, ruling), AppealOutcome.overturned, "客户先发的微信号")
    db.session.commit()
    (note,) = _notes(staff.reviewer)[before:]
    assert note.title == f"你对案件 {ruling.case_id} 的处罚已在申诉中被撤销"  # the reviewer's language: Chinese
    assert note.body == "senior 给出的理由：客户先发的微信号"
    assert note.link == f"/cases/{ruling.case_id}"


def test_a_reduced_ruling_is_told_in_the_reviewers_own_language(merchant_user, staff, ruling_for):
    staff.reviewer.locale = "en"
    db.session.commit()
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    before = len(_notes(staff.reviewer))
    appeals.decide(web(staff.senior), submitted(user, ruling), AppealOutcome.reduced, "保证金部分不合理",
                   drop=("deposit_deduction",))
    db.session.commit()
    (note,) = _notes(staff.reviewer)[before:]
    assert note.title == f"Your ruling on case {ruling.case_id} was reduced on appeal"
    assert "保证金部分不合理" in note.body


def test_an_upheld_ruling_tells_the_reviewer_nothing(merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    before = len(_notes(staff.reviewer))
    appeals.decide(web(staff.senior), submitted(user, ruling), AppealOutcome.upheld, "证据充分")
    db.session.commit()
    assert _notes(staff.reviewer)[before:] == []
