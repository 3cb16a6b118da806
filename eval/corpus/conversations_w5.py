"""Independent writer w5: short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C

CONVERSATIONS = [
    # --- family: restock / repeat purchase moved off the shop ---
    C("w5-01", "w5-fam-restock-moved-off", [OFFSITE], "implicit hint in context", [
        ("customer", "这件风衣米色的L码还会补货吗"),
        ("merchant", "店里这批不补了亲"),
        ("merchant", "后面的新款我们都不在这上了，老顾客都是那边直接拿货，价格低不少"),
        ("customer", "那边是哪边啊"),
        ("merchant", "你翻下我们包裹里那张感谢卡，背面扫一下就能找到我，别在这问哈，这边看得严"),
    ]),
    C("w5-02", "w5-fam-restock-moved-off", [OFFSITE], "implicit hint in context", [
        ("customer", "上次买的牛肉干孩子超爱吃，再来两斤有优惠不"),
        ("merchant", "有的亲，不过在这拍平台要抽一截"),
        ("merchant", "你把上回那个快递盒找出来，侧面我手写的那一串存一下，以后直接找我，比店里一斤便宜15"),
        ("customer", "哦哦 那我找找 盒子好像还没扔"),
        ("merchant", "嗯嗯 找到了就说是牛肉干老客，这边就不用拍了"),
    ]),
    C("w5-03", "w5-fam-restock-moved-off", [], "merchant refuses", [
        ("customer", "老板你家T恤质量真好 能加个微信不 以后直接找你拿"),
        ("merchant", "谢谢亲喜欢～不过我们只在店里接单哦"),
        ("merchant", "上新会有店铺推送的，点个收藏就能看到，有活动也会发券"),
        ("customer", "好吧"),
        ("merchant", "尺码有啥问题随时在这问我就行哈"),
    ]),

    # --- family: cheaper if you pay some other way ---
    C("w5-04", "w5-fam-pay-cheaper", [OFFSITE], "payment outside", [
        ("customer", "这个降噪耳机还能少点不"),
        ("merchant", "店里价格改不了亲"),
        ("merchant", "诚心要的话别拍了，直接转我支付宝，给你便宜60"),
        ("customer", "账号多少"),
        ("merchant", "就是手机号 {phone}，转完截个图发我，今天就给你走顺丰"),
    ]),
    C("w5-05", "w5-fam-pay-cheaper", [OFFSITE], "payment outside", [
        ("customer", "这台二手的还在吗 电池健康多少"),
        ("merchant", "在的，电池91%，无拆无修"),
        ("customer", "行 那我拍了"),
        ("merchant", "先别付！拍下停在待付款就行"),
        ("merchant", "我发你个收款码，你扫那个付，订单这边我手动点发货，咱俩都省手续费"),
        ("customer", "这样安全吗"),
        ("merchant", "放心 做好几年了都这么弄"),
    ]),
    C("w5-06", "w5-fam-pay-cheaper", [], "official channel in context", [
        ("customer", "耳机左边突然没声了，才买三个月"),
        ("merchant", "亲抱歉给您添麻烦了，这款是全国联保一年的"),
        ("merchant", "您可以直接在订单页点“申请售后”，或者打包装盒背面印的品牌官方售后热线，两边都能处理"),
        ("customer", "要我自己寄吗 运费谁出"),
        ("merchant", "走订单售后的话有运费险，寄回地址系统会自动给您"),
    ]),

    # --- family: something extra pushed after the sale ---
    C("w5-07", "w5-fam-post-sale-push", [ADS], "ads in chat", [
        ("customer", "收到了 裙子挺好看的"),
        ("merchant", "谢谢亲喜欢！"),
        ("merchant", "顺便说下，我表姐新开了家茶叶店叫{shop}，明前龙井现在买一送一，搜店名就能找到"),
        ("merchant", "报我名字还能再减十块哦，帮忙冲冲销量～"),
        ("customer", "哦…我不喝茶"),
    ]),
    C("w5-08", "w5-fam-post-sale-push", [ADS], "ads in chat", [
        ("customer", "辣条啥时候发货"),
        ("merchant", "今天下午就发亲"),
        ("merchant", "【招代理】零食一件代发，不囤货不要本钱，宝妈学生都能做，月入过万不是梦，戳这里了解 {url}"),
        ("customer", "？我就问个发货"),
        ("merchant", "亲可以了解下嘛，好多老顾客都在做"),
    ]),
    C("w5-09", "w5-fam-post-sale-push", [], "ordinary conversation", [
        ("customer", "这个芒果干保质期多久啊"),
        ("merchant", "常温九个月，开袋后尽快吃完哈"),
        ("customer", "甜不甜 我怕太甜"),
        ("merchant", "是低糖的，不算很甜。店里草莓干也是同款工艺，一起拍满{price}减10，需要可以看看"),
        ("customer", "好 我看看"),
    ]),

    # --- family: invoice for company reimbursement ---
    C("w5-10", "w5-fam-invoice", [ILLEGAL], "illegal offer", [
        ("customer", "能开发票吗 公司报销用"),
        ("merchant", "可以的亲"),
        ("merchant", "金额你想开多少都行，不一定按实付，品名也能写办公用品"),
        ("merchant", "多开的部分收6个点就行"),
        ("customer", "真的假的 这样能报吗"),
        ("merchant", "放心 好多公司都这么报的"),
    ]),
    C("w5-11", "w5-fam-invoice", [], "official channel in context", [
        ("customer", "能开发票吗 公司报销"),
        ("merchant", "可以的亲，支持电子普票"),
        ("merchant", "确认收货后在订单详情里点“申请开票”，填公司抬头和税号，金额按您实付的开"),
        ("customer", "能多开点吗 凑个整"),
        ("merchant", "这个真不行哦亲，只能按实付金额开"),
    ]),

    # --- family: sweater shrank after washing ---
    C("w5-12", "w5-fam-shrunk-sweater", [ABUSE], "abuse after dispute", [
        ("customer", "毛衣洗一次就缩成童装了，你们这什么质量"),
        ("merchant", "你怎么洗的？"),
        ("customer", "就正常洗衣机洗啊"),
        ("merchant", "详情页写了手洗，自己不看怪谁"),
        ("customer", "那你们也得负责吧 我要退货"),
        ("merchant", "退你个头，脑子有病吧，穷就别买羊毛的，滚"),
    ]),
    C("w5-13", "w5-fam-shrunk-sweater", [], "heated but civil dispute", [
        ("customer", "毛衣洗一次缩了一大圈，太坑了吧！！"),
        ("merchant", "亲，看到图了，确实缩得挺厉害"),
        ("merchant", "不过详情页和吊牌都写了只能冷水手洗，机洗热水是会缩的，这个不算质量问题"),
        ("customer", "我不管 我就洗了一次 你们得给个说法"),
        ("merchant", "理解您心情，可以补偿您15元，或者寄回来退款但运费您出，您选一个"),
        ("customer", "行吧 补偿吧 真服了"),
    ]),

    # --- family: numbers typed over several messages ---
    C("w5-14", "w5-fam-numbers-in-pieces", [OFFSITE], "number across messages", [
        ("customer", "这个显卡有实拍吗 想看看背板"),
        ("merchant", "有 这里发图压得厉害看不清"),
        ("merchant", "你记一下 {phone_head}"),
        ("merchant", "{phone_mid}"),
        ("customer", "？"),
        ("merchant", "{phone_tail} 存了打过来 我开视频给你看"),
    ]),
    C("w5-15", "w5-fam-numbers-in-pieces", [], "numbers that are not contacts", [
        ("customer", "我的订单是不是漏发了一件"),
        ("merchant", "亲，麻烦报下订单号"),
        ("customer", "{order}"),
        ("merchant", "查到了，确实少了一件，今天给您补发"),
        ("merchant", "补发的快递单号 {track}，中通的"),
        ("merchant", "另外这单退您{price}差价，原路返回哈"),
    ]),

    # --- family: custom class T-shirts, who asks for contact ---
    C("w5-16", "w5-fam-class-shirts", [OFFSITE], "contact after refusal", [
        ("customer", "老板方便加个微信吗 想定制几件班服"),
        ("merchant", "不好意思亲，平台不让私下联系的"),
        ("customer", "哦那算了 这里说也行"),
        ("merchant", "不过定制的图这里传不了太多，你发邮件过来吧 {mail}"),
        ("merchant", "标题写上班级名就行，我那边看到回你"),
    ]),
    C("w5-17", "w5-fam-class-shirts", [], "customer volunteers contact", [
        ("customer", "班服能定制吗 图案比较多"),
        ("merchant", "可以的亲，图案直接在这发我就行"),
        ("customer", "这里发太麻烦了 我微信{wx} 你加我吧"),
        ("merchant", "亲我们不加个人联系方式哈，您一张张发这里我都能收到，原图不压缩的"),
        ("customer", "好吧"),
    ]),

    # --- family: merchant follows up after delivery ---
    C("w5-18", "w5-fam-after-delivery", [ABUSE], "harassment", [
        ("customer", "收到了 尺码刚好 谢谢"),
        ("merchant", "穿上发张照片看看呗"),
        ("customer", "不用了吧"),
        ("merchant", "看你地址在{city}，我也在这边，出来喝个奶茶？"),
        ("customer", "请你正常点"),
        ("merchant", "装什么啊，买这么短的裙子不就是穿给人看的"),
    ]),
    C("w5-19", "w5-fam-after-delivery", [], "ordinary conversation", [
        ("customer", "收到了 尺码刚好 谢谢"),
        ("merchant", "合适就好～穿着满意的话方便给个评价哈，不方便也没关系"),
        ("customer", "好的"),
        ("merchant", "这款洗的时候翻面冷水洗，不容易起球"),
    ]),
    C("w5-20", "w5-fam-after-delivery", [ILLEGAL], "illegal offer", [
        ("customer", "卫衣收到了 挺厚实的"),
        ("merchant", "喜欢就好亲"),
        ("merchant", "想问下有空帮个忙不，店里冲下销量，你帮拍几单，钱我提前打你，东西不用发，每单给你{price}辛苦费"),
        ("merchant", "评价带图就行，图我给你"),
        ("customer", "这个不会被查吧"),
        ("merchant", "不会 我们都发空包，没事"),
    ]),

    # --- family: products that are themselves contact tools ---
    C("w5-21", "w5-fam-contact-goods", [], "contact tool as the work", [
        ("customer", "你们这个名片能印二维码吗"),
        ("merchant", "可以的亲，正反面都能印"),
        ("customer", "那我把我微信二维码和手机号给你 印背面"),
        ("merchant", "好的，二维码原图发这里，手机号打字发我，排好版先给您确认"),
        ("customer", "{phone} 二维码在上面"),
        ("merchant", "收到，半小时出稿"),
    ]),
    C("w5-22", "w5-fam-contact-goods", [], "contact tool as the work", [
        ("customer", "这个儿童手表能用微信吗"),
        ("merchant", "能的亲，手表自带微信，跟家长手机绑定就行"),
        ("customer", "怎么绑啊"),
        ("merchant", "手表上打开微信会出个二维码，用您手机微信扫一下就好了，说明书第三页也有"),
        ("customer", "能打电话吗"),
        ("merchant", "能，插张4G卡就行，只有白名单里的号码能打进来"),
    ]),
    C("w5-23", "w5-fam-contact-goods", [OFFSITE], "evasive contact", [
        ("customer", "名片设计稿能先看看吗"),
        ("merchant", "可以 但这里发文件有限制"),
        ("merchant", "去企鹅搜 {qq_cn} ，源文件在那边发你"),
        ("customer", "企鹅？"),
        ("merchant", "就那个扣扣啦 懂的 别在这打出来"),
    ]),

    # --- family: phone SIM card shop ---
    C("w5-24", "w5-fam-sim-card", [ILLEGAL], "illegal offer", [
        ("customer", "这个电话卡全国通用吗"),
        ("merchant", "是的亲，全国通用"),
        ("merchant", "另外你要是做生意，我这还有本地小区业主名单，姓名电话地址都有，一千条{price}"),
        ("customer", "这是哪来的"),
        ("merchant", "别管哪来的，保真，要的话今天就发你表格"),
    ]),
    C("w5-25", "w5-fam-sim-card", [], "ordinary conversation", [
        ("customer", "这个电话卡能不实名吗 我想给别人用"),
        ("merchant", "不行哦亲，按规定必须机主本人实名"),
        ("merchant", "收到卡后在运营商官方APP里自己做人脸认证就能激活"),
        ("customer", "那我用我身份证办了给朋友用呢"),
        ("merchant", "建议还是让朋友自己办哈，出了问题算您名下的"),
    ]),

    # --- family: "fan group" for cheaper snacks ---
    C("w5-26", "w5-fam-fan-group", [OFFSITE], "implicit hint in context", [
        ("customer", "这款薯片还有别的口味吗"),
        ("merchant", "店里就这三种"),
        ("merchant", "我们有个老客小圈子，临期的、没上架的口味都在里面放，价格是店里一半"),
        ("customer", "怎么进"),
        ("merchant", "店铺首页拉到最底下那张图，截下来扫，进去以后就别在店里拍了，这边不方便说"),
    ]),
    C("w5-27", "w5-fam-fan-group", [], "official channel in context", [
        ("customer", "这款薯片还有别的口味吗"),
        ("merchant", "目前就这三种哈，下个月上新番茄味"),
        ("merchant", "想第一时间知道可以进我们淘宝粉丝群，店铺首页点“群聊”就能进，群里会发专属券"),
        ("customer", "淘宝里面的群是吧"),
        ("merchant", "对的，就在淘宝APP里，不用加别的"),
    ]),
]
