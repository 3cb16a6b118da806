"""What a merchant reads on their own pages (Chinese UI): the state of each appeal, the rule-set edition in
words, and their conversations with the platform's times, each one openable before reporting fraud."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus
from backoffice.conversations.models import Channel, Conversation, Message, SenderRole
from backoffice.extensions import db

S = AppealStatus
DEADLINE = ("可申诉至", "前申诉")  # the home page's row, the ruling page's sentence
# (appeal status, outcome, what the home page and the ruling page say). No appeal, or a draft not sent,
# still shows the filing deadline; once filed, the appeal's state replaces it.
APPEAL_STATES = [
    pytest.param(None, None, DEADLINE, id="未申诉-可申诉至"),
    pytest.param(S.draft, None, DEADLINE, id="草稿未提交-仍可申诉至"),
    pytest.param(S.submitted, None, ("申诉审核中",) * 2, id="已提交-申诉审核中"),
    pytest.param(S.awaiting_evidence, None, ("需补充材料",) * 2, id="要求补充-需补充材料"),
    pytest.param(S.decided, AppealOutcome.overturned, ("已撤销",) * 2, id="撤销原处罚-已撤销"),
    pytest.param(S.decided, AppealOutcome.reduced, ("已减轻",) * 2, id="减轻处罚-已减轻"),
    pytest.param(S.decided, AppealOutcome.upheld, ("维持原判",) * 2, id="维持原处罚-维持原判"),
]


def _ruling_row(html: str, ruling_id: int) -> str:
    match = re.search(rf'<a class="ruling-row" href="/merchant/rulings/{ruling_id}">.*?</a>', html, re.S)
    assert match, ruling_id
    return match.group(0)


def _appeal_section(html: str) -> str:
    return html[html.index("如何申诉"):]


@pytest.mark.parametrize(("status", "outcome", "shown"), APPEAL_STATES)
def test_each_ruling_shows_its_appeal_state_not_the_deadline_once_appealed(shop, client, login, status, outcome,
                                                                            shown):
    s = shop()
    if status is not None:
        db.session.add(Appeal(ruling_id=s.ruling.id, merchant_id=s.merchant.id, status=status, outcome=outcome,
                              statement="对方先发的微信号", deadline_at=datetime.now(UTC) + timedelta(days=3),
                              outcome_reason="复核" if outcome else ""))
        db.session.commit()
    login("shop")
    row = _ruling_row(client.get("/merchant").get_data(as_text=True), s.ruling.id)
    page = _appeal_section(client.get(f"/merchant/rulings/{s.ruling.id}").get_data(as_text=True))
    for text, expected, deadline in zip((row, page), shown, DEADLINE, strict=True):
        assert expected in text
        if status not in (None, S.draft):
            assert deadline not in text  # an appeal filed is no longer "可申诉至"


@pytest.mark.parametrize(("platform", "rule_code", "words", "code"), [
    pytest.param("taobao", "taobao.ads_non_sale_listing", "2022 年第 2 版", "taobao-2022.2", id="淘宝-2022年第2版"),
    pytest.param("zbj", "zbj.offsite_contact", "2024 年第 2 版", "zbj-2024.2", id="猪八戒-2024年第2版"),
])
def test_the_ruling_page_names_the_rule_set_in_words(shop, client, login, platform, rule_code, words, code):
    s = shop(platform, rule_code)
    login("shop")
    html = client.get(f"/merchant/rulings/{s.ruling.id}").get_data(as_text=True)
    assert f"规则版本：{words}" in html
    assert code not in html


def _conversation(merchant, external_id: str, lines: list[tuple[str, datetime, str]]) -> Conversation:
    # Loaded into the back office long after it happened: the page must show the chat's own times.
    conv = Conversation(platform=merchant.platform, external_id=external_id, channel=Channel.im,
                        merchant_id=merchant.id, customer_external_id="u-9", customer_name="王先生",
                        created_at=datetime(2026, 12, 20, 2, 0, tzinfo=UTC))
    db.session.add(conv)
    db.session.flush()
    db.session.add_all(Message(conversation_id=conv.id, external_id=str(i), sender_role=SenderRole(role), sent_at=at,
                               text=text) for i, (role, at, text) in enumerate(lines))
    db.session.commit()
    return conv


FIRST = datetime(2026, 12, 1, 1, 5, tzinfo=UTC)  # 2026-12-01 09:05 Beijing time
LAST = datetime(2026, 12, 1, 1, 40, tzinfo=UTC)  # 09:40


def test_the_conversation_list_shows_when_it_happened_and_its_last_message(shop, client, login):
    s = shop()
    conv = _conversation(s.merchant, "chat-77", [
        ("customer", FIRST, "你好，logo设计多少钱？"), ("merchant", FIRST + timedelta(minutes=2), "您好，500元起"),
        ("customer", LAST, "好的，我下单后请尽快开始"),
    ])
    login("shop")
    html = client.get("/merchant/conversations").get_data(as_text=True)
    row = re.search(rf'<a class="conv-row" href="/merchant/conversations/{conv.id}">.*?</a>', html, re.S).group(0)
    assert "2026-12-01 09:05 至 2026-12-01 09:40" in row
    assert "好的，我下单后请尽快开始" in row
    assert "2026-12-20" not in row  # when the platform sent it to us is no time of the conversation
    assert "fraud-report" not in html  # reported from the conversation, once read
    # Latest message first: the ruling's conversation ran minutes ago, this one on 1 December.
    assert html.index(f"/merchant/conversations/{s.ruling.case.conversation_id}\"") < html.index(
        f"/merchant/conversations/{conv.id}\"")


def test_the_merchant_reads_their_own_conversation_and_reports_from_it(shop, client, login):
    s = shop()
    conv = _conversation(s.merchant, "chat-78", [("customer", FIRST, "先发货，钱我之后再付"),
                                                  ("merchant", LAST, "请在平台下单付款")])
    other = shop(login="other-shop")
    theirs = _conversation(other.merchant, "chat-79", [("customer", FIRST, "别人的会话")])
    login("shop")
    response = client.get(f"/merchant/conversations/{conv.id}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "先发货，钱我之后再付" in html
    assert "请在平台下单付款" in html
    assert "2026-12-01 09:05:00" in html
    assert f"/merchant/conversations/{conv.id}/fraud-report" in html  # ZBJ: 举报诈骗 after reading
    assert client.get(f"/merchant/conversations/{theirs.id}").status_code == 404
    assert client.get("/merchant/conversations/987654").status_code == 404
