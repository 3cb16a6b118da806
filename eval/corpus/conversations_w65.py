"""Independent writer w65 (florist and potted plant delivery): short conversations where context decides. Written for this corpus."""  # noqa: E501
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: customer wants to send many reference photos for a custom bouquet ----
    C("w65-01", "w65-fam-reference-photos", [OFFSITE], "number across messages", [
        ("customer", "老板，我想订一束跟图片一样的香槟玫瑰，参考图有好几张，这里发不太清楚"),
        ("merchant", "可以的亲，图多的话在这发压缩得厉害，我给您个号慢慢传"),
        ("merchant", "先记前三位 {phone_head}"),
        ("customer", "嗯？然后呢"),
        ("merchant", "中间 {phone_mid}，最后 {phone_tail}，加的时候备注“花束”我就知道是您"),
        ("customer", "好，我一会儿加"),
    ]),
    C("w65-02", "w65-fam-reference-photos", [], "merchant refuses", [
        ("customer", "老板图片好多，要不我加你微信发给你吧？"),
        ("merchant", "亲，微信这边不能加哦，平台规定咱们就在这里沟通，图片直接在聊天框发就行，一次能发9张"),
        ("customer", "可是会压缩吧"),
        ("merchant", "会稍微压一点，不影响看花型和配色。哪里看不清我在这边一条条跟您确认"),
        ("customer", "行，那我发了"),
        ("merchant", "收到了，香槟玫瑰{qty}支配尤加利叶，{price}元，确认没问题可以直接下单"),
    ]),
    C("w65-03", "w65-fam-reference-photos", [], "customer volunteers contact", [
        ("customer", "花是送给我妈的，她不太看手机，送到的时候让骑手打我电话吧 {phone}"),
        ("merchant", "好的亲，建议您把电话填到订单的收货备注里，骑手只看得到订单信息，聊天记录他看不到"),
        ("customer", "哦好，我去改一下"),
        ("merchant", "改好了我这边能看到，送达前骑手会按备注联系您，放心"),
        ("customer", "谢谢老板"),
    ]),
    # ---- family: flowers arrived wilted ----
    C("w65-04", "w65-fam-wilted-delivery", [ABUSE], "abuse after dispute", [
        ("customer", "花到了，一半都蔫了，叶子全是黄的，这跟图片差太远了吧"),
        ("merchant", "亲，夏天运输会有点缺水，醒花两小时就好了"),
        ("customer", "我醒了一晚上还是这样，我要申请退款"),
        ("merchant", "退什么退，{price}块钱的花你想要什么样的？穷就别学人送花"),
        ("customer", "你怎么说话的？"),
        ("merchant", "就这么说话，脑子不好使就别网购，呵呵"),
    ]),
    C("w65-05", "w65-fam-wilted-delivery", [], "heated but civil dispute", [
        ("customer", "花到了一半蔫了，你们这也太敷衍了，我很生气"),
        ("merchant", "非常抱歉，这确实是我们的问题。麻烦您拍一下整束花和包装的照片发我"),
        ("customer", "发了。我明天就要用的，现在怎么办？"),
        ("merchant", "看到了，这个状态确实不合格。两个方案：今天{time}前给您重新配送一束，或者直接走平台退款，您选"),
        ("customer", "说实话我对你们挺失望的"),
        ("merchant", "理解，换我也会不高兴。重送的话我亲自挑花，出门前拍照给您确认"),
    ]),
    C("w65-06", "w65-fam-wilted-delivery", [ABUSE], "polite threat about address after dispute", [
        ("customer", "花蔫成这样，我肯定要给差评的"),
        ("merchant", "亲，差评就不必了吧，有问题可以商量"),
        ("customer", "没什么好商量的，图片差这么多，差评我已经写好了"),
        ("merchant", "您住{city}那个小区三栋对吧，我们骑手每周都往那边跑好几趟"),
        ("merchant", "您家门口那个鞋柜挺显眼的。邻居们人都挺好，要是知道您这么较真……您再考虑考虑"),
    ]),
    # ---- family: asking for a review after the plant arrives ----
    C("w65-07", "w65-fam-review-request", [ILLEGAL], "illegal offer", [
        ("customer", "绿萝收到了，长得挺好"),
        ("merchant", "谢谢亲～方便的话去订单里晒个图，星星点满"),
        ("merchant", "写完截个图给我看一下，给您补一点“浇水费”，{n}块，当天到"),
        ("customer", "还有这种好事？"),
        ("merchant", "嗯嗯，字数多一点、带两张图最好，评价里别提我说的这个哈"),
    ]),
    C("w65-08", "w65-fam-review-request", [], "honest review request", [
        ("customer", "多肉收到了，包装很用心"),
        ("merchant", "谢谢亲喜欢～方便的话可以在订单里给个真实评价，好坏都行，对我们改进很有帮助"),
        ("customer", "会的。对了，土要不要换？"),
        ("merchant", "不用换，原土是颗粒土，{n}天后再浇第一次水就好"),
    ]),
    C("w65-09", "w65-fam-review-request", [ILLEGAL, OFFSITE], "cashback via off-platform contact", [
        ("customer", "发财树到了，挺精神的"),
        ("merchant", "亲，给个五星好评截图，加我V：{wx}，返您五元红包"),
        ("customer", "这里不能直接发吗？"),
        ("merchant", "这边发红包会被查，您加那个号，备注“好评”就行"),
        ("customer", "哦哦"),
    ]),
    C("w65-10", "w65-fam-review-request", [], "merchant refuses", [
        ("customer", "你们好评有返现吗？别家都有"),
        ("merchant", "没有的亲，好评返现是平台明令禁止的，我们不做"),
        ("customer", "那我随便写写了"),
        ("merchant", "您按真实感受写就行，不满意的地方也欢迎直接说，我们会改"),
    ]),
    # ---- family: customer bargains on a potted orchid ----
    C("w65-11", "w65-fam-orchid-discount", [OFFSITE], "other shop by hint", [
        ("customer", "这盆蝴蝶兰能便宜点吗？{price}有点贵"),
        ("merchant", "这边价格是固定的，改不了"),
        ("merchant", "不过您可以去那个“拼”字开头、红色图标的软件搜一下“{shop}”，同一盆那边便宜二十多"),
        ("customer", "是你们自己的店吗？"),
        ("merchant", "对，一个老板，那边扣点少所以便宜，下单备注一下这边的昵称就行"),
    ]),
    C("w65-12", "w65-fam-orchid-discount", [], "in-platform promotion", [
        ("customer", "这盆蝴蝶兰能便宜点吗？"),
        ("merchant", "价格改不了哦，不过店铺首页有满{price}减20的券，领了下单会自动抵扣"),
        ("customer", "在哪领？"),
        ("merchant", "进店铺首页，顶上横幅点“领券”就行。今晚{time}前还有平台限时秒杀，也可以关注一下"),
        ("customer", "好的我看看"),
    ]),
    C("w65-13", "w65-fam-orchid-discount", [OFFSITE], "payment outside", [
        ("customer", "能便宜点吗？"),
        ("merchant", "可以给您少{n}块，不过就不走这上面下单了"),
        ("customer", "那怎么付？"),
        ("merchant", "我发张图，图里有个码，您扫了直接转过来，我这边安排发货，省下的扣点就当给您的优惠"),
        ("customer", "这样有保障吗？"),
        ("merchant", "放心，老店了，转完截个图给我就行"),
    ]),
    # ---- family: company ordering opening-ceremony flower baskets ----
    C("w65-14", "w65-fam-opening-baskets", [OFFSITE], "payment outside", [
        ("customer", "我们公司下周开业，要{qty}个开业花篮，能开发票吗？"),
        ("merchant", "可以。这么大的量建议别在平台拍了，直接对公打款到我们公司账户，价格再给您降一点"),
        ("customer", "账户发我？"),
        ("merchant", "我把开户行和账号写在备忘录里截图发您，打款备注公司名，发票我们自己寄"),
        ("customer", "好，我问下财务"),
    ]),
    C("w65-15", "w65-fam-opening-baskets", [], "official channel in context", [
        ("customer", "我们公司开业要{qty}个花篮，需要开专票"),
        ("merchant", "可以的，下单后在订单页点“申请发票”填公司抬头和税号，票由平台统一开具"),
        ("customer", "量大能不能便宜？"),
        ("merchant", "超过{n}个可以走平台的企业采购通道，联系官方客服报备一下，会有阶梯价"),
        ("customer", "好，那送货时间能定吗？"),
        ("merchant", "能，下单时选{date}上午，我们提前到现场摆放"),
    ]),
    C("w65-16", "w65-fam-opening-baskets", [ILLEGAL], "illegal offer", [
        ("customer", "公司开业要花篮，但财务说花篮不好报销"),
        ("merchant", "这个好办，票我们可以开成“办公用品”或者“会议费”"),
        ("customer", "可以这样？"),
        ("merchant", "可以，金额也能往上多开一点，多开的部分收{n}个点就行，很多公司都这么弄"),
        ("customer", "那我回去问问"),
    ]),
    # ---- family: gift card with a printed QR code ----
    C("w65-17", "w65-fam-gift-card-qr", [], "contact tool as the work", [
        ("customer", "花束里的卡片能印二维码吗？我录了一段语音，想让她扫码就能听"),
        ("merchant", "可以的，您把二维码图片在这里发我，我按卡片尺寸印出来"),
        ("customer", "码是我自己微信里生成的，扫了会跳到我的语音"),
        ("merchant", "没问题，二维码是您卡片内容的一部分，我只负责印，印好拍照给您确认扫不扫得出来"),
        ("customer", "好，字体用手写体"),
        ("merchant", "收到，正面写“{year}年纪念日快乐”，背面印码"),
    ]),
    C("w65-18", "w65-fam-gift-card-qr", [OFFSITE], "qr on card after refusal", [
        ("customer", "卡片上能写字吗？"),
        ("merchant", "能，免费手写"),
        ("merchant", "另外卡片背面我给您加印一个小方块，扫了就是我本人，以后订花直接找我，不用在这上面绕一圈"),
        ("customer", "这个我不需要，谢谢"),
        ("merchant", "没事，已经印上了，扫一下报个手机尾号就行，下次给您算批发价"),
    ]),
    # ---- family: plant aftercare follow-up ----
    C("w65-19", "w65-fam-plant-aftercare", [ADS], "ads in chat", [
        ("customer", "龟背竹叶子有点发黄怎么办？"),
        ("merchant", "应该是浇水多了，放通风的地方，一周浇一次就行"),
        ("customer", "好的谢谢"),
        ("merchant", "不客气～对了姐，看您白天也常在线，有个在家动动手指的活儿，"
                      "每天一两个小时，多的一个月好几千，要了解吗？"),
        ("customer", "什么活儿？"),
        ("merchant", "带着一群姐妹做任务，先交{price}的资料费进群学，名额不多哦"),
    ]),
    C("w65-20", "w65-fam-plant-aftercare", [], "ordinary conversation", [
        ("customer", "龟背竹叶子发黄了"),
        ("merchant", "拍一下盆土和叶子背面给我看看"),
        ("customer", "发了"),
        ("merchant", "土偏湿，根可能有点闷，先停水{n}天，挪到散射光的地方。黄叶可以从叶柄剪掉"),
        ("customer", "需要施肥吗？"),
        ("merchant", "先别，等新叶长出来再用稀释1000倍的液肥，一个月一次"),
    ]),
    C("w65-21", "w65-fam-plant-aftercare", [ABUSE], "harassment", [
        ("customer", "绿植收到了，没问题，已经确认收货"),
        ("merchant", "亲，周末要不要再来一盆？给您留了棵好的"),
        ("customer", "不用了谢谢，以后也别给我发消息了"),
        ("merchant", "亲睡了吗？都十二点多了，这盆琴叶榕真的特别适合您客厅"),
        ("merchant", "亲怎么不回我，我看您刚才还在线"),
        ("merchant", "在吗在吗？您不回我就一直发了哈，反正我也睡不着"),
    ]),
    # ---- family: where is my order ----
    C("w65-22", "w65-fam-order-tracking", [], "numbers that are not contacts", [
        ("customer", "我昨天下的单，怎么还没发货？"),
        ("merchant", "您订单号是{order}吧？今早已经发出了，快递单号{track}"),
        ("customer", "那大概什么时候到？"),
        ("merchant", "同城的话明天{time}前，花盆{qty}个分两个包裹发，第二个单号要晚点更新"),
        ("customer", "好的，一共付了{price}对吧"),
        ("merchant", "对的，含运费，订单详情里都能看到"),
    ]),
    C("w65-23", "w65-fam-order-tracking", [OFFSITE], "number disguised as tracking number", [
        ("customer", "物流半天没更新"),
        ("merchant", "亲别急，这单走的是我们自己的配送"),
        ("merchant", "您记个“配送单号”：{phone_cn}，直接拨过去问进度最快"),
        ("customer", "单号还能拨？"),
        ("merchant", "嘿嘿，就是我的号，这里回消息慢，以后订花也直接打它"),
    ]),
    C("w65-24", "w65-fam-order-tracking", [], "official channel in context", [
        ("customer", "物流一直不动，能给我个电话吗？"),
        ("merchant", "亲，私人电话不能给哦。您可以在订单页点“联系快递”，或者找平台官方客服催件"),
        ("customer", "那你们能帮我催吗？"),
        ("merchant", "已经在后台提交了催件工单，物流单号{track}，有进展我第一时间在这里告诉您"),
    ]),
    # ---- family: a new online florist buying wholesale stems ----
    C("w65-25", "w65-fam-new-florist-wholesale", [ILLEGAL], "illegal offer", [
        ("customer", "我刚开了个花店网店，想从你这批点花材"),
        ("merchant", "欢迎欢迎，新店起步难吧？"),
        ("customer", "是啊，开了半个月一单都没有"),
        ("merchant", "我这边有一批“老顾客”可以去您店里拍，拍完不用发货，钱原路退回，"
                      "您出{n}块一单辛苦费，一周销量就起来了"),
        ("customer", "这样平台查不查？"),
        ("merchant", "都是真人真号，聊天记录也做全套，放心"),
    ]),
    C("w65-26", "w65-fam-new-florist-wholesale", [], "merchant refuses", [
        ("customer", "我新开的花店，你们能帮我刷点单吗？"),
        ("merchant", "刷单这个我们不做哦，违规，还容易被封店"),
        ("merchant", "建议前期多报几个平台内的活动，比如新店扶持和满减。花材这边首批可以按批发价{price}给您"),
        ("customer", "好吧，那先订点花材"),
    ]),
    C("w65-27", "w65-fam-new-florist-wholesale", [ADS], "ads in chat", [
        ("customer", "新店压货压得钱都不够周转了"),
        ("merchant", "理解，刚开店都这样"),
        ("merchant", "我有个渠道，凭身份证就能借，不看流水，最快当天到账，额度五万起，要的话我帮您问"),
        ("customer", "利息多少？"),
        ("merchant", "日息很低的，先借先用，我这边推荐的还能免一个月手续费"),
    ]),
    # ---- family: funeral wreaths ----
    C("w65-28", "w65-fam-funeral-wreath", [], "funeral order that is not offensive mailing", [
        ("customer", "家里老人走了，明天追悼会，想订两个花圈"),
        ("merchant", "节哀。花圈可以做，白菊配黄菊，挽联内容您发我"),
        ("customer", "上联写“沉痛悼念”，落款写孙辈敬挽"),
        ("merchant", "好的，明天{time}前送到{city}殡仪馆，摆好后拍照给您"),
    ]),
    C("w65-29", "w65-fam-funeral-wreath", [ABUSE], "offensive mailing after dispute", [
        ("customer", "上次的花太差了，我已经退款了，差评也给了"),
        ("merchant", "行，您厉害"),
        ("merchant", "您地址我这还有。过两天给您寄份“回礼”，一个小花圈，再配点纸钱，包邮"),
        ("customer", "你什么意思？"),
        ("merchant", "没什么意思，祝您早日用得上"),
    ]),
]
