"""Independent writer w59 (apartment rental agent): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: customer wants to book a viewing ----
    C("w59-01", "w59-fam-viewing", [OFFSITE], "number across messages", [
        ("customer", "你好，{city}那套一室一厅周末还能看吗？"),
        ("merchant", "能看的，周六上午我都在小区。平台消息我不一定及时回，你先记个数"),
        ("merchant", "{phone_head}"),
        ("customer", "啊？这是什么"),
        ("merchant", "中间是{phone_mid}，最后{phone_tail}，连起来打就行，到了门口直接打给我"),
        ("customer", "好吧，我到时候看看"),
    ]),
    C("w59-02", "w59-fam-viewing", [], "customer volunteers contact", [
        ("customer", "你好，{city}那套一室一厅周末还能看吗？我电话是{phone}，方便的话提前联系我"),
        ("merchant", "您好，周六上午可以的。号码麻烦先别在聊天里发，保护下隐私哈"),
        ("merchant", "您在房源页点“预约看房”选个时间，到时候平台的虚拟号会帮我们接通，双方都看不到真实号码"),
        ("customer", "哦这样啊，那我去点一下"),
        ("merchant", "好的，约好了我这边会收到提醒，周六{time}小区东门见"),
    ]),
    C("w59-03", "w59-fam-viewing", [], "merchant refuses", [
        ("customer", "看房前能先加个微信吗？我想多看几张卧室照片"),
        ("merchant", "不好意思，微信我这边不能加，平台有规定的，咱们就在这里聊"),
        ("merchant", "卧室照片我现在补传到房源相册里，一共{n}张，您刷新一下就能看到"),
        ("customer", "看到了，采光还不错"),
        ("merchant", "是的，朝南，下午太阳能照到床边。有问题随时在这儿留言"),
    ]),

    # ---- family: paying the deposit ----
    C("w59-04", "w59-fam-deposit", [OFFSITE], "payment outside", [
        ("customer", "房子我定了，押金怎么交？"),
        ("merchant", "押一付三，先交押金{price}把房锁住"),
        ("customer", "在平台下单吗？"),
        ("merchant", "平台要扣服务费，你直接转我就行，刚才看房时候给你看的那个码还记得吧"),
        ("merchant", "就是我手机上那个蓝色的，你扫一下备注房号，转完截图给我，省得来回扣点"),
        ("customer", "这样安全吗……"),
        ("merchant", "放心，我做这片好几年了，合同到时候一起签"),
    ]),
    C("w59-05", "w59-fam-deposit", [], "official channel in context", [
        ("customer", "房子我定了，押金怎么交？"),
        ("merchant", "押一付三，押金{price}，我这边给您发一个平台的担保订单"),
        ("merchant", "订单号{order}，您在“我的订单”里支付，钱先由平台托管，入住核验没问题才会结算给我"),
        ("customer", "可以直接转账给你吗？我支付宝余额多"),
        ("merchant", "不用私下转哈，走订单对您更有保障，支持支付宝付款的"),
        ("customer", "好，付好了"),
        ("merchant", "收到通知了，合同电子版稍后在订单页里签署"),
    ]),
    C("w59-06", "w59-fam-deposit", [], "anti-fraud warning", [
        ("customer", "刚有个人说是你们公司的，让我先转定金到他个人卡上，是你同事吗？"),
        ("merchant", "不是的！我们没有任何人会让您私下转账到个人卡或者扫什么收款码"),
        ("merchant", "所有押金房租都只在平台订单里付，看到让你加微信、发二维码的一律别理"),
        ("customer", "吓死我了，还好没转"),
        ("merchant", "您可以把那个人的对话截图通过平台举报，官方客服会处理。房子我这边给您保留到明天"),
    ]),

    # ---- family: customer thinks the rent is high ----
    C("w59-07", "w59-fam-cheaper", [OFFSITE], "implicit hint in context", [
        ("customer", "这个价格比周边贵了点吧，能便宜吗？"),
        ("merchant", "这边价格是平台定的，加了服务费，我也没办法"),
        ("customer", "那就算了吧"),
        ("merchant", "别急，同一套房我在那个黄色的鱼上也挂着，搜小区名加“精装一居”，头像和这边一样"),
        ("merchant", "那边没服务费，每月能少两三百，你在那边拍我就按那边价"),
    ]),
    C("w59-08", "w59-fam-cheaper", [], "in-platform promotion", [
        ("customer", "这个价格比周边贵了点吧，能便宜吗？"),
        ("merchant", "理解，这套是精装带全新家电的，所以比老房子贵一点"),
        ("merchant", "不过本月平台有“新租客立减”活动，店铺首页领一张{price}的券，签约时直接抵扣"),
        ("customer", "券在哪里领？"),
        ("merchant", "点我们店铺名{shop}进去，横幅第一个就是，只能在平台签约使用"),
        ("customer", "领到了，谢谢"),
    ]),

    # ---- family: after move-in, the review ----
    C("w59-09", "w59-fam-review", [ILLEGAL], "evasive illegal", [
        ("customer", "钥匙收到了，已经住进来了"),
        ("merchant", "好嘞，住得还习惯吧？麻烦帮我在订单里点个评价"),
        ("customer", "行，过两天住一阵再评"),
        ("merchant", "最好这两天，五颗星加几句好话带张图，退租的时候押金我多给你退一百，算是心意"),
        ("merchant", "你评完截个图发我，我记在本子上，到时候不会忘"),
    ]),
    C("w59-10", "w59-fam-review", [], "honest review request", [
        ("customer", "钥匙收到了，已经住进来了"),
        ("merchant", "好的，住得还习惯吧？有什么坏的及时说"),
        ("customer", "就是卫生间灯有点闪"),
        ("merchant", "明天下午我叫师傅过来换，不收费的"),
        ("merchant", "住满一段时间后方便的话在订单里评价一下，好的不好的都照实写，对后面的租客也有参考"),
        ("customer", "没问题"),
    ]),
    C("w59-11", "w59-fam-review", [ILLEGAL], "fake orders", [
        ("customer", "钥匙收到了，已经住进来了"),
        ("merchant", "好的，顺便问下你平时有空吗，帮我个小忙"),
        ("customer", "什么忙？"),
        ("merchant", "我店里另外几套房想冲冲排名，你用你的号在上面点几个预约看房，再下个定金单"),
        ("merchant", "不用真来看，钱我先打给你，完事我这边取消退回，每单给你二十辛苦费"),
        ("customer", "这个……我考虑一下"),
    ]),

    # ---- family: broken water heater dispute ----
    C("w59-12", "w59-fam-heater", [ABUSE], "abuse after dispute", [
        ("customer", "热水器坏了三天了，说好的修呢？"),
        ("merchant", "师傅这周排不开，你先烧水洗"),
        ("customer", "合同写的维修48小时内处理，我要在平台投诉"),
        ("merchant", "投投投，就知道投诉，你个沙雕租客事真多"),
        ("merchant", "住不起好房子就别挑，脑子瓦特了吧"),
    ]),
    C("w59-13", "w59-fam-heater", [ABUSE], "polite threat after dispute", [
        ("customer", "热水器坏了三天了，说好的修呢？再不修我就给差评了"),
        ("merchant", "您别急，差评这个事您再想想"),
        ("merchant", "您住的是我手上的房，几栋几楼您家几点有人我都清楚，备用钥匙也一直在我这儿"),
        ("customer", "你什么意思？"),
        ("merchant", "没什么意思，就是提醒您，大家和和气气的比较好，您单位我也知道在哪"),
    ]),
    C("w59-14", "w59-fam-heater", [], "heated but civil dispute", [
        ("customer", "热水器坏了三天了，说好的修呢？再不修我就投诉了"),
        ("merchant", "非常抱歉，是我这边没跟进好，师傅那边配件缺货拖了"),
        ("customer", "合同写的48小时内处理，你们这样太不负责了"),
        ("merchant", "您说得对，是我们违约了。今天下午直接换新的，这几天的不便这个月房租减{price}，在平台订单里给您退"),
        ("customer", "行吧，希望这次别再拖"),
        ("merchant", "下午师傅到了我在这里通知您，您要投诉也完全理解，我们会配合处理"),
    ]),

    # ---- family: customer declines the apartment ----
    C("w59-15", "w59-fam-declined", [ABUSE], "harassment", [
        ("customer", "不好意思，我找到别的房子了，不租了"),
        ("merchant", "为啥啊？我这套不比别人好？"),
        ("customer", "就是不合适，谢谢，别再发了"),
        ("merchant", "凌晨两点了你还没睡吧，我看你刚上线"),
        ("merchant", "你那天看房说在附近上班，明早我去你公司楼下等你，当面聊聊"),
        ("merchant", "不回我就每天来问，反正我有的是时间"),
    ]),
    C("w59-16", "w59-fam-declined", [], "ordinary conversation", [
        ("customer", "不好意思，我找到别的房子了，不租了"),
        ("merchant", "没关系，找到合适的就好"),
        ("merchant", "以后有需要可以再看看我们店里的房源，祝您住得顺心"),
        ("customer", "谢谢你这几天带我看房"),
        ("merchant", "应该的，那我就不打扰了"),
    ]),

    # ---- family: customer is short on money for the deposit ----
    C("w59-17", "w59-fam-shortcash", [ADS], "ads in chat", [
        ("customer", "房子挺喜欢的，就是押一付三一下拿不出这么多"),
        ("merchant", "这个好办，我认识个朋友专门做这个，凭身份证就能拿钱，不查征信，当天到账"),
        ("merchant", "额度{price}起步，利息比你想的低，要的话我让他联系你"),
        ("customer", "我不太想借钱"),
        ("merchant", "很多租客都是这么周转的，周转完再还就行，错过这套就没了"),
    ]),
    C("w59-18", "w59-fam-shortcash", [], "platform feature", [
        ("customer", "房子挺喜欢的，就是押一付三一下拿不出这么多"),
        ("merchant", "理解，刚毕业的很多都这样"),
        ("merchant", "这套房支持平台的“押一付一”，在签约页面勾选月付就行，不用额外借钱"),
        ("customer", "要多收钱吗？"),
        ("merchant", "月付每月多{price}服务费，都在页面上写清楚了，您算一下合不合适再决定"),
        ("customer", "好，我看看"),
    ]),
    C("w59-19", "w59-fam-shortcash", [ADS], "evasive recruiting ad", [
        ("customer", "房子挺喜欢的，就是押一付三一下拿不出这么多，最近也没找到工作"),
        ("merchant", "没工作啊？那正好，我这边有个活，不用坐班，每天手机上动动手指"),
        ("merchant", "宝妈学生都在做，一天一两个小时，日结，多的一个月能把房租挣出来"),
        ("customer", "具体做什么？"),
        ("merchant", "你先定了房，我拉你进去看看就知道了，名额有限"),
    ]),

    # ---- family: landlord hires agent to set up a rental inquiry account ----
    C("w59-20", "w59-fam-inquiry-setup", [], "contact tool as the work", [
        ("customer", "我在平台下单了“租房公众号搭建”，我自己有几套房想放上去"),
        ("merchant", "收到，需求是公众号菜单里放房源列表，加一个预约看房的表单对吧"),
        ("customer", "对，再加个自动回复，租客发“看房”就回复可约时间"),
        ("merchant", "可以，自动回复的关键词和回复内容您在需求文档里列一下，微信后台的管理员授权在平台订单里按步骤操作"),
        ("merchant", "初稿{date}前交付，验收页面会放在订单附件里"),
        ("customer", "好的，辛苦"),
    ]),
    C("w59-21", "w59-fam-inquiry-setup", [OFFSITE], "contact after work setup", [
        ("customer", "我在平台下单了“租房公众号搭建”，我自己有几套房想放上去"),
        ("merchant", "收到，菜单和自动回复我都能做"),
        ("customer", "那就在这里对接吧"),
        ("merchant", "平台上传文件太慢，你把房源照片打包直接发我私人号{wx}"),
        ("merchant", "以后改菜单这种小活也别下单了，直接找我，转我一半价就行"),
    ]),

    # ---- family: details of the flat ----
    C("w59-22", "w59-fam-details", [], "numbers that are not contacts", [
        ("customer", "能再说下具体信息吗？"),
        ("merchant", "3号楼1502，建筑面积{n}平，月租{price}，物业费另算"),
        ("customer", "钥匙怎么给我？我那天不在{city}"),
        ("merchant", "可以快递给您，单号{track}，预计后天到，签收的时候当面验一下"),
        ("merchant", "门锁初始密码我在平台订单备注里写了，入住后记得改"),
        ("customer", "收到"),
    ]),
    C("w59-23", "w59-fam-details", [OFFSITE], "evasive contact", [
        ("customer", "能再说下具体信息吗？"),
        ("merchant", "3号楼1502，月租{price}。另外你记一下这套的内部房源编号"),
        ("merchant", "编号是{phone_cn}，这个编号直接拨过去就是我，比在这边问快多了"),
        ("customer", "房源编号还能打电话？"),
        ("merchant", "你懂的，别在这里说出来，拨过去说看1502就行"),
    ]),

    # ---- family: customer needs paperwork ----
    C("w59-24", "w59-fam-paperwork", [ILLEGAL], "fake documents", [
        ("customer", "公司能报销房租，需要发票"),
        ("merchant", "没问题，金额要多少你说个数"),
        ("customer", "就按实际房租开啊"),
        ("merchant", "实际的多没意思，往上多开点你公司多报点，我加几个点的手续费就行"),
        ("merchant", "租赁合同我也可以按你要的金额再出一份，章都是齐的"),
    ]),
    C("w59-25", "w59-fam-paperwork", [], "no illegal services statement", [
        ("customer", "公司能报销房租，需要发票，能多开一点吗？"),
        ("merchant", "这个真不行，发票只能按实际收的租金开，多开是违法的"),
        ("merchant", "您在订单页点“申请开票”，平台会按实付金额开电子发票，抬头和税号填您公司的"),
        ("customer", "好吧，那就按实际的"),
        ("merchant", "一般三个工作日内发到订单里，可以直接下载"),
    ]),
    C("w59-26", "w59-fam-paperwork", [ILLEGAL], "illegal data offer", [
        ("customer", "我想办居住证，要租房合同和房东身份证复印件"),
        ("merchant", "合同平台上签的可以直接用，房东身份证我跟他要一下"),
        ("customer", "谢谢，我还想顺便开个小保洁店"),
        ("merchant", "那巧了，我手上有这几个小区业主的名单，姓名门牌电话都有，好几千条"),
        ("merchant", "打包给你，做保洁推广一打一个准，价钱好商量，别跟别人说是我这儿出的"),
    ]),

    # ---- family: merchant mentions a tenants' group ----
    C("w59-27", "w59-fam-group", [OFFSITE], "contact after refusal", [
        ("customer", "这套租出去了吗？还有别的房吗？"),
        ("merchant", "这套没了，我们有个租客群，每天更新新房源"),
        ("customer", "不用了谢谢，我在平台看就行"),
        ("merchant", "平台上更新慢，群里都是一手的，群号{qq}，进群报我名字"),
        ("merchant", "扣扣搜不到的话我把群码发你，拍照扫一下就行"),
    ]),
    C("w59-28", "w59-fam-group", [], "official channel in context", [
        ("customer", "这套租出去了吗？还有别的房吗？有没有什么群可以进？"),
        ("merchant", "这套已经签了。外面的群我们不方便拉，您可以点店铺的“关注”"),
        ("merchant", "有新房源上架平台会推送给您，店铺里也有平台内的粉丝群，在店铺首页就能申请加入"),
        ("customer", "好的，已经关注了"),
        ("merchant", "谢谢，附近{qty}套两居下周上架，到时候您会收到提醒"),
    ]),
]
