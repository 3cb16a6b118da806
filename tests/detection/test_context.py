"""Context rules (context.py): absurd false alarms are dropped, near-miss violations still fire."""

import shutil
from dataclasses import replace

import pytest

from backoffice.detection import context, context_rules, default_scanner
from backoffice.detection.lexicon import CONTEXT_FILE, DEFAULT_DIR
from backoffice.detection.normalize import Views
from backoffice.detection.scanner import Hit
from backoffice.rulefiles import RuleFileError

CONTACT, ILLEGAL = "offsite_contact", "illegal_service"

# (text, category that must NOT be flagged, rule family)
CANCELLED = [
    # refusals and negations
    ("不能加微信哦，咱们平台上聊", CONTACT, "refusal"),
    ("我们不加私人微信", CONTACT, "refusal"),
    ("没有QQ的", CONTACT, "refusal"),
    ("抱歉，私人微信不方便给您", CONTACT, "refusal"),
    ("微信不方便透露哦", CONTACT, "refusal"),
    ("亲，平台规定不能私下交易哦", CONTACT, "refusal"),
    ("我们不接受私下转账", CONTACT, "refusal"),
    ("不支持线下交易的", CONTACT, "refusal"),
    ("不要加我微信", CONTACT, "refusal"),
    ("抱歉不能加我微信", CONTACT, "refusal"),
    ("我不用微信", CONTACT, "refusal"),
    ("私下加微信是不允许的", CONTACT, "refusal"),
    ("加微信是违规的哦", CONTACT, "refusal"),
    ("QQ我们这边没有的", CONTACT, "refusal"),
    ("不能加 QQ 的", CONTACT, "refusal"),
    ("不能加微信，平台上聊就行", CONTACT, "refusal"),
    ("不能加薇信哦", CONTACT, "refusal"),
    ("微信号不方便给", CONTACT, "refusal"),
    ("请勿私下转账", CONTACT, "refusal"),
    ("不走平台是不允许的", CONTACT, "refusal"),
    ("没法加微信哈，平台会封号", CONTACT, "refusal"),
    # anti-fraud warnings
    ("谨防诈骗，不要添加陌生人微信", CONTACT, "warning"),
    ("凡是让你加vx、扣扣私下交易的都是骗子", CONTACT, "warning"),
    ("平台提醒：私下转账无保障", CONTACT, "warning"),
    ("私下交易是骗局，请在平台下单", CONTACT, "warning"),
    ("冒充客服让你加QQ的都是诈骗", CONTACT, "warning"),
    ("有人冒充我们让你加微信，不要相信", CONTACT, "warning"),
    ("切勿添加陌生人QQ", CONTACT, "warning"),
    ("遇到让你加QQ的请举报", CONTACT, "warning"),
    ("刷单兼职都是骗子", ILLEGAL, "warning"),
    ("刷好评返现都是骗局", ILLEGAL, "warning"),
    ("谨防删帖诈骗", ILLEGAL, "warning"),
    # the work's own subject
    ("QQ机器人已经写好了", CONTACT, "work"),
    ("企业微信对接需要三天", CONTACT, "work"),
    ("对接企业微信的接口", CONTACT, "work"),
    ("开发一个QQ机器人", CONTACT, "work"),
    ("微信公众号排版一篇80元", CONTACT, "work"),
    ("钉钉机器人推送已经配置", CONTACT, "work"),
    ("QQ群机器人可以做", CONTACT, "work"),
    ("企业微信的自动回复功能", CONTACT, "work"),
    ("企业微信SCRM系统对接", CONTACT, "work"),
    ("钉钉审批流对接", CONTACT, "work"),
    ("QQ空间装修", CONTACT, "work"),
    ("我们做过企业微信和钉钉的集成", CONTACT, "work"),
    # the merchant does not do illegal things
    ("本店不刷单", ILLEGAL, "no illegal"),  # already a lexicon exemption
    ("本店不刷好评", ILLEGAL, "no illegal"),
    ("我们不做好评返现", ILLEGAL, "no illegal"),
    ("不提供有偿删帖", ILLEGAL, "no illegal"),
    ("我们从不刷好评", ILLEGAL, "no illegal"),
    ("严禁刷单", ILLEGAL, "no illegal"),
    ("拒绝虚假炒作", ILLEGAL, "no illegal"),
    ("刷单我们是不做的", ILLEGAL, "no illegal"),
    # official channels
    ("用八戒的企业微信联系我们", CONTACT, "official"),
    ("请添加平台官方企业微信", CONTACT, "official"),
    ("平台官方客服微信会通知您", CONTACT, "official"),
    ("八戒官方QQ群里有公告", CONTACT, "official"),
    ("平台的虚拟号电话联系", CONTACT, "official"),
    ("我们用平台的隐私电话联系您", CONTACT, "official"),
    ("有问题在八戒的企业微信上说", CONTACT, "official"),
    ("猪八戒APP电话联系", CONTACT, "official"),
    ("八戒平台客服电话联系", CONTACT, "official"),
    # quoting the customer
    ("您说的加微信我们这边做不到", CONTACT, "quote"),
    ("您说的加微信，这个我们做不到哦", CONTACT, "quote"),
    ("你说要加QQ，抱歉不行的", CONTACT, "quote"),
    ("您说的刷单我们不做", ILLEGAL, "quote"),
    ("您说的加QQ我们做不了", CONTACT, "quote"),
    # long laughter after a refusal or before one (a chain of 哈 read word by word, not bounded)
    ("微信没有" + "哈" * 17, CONTACT, "refusal"),
    ("QQ没有的" + "哈" * 16, CONTACT, "refusal"),
    ("哈" * 9 + "不能加我微信", CONTACT, "refusal"),
    # a work word at the end of a run of letters after the tool
    ("微信jssdk签名报错怎么办", CONTACT, "work"),
    ("企业微信openapi文档发一下", CONTACT, "work"),
    ("你们做过微信webapi吗", CONTACT, "work"),
]

# (text, category that MUST still be flagged, why it is a near miss)
STILL_FIRES = [
    ("平台上不方便，加我微信吧", CONTACT, "negation applies to the platform"),
    ("平台上不方便 加我微信吧", CONTACT, "a space between Chinese words breaks the clause"),
    ("平台上说话不方便加我微信", CONTACT, "first-person invitation, negation not at clause start"),
    ("不要在这里说，加我v", CONTACT, "negation in another clause"),
    ("不要在这里说加我v", CONTACT, "words other than bridges between negation and hit"),
    ("别在平台付款，转我支付宝", CONTACT, "negation applies to the platform"),
    ("平台不让说，私聊v我", CONTACT, "negation in another clause"),
    ("不方便的话加我微信", CONTACT, "a condition, not a refusal"),
    ("要不加个微信吧", CONTACT, "要不 is an offer"),
    ("能不能加个微信", CONTACT, "A-not-A question"),
    ("方不方便加个微信", CONTACT, "A-not-A question"),
    ("你还没加我微信呢", CONTACT, "还没 prompts"),
    ("没加我微信吗", CONTACT, "weak negation of a first-person invitation"),
    ("不加微信就没法发文件", CONTACT, "不...就: a condition"),
    ("不能加微信吗", CONTACT, "rhetorical question"),
    ("不加微信没法沟通", CONTACT, "a second negation: a condition"),
    ("有没有微信", CONTACT, "X没X question"),
    ("有问题不要找平台，直接找我微信", CONTACT, "negation in another clause"),
    ("没必要走平台，微信转账就行", CONTACT, "negation in another clause"),
    ("不如加我微信", CONTACT, "不如 is a suggestion"),
    ("不懂的可以加我微信问", CONTACT, "不懂的: those who do not understand"),
    ("不用担心，加我微信就行", CONTACT, "negation in another clause"),
    ("不要告诉平台，加我微信", CONTACT, "negation in another clause"),
    ("不要告诉平台加我微信", CONTACT, "平台 is no bridge word"),
    ("我们这没有平台抽成", CONTACT, "no commission is a selling point"),
    ("不收手续费，直接转账给我", CONTACT, "negation in another clause"),
    ("不能加微信，但是你可以加我QQ", CONTACT, "the second clause invites"),
    ("不能加微信，QQ 12345678", CONTACT, "a real number is never cancelled"),
    ("不要加微信 wx_tom1990", CONTACT, "a real id is never cancelled"),
    ("不方便打字，电话 13812345678", CONTACT, "a real number is never cancelled"),
    ("加我微信，不行的话打电话", CONTACT, "the refusal belongs to the next clause"),
    ("加我微信不行吗", CONTACT, "a question, not a refusal"),
    ("加微信没有手续费", CONTACT, "没有 governs 手续费"),
    ("您说的加微信可以的", CONTACT, "quoting, then agreeing"),
    ("你说要加微信，没问题", CONTACT, "quoting, then agreeing"),
    # warnings that are pitches
    ("谨防诈骗，加微信详聊", CONTACT, "the invitation is not inside the warning"),
    ("谨防诈骗！有事加我微信", CONTACT, "first-person invitation"),
    ("我们不是骗子，加微信详聊", CONTACT, "negated warning word"),
    ("放心不会被骗，走微信吧", CONTACT, "negated warning word"),
    ("私下交易更安全，不会被骗", CONTACT, "a sales pitch"),
    ("平台提醒：私下交易更优惠", CONTACT, "a sales pitch"),
    ("怕被骗就加我微信", CONTACT, "first-person invitation"),
    ("为防止被骗，建议直接加我微信", CONTACT, "first-person invitation"),
    ("举报也没用，私下交易吧", CONTACT, "the warning word is in another clause"),
    ("平台有风险，私下交易更安全", CONTACT, "a sales pitch"),
    ("诈骗太多了，还是加微信靠谱", CONTACT, "the warning word is in another clause"),
    ("我们不是骗子，扣扣联系", CONTACT, "negated warning word"),
    ("谨防诈骗这种提示不用理，私下交易就行", CONTACT, "the warning word is in another clause"),
    # work subject near misses
    ("设计稿微信发你", CONTACT, "sending over WeChat"),
    ("设计好了我微信给你", CONTACT, "my WeChat"),
    ("微信小程序开发，详情加我微信", CONTACT, "the invitation is no tool"),
    ("QQ机器人做好了，QQ发你", CONTACT, "sending over QQ"),
    ("机器人做好了加QQ测试", CONTACT, "加QQ is an invitation"),
    ("小程序开发完了，后续维护直接微信联系", CONTACT, "contacting over WeChat"),
    ("做一个QQ机器人，我QQ 123456789", CONTACT, "a real number in the same message"),
    ("开发的事情微信聊", CONTACT, "talking over WeChat"),
    ("微信登录功能做好了，微信发你看", CONTACT, "sending over WeChat"),
    # official channel near misses
    ("官方QQ群", CONTACT, "官方 alone: a shop's own group"),
    ("平台外加我微信", CONTACT, "outside the platform"),
    ("平台客服处理太慢，加我微信", CONTACT, "the invitation is no official channel"),
    ("平台上加我微信", CONTACT, "first-person invitation"),
    ("八戒平台抽成高 微信聊", CONTACT, "a space between Chinese words breaks the clause"),
    ("平台客服微信是假的，加我的", CONTACT, "disparaging the official channel"),
    ("跳过平台微信联系", CONTACT, "a way out of the platform"),
    ("离开八戒QQ聊", CONTACT, "a way out of the platform"),
    # illegal services near misses
    ("我们不做刷单，但可以帮你补单", ILLEGAL, "the second clause offers it"),
    ("不刷好评哪来的销量，我们帮你刷", ILLEGAL, "rhetorical question"),
    ("刷单没有风险", ILLEGAL, "没有 governs 风险"),
    ("刷单不会被查", ILLEGAL, "not a refusal"),
    ("刷单也不是不行", ILLEGAL, "double negation"),
    ("删帖没问题", ILLEGAL, "没问题 agrees"),
    ("好评返现不是问题", ILLEGAL, "not a refusal"),
    ("不做刷单，做刷销量", ILLEGAL, "the second clause offers it"),
    ("不能说是刷单，叫补单", ILLEGAL, "words other than bridges"),
]


def _cats(text: str) -> set[str]:
    return {h.category for h in default_scanner().hits(text)}


@pytest.mark.parametrize(("text", "category", "family"), CANCELLED)
def test_false_alarm_is_dropped(text, category, family):
    assert category not in _cats(text), family


@pytest.mark.parametrize(("text", "category", "why"), STILL_FIRES)
def test_near_miss_violation_still_fires(text, category, why):
    assert category in _cats(text), why


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("不能加微信，但是你可以加我QQ 12345678", {"加我QQ", "QQ 12345678"}),
        ("做一个QQ机器人，我QQ 123456789", {"QQ 123456789"}),
        ("凡是让你加vx私下交易的都是骗子", {"都是骗子"}),  # prohibited_content is not a warning's business
    ],
)
def test_only_the_hits_in_scope_are_dropped(text, kept):
    assert {h.matched for h in default_scanner().hits(text)} == kept


def test_dropped_hits_are_gone_from_batch_scans_too():
    texts = [t for t, _, _ in CANCELLED] + [t for t, _, _ in STILL_FIRES]
    sc = default_scanner()
    assert sc.scan_texts(texts) == [(i, sc.hits(t)) for i, t in enumerate(texts) if sc.hits(t)]


def _hit(text: str, matched: str, **kw) -> Hit:
    start = text.index(matched)
    fields = {"category": CONTACT, "start": start, "end": start + len(matched), "matched": matched,
              "detector": "lexicon", "term": "微信", "confidence": 0.65}
    fields.update(kw)
    return Hit(**fields)


def test_apply_never_adds_and_keeps_order():
    text = "不能加微信，加我QQ"
    hits = [_hit(text, "加微信", detector="solicit"), _hit(text, "加我QQ", detector="solicit", term="QQ")]
    assert context.apply(Views(text), hits) == hits[1:]
    assert context.apply(Views(text), []) == []


def test_rules_work_on_hits_of_any_view_by_original_span():
    # a hit found in another view (e.g. pinyin) is placed by its original span
    text = "不能加 wei xin 哦"
    hit = _hit(text, "wei xin", view="pinyin")
    assert context.apply(Views(text), [hit]) == []


def test_obfuscating_views_and_identifiers_are_never_dropped():
    text = "不能加微信哦"
    hit = _hit(text, "微信")
    assert context.apply(Views(text), [hit]) == []
    assert context.apply(Views(text), [replace(hit, view="reversed")]) == [replace(hit, view="reversed")]
    text = "不能加微信tom1990"
    ident = _hit(text, "微信tom1990", detector="lexicon")
    assert context.apply(Views(text), [ident]) == [ident]


def test_an_evasive_spelling_is_no_work_talk():
    text = "薇信小程序开发"
    hit = _hit(text, "薇信")
    assert context.apply(Views(text), [hit]) == [hit]
    text = "微信小程序开发"
    assert context.apply(Views(text), [_hit(text, "微信")]) == []


def test_other_categories_are_untouched():
    text = "我不是说你是傻逼"
    hits = default_scanner().hits(text)
    assert [h.category for h in hits] == ["abuse"]


def test_shipped_rules_load_once():
    assert context_rules.default_rules() is context_rules.default_rules()


def test_rule_file_errors_name_file_and_path(tmp_path):
    path = tmp_path / CONTEXT_FILE
    shutil.copy(DEFAULT_DIR / CONTEXT_FILE, path)
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("window: 12")].count("\n") + 1
    path.write_text(text.replace("window: 12", "window: many"), encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        context_rules.load_rules(path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert str(err.value).endswith("(at window)")
    path.write_text("window: 3\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"context.yaml:1: Field required \(at keep_detectors\)"):
        context_rules.load_rules(path)


def test_a_cue_that_normalises_to_nothing_names_its_list(tmp_path):
    path = tmp_path / CONTEXT_FILE
    text = (DEFAULT_DIR / CONTEXT_FILE).read_text(encoding="utf-8")
    path.write_text(text.replace("  bridges: [", "  bridges: ['...', ", 1), encoding="utf-8")
    line = text[: text.index("  bridges: [")].count("\n") + 1
    with pytest.raises(RuleFileError) as err:
        context_rules.load_rules(path)
    assert str(err.value) == f"{path}:{line}: a word normalises to nothing (at negation.bridges)"


# Tools followed by letter or digit runs before the work word: still the work's subject.
@pytest.mark.parametrize("text", ["微信 v3 接口对接", "微信123小程序开发", "微信qq机器人"])
def test_letters_and_digits_between_the_tool_and_the_work(text):
    assert not [h for h in default_scanner().hits(text) if h.category == CONTACT]


_MAX_TEXT = 20_000  # a message's longest text (ingest/conversation.schema.json)


def _long(head: str, unit: str, tail: str = "") -> str:
    return head + unit * ((_MAX_TEXT - len(head) - len(tail)) // len(unit)) + tail


# Messages built to be slow. Cue words made of other cue words (我这边 = 我 + 这边, 的事 = 的 + 事),
# letter runs after a tool typed in pinyin, and the like: an unbounded ``(?:words)*`` read each repetition two ways and
# backtracked exponentially; 40 repetitions hung a worker. Every input is a message of the
# longest length ingestion accepts.
@pytest.mark.parametrize("text", [
    "daozhanglehahoumianyouhuodongwodouzaiweixinlifahaoshijack97952jidebeizhuchongzhi",  # a corpus row
    _long("daozhanglewodouzaiweixin", "lifahaoshijack97952", "jidebeizhu"),
    _long("不能加微信", "的事"),
    _long("微信", "我这边", "不方便"),
    _long("", "我这边", "不能加微信"),
    _long("", "但是", "不能加微信"),
    _long("您说的", "我们这边", "加微信"),
    _long("开发", "一个", "微信"),
    _long("平台", "官方客服", "微信"),
    _long("微信", "企业微信", "开发"),
    _long("微信", "qq", "x"),
    # thousands of hits in one message: each used to be compared with every other one, or to
    # walk its whole clause or letter run (minutes for the first, half a minute for the others)
    _long("", "weixin"),
    _long("", "加微信"),
    _long("", "www."),
    "weixin" + "an" * 16 + "q",  # a letter run read as pinyin syllables: 160 s
    _long("x.com ", "a点"),
    _long("", "微信骗子"),
])
def test_long_repetitions_do_not_hang_the_scanner(text):
    import signal

    def hung(*_):
        raise TimeoutError("the scanner did not finish a single message within 15 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(15)  # a guard against a hang, not a speed test: these take about a second
    try:
        hits = default_scanner().hits(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert isinstance(hits, list)
