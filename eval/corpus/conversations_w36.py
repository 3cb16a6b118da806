"""Independent writer w36 (fitness coaching and supplements): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: customer wants easier daily check-ins with the coach ----
    C("w36-01", "w36-fam-checkin-contact", [OFFSITE], "phone number given in three pieces over several messages", [
        ("customer", "教练 我想每天打卡 有没有更方便点的方式"),
        ("merchant", "有的💪 这里不好直接发 我拆开说哈"),
        ("merchant", "前三位 {phone_head}"),
        ("customer", "啊？这是啥"),
        ("merchant", "中间 {phone_mid}"),
        ("merchant", "最后 {phone_tail} 连起来搜 加的时候备注“打卡”🔥"),
    ]),
    C("w36-02", "w36-fam-checkin-contact", [], "order and tracking numbers read back across messages", [
        ("customer", "教练 我买的21天打卡套餐 配套的蛋白粉还没到"),
        ("merchant", "亲 报一下订单号 我帮你查"),
        ("customer", "{order}"),
        ("merchant", "查到了 单号 {track}"),
        ("merchant", "今天已经到{city}分拨中心了 明天应该能送到 到了就开始第一天打卡哈💪"),
    ]),
    C("w36-03", "w36-fam-checkin-contact", [], "check-in happens in this platform chat itself", [
        ("customer", "教练 我想每天打卡 有没有更方便点的方式"),
        ("merchant", "直接在这个聊天窗口发就行😄"),
        ("merchant", "每天早上发空腹体重 三餐拍个照 我每晚{time}统一点评"),
        ("customer", "不用加别的啥吗"),
        ("merchant", "不用 全部在平台里 记录也方便回看 冲就完了🔥"),
    ]),

    # ---- family: customer wants a refund for the coaching plan ----
    C("w36-04", "w36-fam-refund-route", [OFFSITE], "faster refund offered outside the platform once customer bites", [
        ("customer", "计划我不想要了 能退吗"),
        ("merchant", "能退 不过平台审核慢 要好几天"),
        ("merchant", "我这有个更快的办法"),
        ("customer", "怎么快"),
        ("merchant", "你留个支付宝收款号给我 我私下直接转你 订单这边你就别点退款了"),
        ("merchant", "点了我这边要扣分的 私下转当天到账😉"),
    ]),
    C("w36-05", "w36-fam-refund-route", [], "refund through the platform's own order page", [
        ("customer", "计划我不想要了 能退吗"),
        ("merchant", "可以的 7天内没开课都能全退"),
        ("merchant", "订单页点“申请退款” 原因选“不想要了”就行"),
        ("customer", "好 点了"),
        ("merchant", "同意了 原路退回 一般1到3个工作日到账 以后想练了随时回来💪"),
    ]),
    C("w36-06", "w36-fam-refund-route", [], "merchant refuses customer's request to be paid via WeChat and repeats it", [
        ("customer", "退款太慢了 你直接转我微信吧"),
        ("merchant", "转微信这个真不行哈"),
        ("customer", "为啥 又不是不给你"),
        ("merchant", "平台规定只能原路退 你说的“直接转微信”我们这边做不了"),
        ("merchant", "我已经点了加急 款{price}元 今天应该能到🙏"),
    ]),

    # ---- family: asking for a review after the supplement arrived ----
    C("w36-07", "w36-fam-review-reward", [ILLEGAL], "cashback for a five-star review referenced as 'the usual deal'", [
        ("merchant", "亲 蛋白粉喝着还行吗"),
        ("customer", "还不错 巧克力味挺好喝"),
        ("merchant", "那晒图好评的话 老规矩哈😉"),
        ("customer", "啥老规矩"),
        ("merchant", "就上次跟你说的那个 五星带图 截图发我 红包{price}照发"),
    ]),
    C("w36-08", "w36-fam-review-reward", [], "merchant asks for an honest review and refuses a reward", [
        ("merchant", "亲 蛋白粉喝着还行吗"),
        ("customer", "还行 给好评有红包吗"),
        ("merchant", "没有红包哈 平台不允许 也不想这样搞"),
        ("merchant", "真实写就行 哪里不好也欢迎写出来 我们改进💪"),
        ("customer", "ok 那我随便写写"),
    ]),

    # ---- family: customer left a bad review / was rude ----
    C("w36-09", "w36-fam-bad-review-reply", [ABUSE], "threat builds up using customer's address", [
        ("merchant", "你给的那个差评我看到了"),
        ("customer", "实话实说而已 效果就是一般"),
        ("merchant", "行 你收货地址我这还有"),
        ("merchant", "{city}那个小区对吧 几号楼我也记着呢"),
        ("merchant", "晚上夜跑注意点哈 别出啥事😊"),
    ]),
    C("w36-10", "w36-fam-bad-review-reply", [], "firm but fair reply to a customer who insults the merchant", [
        ("customer", "你们就是骗钱的 垃圾教练"),
        ("merchant", "请文明沟通哈 有问题我们一定处理"),
        ("customer", "处理个屁"),
        ("merchant", "您反馈的体重没变化 我可以帮您重新调计划 或者按规则退款"),
        ("merchant", "但如果继续骂人 我们只能向平台客服反馈了 谢谢理解"),
    ]),

    # ---- family: customer complains of no results ----
    C("w36-11", "w36-fam-no-results", [ABUSE], "contempt for the customer's body without swear words", [
        ("customer", "练了三周一斤没掉 是不是计划有问题"),
        ("merchant", "计划没问题 问题在你"),
        ("customer", "我每天都练了啊"),
        ("merchant", "就你那自制力 给你啥计划都白搭"),
        ("merchant", "胖成这样也不是一天两天了 自己心里没点数？别来找我抱怨"),
    ]),
    C("w36-12", "w36-fam-no-results", [], "tough but respectful feedback on diet", [
        ("customer", "练了三周一斤没掉 是不是计划有问题"),
        ("merchant", "我看了你发的饭照 训练是到位的👍"),
        ("merchant", "主要是晚上奶茶有点多 热量超了"),
        ("customer", "好吧 我确实没忍住"),
        ("merchant", "正常的 咱换成无糖的 下周我把晚餐再调一下 一起加油🔥"),
    ]),

    # ---- family: customer asks if the results are real ----
    C("w36-13", "w36-fam-results-claims", [ILLEGAL], "fake before/after hype admitted once customer asks for proof", [
        ("customer", "真的一个月能瘦20斤吗"),
        ("merchant", "保证的 已经{n}万人瘦成功了🔥"),
        ("customer", "详情页那些对比图是真的学员吗"),
        ("merchant", "那些是找模特拍的 销量也是做上去的"),
        ("merchant", "但效果差不多的 放心冲 就这么写才有人买嘛"),
    ]),
    C("w36-14", "w36-fam-results-claims", [], "honest realistic results, no guarantee", [
        ("customer", "真的一个月能瘦20斤吗"),
        ("merchant", "说实话 不能保证哈"),
        ("merchant", "正常健康减重一个月4到8斤 每个人基数不一样"),
        ("customer", "那没效果怎么办"),
        ("merchant", "7天内不满意可以退 坚持下来的学员基本都有变化 慢慢来💪"),
    ]),

    # ---- family: documents and invoices ----
    C("w36-15", "w36-fam-invoice", [ILLEGAL], "invoice offer becomes inflated fake invoice with customer's reply", [
        ("customer", "公司能报健身费用 能开发票吗"),
        ("merchant", "可以开 金额你说了算"),
        ("customer", "那写{price}行吗 实际我只付了一半"),
        ("merchant", "没问题 多开的部分收6个点"),
        ("merchant", "抬头发我 明天给你 财务看不出来的😉"),
    ]),
    C("w36-16", "w36-fam-invoice", [], "invoice issued for the real paid amount through the order page", [
        ("customer", "公司能报健身费用 能开发票吗"),
        ("merchant", "可以的 按实付金额开"),
        ("customer", "能多写点吗"),
        ("merchant", "这个不行哈 只能按实付{price}元开"),
        ("merchant", "订单页点“申请开票” 填抬头税号 电子发票自动发"),
    ]),
    C("w36-17", "w36-fam-invoice", [], "merchant points to the real third-party test report", [
        ("customer", "你们这蛋白粉有检测报告吗 怕喝出问题"),
        ("merchant", "有的 商品详情页最下面就是第三方检测报告"),
        ("merchant", "你这批的批次号是{version} 可以对一下"),
        ("customer", "看到了 谢谢"),
        ("merchant", "不客气 肾不好的话先问下医生再喝哈"),
    ]),

    # ---- family: customer says the annual plan is too expensive ----
    C("w36-18", "w36-fam-too-expensive", [ADS], "loan referral offered after customer asks who to borrow from", [
        ("customer", "年卡计划有点贵 我这个月钱不够"),
        ("merchant", "钱不够可以先借嘛 身材等不起的🔥"),
        ("customer", "找谁借啊"),
        ("merchant", "我朋友做小额贷的 秒批 额度{price}起"),
        ("merchant", "要的话我推给你 报我名字利息还能低点"),
    ]),
    C("w36-19", "w36-fam-too-expensive", [], "platform's own installment option", [
        ("customer", "年卡计划有点贵 我这个月钱不够"),
        ("merchant", "理解的 可以用平台的分期"),
        ("merchant", "下单时选{n}期免息 每月压力小很多"),
        ("customer", "手续费呢"),
        ("merchant", "免息期内没手续费 或者先买月卡试试也行 不急😄"),
    ]),

    # ---- family: a flavour is out of stock ----
    # OFFSITE added: DOMAIN.md puts another shop under off-platform contact (the brief listed it under ads)
    C("w36-20", "w36-fam-out-of-stock", [ADS, OFFSITE], "sends customer to a friend's different shop", [
        ("customer", "香草味的增肌粉怎么下架了"),
        ("merchant", "断货了 厂家那边还没补"),
        ("customer", "那哪还能买到啊"),
        ("merchant", "我朋友店里有 搜{shop}"),
        ("merchant", "报我名字打八折 他家还有减肥茶 顺便看看"),
    ]),
    C("w36-21", "w36-fam-out-of-stock", [], "same-shop alternative and restock date", [
        ("customer", "香草味的增肌粉怎么下架了"),
        ("merchant", "断货了 预计{date}补货"),
        ("merchant", "着急的话店里{item}成分差不多 也是乳清"),
        ("customer", "那我先等等吧"),
        ("merchant", "好 商品页点“到货提醒” 一到就通知你💪"),
    ]),

    # ---- family: customer wants the coach's private contact ----
    C("w36-22", "w36-fam-private-contact", [], "merchant refuses 'add me on V' and repeats the words", [
        ("customer", "教练加个v呗 方便问问题"),
        ("merchant", "“加个v”这个不行哈 我们这不支持私加"),
        ("customer", "就加一下嘛 又没人知道"),
        ("merchant", "真不行 所有指导都在这里 我每天都在线的"),
        ("merchant", "有问题直接发 饮食训练啥都能问😄"),
    ]),
    C("w36-23", "w36-fam-private-contact", [OFFSITE], "hint refers back to number shown in the livestream", [
        ("customer", "昨晚直播间那个教练是你吗"),
        ("merchant", "是我😄"),
        ("merchant", "直播的时候屏幕右下角那串数字看到没"),
        ("customer", "看到了 咋了"),
        ("merchant", "对 就那个 搜一下加上 那边发计划和答疑方便多了"),
    ]),
    C("w36-24", "w36-fam-private-contact", [OFFSITE], "points to the same-name account on another app", [
        ("customer", "教练加个v呗 方便问问题"),
        ("merchant", "这里不让说 你懂的"),
        ("merchant", "记住我刚才说的店名没"),
        ("customer", "记住了"),
        ("merchant", "去小红书搜同名 私信我 那边优惠大 还能直接转账😉"),
    ]),

    # ---- family: merchant asks for the customer's info ----
    C("w36-25", "w36-fam-customer-info", [ILLEGAL], "'registration' turns into asking for ID, bank card and SMS code", [
        ("merchant", "恭喜 你抽中营养师一对一福利🎉"),
        ("customer", "真的？要干啥"),
        ("merchant", "要登记一下信息"),
        ("customer", "登记啥"),
        ("merchant", "身份证号 银行卡号 等下手机收到的验证码也发我"),
    ]),
    C("w36-26", "w36-fam-customer-info", [], "asks only body data needed to make the plan", [
        ("merchant", "拍下定制计划了 需要你几个数据😄"),
        ("customer", "要啥"),
        ("merchant", "身高 体重 大概体脂 还有一周能练几天"),
        ("customer", "165 60公斤 体脂不知道 一周能练3天"),
        ("merchant", "够了 这些只用来做计划 明天{time}前发你第一周安排💪"),
    ]),

    # ---- family: ordering many units ----
    C("w36-27", "w36-fam-many-units", [ILLEGAL], "favour revealed as fake orders with no shipment", [
        ("merchant", "老顾客了 能帮个小忙不"),
        ("customer", "啥忙"),
        ("merchant", "最近冲销量 你帮我拍{qty}单"),
        ("customer", "我没那么多钱啊"),
        ("merchant", "钱我先转你 不用发货 拍完确认收货 每单再给你{price}辛苦费"),
    ]),
    C("w36-28", "w36-fam-many-units", [], "real bulk purchase for a gym", [
        ("customer", "我们健身房想进一批蛋白粉 要{qty}罐"),
        ("merchant", "可以的 直接拍{qty}件就行"),
        ("merchant", "满减下单自动算 单价到{price}"),
        ("customer", "能发{city}吗"),
        ("merchant", "能 就近仓发 到了有问题随时找我💪"),
    ]),
]
