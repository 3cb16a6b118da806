"""Customers' personal data is masked in what a ruling quotes."""

from __future__ import annotations

import pytest

from backoffice.rulings.masking import mask_name, mask_text


@pytest.mark.parametrize(("name", "masked"), [("王女士", "王**"), ("Li", "L**"), ("", "")])
def test_customer_names_keep_only_the_first_character(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize(("text", "outside", "inside"), [
    ("加我薇信 abc12345 详聊", "加我薇信 ******** 详聊", "加我薇信 a******5 详聊"),
    ("电话 138-1234-5678", "电话 *************", "电话 1***********8"),
    ("QQ 12345678", "QQ ********", "QQ 1******8"),
    ("邮箱 wang.li@example.com", "邮箱 " + "*" * 19, "邮箱 w" + "*" * 17 + "m"),
    ("一三八一二三四五六七八", "***********", "一*********八"),
    ("加 1 3 8 1 2 3 4 5 6 7 8", "加 " + "* " * 10 + "*", "加 1 " + "* " * 9 + "8"),
    ("座机 8765-4321", "座机 *********", "座机 8*******1"),
])
def test_identifiers_are_hidden_and_flagged_ones_keep_their_ends(text, outside, inside):
    assert mask_text(text) == outside
    assert mask_text(text, flagged=True) == inside


def test_ordinary_words_short_numbers_and_names():
    assert mask_text("hello world, 2024 年 3 件") == "hello world, 2024 年 3 件"
    # Sizes and ranges are not contact details (a lens, a price range, a date).
    for text in ("偶尔用70-200", "16-35 广角", "2026-12-03 发货", "12-03 到 12-05"):
        assert mask_text(text) == text
    assert mask_text("王女士您好", names=("王女士",)) == "王**您好"


def test_a_ruling_quotes_masked_data_only(make_ruling):
    from backoffice.rulings.context import ruling_facts

    facts = ruling_facts(make_ruling())
    quoted = "".join(text for m in facts["messages"] for text, _ in m["segments"])
    assert facts["customer"] == "王**"
    assert "abc12345" not in quoted
    assert "a******5" in quoted
    assert "王女士" not in facts["rationale"]
    assert "abc12345" not in facts["rationale"]
