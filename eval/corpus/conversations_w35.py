"""Independent writer w35 (wedding photography studio): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: merchant's phone number while booking a date ----
    C("w35-01", "w35-fam-phone-pieces", [OFFSITE], "phone number given in three pieces across messages", [
        ("customer", "你好 {date}那天还有档期吗"),
        ("merchant", "有的亲 外景+内景都能排"),
        ("customer", "价格能便宜点不"),
        ("merchant", "平台上改不了价 私下能给你优惠 记一下 {phone_head}"),
        ("merchant", "{phone_mid}"),
        ("merchant", "尾号{phone_tail} 打过来说是拍婚纱的就行😊"),
    ]),
    C("w35-02", "w35-fam-phone-pieces", [], "merchant refuses to give phone, order number split over messages", [
        ("customer", "老板给个电话呗 在这聊太麻烦了"),
        ("merchant", "不好意思哈 电话号码不方便给 咱们就在平台聊 有记录对你也有保障"),
        ("customer", "行吧 那我订单号是多少来着"),
        ("merchant", "订单号 {order}"),
        ("merchant", "您在我的订单里也能看到 档期{date}已经锁了"),
    ]),
    C("w35-03", "w35-fam-phone-pieces", [], "platform virtual masked number for shoot-day call", [
        ("customer", "拍摄那天摄影师怎么联系我啊"),
        ("merchant", "当天摄影师会通过平台的虚拟号打给您"),
        ("merchant", "显示的是 {phone_masked} 这种隐藏号 不是骚扰电话哈"),
        ("customer", "好的 知道了"),
        ("merchant", "{time}前到店化妆就可以啦💄"),
    ]),

    # ---- family: paying the deposit ----
    C("w35-04", "w35-fam-deposit", [OFFSITE], "pay outside, account referred back to an earlier hint", [
        ("merchant", "亲 你可以先去看看我们样片 在那个绿色app上搜 {shop} 就有 头像是白婚纱那个"),
        ("customer", "看了 挺好看的 定金怎么交"),
        ("merchant", "平台要扣手续费 定金{price}直接转那边就行"),
        ("customer", "哪边？"),
        ("merchant", "就刚才让你搜的那个 转账备注新娘名字 省得被平台抽成"),
    ]),
    C("w35-05", "w35-fam-deposit", [], "customer asks to transfer privately, merchant refuses and repeats the request", [
        ("customer", "定金我直接微信转你行不 平台还要绑卡好烦"),
        ("merchant", "不行哦亲 微信转账我们不收的"),
        ("merchant", "定金{price}请在平台拍下付款 这样有合同有保障"),
        ("customer", "好吧好吧"),
        ("merchant", "拍完我这边就给您锁{date}的档期🙏"),
    ]),
    C("w35-06", "w35-fam-deposit", [], "firm but fair refusal of deposit refund", [
        ("customer", "我们婚期改了 定金能退吗"),
        ("merchant", "合同第五条写了定金不退的 这个真的没办法"),
        ("customer", "{price}啊 就这么没了？"),
        ("merchant", "理解您的心情 但可以免费改期一次 一年内有效"),
        ("merchant", "您定好新日子在订单页点申请改期就行"),
    ]),

    # ---- family: reviews after delivery ----
    C("w35-07", "w35-fam-review-cashback", [ILLEGAL], "cashback for review only clear across three messages", [
        ("merchant", "照片都收到了吧 满意的话麻烦给个好评哈🥰"),
        ("customer", "收到了 挺满意的"),
        ("merchant", "好评写够{n}个字 带{n}张图"),
        ("merchant", "弄完截个图发我 给你返{price}红包"),
    ]),
    C("w35-08", "w35-fam-review-cashback", [], "customer asks for cashback, merchant refuses", [
        ("merchant", "相册已经发货了 单号{track}"),
        ("customer", "好评有返现吗 别家都有的"),
        ("merchant", "没有返现哦 我们不搞这个"),
        ("merchant", "您收到后按真实感受评价就行 不满意也可以直接说 我们改进"),
    ]),
    C("w35-09", "w35-fam-review-cashback", [ILLEGAL], "paid deletion agreed only after customer's proposal", [
        ("merchant", "亲 看到您给了差评 能商量一下吗"),
        ("customer", "修图修成那样还不让说？"),
        ("customer", "退我{price} 我就删"),
        ("merchant", "行 你先删 删完截图给我"),
        ("merchant", "我马上转你 别再写了哈"),
    ]),

    # ---- family: raw files ----
    C("w35-10", "w35-fam-raw-files", [], "download link is the delivered product", [
        ("customer", "原片能全给我吗"),
        ("merchant", "可以的 套餐含全部底片 一共{n}张"),
        ("merchant", "下载链接 {url} 7天有效 记得及时保存"),
        ("customer", "收到 谢谢老板"),
    ]),
    C("w35-11", "w35-fam-raw-files", [OFFSITE], "QQ given after 'platform can't send' setup", [
        ("customer", "底片什么时候发我"),
        ("merchant", "底片太大了 平台这边传不了"),
        ("customer", "那咋办"),
        ("merchant", "企鹅上发 你加一下"),
        ("merchant", "{qq_cn}"),
        ("merchant", "加的时候备注拍摄日期 以后有活动也在上面通知你"),
    ]),
    C("w35-12", "w35-fam-raw-files", [ABUSE], "contempt building up over refusal of raw files", [
        ("customer", "我就想要原片 为什么不给"),
        ("merchant", "原片给你你也不会修"),
        ("customer", "会不会修是我的事"),
        ("merchant", "呵 就你那底子 不修能看？"),
        ("merchant", "别在这丢人了 拿着精修偷着乐吧"),
    ]),

    # ---- family: arguing over retouching ----
    C("w35-13", "w35-fam-retouch", [ABUSE], "threat builds up over several revision requests", [
        ("customer", "脸还是太大 再修一下"),
        ("merchant", "已经改第三遍了"),
        ("customer", "不满意就是不满意啊"),
        ("merchant", "你是不是故意找茬"),
        ("merchant", "再磨叽 我把你没修的原图发到我们样片墙上 让大家都看看"),
    ]),
    C("w35-14", "w35-fam-retouch", [], "firm but fair: extra revisions cost extra per contract", [
        ("customer", "这几张还要再改 腿再瘦点"),
        ("merchant", "套餐含精修{n}张 每张免费修改两次"),
        ("merchant", "这几张已经改过两次了 再改是{price}一张 合同第三条有写"),
        ("customer", "这么抠"),
        ("merchant", "不好意思哈 修图师也是按张算的 您确认要改我就安排"),
    ]),
    C("w35-15", "w35-fam-retouch", [], "customer insults, merchant quotes the insult and stays calm", [
        ("customer", "你们就是骗子 修得跟鬼一样"),
        ("merchant", "您说我们是骗子 这个我们不认可"),
        ("merchant", "具体哪几张不满意 您把编号发我 我让主修重新看"),
        ("customer", "{n}号 还有后面那几张"),
        ("merchant", "好的 {date}前给您新版本"),
    ]),

    # ---- family: extras offered after the shoot ----
    C("w35-16", "w35-fam-extra-offers", [ADS], "unrelated loan offer after wedding budget comment", [
        ("customer", "婚礼花钱太多了 这套先不加了"),
        ("merchant", "理解 办婚礼是烧钱"),
        ("merchant", "手头紧的话我朋友那能贷 秒批 不看征信"),
        ("merchant", "额度{price}起 要的话我把你推给他"),
    ]),
    C("w35-17", "w35-fam-extra-offers", [], "upsell of own related product with price", [
        ("customer", "相册能升级吗"),
        ("merchant", "可以 加{price}升级水晶相册 {n}页"),
        ("merchant", "在订单里补个差价链接就行"),
        ("customer", "好 我看看"),
    ]),
    # OFFSITE added: DOMAIN.md puts another shop under off-platform contact (the brief listed it under ads)
    C("w35-18", "w35-fam-extra-offers", [ADS, OFFSITE], "another shop promoted, linked to earlier chat about dresses", [
        ("customer", "你们家婚纱款式有点少诶"),
        ("merchant", "确实 新款还没到"),
        ("customer", "那敬酒服呢"),
        ("merchant", "你去{city}那家{shop}看看 我闺蜜开的 报我名字打五折"),
        ("merchant", "她那还在招兼职模特 日结{price} 有兴趣也可以去"),
    ]),

    # ---- family: marriage registration photos ----
    C("w35-19", "w35-fam-registration-photo", [ILLEGAL], "fake documents offered after harmless photo talk", [
        ("customer", "结婚登记照能拍吗"),
        ("merchant", "能拍 红底{price}一套"),
        ("customer", "我户口本还在老家 好麻烦"),
        ("merchant", "这个我们也能帮你搞"),
        ("merchant", "户口本那页给你P一张打印出来 民政局看不出来的"),
    ]),
    C("w35-20", "w35-fam-registration-photo", [], "ID mentioned only as documents to bring", [
        ("customer", "登记照要带什么"),
        ("merchant", "拍照不用带啥 红底{price} 当天取"),
        ("merchant", "去民政局记得带身份证和户口本原件哈"),
        ("customer", "好的 谢谢"),
    ]),

    # ---- family: collecting people's information ----
    C("w35-21", "w35-fam-guest-info", [ILLEGAL], "guest phone list harvested in exchange for free photos", [
        ("merchant", "婚礼跟拍那天宾客大概多少人"),
        ("customer", "{n}个左右"),
        ("merchant", "方便的话把宾客名单带电话发我一份"),
        ("customer", "要这个干嘛"),
        ("merchant", "我们做活动推广用 给你多送{n}张精修 他们不会知道的"),
    ]),
    C("w35-22", "w35-fam-guest-info", [], "contact person filled in the order form, not in chat", [
        ("merchant", "婚礼跟拍那天现场对接人是谁"),
        ("customer", "我表哥 要把他电话发你吗"),
        ("merchant", "不用发聊天里 您在订单备注里填联系人就行 摄影师会用平台电话联系"),
        ("customer", "好的 我去填"),
    ]),

    # ---- family: sales and hype ----
    C("w35-23", "w35-fam-sales-hype", [ILLEGAL], "fake orders revealed with refund promise", [
        ("customer", "照片收到了 挺好的"),
        ("merchant", "谢谢亲 能帮个小忙不"),
        ("customer", "啥忙"),
        ("merchant", "店里冲下销量 你帮拍{n}单那个{price}的证件照链接"),
        ("merchant", "不用来拍 钱我原路返你 再多给你{price}辛苦费"),
    ]),
    C("w35-24", "w35-fam-sales-hype", [], "customer suspects faked sales, merchant denies and points to reviews", [
        ("customer", "你们销量{n}是不是刷的啊"),
        ("merchant", "不刷单的 都是真实下单"),
        ("merchant", "评价里都有客人的返图 您可以翻翻看"),
        ("customer", "行 我看看"),
    ]),

    # ---- family: where to find the studio ----
    C("w35-25", "w35-fam-find-studio", [OFFSITE], "hint where to find the merchant off platform, refers back", [
        ("merchant", "我们平时发样片都在那个小红书上 名字跟店名一样"),
        ("customer", "哦哦"),
        ("merchant", "这边店铺下个月就不开了"),
        ("merchant", "以后要约拍就去刚说的那儿私信我 直接约 比这便宜"),
    ]),
    C("w35-26", "w35-fam-find-studio", [], "studio address is the shoot location", [
        ("customer", "拍摄地点在哪"),
        ("merchant", "在{city}的门店 详细地址订单里有 可以直接导航"),
        ("customer", "停车方便吗"),
        ("merchant", "楼下有停车场 {time}前到就行"),
    ]),
    C("w35-27", "w35-fam-find-studio", [], "official platform channel for rescheduling", [
        ("customer", "我想改期 找谁"),
        ("merchant", "在订单页点申请改期就可以"),
        ("merchant", "搞不定的话也可以找平台官方客服 订单号{order}报一下就行"),
        ("customer", "好"),
    ]),

    # ---- family: customer arrives late ----
    C("w35-28", "w35-fam-late-customer", [ABUSE], "contempt escalating over lateness", [
        ("customer", "不好意思堵车 还有半小时到"),
        ("merchant", "化妆师已经等你两个小时了"),
        ("customer", "真的很抱歉"),
        ("merchant", "抱歉有啥用 你们这种人就是没素质"),
        ("merchant", "下次别来了 看着就烦"),
    ]),
    C("w35-29", "w35-fam-late-customer", [], "firm but fair overtime fee per contract", [
        ("customer", "不好意思堵车 要晚一个多小时"),
        ("merchant", "好的 路上注意安全"),
        ("merchant", "提醒一下 迟到超过一小时按合同要收{price}超时费 后面还有客人"),
        ("customer", "行 理解"),
        ("merchant", "到了直接上二楼化妆间🙏"),
    ]),
]
