"""Short conversations: context decides."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C

_NUM = "number across messages"
_HINT = "implicit hint in context"
_REFUSE_THEN = "contact after refusal"
_EVASIVE = "evasive contact"
_PAY = "payment outside"
_ADS = "ads in chat"
_ILLEGAL = "illegal offer"
_ABUSE = "abuse after dispute"
_HARASS = "harassment"

_CUST = "customer volunteers contact"
_REFUSES = "merchant refuses"
_OFFICIAL = "official channel in context"
_TOOL = "contact tool as the work"
_NUMBERS = "numbers that are not contacts"
_CIVIL = "heated but civil dispute"
_ORDINARY = "ordinary conversation"

CONVERSATIONS = [
    # ------------------------------------------------------------------ violations
    # number across messages
    C("cv-001", "cvf-split-phone-three", [OFFSITE], _NUM, [
        ("customer", "logo什么时候能出初稿？"),
        ("merchant", "明天下午吧，细节电话里说比较快"),
        ("merchant", "{phone_head}"),
        ("merchant", "{phone_mid}"),
        ("merchant", "{phone_tail}"),
        ("customer", "好的我晚点打"),
    ]),
    C("cv-002", "cvf-split-phone-three", [OFFSITE], _NUM, [
        ("customer", "沙发送货能约周末吗"),
        ("merchant", "可以的，师傅那边排期我帮你问问"),
        ("merchant", "你直接找我更快"),
        ("merchant", "前三 {phone_head}"),
        ("merchant", "中间 {phone_mid}"),
        ("merchant", "最后 {phone_tail}"),
    ]),
    C("cv-003", "cvf-split-phone-three", [OFFSITE], _NUM, [
        ("customer", "网站首页那个banner能再改改吗"),
        ("merchant", "能改，改动多的话语音沟通效率高点"),
        ("merchant", "{phone_head}"),
        ("customer", "？"),
        ("merchant", "{phone_mid}"),
        ("merchant", "{phone_tail} 拨这个"),
    ]),
    C("cv-004", "cvf-split-digits-words", [OFFSITE], _NUM, [
        ("customer", "宣传册的印刷样品能寄给我看看吗"),
        ("merchant", "能，地址啥的不方便在这说"),
        ("merchant", "你记一下"),
        ("merchant", "{phone_cn}"),
        ("merchant", "打这个就行"),
    ]),
    C("cv-005", "cvf-split-digits-words", [OFFSITE], _NUM, [
        ("customer", "茶叶有没有大包装的 要送人"),
        ("merchant", "有的 量大可以单独谈价"),
        ("merchant", "你拿笔记下"),
        ("merchant", "{phone_slang}"),
        ("customer", "这是啥"),
        ("merchant", "对讲机那种念法 照着拨就行"),
    ]),
    C("cv-006", "cvf-split-digits-words", [OFFSITE], _NUM, [
        ("customer", "我想定制一批手机壳 印公司logo"),
        ("merchant", "可以的亲 起订量{qty}个"),
        ("merchant", "图稿来回改比较麻烦"),
        ("merchant", "扣扣"),
        ("merchant", "{qq_cn}"),
        ("merchant", "加的时候备注手机壳"),
    ]),
    C("cv-007", "cvf-tail-after-ask", [OFFSITE], _NUM, [
        ("customer", "你上次说的那个号码我只记了前面几位"),
        ("merchant", "后四位{phone_tail}"),
        ("customer", "好 前面是{phone_head}{phone_mid}对吧"),
        ("merchant", "对的 晚上打"),
    ]),
    C("cv-008", "cvf-tail-after-ask", [OFFSITE], _NUM, [
        ("customer", "老板 你名片上那个手机号我拨了打不通"),
        ("merchant", "是不是后面按错了"),
        ("merchant", "尾号是{phone_tail}"),
        ("customer", "哦哦 我把最后一位看错了"),
        ("merchant", "嗯 再打一遍"),
    ]),
    C("cv-009", "cvf-tail-after-ask", [OFFSITE], _NUM, [
        ("customer", "包裹里那张卡片上的电话糊了 最后几位是啥"),
        ("merchant", "{phone_tail}"),
        ("merchant", "加微信也是这个号"),
        ("customer", "收到"),
    ]),
    C("cv-010", "cvf-split-wx-pieces", [OFFSITE], _NUM, [
        ("customer", "图纸能发高清的吗 这里压缩得厉害"),
        ("merchant", "这里确实会压缩"),
        ("merchant", "v"),
        ("merchant", "{wx}"),
        ("merchant", "通过一下 我发原图"),
    ]),
    C("cv-011", "cvf-split-wx-pieces", [OFFSITE], _NUM, [
        ("customer", "还有别的款式图吗"),
        ("merchant", "款式太多这里发不完"),
        ("merchant", "围"),
        ("merchant", "信"),
        ("merchant", "{wx}"),
    ]),
    C("cv-012", "cvf-split-wx-pieces", [OFFSITE], _NUM, [
        ("customer", "你们能开发票吗"),
        ("merchant", "能开 开票信息私下发我"),
        ("merchant", "绿色那个软件"),
        ("merchant", "搜{wx}"),
        ("customer", "好"),
    ]),

    # implicit hint in context
    C("cv-013", "cvf-old-place", [OFFSITE], _HINT, [
        ("customer", "老板还记得我吗 去年买过你家茶叶"),
        ("merchant", "记得记得 还是那个大红袍是吧"),
        ("customer", "对 这次想多拿几斤 平台上能便宜点不"),
        ("merchant", "这里不好说价 老地方聊"),
        ("customer", "行 那我去那边找你"),
    ]),
    C("cv-014", "cvf-old-place", [OFFSITE], _HINT, [
        ("customer", "上次帮我们做菜单的设计师是你吧"),
        ("merchant", "是我 又有新活啦？"),
        ("customer", "店里要做新的门头"),
        ("merchant", "好嘞 还是老地方对接 这边我就不回了哈"),
    ]),
    C("cv-015", "cvf-old-place", [OFFSITE], _HINT, [
        ("customer", "我朋友介绍过来的 说你这能做私人定制"),
        ("merchant", "哦哦 她跟你说怎么找我了吧"),
        ("customer", "说了 不过我不太确定是不是那个"),
        ("merchant", "就是她给你的那个 这里不方便讲"),
        ("merchant", "过去了报她名字"),
    ]),
    C("cv-016", "cvf-last-time-way", [OFFSITE], _HINT, [
        ("customer", "尾款{price}怎么付呀"),
        ("merchant", "按我上次跟你说的那个方式就行"),
        ("merchant", "别在这里拍 手续费高"),
        ("customer", "懂了"),
    ]),
    C("cv-017", "cvf-last-time-way", [OFFSITE], _HINT, [
        ("customer", "第二批货还是走平台下单吗"),
        ("merchant", "不用 跟上次一样"),
        ("merchant", "你直接转 我这边看到就发"),
        ("customer", "好 还是那个账户是吧"),
        ("merchant", "嗯 没换"),
    ]),
    C("cv-018", "cvf-last-time-way", [OFFSITE], _HINT, [
        ("customer", "源文件怎么给我"),
        ("merchant", "还是上回那样 你懂的"),
        ("customer", "发你那个邮箱？"),
        ("merchant", "对 别在这里提"),
    ]),
    C("cv-019", "cvf-see-nickname", [OFFSITE], _HINT, [
        ("customer", "这里消息老延迟 有没有别的方式找你"),
        ("merchant", "看我昵称"),
        ("customer", "昵称后面那串数字？"),
        ("merchant", "嗯 加的时候备注{item}"),
    ]),
    C("cv-020", "cvf-see-nickname", [OFFSITE], _HINT, [
        ("customer", "我想看看实拍视频"),
        ("merchant", "点我头像 扫一扫"),
        ("customer", "头像是个二维码啊"),
        ("merchant", "对 扫了就能加 视频那边发"),
    ]),
    C("cv-021", "cvf-see-nickname", [OFFSITE], _HINT, [
        ("customer", "你这个名字好奇怪 一串字母"),
        ("merchant", "嘿嘿 那个就是号"),
        ("merchant", "有啥事直接搜它 比这里回得快"),
    ]),
    C("cv-022", "cvf-profile-hint", [OFFSITE], _HINT, [
        ("customer", "售后找谁"),
        ("merchant", "店铺简介最后一行那个"),
        ("merchant", "直接加 别在平台问 这边回复慢"),
    ]),
    C("cv-023", "cvf-profile-hint", [OFFSITE], _HINT, [
        ("customer", "还有别的码数吗"),
        ("merchant", "主页签名那行你看一下"),
        ("merchant", "那个号上我发你全部的"),
        ("customer", "好 我搜一下"),
    ]),

    # contact after refusal
    C("cv-024", "cvf-refuse-then-wx", [OFFSITE], _REFUSE_THEN, [
        ("customer", "能加个微信吗 方便点"),
        ("merchant", "亲 平台不让加微信哦 有事这里说就行"),
        ("customer", "这里发图太糊了 好多细节看不清"),
        ("merchant", "唉 那好吧"),
        ("merchant", "{wx} 别跟别人说"),
    ]),
    C("cv-025", "cvf-refuse-then-wx", [OFFSITE], _REFUSE_THEN, [
        ("customer", "有v吗"),
        ("merchant", "不好意思 这里不能留联系方式"),
        ("customer", "那算了 我去别家问问"),
        ("merchant", "等等"),
        ("merchant", "加这个吧 {wx}"),
    ]),
    C("cv-026", "cvf-refuse-then-wx", [OFFSITE], _REFUSE_THEN, [
        ("customer", "我不太会用这个app 能不能加你微信说"),
        ("merchant", "这边规定不能哈"),
        ("customer", "真的太麻烦了 我年纪大了看不清字"),
        ("merchant", "行吧 阿姨你加{wx} 我微信上语音教你"),
        ("merchant", "加完这里的消息就删了吧"),
    ]),
    C("cv-027", "cvf-refuse-then-phone", [OFFSITE], _REFUSE_THEN, [
        ("customer", "能电话沟通吗 打字太慢了"),
        ("merchant", "平台不支持留电话哦 抱歉"),
        ("customer", "我这个需求很复杂 打字说不清"),
        ("merchant", "那你打{phone_dash} 下午都在"),
    ]),
    C("cv-028", "cvf-refuse-then-phone", [OFFSITE], _REFUSE_THEN, [
        ("customer", "要不留个电话 到货了好联系"),
        ("merchant", "到货有平台通知的 不用留"),
        ("customer", "上次就是没通知 快递放错地方了"),
        ("merchant", "好吧 这是我私人号{phone} 有问题直接打"),
    ]),
    C("cv-029", "cvf-refuse-then-phone", [OFFSITE], _REFUSE_THEN, [
        ("customer", "急单 能不能直接打给你"),
        ("merchant", "不能哈 我们都在这里沟通"),
        ("customer", "真的很急 明早就要"),
        ("merchant", "……"),
        ("merchant", "算了 急的话 {phone_cn}"),
    ]),
    C("cv-030", "cvf-refuse-then-mail", [OFFSITE], _REFUSE_THEN, [
        ("customer", "源文件能发邮箱吗"),
        ("merchant", "文件都在平台上交付的 不走邮箱"),
        ("customer", "平台上传不了 超过大小了"),
        ("merchant", "那你先发我邮箱吧 {mail} 我改完回给你"),
    ]),
    C("cv-031", "cvf-refuse-then-mail", [OFFSITE], _REFUSE_THEN, [
        ("customer", "你留个邮箱我把资料发过去"),
        ("merchant", "这里直接传附件就行哈"),
        ("customer", "几十个G呢"),
        ("merchant", "行 {mail} 发这个 以后都走邮箱吧 方便"),
    ]),

    # evasive contact
    C("cv-032", "cvf-evasive-homophone", [OFFSITE], _EVASIVE, [
        ("customer", "有实拍图吗"),
        ("merchant", "有的 这里发不了太多"),
        ("merchant", "加个薇❤ {wx}"),
    ]),
    C("cv-033", "cvf-evasive-homophone", [OFFSITE], _EVASIVE, [
        ("customer", "能便宜点吗"),
        ("merchant", "加我威信聊 这里不好说"),
        ("merchant", "{wx}"),
        ("customer", "好"),
    ]),
    C("cv-034", "cvf-evasive-homophone", [OFFSITE], _EVASIVE, [
        ("customer", "方案什么时候发"),
        ("merchant", "今晚"),
        ("merchant", "企鹅上发你 号是{qq}"),
    ]),
    C("cv-035", "cvf-evasive-pinyin", [OFFSITE], _EVASIVE, [
        ("customer", "怎么联系你比较快"),
        ("merchant", "jia wo wei xin"),
        ("merchant", "{wx}"),
    ]),
    C("cv-036", "cvf-evasive-pinyin", [OFFSITE], _EVASIVE, [
        ("customer", "做好了通知我一下"),
        ("merchant", "ok"),
        ("merchant", "或者你直接da wo dian hua {phone_space}"),
    ]),
    C("cv-037", "cvf-evasive-pinyin", [OFFSITE], _EVASIVE, [
        ("customer", "图片能发原图吗"),
        ("merchant", "发you xiang吧"),
        ("merchant", "{mail_user} 后缀{mail_host}"),
    ]),
    C("cv-038", "cvf-evasive-reversed", [OFFSITE], _EVASIVE, [
        ("customer", "价格能再谈吗"),
        ("merchant", "能 聊细谈信微加"),
        ("merchant", "倒过来读哈"),
        ("merchant", "{wx}"),
    ]),
    C("cv-039", "cvf-evasive-reversed", [OFFSITE], _EVASIVE, [
        ("customer", "我想问问批发价"),
        ("merchant", "码号的我是面下"),
        ("merchant", "{phone}"),
        ("merchant", "打来说"),
    ]),
    C("cv-040", "cvf-evasive-radical", [OFFSITE], _EVASIVE, [
        ("customer", "急！今天能出图吗"),
        ("merchant", "能 扌丁我电言舌"),
        ("merchant", "{phone_mixed}"),
    ]),
    C("cv-041", "cvf-evasive-radical", [OFFSITE], _EVASIVE, [
        ("customer", "方便聊聊需求吗"),
        ("merchant", "可以 这里不太方便"),
        ("merchant", "加V亻言 {wx}"),
    ]),
    C("cv-042", "cvf-evasive-emoji", [OFFSITE], _EVASIVE, [
        ("customer", "图我想要大图"),
        ("merchant", "🐧{qq}"),
        ("merchant", "上面发你"),
    ]),
    C("cv-043", "cvf-evasive-emoji", [OFFSITE], _EVASIVE, [
        ("customer", "还有货吗"),
        ("merchant", "有 ➕🟢💬 {wx}"),
        ("customer", "啥意思"),
        ("merchant", "绿色泡泡那个 懂的😉"),
    ]),
    C("cv-044", "cvf-evasive-emoji", [OFFSITE], _EVASIVE, [
        ("customer", "能约个时间讲一下方案吗"),
        ("merchant", "📱{phone_circled}"),
        ("merchant", "晚上{time}以后都行"),
    ]),

    # payment outside
    C("cv-045", "cvf-pay-alipay-direct", [OFFSITE], _PAY, [
        ("customer", "好的 我去拍下"),
        ("merchant", "别拍了 平台要扣点"),
        ("merchant", "直接支付宝转我 {phone} 给你便宜{n}块"),
        ("customer", "这样安全吗"),
        ("merchant", "放心 老客户都这样"),
    ]),
    C("cv-046", "cvf-pay-alipay-direct", [OFFSITE], _PAY, [
        ("customer", "定金怎么付"),
        ("merchant", "支付宝就行 账号{mail}"),
        ("merchant", "转完截个图给我"),
    ]),
    C("cv-047", "cvf-pay-alipay-direct", [OFFSITE], _PAY, [
        ("customer", "我下单了 你看下"),
        ("merchant", "你先申请退款吧"),
        ("merchant", "走平台要扣好几个点 你转我支付宝 我给你少{n}"),
        ("customer", "哦 好吧"),
    ]),
    C("cv-048", "cvf-pay-bank-card", [OFFSITE], _PAY, [
        ("customer", "后期维护费怎么算"),
        ("merchant", "一年{price}"),
        ("merchant", "打到我卡上就行 不用走平台"),
        ("customer", "卡号发我吧"),
        ("merchant", "开户行和卡号我整理下发你"),
    ]),
    C("cv-049", "cvf-pay-bank-card", [OFFSITE], _PAY, [
        ("customer", "我要{qty}件 能开票吗"),
        ("merchant", "量大可以私下对公转账"),
        ("merchant", "不走平台能给你便宜不少"),
    ]),
    C("cv-050", "cvf-pay-bank-card", [OFFSITE], _PAY, [
        ("customer", "这单可以分期吗"),
        ("merchant", "平台上不行"),
        ("merchant", "你私下转我 分几次都可以 我记账"),
    ]),
    C("cv-051", "cvf-pay-qr", [OFFSITE], _PAY, [
        ("customer", "加急费怎么给"),
        ("merchant", "我发你收款码"),
        ("merchant", "[图片]"),
        ("merchant", "扫这个就行 不用补拍链接"),
    ]),
    C("cv-052", "cvf-pay-qr", [OFFSITE], _PAY, [
        ("customer", "差价{price}我补一下 在哪补"),
        ("merchant", "别补链接了"),
        ("merchant", "微信红包发我就行"),
    ]),
    C("cv-053", "cvf-pay-qr", [OFFSITE], _PAY, [
        ("customer", "尾款在哪付"),
        ("merchant", "订单里那个不用管"),
        ("merchant", "扫我朋友圈背景那个码"),
        ("customer", "朋友圈？我们没加好友啊"),
        ("merchant", "那我发你 稍等"),
    ]),

    # ads in chat
    C("cv-054", "cvf-ads-loan", [ADS], _ADS, [
        ("customer", "我的快递到哪了"),
        ("merchant", "亲已经在路上啦"),
        ("merchant", "另外缺钱周转吗？无抵押小额借款 当天到账 利息超低"),
        ("customer", "不需要"),
    ]),
    C("cv-055", "cvf-ads-loan", [ADS], _ADS, [
        ("customer", "衣服起球了怎么办"),
        ("merchant", "可以申请换货哈"),
        ("merchant", "顺便推荐一下 信用卡代还 提额秒批 有需要找我"),
    ]),
    C("cv-056", "cvf-ads-loan", [ADS], _ADS, [
        ("customer", "收到了 谢谢"),
        ("merchant", "不客气～"),
        ("merchant", "征信花了也能贷 额度{price}起 了解一下？"),
        ("merchant", "名额有限哦"),
    ]),
    C("cv-057", "cvf-ads-agent-recruit", [ADS], _ADS, [
        ("customer", "这个面膜保质期多久"),
        ("merchant", "三年哈"),
        ("merchant", "亲有兴趣做代理吗 零门槛 一件代发 宝妈在家月入过万"),
        ("customer", "没兴趣"),
        ("merchant", "考虑一下嘛 现在加入送{n}盒"),
    ]),
    C("cv-058", "cvf-ads-agent-recruit", [ADS], _ADS, [
        ("customer", "帮我备注一下别放驿站"),
        ("merchant", "好的已备注"),
        ("merchant", "诚招兼职推广员 手机就能做 日结 有意私聊"),
    ]),
    C("cv-059", "cvf-ads-agent-recruit", [ADS, OFFSITE], _ADS, [
        ("customer", "书包有蓝色吗"),
        ("merchant", "有的"),
        ("merchant", "另外招代理 不囤货不压货 朋友圈转发就能赚 详情进群 {url}"),
    ]),
    C("cv-060", "cvf-ads-repeat-blast", [ADS], _ADS, [
        ("customer", "在吗 想问一下尺码"),
        ("merchant", "🔥双十一提前购🔥全场{n}折 错过等一年！"),
        ("customer", "我问尺码"),
        ("merchant", "🔥双十一提前购🔥全场{n}折 错过等一年！"),
        ("merchant", "🔥爆款直降 点击店铺首页抢🔥"),
    ]),
    C("cv-061", "cvf-ads-repeat-blast", [ADS], _ADS, [
        ("customer", "退货地址是哪"),
        ("merchant", "【限时福利】新品{item}买一送一 今晚{time}开抢"),
        ("customer", "？？退货地址"),
        ("merchant", "【限时福利】新品{item}买一送一 今晚{time}开抢"),
    ]),
    C("cv-062", "cvf-ads-repeat-blast", [ADS], _ADS, [
        ("customer", "你好"),
        ("merchant", "{shop}新店开业 全场清仓 关注领券"),
        ("merchant", "{shop}新店开业 全场清仓 关注领券"),
        ("merchant", "{shop}新店开业 全场清仓 关注领券"),
        ("customer", "能不能别刷屏了"),
    ]),
    C("cv-063", "cvf-ads-unrelated-product", [ADS], _ADS, [
        ("customer", "logo第二版收到了 挺好"),
        ("merchant", "谢谢认可"),
        ("merchant", "对了 我们还卖减肥茶 一周瘦{n}斤 要不要试试"),
    ]),
    C("cv-064", "cvf-ads-unrelated-product", [ADS], _ADS, [
        ("customer", "网站能加个留言板吗"),
        ("merchant", "可以 加{price}"),
        ("merchant", "顺便问下 玩不玩游戏 新开的传奇服 充值送十倍 爆率超高"),
    ]),

    # illegal offer
    C("cv-065", "cvf-ill-praise-cashback", [ILLEGAL], _ILLEGAL, [
        ("customer", "东西收到了 还行"),
        ("merchant", "亲 确认收货给个五星好评带三张图"),
        ("merchant", "截图发我 返你{n}元红包"),
        ("customer", "真的假的"),
        ("merchant", "真的 好评完就返"),
    ]),
    C("cv-066", "cvf-ill-praise-cashback", [ILLEGAL], _ILLEGAL, [
        ("customer", "台灯挺好用的"),
        ("merchant", "谢谢亲～写个五十字以上好评晒图 找客服领{n}元"),
        ("customer", "中评也行吗"),
        ("merchant", "必须五星 不然不返"),
    ]),
    C("cv-067", "cvf-ill-praise-cashback", [ILLEGAL], _ILLEGAL, [
        ("customer", "裤子有点长 我给了中评"),
        ("merchant", "亲 改成好评的话我们补偿{n}元"),
        ("merchant", "不改就没有了哦"),
    ]),
    C("cv-068", "cvf-ill-shuadan", [ILLEGAL, OFFSITE], _ILLEGAL, [
        ("customer", "问一下什么时候发货"),
        ("merchant", "明天发"),
        ("merchant", "亲想不想赚点零花钱 帮店里拍单 不发货 本金加佣金马上返"),
        ("customer", "这不是刷单吗"),
        ("merchant", "放心很多人在做 一单{n}块佣金 加{qq}我拉你进群"),
    ]),
    C("cv-069", "cvf-ill-shuadan", [ILLEGAL], _ILLEGAL, [
        ("customer", "你家销量怎么这么高"),
        ("merchant", "嘿嘿 都是兄弟们帮忙的"),
        ("merchant", "你也可以 拍一单我给你返本金+{n}元 空包发货"),
    ]),
    C("cv-070", "cvf-ill-shuadan", [ILLEGAL], _ILLEGAL, [
        ("customer", "我想开个新店 起步好难"),
        ("merchant", "我们这边有补单服务 {n}单起 包真实物流单号 提升权重"),
        ("merchant", "一单{price}以内的本金都可以做"),
    ]),
    C("cv-071", "cvf-ill-delete-post", [ILLEGAL], _ILLEGAL, [
        ("customer", "我在小红书写了你们店的差评 你们一直私信我干嘛"),
        ("merchant", "亲我们是想解决问题"),
        ("merchant", "这样 你把那篇笔记删了 我们给你{price}元"),
        ("customer", "我就说了实话"),
        ("merchant", "价格可以再加"),
    ]),
    C("cv-072", "cvf-ill-delete-post", [ILLEGAL], _ILLEGAL, [
        ("customer", "我们店在点评上被人恶意差评了 能处理吗"),
        ("merchant", "能 删帖{price}一条 三天内搞定"),
        ("merchant", "不成功不收费"),
    ]),
    C("cv-073", "cvf-ill-delete-post", [ILLEGAL], _ILLEGAL, [
        ("customer", "网上有篇说我们产品有问题的帖子"),
        ("merchant", "我们有渠道 可以直接撤稿 也可以压下去 一篇{price}"),
        ("customer", "靠谱吗"),
        ("merchant", "百度知乎贴吧都能做 好多品牌找我们"),
    ]),
    C("cv-074", "cvf-ill-cashout", [ILLEGAL], _ILLEGAL, [
        ("customer", "花呗额度用不了 有办法吗"),
        ("merchant", "有 在我家拍虚拟商品"),
        ("merchant", "{price}的额度扣{n}%手续费 马上转你现金"),
    ]),
    C("cv-075", "cvf-ill-cashout", [ILLEGAL], _ILLEGAL, [
        ("customer", "信用卡能在你这刷一下吗 急用钱"),
        ("merchant", "可以 拍{price}的那个链接"),
        ("merchant", "我扣{n}个点 剩下的当天转你 不用发货"),
    ]),
    C("cv-076", "cvf-ill-fake-hype", [ILLEGAL], _ILLEGAL, [
        ("customer", "新品上线想多点热度"),
        ("merchant", "我们可以帮你刷阅读量和点赞 {qty}赞起 真人号"),
        ("merchant", "评论也能控 全是正面的"),
    ]),
    C("cv-077", "cvf-ill-fake-hype", [ILLEGAL], _ILLEGAL, [
        ("customer", "你这个账号粉丝是真的吗"),
        ("merchant", "哈哈 你也可以有"),
        ("merchant", "买粉一万{price}元 掉粉包补 要不要"),
    ]),

    # abuse after dispute
    C("cv-078", "cvf-abuse-bad-review-threat", [ABUSE], _ABUSE, [
        ("customer", "东西用了两天就坏了 我给了差评"),
        ("merchant", "你确定？"),
        ("merchant", "你的地址电话我这都有"),
        ("merchant", "好好想想要不要改"),
        ("customer", "你这是威胁我？"),
        ("merchant", "你自己理解"),
    ]),
    C("cv-079", "cvf-abuse-bad-review-threat", [ABUSE], _ABUSE, [
        ("customer", "差评我不会删的"),
        ("merchant", "行 你住{city}那个小区吧"),
        ("merchant", "出门注意点"),
    ]),
    C("cv-080", "cvf-abuse-bad-review-threat", [ABUSE], _ABUSE, [
        ("customer", "我已经投诉你们了"),
        ("merchant", "你给我等着 这事没完"),
        ("merchant", "知道你在哪上班"),
    ]),
    C("cv-081", "cvf-abuse-refund-insult", [ABUSE], _ABUSE, [
        ("customer", "尺码不对 我要退款"),
        ("merchant", "自己不会看尺码表吗"),
        ("merchant", "穷就别买 退什么退"),
        ("customer", "你什么态度"),
        ("merchant", "对你这种人就这态度"),
    ]),
    C("cv-082", "cvf-abuse-refund-insult", [ABUSE], _ABUSE, [
        ("customer", "收到的是坏的 麻烦退款"),
        ("merchant", "又来一个想白嫖的"),
        ("merchant", "脑子有问题吧 自己摔坏的赖我"),
    ]),
    C("cv-083", "cvf-abuse-refund-insult", [ABUSE], _ABUSE, [
        ("customer", "申请仅退款了"),
        ("merchant", "就这{price}块钱你也好意思"),
        ("merchant", "真是没见过世面 活该一辈子穷"),
    ]),
    C("cv-084", "cvf-abuse-cancel-order", [ABUSE], _ABUSE, [
        ("customer", "我不想要了 取消订单吧"),
        ("merchant", "问了半天 现在说不要？"),
        ("merchant", "浪费我时间 你这种人做什么都成不了"),
        ("customer", "我只是改主意了"),
        ("merchant", "滚 以后别来"),
    ]),
    C("cv-085", "cvf-abuse-cancel-order", [ABUSE], _ABUSE, [
        ("customer", "设计稿我不满意 想退一半"),
        ("merchant", "审美这么差还挑"),
        ("merchant", "你这种客户我见多了 小心我把你信息挂网上"),
    ]),
    C("cv-086", "cvf-abuse-cancel-order", [ABUSE], _ABUSE, [
        ("customer", "稿子不太行 我们换别家做了"),
        ("merchant", "呵呵 你会后悔的"),
        ("merchant", "圈子就这么大 你们公司以后别想找到人接活"),
    ]),

    # harassment
    C("cv-087", "cvf-harass-after-stop", [ABUSE], _HARASS, [
        ("merchant", "亲 考虑得怎么样了"),
        ("merchant", "今天下单还有优惠"),
        ("customer", "不需要 别发了"),
        ("merchant", "真的很划算的"),
        ("merchant", "亲？"),
        ("merchant", "怎么不回我"),
        ("merchant", "在吗在吗在吗"),
    ]),
    C("cv-088", "cvf-harass-after-stop", [ABUSE], _HARASS, [
        ("customer", "我已经说了不要了 请不要再联系我"),
        ("merchant", "为什么不要啊"),
        ("merchant", "给个理由呗"),
        ("merchant", "你不回我就一直发"),
        ("customer", "……"),
        ("merchant", "在吗"),
    ]),
    C("cv-089", "cvf-harass-after-stop", [ABUSE], _HARASS, [
        ("customer", "退款已经处理了 谢谢 不用再发消息了"),
        ("merchant", "以后还来买呀"),
        ("merchant", "你是不是生气了"),
        ("merchant", "回我一下嘛"),
        ("merchant", "不回我明天继续找你"),
    ]),
    C("cv-090", "cvf-harass-late-night", [ABUSE], _HARASS, [
        ("merchant", "睡了吗"),
        ("merchant", "这么晚还在线啊"),
        ("customer", "我问下快递"),
        ("merchant", "快递明天到 你一个人住吗"),
        ("customer", "这跟你没关系"),
        ("merchant", "问问嘛 我也在{city}"),
    ]),
    C("cv-091", "cvf-harass-late-night", [ABUSE], _HARASS, [
        ("customer", "我几点能收到货"),
        ("merchant", "明天上午"),
        ("merchant", "都凌晨两点了还不睡 在等谁呀😏"),
        ("merchant", "陪我聊会儿"),
    ]),
    C("cv-092", "cvf-harass-late-night", [ABUSE], _HARASS, [
        ("merchant", "美女还在吗"),
        ("merchant", "半夜睡不着 想找你说说话"),
        ("customer", "？？我是来买东西的"),
        ("merchant", "买东西也可以交个朋友嘛"),
    ]),
    C("cv-093", "cvf-harass-personal", [ABUSE], _HARASS, [
        ("customer", "这个裙子我穿M还是L"),
        ("merchant", "你多高多重"),
        ("customer", "165 52kg"),
        ("merchant", "身材不错啊 有男朋友吗"),
        ("merchant", "发张照片我帮你看看"),
    ]),
    C("cv-094", "cvf-harass-personal", [ABUSE, OFFSITE], _HARASS, [
        ("customer", "我的收货地址改一下"),
        ("merchant", "改好了"),
        ("merchant", "你住这个小区啊 我就住附近"),
        ("merchant", "改天请你吃饭 把你微信给我呗"),
    ]),
    C("cv-095", "cvf-harass-personal", [ABUSE], _HARASS, [
        ("customer", "请问还有货吗"),
        ("merchant", "有 小姐姐声音一定很好听吧"),
        ("merchant", "能发段语音吗"),
        ("customer", "不用了 有货就行"),
        ("merchant", "别这么冷淡嘛 多大了 结婚没"),
    ]),

    # ------------------------------------------------------------------ negatives
    # customer volunteers contact
    C("cv-096", "cvf-neg-cust-phone-delivery", [], _CUST, [
        ("customer", "我电话{phone} 快递到了让他打这个"),
        ("merchant", "好的亲 已经备注在订单里了"),
        ("merchant", "收货电话以订单上的为准哦 您也可以在订单里改一下"),
    ]),
    C("cv-097", "cvf-neg-cust-phone-delivery", [], _CUST, [
        ("customer", "送沙发的师傅到了打我电话就行 {phone_dash}"),
        ("merchant", "好的 师傅会按订单里的号码联系您"),
        ("customer", "订单里的号不是这个"),
        ("merchant", "那您在订单详情里改下收货信息哈 我同步给物流"),
    ]),
    C("cv-098", "cvf-neg-cust-phone-delivery", [], _CUST, [
        ("customer", "我手机号尾号{phone_tail} 别填错了"),
        ("merchant", "尾号{phone_tail}对吧 收到"),
        ("merchant", "已经给快递备注了"),
    ]),
    C("cv-099", "cvf-neg-cust-wx-offer", [], _CUST, [
        ("customer", "我微信{wx} 你加我吧 方便点"),
        ("merchant", "谢谢亲 我们这边都在平台沟通哈"),
        ("merchant", "设计稿做好会第一时间在这里发您"),
    ]),
    C("cv-100", "cvf-neg-cust-wx-offer", [], _CUST, [
        ("customer", "加我QQ {qq} 发文件快"),
        ("merchant", "文件在这里上传就可以 支持大文件的"),
        ("customer", "好吧"),
        ("merchant", "传完我这边会收到提醒"),
    ]),
    C("cv-101", "cvf-neg-cust-wx-offer", [], _CUST, [
        ("customer", "我邮箱{mail} 发票开好发这里"),
        ("merchant", "好的 电子发票开好会在订单里显示 您下载就行"),
        ("customer", "那邮箱还要吗"),
        ("merchant", "开票信息里填上这个邮箱 系统会自动抄送一份给您"),
    ]),
    C("cv-102", "cvf-neg-cust-wx-offer", [], _CUST, [
        ("customer", "你加我微信吧 {wx}"),
        ("merchant", "不用加的亲 有消息我会在这里回您"),
        ("customer", "我不常看这个app"),
        ("merchant", "平台有消息推送 您打开通知就不会漏了"),
    ]),
    C("cv-103", "cvf-neg-cust-contact-return", [], _CUST, [
        ("customer", "退货单上我写了电话 {phone} 你们收到联系我"),
        ("merchant", "好的 仓库收到货会在订单里更新状态"),
        ("merchant", "退款会原路返回的"),
    ]),
    C("cv-104", "cvf-neg-cust-contact-return", [], _CUST, [
        ("customer", "我在{city} 电话{phone_cn} 能上门安装吗"),
        ("merchant", "{city}有合作的安装师傅"),
        ("merchant", "您在订单里预约安装时间就行 师傅会按收货电话联系您"),
    ]),
    C("cv-105", "cvf-neg-cust-contact-return", [], _CUST, [
        ("customer", "我是{shop}的老板 有事可以打我{phone}"),
        ("merchant", "好的 谢谢您"),
        ("merchant", "合同和验收都在平台上走 有进展我在这里同步"),
    ]),

    # merchant refuses
    C("cv-106", "cvf-neg-refuse-wx", [], _REFUSES, [
        ("customer", "能加个微信吗"),
        ("merchant", "不好意思亲 平台规定不能私下加联系方式"),
        ("merchant", "有任何问题这里找我都行 我一直在线"),
        ("customer", "好吧"),
    ]),
    C("cv-107", "cvf-neg-refuse-wx", [], _REFUSES, [
        ("customer", "有v吗 想直接聊"),
        ("merchant", "抱歉哈 我们只在平台沟通 这样交易也有保障"),
        ("customer", "别家都能加"),
        ("merchant", "理解 但我们按规矩来 您有问题尽管问"),
    ]),
    C("cv-108", "cvf-neg-refuse-wx", [], _REFUSES, [
        ("customer", "你给我个电话呗"),
        ("merchant", "个人电话不方便给哈"),
        ("merchant", "可以用平台的语音通话 订单页右上角就能打"),
    ]),
    C("cv-109", "cvf-neg-refuse-offpay", [], _REFUSES, [
        ("customer", "能不能不走平台 我直接转你 便宜点"),
        ("merchant", "不行哦 私下转账没保障 对您对我都不好"),
        ("merchant", "我可以在平台上给您申请张优惠券"),
    ]),
    C("cv-110", "cvf-neg-refuse-offpay", [], _REFUSES, [
        ("customer", "我朋友说你们可以私下付款"),
        ("merchant", "没有这回事 我们所有交易都走平台"),
        ("customer", "那算了 平台价也行"),
    ]),
    C("cv-111", "cvf-neg-refuse-offpay", [], _REFUSES, [
        ("customer", "支付宝转你行吗 我不想绑卡"),
        ("merchant", "平台本身支持支付宝付款的"),
        ("merchant", "您下单时选支付宝就行 不用转给我个人"),
    ]),
    C("cv-112", "cvf-neg-refuse-persist", [], _REFUSES, [
        ("customer", "加个微信呗"),
        ("merchant", "不能哦"),
        ("customer", "就加一下 不说出去"),
        ("merchant", "真的不行 被查到要封店的"),
        ("customer", "那你给我个QQ"),
        ("merchant", "也不行的亲 这里说是一样的"),
    ]),
    C("cv-113", "cvf-neg-refuse-persist", [], _REFUSES, [
        ("customer", "你们不给联系方式我怎么放心"),
        ("merchant", "平台是担保交易 钱在平台那 验收了才给我"),
        ("customer", "那你至少留个电话吧"),
        ("merchant", "抱歉 联系方式真的不能留 您有疑问随时在这问"),
    ]),
    C("cv-114", "cvf-neg-refuse-persist", [], _REFUSES, [
        ("customer", "发我邮箱行不 平台下载太慢"),
        ("merchant", "邮箱不行哈 我给您压缩一下分卷上传"),
        ("merchant", "传好了 您看下"),
        ("customer", "下好了 谢谢"),
    ]),
    C("cv-115", "cvf-neg-refuse-link", [], _REFUSES, [
        ("customer", "你们有淘宝店吗 那边好像便宜"),
        ("merchant", "我们只在这个平台开店哈"),
        ("merchant", "价格都一样的 这里还有券"),
    ]),
    C("cv-116", "cvf-neg-refuse-link", [], _REFUSES, [
        ("customer", "能发个外面的链接吗 我想在别的app买"),
        ("merchant", "不好意思 不能发站外链接"),
        ("merchant", "就在这里下单吧 售后也有保障"),
    ]),

    # official channel in context
    C("cv-117", "cvf-neg-official-aftersales", [], _OFFICIAL, [
        ("customer", "东西坏了怎么办"),
        ("merchant", "您在订单详情点“申请售后” 选换货"),
        ("merchant", "上传一下照片 我这边马上处理"),
    ]),
    C("cv-118", "cvf-neg-official-aftersales", [], _OFFICIAL, [
        ("customer", "我想投诉快递"),
        ("merchant", "可以在订单页“物流详情”里点投诉"),
        ("merchant", "或者找平台官方客服 我这边也帮您催一下"),
    ]),
    C("cv-119", "cvf-neg-official-aftersales", [], _OFFICIAL, [
        ("customer", "退款一直没到账"),
        ("merchant", "您打开“我的-退款/售后”看下进度"),
        ("merchant", "超时的话可以点“平台介入” 官方会处理的"),
    ]),
    C("cv-120", "cvf-neg-official-hotline", [], _OFFICIAL, [
        ("customer", "顺丰一直不派送 怎么联系他们"),
        ("merchant", "可以打顺丰官方客服95338 报运单号"),
        ("merchant", "运单号是{track}"),
    ]),
    C("cv-121", "cvf-neg-official-hotline", [], _OFFICIAL, [
        ("customer", "快递员的电话你有吗"),
        ("merchant", "快递员电话在物流详情里能看到 点一下就能拨"),
        ("merchant", "我这边不方便提供个人电话哈"),
    ]),
    C("cv-122", "cvf-neg-official-hotline", [], _OFFICIAL, [
        ("customer", "这个电器保修找谁"),
        ("merchant", "品牌全国联保 凭发票去官方售后网点"),
        ("merchant", "保修卡上有品牌官方热线 官网也能查网点"),
    ]),
    C("cv-123", "cvf-neg-official-privacy-call", [], _OFFICIAL, [
        ("customer", "可以电话说吗"),
        ("merchant", "可以的 用平台自带的电话功能"),
        ("merchant", "聊天窗口右上角有个电话图标 点了会转接 双方都是隐私号"),
        ("customer", "好 我试试"),
    ]),
    C("cv-124", "cvf-neg-official-privacy-call", [], _OFFICIAL, [
        ("customer", "能视频看看样品吗"),
        ("merchant", "可以 平台聊天里有视频通话 我现在发起"),
        ("customer", "好 接了"),
    ]),
    C("cv-125", "cvf-neg-official-privacy-call", [], _OFFICIAL, [
        ("customer", "合同怎么签"),
        ("merchant", "平台有电子合同 我在订单里发起 您点确认就行"),
        ("merchant", "款项也是托管在平台的 验收后才会给我"),
    ]),
    C("cv-126", "cvf-neg-official-platform-pay", [], _OFFICIAL, [
        ("customer", "加急要多付多少"),
        ("merchant", "加急{price}元 我给您改价 您在订单里补差价就行"),
        ("customer", "在哪补"),
        ("merchant", "订单页有个“补差价”按钮 点进去付款"),
    ]),
    C("cv-127", "cvf-neg-official-platform-pay", [], _OFFICIAL, [
        ("customer", "定金怎么付"),
        ("merchant", "我在平台上拆成两个阶段 您先托管第一阶段的款"),
        ("merchant", "交付验收后再付第二阶段"),
    ]),
    C("cv-128", "cvf-neg-official-platform-pay", [], _OFFICIAL, [
        ("customer", "能开增值税专票吗"),
        ("merchant", "可以 在订单里点“申请开票” 选专票"),
        ("merchant", "信息填好平台会自动开"),
    ]),

    # contact tool as the work
    C("cv-129", "cvf-neg-work-miniprogram", [], _TOOL, [
        ("customer", "想做一个点餐的微信小程序"),
        ("merchant", "可以的 需要支付和会员功能吗"),
        ("customer", "都要 还要能绑定公众号"),
        ("merchant", "没问题 报价{price} 工期{n}天"),
    ]),
    C("cv-130", "cvf-neg-work-miniprogram", [], _TOOL, [
        ("customer", "我们要配企业微信的自动回复和欢迎语"),
        ("merchant", "可以 在企业微信后台配置 您给个管理员权限就能做"),
        ("merchant", "欢迎语我先写几版给您挑"),
    ]),
    C("cv-131", "cvf-neg-work-miniprogram", [], _TOOL, [
        ("customer", "帮我做个小程序 里面要有一键拨号和客服按钮"),
        ("merchant", "一键拨号填哪个号码？"),
        ("customer", "填我们门店的{phone}"),
        ("merchant", "好的 放在首页底部"),
    ]),
    C("cv-132", "cvf-neg-work-card-qr", [], _TOOL, [
        ("customer", "名片设计 正面放名字 背面放二维码"),
        ("merchant", "二维码是您的微信还是公众号的"),
        ("customer", "微信 我一会把图发你"),
        ("merchant", "好的 发到这里我排进去"),
    ]),
    C("cv-133", "cvf-neg-work-card-qr", [], _TOOL, [
        ("customer", "名片上电话{phone} 邮箱{mail}"),
        ("merchant", "收到 电话和邮箱放右下角可以吗"),
        ("customer", "可以"),
        ("merchant", "那我用小一号的字 更精致"),
    ]),
    C("cv-134", "cvf-neg-work-card-qr", [], _TOOL, [
        ("customer", "海报底下要放我们店的二维码和地址"),
        ("merchant", "二维码原图发我一下 太小会扫不出来"),
        ("merchant", "地址是{city}哪条路？"),
    ]),
    C("cv-135", "cvf-neg-work-email-template", [], _TOOL, [
        ("customer", "需要设计一套邮件营销模板"),
        ("merchant", "好的 用哪个邮件平台发？"),
        ("customer", "我们自己的企业邮箱"),
        ("merchant", "那我做成响应式的html 手机电脑都能看"),
    ]),
    C("cv-136", "cvf-neg-work-email-template", [], _TOOL, [
        ("customer", "要做一个客服电话的语音导航 按1按2那种"),
        ("merchant", "可以的 录音加流程设计 {price}"),
        ("merchant", "按1售前 按2售后 按0转人工 这样分可以吗"),
    ]),
    C("cv-137", "cvf-neg-work-email-template", [], _TOOL, [
        ("customer", "公众号菜单里要加个“联系我们”"),
        ("merchant", "里面放电话还是跳客服？"),
        ("customer", "放我们前台电话"),
        ("merchant", "好 您在这里发一下号码 我配置进去"),
    ]),
    C("cv-138", "cvf-neg-work-qr-stand", [], _TOOL, [
        ("customer", "帮我们设计个二维码立牌 放收银台 扫码加企业微信"),
        ("merchant", "好的 二维码您从企业微信后台导出发我"),
        ("merchant", "尺寸要A4还是A5的"),
    ]),
    C("cv-139", "cvf-neg-work-qr-stand", [], _TOOL, [
        ("customer", "要做个“扫码联系客服”的贴纸 印在包装盒上"),
        ("merchant", "可以 二维码是您公司客服号的吧"),
        ("customer", "对"),
        ("merchant", "那您把码发我 我排版 出{n}种配色给您选"),
    ]),

    # numbers that are not contacts
    C("cv-140", "cvf-neg-numbers-order-track", [], _NUMBERS, [
        ("customer", "我的快递单号多少"),
        ("merchant", "{track}"),
        ("merchant", "今天刚揽收 明天应该到{city}"),
    ]),
    C("cv-141", "cvf-neg-numbers-order-track", [], _NUMBERS, [
        ("customer", "我有两个订单 怎么只到了一个"),
        ("merchant", "您说的是哪个订单"),
        ("customer", "{order}"),
        ("merchant", "这个是分开发的 另一个包裹单号{track}"),
    ]),
    C("cv-142", "cvf-neg-numbers-order-track", [], _NUMBERS, [
        ("customer", "订单号发你了 帮查下"),
        ("merchant", "收到"),
        ("merchant", "订单{order} 已经出库了"),
        ("merchant", "预计{date}送达"),
    ]),
    C("cv-143", "cvf-neg-numbers-order-track", [], _NUMBERS, [
        ("customer", "我的订单号是多少 找不到了"),
        ("merchant", "您稍等"),
        ("merchant", "{order}"),
        ("merchant", "在“我的订单”里也能搜到"),
    ]),
    C("cv-144", "cvf-neg-numbers-prices-split", [], _NUMBERS, [
        ("customer", "套餐都多少钱"),
        ("merchant", "基础版 138"),
        ("merchant", "标准版 2680"),
        ("merchant", "旗舰版 5999"),
    ]),
    C("cv-145", "cvf-neg-numbers-prices-split", [], _NUMBERS, [
        ("customer", "沙发尺寸多少"),
        ("merchant", "长 215"),
        ("merchant", "深 95"),
        ("merchant", "高 82 单位厘米"),
    ]),
    C("cv-146", "cvf-neg-numbers-prices-split", [], _NUMBERS, [
        ("customer", "这三款的款号是多少 我下单好备注"),
        ("merchant", "159"),
        ("merchant", "0721"),
        ("merchant", "3306"),
        ("customer", "好的"),
    ]),
    C("cv-147", "cvf-neg-numbers-codes", [], _NUMBERS, [
        ("customer", "验证码收不到"),
        ("merchant", "亲 验证码是平台发的 我们这边看不到"),
        ("merchant", "您检查下手机号是否填对 或者稍后重试"),
    ]),
    C("cv-148", "cvf-neg-numbers-codes", [], _NUMBERS, [
        ("customer", "发票税号要填吗"),
        ("merchant", "要的 您把公司名和税号发我"),
        ("customer", "91330106MA2H8K7L3Q"),
        ("merchant", "收到 开好了在订单里下载"),
    ]),
    C("cv-149", "cvf-neg-numbers-codes", [], _NUMBERS, [
        ("customer", "快递柜取件码多少"),
        ("merchant", "取件码是发到您收货手机上的 我们这边看不到哦"),
        ("merchant", "柜子编号是{n}号柜"),
    ]),
    C("cv-150", "cvf-neg-numbers-bulk", [], _NUMBERS, [
        ("customer", "要多少件起批"),
        ("merchant", "{qty}件起"),
        ("merchant", "单价{price}"),
        ("merchant", "满{n}箱包邮"),
    ]),
    C("cv-151", "cvf-neg-numbers-bulk", [], _NUMBERS, [
        ("customer", "我要{qty}个 能分几次发吗"),
        ("merchant", "可以 第一批{n}个"),
        ("merchant", "第二批{date}"),
        ("merchant", "剩下的月底前发完"),
    ]),

    # heated but civil dispute
    C("cv-152", "cvf-neg-civil-refund", [], _CIVIL, [
        ("customer", "你们这什么破质量 用一天就坏了"),
        ("merchant", "非常抱歉给您带来不好的体验"),
        ("merchant", "您拍个视频 我们核实后直接退款或换新"),
        ("customer", "我不要换 我要退"),
        ("merchant", "可以的 您在订单里申请退款 我这边同意"),
    ]),
    C("cv-153", "cvf-neg-civil-refund", [], _CIVIL, [
        ("customer", "说好三天交稿 现在一周了"),
        ("merchant", "这个是我们的问题 延期了 很抱歉"),
        ("customer", "你们太不靠谱了"),
        ("merchant", "理解您的心情 今晚一定交 延期部分给您退{n}%"),
    ]),
    C("cv-154", "cvf-neg-civil-refund", [], _CIVIL, [
        ("customer", "我要给差评"),
        ("merchant", "评价是您的权利 我们尊重"),
        ("merchant", "不过还是希望给我们一个解决的机会"),
        ("customer", "没必要了"),
        ("merchant", "好的 后续需要售后随时找我们"),
    ]),
    C("cv-155", "cvf-neg-civil-disagree", [], _CIVIL, [
        ("customer", "明明是你们发错了 凭什么让我出运费"),
        ("merchant", "我们核对了发货记录 发的是您下单的款"),
        ("customer", "我下的是黑色！"),
        ("merchant", "订单上是白色 截图给您 有异议可以申请平台介入 我们配合"),
    ]),
    C("cv-156", "cvf-neg-civil-disagree", [], _CIVIL, [
        ("customer", "你们客服态度太差了"),
        ("merchant", "对不起 我们会改进"),
        ("customer", "说对不起有什么用"),
        ("merchant", "您说得对 我先把问题处理好 退款已经同意了"),
    ]),
    C("cv-157", "cvf-neg-civil-disagree", [], _CIVIL, [
        ("customer", "改了五版还是不对 我不接受"),
        ("merchant", "前五版都是按您的意见改的"),
        ("merchant", "如果确实不满意 可以验收不通过 申请平台仲裁"),
        ("customer", "好 那就仲裁"),
        ("merchant", "好的 我这边会提交全部沟通记录"),
    ]),
    C("cv-158", "cvf-neg-civil-firm", [], _CIVIL, [
        ("customer", "不退款我就天天给你打差评"),
        ("merchant", "您的诉求我明白 但商品已经使用 不符合七天无理由"),
        ("merchant", "您可以申请平台介入 我们按平台判定执行"),
    ]),
    C("cv-159", "cvf-neg-civil-firm", [], _CIVIL, [
        ("customer", "我要去12315投诉你们"),
        ("merchant", "可以的 这是您的权利"),
        ("merchant", "我们有完整的沟通记录和发货凭证 会配合调查"),
    ]),
    C("cv-160", "cvf-neg-civil-firm", [], _CIVIL, [
        ("customer", "你们就是骗子"),
        ("merchant", "请您冷静一下 我们是正规店铺"),
        ("merchant", "货已经签收 物流记录都在 有问题咱们一起解决"),
    ]),
    C("cv-161", "cvf-neg-civil-firm", [], _CIVIL, [
        ("customer", "你再这样拖 我真的要骂人了"),
        ("merchant", "非常理解 是我们没处理好"),
        ("merchant", "今天下班前一定给您答复"),
    ]),

    # ordinary conversation
    C("cv-162", "cvf-neg-ord-shopping", [], _ORDINARY, [
        ("customer", "这款台灯有暖光吗"),
        ("merchant", "有的 三档调光"),
        ("customer", "好 下单了"),
        ("merchant", "谢谢亲 今天发货"),
    ]),
    C("cv-163", "cvf-neg-ord-shopping", [], _ORDINARY, [
        ("customer", "茶叶是今年的新茶吗"),
        ("merchant", "是的 {date}刚采的"),
        ("merchant", "喜欢浓一点的话推荐这款"),
    ]),
    C("cv-164", "cvf-neg-ord-shopping", [], _ORDINARY, [
        ("customer", "书包能刻字吗"),
        ("merchant", "可以 最多六个字"),
        ("customer", "那就刻名字"),
        ("merchant", "好的 下单时备注名字就行"),
    ]),
    C("cv-165", "cvf-neg-ord-design", [], _ORDINARY, [
        ("customer", "logo初稿收到了 字体能再粗一点吗"),
        ("merchant", "可以 我调一下"),
        ("merchant", "改好了 您看下这版"),
        ("customer", "好多了"),
    ]),
    C("cv-166", "cvf-neg-ord-design", [], _ORDINARY, [
        ("customer", "网站首页颜色能换成蓝色系吗"),
        ("merchant", "没问题 我出两个色板给您选"),
        ("customer", "👍"),
    ]),
    C("cv-167", "cvf-neg-ord-design", [], _ORDINARY, [
        ("customer", "宣传册印多少份合适"),
        ("merchant", "看您活动规模 一般{qty}份起印比较划算"),
        ("customer", "那就{qty}份"),
        ("merchant", "好的 我按这个数量报价"),
    ]),
    C("cv-168", "cvf-neg-ord-old-place", [], _ORDINARY, [
        ("customer", "还是寄到上次那个地址吗"),
        ("merchant", "对 订单里的地址没变的话就寄老地方"),
        ("customer", "没变"),
        ("merchant", "好嘞"),
    ]),
    C("cv-169", "cvf-neg-ord-old-place", [], _ORDINARY, [
        ("customer", "这次还按上次的方式发吗"),
        ("merchant", "对 还是发顺丰"),
        ("customer", "行"),
    ]),
    C("cv-170", "cvf-neg-ord-nickname", [], _ORDINARY, [
        ("customer", "你昵称怎么改了"),
        ("merchant", "店铺升级改名了 还是原来的店"),
        ("customer", "哦哦 我还以为换人了"),
    ]),
    C("cv-171", "cvf-neg-ord-nickname", [], _ORDINARY, [
        ("customer", "你头像换了啊"),
        ("merchant", "对 换成新店标了 好看吗"),
        ("customer", "挺好看"),
    ]),
    C("cv-172", "cvf-neg-ord-content", [], _ORDINARY, [
        ("customer", "你这篇穿搭笔记里的外套哪买的"),
        ("merchant", "就是我店里的 主页有商品链接"),
        ("customer", "找到了 谢谢"),
    ]),
    C("cv-173", "cvf-neg-ord-content", [], _ORDINARY, [
        ("customer", "你家视频里那个收纳盒有小号吗"),
        ("merchant", "有 小号在商品页规格里选"),
        ("customer", "看到了 谢谢"),
    ]),
    C("cv-174", "cvf-neg-ord-content", [], _ORDINARY, [
        ("customer", "晚上好 能问问尺码吗"),
        ("merchant", "晚上好 您平时穿多大"),
        ("customer", "一般M"),
        ("merchant", "这款偏小 建议L"),
    ]),
]
