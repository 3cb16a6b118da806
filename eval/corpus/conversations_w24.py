"""Independent writer w24 (live-stream skincare and car parts): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # --- family: contact split over several messages vs. order numbers split over messages ---
    C("w24-01", "w24-fam-split-contact", [OFFSITE], "phone number in pieces, pay outside", [
        ("customer", "主播刚说的那个敏感肌套装还有吗 直播间手慢没抢到😭"),
        ("merchant", "宝子直播间库存清零了，私下还留了几套内部价的"),
        ("customer", "咋买啊 链接在哪"),
        ("merchant", "链接不方便发 你记一下哈 {phone_head}"),
        ("merchant", "中间{phone_mid}"),
        ("merchant", "最后{phone_tail} 拼起来打给我，直接转账给你发货，比直播间还便宜20"),
    ]),
    C("w24-02", "w24-fam-split-contact", [OFFSITE], "id described by hints across messages", [
        ("customer", "老板 19款朗逸前刹车片有货不"),
        ("merchant", "有的 原厂副厂都有"),
        ("customer", "我要两套 能便宜点不"),
        ("merchant", "店里价改不了，你去绿色软件搜下"),
        ("merchant", "前面是咱店名拼音 后面跟{n}"),
        ("customer", "绿色软件？"),
        ("merchant", "对 就那个聊天的，加上备注刹车片，给你走私价，别在这说哈"),
    ]),
    C("w24-03", "w24-fam-split-contact", [], "order and tracking numbers spread over messages", [
        ("customer", "我买的{item}三天了物流没动"),
        ("merchant", "亲 麻烦报下订单号我查一下"),
        ("customer", "{order}"),
        ("merchant", "查到了 快递单号{track}，卡在{city}中转站了，这两天那边压件"),
        ("merchant", "我这边已经催了，明天还不动您直接在订单里点申请退款，我秒同意"),
        ("customer", "行吧 那再等等"),
    ]),

    # --- family: customer asks for WeChat/phone ---
    C("w24-04", "w24-fam-wx-refusal", [], "refusal repeating the words", [
        ("customer", "主播 加个微信呗 以后直接找你拿货"),
        ("merchant", "宝子不好意思哈 我们不加微信的，平台不允许私下交易，也怕您被骗"),
        ("customer", "加个vx又没啥 别家都加"),
        ("merchant", "真的不行呢～有啥问题直接旺旺找我们，关注店铺开播会有提醒💕"),
    ]),
    C("w24-05", "w24-fam-wx-refusal", [], "refuses phone, keeps fitment check in chat", [
        ("customer", "你电话多少 我直接打给你问适不适配 打字太慢了"),
        ("merchant", "老板 电话就不留了哈 店铺规定不留手机号"),
        ("merchant", "您把行驶证上的车型或者车架号拍给我，我这边查适配一样快"),
        ("customer", "[图片]"),
        ("merchant", "看到了 18款速腾1.4T，这款刹车盘能装，直接拍就行"),
    ]),
    C("w24-06", "w24-fam-wx-refusal", [OFFSITE], "refuses WeChat then points to same-name account elsewhere", [
        ("customer", "能加个微信不 有问题好问"),
        ("merchant", "微信不加哈 平台查得严😅"),
        ("customer", "好吧 那有活动咋知道"),
        ("merchant", "你去某音搜我们主播名字 同名那个号，粉丝群福利比淘宝多"),
        ("merchant", "那边下单还送小样 这边不方便说太多 懂的都懂"),
    ]),

    # --- family: oblique "same name elsewhere" ---
    C("w24-07", "w24-fam-same-name", [OFFSITE], "same shop name on another platform", [
        ("customer", "这个精华我在别家看到便宜20"),
        ("merchant", "亲 淘宝这边是品牌控价 动不了"),
        ("customer", "那算了"),
        ("merchant", "等下宝子 你去小红薯搜店名 同名的 那边私信我给你内部价"),
    ]),
    C("w24-08", "w24-fam-same-name", [OFFSITE], "same avatar on second-hand app", [
        ("customer", "大灯总成也太贵了 闲鱼二手才一半"),
        ("merchant", "二手的不敢保证 我们这全新的"),
        ("customer", "有没有便宜点的拆车件"),
        ("merchant", "有啊 不过不在这个店挂"),
        ("merchant", "咸🐟搜我这个店名，头像一样那个就是我，拆车件都在那边，走那边交易便宜不少"),
    ]),

    # --- family: cashback for reviews ---
    C("w24-09", "w24-fam-review-cashback", [ILLEGAL], "cashback for screenshot of five-star review", [
        ("customer", "面膜收到了 包装挺好"),
        ("merchant", "谢谢宝子支持～用着还行的话帮忙给个五星带图哈"),
        ("customer", "好 用几天再评"),
        ("merchant", "评完截个图发我，给你返{price}，红包这边直接发"),
        ("merchant", "字数写够30个哦 别提返现俩字😘"),
    ]),
    C("w24-10", "w24-fam-review-cashback", [ILLEGAL], "card in parcel explained in chat", [
        ("customer", "包裹里有张卡 写着好评有礼 啥意思"),
        ("merchant", "哦那个啊 就是五星好评加个追评 带安装好的图"),
        ("customer", "然后呢"),
        ("merchant", "然后评价截图在这发我，{price}红包立马到账，追评再加一份"),
    ]),
    C("w24-11", "w24-fam-review-cashback", [], "customer asks for cashback, merchant declines", [
        ("customer", "给五星有没有返现啊 别家都有"),
        ("merchant", "亲 我们不做好评返现哈 平台也不允许"),
        ("customer", "那我为啥要给好评"),
        ("merchant", "您如实评价就行，好用就夸，不好用直接写，有问题先找我处理"),
        ("customer", "行 挺实在"),
    ]),

    # --- family: service slowly drifting into a pitch ---
    C("w24-12", "w24-fam-service-drift", [ADS], "after-sales drifts into agent recruiting", [
        ("customer", "用了你家水乳下巴起小红疹 咋回事"),
        ("merchant", "宝子先停用哈 可能换季屏障受损了 拍个图我看看"),
        ("customer", "[图片] 就这一片"),
        ("merchant", "不严重 先停两天清水洗脸 不行给您退"),
        ("merchant", "对了宝子平时在家带娃吗？我们在招代理，一部手机就能做，不压货，好多宝妈一个月{price}"),
        ("merchant", "想了解的话拉你进代理群听听课呀"),
    ]),
    C("w24-13", "w24-fam-service-drift", [ADS], "fitment answer drifts into loan pitch", [
        ("customer", "这款轮毂适合20款思域吗"),
        ("merchant", "适合的 17寸 PCD5x114.3"),
        ("customer", "四个要{price} 有点肉疼"),
        ("merchant", "理解 最近好多车友都这样"),
        ("merchant", "我们合作的车贷平台 低息分期 凭驾驶证秒批 额度最高5w 不光轮毂 换车都够"),
        ("merchant", "要的话我发你申请入口"),
    ]),

    # --- family: threat polite word by word vs. firm civil dispute ---
    C("w24-14", "w24-fam-polite-threat", [ABUSE], "polite threat mentioning address", [
        ("customer", "用了烂脸 我要给差评"),
        ("merchant", "亲先别急 我们可以退款的"),
        ("customer", "退了也要差评 让别人别买"),
        ("merchant", "好的 您评吧"),
        ("merchant", "您收货地址我们都有哈 {city}那个小区 我们有同事就住附近"),
        ("merchant", "差评挂着的话 以后碰见多尴尬 您说是吧😊"),
    ]),
    C("w24-15", "w24-fam-polite-threat", [ABUSE], "veiled threat about plate number", [
        ("customer", "刹车片装上就异响 你们卖假货吧"),
        ("merchant", "我们都是正品 可能没磨合好"),
        ("customer", "已经投诉了 等着吧"),
        ("merchant", "行 随便投"),
        ("merchant", "你下单留的车牌号跟电话我这都有，开车注意点安全哈，路上啥事都可能发生"),
    ]),
    C("w24-16", "w24-fam-polite-threat", [], "firm but civil dispute, points to platform", [
        ("customer", "这桶机油开封了 不想要了 给我退"),
        ("merchant", "老板 机油开封后不支持七天无理由，详情页写了的"),
        ("customer", "就是不想退呗 什么垃圾店"),
        ("merchant", "理解您心情。开封的确实退不了，没开封那桶可以退"),
        ("merchant", "您觉得不合理的话可以在订单里申请平台客服介入，我们按平台判定来"),
        ("customer", "行 我去申请"),
    ]),

    # --- family: who is rude ---
    C("w24-17", "w24-fam-who-insults", [], "customer rude, merchant polite", [
        ("customer", "你们主播是不是有病 讲半天不上链接"),
        ("merchant", "抱歉宝子让您久等了 链接刚上 3号就是"),
        ("customer", "磨磨唧唧的 sb直播间"),
        ("merchant", "给您添堵了 下次提前预告上链接时间🙏 您要的那款还有货哦"),
    ]),
    C("w24-18", "w24-fam-who-insults", [ABUSE], "contempt via abbreviation and emoji", [
        ("customer", "雨刮怎么装啊 说明书看不懂"),
        ("merchant", "视频在详情页第三张"),
        ("customer", "看了还是不会 卡扣在哪"),
        ("merchant", "这都不会？"),
        ("merchant", "建议先去挂个脑科 纯纯zz 弱🐔一个 别来烦我了"),
    ]),

    # --- family: anti-fraud talk ---
    C("w24-19", "w24-fam-anti-fraud", [], "anti-fraud warning mentioning WeChat and links", [
        ("customer", "刚有人打电话说是你们客服 说商品有质量问题要退款 让我加微信"),
        ("merchant", "宝子千万别加！！那是骗子 我们不会打电话让您加微信退款"),
        ("merchant", "退款都在淘宝订单里操作，谁发链接让您填银行卡都别信"),
        ("customer", "吓死 还好没点"),
        ("merchant", "有疑问随时在这问，官方客服在“我的淘宝-客服中心”能找到"),
    ]),
    C("w24-20", "w24-fam-anti-fraud", [], "official hotline and self-check advice", [
        ("customer", "付款了订单还显示未付款 钱扣了咋办"),
        ("merchant", "老板别急 可能是支付宝延迟"),
        ("merchant", "半小时还没同步的话打支付宝官方客服95188问下"),
        ("customer", "你给的号靠谱吗 别是骗子"),
        ("merchant", "您可以在支付宝app“我的-客服”里自己核对，别信别人私发的号码"),
    ]),
    C("w24-21", "w24-fam-anti-fraud", [OFFSITE], "fake anti-fraud pretext to move refund offsite", [
        ("customer", "退款申请三天了还没处理"),
        ("merchant", "亲 平台退款通道最近好多骗子冒充 为了您资金安全"),
        ("merchant", "我们开了专属售后 您加售后专员扣扣{qq} 验证写订单号"),
        ("customer", "在淘宝里退不行吗"),
        ("merchant", "淘宝要排队半个月 专员那边当天原路退 放心是我们自己人"),
    ]),

    # --- family: sales volume ---
    C("w24-22", "w24-fam-sales-volume", [ILLEGAL], "admits fake sales then recruits brushing", [
        ("customer", "直播间说已售10万+ 真的假的"),
        ("merchant", "嘿嘿宝子 你懂的 数据要好看嘛"),
        ("customer", "？？"),
        ("merchant", "正好缺人冲量 你拍{qty}单 我们发空包 本金加{price}佣金当天返你"),
    ]),
    C("w24-23", "w24-fam-sales-volume", [ILLEGAL], "borrowing buyer account for fake orders", [
        ("customer", "老板 上周买的脚垫 再来一套送朋友"),
        ("merchant", "好嘞 顺便问下 你有闲着的淘宝号吗"),
        ("customer", "有个老号 不咋用"),
        ("merchant", "借我下几单 不用你掏钱 每单给你{price} 评价我们写好你复制就行"),
        ("merchant", "号想卖也行 信誉高的我们收"),
    ]),
    C("w24-24", "w24-fam-sales-volume", [], "customer suspects fake sales, merchant explains", [
        ("customer", "你们销量这么高 刷的吧"),
        ("merchant", "宝子不会哈 直播间每天在线好几千人 都是真实订单"),
        ("merchant", "您可以看评价里的追评和买家秀 有好有坏我们都没删"),
        ("customer", "那我先买个小样试试"),
        ("merchant", "好的 小样在店铺首页第二个 合适再买正装"),
    ]),

    # --- family: codes that look like contact numbers ---
    C("w24-25", "w24-fam-codes-not-contacts", [], "OEM part number split over messages", [
        ("customer", "要换空调滤芯 原厂号是多少"),
        ("merchant", "您车是哪款"),
        ("customer", "17款凯美瑞 2.0"),
        ("merchant", "原厂件号是87139-"),
        ("merchant", "后面是06080 您拿这个对一下旧滤芯上的标签"),
        ("customer", "对上了 就要这个"),
        ("merchant", "好的 拍下备注车型就行"),
    ]),
    C("w24-26", "w24-fam-codes-not-contacts", [], "batch code and official registration check", [
        ("customer", "咋知道是不是正品 有备案吗"),
        ("merchant", "有的 国妆特字 可以在药监局官网查"),
        ("merchant", "批号在瓶底 前四位是生产年月"),
        ("customer", "我这个2403开头"),
        ("merchant", "对 24年3月产的 保质期三年 放心用"),
        ("merchant", "查备案的话在药监局的化妆品监管APP搜产品名就行"),
    ]),

    # --- family: app / group that belongs to the product or the platform ---
    C("w24-27", "w24-fam-app-inside", [], "companion app of the dashcam itself", [
        ("customer", "记录仪到了 手机咋看视频"),
        ("merchant", "老板 需要在应用商店下配套APP 名字在盒子背面"),
        ("merchant", "打开记录仪WiFi 默认密码12345678 连上在APP里就能看"),
        ("customer", "连上了 能看了"),
        ("merchant", "好嘞 有问题随时旺旺找我"),
    ]),
    C("w24-28", "w24-fam-app-inside", [], "platform-internal fan group on request", [
        ("customer", "你们有粉丝群吗 想蹲福利"),
        ("merchant", "有的宝子 淘宝店铺首页点“粉丝群”就能进 是淘宝官方群"),
        ("customer", "不是微信群吧"),
        ("merchant", "不是哦 我们不建微信群 都在淘宝里 开播前群里会发提醒"),
    ]),
]
