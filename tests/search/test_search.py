"""Staff search: shop, message text, contact handles (full, partial, masked), case number; grouped by case."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.cases.models import Case
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.merchants.models import MerchantHandle
from backoffice.search.queries import handle_query, search
from tests.builders import CLI, chat


@pytest.fixture
def cases(app):
    """Three cases of two shops: a WeChat id, a phone number, and a message with markup in it."""
    payloads = [
        chat("s-1", "shop-chongqing", ("customer", "logo设计多少钱？"), ("merchant", "加我薇信 abc12345 详聊")),
        chat("s-2", "shop-chongqing", ("customer", "<b>怎么联系</b>"),
             ("merchant", "打我电话 13812345678 <script>x</script>")),
        chat("s-3", "shop-hangzhou", ("customer", "在吗"), ("merchant", "加微信 wxid_hzshop88 优惠")),
    ]
    ids = []
    for payload in payloads:
        payload["merchant"]["name"] = "杭州西湖茶叶店" if payload["merchant"]["external_id"] == "shop-hangzhou" \
            else "重庆山城品牌设计工作室"
        ids += ingest(CLI, payload).cases_opened
    db.session.commit()
    assert len(ids) == 3
    return ids


def _ids(results) -> list[int]:
    return [r.case.id for r in results]


def test_message_text_in_chinese_finds_its_case_with_the_match_marked(cases):
    results = search("薇信")
    assert _ids(results) == [cases[0]]
    (hit,) = results[0].hits
    assert hit.what == "message"
    assert "<mark>薇信</mark>" in str(hit.snippet)


def test_a_snippet_escapes_the_message(cases):
    (result,) = search("script")
    snippet = str(result.hits[0].snippet)
    assert "&lt;<mark>script</mark>&gt;" in snippet
    assert "<script>" not in snippet


def test_part_of_a_shop_name_or_its_id_finds_every_case_of_the_shop(cases):
    assert sorted(_ids(search("山城品牌"))) == sorted(cases[:2])
    assert _ids(search("shop-hangz")) == [cases[2]]
    assert all(h.what == "merchant" for r in search("西湖") for h in r.hits)


def test_a_handle_in_full_in_part_or_masked_finds_the_shops_cases(cases):
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MerchantHandle)) >= 3
    for query in ("13812345678", "138 1234 5678", "+8613812345678", "138****5678", "2345", "abc12345", "wxid_hz*"):
        found = search(query)
        assert found, query
        assert any(h.what == "handle" for r in found for h in r.hits), query
    masked = search("138****5678")
    assert sorted(_ids(masked)) == sorted(cases[:2])  # both cases of the shop whose message gave the number
    handle = next(h for r in masked for h in r.hits if h.what == "handle")
    assert str(handle.snippet) == "<mark>13812345678</mark>"
    assert handle.label == "phone"


def test_a_masked_handle_matches_whole_not_anywhere(cases):
    assert not any(h.what == "handle" for r in search("999****5678") for h in r.hits)
    assert search("abc99999") == []


def test_the_case_number_finds_the_case(cases):
    assert cases[1] in _ids(search(f"#{cases[1]}"))
    assert search("#99999999999") == []  # beyond any id: no overflow, no match


def test_quotes_and_backslashes_in_the_query_are_text(cases):
    for query in ("店'; DROP TABLE messages; --", "a\\b", "'%'", "薇信\\"):
        assert search(query) == []
    assert search("薇信")  # the table is still there


def test_two_characters_search_the_open_cases_messages_only(cases):
    from backoffice.cases.models import CaseStatus

    db.session.execute(sa.update(Case).where(Case.id == cases[0]).values(status=CaseStatus.dismissed))
    db.session.commit()
    assert search("薇信") == []  # no trigram: the closed case's messages are not read
    assert [r.case.id for r in search("薇信 abc")] == [cases[0]]  # three or more: every case


def test_like_wildcards_in_the_query_are_literal(cases):
    assert search("%") == []
    assert search("__") == []


@pytest.mark.parametrize(("query", "expected"), [
    ("138****5678", "138%5678"), ("abc12345", "%abc12345%"), ("138-1234-5678", "%13812345678%"),
    ("+8613812345678", "%13812345678%"), ("a_b1", "%a\\_b1%"),
])
def test_handle_queries_become_like_patterns(query, expected):
    assert handle_query(query)[0] == expected


@pytest.mark.parametrize("query", ["薇信", "ab", "12", "hello world"])
def test_text_that_is_no_handle_is_not_looked_up_as_one(query):
    assert handle_query(query) is None


def test_the_page_groups_hits_by_case_and_escapes_them(client, make_user, login, cases):
    make_user("reviewer", "alice")
    login("alice")
    page = client.get("/search", query_string={"q": "script"}).get_data(as_text=True)
    assert f'href="/cases/{cases[1]}"' in page
    assert "&lt;<mark>script</mark>&gt;" in page
    assert "<script>x" not in page
    assert "1 个案件匹配" in page


def test_the_page_in_english_says_so_and_asks_for_two_characters(client, make_user, login, cases):
    make_user("reviewer", "alice")
    login("alice")
    client.post("/language", data={"lang": "en"})
    assert "Type at least 2 characters." in client.get("/search?q=x").get_data(as_text=True)
    assert "No case matches." in client.get("/search?q=nothing-like-this").get_data(as_text=True)
    assert "in the open cases only" in client.get("/search?q=ab").get_data(as_text=True)
    assert "in the open cases only" not in client.get("/search?q=abc").get_data(as_text=True)


def test_every_staff_page_has_the_search_box_and_merchants_have_none(client, make_user, login, cases):
    make_user("reviewer", "alice")
    login("alice")
    page = client.get("/cases").get_data(as_text=True)
    assert 'action="/search"' in page
    assert 'data-shortcut="/"' in page
    assert "js/search.js" in page
    client.post("/logout")
    shop = make_user("merchant", "shop")
    assert shop.merchant_id
    login("shop")
    assert 'action="/search"' not in client.get("/merchant").get_data(as_text=True)
    assert client.get("/search?q=薇信").status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/search?q=abc")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.postgres_only
def test_postgresql_reads_the_trigram_indexes(cases):
    db.session.execute(sa.text("SET enable_seqscan = off"))  # a tiny table: make the planner show its index
    for sql, index in (("SELECT id FROM messages WHERE text ILIKE '%薇信 ab%'", "ix_messages_text_trgm"),
                       ("SELECT id FROM merchants WHERE name ILIKE '%山城品牌%'", "ix_merchants_name_trgm"),
                       ("SELECT id FROM merchant_handles WHERE value LIKE '138%5678'",
                        "ix_merchant_handles_value_trgm")):
        plan = "\n".join(db.session.scalars(sa.text(f"EXPLAIN {sql}")))
        assert index in plan, plan
    assert db.session.get(Case, cases[0]) is not None
