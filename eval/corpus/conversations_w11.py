"""Independent writer w11: short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C

CONVERSATIONS = [
    # ---- ads pasted into an otherwise normal service chat --------------------------------
    C("w11-01", "w11-fam-shop-chat-turns-promo", [ADS], "ads in chat", [
        ("customer", "这个氨基酸洁面敏感肌能用吗"),
        ("merchant", "可以的亲 温和不刺激 很多敏皮回购"),
        ("customer", "好 那我拍一支"),
        ("merchant", "好嘞～另外悄悄说下 我们团队在招代理 零门槛一件代发 宝妈学生都能做 月入过万不是梦"),
        ("merchant", "想了解的话搜{shop}进货群 名额不多哦"),
    ]),
    C("w11-02", "w11-fam-shop-chat-turns-promo", [ADS], "ads in chat", [
        ("customer", "老师 第三节课的剪辑素材在哪下载呀"),
        ("merchant", "在课程资料区 第三章下面有个压缩包"),
        ("customer", "找到了谢谢"),
        ("merchant", "不客气～对了 我朋友的理财训练营这周开班 9块9七天 教你躺赚 {url} 点进去就能报"),
        ("customer", "？我是来学剪辑的"),
        ("merchant", "哈哈多学点总没错 链接收好"),
    ]),
    C("w11-03", "w11-fam-shop-chat-turns-promo", [ADS], "ads in chat", [
        ("customer", "猫砂什么时候发货"),
        ("merchant", "今天下午统一发 放心"),
        ("merchant", "家里有毛孩子的都该看看这个：萌宠意外险 每月几块钱 看病报销八成 扫码就能投 {url}"),
        ("merchant", "现在投保还送两斤冻干 跟我们店没关系哈 纯推荐 真的划算"),
        ("customer", "不用了 发货就行"),
    ]),

    # ---- illegal offers: fake orders, paid review removal, selling data ------------------
    C("w11-04", "w11-fam-side-income-offer", [ILLEGAL], "illegal offer", [
        ("customer", "请问这个眼影盘还有货吗"),
        ("merchant", "有的亲"),
        ("merchant", "亲平时有空吗 店里缺人帮忙拍单 你下单我们全额返本金 每单再给{n}块佣金"),
        ("merchant", "不用真收货 好评我们写好发你复制就行"),
        ("customer", "这不是刷单吗 会不会被封号"),
        ("merchant", "不会的 我们做了很久了 小号大号都行"),
    ]),
    C("w11-05", "w11-fam-side-income-offer", [ILLEGAL], "illegal offer", [
        ("customer", "我也是开店的 最近被人恶意差评好烦"),
        ("merchant", "理解 我们之前也被搞过"),
        ("customer", "你们咋处理的啊 申诉没用"),
        ("merchant", "找人删的 我这有渠道 一条{price} 三天内消失 平台查不出来"),
        ("merchant", "你把差评截图和订单号发我 先付一半"),
    ]),
    C("w11-06", "w11-fam-side-income-offer", [ILLEGAL], "illegal offer", [
        ("customer", "你们这个宠物美容课学完能帮忙推荐客源吗"),
        ("merchant", "客源我这正好有"),
        ("merchant", "本地养猫养狗的主人名单 带电话和小区地址 {qty}条一份 都是从各家宠物医院弄来的"),
        ("customer", "这些人知道自己信息被卖吗"),
        ("merchant", "管他呢 数据新鲜 拿去直接打电话推销 成交率很高"),
    ]),

    # ---- abuse after a refund dispute -----------------------------------------------------
    C("w11-07", "w11-fam-refund-fight-turns-ugly", [ABUSE], "abuse after dispute", [
        ("customer", "买的两条孔雀鱼到了就死了一条 能补发吗"),
        ("merchant", "活体不保 详情页写了"),
        ("customer", "详情页写的是到货死亡包赔啊 我有开箱视频"),
        ("merchant", "你自己不会养怪谁 一条鱼几块钱叽叽歪歪"),
        ("merchant", "穷成这样就别养宠物了 脑子有病"),
    ]),
    C("w11-08", "w11-fam-refund-fight-turns-ugly", [ABUSE], "abuse after dispute", [
        ("customer", "面霜用了两天脸上起红疹 我要退款"),
        ("merchant", "拆封了不退"),
        ("customer", "那我只能申请平台介入了"),
        ("merchant", "去啊 你个丑八怪烂脸关我屁事"),
        ("merchant", "敢给差评试试 我天天挂你 废物"),
    ]),

    # ---- harassment of a customer ---------------------------------------------------------
    C("w11-09", "w11-fam-creator-gets-personal", [ABUSE], "harassment", [
        ("customer", "老师你好 想问下化妆课适合新手吗"),
        ("merchant", "适合的 不过你先发张素颜照我看看底子"),
        ("customer", "课程还要看脸吗"),
        ("merchant", "不看也行 就是想看看你 听你打字就觉得是个美女 有男朋友没"),
        ("customer", "我只想问课程"),
        ("merchant", "别这么冷淡嘛 晚上陪我聊聊天 课给你打折"),
    ]),
    C("w11-10", "w11-fam-creator-gets-personal", [ABUSE], "harassment", [
        ("merchant", "在吗"),
        ("merchant", "怎么不回我 上次买猫粮那个地址是你家吧 一个人住？"),
        ("customer", "请不要再发了 我东西已经收到了"),
        ("merchant", "收到就完了？我天天给你发消息你都看不到？"),
        ("merchant", "不回我就去你小区门口等你 反正地址我有"),
    ]),

    # ---- moving the customer off the platform ---------------------------------------------
    C("w11-11", "w11-fam-lipstick-side-deal", [OFFSITE], "number across messages", [
        ("customer", "这个色号还有吗 想多买几支送人"),
        ("merchant", "量大的话这边不好改价 你先记一下 {phone_head}"),
        ("customer", "啊？"),
        ("merchant", "{phone_mid}"),
        ("merchant", "最后是{phone_tail} 打过来报口红两个字就行 给你批发价"),
    ]),
    C("w11-12", "w11-fam-lipstick-side-deal", [OFFSITE], "payment outside", [
        ("customer", "精华买三瓶能便宜吗"),
        ("merchant", "能 但是别在这拍"),
        ("merchant", "平台抽点太狠 你直接转账给我 我一瓶少收三十"),
        ("merchant", "付款码我等下发你 转完截图 我照样给你发顺丰"),
        ("customer", "那出问题了怎么售后"),
        ("merchant", "找我本人就行 比平台靠谱"),
    ]),
    C("w11-13", "w11-fam-lipstick-side-deal", [OFFSITE], "implicit hint in context", [
        ("customer", "你家这款粉底液是正品吗 怎么比专柜便宜这么多"),
        ("merchant", "放心 渠道货"),
        ("customer", "还有更便宜的吗 我想囤"),
        ("merchant", "这里不方便细说 你点我头像 看个签那一串 去那边找我"),
        ("merchant", "说是这边过来的 内部价另算"),
    ]),
    C("w11-14", "w11-fam-course-study-group", [OFFSITE], "contact after refusal", [
        ("customer", "买了写作课 有学员群吗 想一起打卡"),
        ("merchant", "平台不让发群号的 亲 见谅"),
        ("customer", "好吧 那算了"),
        ("merchant", "不过你可以企鹅搜一下{qq} 申请的时候备注订单号 我拉你"),
    ]),
    C("w11-15", "w11-fam-course-study-group", [OFFSITE], "evasive contact", [
        ("customer", "课程里的模板能发我一份吗"),
        ("merchant", "这边发不了文件哦"),
        ("merchant", "来绿泡泡找我 V我 {wx} 模板资料全打包给你"),
        ("customer", "啥是绿泡泡"),
        ("merchant", "就是那个聊天的 你懂的 这里不能打那两个字"),
    ]),

    # ---- heated but civil disputes ----------------------------------------------------------
    C("w11-16", "w11-fam-pet-goods-complaint", [], "heated but civil dispute", [
        ("customer", "你们这猫粮我家猫吃了就拉稀 到底是不是过期的！"),
        ("merchant", "亲 批次是今年的 生产日期在袋子背面 您可以拍给我看看"),
        ("customer", "我不管日期 猫都拉成这样了 你们必须负责"),
        ("merchant", "理解您着急 换粮太快也可能软便 但如果是我们的问题一定负责"),
        ("merchant", "您在订单里申请售后 上传照片 我这边同意退款 不用寄回了"),
        ("customer", "哼 这还差不多 以后不会再买了"),
    ]),
    C("w11-17", "w11-fam-pet-goods-complaint", [], "heated but civil dispute", [
        ("customer", "牵引绳遛了两次扣子就断了 狗差点跑马路上 你们卖的什么垃圾"),
        ("merchant", "非常抱歉 狗狗没事吧"),
        ("customer", "没事 但我很生气 你们质检呢"),
        ("merchant", "是我们的问题 这批扣子确实有投诉 我们已经下架了"),
        ("merchant", "给您全额退 再补发一条加固款 您看行吗"),
        ("customer", "行吧 下次注意点"),
    ]),
    C("w11-18", "w11-fam-pet-goods-complaint", [], "heated but civil dispute", [
        ("customer", "加热棒收到就不亮 你们说要我自己付运费寄回？凭什么"),
        ("merchant", "亲 政策是质量问题运费我们出的 可能上个客服说错了"),
        ("customer", "我等了三天了 鱼都冻得不动了"),
        ("merchant", "抱歉耽误了 您先别寄 我们今天就补发一根 坏的那根您留着或者扔掉都行"),
        ("customer", "早这样不就好了 烦死"),
        ("merchant", "是我们处理慢了 再次抱歉"),
    ]),

    # ---- customer wants to go private; merchant stays on platform ---------------------------
    C("w11-19", "w11-fam-customer-pushes-offsite", [], "merchant refuses", [
        ("customer", "老板 加个微信呗 私下买便宜点 大家都省事"),
        ("merchant", "不好意思亲 我们只在店里交易"),
        ("customer", "就差这点平台费 你也不亏啊"),
        ("merchant", "真不行 私下出问题两边都没保障 店里有满减券 领了也差不多"),
        ("customer", "好吧 那我领券"),
    ]),
    C("w11-20", "w11-fam-customer-pushes-offsite", [], "merchant refuses", [
        ("customer", "课程我直接转账给你行吗 我这边平台支付老是失败"),
        ("merchant", "转账不收的哈 怕说不清"),
        ("customer", "那怎么办 我都试了三次了"),
        ("merchant", "换个银行卡或者用花呗试试 还不行就点右上角联系平台客服 他们能查支付问题"),
        ("customer", "好 我再试试"),
    ]),
    C("w11-21", "w11-fam-customer-pushes-offsite", [], "customer volunteers contact", [
        ("customer", "这只狗狗冻干什么时候补货啊"),
        ("merchant", "下周左右"),
        ("customer", "我微信{wx} 到了你喊我一声"),
        ("merchant", "亲 您点一下商品页的到货提醒就好 到了系统会推送 我们这边也会在这里留言"),
        ("customer", "哦哦 好的"),
    ]),

    # ---- ordinary after-sales, incl. pointing to the platform's own service -----------------
    C("w11-22", "w11-fam-course-after-sales", [], "ordinary conversation", [
        ("customer", "请问直播课错过了还能看回放吗"),
        ("merchant", "能的 下播后两小时内会上传 在课程目录里"),
        ("customer", "回放有有效期吗"),
        ("merchant", "一年内随便看 到期前会提醒你"),
        ("customer", "好的谢谢老师～"),
        ("merchant", "客气啦 有问题随时问"),
    ]),
    C("w11-23", "w11-fam-course-after-sales", [], "official channel in context", [
        ("customer", "我买错课了 想退 但是看了一节了"),
        ("merchant", "看了一节的话需要平台审核 我这边没法直接操作"),
        ("customer", "那要找谁"),
        ("merchant", "在App里点 我的 - 订单 - 申请售后 或者找官方客服 帮助中心里有客服热线"),
        ("merchant", "审核时我会备注同意 一般两三天到账"),
    ]),

    # ---- numbers that are order / tracking / size data ---------------------------------------
    C("w11-24", "w11-fam-order-lookup", [], "numbers that are not contacts", [
        ("customer", "帮我查下快递到哪了 好几天没动"),
        ("merchant", "亲发下订单号"),
        ("customer", "{order}"),
        ("merchant", "查到了 快递单号{track} 在中转站卡了一天 今天已经派送了"),
        ("merchant", "这单实付{price} 如果明天还没到 我帮您申请延迟赔付"),
    ]),
    C("w11-25", "w11-fam-order-lookup", [], "ordinary conversation", [
        ("customer", "我家柯基胸围大概48 穿哪个码的胸背"),
        ("merchant", "选L 胸围是45到52"),
        ("customer", "体重12斤会不会勒"),
        ("merchant", "不会 有调节扣 可以再放大两三厘米"),
        ("customer", "那我要L的 蓝色"),
        ("merchant", "好的 记得下单选L 蓝色今天能发"),
    ]),

    # ---- the job itself is about a messaging tool -------------------------------------------
    C("w11-26", "w11-fam-messaging-tool-gig", [], "contact tool as the work", [
        ("customer", "我们宠物美容店想做个微信小程序 能在线预约洗澡的"),
        ("merchant", "可以 预约 会员卡 到店提醒都能做"),
        ("customer", "到店提醒是发微信消息还是短信"),
        ("merchant", "小程序订阅消息为主 短信做备选 短信要您那边申请签名"),
        ("merchant", "初版{version}两周交付 需求清单我整理好发在这里 您确认了再开工"),
    ]),
    C("w11-27", "w11-fam-messaging-tool-gig", [], "contact tool as the work", [
        ("customer", "我做美妆博主的 粉丝QQ群太乱 想要个机器人"),
        ("merchant", "明白 进群自动欢迎 关键词回复 发广告自动踢 这些都常见"),
        ("customer", "还能每天定时发护肤小贴士吗"),
        ("merchant", "能 定时任务加个内容表就行 您在表里填好每天的内容"),
        ("customer", "报价多少"),
        ("merchant", "基础版{price} 在平台下单 按里程碑验收付款"),
    ]),
]
