"""The calibration pages: who reaches what, the managers' numbers and CSVs, drawing and withdrawing."""

from __future__ import annotations

import csv
import io
import re
from html import escape
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from flask_babel import gettext

from backoffice.audit.models import AuditEvent
from backoffice.calibration import operations as ops
from backoffice.calibration.models import CalibrationReview
from backoffice.cases.models import Verdict
from backoffice.extensions import db
from tests.builders import web

OFFSITE, ADS = "zbj.offsite_contact", "zbj.ads_spam"
V, N, I = Verdict.violation, Verdict.no_violation, Verdict.insufficient_evidence

#: (original decider, original verdict, rule, severity, second reviewer, second verdict, rule, severity)
PAIRS = [
    ("ann", "violation", OFFSITE, "general", "dan", V, OFFSITE, "general"),  # full agreement
    ("ann", "violation", OFFSITE, "general", "dan", V, OFFSITE, "serious"),  # same verdict, other severity
    ("ann", "no_violation", OFFSITE, None, "dan", V, OFFSITE, "general"),  # different verdict
    ("ann", "insufficient_evidence", OFFSITE, None, "cat", I, None, None),
    ("bob", "violation", ADS, "general", "dan", V, ADS, "general"),
    ("bob", "no_violation", ADS, None, "cat", N, None, None),
]


@pytest.fixture
def calibrated(staff, merchant, closed_case):
    """The six completed pairs above and one open review (bob's case, assigned to cat)."""
    cases = []
    for decider, verdict, rule, severity, second, v2, rule2, severity2 in PAIRS:
        case = closed_case(merchant, getattr(staff, decider), verdict=verdict, rule=rule, severity=severity)
        review = _assign(case, getattr(staff, second), staff.boss)
        ops.submit(web(review.reviewer), review, ops.BlindJudgment(v2, f"第二意见 {case.id}", rule2, severity2))
        cases.append(case)
    pending = closed_case(merchant, staff.bob)
    open_review = _assign(pending, staff.cat, staff.boss)
    db.session.commit()
    return SimpleNamespace(cases=cases, open_review=open_review, pending=pending)


def _assign(case, reviewer, manager) -> CalibrationReview:
    review = CalibrationReview(case_id=case.id, original_decision_id=case_decision_id(case),
                               reviewer_id=reviewer.id, sampled_by_id=manager.id)
    db.session.add(review)
    db.session.flush()
    return review


def case_decision_id(case) -> int:
    from backoffice.cases.models import CaseDecision

    return db.session.scalar(sa.select(CaseDecision.id).where(CaseDecision.case_id == case.id))


def rows(client, name: str) -> list[list[str]]:
    response = client.get(f"/calibration/{name}.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_manager_sees_agreement_numbers_that_match_a_hand_count(client, login, calibrated):
    login("boss")
    assert rows(client, "by_reviewer")[1:] == [
        # ann: 4 reviews, 3 same verdicts, 2 full; bob: 2 reviews, both fully agree.
        ["ann", "4", "3", "0.75", "2", "0.5"], ["bob", "2", "2", "1.0", "2", "1.0"]]
    assert rows(client, "by_rule")[1:] == [[ADS, "2", "2", "1.0", "2", "1.0"],
                                           [OFFSITE, "4", "3", "0.75", "2", "0.5"]]
    assert rows(client, "by_second_reviewer")[1:] == [["cat", "2", "2", "1.0", "2", "1.0"],
                                                      ["dan", "4", "3", "0.75", "2", "0.5"]]
    # Verdicts: original V3 N2 I1, second V4 N1 I1; po = 5/6, pe = (12+2+1)/36; kappa = 15/21 = 0.714.
    assert rows(client, "overall") == [
        ["reviews", "verdict_agreements", "verdict_agreement_rate", "full_agreements", "full_agreement_rate",
         "cohen_kappa"], ["6", "5", "0.833", "4", "0.667", "0.714"]]
    pairs = rows(client, "pairs")
    assert len(pairs) == 7
    assert [r[-3:-1] for r in pairs[1:]] == [["1", "1"], ["1", "0"], ["0", "0"], ["1", "1"],
                                                                 ["1", "1"], ["1", "1"]]
    html = client.get("/calibration").get_data(as_text=True)
    assert re.search(r'<span class="num">1</span><span class="label">[^<]+</span></div>\s*'
                     r'<div class="stat"><span class="num">6</span>', html)
    assert "83%" in html
    assert "67%" in html
    assert "0.71" in html
    disagreements = html.split('id="disagreements"')[1].split('id="open"')[0]
    linked = {int(i) for i in re.findall(r'href="/cases/(\d+)"', disagreements)}
    assert linked == {calibrated.cases[1].id, calibrated.cases[2].id}
    assert f"第二意见 {calibrated.cases[2].id}" in disagreements
    assert "原始理由" in disagreements
    assert f'href="/cases/{calibrated.pending.id}"' in html.split('id="open"')[1]
    assert "<svg" in html


def test_the_page_reads_well_with_nothing_yet(client, login, staff):
    login("boss")
    html = client.get("/calibration").get_data(as_text=True)
    assert escape(gettext("No completed calibration reviews yet.")) in html
    assert 'action="/calibration/draw"' in html
    assert rows(client, "overall")[1] == ["0", "0", "0.0", "0", "0.0", ""]


def test_unknown_dataset_is_not_found(client, login, staff):
    login("boss")
    assert client.get("/calibration/nope.csv").status_code == 404


@pytest.mark.parametrize(("who", "method", "path", "status"), [
    ("ann", "get", "/calibration", 403),
    ("ann", "post", "/calibration/draw", 403),
    ("ann", "get", "/calibration/by_reviewer.csv", 403),
    ("cat", "post", "/calibration/draw", 403),
    ("shop", "get", "/calibration", 403),
    ("shop", "get", "/calibration/mine", 403),
    ("shop", "get", "/calibration/reviews/{open}", 403),
    ("shop", "post", "/calibration/reviews/{open}", 403),
    ("root", "get", "/calibration", 200),
    ("root", "get", "/calibration/by_rule.csv", 200),
    ("root", "post", "/calibration/draw", 403),
    ("root", "get", "/calibration/mine", 403),
    ("boss", "post", "/calibration/reviews/{open}/withdraw", 302),
    ("cat", "post", "/calibration/reviews/{open}/withdraw", 403),
])
def test_roles(client, login, make_user, calibrated, who, method, path, status):
    if who == "shop":
        make_user("merchant", "shop")
    if who == "root":
        make_user("admin", "root")
    login(who)
    response = getattr(client, method)(path.format(open=calibrated.open_review.id), data={"size": "1"})
    assert response.status_code == status


def test_admin_sees_the_numbers_but_no_draw_form(client, login, make_user, calibrated):
    make_user("admin", "root")
    login("root")
    html = client.get("/calibration").get_data(as_text=True)
    assert 'action="/calibration/draw"' not in html
    assert "/withdraw" not in html


@pytest.mark.parametrize("who", ["ann", "dan", "boss"])
def test_only_the_assigned_reviewer_opens_or_submits_an_assignment(client, login, calibrated, who):
    review = calibrated.open_review  # assigned to cat
    login(who)
    assert client.get(f"/calibration/reviews/{review.id}").status_code == 404
    response = client.post(f"/calibration/reviews/{review.id}", data={"verdict": "no_violation", "rationale": "x"})
    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(CalibrationReview, review.id).completed_at is None
    if who != "boss":
        assert f'/calibration/reviews/{review.id}"' not in client.get("/calibration/mine").get_data(as_text=True)


def test_my_calibration_reviews_lists_mine_with_a_count_in_the_menu(client, login, calibrated):
    login("cat")
    html = client.get("/calibration/mine").get_data(as_text=True)
    assert f'href="/calibration/reviews/{calibrated.open_review.id}"' in html
    nav = html.split('<nav class="mainnav">')[1].split("</nav>")[0]
    assert re.search(r'href="/calibration/mine"[^>]*>[^<]+ <span class="badge">1</span>', nav)
    assert f"/cases/{calibrated.pending.id}" not in html
    client.post("/logout")
    login("dan")
    html = client.get("/calibration/mine").get_data(as_text=True)
    assert f"/calibration/reviews/{calibrated.open_review.id}\"" not in html
    assert 'class="badge"' not in html.split('<nav class="mainnav">')[1].split("</nav>")[0]
    assert client.get(f"/calibration/reviews/{calibrated.open_review.id}").status_code == 404


def test_a_manager_draws_through_the_form(client, login, staff, merchant, closed_case):
    for _ in range(3):
        closed_case(merchant, staff.boss)
    login("boss")
    page = client.get("/calibration").get_data(as_text=True)
    nav = page.split('<nav class="mainnav">')[1].split("</nav>")[0]
    assert 'href="/dashboard" aria-current="page"' in nav  # the reports share the dashboard's entry
    tabs = page.split('<nav class="tabs reports"')[1].split("</nav>")[0]
    assert 'href="/calibration" aria-current="page"' in tabs
    response = client.post("/calibration/draw", data={"size": "2", "seed": "9", "reviewers": [str(staff.ann.id)]},
                           follow_redirects=True)
    assert response.status_code == 200
    assert escape(gettext("%(n)d case(s) sent for blind review (seed %(seed)d).", n=2, seed=9)) in \
        response.get_data(as_text=True)
    drawn = db.session.scalars(sa.select(CalibrationReview)).all()
    assert len(drawn) == 2
    assert {r.reviewer_id for r in drawn} == {staff.ann.id}


@pytest.mark.parametrize(("data", "message"), [
    ({"size": "0", "seed": "77"}, None),
    ({"size": "abc", "seed": "77"}, None),
    ({"size": "3", "seed": "77", "closed_from": "2026-03-10", "closed_to": "2026-03-01"},
     "The end of the period is before its start."),
    ({"size": "3", "seed": "77", "closed_from": "2020-01-01", "closed_to": "2020-01-31"},
     "No closed case matches these filters (cases sampled before are left out)."),
    ({"size": "3", "seed": "77", "platform": "ebay"}, None),
])
def test_bad_draws_are_refused_clearly_and_keep_the_input(client, login, staff, merchant, closed_case, data,
                                                          message):
    closed_case(merchant, staff.boss)
    login("boss")
    response = client.post("/calibration/draw", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert escape(gettext(message)) in html if message else '<p class="error">' in html
    assert re.search(r'name="seed"[^>]*value="77"|value="77"[^>]*name="seed"', html)
    assert db.session.scalars(sa.select(CalibrationReview)).all() == []


def test_withdrawing_an_open_review_keeps_the_submitted_ones(client, login, calibrated):
    login("boss")
    done = db.session.scalars(sa.select(CalibrationReview.id).where(
        CalibrationReview.completed_at.is_not(None))).first()
    response = client.post(f"/calibration/reviews/{done}/withdraw", follow_redirects=True)
    assert escape(gettext("A submitted calibration review is kept; it cannot be withdrawn.")) in \
        response.get_data(as_text=True)
    open_id = calibrated.open_review.id
    client.post(f"/calibration/reviews/{open_id}/withdraw")
    db.session.expire_all()
    assert db.session.get(CalibrationReview, open_id) is None
    assert db.session.get(CalibrationReview, done) is not None
    events = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "calibration.withdraw")).all()
    assert [e.subject_id for e in events] == [str(open_id)]


def test_forms_need_the_csrf_token(csrf_app, client, login, calibrated):
    from tests.conftest import PASSWORD

    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/login", data={"login": "cat", "password": PASSWORD, "csrf_token": token})
    review = calibrated.open_review
    response = client.post(f"/calibration/reviews/{review.id}", data={"verdict": "no_violation", "rationale": "x"})
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.get(CalibrationReview, review.id).completed_at is None
