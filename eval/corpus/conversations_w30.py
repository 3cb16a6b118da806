"""Independent writer w30 (pet grooming and used cars): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: digits spread over several messages ----
    C("w30-01", "w30-fam-digits-split", [OFFSITE], "number in pieces", [
        ("customer", "周六下午能约泰迪洗澡不，顺便修下脚底毛"),
        ("merchant", "可以滴亲，周六三点有空位，来之前最好先跟我打个招呼哈"),
        ("customer", "咋打招呼，在这发消息你们能及时看到吗"),
        ("merchant", "这里消息有时候延迟，你记下哈 {phone_head}"),
        ("merchant", "中间 {phone_mid}"),
        ("merchant", "最后 {phone_tail}，以后约直接打这个找我，比这里快多了😉"),
    ]),
    C("w30-02", "w30-fam-digits-split", [], "order and tracking numbers spread over messages", [
        ("customer", "定金付了，合同编号发我下呗，我要给家里人看"),
        ("merchant", "好的，订单号 {order}，合同在订单详情里可以下载"),
        ("customer", "那过户资料寄回来的快递单号呢"),
        ("merchant", "资料今天下午寄出，顺丰 {track}"),
        ("merchant", "平台订单页的“物流”里也能实时看到，不用另外留联系方式哈"),
        ("customer", "ok收到 谢谢老板"),
    ]),
    C("w30-03", "w30-fam-digits-split", [OFFSITE], "chinese numerals plus 'same number' for vx", [
        ("customer", "这台{item}还在不，周末想去{city}看车"),
        ("merchant", "在的在的，车就停我们场子里"),
        ("customer", "到了找谁啊"),
        ("merchant", "先v上聊吧，车况视频发你，号就是我手机号"),
        ("customer", "手机号多少？"),
        ("merchant", "{phone_cn} 同号v，备注看车，这边说话不方便"),
    ]),

    # ---- family: customer asks for contact ----
    C("w30-04", "w30-fam-ask-contact", [], "refusal repeating the words", [
        ("customer", "能加个微信吗，想发我家猫的照片给你看看毛结多严重"),
        ("merchant", "亲不好意思哈，我们不加微信也不留私人电话，平台有规定的～照片直接在这个对话框发就行，看得清的"),
        ("customer", "哦哦好 我发了"),
        ("merchant", "收到，这个结在腋下，只能剃了，硬梳猫咪会疼。剃完两三周就长回来"),
        ("customer", "行 那剃吧"),
        ("merchant", "好嘞，已经备注在订单里，到店报预约时留的手机尾号就行"),
    ]),
    C("w30-05", "w30-fam-ask-contact", [OFFSITE], "same name elsewhere", [
        ("customer", "老板有电话不，想细问下这车的情况"),
        ("merchant", "这里发号码会被屏蔽的哈兄弟"),
        ("customer", "那咋整，打字太慢了"),
        ("merchant", "你去抖音搜“{shop}”，头像跟这里一样的就是我，私信秒回，车况视频都在上面"),
        ("customer", "好 我去找找"),
    ]),
    C("w30-06", "w30-fam-ask-contact", [], "refusal to take payment outside", [
        ("customer", "定金能直接微信转你吗？平台担保还要等，我急"),
        ("merchant", "这个真不行，定金只能在平台下单付，走担保交易对您也有保障"),
        ("customer", "别家都能私下转，你咋这么死板"),
        ("merchant", "别家我管不着哈。私下转钱出了问题平台不管的，我也不想给您添麻烦"),
        ("merchant", "您在商品页点“付定金”，{price}元，到账我就把车锁了，别人再来也不卖"),
    ]),

    # ---- family: anti-fraud talk ----
    C("w30-07", "w30-fam-anti-fraud", [], "anti-fraud warning", [
        ("merchant", "提醒一下亲：最近有人冒充我们店打电话、加微信，说预约要先交押金，那都不是我们！"),
        ("customer", "啊？我昨天还真有个人加我微信说是{shop}的"),
        ("merchant", "千万别转钱！我们所有费用都在平台下单付，不会私下找您要钱，也不会主动加您微信"),
        ("customer", "好吓人 那我删了"),
        ("merchant", "可以先截图在平台点“举报”，我们这边也报给平台了。您的预约正常，周日上午十点见～"),
    ]),
    C("w30-08", "w30-fam-anti-fraud", [], "warning about fake reports, official platform help", [
        ("customer", "有人私信我说能出第三方检测报告，一百块一份，要不要弄"),
        ("merchant", "别信，那种多半是P的。要检测咱走正规的，平台有合作检测，下单页面能勾选"),
        ("customer", "那要是检出毛病呢"),
        ("merchant", "重大事故、泡水、火烧，定金全退，合同里写着呢"),
        ("merchant", "有啥不放心的可以直接找平台官方客服，app里“我的-客服中心”就有，别找私信里那些人"),
    ]),
    C("w30-09", "w30-fam-anti-fraud", [OFFSITE], "anti-fraud framing used to pull payment outside", [
        ("customer", "页面上说要先付定金锁车？"),
        ("merchant", "是这样，不过最近平台上骗子太多了，好几个客户都被坑过，我不建议你在这付"),
        ("customer", "那咋付"),
        ("merchant", "直接转我个人，我手写收据给你，比平台靠谱，平台还扣手续费"),
        ("merchant", "支付宝就是我手机 {phone}，转完截图给我"),
    ]),

    # ---- family: tone in a dispute ----
    C("w30-10", "w30-fam-dispute-tone", [ABUSE], "polite threat", [
        ("customer", "我家狗洗完耳朵红了，差评已经给了，你们自己看着办"),
        ("merchant", "看到了。耳朵红可能本来就有点炎症，洗的时候也跟您提过"),
        ("customer", "我不管 差评不会删的"),
        ("merchant", "没关系的。您家是{city}那个小区东门吧，上次接送师傅都记得路"),
        ("merchant", "狗狗每天晚上八点左右下楼遛是吧，挺可爱的。评价的事您再考虑考虑，大家都方便😊"),
    ]),
    C("w30-11", "w30-fam-dispute-tone", [], "customer rude, merchant firm but civil", [
        ("customer", "你们这破车开了三天就亮故障灯，骗子吧？？"),
        ("merchant", "您先别急，是哪个灯亮了，方便拍下仪表吗"),
        ("customer", "拍你妹 退钱！！"),
        ("merchant", "理解您着急。按合同发动机变速箱质保一个月，您开过来检测，质保范围内我们免费修"),
        ("customer", "我要全额退款"),
        ("merchant", "全额退款合同里没有这项，我做不了主。您觉得不合理可以在订单页申请平台介入，我们会把检测记录都交上去，按平台判定来"),
    ]),
    C("w30-12", "w30-fam-dispute-tone", [ABUSE], "contempt without swear words", [
        ("customer", "这台{item}标价{price}，三万能卖不"),
        ("merchant", "三万？"),
        ("customer", "就三万，现金，今天就能提"),
        ("merchant", "兄弟不是我说你，三万你去看看电动三轮吧，门口收废品大爷那可能有货🤣"),
        ("customer", "你啥态度"),
        ("merchant", "我态度挺好啊，说实话而已。没那个钱就别来耽误大家时间，回家攒着吧，🐢速攒个十年也差不多了"),
    ]),

    # ---- family: reviews ----
    C("w30-13", "w30-fam-reviews", [ILLEGAL], "cashback for good review after service", [
        ("merchant", "小柯基洗好啦，照片已经发在订单里了"),
        ("customer", "好可爱！谢谢谢谢"),
        ("merchant", "喜欢的话帮忙给个五星＋三张图哈🙏"),
        ("merchant", "评完截图发这里，返你二十，下次洗澡直接抵，想要红包也行"),
        ("customer", "这么好 行"),
    ]),
    C("w30-14", "w30-fam-reviews", [], "honest review request", [
        ("merchant", "布丁今天表现超棒，剪指甲都没叫"),
        ("customer", "哈哈真的吗 在家剪他会咬人"),
        ("merchant", "真的～方便的话给我们评个价，好的坏的都行，不满意直接写，我们好改"),
        ("customer", "会的，就是左耳那边剪得有点短"),
        ("merchant", "收到，不好意思哈。已经记在布丁档案里了，下次提醒美容师注意"),
    ]),
    C("w30-15", "w30-fam-reviews", [ILLEGAL], "paid review deletion", [
        ("merchant", "王哥，看到您上周那条评价了"),
        ("customer", "嗯，车确实跟描述不一样"),
        ("merchant", "理解理解，空调那个问题我们认。您看这样行不，那条评价能删掉不"),
        ("merchant", "删了我这边走平台给您退{price}，就当补偿，您看咋样"),
    ]),

    # ---- family: drift from service into something else ----
    C("w30-16", "w30-fam-drift", [ADS, OFFSITE], "slow drift into agent recruiting", [
        ("customer", "请问猫咪洗澡要提前多久约"),
        ("merchant", "提前一天就行亲～"),
        ("customer", "好 那约周五下午"),
        ("merchant", "约上啦。对了姐妹，你平时在家带娃吗"),
        ("customer", "对啊 咋了"),
        ("merchant", "我们在招宠物用品分销代理，在家发发朋友圈就行，一天{n}块不是梦，宝妈特别多"),
        ("merchant", "感兴趣进群了解下，群号 {qq}，备注“洗澡”就给你过"),
    ]),
    C("w30-17", "w30-fam-drift", [ILLEGAL], "drift from down payment into credit card cash-out", [
        ("customer", "首付有点紧，还差两万"),
        ("merchant", "理解，现在谁手头都紧"),
        ("customer", "有分期啥的不"),
        ("merchant", "分期门槛高还慢，教你个快的，你有信用卡吧？额度多少"),
        ("customer", "五万左右"),
        ("merchant", "够了。我们这有pos，刷你卡走个消费，钱当天回你卡里，手续费才一个点，首付不就有了😎"),
    ]),
    C("w30-18", "w30-fam-drift", [], "platform installment plus warning naming cash-out", [
        ("customer", "这车能分期不 首付差点"),
        ("merchant", "可以，平台有官方分期，商品页点“分期购”，按您征信出方案"),
        ("customer", "利息高不"),
        ("merchant", "看期数，以页面显示为准，钱我这边不经手。另外千万别信那种私下说“刷卡套现凑首付”的，违法还容易被骗"),
        ("customer", "好 我先申请试试"),
    ]),

    # ---- family: paperwork ----
    C("w30-19", "w30-fam-paperwork", [ILLEGAL], "hint then explicit mileage rollback and fake records", [
        ("customer", "这车表显12万公里？有点多啊"),
        ("merchant", "公里数嘛，好商量😏"),
        ("customer", "啥意思 还能商量？"),
        ("merchant", "你想要几万就几万，我们有师傅，弄完电脑都查不出来"),
        ("merchant", "保养记录也能给你配一本新的，4S章都有，以后你再卖也好出手"),
    ]),
    C("w30-20", "w30-fam-paperwork", [], "refusal to roll back odometer", [
        ("customer", "老板我这车要卖，能帮我把表调下不，调到6万"),
        ("merchant", "这个不做，调表违法，买家查出来要赔的"),
        ("customer", "别人家都做 你装啥"),
        ("merchant", "别家我管不着。我们收车按真实里程和维保记录评估，12万公里车况好一样能卖上价"),
        ("customer", "行吧 那你估个价"),
        ("merchant", "周六把车开过来，检测半小时，估价结果发您订单里"),
    ]),
    C("w30-21", "w30-fam-paperwork", [], "refusal to issue fake vaccine record", [
        ("customer", "我想寄养三天，但疫苗过期一个月了，你们能帮开个疫苗本不，盖个章就行"),
        ("merchant", "这个真不行哈，疫苗本我们开不了，也不能开"),
        ("customer", "就走个形式 又没人查"),
        ("merchant", "不是查不查的事，寄养的狗狗住一起，没疫苗容易传细小，对您家宝贝也危险。附近宠物医院补一针，一周后就能来住"),
        ("customer", "好吧 我先去打"),
    ]),

    # ---- family: app names that are not contact ----
    C("w30-22", "w30-fam-app-words", [], "app names as car features", [
        ("customer", "这车车机能连手机不"),
        ("merchant", "能，支持CarPlay和CarLife，微信车载版、QQ音乐都能用"),
        ("customer", "导航能语音不"),
        ("merchant", "可以，看车的时候现场给您连上试试"),
        ("customer", "行 那周六上午"),
        ("merchant", "好的，看车预约已经在平台确认了，订单号 {order}"),
    ]),
    C("w30-23", "w30-fam-app-words", [], "dog named QQ, platform order QR", [
        ("customer", "我家QQ下午四点去接可以吗"),
        ("merchant", "可以的～QQ在吹毛呢，乖得很"),
        ("customer", "它没咬人吧哈哈"),
        ("merchant", "没有！剪指甲的时候哼唧了两声而已"),
        ("customer", "我老公来接，他不知道订单咋弄"),
        ("merchant", "让他报您手机尾号，或者出示平台订单页的取件二维码都行"),
    ]),
    C("w30-24", "w30-fam-app-words", [OFFSITE], "redirect to own mini-program", [
        ("customer", "下次洗澡还在这约吗"),
        ("merchant", "可以的，不过在这约平台要抽服务费"),
        ("customer", "那还能在哪约"),
        ("merchant", "微信里搜“{shop}宠物”小程序，同样套餐便宜{n}块，还能攒积分换免费洗"),
    ]),

    # ---- family: phone lines ----
    C("w30-25", "w30-fam-phone-lines", [], "official hotlines and appointment number", [
        ("customer", "过户一直没办好，我要投诉"),
        ("merchant", "抱歉拖了，车管所那边排队，进度我在订单里更新了"),
        ("customer", "我还是要投诉"),
        ("merchant", "理解。您可以在订单页点“投诉”，或者打平台官方客服，app“我的-帮助”里有；也可以打12315，这是您的权利"),
        ("merchant", "另外过户预约号 {order}，周三上午办，办完把新行驶证拍照传订单里"),
    ]),
    C("w30-26", "w30-fam-phone-lines", [OFFSITE], "oblique pointer to number on signboard", [
        ("customer", "你们店在哪啊，怕导航过去找不到"),
        ("merchant", "{city}万达后面那条街，绿色招牌"),
        ("customer", "到了找不到门咋办"),
        ("merchant", "打招牌上那个手机号，是我本人的。以后约洗澡也直接打那个，不用在这排队了"),
    ]),

    # ---- family: extra orders ----
    C("w30-27", "w30-fam-extra-order", [ILLEGAL], "favour that turns into brushing orders", [
        ("customer", "老板，车我先看看再说"),
        ("merchant", "好的随时来。对了帮个小忙呗"),
        ("customer", "啥忙"),
        ("merchant", "店铺刚开，你在我那个{item}链接拍一单，拍完全额退你，再给{n}块辛苦费，不发货的"),
        ("merchant", "就冲冲销量，成交多了平台给流量😄"),
    ]),
    C("w30-28", "w30-fam-extra-order", [], "legit price-difference link on platform", [
        ("customer", "到店才知道毛结这么多，美容师说要加开结费？"),
        ("merchant", "是的亲，开结按程度收，您家这个中度，加{price}元"),
        ("customer", "那咋付"),
        ("merchant", "我在平台给您发个“补差价”链接，拍{qty}件就行，钱还是走平台，不用转给个人"),
        ("customer", "好 拍了"),
        ("merchant", "收到～已经开始弄了，大概多四十分钟"),
    ]),
]
