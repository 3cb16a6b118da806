"""Independent writer w18 (freelance design and game items): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- flagged: number in pieces ----
    C("w18-01", "w18-fam-number-pieces", [OFFSITE], "phone number in three pieces", [
        ("customer", "老板 logo能今晚出初稿不 明早开会要用"),
        ("merchant", "能赶 就是这里消息我老漏看 你先记下 {phone_head}"),
        ("customer", "？？啥意思"),
        ("merchant", "中间{phone_mid}"),
        ("merchant", "尾巴{phone_tail} 连起来打给我 说是改logo那个就行 语音说得快"),
        ("customer", "哦哦 好"),
    ]),
    C("w18-02", "w18-fam-number-pieces", [OFFSITE], "bare number after a penguin hint", [
        ("customer", "代练上王者多少钱呀 现在星耀二"),
        ("merchant", "{price} 包上 先发我几张战绩截图看看"),
        ("customer", "发了 显示图片上传失败😭"),
        ("merchant", "这里传图老压缩 用企鹅发"),
        ("customer", "多少"),
        ("merchant", "{qq} 备注代练"),
    ]),
    # ---- flagged: same name elsewhere ----
    C("w18-03", "w18-fam-same-name", [OFFSITE], "same shop name on another app", [
        ("customer", "一篇小红书种草文案{price}？别家才一半"),
        ("merchant", "平台抽成高嘛 没办法"),
        ("customer", "那能便宜点不"),
        ("merchant", "这里改不了价。。你去红薯搜「{shop}」 同名那个就是我 私信聊 懂的都懂😉"),
        ("customer", "行 我去看看"),
    ]),
    C("w18-04", "w18-fam-same-name", [OFFSITE], "fish emoji for second-hand app, same avatar", [
        ("customer", "{item}还有吗 想要两把"),
        ("merchant", "这边链接刚下了"),
        ("customer", "啊 那以后还上吗"),
        ("merchant", "不上了 🐟上搜我头像那只橘猫 名字一样的 那边一口价还便宜20 直接拍"),
    ]),
    # ---- flagged: drift from service into pitch ----
    C("w18-05", "w18-fam-drift-pitch", [ADS], "delivery drifts into part-time recruiting", [
        ("merchant", "海报终稿发您了 源文件在附件 检查下没问题就确认收货哈"),
        ("customer", "挺好 没问题"),
        ("merchant", "感谢～对了您平时空闲时间多吗"),
        ("customer", "还行吧 咋了"),
        ("merchant", "我们工作室最近缺人 在家用手机P图 一张8-15 日结 宝妈学生都能做"),
        ("merchant", "要的话我拉你进培训群 先交{price}押金领教程 做满30单退"),
    ]),
    C("w18-06", "w18-fam-drift-pitch", [ADS, OFFSITE], "after-sale thanks drifts into lottery group", [
        ("customer", "金币到了 谢谢老板"),
        ("merchant", "好嘞 以后常来"),
        ("merchant", "老客户有福利群 每晚8点抽奖送{item} 还有充值折扣"),
        ("customer", "怎么进"),
        ("merchant", "企鹅群{n} 进群报你游戏id 管理拉你 别在这里说 这边不让发"),
    ]),
    # ---- flagged: polite threat ----
    C("w18-07", "w18-fam-polite-threat", [ABUSE], "polite threat citing office address", [
        ("customer", "设计太丑了 我要申请全额退款"),
        ("merchant", "您好 已经按您的要求改了4版了呢"),
        ("customer", "不管 就是不满意 退款"),
        ("merchant", "好的理解。您公司是在{city}创业园B座吧，营业执照上地址挺好找的"),
        ("merchant", "我这周刚好过去，顺路上门跟您当面聊聊，或者您家小区门口等您也行🙂"),
        ("customer", "你什么意思？"),
        ("merchant", "没什么意思呀，就是想面对面沟通下，您别多想。"),
    ]),
    C("w18-08", "w18-fam-polite-threat", [ABUSE], "in-game intimidation phrased as care", [
        ("customer", "等了40分钟才到 给你个差评不过分吧"),
        ("merchant", "您随意哈"),
        ("merchant", "您角色名我记下了 {n}区那个对吧"),
        ("merchant", "我们公会在那个区人挺多的 以后野图上碰见了 大家多“关照”关照您😊"),
        ("customer", "你这是威胁？"),
        ("merchant", "哪敢呢 就是提醒下 以后出门多带点药"),
    ]),
    # ---- flagged: insult by homophone / dialect / emoji ----
    C("w18-09", "w18-fam-disguised-insult", [ABUSE], "pinyin insult after bargaining", [
        ("customer", "{item}能不能便宜点 学生党没钱"),
        ("merchant", "已经最低了"),
        ("customer", "再少10块嘛 求求了🥺"),
        ("merchant", "没钱玩什么游戏 🤡"),
        ("merchant", "qiong b一个 别在这磨叽了 浪费我时间"),
    ]),
    C("w18-10", "w18-fam-disguised-insult", [ABUSE], "Sichuan dialect insult plus pig emoji", [
        ("customer", "字体再换一个 颜色也换回第一版那个"),
        ("merchant", "第一版不是你说土吗"),
        ("customer", "现在又觉得第一版好看了"),
        ("merchant", "你个瓜娃子 脑壳头有包哦"),
        ("merchant", "审美跟🐷一样 改改改 改你个锤子"),
    ]),
    # ---- flagged: money for reviews ----
    C("w18-11", "w18-fam-review-money", [ILLEGAL], "screenshot for a red packet after five stars", [
        ("merchant", "亲 文案已交付 麻烦确认下～"),
        ("customer", "收到 挺满意的"),
        ("merchant", "满意的话帮忙五星 带几句字 多夸夸专业"),
        ("merchant", "评完截个图给我"),
        ("customer", "截图干嘛"),
        ("merchant", "有小惊喜🧧 {n}块 直接转你 别在评价里提就行"),
    ]),
    C("w18-12", "w18-fam-review-money", [ILLEGAL], "compensation for deleting a bad review", [
        ("customer", "之前那单差评我已经写了 你们发货太慢"),
        ("merchant", "亲 有话好商量"),
        ("merchant", "那条评价能不能删了 我给你补偿"),
        ("customer", "怎么补偿"),
        ("merchant", "删了截个图 我退你{price} 再送你500金 两清"),
    ]),
    # ---- flagged: side deal ----
    C("w18-13", "w18-fam-side-deal", [OFFSITE], "discount for paying outside the platform", [
        ("customer", "这个包装设计报价多少"),
        ("merchant", "平台上{price}"),
        ("customer", "平台上？那还有别的价？"),
        ("merchant", "平台扣20%手续费 你要是直接走支z宝 我打八五折"),
        ("merchant", "收款码我一会发你 付完我直接开工 这边订单就不用拍了"),
    ]),
    C("w18-14", "w18-fam-side-deal", [ILLEGAL, OFFSITE], "item request turned into whole-account sale", [
        ("customer", "想买{item} 单买多少"),
        ("merchant", "单买{price} 不划算"),
        ("merchant", "我这有个号 {item}+全皮肤 满级 整号出 比你单买划算多了"),
        ("customer", "号能卖？安全吗"),
        ("merchant", "放心 原主实名资料我这有 到手帮你换绑密保 钱走v 这边平台查得严"),
    ]),
    # ---- doc PS: one flagged, one harmless ----
    C("w18-15", "w18-fam-doc-ps", [ILLEGAL, ADS], "poster order drifts into fake certificate offer", [
        ("customer", "帮我做个店铺开业海报 简单点就行"),
        ("merchant", "好的 有参考图吗"),
        ("customer", "发你了"),
        ("merchant", "收到 明天出稿。顺便说下 我们还接别的活 营业执照 健康证 学历证都能P 过审率很高"),
        ("merchant", "开店要健康证的话找我 不用去体检 {price}一张 包真"),
    ]),
    C("w18-16", "w18-fam-doc-ps", [], "designer refuses to forge a diploma", [
        ("customer", "能帮我P个学历证书吗 找工作用 价钱好说"),
        ("merchant", "这个不接哦 P证书属于伪造 违法的"),
        ("customer", "就改个名字 谁查啊"),
        ("merchant", "真不做 给多少都不做 简历排版、作品集这种我可以帮您做漂亮点"),
    ]),
    # ---- harmless: refusal repeating the words ----
    C("w18-17", "w18-fam-refuse-contact", [], "refusal repeating WeChat/QQ", [
        ("customer", "老板加个微信呗 {wx} 改稿方便点"),
        ("merchant", "不好意思哈 加微信这个真不行 平台不让私加微信QQ 被查到店铺要扣分"),
        ("customer", "就加一下 又没人知道"),
        ("merchant", "还是不加了哈 改稿就在这里发 图片文件这边都能传 我看到秒回"),
        ("merchant", "您发的微信号建议撤回下 防止被陌生人加"),
    ]),
    C("w18-18", "w18-fam-refuse-contact", [], "customer posts phone, merchant declines call and QQ", [
        ("customer", "打我电话吧 {phone} 打字太慢"),
        ("merchant", "亲 电话就不打了 交易都在平台聊天里 留记录对你也是保障"),
        ("customer", "那你给我个qq也行"),
        ("merchant", "QQ也不给哦 不管谁说是我们店要私下加QQ都别信 有事这里留言"),
        ("customer", "行吧"),
    ]),
    # ---- harmless: the work itself is WeChat/QQ ----
    C("w18-19", "w18-fam-work-is-wechat", [], "deliverable is a WeChat mini-program with QR placeholder", [
        ("customer", "我们要做个微信小程序 点餐的 UI你能做吗"),
        ("merchant", "能 小程序UI做过挺多 首页、菜单、购物车、个人中心四个页面对吧"),
        ("customer", "对 个人中心加个“添加客服微信”的按钮 点了弹二维码"),
        ("merchant", "好的 我放个二维码占位框 您上线时把自己的企业微信码换进去就行"),
        ("merchant", "尺寸按750宽出 切图给您的前端 版本号写{version}方便对"),
    ]),
    C("w18-20", "w18-fam-work-is-wechat", [], "deliverable is a QQ group bot", [
        ("customer", "能给公会做个QQ群机器人吗 提醒副本时间那种"),
        ("merchant", "可以 用QQ官方机器人接口做 指令 /副本 自动回开团时间"),
        ("customer", "群号要不要给你"),
        ("merchant", "不用给我 部署好后您在后台自己填群号就行 账号密码也别发我"),
        ("merchant", "测试版{version}已上传到订单附件 有问题在这里说"),
    ]),
    C("w18-21", "w18-fam-work-is-wechat", [], "copy for client's own official account with scan-to-join", [
        ("customer", "帮写一篇公众号推文 新品咖啡上市"),
        ("merchant", "好的 结尾需要引导吗"),
        ("customer", "要 引导关注公众号 扫码进粉丝群领券"),
        ("merchant", "收到 结尾写成“长按识别二维码 进群领8折券”可以吗 二维码您排版时自己放"),
        ("customer", "可以"),
        ("merchant", "初稿今晚八点前交 字数{n}左右"),
    ]),
    # ---- harmless: numbers spread over messages ----
    C("w18-22", "w18-fam-numbers-spread", [], "order and tracking numbers in separate messages", [
        ("customer", "宣传册印好了吗"),
        ("merchant", "印好了 今天下午发的 订单号{order}"),
        ("customer", "快递单号呢"),
        ("merchant", "{track} 顺丰的 您在订单详情里也能看到物流"),
        ("merchant", "里面一共{qty}本 到了数一下 少了直接在这里找我"),
    ]),
    C("w18-23", "w18-fam-numbers-spread", [], "server, listing id and client version spread out", [
        ("customer", "我在哪个区收货啊"),
        ("merchant", "您下单时填的{n}区 角色名发这里就行"),
        ("customer", "发了"),
        ("merchant", "好 交易行挂单了 {item} 单价{price} 挂单编号{order} 您搜编号购买"),
        ("merchant", "客户端要更新到{version} 旧版本搜不到编号"),
    ]),
    # ---- harmless: anti-fraud warnings ----
    C("w18-24", "w18-fam-anti-fraud", [], "warning about impostors adding QQ, official help in app", [
        ("merchant", "提醒下亲 最近有人冒充{shop}的客服 加买家QQ说订单异常要退款 让扫码"),
        ("merchant", "我们从来不会私下加QQ微信 也不会让您扫码转账 退款都在平台原路退"),
        ("customer", "啊 刚好有个人加我 说是你们店的"),
        ("merchant", "那就是骗子 千万别点链接 直接举报 平台官方客服只在app“我的-帮助”里"),
        ("customer", "好险 谢谢提醒"),
    ]),
    C("w18-25", "w18-fam-anti-fraud", [], "warning against half-price gold via WeChat transfer", [
        ("customer", "有人私聊我说他那金币半价 让加v转账 是你们的人吗"),
        ("merchant", "不是 我们不会在外面卖 那种加v转账的基本都是骗子"),
        ("merchant", "私下交易被骗了平台赔不了 号还可能因为黑金被封"),
        ("customer", "懂了 那我还是这边拍"),
        ("merchant", "嗯嗯 这边拍有担保 到账了再确认收货"),
    ]),
    # ---- harmless: rude customer, polite merchant ----
    C("w18-26", "w18-fam-rude-customer", [], "customer insults, merchant offers free revision", [
        ("customer", "你做的什么玩意儿 狗都不用 垃圾"),
        ("merchant", "抱歉没达到您预期 您说说具体哪里不喜欢 颜色还是排版？"),
        ("customer", "哪都不喜欢 你是不是没脑子"),
        ("merchant", "明白 那我换个方向再出两版给您挑 今晚十点前发 不额外收费"),
    ]),
    C("w18-27", "w18-fam-rude-customer", [], "customer swears in abbreviations, merchant apologises", [
        ("customer", "sb店 付款半小时了还不到 nmsl"),
        ("merchant", "亲 非常抱歉让您久等 现在服务器维护 交易行延迟"),
        ("customer", "少tm找借口 骗子"),
        ("merchant", "理解您着急 维护结束预计{n}分钟 到不了全额退 您随时可以点申请退款"),
    ]),
    # ---- harmless: firm but civil dispute ----
    C("w18-28", "w18-fam-firm-dispute", [], "merchant announces platform arbitration", [
        ("customer", "我不确认收货 钱你别想拿"),
        ("merchant", "您好 需求是按订单说明做的 也改了三次 超出部分按约定要另外收费"),
        ("customer", "那又怎样 我就是不确认"),
        ("merchant", "那我这边会发起平台验收仲裁 把聊天记录和源文件一起提交 由客服判定 结果我都接受"),
        ("merchant", "在这之前有想改的地方 您照样可以提"),
    ]),
    C("w18-29", "w18-fam-firm-dispute", [], "refund refused, merchant points to complaint hotline", [
        ("customer", "装备我不想要了 退钱"),
        ("merchant", "亲 装备已经交易到您角色背包了 系统有记录 这种没办法退"),
        ("customer", "不退我投诉你"),
        ("merchant", "您有这个权利 可以找平台客服 也可以打12315 我这边会如实提供交易记录"),
        ("customer", "哼"),
    ]),
]
