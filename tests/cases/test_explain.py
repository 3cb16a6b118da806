"""Why a flag fired, in the reviewer's language: detector, term and view in words, score, model reasons."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from flask_babel import force_locale

from backoffice.cases.explain import explain_flag, feature_text
from backoffice.cases.models import Flag, FlagSource
from backoffice.detection.features import _SHAPES
from backoffice.extensions import db
from tests.builders import WECHAT


def flag(**kw) -> SimpleNamespace:
    base = {"source": FlagSource.detector, "detector": "lexicon", "term": "微信", "view": "folded",
            "confidence": 0.85, "score": None, "model_version": None, "features": [], "where": "text"}
    return SimpleNamespace(**(base | kw))


@pytest.fixture
def say(app):
    def say(lang: str, f) -> str:
        with app.test_request_context(), force_locale(lang):
            return explain_flag(f)
    return say


@pytest.mark.parametrize(("kw", "zh", "en"), [
    ({}, "检测 · 关键词：“微信” · 置信度 85%", "Detector · keyword: “微信” · confidence 85%"),
    ({"view": "pinyin", "score": 0.92}, "检测 · 关键词：“微信”的拼音 · 综合评分 92%",
     "Detector · keyword: pinyin of “微信” · combined score 92%"),
    ({"view": "reversed"}, "关键词：“微信”倒序书写", "keyword: “微信” written backwards"),
    ({"view": "components"}, "关键词：“微信”拆字书写", "keyword: “微信” split into components"),
    ({"view": "joined"}, "关键词：“微信”跨消息拼接", "keyword: “微信” joined across messages"),
    ({"detector": "phone", "term": "phone", "view": "digits", "confidence": 0.95},
     "检测 · 电话号码（数字写法） · 置信度 95%",
     "Detector · phone number (numbers written out) · confidence 95%"),
    ({"detector": "qq_number", "term": "QQ"}, "QQ号", "QQ number"),
    ({"detector": "url", "term": "url"}, "链接", "link"),
    ({"detector": "email", "term": "email"}, "邮箱", "e-mail"),
    ({"detector": "qr_code", "term": "二维码", "where": "attachment"}, "二维码（附件中）",
     "QR code, in an attachment"),
    ({"detector": "reply_time", "term": "reply within 180 s"}, "回复超时（时限 3 分钟）",
     "late reply (limit 3 minutes)"),
    ({"detector": "solicit", "term": "QQ"}, "索要联系方式：“QQ”", "asks to add a contact: “QQ”"),
    ({"detector": "brand_new_detector", "term": "x"}, "检测 · 其他检测 ·", "Detector · other detector ·"),
    ({"view": "model", "detector": "model", "term": None, "score": 0.81, "model_version": "lr-3",
      "features": ["pinyin:weixin", "加我", "rule:offsite_contact:phone"]},
     "检测 · 模型（版本 lr-3） 依据：拼音 weixin、“加我”、规则命中：电话号码 · 综合评分 81%",
     "Detector · model (version lr-3) because of: pinyin weixin, “加我”, rule hit: phone number"
     " · combined score 81%"),
    ({"score": 0.9, "model_version": "lr-3", "features": ["initials:wx"]},
     "关键词：“微信” · 模型（版本 lr-3） 依据：拼音首字母 wx · 综合评分 90%",
     "keyword: “微信” · model (version lr-3) because of: pinyin initials wx · combined score 90%"),
    ({"source": FlagSource.report, "detector": "customer_report"}, "消费者举报", "Customer report"),
    # Taobao 恶意骚扰: the threat "知道你住哪" is a variant of the abuse lexicon's group "威胁"; the word 威胁
    # is not in the merchant's message "不删你试试，我知道你住哪，小心点", so it is not quoted as its keyword.
    ({"term": "威胁", "matched": "知道你住哪", "confidence": 0.9}, "关键词：“知道你住哪”（属于“威胁”类）",
     "keyword: “知道你住哪” (listed under “威胁”)"),
    ({"term": "微信", "matched": "加微信"}, "关键词：“微信” ·", "keyword: “微信” ·"),
])
def test_each_flag_reads_as_a_sentence_in_both_languages(say, kw, zh, en):
    assert zh in say("zh", flag(**kw))
    assert en in say("en", flag(**kw))


@pytest.mark.parametrize(("feature", "zh"), [
    ("pinyin:weixin", "拼音 weixin"),
    ("reversed:信微", "倒序 信微"),
    ("rule:offsite_contact:phone", "规则命中：电话号码"),
    ("rule:ads_spam", "规则命中：广告与垃圾信息"),
    ("rule:abuse:煞笔", "规则命中：“煞笔”"),
    ("folded:加v", "“加v”"),
    ("token:shancheng_design88", "字母数字串“shancheng_design88”"),
    ("rule:offsite_contact:view:pinyin", "规则命中（拼音）"),
    ("rule:offsite_contact:view:folded", "规则命中（原文）"),
    ("num:mobile", "手机号形状的数字"),
    ("num:masked", "部分打码的数字"),
    ("num:5-8", "5-8 位数字"),
    ("num:decimal", "带小数点的数字"),
    ("num:dotted", "带两个点的数字（如版本号）"),
    ("num:percent", "百分比"),
    ("num:year", "年份"),
    ("num:code-year", "编号加年份"),
    ("num:dash", "用横线连接的数字"),
    ("num:slash", "用斜线连接的数字"),
    ("num:unit", "带单位的数字"),
    ("num:currency", "金额"),
    ("http://x.cn", "“http://x.cn”"),
])
def test_features_lose_their_codes(app, feature, zh):
    with app.test_request_context(), force_locale("zh"):
        assert feature_text(feature) == zh


def test_a_keyword_is_quoted_only_as_it_stands_in_the_flagged_message(say):
    threat = flag(term="威胁", matched="知道你住哪", confidence=0.9)
    assert "“威胁”" not in say("zh", threat).split("属于")[0]


def test_the_chinese_explanation_has_no_raw_codes(say):
    text = say("zh", flag(view="model", detector="model", term=None, score=0.7, model_version="v1",
                          features=["pinyin:weixin", "rule:offsite_contact:qq_number", "digits:138",
                                    "num:mobile"]))
    for code in ("pinyin:", "rule:", "offsite_contact", "qq_number", "digits:", "model", "num:", "view:"):
        assert code not in text


def _page(client, case_id: int) -> list[str]:
    html = client.get(f"/cases/{case_id}").get_data(as_text=True)
    return re.findall(r'<span class="tag tag-flag">(.*?)</span>', html)


def test_the_case_page_explains_flags_in_chinese_and_english(app, client, make_user, login, open_case):
    make_user("reviewer", "alice")
    login("alice")
    case = open_case(("customer", "你好"), ("merchant", WECHAT))
    solicit, wechat_id = case.flags  # "加我薇信" asks for WeChat; "薇信 abc12345" is a WeChat id
    solicit.view, solicit.score, solicit.model_version = "pinyin", 0.88, "lr-2026.12"
    solicit.features = ["pinyin:weixin", "加我"]
    wechat_id.score, wechat_id.model_version, wechat_id.features = None, None, []  # the rules alone
    db.session.add(Flag(case_id=case.id, conversation_id=case.conversation_id,
                        message_id=solicit.message_id, source=FlagSource.detector, rule_code=case.rule_code,
                        category="offsite_contact", detector="model", term=None, matched="", where="text",
                        confidence=0.0, view="model", score=0.76, model_version="lr-2026.12",
                        features=["rule:offsite_contact:wechat_id"]))
    db.session.commit()
    assert _page(client, case.id) == [
        "检测 · 索要联系方式：“微信”的拼音 · 模型（版本 lr-2026.12） 依据：拼音 weixin、“加我”"
        " · 综合评分 88%",
        "检测 · 微信号 · 置信度 90%",
        "检测 · 模型（版本 lr-2026.12） 依据：规则命中：微信号 · 综合评分 76%",
    ]
    client.post("/language", data={"lang": "en", "next": "/"})
    assert _page(client, case.id) == [
        "Detector · asks to add a contact: pinyin of “微信” · model (version lr-2026.12) because of:"
        " pinyin weixin, “加我” · combined score 88%",
        "Detector · WeChat ID · confidence 90%",
        "Detector · model (version lr-2026.12) because of: rule hit: WeChat ID · combined score 76%",
    ]


def test_model_reasons_leave_out_punctuation_and_lone_letters(say):
    text = say("en", flag(view="model", detector="model", term=None, score=0.84, model_version="v1",
                          features=["我", ",", "j", "folded:8", "，", "pinyin:weixin", "rule:offsite_contact"]))
    assert "because of: “我”, pinyin weixin, rule hit: Off-platform contact · combined score 84%" in text
    only_noise = say("zh", flag(view="model", detector="model", term=None, score=0.6, model_version="v1",
                                features=[",", "a"]))
    assert only_noise == "检测 · 模型（版本 v1） · 综合评分 60%"


def test_a_split_phone_number_does_not_say_joined_twice(say):
    f = flag(detector="phone_split", term="phone", view="joined", confidence=0.9)
    assert say("en", f) == "Detector · phone number split across messages · confidence 90%"
    assert say("zh", f) == "检测 · 分条发送的电话号码 · 置信度 90%"


def test_every_number_shape_the_model_reads_has_words(app):
    with app.test_request_context(), force_locale("zh"):
        for name, _rx in _SHAPES:
            words = feature_text(name)
            assert "num" not in words, name
            assert "位数字" not in words, name  # not the fallback "a number of <n> digits"
