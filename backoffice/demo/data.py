"""The demo data set: merchants on four platforms, their conversations, one account per role."""

from __future__ import annotations

MERCHANTS = [
    # external_id, platform, name, opening deposit (yuan)
    ("zbj-m-1001", "zbj", "重庆山城品牌设计工作室", "5000.00"),
    ("zbj-m-1002", "zbj", "成都蓉城软件开发有限公司", "20000.00"),
    ("tb-m-2001", "taobao", "杭州西溪家居旗舰店", "10000.00"),
    ("tb-m-2002", "taobao", "义乌小商品百货店", "3000.00"),
    ("pdd-m-3001", "pdd", "广州白云服饰专营店", "10000.00"),
    ("pdd-m-3002", "pdd", "赣南脐橙果园直发", "2000.00"),
    ("cm-m-4001", "community", "摄影爱好者老周", "0.00"),
]

ACCOUNTS = [
    # login, role, password, display name, merchant external id
    ("admin", "admin", "admin-demo-2026", "系统管理员", None),
    ("manager", "manager", "manager-demo-2026", "审核主管 王静", None),
    ("senior", "senior_reviewer", "senior-demo-2026", "资深审核员 李强", None),
    ("reviewer", "reviewer", "reviewer-demo-2026", "审核员 张敏", None),
    ("reviewer2", "reviewer", "reviewer2-demo-2026", "审核员 陈晨", None),
    ("merchant", "merchant", "merchant-demo-2026", "山城设计 刘老板", "zbj-m-1001"),
    ("merchant-tb", "merchant", "merchanttb-demo-2026", "西溪家居 客服主管", "tb-m-2001"),
]

# Each conversation: external id, merchant, channel, customer (id, name), minutes ago of the
# first message, and messages as (sender, minutes after the first message, text).
CONVERSATIONS = [
    ("zbj-c-50001", "zbj-m-1001", "im", ("zbj-u-9001", "王女士"), 26 * 60, [
        ("customer", 0, "你好，我们公司想做一套VI设计，包括logo、名片和宣传册，大概什么价位？"),
        ("merchant", 1, "您好！我们做过很多餐饮和科技公司的VI，整套下来一般在8000到15000之间，看具体需求。"),
        ("customer", 3, "可以先看看你们的案例吗？"),
        ("merchant", 4, "平台上不方便发太多图，加个薇信吧，vx：shancheng_design88，我发您完整作品集。"),
        ("customer", 6, "在平台上发不行吗？"),
        ("merchant", 7, "图太多了，微信上聊方便点，价格也可以给您优惠。"),
    ]),
    ("zbj-c-50002", "zbj-m-1002", "enterprise_wechat", ("zbj-u-9002", "赵先生"), 50 * 60, [
        ("customer", 0, "我们需要开发一个微信小程序，做社区团购的，你们能做吗？"),
        ("merchant", 2, "可以的，我们做过好几个社区团购小程序，涉及微信支付接口和公众号消息推送。"),
        ("customer", 5, "工期大概多久？"),
        ("merchant", 6, "标准版一个月左右。后续沟通可以走八戒企微，平台有保障。"),
    ]),
    ("tb-c-60001", "tb-m-2001", "im", ("tb-u-7001", "买家小林"), 30 * 60, [
        ("customer", 0, "沙发收到了，颜色和图片差别有点大，想退货。"),
        ("merchant", 3, "亲，颜色是有色差的，页面上写了的，退货运费您自己出哦。"),
        ("customer", 5, "我已经申请退款了，也给了中评。"),
        ("merchant", 8, "你给中评什么意思？赶紧改了，不然我天天打电话给你。"),
        ("customer", 9, "你这是威胁我吗？"),
        ("merchant", 10, "你自己看着办，我知道你家住哪。"),
    ]),
    ("tb-c-60002", "tb-m-2002", "im", ("tb-u-7002", "陈同学"), 6 * 60, [
        ("customer", 0, "这个收纳盒有没有大号的？"),
        ("merchant", 1, "有的亲，大号尺寸是40×30×25厘米，今天下单明天发货。"),
        ("customer", 2, "好的，订单号是3921874650123456789，麻烦备注加急。"),
        ("merchant", 3, "已经给您备注加急了，快递单号出来会同步给您。"),
    ]),
    ("pdd-c-70001", "pdd-m-3001", "im", ("pdd-u-8001", "李姐"), 20 * 60, [
        ("customer", 0, "衣服起球了，才穿一次，这质量也太差了吧。"),
        ("merchant", 12, "嫌差别买啊，这个价你还想要什么质量，真是脑子有病。"),
        ("customer", 13, "你怎么说话的？我要投诉你。"),
        ("merchant", 14, "随便投诉，神经病。"),
    ]),
    ("pdd-c-70002", "pdd-m-3002", "im", ("pdd-u-8002", "周先生"), 3 * 60, [
        ("customer", 0, "脐橙甜不甜？能保证坏果包赔吗？"),
        ("merchant", 1, "甜的，今年雨水少，糖度在13度以上，坏果拍照给我们，按个数补偿。"),
        ("customer", 2, "好的，那我先买5斤试试。"),
        ("merchant", 2, "谢谢支持！好评返现5元，记得晒图哦。"),
    ]),
    ("cm-c-80001", "cm-m-4001", "im", ("cm-u-6001", "小雨"), 2 * 60, [
        ("customer", 0, "老师，您的风光片拍得真好，请问用的什么镜头？"),
        ("merchant", 2, "谢谢！主要是16-35广角，偶尔用70-200。想学后期的话我们有个付费群，进群加QQ 2837465190。"),
        ("customer", 4, "平台上的课程不可以吗？"),
        ("merchant", 5, "平台课程贵，群里便宜一半。"),
    ]),
]

# Customer reports sent with some conversations.
REPORTS = {
    "tb-c-60001": [{"reporter_role": "customer", "reason": "abuse", "text": "商家威胁我改差评，还说知道我家住哪。"}],
    "pdd-c-70001": [{"reporter_role": "customer", "reason": "abuse", "text": "客服骂人，说我脑子有病。"}],
}

# Cases the demo decides, so that managers and merchants find rulings from the start:
# conversation, reviewer login, severity, reasons, and messages quoted besides the flagged ones.
DECISIONS = [
    ("tb-c-60001", "reviewer2", "general",
     "商家因买家给出中评，在会话中威胁“天天打电话给你”“我知道你家住哪”，以骚扰方式要求修改评价，属于恶意骚扰。",
     ("tb-c-60001-m4", "tb-c-60001-m6")),
    ("cm-c-80001", "reviewer2", "general",
     "商家在回答镜头问题时推广站外付费群，并留下 QQ 号引导用户站外交易，属于发布垃圾广告信息。", ()),
]

# The team queues a senior reviewer keeps (saved views shared with every reviewer): name, filters.
TEAM_VIEWS = [
    ("淘宝队列", {"platform": "taobao"}),
    ("辱骂与骚扰", {"category": "abuse"}),
]

# Canned reasons (rule, verdict, severity or None, short name, text): {quote} and {measure} are filled in
# on the case page with the flagged message and the measures the rules give.
CANNED_REASONS = [
    ("zbj.offsite_contact", "violation", "general", "引导站外联系",
     "商家在会话中发送{quote}，主动引导买家脱离平台联系，违反《猪八戒平台沟通工具使用规范》。依据规则处理：{measure}。"),
    ("zbj.offsite_contact", "no_violation", None, "买家主动提供联系方式",
     "联系方式由买家主动提供，商家未主动索要或引导，不构成商家违规。"),
    ("zbj.offsite_contact", "no_violation", None, "平台企业微信",
     "商家提及的是平台官方企业微信（八戒企微），属于允许的沟通方式，不构成违规。"),
    ("pdd.uncivil_language", "violation", "general", "辱骂消费者",
     "商家客服在会话中使用不文明用语{quote}，对消费者进行人身攻击，违反《商家客户服务管理规则》。处理：{measure}。"),
    ("pdd.uncivil_language", "insufficient_evidence", None, "语境不明",
     "现有聊天记录不足以判断该用语是否针对消费者，证据不足，暂不处罚。"),
    ("taobao.malicious_harassment", "violation", "general", "恶意骚扰",
     "商家在消费者明确拒绝后仍持续联系{quote}，构成恶意骚扰（情节一般）。处理：{measure}。"),
]
