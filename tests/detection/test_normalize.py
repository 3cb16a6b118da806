"""Normalisation views and the map back to original offsets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.detection.normalize import Views, fold, normalize

CASES = [
    ("ＡＢＣ１２３", "abc123"),  # full-width
    ("ⓥⓧ", "vx"),  # circled letters
    ("微\u200b信", "微信"),  # zero-width space
    ("微\u2060信\ufeff", "微信"),  # word joiner, BOM
    ("傻*逼", "傻逼"),  # separator
    ("微 😊 信", "微信"),  # emoji between characters
    ("說話", "说话"),  # traditional -> simplified
    ("幺三八零零一二三四五六", "13800123456"),  # numeral run of >= 5
    ("洞拐勾幺二", "07912"),  # 洞 0, 拐 7, 勾 9
    ("①③⑧", "138"),  # circled digits
    ("一下七天两件", "一下七天两件"),  # short numeral runs untouched
    ("微微微信", "微信"),  # repeated characters
    ("扣扣", "扣扣"),  # doubling that is a spelling stays
    ("四件套，现在", "四件套,现在"),  # sentence punctuation kept
    ("vх", "vx"),  # Cyrillic х
    ("威❤", "威心"),  # heart for 信
    ("你是🐷", "你是猪"),  # animal emoji
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_compact_view(raw, expected):
    assert normalize(raw) == expected


def test_s_view_keeps_dots_and_spaces():
    assert fold("ＷＷＷ．ＡＢＣ．ＣＯＭ  x") == "www.abc.com  x"


@pytest.mark.parametrize("raw", [c for c, _ in CASES] + ["加我 薇 信：ＡＢＣ_123", "a\u0301b", "🅥x"])
def test_maps_have_view_length(raw):
    v = Views(raw)
    assert len(v.s_src()) == len(v.s)
    assert len(v.c_src()) == len(v.compact)
    assert all(0 <= i < len(raw) for i in v.c_src())


def test_span_maps_to_original_characters():
    raw = "请加 我 薇\u200b信：ＡＢＣ"
    v = Views(raw)
    start = v.compact.index("薇信")
    a, b = v.span(start, start + 2)
    assert raw[a:b] == "薇\u200b信"


NOISE = st.sampled_from([" ", "\u200b", "\u200d", "*", "-", "·", "😊", "\u3000", "_", "~"])


@st.composite
def obfuscated(draw):
    word = draw(st.sampled_from(["微信", "傻逼", "13812345678", "vx", "刷单返利"]))
    prefix = draw(st.text(alphabet="好的您请问这个价格。，", max_size=6))
    out = []
    for ch in word:
        if ch.isascii() and draw(st.booleans()):
            ch = chr(ord(ch) + 0xFEE0)  # full-width form
        out.append(ch)
        out.append("".join(draw(st.lists(NOISE, max_size=3))))
    return word, prefix + "".join(out[:-1]) + "好"


@settings(max_examples=300, deadline=None)
@given(obfuscated())
def test_obfuscated_span_maps_back(case):
    word, raw = case
    v = Views(raw)
    target = normalize(word)
    start = v.compact.find(target)
    assert start >= 0, (raw, v.compact)
    a, b = v.span(start, start + len(target))
    span = raw[a:b]
    # the highlight starts and ends on characters of the word, and contains all of them in order
    assert normalize(span) == target
    assert normalize(span[0]) == target[0]
    assert normalize(span[-1]) == target[-1]
