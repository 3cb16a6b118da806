"""Table-driven: each evasion technique is flagged, each look-alike is not."""

import pytest

from backoffice.detection import scan_text

# (text, category, detector, expected highlight in the ORIGINAL text)
EVASIONS = [
    ("加我薇信聊", "offsite_contact", "solicit", "加我薇信"),
    ("V信：tom_1990", "offsite_contact", "wechat_id", "V信：tom_1990"),
    ("ｖｘ：ｔｏｍ１９９０", "offsite_contact", "wechat_id", "ｖｘ：ｔｏｍ１９９０"),
    ("微\u200b信号 abc12345", "offsite_contact", "wechat_id", "微\u200b信号 abc12345"),
    ("加我威❤", "offsite_contact", "solicit", "加我威❤"),
    ("威❤：tom1990", "offsite_contact", "wechat_id", "威❤：tom1990"),
    ("加個微信吧", "offsite_contact", "solicit", "加個微信"),
    ("有事微 信聯繫", "offsite_contact", "lexicon", "微 信"),
    ("微微微信", "offsite_contact", "lexicon", "微微微信"),
    ("扣扣 12345678", "offsite_contact", "qq_number", "扣扣 12345678"),
    ("企鹅号：九八七六五四三二", "offsite_contact", "qq_number", "企鹅号：九八七六五四三二"),
    ("电话 138-1234-5678", "offsite_contact", "phone", "138-1234-5678"),
    ("电话 1 3 8 1 2 3 4 5 6 7 8", "offsite_contact", "phone", "1 3 8 1 2 3 4 5 6 7 8"),
    ("手机幺三八洞洞拐拐勾勾一二", "offsite_contact", "phone", "幺三八洞洞拐拐勾勾一二"),
    ("手机 ①③⑧①②③④⑤⑥⑦⑧", "offsite_contact", "phone", "①③⑧①②③④⑤⑥⑦⑧"),
    ("号码１３８１２３４５６７８", "offsite_contact", "phone", "１３８１２３４５６７８"),
    ("座机 010-12345678", "offsite_contact", "landline", "010-12345678"),
    ("邮箱 abc艾特qq点com", "offsite_contact", "email", "abc艾特qq点com"),
    ("abc(at)163.com", "offsite_contact", "email", "abc(at)163.com"),
    ("www．shop．com", "offsite_contact", "url", "www．shop．com"),
    ("看 myshop点com", "offsite_contact", "url", "myshop点com"),
    ("https://evil.cn/x 有案例", "offsite_contact", "url", "https://evil.cn/x"),
    ("某宝也有我们的店", "offsite_contact", "lexicon", "某宝"),
    ("拼夕夕上更便宜", "offsite_contact", "lexicon", "拼夕夕"),
    ("去淘宝拍吧", "offsite_contact", "lexicon", "淘宝"),
    ("刷单返利", "illegal_service", "lexicon", "刷单返利"),
    ("有偿删帖", "illegal_service", "lexicon", "有偿删帖"),
    ("可以虚假炒作", "illegal_service", "lexicon", "虚假炒作"),
    ("你个傻*逼", "abuse", "lexicon", "傻*逼"),
    ("煞笔", "abuse", "lexicon", "煞笔"),
    ("你是🐷吗", "abuse", "lexicon", "你是🐷"),
    ("神經病", "abuse", "lexicon", "神經病"),
    ("三十岁的巨婴，发货晚一天就哭天喊地", "abuse", "lexicon", "巨婴"),  # an insulting name
    ("阿木林，讲了三遍还不懂", "abuse", "lexicon", "阿木林"),  # Shanghainese
    ("没钱就别逛我们店", "abuse", "lexicon", "没钱就别"),  # contempt without a swear word
    ("瓜-娃-子，讲不听", "abuse", "lexicon", "瓜-娃-子"),  # Sichuanese, with separators
    ("你這種奇葩買家", "abuse", "lexicon", "奇葩買家"),  # traditional script
    ("出售账号，实名的老号", "illegal_service", "lexicon", "出售账号"),  # account trade: banned, not an ad
    ("卖号吗，信誉高的", "illegal_service", "lexicon", "卖号"),
    ("日结工资，宝妈兼职", "ads_spam", "lexicon", "日结工资"),
    ("爱买不买", "negative_service", "lexicon", "爱买不买"),
    ("算命改运", "prohibited_content", "lexicon", "算命"),
]


@pytest.mark.parametrize(("text", "category", "detector", "highlight"), EVASIONS)
def test_evasion_is_flagged_with_exact_highlight(text, category, detector, highlight):
    hits = [h for h in scan_text(text) if h.category == category and h.detector == detector]
    assert hits, scan_text(text)
    assert any(h.matched == highlight == text[h.start:h.end] for h in hits), hits


LOOKALIKES = [
    "请在八戒企业微信上联系我们",
    "八戒企微的二维码我发您",
    "隐私小号10天内有效",
    "我们做微信小程序开发",
    "微信接口开发和公众号开发都可以",
    "床单四件套现在有货",
    "订单号201903141234567890",
    "快递单号1234567890123",
    "运单号 13812345678",
    "价格 13800 元",
    "商品编码是13502400117，仓库按编码找货",  # product, style and barcode numbers
    "那款货号15820250301，颜色雾霾蓝",
    "款号17720240512-BL",
    "测试账号用13800000000这种占位号",  # a placeholder: one digit seven times over
    "2024年3月14日交付",
    "版本号v2.3.15",
    "这个页面支持滚动",
    "USB接口",
    "垃圾袋包装设计",
    "质量像垃圾一样的那批已经下架",
    "我们用企鹅做吉祥物",
    "发个扣子的细节图",
    "预计七天内完成，一下午出初稿",
    "访问 https://www.zbj.com/task",
    "淘宝详情页设计",
    "淘宝上有类似款式吗",
    "傻瓜相机也能拍得很好",  # the insult lists leave out words with an everyday sense
    "您签收时拆开检查一下",  # qian shou shi, not 欠收拾
    "下午十三点发货",
    "二百五十克一袋",
    "这不是人为损坏",
    "像你这种情况可以退",
    "我眼瞎了没看到您的留言",
    # the review of the insult lists (2026-12-08): ordinary chat that held one of their words
    "制作精美，工作精神可嘉",
    "适合你这种人群使用",
    "钥匙你也配两把吗",
    "放在靠北的墙，河北七天能到吗",
    "这点运费都由我们承担",
    "乡下人自己种的，傻子瓜子，叫花子鸡",
    "宝宝手被门夹了，脑瘫儿童康复椅",
    "老虎图案，面料是尼龙啊",  # lao hu tu, ni long a: not 老糊涂, 你聋啊
    "养了三头猪，派人下乡",  # reversed: not 猪头三, 乡下人
    "这批货质素低",  # reversed: not 低素质
    "收件人 Wu Lai，Hanfu dress",  # typed pinyin: not 无赖, 悍妇
    "狗狗吃屎怎么办，防碰瓷的行车记录仪",
    "您就这点预算的话推荐这款",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_is_not_flagged(text):
    assert scan_text(text) == []


def test_every_hit_span_is_the_original_substring():
    text = "您好！加我 Ｖ 信：ｔｏｍ＿１９９０，电话 幺三八-洞洞一二-三四五六，你个傻*逼"
    hits = scan_text(text)
    assert {h.detector for h in hits} >= {"wechat_id", "phone", "lexicon"}
    for h in hits:
        assert text[h.start:h.end] == h.matched
        assert 0 <= h.confidence <= 1
