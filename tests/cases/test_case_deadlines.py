"""A case's review deadline (issue 22): its tier from the pack, counted in business hours, said in words."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from backoffice.cases import claims, decisions, sla
from backoffice.cases.models import Case, CaseKind
from backoffice.cases.operations import report_fraud
from backoffice.extensions import db
from backoffice.merchants.models import Platform
from backoffice.policy.business_hours import BusinessClock
from tests.builders import CLI, web

from .conftest import violation

BEIJING = ZoneInfo("Asia/Shanghai")
CHINA = BusinessClock(tz=BEIJING, opens=dt.time(9), closes=dt.time(18))


def bj(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BEIJING).astimezone(dt.UTC)


def test_a_first_offsite_contact_case_is_due_in_nine_business_hours(open_case):
    case = open_case()
    assert case.sla_basis == {"hours": 9, "clock": "business_hours", "tier": "standard"}
    assert case.sla_due_at == CHINA.add(case.opened_at, dt.timedelta(hours=9))


def test_an_urgent_rule_opened_on_friday_evening_is_due_on_monday(merchant):
    case = Case(platform=Platform.zbj, merchant_id=merchant.id, rule_code="zbj.illegal_service",
                kind=CaseKind.violation)
    sla.set_deadline(case, bj(2026, 12, 4, 17, 30))  # Friday 17:30: 30 minutes on Friday, 3.5 h on Monday
    assert case.sla_due_at == bj(2026, 12, 7, 12, 30)
    assert case.sla_basis == {"hours": 4, "clock": "business_hours", "tier": "urgent_rule"}


def test_a_case_opened_before_national_day_waits_out_the_holiday(make_merchant):
    shop = make_merchant("c-1", platform="community")
    case = Case(platform=Platform.community, merchant_id=shop.id, rule_code="community.spam_ads",
                kind=CaseKind.violation)
    sla.set_deadline(case, bj(2026, 9, 30, 10, 0))  # 18 h: 8 on 30 Sep, 1-7 October off, 9 on 8 Oct, 1 on 9 Oct
    assert case.sla_due_at == bj(2026, 10, 9, 10, 0)
    assert case.sla_basis["tier"] == "standard"
    assert case.sla_basis["hours"] == 18


def test_a_merchant_whose_next_offence_means_removal_gets_an_urgent_case_and_the_page_says_why(
        open_case, make_user, client, login):
    alice, boss = make_user("reviewer", "alice"), make_user("manager", "boss")
    first = open_case()
    claims.claim(web(alice), first, alice)
    ruling = decisions.decide(web(alice), first, violation(), expected_version=first.version)
    db.session.commit()
    if ruling.penalty_decision_id is None:  # four-eyes: the manager approves
        decisions.approve(web(boss), ruling, True, "同意")
        db.session.commit()

    second = open_case()  # seed 000: 第二次 off-platform contact is removal (清退) and the whole deposit
    assert second.sla_basis == {"hours": 4, "clock": "business_hours", "tier": "removal_possible"}
    assert second.sla_due_at == CHINA.add(second.opened_at, dt.timedelta(hours=4))
    login("alice")
    assert "4 个工作小时，可能清退" in client.get(f"/cases/{second.id}").get_data(as_text=True)
    queue = client.get("/cases").get_data(as_text=True)
    assert "4 个工作小时，可能清退" in queue
    assert "9 个工作小时，常规" not in queue


def test_a_merchants_fraud_report_is_urgent_on_zbj(merchant, open_case):
    case = open_case()
    report = report_fraud(CLI, case.conversation, "对方让我先付押金到站外账户")
    db.session.commit()
    assert report.sla_basis == {"hours": 4, "clock": "business_hours", "tier": "urgent_rule"}


def test_the_api_shows_the_deadline_and_its_basis(open_case, make_user, bearer, client):
    make_user("reviewer", "alice")
    case = open_case()
    body = client.get(f"/api/v1/cases/{case.id}", headers=bearer("alice", "read")).get_json()
    assert body["sla_due_at"] == case.sla_due_at.isoformat()
    assert body["sla_basis"] == {"hours": 9, "clock": "business_hours", "tier": "standard"}
