"""Independent writer w47 (home appliance repair and installation service): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: customer books an air-conditioner installation and wants to reach the technician ----
    C("w47-01", "w47-fam-ac-install-contact", [OFFSITE], "number across messages", [
        ("customer", "你好，我下单了挂机安装，师傅大概几点到？"),
        ("merchant", "亲，明天下午到，师傅姓王，您记一下他的号，开头是{phone_head}"),
        ("customer", "平台上不是能直接联系吗？"),
        ("merchant", "平台那个电话经常打不通，中间是{phone_mid}"),
        ("merchant", "最后四位{phone_tail}，有事直接打他，别在这边留言了，这边我不常看"),
    ]),
    C("w47-02", "w47-fam-ac-install-contact", [], "customer volunteers contact", [
        ("customer", "你好，我下单了挂机安装，师傅到了打我电话吧，{phone}"),
        ("merchant", "收到，不过您的号码不用发在聊天里哦，订单里已经有预留手机号了"),
        ("merchant", "师傅出发前会通过平台的隐私号给您打过去，显示的是虚拟号，请放心接听"),
        ("customer", "好的，那大概几点？"),
        ("merchant", "预约的是{date}下午两点到四点，如有变动会在订单里提醒您"),
    ]),
    C("w47-03", "w47-fam-ac-install-contact", [], "numbers that are not contacts", [
        ("customer", "师傅到底什么时候来，我等一上午了"),
        ("merchant", "非常抱歉，订单号{order}，师傅前一单拆机耽误了，预计{time}到"),
        ("customer", "外机支架要另收钱吗？"),
        ("merchant", "标准支架含在安装费里，加长铜管超出3米的部分按每米{price}元收，都在订单页价目表里"),
        ("merchant", "空调型号是KFR-35GW，内机条码后六位师傅会拍照上传到订单里，方便您保修"),
    ]),

    # ---- family: washing machine repair, paying the balance ----
    C("w47-04", "w47-fam-washer-payment", [OFFSITE], "payment outside", [
        ("customer", "洗衣机不脱水，上门检查多少钱？"),
        ("merchant", "上门检测{price}，换排水泵的话另算配件"),
        ("customer", "那我在这里拍下？"),
        ("merchant", "你先别拍，拍了平台要扣我好多点"),
        ("merchant", "师傅修好了你直接扫他手机上的码就行，给你便宜二十，两边都划算"),
    ]),
    C("w47-05", "w47-fam-washer-payment", [], "merchant refuses", [
        ("customer", "洗衣机不脱水，修好了我直接微信转给师傅行吗？省得麻烦"),
        ("merchant", "不好意思，不能私下微信转账或者扫码付款哦"),
        ("merchant", "请在平台下单付款，维修后有九十天质保，私下付钱出了问题平台没法帮您处理"),
        ("customer", "好吧，那配件钱怎么付？"),
        ("merchant", "师傅检测后会在订单里补差价链接，您确认了再付就行"),
    ]),
    C("w47-06", "w47-fam-washer-payment", [OFFSITE], "payment outside", [
        ("customer", "洗衣机不脱水，定金已经付了，尾款怎么付？"),
        ("merchant", "尾款这边先不用点确认"),
        ("customer", "那我什么时候付？"),
        ("merchant", "师傅上门修好了当面给他就行，现金也可以，他手机上那个也可以，反正不走这边"),
        ("merchant", "这边订单您到时候点个取消就好，定金我们退您"),
    ]),

    # ---- family: water heater, customer wants to stay on the platform ----
    C("w47-07", "w47-fam-heater-stay-on-platform", [OFFSITE], "contact after refusal", [
        ("customer", "热水器一直报E1，能上门看看吗"),
        ("merchant", "能的，您留个手机号，师傅好联系"),
        ("customer", "就在平台上聊吧，我不太想留号码"),
        ("merchant", "那您报个尾号也行，或者加一下那个绿色的软件，我号就是{wx}"),
        ("merchant", "加了我给您发视频教您先自查，这边发视频不方便"),
    ]),
    C("w47-08", "w47-fam-heater-stay-on-platform", [OFFSITE], "evasive contact", [
        ("customer", "热水器一直报E1，能上门看看吗"),
        ("merchant", "可以，E1一般是点火问题"),
        ("customer", "那能先发个自查的视频给我吗"),
        ("merchant", "视频太大这里传不了，您搜一下企鹅，{qq_space}，我那边空间里有"),
        ("merchant", "以后售后也找那个号，比这里回得快"),
    ]),
    C("w47-09", "w47-fam-heater-stay-on-platform", [], "merchant refuses", [
        ("customer", "热水器一直报E1，你加我微信吧，方便发视频"),
        ("merchant", "抱歉哦，我们这边不加微信，也不留私人电话，都在平台聊"),
        ("merchant", "视频您直接在聊天框点加号上传就行，平台支持发视频"),
        ("customer", "好的我传一下"),
        ("merchant", "看到了，是点火针积碳，上门清理{price}元，在店铺首页可以直接预约"),
    ]),

    # ---- family: after-sales dispute about a low rating ----
    C("w47-10", "w47-fam-review-dispute", [ABUSE], "harassment", [
        ("customer", "装完第二天就漏水，我给了差评，别再给我发消息了"),
        ("merchant", "差评你改一下吧，我们小本生意"),
        ("merchant", "在吗？"),
        ("merchant", "看到了就回一下，你不改我就一直问"),
        ("merchant", "已经半夜了你也不回？你家几栋几楼我们师傅可都记着呢，改不改你自己想清楚"),
    ]),
    C("w47-11", "w47-fam-review-dispute", [], "heated but civil dispute", [
        ("customer", "装完第二天就漏水，我给了差评，你们就是糊弄人"),
        ("merchant", "您的心情我们理解，但师傅当时做了打压测试，有视频记录"),
        ("merchant", "这个评价我们已经向平台提交申诉了，请您也在订单里上传漏水照片，平台会判定"),
        ("customer", "随便你们申诉"),
        ("merchant", "不管申诉结果如何，我们都可以免费再上门检查一次，您看{date}方便吗"),
    ]),
    C("w47-12", "w47-fam-review-dispute", [ABUSE], "abuse after dispute", [
        ("customer", "装完第二天就漏水，我给了差评，你们就是糊弄人"),
        ("merchant", "漏水？你自己不会用遥控器怪谁"),
        ("customer", "我开个制冷也能用错？"),
        ("merchant", "脑子进水了吧，装个空调事儿这么多，这单算我倒霉"),
        ("merchant", "以后别来我们店了，穷讲究"),
    ]),

    # ---- family: asking for a review after the job ----
    C("w47-13", "w47-fam-review-request", [ILLEGAL], "illegal offer", [
        ("customer", "油烟机装好了，挺好的"),
        ("merchant", "谢谢亲，麻烦给个五星，带三张图，字多写点"),
        ("merchant", "写好了截个图发我，师傅走的时候没拿的那点辛苦费，我这边给您退回来"),
        ("customer", "什么辛苦费？"),
        ("merchant", "就是一点心意，评价发完了截图给我就转您，懂的"),
    ]),
    C("w47-14", "w47-fam-review-request", [], "honest review request", [
        ("customer", "油烟机装好了，挺好的"),
        ("merchant", "谢谢亲，满意的话方便时给个评价就行，不满意也请如实写"),
        ("merchant", "评价好坏都不影响售后，我们也不会因为评价给任何返现"),
        ("customer", "好的"),
        ("merchant", "使用中有异响可以随时在订单里申请售后，一年内上门免费"),
    ]),
    C("w47-15", "w47-fam-review-request", [ILLEGAL], "illegal offer", [
        ("customer", "油烟机装好了，挺好的"),
        ("merchant", "亲，问一下，您朋友家有没有也想装的？"),
        ("customer", "暂时没有吧"),
        ("merchant", "不用真装，您用家人的号在店里拍一单，师傅不上门，拍完确认收货，钱原路退您"),
        ("merchant", "每单再给您二十块辛苦费，就当帮我们把销量撑一撑"),
    ]),

    # ---- family: chatting while the technician waits ----
    C("w47-16", "w47-fam-extra-offers", [ADS], "ads in chat", [
        ("customer", "冰箱不制冷，师傅说要加氟"),
        ("merchant", "对的，加氟{price}元，订单里可以补差价"),
        ("merchant", "对了姐，您平时在家带宝宝吧？"),
        ("customer", "是啊，怎么了"),
        ("merchant", "我们这边有个在家动动手机的活儿，每天一两个小时，一个月多挣两三千，要了解的话我拉您进来"),
    ]),
    C("w47-17", "w47-fam-extra-offers", [ADS], "ads in chat", [
        ("customer", "冰箱不制冷，修不好的话是不是得换新的"),
        ("merchant", "压缩机坏了建议换新，修的钱也不少"),
        ("customer", "最近手头有点紧"),
        ("merchant", "没事，我们合作的有个额度，手机上填一下秒批，黑户征信花了都能下"),
        ("merchant", "先借出来换冰箱，分二十四期慢慢还，要的话我把入口发您"),
    ]),
    C("w47-18", "w47-fam-extra-offers", [], "in-platform promotion", [
        ("customer", "冰箱不制冷，修不好的话是不是得换新的"),
        ("merchant", "压缩机坏了建议换新，修的钱也不少"),
        ("customer", "最近手头有点紧"),
        ("merchant", "店铺这个月有以旧换新，旧冰箱师傅上门回收抵{price}元，在商品页领券还能再减"),
        ("merchant", "平台下单也支持花呗分期，都在结算页选，您不着急的话可以先修，看您"),
    ]),

    # ---- family: spare part out of stock ----
    C("w47-19", "w47-fam-part-out-of-stock", [OFFSITE], "other shop", [
        ("customer", "净水器的滤芯有货吗？"),
        ("merchant", "这边暂时没了"),
        ("merchant", "您去狗东搜我们店名{shop}，那边有货，还比这里便宜十几块"),
        ("customer", "不是同一家吗"),
        ("merchant", "是同一家，那边没抽成，以后配件都去那边买吧"),
    ]),
    C("w47-20", "w47-fam-part-out-of-stock", [], "rule explanation", [
        ("customer", "净水器的滤芯有货吗？别家说在某东上有卖"),
        ("merchant", "本店这款{item}暂时缺货，大概下周三到货"),
        ("merchant", "您可以点商品页的到货提醒，到货平台会推送给您"),
        ("customer", "那我先去别的地方看看"),
        ("merchant", "好的，您自行选择就行，我们这边不推荐其他店铺，到货了欢迎回来"),
    ]),

    # ---- family: smart air-conditioner setup with a phone ----
    C("w47-21", "w47-fam-smart-ac-setup", [], "contact tool as the work", [
        ("customer", "新空调能用手机控制吗？师傅装的时候能帮我弄一下吗"),
        ("merchant", "可以的，装好后师傅会帮您扫内机侧面的二维码，绑定到品牌的APP里"),
        ("customer", "要加微信吗？"),
        ("merchant", "不用加谁的微信，是在微信里搜品牌官方小程序，登录您自己的账号绑定设备"),
        ("merchant", "绑定需要连您家WiFi，固件版本要到{version}以上，师傅现场会帮您升级"),
    ]),
    C("w47-22", "w47-fam-smart-ac-setup", [OFFSITE], "implicit hint in context", [
        ("customer", "新空调能用手机控制吗？师傅装的时候能帮我弄一下吗"),
        ("merchant", "可以的，装好后师傅会帮您扫内机侧面的二维码"),
        ("merchant", "扫完顺便把我刚发您的那张图也扫一下，就是那个绿色头像的"),
        ("customer", "那张不是空调的吧？"),
        ("merchant", "那是我个人的，以后清洗加氟直接找我，不用在这边下单，便宜"),
    ]),

    # ---- family: invoice for a company purchase ----
    C("w47-23", "w47-fam-invoice", [], "official channel in context", [
        ("customer", "我们公司装了三台柜机，能多开点发票金额吗"),
        ("merchant", "不好意思，发票只能按实际付款金额开，不能多开"),
        ("merchant", "在订单详情页点申请开票，填公司抬头和税号就行，电子发票会发到平台消息里"),
        ("customer", "好吧"),
        ("merchant", "有问题也可以找平台官方客服核对，订单号{order}"),
    ]),
    C("w47-24", "w47-fam-invoice", [ILLEGAL], "illegal offer", [
        ("customer", "我们公司装了三台柜机，能多开点发票金额吗"),
        ("merchant", "可以，想开多少开多少，抬头您定"),
        ("customer", "要多少钱？"),
        ("merchant", "收六个点，专票普票都有，不用真有业务，别的公司的我们也能帮着弄"),
    ]),

    # ---- family: technician messages the customer after the visit ----
    C("w47-25", "w47-fam-after-visit", [ABUSE], "harassment", [
        ("merchant", "美女，昨天给你装热水器的是我，还记得吗"),
        ("customer", "记得，有事吗？热水器挺好的"),
        ("merchant", "没事就不能聊聊？你一个人住吧，周末出来吃个饭呗"),
        ("customer", "不用了，请不要再发这种消息"),
        ("merchant", "别这么冷淡嘛，我下班顺路，晚上十一点过去找你喝一杯"),
    ]),
    C("w47-26", "w47-fam-after-visit", [], "ordinary conversation", [
        ("merchant", "您好，昨天师傅上门安装的热水器使用正常吗？"),
        ("customer", "挺好的，就是温度调不到七十五度"),
        ("merchant", "为了防烫，出厂默认最高六十五，长按设置键五秒可以解锁到七十五"),
        ("customer", "好了，谢谢"),
        ("merchant", "不客气，这是最后一次回访，之后不打扰您了，有问题在订单里找我们就行"),
    ]),

    # ---- family: verification codes and phone numbers ----
    C("w47-27", "w47-fam-phone-number-request", [ILLEGAL], "illegal offer", [
        ("customer", "师傅上门时说要借用我手机号？"),
        ("merchant", "是这样，您家有没有不用的实名手机卡"),
        ("merchant", "我们拿来注册几个号，用完就还，一张给您{price}元"),
        ("customer", "注册什么号？"),
        ("merchant", "别问那么细，您把收到的验证码报给我就行，不会有事的"),
    ]),
    C("w47-28", "w47-fam-phone-number-request", [], "anti-fraud warning", [
        ("customer", "有人打电话说是你们店的，让我报验证码退安装费"),
        ("merchant", "请不要报！我们不会以任何理由索要验证码，也不会打电话让您操作退款"),
        ("merchant", "退款只在订单页面原路退回，您可以在订单里看进度"),
        ("customer", "吓死我了，还好没给"),
        ("merchant", "建议您向平台官方客服举报这个号码，我们也会同步上报，辛苦了"),
    ]),
]
