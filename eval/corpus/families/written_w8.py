"""Independent writer w8 (second-hand electronics and repair): contact details in disguise and number-heavy look-alikes. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, F  # noqa: F401

FAMILIES = [
    # ------------------------------------------------------------------ violations: other shop
    F("w8-other-shop-xianyu-cheaper", [OFFSITE], "other shop", [
        "这台13Pro这里挂{price}，你去闲鱼搜{shop}，那边便宜两百",
        "平台扣点太高了，同款我咸鱼也挂着，搜店名{shop}直接拍",
        "亲 鱼上我那个号也有这台，去那边下单不用付手续费",
        "想拿底价就去闲鱼找我吧，名字一样叫{shop}",
        "这边库存显示没了，其实还有两台，在我淘宝店{shop}拍",
    ]),
    F("w8-other-shop-repair-elsewhere", [OFFSITE], "other shop", [
        "换屏这个店没上链接，去拼多多搜{shop}拍维修项目",
        "换电池去我们抖音小店下单哈，这边拍不了",
        "本店只卖整机，修手机去美团搜{shop}，那个也是我家",
        "屏幕总成我京东店有货，价一样，去那拍发货快",
        "这个尾插配件这边下架了 拼夕夕搜{shop}还有",
    ]),
    F("w8-other-shop-come-to-store", [OFFSITE], "other shop", [
        "同城的话别在这拍了，直接来华强北店里拿，当面验机",
        "这单你先取消，来我{city}门店买，能再让你{n}块",
        "在{city}吗？来实体店提货，不走平台省得扣点",
        "线上下单还要等快递，来店里拿现货吧，价格按店里的算",
    ]),
    # ------------------------------------------------------------------ violations: off-platform payment
    F("w8-pay-direct-transfer-discount", [OFFSITE], "off-platform payment", [
        "走平台要加{n}个点，直接转账给我按{price}算",
        "亲 付款别走平台了，支付宝转我，照样顺丰发",
        "定金{price}先转我，机器给你留三天",
        "你拍了我还得改价，麻烦，银行卡打款吧卡号我发你",
        "想便宜点就私下转，平台这单我关掉",
    ]),
    F("w8-pay-repair-fee-scan-code", [OFFSITE], "off-platform payment", [
        "修好了，维修费{price}到店扫收款码就行，不用拍补差链接",
        "补差价不用再下单，我发个收款码你扫一下",
        "配件钱你扫码给我，平台这单我先给你退了",
        "换电池{price}，取机时现金或者扫店里的码，线上订单取消",
        "差价{price}直接转我就行 不用再拍一单了",
    ]),
    F("w8-pay-low-link-rest-private", [OFFSITE], "off-platform payment", [
        "你平台上拍个1块的链接，剩下{price}私下转",
        "走个过场拍1元，差额支付宝转我，手续费就省了",
        "订单金额我改成{n}块，其余的你另外转我哈",
        "链接价随便拍，实际{price}，差多少转多少",
        "先拍邮费链接占个单，机器钱另外给我就行",
    ]),
    # ------------------------------------------------------------------ violations: partial number
    F("w8-partial-number-in-pieces", [OFFSITE], "partial number", [
        "号码前三位{phone_head}，中间{phone_mid}，最后{phone_tail}，打这个",
        "有事打我 {phone_head}开头 尾号{phone_tail} 中间是{phone_mid}",
        "电话拆开发你：{phone_head}…{phone_mid}…{phone_tail}",
        "店里座机占线就打手机，{phone_head}-{phone_mid}再加{phone_tail}",
        "修好通知你，记一下 {phone_mid}{phone_tail}，前面是{phone_head}",
    ]),
    F("w8-partial-number-masked-fill", [OFFSITE], "partial number", [
        "快递面单上那个{phone_masked}就是我，星号是{phone_mid}",
        "我号{phone_masked}，中间四位{phone_mid}，自己补上",
        "回收价电话里谈，{phone_masked}，星号处填{phone_mid}",
        "尾号{phone_tail}，{phone_head}开头那个就是我，微信同号",
        "{phone_masked} 这个是我手机，中间四位下条发你",
    ]),
    # ------------------------------------------------------------------ violations: number in words
    F("w8-number-words-phone", [OFFSITE], "number in words", [
        "急修打我电话：{phone_cn}",
        "收旧机直接联系{phone_cn}，白天都在店里",
        "屏幕到货了，打{phone_cn}约个时间来换",
        "数字发不出去，我用汉字写：{phone_cn}",
        "亲 这台机子细节电话里说吧，{phone_cn}",
    ]),
    F("w8-number-words-qq", [OFFSITE], "number in words", [
        "实拍图太多发不完，企鹅{qq_cn}，我传给你",
        "扣扣{qq_cn}，验机视频都在空间里",
        "Q号：{qq_cn}，回收报价表在那",
        "拆机图这儿压缩太糊，加{qq_cn}传原图",
        "{qq_cn} 我的扣号，刷机包那边发",
    ]),
    F("w8-number-words-after-service", [OFFSITE], "number in words", [
        "已发货单号{track}，路上有问题直接打我{phone_cn}",
        "维修完成，取机前打个电话{phone_cn}，平台消息我不常看",
        "感谢支持～以后换电池直接找我，{phone_cn}",
        "这台{price}收了，下次有旧机打{phone_cn}上门收",
    ]),
    # ------------------------------------------------------------------ violations: obfuscated email
    F("w8-email-at-in-words", [OFFSITE], "obfuscated email", [
        "检测报告发你邮箱也行，我的是{mail_user} 圈a {mail_host}",
        "要电子版保修单？发邮件给我，{mail_user}艾特{mail_host}",
        "高清图打包发你，邮箱{mail_user}（at）{mail_host}",
        "刷机日志发我看看：{mail_user} # {mail_host}，#换成@",
        "图太多这发不了，给我写信 {mail_user} 小老鼠 {mail_host}",
    ]),
    F("w8-email-split-parts", [OFFSITE], "obfuscated email", [
        "邮箱：用户名{mail_user}，后缀{mail_host}，自己拼一下",
        "序列号截图发我邮箱吧 {mail_user}[at]{mail_host}",
        "{mail_user} 后面接圈圈a再接{mail_host}，照片发那里",
        "报价单我不在这发，你发邮件要，前缀{mail_user} 后面{mail_host}",
        "电池报告pdf发你？先给我发个邮件，{mail_user}，{mail_host}那个",
    ]),
    # ------------------------------------------------------------------ violations: obfuscated link
    F("w8-link-spelled-domain", [OFFSITE], "obfuscated link", [
        "全部库存在我自己网站，{dom} 点 com，比这便宜",
        "机器清单在{dom}点cn，进去找二手区",
        "网址发不了，w w w . {dom} . top，上面直接下单",
        "回收估价去我们官网，{dom}，后缀com，比这里准",
        "价格表在 {dom}(点)net 自己看 这边不好发",
    ]),
    F("w8-link-copy-to-browser", [OFFSITE], "obfuscated link", [
        "复制 {dom}·com/repair 到浏览器，预约上门修",
        "链接被吞了，去掉空格：{dom} . cn / shop",
        "进{dom}那个站，拼音就是店名，二手iPad都在上面",
        "浏览器打开 {url}（点换成.）有完整报价，别在这拍",
        "h t t p : / / {dom} . net 填型号就出回收价",
    ]),
    # ------------------------------------------------------------------ violations: abbreviation
    F("w8-abbrev-vx-handle", [OFFSITE], "abbreviation", [
        "vx：{wx} 加了发你验机视频",
        "要实拍图+v {wx}",
        "wx{wx}，回收报价快",
        "有问题直接v我 {wx}，这边回得慢",
        "V❤：{wx} 备注型号",
    ]),
    F("w8-abbrev-q-handle", [OFFSITE], "abbreviation", [
        "Q {qq} 刷机包发你",
        "q号{qq}，在线回的快",
        "扣{qq} 拆机图都在",
        "配件清单发你q上，{qq}",
        "急的话dd我，钉钉搜{wx}",
    ]),
    F("w8-abbrev-in-order-update", [OFFSITE], "abbreviation", [
        "顺丰已发，单号{track}，后续售后加vx{wx}找我",
        "感谢购买～电池保一年，保修期内直接wx{wx}联系",
        "换好屏了，测试正常，来取之前v我一下 {wx}",
        "这台{price}已经到底了，还想让的话+v聊 {wx}",
        "收到啦 明天拆机 进度v信发你 {wx}",
    ]),
    # ------------------------------------------------------------------ violations: styled digits
    F("w8-styled-circled-phone", [OFFSITE], "styled digits", [
        "电话：{phone_circled}",
        "急修热线{phone_circled}，24h在线",
        "回收上门，预约打 {phone_circled}",
        "这不让发号，看这个：{phone_circled}",
        "机子问题多说不清，打我{phone_circled}",
    ]),
    F("w8-styled-fullwidth-phone", [OFFSITE], "styled digits", [
        "联系方式{phone_full} 同微",
        "屏幕总成现货，要的打{phone_full}",
        "{phone_full} 这个号24小时开机，修机随时",
        "亲 收到货有问题先别退，打我：{phone_full}",
        "旧机回收估价打这个 {phone_full}",
    ]),
    F("w8-styled-digits-in-service", [OFFSITE], "styled digits", [
        "寄修的机器收到了，检测完打{phone_circled}找我拿结果",
        "尾款{price}，到店前打{phone_full}我下楼接你",
        "好评已看到谢谢～下次修机直接打{phone_circled}",
        "主板修好了，有问题打{phone_full}，这里不常在线",
    ]),
    # ------------------------------------------------------------------ hard negatives: version number
    F("w8-version-system", [], "version number", [
        "这台系统iOS {version}，没升过级",
        "出厂鸿蒙{version}，已经恢复出厂设置了",
        "基带版本{version}，信号正常",
        "刷的是MIUI {version}稳定版，别刷开发版",
        "系统要{version}以上才显示电池健康，你升一下",
    ]),
    F("w8-version-tools", [], "version number", [
        "用爱思助手{version}验的机，报告全绿",
        "3uTools {version} 出的报告，截图在详情页第5张",
        "你电脑上iTunes要更新到{version}才认得出来",
        "iPadOS {version}有个掉电bug，不是电池问题哈",
    ]),
    F("w8-version-firmware", [], "version number", [
        "耳机固件V{version}，降噪那个bug修了",
        "手表升到{version}后续航好不少，建议升",
        "{version}这个版本有信号问题，先别更新",
        "路由器刷回官方固件{version}了，放心用",
        "充电宝固件{version}，支持PD快充",
    ]),
    # ------------------------------------------------------------------ hard negatives: order or tracking number
    F("w8-order-number-check", [], "order or tracking number", [
        "订单号{order}收到，今天下午发",
        "麻烦报下订单号，我查是哪台机",
        "查了{order}这单，钱到了，在质检",
        "亲 {order}这单备注黑色256G对吧",
        "你发的{order}是上个月那台吧，还在保修期",
    ]),
    F("w8-tracking-shipped", [], "order or tracking number", [
        "已发顺丰，单号{track}",
        "单号{track}，明天到{city}",
        "快递{track}显示派送中了，注意查收哈",
        "你寄修的件收到了，单号{track}，店员签的",
        "回寄单号{track}，机器包了三层泡沫，放心",
    ]),
    F("w8-aftersale-numbers", [], "order or tracking number", [
        "寄回来后把运单号填在退货申请里就行",
        "退款单号{order}，原路退，1-3个工作日到",
        "换货的新机单号{track}，旧机等你寄回",
        "售后单{order}处理好了，来回运费我出",
    ]),
    # ------------------------------------------------------------------ hard negatives: numbers in work content
    F("w8-imei-serial-check", [], "numbers in work content", [
        "IMEI跟包装盒一致，尾号7732，收到核对下",
        "序列号F17XK3开头那台是国行，另一台港版",
        "机身编号后四位0915，拍照给你对过了",
        "两个IMEI都查过，卡1卡2都正常",
        "序列号查了保修还剩{n}天，苹果官网能查",
    ]),
    F("w8-spec-sheet", [], "numbers in work content", [
        "6.1寸 OLED 2532x1170 原装屏没换过",
        "电池4323mAh，健康88%，循环312次",
        "M1 8+256 A2338 13.3寸 键盘无磨损",
        "规格：12+512 / 5000mAh / 120W / 6.67寸",
        "尺寸146.7×71.5×7.65mm，重174g",
    ]),
    F("w8-repair-error-codes", [], "numbers in work content", [
        "报错4013基本是硬盘或CPU，要拆开看",
        "充电IC坏了，型号1610A3，主板上U2那颗",
        "错误代码9一般是排线接触不良",
        "WiFi灰色是339S00433那颗芯片虚焊",
        "螺丝是0.8mm五角的，拆过会留痕，这台没有",
    ]),
    F("w8-part-numbers-compat", [], "numbers in work content", [
        "A2484和A2643的屏不通用，别买错",
        "这块电池编号616-00514，适配12和12Pro",
        "内存条DDR4 3200 16G，笔记本两个槽都能插",
        "尾插排线821-03005，原拆件，测过能快充",
    ]),
    # ------------------------------------------------------------------ hard negatives: security advice
    F("w8-security-wipe-before-sell", [], "security advice", [
        "寄回收前记得退出ID，关掉查找，再抹掉数据",
        "卖之前把银行卡和支付都解绑，我这边也会刷机",
        "备份完先退账号，不然激活锁解不掉",
        "旧机卖前把微信聊天记录备份后删掉，安全点",
        "到手先改密码，原主的账号我已经退干净了",
    ]),
    F("w8-security-dont-share-codes", [], "security advice", [
        "换屏不需要锁屏密码，谁要都别给",
        "验证码谁问都别给，包括我们店",
        "手机别root，网银用不了还不安全",
        "别连陌生WiFi登支付宝，二手机到手先恢复出厂",
        "有人冒充我们要你ID密码的话直接拉黑",
    ]),
    F("w8-security-data-repair", [], "security advice", [
        "修电脑前重要资料自己拷走，我们不碰个人文件",
        "数据导完当你面把旧盘格式化",
        "回收的机子统一DFU刷机，数据恢复不了",
        "私密照片建议先传自己云端再送修",
    ]),
    # ------------------------------------------------------------------ hard negatives: quantity or price
    F("w8-price-machines", [], "quantity or price", [
        "14Pro 256 现价{price}，两台一起拿再让50",
        "原装充电头要{qty}个的话，单价{price}",
        "这批11一共{qty}台，打包价按台算",
        "95新，{price}包邮，不议价哈",
        "同配置的黑色比白色贵100",
    ]),
    F("w8-price-repair-quote", [], "quantity or price", [
        "后盖碎了换一个{price}，半小时取",
        "报价：电池{price}，尾插80，人工不收",
        "检测免费，修不好不收钱",
        "进水先付检测费30，修好了抵扣",
        "外屏{price}，内外屏一起换贵不少，看你",
    ]),
    F("w8-price-trade-in", [], "quantity or price", [
        "你那台12 128G回收大概{price}",
        "有划痕扣{n}块，屏幕完好不扣",
        "三台一起收的话每台多给20",
        "旧机折价{price}，新机在平台拍补差链接就行",
    ]),
    # ------------------------------------------------------------------ hard negative: recipient phone from the order
    F("w8-confirm-masked-recipient", [], "logistics and address", [
        "收件电话{phone_masked}是你本人吧？快递员会打这个",
        "订单里留的{phone_masked}对吗，顺丰要电话确认",
        "地址{city}那个，电话尾号{phone_tail}，没错的话就发了",
        "收件人电话显示{phone_masked}，要改的话在订单里改",
    ]),
    # ------------------------------------------------------------------ ordinary chat
    F("w8-chat-condition", [], "ordinary chat", [
        "在的，什么问题",
        "这台成色不错，就边框一点磕",
        "好的，下午给你发",
        "收到了吗？开机看看有没有问提",
        "不客气 用着有问题随时来问",
    ]),
    F("w8-chat-repair-progress", [], "ordinary chat", [
        "机器到了，在检测，晚点告诉你结果",
        "屏幕换好了，触摸正常，明天寄回",
        "拆开看了，主板有腐蚀，要先清洗",
        "师傅今天请假，明早修，别急哈",
        "修好了 充电正常 测试视频传订单里了",
    ]),
    F("w8-chat-bargain", [], "ordinary chat", [
        "这价真的到底了，老板不让降了😂",
        "成色放心，不满意七天无理由",
        "嗯嗯 有现货 拍下就发",
        "周末也发货的，不用担心",
        "颜色只剩远峰蓝了，要吗",
    ]),
]
