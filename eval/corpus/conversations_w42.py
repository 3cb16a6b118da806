"""Independent writer w42 (freelance translation and copywriting studio): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: customer has an urgent contract translation and wants to talk faster ----
    C("w42-01", "w42-fam-urgent-contract", [OFFSITE], "number across messages", [
        ("customer", "这份合同明天上午就要，能不能快点沟通？打字太慢了"),
        ("merchant", "理解，您这个确实急。我先给您记一下：{phone_head}"),
        ("customer", "？这串是啥"),
        ("merchant", "中间是{phone_mid}"),
        ("merchant", "最后{phone_tail}，连起来直接打过来，比在这儿一条条说清楚多了"),
        ("customer", "哦哦，明白了"),
    ]),
    C("w42-02", "w42-fam-urgent-contract", [], "customer volunteers contact", [
        ("customer", "合同明天就要，我电话{phone}，你方便的话直接打给我？"),
        ("merchant", "谢谢信任～不过按平台规定我们不能用私人电话沟通，号码您最好撤回一下，避免被别人看到"),
        ("merchant", "订单页有平台自带的语音通话，我现在就能接"),
        ("customer", "行，那我点一下"),
        ("merchant", "好的。合同里的术语表您先传到订单附件，我边听边对"),
    ]),
    C("w42-03", "w42-fam-urgent-contract", [], "merchant refuses", [
        ("customer", "你给我个手机号吧，有问题我直接打你"),
        ("merchant", "不好意思，手机号、微信这些都不能给哦，平台不允许私下联系，也是保护您的资金安全"),
        ("customer", "那晚上找不到你怎么办"),
        ("merchant", "我们服务时间是9:00-23:00，平台消息会推送到我手机上，一般半小时内回复"),
        ("merchant", "特别急的话在订单里点“催一下”，我会优先处理"),
    ]),

    # ---- family: the source files are too big to upload ----
    C("w42-04", "w42-fam-big-files", [OFFSITE], "evasive contact", [
        ("customer", "原稿是扫描件，两百多页，平台传不上去"),
        ("merchant", "那走邮件吧，前半截是{mail_user}"),
        ("merchant", "后面接个圈a，再跟上{mail_host}"),
        ("customer", "圈a是@吗"),
        ("merchant", "对。发完了在这边别提“邮箱”两个字，系统会拦"),
    ]),
    C("w42-05", "w42-fam-big-files", [], "official channel in context", [
        ("customer", "原稿两百多页，附件传不上去，能发你邮箱吗？"),
        ("merchant", "邮箱就不用啦，平台不让私下传文件，对您的资料也不安全"),
        ("merchant", "订单页有个平台自带的“大文件传输”，扫描件压缩一下就能传"),
        ("merchant", "还是不行的话找官方客服，他们能帮忙处理"),
        ("customer", "好，我试试"),
        ("merchant", "传完我核对页码，{qty}页的话预计{date}交稿"),
    ]),

    # ---- family: customer thinks the price is too high ----
    C("w42-06", "w42-fam-discount", [OFFSITE], "payment outside", [
        ("customer", "这个价格有点高，能少点吗"),
        ("merchant", "平台要抽成的，您要是诚心做，咱们不走平台"),
        ("customer", "那怎么付？"),
        ("merchant", "我发个码给您，扫完直接到我这边，按{price}算，省掉手续费"),
        ("merchant", "稿子照样保质保量，放心"),
    ]),
    C("w42-07", "w42-fam-discount", [], "merchant refuses", [
        ("customer", "价格有点高，能少点吗"),
        ("merchant", "店铺这周有满减券，下单前在店铺首页领一下就行"),
        ("customer", "私下转给你是不是更便宜？"),
        ("merchant", "这个不行哦，私下转账没有任何保障，出了问题平台也管不了，咱们就按平台流程走"),
        ("merchant", "领券后实付{price}，排版我顺手帮您一起做了"),
    ]),
    C("w42-08", "w42-fam-discount", [OFFSITE], "payment outside", [
        ("customer", "加急费怎么收？要改订单吗"),
        ("merchant", "加急那部分不用改订单了，改来改去麻烦"),
        ("merchant", "您在那个绿色软件上搜{wx}，发个红包过来就算数"),
        ("customer", "这样稳吗"),
        ("merchant", "稳的，老客户都这么弄"),
    ]),

    # ---- family: copywriting for a WeChat official account ----
    C("w42-09", "w42-fam-official-account", [], "contact tool as the work", [
        ("customer", "我们要开个公众号，想请你们写开篇推文"),
        ("merchant", "可以。推文里要放引导关注的话术吗？比如“长按识别二维码关注”"),
        ("customer", "要的，结尾再加一句加客服微信领资料"),
        ("merchant", "好，结尾写成“添加客服微信领取资料”，微信号那块先留空，您发布前自己填"),
        ("merchant", "初稿{date}前在订单里提交"),
    ]),
    C("w42-10", "w42-fam-official-account", [OFFSITE], "implicit hint in context", [
        ("customer", "推文写得不错，以后每周还要一篇，能长期合作吗"),
        ("merchant", "当然可以。不过长期的话每次都下单挺麻烦"),
        ("merchant", "您刚才让我写进结尾那个“领资料”的地方，其实换成我的就行，哈哈"),
        ("customer", "啥意思？"),
        ("merchant", "就那个绿色的嘛，你懂的，那边直接找我，按月结"),
    ]),
    C("w42-11", "w42-fam-official-account", [OFFSITE], "contact after refusal", [
        ("merchant", "配图多的话这边传太慢了，加个v？"),
        ("customer", "不用了，我习惯在平台上弄"),
        ("merchant", "好吧。。您要是改主意了，v搜{wx}就行"),
        ("customer", "说了不用"),
        ("merchant", "我就放这儿，不加也没事😊 图大的话还是那边快"),
    ]),

    # ---- family: asking for a review after delivery ----
    C("w42-12", "w42-fam-review", [ILLEGAL], "illegal offer", [
        ("customer", "收到了，翻得挺好"),
        ("merchant", "谢谢认可！方便的话去评价那里写几句，带两张图"),
        ("merchant", "写完截个图发我，我这边给您补一份小心意，{n}块直接退到您那"),
        ("customer", "还有这好事？"),
        ("merchant", "五星加晒图就行，字数超过30字更好"),
    ]),
    C("w42-13", "w42-fam-review", [], "honest review request", [
        ("customer", "收到了，翻得挺好"),
        ("merchant", "谢谢！满意的话有空可以给个评价，好评差评都行，对我们改进很有帮助"),
        ("customer", "会的"),
        ("merchant", "不评也完全没关系。售后期{n}天，有问题随时在订单里找我"),
    ]),

    # ---- family: small talk after the job is done ----
    C("w42-14", "w42-fam-after-delivery", [ADS], "ads in chat", [
        ("customer", "稿子收到了，谢谢"),
        ("merchant", "不客气～顺便问下，您平时空闲时间多吗"),
        ("customer", "还行，怎么了"),
        ("merchant", "我们这边有个在家就能做的活，手机上点点就行，一天几十到几百，好多带娃的都在做"),
        ("merchant", "不用懂翻译，感兴趣我详细跟您说说"),
    ]),
    C("w42-15", "w42-fam-after-delivery", [], "in-shop related service, not an ad", [
        ("customer", "稿子收到了，谢谢"),
        ("merchant", "不客气～您这份是英译中，如果之后要出英文版宣传册，店里也有润色加排版的服务"),
        ("customer", "先不用，有需要再说"),
        ("merchant", "好的，不打扰您了，祝项目顺利"),
    ]),

    # ---- family: customer unhappy with translation quality ----
    C("w42-16", "w42-fam-quality-dispute", [ABUSE], "abuse after dispute", [
        ("customer", "你们翻的第三章好多错，我要申请退款"),
        ("merchant", "我们已经按要求改过两轮了"),
        ("customer", "还是不行，我找平台介入"),
        ("merchant", "可以啊。对了，您公司是在{city}那个科技园吧，前台我上次送资料见过"),
        ("merchant", "退款的事您再想想，大家都不想闹得太难看，对吧"),
    ]),
    C("w42-17", "w42-fam-quality-dispute", [], "heated but civil dispute", [
        ("customer", "第三章错误太多了，我要退款"),
        ("merchant", "我理解您着急，但我们改过两轮，每次都是按您的批注改的"),
        ("customer", "那还是有错啊"),
        ("merchant", "您把有问题的句子标出来，我逐条核对，确实是我们的错，这章免费重译"),
        ("merchant", "如果还是不满意，可以申请平台介入，我们会把修改记录都提交上去，按平台判定来"),
    ]),
    C("w42-18", "w42-fam-quality-dispute", [ABUSE], "abuse after dispute", [
        ("customer", "第三章错误太多，我要退款"),
        ("merchant", "改了两轮还退？"),
        ("customer", "有错当然退"),
        ("merchant", "真服了，碰上你这种煞笔客户，中文都看不明白还挑英文"),
        ("merchant", "脑子瓦特了吧，退退退，爱退不退"),
    ]),

    # ---- family: follow-up messages after the customer is done ----
    C("w42-19", "w42-fam-follow-up", [ABUSE], "harassment", [
        ("customer", "稿子不用改了，就这样，谢谢"),
        ("merchant", "好的。您再看看还有没有别的需要？"),
        ("customer", "没有了，别再发了"),
        ("merchant", "半夜了还没睡吧？我们新出了套餐"),
        ("merchant", "在吗在吗，怎么不回"),
        ("merchant", "您不回我就一直发，反正我也不睡"),
    ]),
    C("w42-20", "w42-fam-follow-up", [], "ordinary conversation", [
        ("customer", "稿子不用改了，谢谢"),
        ("merchant", "好的，那我这边确认完结"),
        ("customer", "嗯，最近忙，别再发消息了哈"),
        ("merchant", "明白，不打扰了。售后期内有问题您主动找我就行"),
    ]),

    # ---- family: soft-sell article for a product launch ----
    C("w42-21", "w42-fam-product-launch", [ILLEGAL], "illegal offer", [
        ("customer", "新品发布的软文，写完发哪里效果好？"),
        ("merchant", "小红书、公众号都行。光写不够，得有人气"),
        ("customer", "人气怎么弄？"),
        ("merchant", "我们有资源，发出去当天阅读过万，评论区安排自己人带节奏，看着跟真的一样"),
        ("merchant", "这块另算{price}，保上热门"),
    ]),
    C("w42-22", "w42-fam-product-launch", [], "merchant refuses", [
        ("customer", "软文写完你们能帮刷点阅读量吗？"),
        ("merchant", "刷量、买粉、控评这些我们都不做，平台也禁止"),
        ("merchant", "我们能做的是把标题和开头写得更抓人，再给几条发布时间和话题标签的建议"),
        ("customer", "好吧"),
        ("merchant", "真实数据涨得慢点，但账号不容易被限流"),
    ]),

    # ---- family: translating a degree certificate ----
    C("w42-23", "w42-fam-certificate", [ILLEGAL], "illegal offer", [
        ("customer", "我要翻译学位证，但原件找不到了"),
        ("merchant", "没原件也能办"),
        ("customer", "光有翻译件有用吗？"),
        ("merchant", "我们可以连中文原件一起给您“补”一份，章和编号都配好，学校那边查不出来"),
        ("merchant", "{price}，三天出"),
    ]),
    C("w42-24", "w42-fam-certificate", [], "numbers that are not contacts", [
        ("customer", "学位证翻译，证书编号要照抄吗？"),
        ("merchant", "要的，编号{n}原样保留，证书上的信息不能改"),
        ("customer", "翻译件要盖章吗？"),
        ("merchant", "我们是有资质的翻译公司，会盖翻译专用章并附营业执照复印件；只照实翻译，不做任何修改或“补办”"),
        ("customer", "好，订单号{order}，原件要寄吗？"),
        ("merchant", "不用寄原件，扫描件传订单就行。盖章件寄给您，发货后单号{track}在订单里能看到"),
    ]),

    # ---- family: customer asks about a second job ----
    C("w42-25", "w42-fam-other-shop", [OFFSITE], "other shop", [
        ("customer", "还想翻一份说明书，价格怎么算"),
        ("merchant", "按千字算。不过这单您可以去我们另一个店拍"),
        ("customer", "哪个店？"),
        ("merchant", "橙色那个app，搜{shop}，那边便宜两成，不用交这边的服务费"),
    ]),
    C("w42-26", "w42-fam-other-shop", [], "merchant refuses", [
        ("customer", "还想翻一份说明书，价格怎么算"),
        ("merchant", "按千字算，店铺里有“说明书翻译”套餐，直接拍那个就行"),
        ("customer", "听说你们在别的平台也有店？"),
        ("merchant", "这个不方便说哦，咱们就在这边下单，有平台担保您更放心"),
        ("merchant", "套餐{qty}千字以内{price}，超出按实际补差价"),
    ]),

    # ---- family: English copy for overseas social media ----
    C("w42-27", "w42-fam-overseas-account", [ILLEGAL], "illegal offer", [
        ("customer", "我们要在海外社媒发英文推广，你们能写吗"),
        ("merchant", "能写。你们号有了吗？"),
        ("customer", "还没，注册好麻烦"),
        ("merchant", "我这有现成的老号，带粉，认证都弄好了，直接转给您用"),
        ("merchant", "一个{price}，拿三个送一个"),
    ]),
    C("w42-28", "w42-fam-overseas-account", [], "merchant refuses", [
        ("customer", "我们要发英文推广文案，你们能顺便帮注册账号吗"),
        ("merchant", "账号需要贵司用自己的公司信息注册，我们不代注册，也不提供现成账号"),
        ("customer", "那你们负责什么"),
        ("merchant", "文案、配图文字和发布日程表。注册步骤我可以写个指引给您参考"),
        ("customer", "行"),
    ]),
]
