"""Independent writer w6: short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C

CONVERSATIONS = [
    # --- logo design: handing over the source files ---
    C("w6-01", "w6-fam-logo-source-files", [OFFSITE], "number across messages", [
        ("customer", "logo定稿了，源文件啥时候发我呀"),
        ("merchant", "AI和PSD都打包好了，就是太大了平台这边传不上去"),
        ("merchant", "你记一下哈 {phone_head}"),
        ("customer", "？"),
        ("merchant", "{phone_mid}"),
        ("merchant", "{phone_tail} 同号的，加上我直接甩给你"),
    ]),
    C("w6-02", "w6-fam-logo-source-files", [], "numbers that are not contacts", [
        ("customer", "源文件好了没 印刷厂那边在催了"),
        ("merchant", "好了亲，在订单{order}的交付附件里"),
        ("merchant", "AI是用{version}存的，印厂要是打不开跟我说，我再另存个低版本"),
        ("merchant", "一共{qty}个文件，横版竖版都在里面"),
        ("customer", "好的收到 谢啦"),
    ]),
    C("w6-03", "w6-fam-logo-source-files", [], "official channel in context", [
        ("customer", "文件这么大附件发不过来吧？要不你加我微信传"),
        ("merchant", "不用麻烦哈，订单里有个大文件交付的按钮，2个G以内都能传"),
        ("merchant", "我现在就传，传完系统会给你发通知的"),
        ("customer", "哦哦还有这功能 好的"),
    ]),

    # --- translation: quality / deadline dispute ---
    C("w6-04", "w6-fam-translation-dispute", [ABUSE], "abuse after dispute", [
        ("customer", "你这翻译跟机翻一样，好几句意思都反了"),
        ("merchant", "哪句反了你指出来"),
        ("customer", "第三段第二句，还有合同那个违约条款，我找人看过了"),
        ("merchant", "你找的人懂个屁"),
        ("merchant", "自己四级都没过吧还来教我做事，没钱就别找人翻，晦气"),
    ]),
    C("w6-05", "w6-fam-translation-dispute", [], "heated but civil dispute", [
        ("customer", "说好周五交的，今天都周日了！！签证材料要来不及了"),
        ("merchant", "非常抱歉，这次确实是我的问题，公证件里有几页手写的认了很久"),
        ("customer", "你认多久跟我有什么关系，我只要结果"),
        ("merchant", "理解你着急。今晚十点前一定交，拖的这两天我按平台规则退你一部分钱"),
        ("merchant", "你要还是不满意可以直接申请客服介入，我没意见"),
    ]),

    # --- home repair: arranging the visit ---
    C("w6-06", "w6-fam-repair-visit", [OFFSITE], "contact after refusal", [
        ("customer", "师傅你电话多少 明天上门前我好联系你"),
        ("merchant", "不好意思哈，平台不让发电话，发了要扣分的"),
        ("customer", "那明天咋找你啊 我们小区进门要登记的"),
        ("merchant", "哎算了 你存一下 {phone_cn} 到了我打给你"),
        ("merchant", "别在这回号码哈"),
    ]),
    C("w6-07", "w6-fam-repair-visit", [], "customer volunteers contact", [
        ("customer", "热水器明天几点能来？我电话{phone}，到了直接打我就行"),
        ("merchant", "明天上午十点左右到"),
        ("merchant", "号码不用在聊天里发哈，您下单留的预约电话师傅那边看得到的"),
        ("customer", "好的好的"),
    ]),
    C("w6-08", "w6-fam-repair-visit", [], "merchant refuses", [
        ("customer", "老板加个微信呗，以后家里有啥要修直接找你"),
        ("merchant", "谢谢信任哈，微信就不加了"),
        ("merchant", "以后有活直接店里下单，或者在这留言，我每天都看的"),
        ("customer", "行吧"),
    ]),

    # --- photography: booking a shoot ---
    C("w6-09", "w6-fam-photo-booking", [OFFSITE], "payment outside", [
        ("customer", "婚纱照那个套餐定金怎么付呀"),
        ("merchant", "定金{price}"),
        ("merchant", "别在平台拍了，平台要抽点的，你直接支付宝转我，账号就是{phone}"),
        ("merchant", "转完截个图给我，我给你便宜两百"),
    ]),
    C("w6-10", "w6-fam-photo-booking", [], "numbers that are not contacts", [
        ("customer", "那就定毕业照那个吧，具体咋安排"),
        ("merchant", "好嘞，套餐价{price}，一共{qty}张精修"),
        ("merchant", "时间定在{date} {time}，{city}大学南门集合"),
        ("customer", "可以 精修多久能拿到"),
        ("merchant", "拍完7个工作日，直接在订单里交付"),
    ]),
    C("w6-11", "w6-fam-photo-booking", [], "customer volunteers contact", [
        ("customer", "样片能发我看看不 我微信{wx}，你加我发吧"),
        ("merchant", "样片我直接在这发哈"),
        ("merchant", "[图片][图片][图片] 这几组是上个月在公园拍的"),
        ("customer", "哇好看 那还加微信不？"),
        ("merchant", "不用啦，有啥在这问就行，我回得挺快的"),
    ]),

    # --- tutoring: after the lesson ---
    C("w6-12", "w6-fam-tutor-after-class", [ABUSE], "harassment", [
        ("customer", "老师今天的课结束啦，作业我周三前交"),
        ("merchant", "好的～ 你今天穿那件白裙子挺好看的"),
        ("customer", "……谢谢老师"),
        ("merchant", "你一个人住吗？周末出来吃个饭呗，不算课时"),
        ("merchant", "怎么不回了？害羞了？"),
        ("merchant", "在吗在吗在吗"),
    ]),
    C("w6-13", "w6-fam-tutor-after-class", [OFFSITE], "implicit hint in context", [
        ("customer", "老师下周还是周六上午吗？我现在下单？"),
        ("merchant", "下周开始就别在这下单了哈"),
        ("merchant", "还是周六九点，直接来上次那个自习室，课时费当面给我，比这里便宜三十"),
        ("customer", "啊 那平台上还要确认吗"),
        ("merchant", "不用管了，这边以后就不用了"),
    ]),

    # --- software dev: mini-program / website ---
    C("w6-14", "w6-fam-dev-project", [], "contact tool as the work", [
        ("customer", "想做个微信小程序，顾客能在里面预约理发，付款走微信支付"),
        ("merchant", "能做，你得先注册个小程序账号，再开通微信支付商户号"),
        ("merchant", "预约成功给顾客推一条服务通知，再给店长发条短信提醒，短信这块我接短信接口做"),
        ("customer", "短信要另外花钱吗"),
        ("merchant", "要的，按条算，几分钱一条，报价单我放订单附件里了"),
    ]),
    C("w6-15", "w6-fam-dev-project", [OFFSITE], "evasive contact", [
        ("customer", "想做个公司官网 大概多少钱"),
        ("merchant", "看需求，这里说不清楚"),
        ("merchant", "你去绿色泡泡上搜 {wx}，我发案例给你看"),
        ("customer", "绿色泡泡是啥"),
        ("merchant", "就那个v信啊😂 这里不能直说"),
    ]),

    # --- e-commerce design: bad review after revisions ---
    C("w6-16", "w6-fam-design-bad-review", [ABUSE], "abuse after dispute", [
        ("customer", "海报我给差评了，改了三次都没改成我要的"),
        ("merchant", "你自己说不清楚要啥还怪我？"),
        ("customer", "我每次都写得很清楚啊，截图都在"),
        ("merchant", "写个屁，审美跟猪一样"),
        ("merchant", "差评爱给就给，你这种人开店迟早倒闭"),
    ]),
    C("w6-17", "w6-fam-design-bad-review", [ILLEGAL], "illegal offer", [
        ("customer", "主图我看了 挺好的，这周就能上架"),
        ("merchant", "好嘞～对了我看你店里有几个差评挺影响转化的"),
        ("merchant", "我这有渠道，差评能删，{price}一条，删不掉不收钱"),
        ("merchant", "想冲销量的话刷单也能安排，真人真号"),
    ]),
    C("w6-18", "w6-fam-design-bad-review", [], "heated but civil dispute", [
        ("customer", "你再不改我就给差评了"),
        ("merchant", "给差评是您的权利，我不拦着"),
        ("merchant", "但下单时写明了含三次修改，这已经第五次了，再改要补差价"),
        ("customer", "什么破服务，改个字都要钱"),
        ("merchant", "理解您不爽，但规则就是这样。觉得不合理可以找平台客服评估，他们怎么判我都接受"),
    ]),

    # --- translation delivery for a student ---
    C("w6-19", "w6-fam-abstract-translation", [ADS], "ads in chat", [
        ("customer", "论文摘要翻好了吗"),
        ("merchant", "好了 已经传订单里了"),
        ("merchant", "顺便问下，你们学生要不要兼职？我朋友那边招{item}推广，日结，扫码进群 {url}"),
        ("merchant", "群里还有考研资料全套，{price}包邮，进群领券"),
    ]),
    C("w6-20", "w6-fam-abstract-translation", [], "ordinary conversation", [
        ("customer", "论文摘要翻好了吗 明天要交了"),
        ("merchant", "刚传到订单里了 你看下"),
        ("merchant", "术语我按你们领域常用的译法走的，有两个词拿不准，在批注里标黄了，你跟导师确认下"),
        ("customer", "好的 辛苦啦"),
    ]),

    # --- photo album: shipping ---
    C("w6-21", "w6-fam-album-shipping", [OFFSITE], "number across messages", [
        ("customer", "相册做好了吗 啥时候能寄"),
        ("merchant", "做好了 这两天寄出"),
        ("merchant", "以后急活你直接打我，比这快"),
        ("merchant", "{phone_head}"),
        ("merchant", "{phone_mid}"),
        ("merchant", "{phone_tail}"),
        ("customer", "好 存了"),
    ]),
    C("w6-22", "w6-fam-album-shipping", [], "numbers that are not contacts", [
        ("customer", "相册寄了没"),
        ("merchant", "寄了亲 顺丰"),
        ("merchant", "单号{track}"),
        ("merchant", "运费{price}我这边付过了，一共{qty}本，注意查收"),
        ("customer", "收到～"),
    ]),

    # --- interior design: customer cancels ---
    C("w6-23", "w6-fam-interior-cancel", [ABUSE], "harassment", [
        ("customer", "装修效果图我不要了，已经申请退款了"),
        ("merchant", "凭什么退？"),
        ("merchant", "你以为退了就完了？你地址我这有，{city}那个小区对吧"),
        ("merchant", "不接电话是吧，我一天给你打一百个"),
        ("merchant", "你给我等着"),
    ]),
    C("w6-24", "w6-fam-interior-cancel", [], "heated but civil dispute", [
        ("customer", "不好意思 家里预算有变，效果图这单想取消"),
        ("merchant", "啊……平面图我都画了一大半了"),
        ("customer", "那怎么办 我不想全付"),
        ("merchant", "按平台规则，已完成的部分要结算，我把画好的稿子传上来你看，剩下的全退你"),
        ("merchant", "有异议可以找客服，过程我都留了截图"),
        ("customer", "行吧 我先看看"),
    ]),

    # --- resume polishing ---
    C("w6-25", "w6-fam-resume-polish", [OFFSITE], "contact after refusal", [
        ("customer", "简历改完能加个QQ吗 后面面试还想找你帮忙"),
        ("merchant", "这里不让留QQ哈，会封店的"),
        ("customer", "好吧 那算了"),
        ("merchant", "等下，你记一下 {qq_cn}"),
        ("merchant", "加的时候备注简历，别在这说是我给的"),
    ]),
    C("w6-26", "w6-fam-resume-polish", [], "customer volunteers contact", [
        ("customer", "简历改好直接发我手机吧 {phone}"),
        ("merchant", "改好的我直接在订单里上传，Word和PDF各一份"),
        ("merchant", "号码您撤回一下哈，聊天里留电话不安全"),
        ("customer", "ok"),
    ]),
]
