"""Conduct findings at ingestion: the pack switches them on, a hit opens a case under the right rule,
and the case page says which messages and why, in Chinese and English, without codes."""

from __future__ import annotations

import copy
import re

import pytest

from backoffice.cases.models import Case, Flag
from tests.ingest.conftest import all_of, at, conv, msg

GREETING = "亲，您好，欢迎光临本店，有什么可以帮您？"


def canned(day, platform: str = "pdd", external_id: str = "c-mech") -> dict:
    """Seed 001 机械性、答非所问: the same greeting answers three different questions."""
    return conv(external_id,
                msg("q1", "customer", at(day, 10), "这个多少钱？"), msg("r1", "merchant", at(day, 10, 1), GREETING),
                msg("q2", "customer", at(day, 10, 2), "发什么快递？"), msg("r2", "merchant", at(day, 10, 2), GREETING),
                msg("q3", "customer", at(day, 10, 3), "能便宜点吗"), msg("r3", "merchant", at(day, 10, 3), GREETING),
                platform=platform)


def pushy(day, platform: str = "taobao", *extra: dict) -> dict:
    """Seed 002 在消费者已明确表示不需要、不希望再联系时继续联系."""
    return conv("c-push",
                msg("p1", "merchant", at(day, 10), "亲，新品上架了，看看吗"),
                msg("p2", "customer", at(day, 10, 1), "不用了，谢谢"),
                msg("p3", "merchant", at(day, 10, 2), "好的亲，打扰了"), *extra, platform=platform)


def conduct_flags() -> list[Flag]:
    return [f for f in all_of(Flag) if f.where == "conduct"]


def test_canned_replies_open_a_pdd_negative_service_case(put, day):
    result = put(canned(day))
    flags = conduct_flags()
    assert [(f.message.external_id, f.detector, f.rule_code, f.category) for f in flags] == [
        ("r2", "irrelevant_reply", "pdd.negative_service", "negative_service"),
        ("r3", "mechanical_reply", "pdd.negative_service", "negative_service")]
    assert flags[1].evidence == {"questions": 3, "replies": ["r1", "r2", "r3"]}
    assert flags[0].evidence == {"question": "q2", "earlier_reply": "r1", "earlier_question": "q1"}
    (case,) = all_of(Case)
    assert result.cases_opened == [case.id]
    assert case.rule_code == "pdd.negative_service"


def test_harassment_after_refusal_opens_a_taobao_harassment_case(put, day):
    put(pushy(day))
    assert conduct_flags() == []  # 不用了谢谢 then one polite confirmation is not harassment
    assert all_of(Case) == []
    more = pushy(day, "taobao", msg("p4", "merchant", at(day, 11), "亲，真的很划算，考虑一下？"))
    result = put(more)
    (flag,) = conduct_flags()
    assert (flag.message.external_id, flag.detector, flag.rule_code, flag.category) == (
        "p4", "after_refusal", "taobao.malicious_harassment", "abuse")
    assert flag.evidence == {"refusal": "p2", "said": "不用了，谢谢", "nth": 2, "minutes": 59}
    assert result.cases_opened == [flag.case_id]
    assert put(copy.deepcopy(more)).flags == 0  # resending adds nothing


@pytest.mark.parametrize(("payload", "platform"), [
    (canned, "zbj"), (canned, "taobao"),
    (lambda day, platform: pushy(day, platform, *[msg(f"x{n}", "merchant", at(day, 11, n), "亲，考虑一下？")
                                                  for n in range(3)]), "pdd"),
])
def test_a_pack_that_does_not_switch_a_detector_on_gets_no_conduct_flags(put, day, payload, platform):
    put(payload(day, platform))
    assert conduct_flags() == []


def _tags(client, case_id: int) -> list[str]:
    html = client.get(f"/cases/{case_id}").get_data(as_text=True)
    return re.findall(r'<span class="tag tag-flag">(.*?)</span>', html)


def test_the_case_page_says_which_messages_and_why(put, day, client, make_user, login):
    make_user("reviewer", "alice")
    login("alice")
    put(canned(day))
    (case,) = all_of(Case)
    zh = [t for t in _tags(client, case.id) if "答非所问" in t or "机械" in t]
    assert zh == [
        "检测 · 答非所问：该固定话术已在 #r1 用于回复另一个问题（#q1），与本问题（#q2）没有任何相同字词 · 置信度 60%",
        "检测 · 机械重复回答：同一段固定话术（#r1、#r2、#r3）回复了 3 个不同的问题，且没有回答本问题 · 置信度 70%",
    ]
    client.post("/language", data={"lang": "en", "next": "/"})
    en = [t for t in _tags(client, case.id) if "reply" in t]
    assert en == [
        "Detector · reply that does not answer the question: a canned text already sent at #r1 in reply to another "
        "question (#q1), sharing no words with this question (#q2) · confidence 60%",
        "Detector · mechanical reply: the same canned text (#r1, #r2, #r3) was the reply to 3 different questions "
        "and does not answer this one · confidence 70%",
    ]
    for code in ("mechanical_reply", "irrelevant_reply", "negative_service", "conduct"):
        assert code not in " ".join(zh + en)


def test_harassment_reads_in_words_on_the_case_page(put, day, client, make_user, login):
    make_user("reviewer", "alice")
    login("alice")
    put(conv("c-night", msg("n1", "merchant", at(day, 23, 30), "亲，在吗？"), platform="taobao"))
    (case,) = all_of(Case)
    assert case.rule_code == "taobao.malicious_harassment"
    (tag,) = [t for t in _tags(client, case.id) if "不合理" in t]
    assert tag == ("检测 · 在不合理的时间联系：发送于 23:30，处于不合理时段 22:00–08:00，此前 60 分钟内消费者没有发消息"
                   " · 置信度 55%")
