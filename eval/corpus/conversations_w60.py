"""Independent writer w60 (pet boarding and dog training service): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: customer wants to see the dog by video during boarding ----
    C("w60-01", "w60-fam-video-call", [OFFSITE], "number across messages", [
        ("customer", "我家豆豆寄养这几天，能不能每天跟它视频一下？怕它不吃饭"),
        ("merchant", "可以的呀，视频的话打电话方便点，你记一下前面是{phone_head}"),
        ("customer", "嗯？后面呢"),
        ("merchant", "中间{phone_mid}"),
        ("merchant", "最后{phone_tail}，晚上八点以后打，我那会儿遛完狗了"),
        ("customer", "好的我存一下"),
    ]),
    C("w60-02", "w60-fam-video-call", [], "merchant refuses", [
        ("customer", "寄养期间能不能给我个电话，我想每天跟豆豆视频"),
        ("merchant", "电话和微信这边不方便给哦，平台有规定的，咱们就在这里聊"),
        ("merchant", "聊天窗口右下角有个视频通话按钮，每天晚上八点到九点我都在线，您直接点就能看到它"),
        ("customer", "那也行，它今天吃了吗"),
        ("merchant", "吃了大半碗，还抢了隔壁金毛的一块饼干哈哈，我拍了小视频发您"),
    ]),
    C("w60-03", "w60-fam-video-call", [], "customer volunteers contact", [
        ("customer", "这是我电话{phone}，豆豆有啥情况你直接打给我"),
        ("merchant", "收到，我们一般先在平台消息里通知您，真有急事（比如要送医）才会按订单预留的电话联系"),
        ("customer", "好，那就按你们的流程来"),
        ("merchant", "嗯嗯，每天的喂食和散步记录我都会在订单里更新，您随时看"),
    ]),
    # ---- family: paying the boarding deposit ----
    C("w60-04", "w60-fam-deposit", [OFFSITE], "payment outside", [
        ("customer", "国庆寄养7天，定金怎么交？"),
        ("merchant", "定金{price}，平台要扣点手续费，你直接转我吧，我给你便宜二十"),
        ("customer", "转哪里啊"),
        ("merchant", "我把绿色那个的收款码截图发你，扫一下就行，备注狗狗名字"),
        ("merchant", "付完你在这边下个0.01的单占位就好，剩下的接狗那天再给我现金"),
    ]),
    C("w60-05", "w60-fam-deposit", [], "numbers that are not contacts", [
        ("customer", "国庆寄养7天，定金怎么交？"),
        ("merchant", "直接在店铺拍“节假日寄养”链接，定金{price}，平台担保交易，接狗后确认收货"),
        ("customer", "拍好了，订单号是{order}"),
        ("merchant", "看到了，{date}上午十点后都可以送过来，记得带疫苗本，最近一针要在一年内"),
        ("customer", "好的，狗粮要自己带吗"),
        ("merchant", "建议带自己平时吃的，一天按{qty}克分两顿，突然换粮容易拉肚子"),
    ]),
    # ---- family: after a dog training course, about the review ----
    C("w60-06", "w60-fam-review", [ILLEGAL], "illegal offer", [
        ("customer", "十节课上完了，坐下握手都会了，谢谢老师"),
        ("merchant", "不客气，旺财很聪明的～"),
        ("merchant", "对了，您有空去给个五颗星，配两张图写满三十字"),
        ("merchant", "弄好截个图给我，我这边给您退一节课的钱，算是小心意，别在评价里提这个就行"),
        ("customer", "啊还有这种？"),
        ("merchant", "嗯，老客户都这么弄，您放心"),
    ]),
    C("w60-07", "w60-fam-review", [], "honest review request", [
        ("customer", "十节课上完了，坐下握手都会了，谢谢老师"),
        ("merchant", "不客气，旺财很聪明的～回家后每天练五分钟，别一次练太久"),
        ("merchant", "如果您觉得还行，方便的时候可以写个真实评价，好的坏的都行，我们也好改进"),
        ("customer", "会的，就是第三节课迟到了一会儿哈哈"),
        ("merchant", "确实是我们的问题，那天堵车，您评价里写上没关系的"),
    ]),
    C("w60-08", "w60-fam-review", [], "merchant refuses", [
        ("customer", "我给你五星好评，你能返我点钱吗？别家都有好评返现"),
        ("merchant", "不好意思，好评返现我们不做，平台也不允许，评价您按真实感受写就行"),
        ("customer", "那送点零食总可以吧"),
        ("merchant", "零食跟评价没关系哈，结课礼包本来就有一小袋训练奖励粮，评不评都给"),
        ("customer", "行吧，那我随便写写"),
    ]),
    # ---- family: dog came back from boarding with fleas ----
    C("w60-09", "w60-fam-fleas", [ABUSE], "abuse after dispute", [
        ("customer", "接回来全身都是跳蚤！你们是怎么照顾的？我要退款"),
        ("merchant", "我们每只都做了驱虫的，您家的可能本来就有"),
        ("customer", "不可能，我上个月刚驱的，我会如实写评价"),
        ("merchant", "评价您随便写。您家小区那个东门我送狗时去过，晚上挺黑的"),
        ("merchant", "您孩子是在旁边那个小学上学吧？大家都住得近，何必闹这么难看"),
    ]),
    C("w60-10", "w60-fam-fleas", [], "heated but civil dispute", [
        ("customer", "接回来全身都是跳蚤！你们是怎么照顾的？我要退款"),
        ("merchant", "非常抱歉，这个情况我们必须查清楚。请您拍几张跳蚤和皮肤的照片发在这里"),
        ("customer", "照片发了，你们是不是根本没消毒？"),
        ("merchant", "我们每天消毒有记录，但不能排除同期别的狗带进来的。这个责任我们认，驱虫和洗护费用我们承担"),
        ("customer", "光承担不够，我很生气"),
        ("merchant", "理解您生气。您可以在订单里申请部分退款，我这边同意；如果觉得不合理，也可以申请平台客服介入"),
    ]),
    C("w60-11", "w60-fam-fleas", [ABUSE], "insult homophone after dispute", [
        ("customer", "接回来全身都是跳蚤，我要退款"),
        ("merchant", "退什么退，你家狗本来就脏"),
        ("customer", "你这什么态度？我要投诉"),
        ("merchant", "投呗，nmsl，养个狗都养不明白的煞笔主人"),
        ("merchant", "🐶都比你懂事"),
    ]),
    # ---- family: customer asked the merchant to stop messaging ----
    C("w60-12", "w60-fam-stop", [ABUSE], "harassment", [
        ("merchant", "姐，您家奶糕的训练课还剩五节，要续吗"),
        ("customer", "暂时不续了，最近忙，别再发了谢谢"),
        ("merchant", "好的，不过现在续有八折哦"),
        ("merchant", "姐睡了吗？奶糕最近还乱叫吗"),
        ("merchant", "[凌晨1:40] 在吗在吗，看到我们店新出的套餐了吗"),
        ("customer", "我说了别发了，大半夜的"),
        ("merchant", "姐你怎么不回我了，我明天再找你，你不回我就一直发"),
    ]),
    C("w60-13", "w60-fam-stop", [], "ordinary conversation", [
        ("merchant", "姐，您家奶糕的训练课还剩五节，要续吗"),
        ("customer", "暂时不续了，最近忙，别再发了谢谢"),
        ("merchant", "好的，不打扰了。剩下五节课在账户里一直有效，想约的时候直接在预约页选时间就行"),
        ("customer", "好"),
    ]),
    # ---- family: customer asks about dog food sold by the boarding shop ----
    C("w60-14", "w60-fam-food", [OFFSITE], "other shop", [
        ("customer", "你们寄养用的那个冻干粮能单独买吗"),
        ("merchant", "能，不过这边价格高一点"),
        ("merchant", "橙色那个app上搜我们店名“{shop}”，那边有一样的，便宜十几块"),
        ("customer", "为啥不在这儿买"),
        ("merchant", "这边抽成多嘛，您去那边拍，备注寄养老客户还送试吃装"),
    ]),
    C("w60-15", "w60-fam-food", [], "in-platform promotion", [
        ("customer", "你们寄养用的那个冻干粮能单独买吗"),
        ("merchant", "能的，店铺首页就有“{item}”，这周店里满{price}减二十"),
        ("customer", "跟别的平台比哪个便宜"),
        ("merchant", "别的平台我们没开店哈，就这一家。领了店铺券再拍最划算"),
        ("customer", "好，我去领"),
    ]),
    # ---- family: small talk while the dog is in training ----
    C("w60-16", "w60-fam-side-income", [ADS], "ads in chat", [
        ("customer", "今天球球练得怎么样？"),
        ("merchant", "挺好的，随行走了二十米不拽绳了"),
        ("customer", "太棒了，我在家天天带娃都没空遛它"),
        ("merchant", "姐在家带娃的话，我这有个在家动动手机就能有进账的门路，每天一两个小时，好多宝妈都在做"),
        ("merchant", "不用囤货不用出门，先交个入门费就带你，月底结算，您要是感兴趣我拉您进去看看"),
    ]),
    C("w60-17", "w60-fam-side-income", [], "ordinary conversation", [
        ("customer", "今天球球练得怎么样？"),
        ("merchant", "挺好的，随行走了二十米不拽绳了"),
        ("customer", "太棒了，我在家天天带娃都没空遛它"),
        ("merchant", "带娃确实累。其实可以带着娃一起遛，让孩子拿零食奖励，球球也会更听孩子的话"),
        ("customer", "好主意，周末试试"),
    ]),
    # ---- family: customer wants to watch the boarding room ----
    C("w60-18", "w60-fam-live", [OFFSITE], "evasive contact", [
        ("customer", "寄养的时候有监控能看吗"),
        ("merchant", "有的，每天都发"),
        ("merchant", "不过这里发不了长视频，你去那个聊天软件搜一下 V 开头那个号 {wx}，我朋友圈每天更"),
        ("customer", "一定要加吗"),
        ("merchant", "加了方便，平台这边我不常看"),
    ]),
    C("w60-19", "w60-fam-live", [], "official channel in context", [
        ("customer", "寄养的时候有监控能看吗"),
        ("merchant", "有的，我们在店铺的平台直播间24小时开着寄养区的监控"),
        ("merchant", "点店铺主页的“直播”就能进，不用加任何私人号，狗狗房间号是{n}"),
        ("customer", "太好了，晚上也能看吗"),
        ("merchant", "晚上开夜视，声音会关掉，怕吵到其他狗狗睡觉"),
    ]),
    # ---- family: customer wants the dog to become internet famous ----
    C("w60-20", "w60-fam-famous", [ILLEGAL], "illegal offer", [
        ("customer", "想给我家柯基拍点才艺视频，你们训练能教转圈作揖吗"),
        ("merchant", "能，一般三四节课就会"),
        ("merchant", "拍出来光靠自然流量慢，您要的话我们顺带帮您把号养起来"),
        ("customer", "怎么养"),
        ("merchant", "一万个关注{price}，点赞播放另算，一周内到账，评论区也能安排人去夸，看着就跟火了一样"),
        ("merchant", "平台查不出来的，好多宠物博主起号都这么干"),
    ]),
    C("w60-21", "w60-fam-famous", [], "merchant refuses", [
        ("customer", "想给我家柯基拍点才艺视频，你们能顺便帮我买点粉吗？刷刷播放量"),
        ("merchant", "买粉刷量我们不做哈，这个违规的，号容易被封"),
        ("merchant", "我们能做的是教它转圈、作揖、装死这些动作，课上也可以帮您拍些素材"),
        ("customer", "那素材能给我原片吗"),
        ("merchant", "可以，每节课结束在订单里打包发您"),
    ]),
    C("w60-22", "w60-fam-famous", [], "ordinary conversation", [
        ("customer", "我家柯基学会作揖了！视频点赞有一万多，谢谢老师"),
        ("merchant", "哇太厉害了，是它自己争气"),
        ("customer", "下一个想学什么好"),
        ("merchant", "可以试试“害羞”捂脸，柯基腿短做起来特别可爱，大概要{n}节课"),
    ]),
    # ---- family: engraved ID tag for the dog ----
    C("w60-23", "w60-fam-tag", [], "contact tool as the work", [
        ("customer", "结课送的狗牌可以刻字吗？想刻名字和我的电话，怕它走丢"),
        ("merchant", "可以的，正面刻名字，背面刻主人电话，您把要刻的内容发我"),
        ("customer", "名字：年糕，电话{phone}"),
        ("merchant", "好的，确认一下：正面“年糕”，背面“{phone}”，刻好后拍照给您核对再寄出"),
        ("customer", "没问题"),
    ]),
    C("w60-24", "w60-fam-tag", [OFFSITE], "contact in the work product", [
        ("customer", "结课送的狗牌可以刻字吗？想刻名字和我的电话"),
        ("merchant", "可以，您把内容发我"),
        ("customer", "名字：年糕，电话我已经填在订单里了"),
        ("merchant", "好的。我顺便在包装卡片上写了我自己的号{phone_dash}，以后训练、寄养直接打给我，不用走平台，便宜一截"),
        ("customer", "这样可以吗？"),
        ("merchant", "没事，卡片上的东西平台看不到"),
    ]),
    # ---- family: customer declines to add a private account ----
    C("w60-25", "w60-fam-insist", [OFFSITE], "contact after refusal", [
        ("merchant", "亲，加个微信吧，方便发训练视频"),
        ("customer", "不加了，就在平台上聊"),
        ("merchant", "平台传视频太慢了，你加一下嘛，q也行：{qq_cn}"),
        ("customer", "我说了不加"),
        ("merchant", "那你把你手机号给我，我拉你进我们学员群，群里天天有干货"),
    ]),
    C("w60-26", "w60-fam-insist", [], "merchant refuses", [
        ("customer", "平台传视频太慢了，要不加个微信吧"),
        ("merchant", "谢谢您理解，不过微信、QQ这些我们都不能加，平台不允许，也是保护您的交易安全"),
        ("merchant", "视频我压缩一下在这里发，或者放到订单的“服务记录”里，那里能传大文件"),
        ("customer", "好吧"),
        ("merchant", "已经上传了，第{n}节课的完整版，您看看"),
    ]),
    # ---- family: after a bad review ----
    C("w60-27", "w60-fam-bad-review", [ABUSE], "offensive mailing after dispute", [
        ("customer", "我给了差评，训练了一个月还是见人就扑"),
        ("merchant", "行，差评是吧"),
        ("merchant", "你订单上的地址我还留着，{city}那个小区对吧"),
        ("merchant", "明天给你寄一箱“特产”，纸钱和小寿衣，给你家狗提前备着"),
        ("customer", "你这是威胁？"),
        ("merchant", "哪有，送礼而已，你收着就是"),
    ]),
    C("w60-28", "w60-fam-bad-review", [], "numbers that are not contacts", [
        ("customer", "我给了差评，训练了一个月还是见人就扑"),
        ("merchant", "收到您的评价，很抱歉效果没达到预期。扑人这个问题我们可以免费加两节巩固课"),
        ("customer", "不想再去了，太远了"),
        ("merchant", "理解。您上次落在我们这的牵引绳已经寄回，快递单号{track}，寄到订单地址"),
        ("merchant", "另外课时费的差额我在平台发起了部分退款，售后单号{order}，您同意就行"),
        ("customer", "好，收到了"),
    ]),
]
