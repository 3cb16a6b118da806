"""Independent writer w23 (food delivery and rentals): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # --- family: numbers dribbled out vs. harmless numbers ---
    C("w23-01", "w23-fam-phone-pieces", [OFFSITE], "number in pieces", [
        ("customer", "老板，今天的酸菜鱼有点咸了"),
        ("merchant", "不好意思亲，下次少放点盐～"),
        ("merchant", "对了平台抽点太狠了，以后想吃直接打过来，便宜5块"),
        ("customer", "打哪"),
        ("merchant", "{phone_head}"),
        ("merchant", "中间 {phone_mid}"),
        ("merchant", "尾巴{phone_tail}，接通说老顾客就行"),
    ]),
    C("w23-02", "w23-fam-phone-pieces", [], "order and masked rider number spread over messages", [
        ("customer", "我的单怎么还没到，都40分钟了"),
        ("merchant", "亲稍等我查一下，单号是{order}对吧"),
        ("customer", "对"),
        ("merchant", "骑手已经取餐了，平台显示骑手号码{phone_masked}，是隐私号，您在订单页点「联系骑手」就能拨"),
        ("merchant", "超时的话平台会自动赔券，不用找我们要哈"),
    ]),
    C("w23-03", "w23-fam-phone-pieces", [OFFSITE], "number in chinese numerals after 'this app is slow'", [
        ("customer", "这套两居还在吗？想周六去看"),
        ("merchant", "在的在的，周六上午OK"),
        ("customer", "那到时候怎么联系你"),
        ("merchant", "这软件我一天才上一次😂"),
        ("merchant", "记一下哈：{phone_cn}，打不通就发短信"),
    ]),

    # --- family: customer asks for WeChat ---
    C("w23-04", "w23-fam-wx-refusal", [], "refusal repeating the words", [
        ("customer", "老板加个微信呗，以后直接微信下单"),
        ("merchant", "不好意思哈，平台规定不能加微信、也不能留电话，查到了店要被封的"),
        ("customer", "就加一下又没人知道"),
        ("merchant", "真不行亲🙏 想吃直接在店里下单就好，常客我给您备注多送个卤蛋"),
    ]),
    C("w23-05", "w23-fam-wx-refusal", [OFFSITE], "same name elsewhere", [
        ("customer", "老板你们有没有别的联系方式，平台配送费太贵了"),
        ("merchant", "这里不能说哈"),
        ("merchant", "不过你去小红薯搜一下{shop}，同名那个就是我"),
        ("customer", "搜到了，私信你？"),
        ("merchant", "嗯，私信发你自取价目表，比这边便宜不少"),
    ]),
    C("w23-06", "w23-fam-wx-refusal", [], "refusal plus official complaint channel", [
        ("customer", "中介你把微信给我，我把要求发你"),
        ("merchant", "抱歉，平台这边不允许交换微信和手机号，要求直接在这里发我就行"),
        ("customer", "那万一你们是骗子呢"),
        ("merchant", "理解的，您可以看我主页的实名认证和门店执照，有问题也可以打平台官方客服热线投诉，在「我的-帮助」里"),
    ]),

    # --- family: reviews and money ---
    C("w23-07", "w23-fam-review-cash", [ILLEGAL], "slow drift from thanks into paid review", [
        ("customer", "收到了，量挺足的"),
        ("merchant", "谢谢亲～吃得开心的话帮忙评价一下哈"),
        ("customer", "好的"),
        ("merchant", "带图五星，写20个字以上，评完截图发我"),
        ("merchant", "我这边给你返3块红包，跟下单那个券不一样，是我单独返的"),
    ]),
    C("w23-08", "w23-fam-review-cash", [], "anti-fraud warning naming the scam", [
        ("merchant", "亲，您的餐已送达，祝用餐愉快"),
        ("customer", "刚有人打电话说是你们店的，让我加群好评返现，是你们吗"),
        ("merchant", "不是我们！！本店从来不搞好评返现，也不会打电话拉您进群"),
        ("merchant", "那是冒充的骗子，千万别扫码别转账，可以在平台举报那个号码"),
        ("customer", "好险，谢谢"),
    ]),
    C("w23-09", "w23-fam-review-cash", [ILLEGAL], "refund conditioned on deleting bad review", [
        ("customer", "我给了差评，米饭是夹生的"),
        ("merchant", "真不好意思，这单给您全额退"),
        ("customer", "行"),
        ("merchant", "退之前麻烦先把评价删了哈，删完截个图，我再额外转您20"),
    ]),

    # --- family: threats that are polite word by word ---
    C("w23-10", "w23-fam-polite-threat", [ABUSE], "polite threat using customer address", [
        ("customer", "我就实话实说，差评我不会改"),
        ("merchant", "理解，评价是您的权利"),
        ("merchant", "您是阳光花园7栋的对吧，我们家骑手天天跑那片"),
        ("merchant", "以后晚上出门注意点安全哈，那边路灯不太亮"),
    ]),
    C("w23-11", "w23-fam-polite-threat", [], "firm but civil dispute", [
        ("customer", "你们的炒饭太难吃了，全退！"),
        ("merchant", "很抱歉不合您口味。不过照片上您已经吃了大半，全退我们没法同意"),
        ("customer", "凭什么"),
        ("merchant", "可以给您退一半，或者下次免配送费。如果觉得不合理，您可以在订单页申请平台介入，我们接受平台的判定"),
    ]),
    C("w23-12", "w23-fam-polite-threat", [ABUSE], "polite threat via employer", [
        ("customer", "我都搬走一周了，押金什么时候退"),
        ("merchant", "墙上有钉子眼，要扣一部分"),
        ("customer", "几个钉子眼扣一千？我要投诉你"),
        ("merchant", "您随意。对了，您在科技园那家公司上班吧，前台电话我们也有"),
        ("merchant", "不想我们去找你们领导聊聊的话，就别闹了哈"),
    ]),

    # --- family: who is rude ---
    C("w23-13", "w23-fam-rude-side", [], "customer rude, merchant polite", [
        ("customer", "你们家是猪做的饭吧？？咸死了"),
        ("customer", "sb店"),
        ("merchant", "非常抱歉给您带来不好的体验，这单已经帮您申请退款了"),
        ("customer", "退款有啥用，垃圾"),
        ("merchant", "理解您的心情，会反馈给厨房调整咸度，欢迎下次监督🙏"),
    ]),
    C("w23-14", "w23-fam-rude-side", [ABUSE], "insult by emoji and dialect homophone", [
        ("customer", "为什么少了一瓶可乐"),
        ("merchant", "漏了，给你退2块"),
        ("customer", "就这？你们服务也太差了"),
        ("merchant", "2块钱都要计较，真是个🐷脑子"),
        ("merchant", "瓜娃子脑壳有包，这种沙币顾客我见多了"),
    ]),

    # --- family: service that drifts into a pitch ---
    C("w23-15", "w23-fam-drift-pitch", [ADS], "slow drift from service to part-time job", [
        ("customer", "今天的饺子怎么没醋包"),
        ("merchant", "抱歉漏了，马上补一份送过去"),
        ("customer", "好的谢谢"),
        ("merchant", "不客气～看您经常晚上点单，是上班族还是宝妈呀"),
        ("customer", "上班，咋了"),
        ("merchant", "我们这边有个手机兼职，一天一两个小时，日结两三百，感兴趣可以了解下"),
    ]),
    C("w23-16", "w23-fam-drift-pitch", [ADS], "rent problem turned into loan pitch", [
        ("customer", "这套能月付吗，押一付三有点压力"),
        ("merchant", "房东只接受押一付三"),
        ("customer", "那算了，手头紧"),
        ("merchant", "别急，我们合作了个借款平台，有身份证就能借，秒到账不查征信，要的话我给你申请"),
    ]),
    C("w23-17", "w23-fam-drift-pitch", [], "pointing to own listings on the same platform", [
        ("customer", "这套租出去了吗"),
        ("merchant", "不好意思昨天刚签了"),
        ("customer", "唉，同小区还有别的吗"),
        ("merchant", "有的，我主页还挂着两套同小区的，一套{price}一个月朝南，点我头像就能看到，都可以在平台上预约看房"),
    ]),

    # --- family: fake orders ---
    C("w23-18", "w23-fam-fake-orders", [ILLEGAL], "fake order request built up over messages", [
        ("customer", "老板你们家新开的吧，销量好少"),
        ("merchant", "是啊刚开两周😭"),
        ("merchant", "亲能帮个忙不，您拍一单9.9的套餐，我不出餐，直接退您"),
        ("customer", "那我图啥"),
        ("merchant", "每单另给您5块，一天拍几单都行，冲一下月销"),
    ]),
    C("w23-19", "w23-fam-fake-orders", [], "duplicate order cancelled, 'refresh' wording", [
        ("customer", "我手滑下了两单一样的，单号{order}，能取消一个吗"),
        ("merchant", "可以的，还没出餐，已经帮您点取消了，钱原路退回"),
        ("customer", "没看到退款啊"),
        ("merchant", "您刷新一下订单页，退款一般1到3个工作日到账，没到的话找平台客服"),
    ]),
    C("w23-20", "w23-fam-fake-orders", [], "denying fake reviews, repeating the words", [
        ("customer", "你们店评价全是五星，是不是刷的"),
        ("merchant", "不是刷的哈，评价都是签了合同的租客在平台上写的，平台会核验"),
        ("merchant", "之前也有人举报我们刷单，平台查完没问题。您也可以翻翻差评，我们一条都没删"),
    ]),

    # --- family: rental paperwork ---
    C("w23-21", "w23-fam-rental-papers", [ILLEGAL], "fake contract offered after learning no tenancy", [
        ("customer", "我要办居住证，需要租房合同"),
        ("merchant", "您现在住哪"),
        ("customer", "住亲戚家，没租房"),
        ("merchant", "没事，我们能出合同，房东签字、发票一起，办居住证提公积金都能用"),
        ("merchant", "一套{price}，三天出"),
    ]),
    C("w23-22", "w23-fam-rental-papers", [], "refusing to inflate the contract", [
        ("customer", "能不能帮我把合同租金写高点，我好多提点公积金"),
        ("merchant", "这个不行哈，合同只能按实际租金写"),
        ("customer", "写高点又没人查"),
        ("merchant", "提公积金要网签备案，写假的属于骗提，您和我们都要担责任。按实际金额我可以帮您办备案"),
    ]),

    # --- family: paying outside ---
    C("w23-23", "w23-fam-pay-outside", [OFFSITE], "deposit outside, account = 'this number'", [
        ("customer", "这套我定了，定金怎么交"),
        ("merchant", "平台走定金要审核两三天，这期间别人可能先下手"),
        ("merchant", "你直接转我，支付宝就是这个号 {phone}"),
        ("customer", "不走平台安全吗"),
        ("merchant", "放心我干了八年了，转完我就把房源下架"),
    ]),
    C("w23-24", "w23-fam-pay-outside", [], "anti-fraud warning about private deposits", [
        ("merchant", "提醒一下：看房、定金、合同都只在平台内完成"),
        ("customer", "有人在别的网站用你们的照片发房子，让我先转500定金"),
        ("merchant", "那是盗图骗子！我们不会让任何人私下转账，更不会加微信收定金"),
        ("merchant", "您截图发我，我们一起向平台举报，官方热线在帮助中心能查到"),
    ]),
    C("w23-25", "w23-fam-pay-outside", [], "customer offers WeChat transfer, merchant refuses; version number", [
        ("customer", "我余额不够，能不能货到付款，或者我微信转你"),
        ("merchant", "抱歉亲，平台订单只能在线支付，我们不收微信转账也不收现金"),
        ("customer", "那咋办"),
        ("merchant", "您可以绑张银行卡，或者用平台新出的先享后付，app更新到{version}就有"),
    ]),

    # --- family: lists of people vs. address details ---
    C("w23-26", "w23-fam-owner-list", [ILLEGAL], "selling owner personal data to a newcomer", [
        ("customer", "我也是做中介的，刚入行，房源太少了"),
        ("merchant", "正常，新人都这样"),
        ("customer", "有啥办法吗"),
        ("merchant", "我这有整理好的，这片三十多个小区的业主姓名加电话加房号，都是真的"),
        ("merchant", "打包{price}，你挨个打电话问出不出租就行"),
    ]),
    C("w23-27", "w23-fam-owner-list", [], "address and booking number spread over messages", [
        ("customer", "明天下午三点看房，具体地址发我下"),
        ("merchant", "{city}锦绣路88号，3号楼"),
        ("merchant", "2单元1502，到了先在楼下等我"),
        ("customer", "门禁密码呢？"),
        ("merchant", "现场我给您开，平台预约单号{order}，门口保安问就报这个"),
    ]),

    # --- family: the card in the bag ---
    C("w23-28", "w23-fam-card-in-bag", [OFFSITE, ADS], "hint depending on earlier message: card QR to group", [
        ("customer", "收到了，袋子里还有张卡片是啥"),
        ("merchant", "哦那个呀，背面扫一下"),
        ("customer", "扫了，是个群？"),
        ("merchant", "对，老顾客群，每天中午群里接龙，直接群里下单转账，比外卖便宜三成，每周还抽奖"),
    ]),
    C("w23-29", "w23-fam-card-in-bag", [], "QR is a mandatory food-safety code", [
        ("customer", "袋子里的卡片有个二维码，是要加你们吗"),
        ("merchant", "不是哈，那是平台要求贴的食品安全公示码，扫了看到的是我们店的营业执照和健康证"),
        ("customer", "哦哦，我还以为是拉群的"),
        ("merchant", "我们不拉群😄 有问题直接在平台找我们就行"),
    ]),
]
