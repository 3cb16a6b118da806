"""The extra views of the rule stage: pinyin, initials, reversed, components, digits, joined."""

import random

import pytest

from backoffice.detection import default_scanner, scan_conversation
from backoffice.detection.view_tables import readings, segment

# (text, category, view, term, expected highlight in the ORIGINAL text)
SEEN = [
    # pinyin: homophones, typed pinyin (whole syllables), contact words typed as pinyin
    ("加我维心abc123", "offsite_contact", "pinyin", "加微信", "加我维"),
    ("加个围信吧", "offsite_contact", "pinyin", "加微信", "加个围"),
    ("方便的话 jia wo weixin", "offsite_contact", "pinyin", "加微信", "jia wo wei"),
    ("JIA WEI XIN 聊", "offsite_contact", "pinyin", "加微信", "JIA WEI XIN"),
    ("dianhua 找我", "offsite_contact", "pinyin", "电话", "dianhua"),
    ("shoujihao 发你", "offsite_contact", "pinyin", "手机号", "shoujihao"),
    ("我们可以 si xia jiao yi", "offsite_contact", "pinyin", "私下交易", "si xia jiao yi"),
    ("我们可以私夏交易", "offsite_contact", "pinyin", "私下交易", "私夏交易"),
    # initials, whole tokens only
    ("jwwx 详聊", "offsite_contact", "initials", "加微信", "jwwx"),
    ("有事 dh 联系", "offsite_contact", "initials", "电话", "dh"),
    ("sjh多少", "offsite_contact", "initials", "手机号", "sjh"),
    ("LXFS 发我", "offsite_contact", "initials", "联系方式", "LXFS"),
    # reversed
    ("信微加我", "offsite_contact", "reversed", "加微信", "信微加"),
    ("码号机手的我", "offsite_contact", "reversed", "手机号码", "码号机手"),
    ("利返单刷", "illegal_service", "reversed", "刷单", "利返单刷"),
    # components side by side
    ("有事微亻言", "offsite_contact", "components", "微信", "微亻言"),
    ("电讠舌联系", "offsite_contact", "components", "留电话", "电讠舌联系"),
    ("电言舌联系", "offsite_contact", "components", "留电话", "电言舌联系"),
    ("扌口扌口", "offsite_contact", "components", "QQ", "扌口扌口"),
]


def _view_hits(text, view):
    return [h for h in default_scanner().hits(text) if h.view == view]


@pytest.mark.parametrize(("text", "category", "view", "term", "highlight"), SEEN)
def test_view_sees_through_the_evasion(text, category, view, term, highlight):
    hits = [h for h in _view_hits(text, view) if h.category == category]
    assert hits, default_scanner().hits(text)
    h = hits[0]
    assert (h.term, h.matched) == (term, highlight)
    assert text[h.start:h.end] == h.matched
    assert h.detail


# (text, view, detector, expected highlight, a word of the detail)
DIGITS = [
    ("手机一三八两两零零一二三四", "digits", "phone", "一三八两两零零一二三四", "13822001234"),
    ("电话138oo123456", "digits", "phone", "138oo123456", "13800123456"),
    ("电话 138OOl23456", "digits", "phone", "138OOl23456", "13800123456"),
    ("手机 ①③⑧①②③④⑤⑥⑦⑧", "digits", "phone", "①③⑧①②③④⑤⑥⑦⑧", None),
    ("手机幺三八洞洞拐拐勾勾一二", "digits", "phone", "幺三八洞洞拐拐勾勾一二", None),
    ("我手机尾号5678", "digits", "phone_partial", "尾号5678", "5678"),
    ("号码 138****5678 打这个", "digits", "phone_partial", "138****5678", "138****5678"),
    ("号码138xxxx5678", "digits", "phone_partial", "138xxxx5678", "masked"),
]


@pytest.mark.parametrize(("text", "view", "detector", "highlight", "detail"), DIGITS)
def test_digits_view(text, view, detector, highlight, detail):
    hits = [h for h in default_scanner().hits(text) if h.detector == detector]
    assert hits, default_scanner().hits(text)
    h = hits[0]
    assert (h.view, h.matched, text[h.start:h.end]) == (view, highlight, highlight)
    if detail:
        assert detail in h.detail


def test_plain_digits_stay_folded():
    (h,) = [h for h in default_scanner().hits("电话 138-1234-5678") if h.detector == "phone"]
    assert h.view == "folded"


HARMLESS = [
    "维新运动是近代史的重要一课",  # 维新 sounds like 微信
    "我们会把您添加为新成员",  # 加为新 sounds like 加微信
    "为新客户提供八折优惠",
    "software xin design",  # xin inside English words
    "weixing ditu 卫星地图",  # weixing is not weixin
    "我们用的是 adhesive 胶",  # dh inside a word
    "DHL快递已经发出",
    "版本号 v1.2.138 已更新",
    "订单号 20231113800123456，请查收",
    "价格是1380元，包邮",
    "好的，之前的稿子我再看看",  # 之前 sounds like 纸钱
    "你好你好，谢谢谢谢",
    "女子团体的海报",  # 女子 = 好 only inside a term
    "人言可畏，我们注意措辞",  # 人言 = 信
    "这个logo石马上改好",  # 石马 = 码
    "一共两千三百元",
    "尾号1234的订单已发货",  # a tail without a phone word
    "第1381234号文件",  # 7 digits, no mask
    "lol 哈哈哈",
]


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_look_alike_does_not_fire(text):
    assert default_scanner().hits(text) == []


def test_pinyin_view_has_lower_confidence_than_the_literal_match():
    lit = [h for h in default_scanner().hits("私下交易") if h.term == "私下交易"]
    py = [h for h in default_scanner().hits("私夏交易") if h.term == "私下交易"]
    assert lit
    assert py
    assert py[0].confidence < lit[0].confidence


def test_exemption_phrase_hides_view_hits_and_homophone_still_fires():
    assert default_scanner().hits("请在八戒企业微信上联系我们") == []
    assert [h.view for h in default_scanner().hits("有事jwwx")] == ["initials"]


def test_pinyin_table_and_segmentation():
    r = readings()
    assert (r["薇"], r["信"], r["维"], r["心"]) == ("wei", "xin", "wei", "xin")
    assert segment("jiawoweixin") == (3, 5, 8, 11)
    assert segment("software") is None


def _conv(*texts):
    return {"messages": [{"sender_role": "merchant", "text": t, "sent_at": f"2026-01-01T10:00:{i:02d}+08:00"}
                         for i, t in enumerate(texts)]}


def test_joined_number_in_pieces_across_messages():
    texts = ("前三位138", "中间0012", "后四位3456")
    flags = [f for f in scan_conversation(_conv(*texts)) if f.view == "joined"]
    assert [(f.message_index, f.matched) for f in flags] == [(0, "138"), (1, "0012"), (2, "3456")]
    assert all(f.detector == "phone_split" and "13800123456" in f.detail for f in flags)
    for f in flags:
        assert texts[f.message_index][f.start:f.end] == f.matched


def test_qq_number_in_pieces_after_an_alias():
    flags = [f for f in scan_conversation(_conv("我的扣扣", "12345", "6789")) if f.view == "joined"]
    assert [(f.matched, f.detector, f.term) for f in flags] == [
        ("12345", "qq_split", "QQ"), ("6789", "qq_split", "QQ")]
    assert "123456789" in flags[0].detail


def test_pieces_without_a_number_shape_are_not_joined():
    assert [f for f in scan_conversation(_conv("价格258", "运费12元", "共3件")) if f.view == "joined"] == []


def test_view_hits_reach_the_flags():
    flags = scan_conversation(_conv("信微加我"))
    assert [(f.view, f.term) for f in flags if f.source == "text"] == [("reversed", "加微信")]


def test_batch_equals_per_message_on_view_cases():
    sc = default_scanner()
    texts = [t for t, *_ in SEEN] + [t for t, *_ in DIGITS] + HARMLESS
    rnd = random.Random(11)  # noqa: S311 - test data
    alphabet = list("加我微薇维信心新亻言讠舌石马号码手机电话扣口qQ0123456789一二三四五六七八九零两幺洞拐勾"
                    "oOlIi*xX尾号 ，。jiawoeixndhsgulf八戒企业小程序刷单返利垃圾袋谢看")
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 24))) for _ in range(3000)]
    expected = [(i, sc.hits(t)) for i, t in enumerate(texts) if sc.hits(t)]
    assert sc.scan_texts(texts) == expected


def test_the_syllable_cache_is_bounded():
    """Words to segment come from merchants' messages: the cache keeps a bounded number."""
    assert segment.cache_info().maxsize == 1 << 16
