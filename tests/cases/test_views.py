"""The queue page, next case, the case page in context, deciding through the form, notes, access."""

from __future__ import annotations

import re
from html import escape

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.cases import claims
from backoffice.cases.models import Case, CaseDecision, CaseNote, CaseStatus, DecisionStatus
from backoffice.cases.queries import PAGE_SIZE
from backoffice.extensions import db
from tests.builders import WECHAT, web
from tests.cases.conftest import bulk_cases, standing

CASE_LINK = re.compile(r'href="/cases/(\d+)"')


def listed(html: str) -> list[int]:
    return list(dict.fromkeys(int(i) for i in CASE_LINK.findall(html)))


@pytest.fixture
def alice(make_user, login):
    user = make_user("reviewer", "alice")
    login("alice")
    return user


def three_shops_cases(open_case, make_merchant) -> list:
    """One off-platform contact case in each of three shops (one shop's id to three customers is 群发)."""
    for external_id in ("m-2", "m-3"):
        make_merchant(external_id)
    return [open_case(merchant_id=m) for m in ("m-1", "m-2", "m-3")]


def test_the_queue_lists_cases_with_counts(client, alice, open_case, make_merchant):
    cases = three_shops_cases(open_case, make_merchant)
    html = client.get("/cases").get_data(as_text=True)
    assert set(listed(html)) == {c.id for c in cases}
    assert re.search(r'status=active"[^>]*aria-current="page">\s*\S+ <span class="count">3</span>', html)


def test_filters_narrow_the_list(client, alice, open_case, make_merchant):
    make_merchant("pdd-1", platform="pdd")
    zbj = open_case()
    ads = open_case(("customer", "在吗"), ("merchant", "诚招代理，日结工资，在家赚钱"))
    reported = open_case(
        ("merchant", "您好"),
        reports=[
            {
                "reporter_role": "customer",
                "reason": "offsite_contact",
                "text": "商家让我加微信",
                "reported_at": "2026-01-01T10:00:00+08:00",
            }
        ],
    )
    pdd = open_case(("merchant", "加我薇信 abc12345 详聊"), merchant_id="pdd-1", platform="pdd")
    assert (ads.category, reported.has_report, pdd.platform.value) == ("ads_spam", True, "pdd")
    assert listed(client.get("/cases?platform=pdd").get_data(as_text=True)) == [pdd.id]
    assert listed(client.get("/cases?category=ads_spam").get_data(as_text=True)) == [ads.id]
    assert listed(client.get("/cases?source=report").get_data(as_text=True)) == [reported.id]
    assert listed(client.get("/cases?assignee=me").get_data(as_text=True)) == []
    claims.claim(web(alice), zbj, alice)
    db.session.commit()
    assert listed(client.get("/cases?assignee=me").get_data(as_text=True)) == [zbj.id]
    mine = client.get("/cases?status=in_review").get_data(as_text=True)
    assert listed(mine) == [zbj.id]


REPORT = {"reporter_role": "customer", "reason": "offsite_contact", "text": "商家让我加微信",
          "reported_at": "2026-01-01T10:00:00+08:00"}


@pytest.fixture
def one_case_per_source(alice, open_case):
    """{FlagSource value: case}: found by the detector, a customer's report, a merchant's report (举报诈骗)
    and the reviewers' daily sweep ("人工每天也会全部排查")."""
    from backoffice.cases.operations import report_fraud
    from backoffice.cases.sweep import open_sweep_case
    from backoffice.conversations.models import Message

    detected = open_case()
    reported = open_case(("merchant", "您好"), reports=[REPORT])
    fraud = report_fraud(web(alice), open_case().conversation, "客户让我去别的平台交押金")
    merchant_says = db.session.scalar(sa.select(Message.id).filter_by(
        conversation_id=reported.conversation_id, sender_role="merchant"))
    swept = open_sweep_case(web(alice), reported.conversation, [merchant_says], "zbj.ads_spam", "变体广告")
    db.session.commit()
    return {"detector": detected, "report": reported, "merchant_report": fraud, "sweep": swept}


# (source filter, the cases it lists): every source its own filter, a merchant's report no customer's one.
SOURCE_FILTERS = [
    pytest.param("merchant_report", {"merchant_report"}, id="商家举报-只列商家举报"),
    pytest.param("report", {"report"}, id="消费者举报-不含商家举报"),
    pytest.param("sweep", {"sweep"}, id="人工每日排查"),
]


@pytest.mark.parametrize(("source", "expected"), SOURCE_FILTERS)
def test_the_source_filter_lists_cases_of_that_source_only(client, one_case_per_source, source, expected):
    html = client.get(f"/cases?source={source}").get_data(as_text=True)
    assert set(listed(html)) == {one_case_per_source[s].id for s in expected}


def test_the_source_column_names_each_source_in_its_own_word(client, one_case_per_source):
    html = client.get("/cases").get_data(as_text=True)
    words = {"detector": "检测", "report": "消费者举报", "merchant_report": "商家举报", "sweep": "人工每日排查"}
    for source, case in one_case_per_source.items():
        row = re.search(rf'<tr[^>]*>\s*<td><input[^>]*value="{case.id}".*?</tr>', html, re.S).group(0)
        cells = re.findall(r'<span class="tag[^"]*">([^<]*)</span>', row)
        assert words[source] in [c.strip() for c in cells], (source, cells)
        assert "举报" not in cells  # never the bare word that stood for both kinds of report


def test_keyset_pagination_continues_without_overlap(client, alice, merchant):
    ids = bulk_cases(merchant, PAGE_SIZE + 15, priority=lambda i: i % 3)
    first = client.get("/cases").get_data(as_text=True)
    page1 = listed(first)
    assert len(page1) == PAGE_SIZE
    after = re.search(r'href="(/cases\?[^"]*after=[^"]+)"', first).group(1).replace("&amp;", "&")
    page2 = listed(client.get(after).get_data(as_text=True))
    assert len(page2) == 15
    assert not set(page1) & set(page2)
    assert set(page1) | set(page2) == set(ids)
    order = {c.id: (-c.priority, c.opened_at, c.id) for c in db.session.scalars(sa.select(Case))}
    assert page1 + page2 == sorted(ids, key=order.__getitem__)


def test_next_case_redirects_to_the_claimed_case(client, alice, merchant):
    ids = bulk_cases(merchant, 3, priority=lambda i: [5, 50, 20][i])
    response = client.post("/cases/next")
    assert response.status_code == 302
    assert response.location.endswith(f"/cases/{ids[1]}")
    db.session.expire_all()
    assert db.session.get(Case, ids[1]).claimed_by_id == alice.id
    for _ in range(2):
        client.post("/cases/next")
    empty = client.post("/cases/next")
    assert empty.location.endswith("/cases")


def test_the_case_page_shows_the_conversation_with_marks_on_the_flagged_text(client, alice, open_case):
    case = open_case(
        ("customer", "<script>alert(1)</script> 你好"), ("merchant", WECHAT), ("customer", "好的")
    )
    html = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert escape("<script>alert(1)</script>") in html
    assert html.index(escape("<script>alert(1)")) < html.index("加我薇信") < html.index("好的")
    marks = re.findall(r'<mark id="hit-\d+-\d+" class="hit" tabindex="-1" title="([^"]*)">(.*?)</mark>', html)
    assert marks == [("zbj.offsite_contact", "加我薇信 abc12345")]
    assert "加我薇信 abc12345</mark> 详聊" in html


def test_preview_then_confirm_through_the_form(client, alice, open_case):
    case = open_case()
    client.post(f"/cases/{case.id}/claim")
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    form = {
        "version": version,
        "verdict": "violation",
        "rule": "zbj.offsite_contact",
        "severity": "general",
        "rationale": "发送微信号",
    }
    preview = client.post(f"/cases/{case.id}/decision", data={**form, "action": "preview"})
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert 'name="dropped" value="deposit_deduction"' in html
    assert "5000" in html
    db.session.expire_all()
    assert db.session.get(Case, case.id).status is CaseStatus.in_review
    confirm = client.post(f"/cases/{case.id}/decision", data={**form, "action": "confirm"})
    assert confirm.status_code == 302
    db.session.expire_all()
    case = db.session.get(Case, case.id)
    assert case.status is CaseStatus.decided
    assert standing(case).deposit_balance == 5000
    stale = client.post(f"/cases/{case.id}/decision", data={**form, "action": "confirm"})
    assert stale.status_code in (409, 422)


def test_the_decision_forms_errors_are_tied_to_their_fields_and_its_controls_are_named(client, alice, open_case):
    """Issue 22 (accessible): a screen reader hears which field is wrong and why, what group the verdict
    radios form, and which measure a leave-out checkbox leaves out."""
    case = open_case()
    client.post(f"/cases/{case.id}/claim")
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    form = {"version": version, "verdict": "violation", "rule": "zbj.offsite_contact", "severity": "general"}
    refused = client.post(f"/cases/{case.id}/decision", data={**form, "action": "confirm"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    box = re.search(r"<textarea[^>]*name=\"rationale\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in box
    assert 'aria-describedby="rationale-error"' in box
    assert re.search(r'<div class="errors" id="rationale-error"><p class="error">[^<]+</p>', html)
    assert re.search(r"<fieldset[^>]*verdicts[^>]*>\s*<legend>", html)
    preview = client.post(f"/cases/{case.id}/decision", data={**form, "rationale": "发送微信号", "action": "preview"})
    label = re.search(r'<label><input type="checkbox" name="dropped" value="deposit_deduction"[^>]*>(.*?)</label>',
                      preview.get_data(as_text=True), re.S).group(1)
    assert "扣除保证金 5,000.00" in label  # the checkbox's name says which measure it leaves out


def test_a_stale_form_is_refused_with_409(client, alice, open_case, count_rows):
    case = open_case()
    client.post(f"/cases/{case.id}/claim")
    db.session.expire_all()
    version = db.session.get(Case, case.id).version
    response = client.post(
        f"/cases/{case.id}/decision",
        data={"version": version - 1, "verdict": "no_violation", "rationale": "误报", "action": "confirm"},
    )
    assert response.status_code == 409
    assert count_rows(CaseDecision) == 0


def test_bulk_dismissal_writes_one_audit_event_per_case(client, alice, open_case, make_merchant):
    cases = three_shops_cases(open_case, make_merchant)
    response = client.post(
        "/cases/dismiss", data={"case_id": [c.id for c in cases[:2]], "reason": "商品名误报"}
    )
    assert response.status_code == 302
    events = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "case.dismiss")).all()
    assert sorted(e.subject_id for e in events) == sorted(str(c.id) for c in cases[:2])
    db.session.expire_all()
    assert [db.session.get(Case, c.id).status for c in cases] == [
        CaseStatus.dismissed,
        CaseStatus.dismissed,
        CaseStatus.open,
    ]
    client.post("/cases/dismiss", data={"case_id": [cases[2].id], "reason": ""})
    assert db.session.get(Case, cases[2].id).status is CaseStatus.open


def test_notes_are_saved_and_shown(client, alice, open_case):
    case = open_case()
    client.post(f"/cases/{case.id}/notes", data={"body": "请资深审核看一下"})
    (note,) = db.session.scalars(sa.select(CaseNote)).all()
    assert (note.case_id, note.author_id, note.body) == (case.id, alice.id, "请资深审核看一下")
    assert "请资深审核看一下" in client.get(f"/cases/{case.id}").get_data(as_text=True)


def test_the_approvals_page_lists_pending_decisions_for_managers_only(client, login, make_user, open_case):
    alice, _boss = make_user("reviewer", "alice"), make_user("manager", "boss")
    case = open_case()
    claims.claim(web(alice), case, alice)
    from backoffice.cases import decisions
    from tests.cases.conftest import violation

    decision = decisions.decide(web(alice), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    login("alice")
    assert client.get("/approvals").status_code == 403
    assert client.post(f"/approvals/{decision.id}", data={"approve": "1"}).status_code == 403
    client.post("/logout")
    login("boss")
    html = client.get("/approvals").get_data(as_text=True)
    assert f'action="/approvals/{decision.id}"' in html
    assert f"/cases/{case.id}" in html
    # ZBJ serious (清退): the whole deposit, named with its exact sum (the merchant's 10,000.00).
    assert "扣除全部保证金（10,000.00 元）" in html
    client.post(f"/approvals/{decision.id}", data={"approve": "1", "note": "同意"})
    db.session.expire_all()
    assert db.session.get(CaseDecision, decision.id).status is DecisionStatus.applied
    assert f'action="/approvals/{decision.id}"' not in client.get("/approvals").get_data(as_text=True)


def test_a_merchant_account_gets_403_on_every_case_and_approval_route(
    app, client, login, make_user, merchant, open_case
):
    case = open_case()
    make_user("merchant", "shop", merchant=merchant)
    login("shop")
    routes = [r for r in app.url_map.iter_rules() if r.rule.startswith(("/cases", "/approvals"))]
    assert len(routes) >= 12
    for rule in routes:
        path = rule.rule.replace("<int:case_id>", str(case.id))
        for name in ("decision_id", "request_id", "view_id"):
            path = path.replace(f"<int:{name}>", "1")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert client.open(path, method=method).status_code == 403, (method, path)
    db.session.expire_all()
    assert db.session.get(Case, case.id).status is CaseStatus.open


def test_the_form_requires_a_rationale_and_applies_nothing_without_it(client, alice, open_case, count_rows):
    case = open_case()
    client.post(f"/cases/{case.id}/claim")
    db.session.expire_all()
    response = client.post(
        f"/cases/{case.id}/decision",
        data={
            "version": db.session.get(Case, case.id).version,
            "verdict": "violation",
            "rule": "zbj.offsite_contact",
            "severity": "general",
            "rationale": "",
            "action": "confirm",
        },
    )
    assert response.status_code == 422
    assert count_rows(CaseDecision) == 0
    assert db.session.get(Case, case.id).status is CaseStatus.in_review


def test_someone_else_cannot_decide_a_claimed_case_through_the_form(
    client, login, make_user, open_case, count_rows
):
    alice, _bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    case = open_case()
    claims.claim(web(alice), case, alice)
    db.session.commit()
    login("bob")
    response = client.post(
        f"/cases/{case.id}/decision",
        data={"version": case.version, "verdict": "no_violation", "rationale": "误报", "action": "confirm"},
    )
    assert response.status_code == 422
    assert count_rows(CaseDecision) == 0
    assert f'action="/cases/{case.id}/decision"' not in response.get_data(as_text=True)


def test_the_reviewer_ticks_unflagged_messages_for_the_ruling_to_quote(client, alice, open_case):
    from backoffice.cases.models import CaseDecision
    from backoffice.conversations.models import Message
    from backoffice.rulings.context import ruling_facts

    case = open_case(("customer", "你们客服说可以加微信"), ("merchant", WECHAT), ("customer", "好的"))
    rows = db.session.scalars(sa.select(Message).filter_by(conversation_id=case.conversation_id))
    messages = {m.text: m for m in rows}
    told = messages["你们客服说可以加微信"]
    client.post(f"/cases/{case.id}/claim")
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    # Only unflagged messages get the box, and it belongs to the decision form.
    assert f'name="quote" value="{told.id}" form="decision-form"' in page
    assert f'name="quote" value="{messages[WECHAT].id}"' not in page
    assert 'id="decision-form"' in page
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    form = {"version": version, "verdict": "violation", "rule": "zbj.offsite_contact", "severity": "general",
            "rationale": "发送微信号", "quote": [str(told.id)]}
    preview = client.post(f"/cases/{case.id}/decision", data={**form, "action": "preview"}).get_data(as_text=True)
    assert f'value="{told.id}" form="decision-form" checked' in preview  # kept ticked for the confirmation

    other = open_case(("customer", "别的会话"), ("merchant", WECHAT))
    foreign = db.session.scalar(sa.select(Message.id).filter_by(conversation_id=other.conversation_id))
    refused = client.post(f"/cases/{case.id}/decision", data={**form, "quote": [str(foreign)], "action": "confirm"})
    assert refused.status_code == 422
    assert "只能引用本案会话中的消息" in refused.get_data(as_text=True)

    assert client.post(f"/cases/{case.id}/decision", data={**form, "action": "confirm"}).status_code == 302
    decision = db.session.scalar(sa.select(CaseDecision).filter_by(case_id=case.id))
    assert decision.quoted_message_ids == [told.id]
    quoted = ruling_facts(decision)["messages"]
    assert [m["message_id"] for m in quoted] == [told.external_id, messages[WECHAT].external_id]
    assert quoted[0]["segments"] == [["你们客服说可以加微信", False]]


@pytest.mark.parametrize(("platform", "merchant_id", "shown"), [
    ("zbj", "m-1", True),  # seed 000: 搜索排序降权 is ZBJ's automatic measure
    ("pdd", "pdd-1", False),  # no Pinduoduo rule demotes: the panel does not offer a measure that cannot be
])
def test_the_standing_panel_names_only_the_measures_the_platform_takes(
        client, alice, open_case, make_merchant, platform, merchant_id, shown):
    if merchant_id != "m-1":
        make_merchant(merchant_id, platform=platform)
    case = open_case(merchant_id=merchant_id, platform=platform)
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert ("搜索降权" in page) is shown


def test_the_timeline_names_people_and_says_the_command_line_in_words(client, alice, open_case):
    """The case was opened by an import from the command line ("cli"), then claimed by alice."""
    from backoffice.accounts.models import User

    db.session.execute(sa.update(User).where(User.id == alice.id).values(display_name="审核员 Alice"))
    case = open_case()
    claims.claim(web(alice), case, alice)
    db.session.commit()
    html = client.get(f"/cases/{case.id}").get_data(as_text=True)
    timeline = html[html.index('<ol class="timeline">'):]
    items = [re.sub(r"<[^>]+>", "", li).split(" · ")[-1].strip()
             for li in re.findall(r"<li>(.*?)</li>", timeline[:timeline.index("</ol>")])]
    assert items == ["命令行导入", "审核员 Alice"]
