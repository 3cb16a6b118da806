"""Independent writer w12: short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C

CONVERSATIONS = [
    # --- family: second-hand phone, seller wants to finish the deal elsewhere ---
    C("w12-01", "w12-fam-used-phone-deal", [OFFSITE], "implicit hint in context", [
        ("customer", "这台二手机还在吗 电池健康多少"),
        ("merchant", "在的亲 电池87 没修过"),
        ("merchant", "这边平台抽点太狠了 你去那条黄色的鱼上搜我同名 那边我便宜一百五"),
        ("customer", "黄色的鱼？哦哦懂了"),
        ("merchant", "嗯嗯 搜到了说一声 我那边发你实拍视频"),
    ]),
    C("w12-02", "w12-fam-used-phone-deal", [], "numbers that are not contacts", [
        ("customer", "老板 系统版本多少啊 能升级吗"),
        ("merchant", "现在是{version} 还能升"),
        ("merchant", "价格{price}不刀了哈 已经很低了"),
        ("customer", "行 我拍了 订单号{order}"),
        ("merchant", "收到 明天发顺丰 单号到时候发你 {track}大概这种格式的"),
    ]),
    C("w12-03", "w12-fam-used-phone-deal", [], "customer volunteers contact", [
        ("customer", "我想多看几张细节图 你加我微信吧 {wx}"),
        ("merchant", "不用加啦 我直接在这发你 平台聊记录也有个保障"),
        ("merchant", "边框这里有个小磕 其他都好的"),
        ("customer", "好吧 那我考虑下"),
    ]),

    # --- family: aircon repair technician visiting home ---
    C("w12-04", "w12-fam-aircon-visit", [OFFSITE], "evasive contact", [
        ("customer", "师傅 空调不制冷 明天上午能来吗"),
        ("merchant", "能 不过这里消息我老看不到"),
        ("merchant", "你上那个绿色的聊天软件 搜一下 {wx} 头像是个扳手的就是我"),
        ("customer", "好 我等下搜"),
    ]),
    C("w12-05", "w12-fam-aircon-visit", [], "official channel in context", [
        ("customer", "师傅到了怎么联系你啊 我家小区不好找"),
        ("merchant", "下单后平台会给您派个隐私号 我到楼下用那个号打您 您号码我这边是看不到的"),
        ("merchant", "要改时间直接在订单页点改约就行"),
        ("customer", "ok 明白"),
    ]),
    C("w12-06", "w12-fam-aircon-visit", [OFFSITE], "number across messages", [
        ("customer", "预约了周六下午 麻烦准时哈"),
        ("merchant", "没问题 以后有啥毛病别下单了 直接叫我 省个服务费"),
        ("merchant", "{phone_head}"),
        ("merchant", "{phone_mid}"),
        ("merchant", "后面是{phone_tail} 存一下"),
        ("customer", "哦 好的"),
    ]),

    # --- family: freelancer asking how the customer pays ---
    C("w12-07", "w12-fam-freelance-payment", [OFFSITE], "payment outside", [
        ("customer", "这个爬虫脚本大概多少钱"),
        ("merchant", "一口价{price}"),
        ("merchant", "走平台的话要被扣两成 你直接支付宝转我 我给你抹个零"),
        ("customer", "那万一你跑了咋办"),
        ("merchant", "放心 我做了好几年了 先转一半也行"),
    ]),
    C("w12-08", "w12-fam-freelance-payment", [OFFSITE], "payment outside", [
        ("customer", "logo设计定金怎么付"),
        ("merchant", "定金付三成就行 点这个收款码 {url} 付完截图给我"),
        ("customer", "不能在这里拍吗"),
        ("merchant", "这边拍要等审核 慢 扫码快"),
    ]),
    C("w12-09", "w12-fam-freelance-payment", [], "merchant refuses", [
        ("customer", "我转你微信吧 平台太麻烦了 你便宜点"),
        ("merchant", "不好意思哈 我这边只接平台托管的单"),
        ("merchant", "钱在平台托管你也放心 验收满意了再确认 不会多收你的"),
        ("customer", "行吧 那我下单"),
    ]),

    # --- family: the job itself is a messaging / contact tool ---
    C("w12-10", "w12-fam-chat-tool-project", [], "contact tool as the work", [
        ("customer", "想做个微信小程序 预约理发的 能接吗"),
        ("merchant", "能 要不要微信一键登录 还有公众号模板消息提醒"),
        ("customer", "都要 到点了发个通知给顾客"),
        ("merchant", "好 那订阅消息我给你做进去 报价{price} 工期两周左右"),
    ]),
    C("w12-11", "w12-fam-chat-tool-project", [], "contact tool as the work", [
        ("customer", "QQ群机器人能做吗 自动回复 踢广告号那种"),
        ("merchant", "可以 我用的框架是{version} 关键词能后台自己配"),
        ("merchant", "测试的时候你拉个小号进群就行 我把机器人加进去跑"),
        ("customer", "好 先做个demo看看"),
    ]),
    C("w12-12", "w12-fam-chat-tool-project", [OFFSITE], "evasive contact", [
        ("customer", "短信验证码那个系统做好了吗"),
        ("merchant", "差不多了 你要测试的话得先进体验群"),
        ("merchant", "群在扣扣上 号码 {qq_cn} 进来后后面的沟通都在群里弄 这边就不回了"),
        ("customer", "啊？不能在这边发测试链接吗"),
        ("merchant", "这边发不了 进群吧"),
    ]),

    # --- family: second-hand furniture, lots of numbers ---
    C("w12-13", "w12-fam-furniture-numbers", [], "numbers that are not contacts", [
        ("customer", "沙发发货了吗 一直没物流"),
        ("merchant", "发了 物流是德邦的"),
        ("merchant", "单号{track}"),
        ("merchant", "大件慢点 三四天吧 你订单{order}我这边备注了送货上楼"),
        ("customer", "好的谢谢"),
    ]),
    C("w12-14", "w12-fam-furniture-numbers", [], "numbers that are not contacts", [
        ("customer", "书柜尺寸多少 我怕放不下"),
        ("merchant", "宽80"),
        ("merchant", "高180 深30 单位厘米"),
        ("customer", "有几个"),
        ("merchant", "还剩{qty}个 单个{price} 一起拿的话再少点"),
    ]),
    C("w12-15", "w12-fam-furniture-numbers", [OFFSITE], "number across messages", [
        ("customer", "餐桌收到了 挺好的"),
        ("merchant", "满意就好 我家里还有好多旧家具没挂上来"),
        ("merchant", "想看的话打这个 前面{phone_head}"),
        ("customer", "嗯？"),
        ("merchant", "中间{phone_mid} 最后{phone_tail} 直接找我拿 不用走这边"),
    ]),

    # --- family: bad review after a bad delivery ---
    C("w12-16", "w12-fam-bad-review", [ILLEGAL], "illegal offer", [
        ("customer", "耳机左边没声音 我已经给差评了"),
        ("merchant", "亲 给您补发一个 差评能删掉吗"),
        ("merchant", "删了我这边另外返您二十块红包 再帮您改个五星加图的 钱照给"),
        ("customer", "这样也行？"),
    ]),
    C("w12-17", "w12-fam-bad-review", [ABUSE], "abuse after dispute", [
        ("customer", "收到的镜头有霉 我要退款"),
        ("merchant", "发货前都检查过的 你自己弄的吧"),
        ("customer", "我拍了视频开箱的 你看一下"),
        ("merchant", "看什么看 穷就别买二手 一天到晚碰瓷 脑子有病"),
    ]),
    C("w12-18", "w12-fam-bad-review", [], "heated but civil dispute", [
        ("customer", "你这键盘有两个键不灵 描述里根本没说"),
        ("merchant", "我发之前每个键都测过 这个我真不认"),
        ("customer", "那我就申请平台介入了"),
        ("merchant", "可以 你申请吧 我把发货前的测试视频上传给平台 让平台判 判我错我认"),
    ]),

    # --- family: private tutor says no, then... ---
    C("w12-19", "w12-fam-tutor-contact", [OFFSITE], "contact after refusal", [
        ("customer", "老师能加个联系方式吗 方便约时间"),
        ("merchant", "平台不让私加哈 被查到要封号的"),
        ("merchant", "不过你记一串数字 {qq} 晚上我在线 别在这提就行"),
        ("customer", "好嘞"),
    ]),
    C("w12-20", "w12-fam-tutor-contact", [], "merchant refuses", [
        ("customer", "老师你电话多少 孩子的事我想打电话说"),
        ("merchant", "不好意思 我不在站外联系学生家长的"),
        ("merchant", "有事就在这里留言 上课时间也在订单里约 我每天晚上都会看"),
        ("customer", "那好吧"),
    ]),

    # --- family: seller drops an unrelated promotion ---
    C("w12-21", "w12-fam-unrelated-promo", [ADS], "ads in chat", [
        ("customer", "这个二手相机还有电池吗"),
        ("merchant", "带一块原装的"),
        ("merchant", "对了 最近有个理财app 注册就送现金 点这个 {url} 填我邀请码 我俩都有奖励"),
        ("customer", "不用了 就问相机"),
    ]),
    C("w12-22", "w12-fam-unrelated-promo", [], "ordinary conversation", [
        ("customer", "这个电钻有没有优惠"),
        ("merchant", "店里现在有满减 下单页面能领券 领了能少十来块"),
        ("customer", "好 我去领"),
        ("merchant", "嗯 今天下单今天发"),
    ]),

    # --- family: photographer and a customer ---
    C("w12-23", "w12-fam-photographer", [ABUSE], "harassment", [
        ("customer", "证件照已经收到了 谢谢"),
        ("merchant", "你本人比照片还好看 有男朋友吗"),
        ("merchant", "下次单独约你拍私房 不收钱"),
        ("customer", "不用了 谢谢"),
        ("merchant", "装什么 我知道你住哪个小区的 拍照那天看见了"),
    ]),
    C("w12-24", "w12-fam-photographer", [], "ordinary conversation", [
        ("customer", "周末能上门拍全家福吗 在{city}"),
        ("merchant", "可以 周日上午有空 大概拍一个小时"),
        ("merchant", "衣服建议颜色统一点 浅色系拍出来好看"),
        ("customer", "好的 那就周日"),
    ]),

    # --- family: freelancer offers something illegal on the side ---
    C("w12-25", "w12-fam-side-offer", [ILLEGAL], "illegal offer", [
        ("customer", "我要做个群发营销系统 能做吗"),
        ("merchant", "能做"),
        ("merchant", "客户名单有没有 没有的话我这有{n}条本地业主电话 按条卖 很精准的"),
        ("customer", "这个合法吗"),
        ("merchant", "你别管 好用就行"),
    ]),
    C("w12-26", "w12-fam-side-offer", [ILLEGAL, OFFSITE], "illegal offer", [
        ("customer", "网站改版的事什么时候能好"),
        ("merchant", "下周吧 对了你平时玩不玩彩"),
        ("merchant", "我有个内部平台 稳赚 带你上车 扣扣{qq}找我 这里不方便讲"),
        ("customer", "不玩 谢谢"),
    ]),

    # --- family: after-sales, official route vs. a private route ---
    C("w12-27", "w12-fam-aftersale-route", [], "official channel in context", [
        ("customer", "扫地机器人坏了 怎么售后"),
        ("merchant", "您在订单页点申请售后 选维修"),
        ("merchant", "或者点右上角的平台客服 他们会给您发上门取件的预约"),
        ("customer", "好的 我去点"),
    ]),
    C("w12-28", "w12-fam-aftersale-route", [OFFSITE], "implicit hint in context", [
        ("customer", "烤箱不加热了 我申请了售后 一直没人处理"),
        ("merchant", "平台那边流程太慢 你撤了吧"),
        ("merchant", "点我头像 简介第二行那个 直接找我 我当天给你寄新的"),
        ("customer", "简介那个？好 我看看"),
    ]),
]
