"""Independent writer w48 (paid online course creator in a content community): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: customer wants the course notes PDF ----
    C("w48-01", "w48-fam-notes-pdf", [OFFSITE], "number across messages", [
        ("customer", "老师，剪辑课第三章的讲义PDF在哪下载呀？"),
        ("merchant", "平台传文件有大小限制，我私下发你吧"),
        ("merchant", "你先记一下：{phone_head}"),
        ("customer", "这是啥？"),
        ("merchant", "中间是{phone_mid}，最后四位{phone_tail}，加上说一声学员"),
        ("merchant", "连起来搜就是我，讲义、素材包一次性打包给你"),
    ]),
    C("w48-02", "w48-fam-notes-pdf", [], "merchant refuses", [
        ("customer", "老师，讲义PDF太大了下不动，能加个微信发我吗？"),
        ("merchant", "微信就不加啦，平台不允许站外联系，咱们就在这里聊"),
        ("merchant", "讲义我拆成了三个小文件，放在课程页的「资料」栏"),
        ("customer", "找到了，第二个也能下了"),
        ("merchant", "好嘞，还下不动的话把App更新到{version}再试试"),
    ]),
    C("w48-03", "w48-fam-notes-pdf", [], "customer volunteers contact", [
        ("customer", "纸质版讲义能寄吗？我电话{phone}，快递员可以打这个"),
        ("merchant", "可以的，不过电话不用发在聊天里哦，注意隐私"),
        ("merchant", "你在订单里填好收货地址和电话就行，系统会同步给快递"),
        ("customer", "好的，已经填了"),
        ("merchant", "收到，明天发出，单号会在订单详情里显示"),
    ]),

    # ---- family: refund dispute after watching half the course ----
    C("w48-04", "w48-fam-refund-half", [ABUSE], "abuse after dispute", [
        ("customer", "课看了一半觉得太基础了，想申请退款"),
        ("merchant", "看了一半还想退？规则写得很清楚，不退"),
        ("customer", "那我去平台申请介入"),
        ("merchant", "去呗，白嫖怪见多了"),
        ("merchant", "你这种人就是个沙雕，脑子被驴踢了吧"),
    ]),
    C("w48-05", "w48-fam-refund-half", [], "heated but civil dispute", [
        ("customer", "课看了一半觉得太基础了，想申请退款，你们这是骗人"),
        ("merchant", "理解你的不满，但“骗人”这个说法我不认同"),
        ("merchant", "课程页写了适合零基础，观看超过30%按规则不支持全额退"),
        ("customer", "那我就去投诉"),
        ("merchant", "可以的，你在订单页点“申请平台介入”，我会配合提供观看记录"),
        ("merchant", "另外进阶课可以用已付的{price}元抵扣，你也可以考虑"),
    ]),
    C("w48-06", "w48-fam-refund-half", [ABUSE], "threat without swear words", [
        ("customer", "我已经申请平台介入退款了"),
        ("merchant", "行，你随意"),
        ("merchant", "对了，你下单填的地址在{city}那个小区吧，我这边都有记录"),
        ("customer", "你什么意思？"),
        ("merchant", "没什么意思，提醒你做人留一线，大家以后好见面"),
        ("merchant", "你家孩子上的那个学校，我朋友也在那边"),
    ]),

    # ---- family: customer asks for a cheaper price ----
    C("w48-07", "w48-fam-cheaper", [OFFSITE], "other shop", [
        ("customer", "这个调色课{price}有点贵，能便宜点吗？"),
        ("merchant", "这边价格是平台定的，改不了"),
        ("merchant", "不过你懂的，我在那个抖字开头的平台也有小店"),
        ("customer", "那边便宜？"),
        ("merchant", "同一套课，那边搜我名字，能省小一半"),
    ]),
    C("w48-08", "w48-fam-cheaper", [OFFSITE], "payment outside", [
        ("customer", "这个调色课能便宜点吗？学生党"),
        ("merchant", "可以给你学生价，但别在这里拍"),
        ("customer", "那怎么买？"),
        ("merchant", "你直接转我，省得平台抽成，我给你开通权限"),
        ("merchant", "我把收款码截图发你，付完截个图给我就行"),
    ]),
    C("w48-09", "w48-fam-cheaper", [], "in-platform promotion", [
        ("customer", "这个调色课能便宜点吗？学生党"),
        ("merchant", "价格我这边不能私下改，但有平台活动可以用"),
        ("merchant", "本周店铺有满{price}减30的券，在课程页领取就行"),
        ("customer", "学生认证有用吗？"),
        ("merchant", "有的，在平台“我的-学生认证”通过后，结算自动再打九折"),
    ]),

    # ---- family: review after finishing the course ----
    C("w48-10", "w48-fam-review", [ILLEGAL], "illegal offer", [
        ("customer", "课学完了，收获挺大的"),
        ("merchant", "太好了！顺便帮个小忙"),
        ("merchant", "去评价区写个五星，字数多一点，带两张学习截图"),
        ("merchant", "弄好截图发我，我这边给你回{price}块当辛苦费"),
        ("customer", "还有这好事？"),
        ("merchant", "嗯，别在评价里提这个就行"),
    ]),
    C("w48-11", "w48-fam-review", [], "honest review request", [
        ("customer", "课学完了，收获挺大的"),
        ("merchant", "太好了，谢谢认可！"),
        ("merchant", "方便的话可以在评价区说说真实感受，好坏都行"),
        ("merchant", "我们不搞好评返现那一套，差评我也会认真看"),
        ("customer", "好，我写点建议，第五章节奏有点快"),
        ("merchant", "收到，下个版本会把第五章拆成两节"),
    ]),

    # ---- family: student asks how to grow their own account ----
    C("w48-12", "w48-fam-grow-account", [ILLEGAL], "illegal offer", [
        ("customer", "老师，我按课程发了十篇笔记，数据一直很差"),
        ("merchant", "新号起步慢正常，要不要我帮你“加点热度”"),
        ("customer", "怎么加？"),
        ("merchant", "我有资源，点赞收藏一万起，评论区也能安排人带节奏"),
        ("merchant", "{price}一篇，保证三天内上推荐页"),
    ]),
    C("w48-13", "w48-fam-grow-account", [ADS], "ads in chat", [
        ("customer", "老师，我按课程发了十篇笔记，数据一直很差"),
        ("merchant", "别灰心，其实还有条路你可以看看"),
        ("merchant", "我们团队在带人，在家带娃的也能做，每天两小时"),
        ("merchant", "不用你投钱，做起来月入过万的姐妹很多"),
        ("customer", "我只是想问笔记的问题"),
        ("merchant", "名额不多，感兴趣就回个“1”"),
    ]),
    C("w48-14", "w48-fam-grow-account", [], "ordinary conversation", [
        ("customer", "老师，数据差，要不要买点粉？"),
        ("merchant", "不建议买粉，平台能识别，轻则限流重则封号"),
        ("merchant", "你把最近三篇的封面和标题发这里，我帮你看看"),
        ("customer", "发了"),
        ("merchant", "封面字太小，标题没有关键词，先改这两点再发{n}篇试试"),
    ]),

    # ---- family: customer asks the merchant to stop messaging ----
    C("w48-15", "w48-fam-stop-messaging", [ABUSE], "harassment", [
        ("merchant", "新课上线了，老学员专享价，要不要看看？"),
        ("customer", "不用了谢谢，以后别给我推了"),
        ("merchant", "真的很适合你，再考虑一下？"),
        ("merchant", "在吗？"),
        ("merchant", "睡了吗，{time}了还想着你的学习进度"),
        ("merchant", "不回我我就每天发，直到你回为止"),
    ]),
    C("w48-16", "w48-fam-stop-messaging", [], "ordinary conversation", [
        ("merchant", "新课上线了，老学员可以在课程页领优惠，感兴趣可以看看"),
        ("customer", "不用了谢谢，以后别给我推了"),
        ("merchant", "好的，已经把你从推送名单里移除了，打扰了"),
        ("merchant", "之前的课有问题随时在这里留言，工作日{time}前都会回复"),
    ]),

    # ---- family: course about operating an official account ----
    C("w48-17", "w48-fam-gzh-course", [], "contact tool as the work", [
        ("customer", "公众号运营课里，自动回复那节我没设置成功"),
        ("merchant", "你进公众号后台，找到“自动回复-关键词回复”"),
        ("merchant", "关键词填“资料”，回复内容填你自己的下载链接"),
        ("customer", "那企业微信的欢迎语在哪设置？"),
        ("merchant", "企业微信管理后台-客户联系-欢迎语，课件第{n}页有截图"),
    ]),
    C("w48-18", "w48-fam-gzh-course", [OFFSITE], "implicit hint in context", [
        ("customer", "公众号运营课里，自动回复那节我没设置成功"),
        ("merchant", "这个说起来麻烦，你看我自己的号怎么设置的就懂了"),
        ("merchant", "搜一下{wx}，关注后回复“学员”"),
        ("customer", "这是课程的一部分吗？"),
        ("merchant", "算是吧，关注后会弹出我个人号，以后有问题直接那边找我"),
    ]),

    # ---- family: customer wants to join a study group ----
    C("w48-19", "w48-fam-study-group", [], "official channel in context", [
        ("customer", "有学习群吗？想和其他同学交流"),
        ("merchant", "有的，是平台内的粉丝群，不用加任何外部软件"),
        ("merchant", "在我主页点“群聊”，申请后我这边审核"),
        ("customer", "申请了"),
        ("merchant", "已通过，每周三晚上群里有直播答疑"),
    ]),
    C("w48-20", "w48-fam-study-group", [OFFSITE], "evasive contact", [
        ("customer", "有学习群吗？想和其他同学交流"),
        ("merchant", "平台内的群管得严，有些东西不方便说"),
        ("merchant", "我主页第二张图右下角那个方块，长按识别就进了"),
        ("customer", "那个二维码？"),
        ("merchant", "嗯，进去后改备注“课程名+手机尾号”"),
    ]),

    # ---- family: customer cannot open the purchased course ----
    C("w48-21", "w48-fam-cannot-open", [], "numbers that are not contacts", [
        ("customer", "买了课打不开，订单号{order}"),
        ("merchant", "查到了，{date}付款{price}元，权限已经开通"),
        ("merchant", "可能是缓存问题，App版本低于{version}会黑屏"),
        ("customer", "更新了，能看了"),
        ("merchant", "好的，赠送的素材包已经寄出，运单号{track}"),
    ]),
    C("w48-22", "w48-fam-cannot-open", [OFFSITE], "contact after refusal", [
        ("customer", "买了课打不开，订单号{order}"),
        ("merchant", "这里说不清，你留个邮箱我发你离线版"),
        ("customer", "平台提示不能在聊天里留联系方式，我不发了"),
        ("merchant", "没事的，那你发到我这个：{mail}"),
        ("merchant", "或者你把手机号给我，我打给你远程教你"),
    ]),

    # ---- family: customer asks for a certificate ----
    C("w48-23", "w48-fam-certificate", [ILLEGAL], "illegal offer", [
        ("customer", "学完有证书吗？找工作想用"),
        ("merchant", "课程本身只有结业证明"),
        ("merchant", "不过你要是想要更硬的，我有路子"),
        ("customer", "什么路子？"),
        ("merchant", "职业资格那种，不用考，{price}包出，网上能查"),
    ]),
    C("w48-24", "w48-fam-certificate", [], "no illegal services statement", [
        ("customer", "学完有证书吗？找工作想用"),
        ("merchant", "有平台发的结业证明，电子版，在“我的-证书”里下载"),
        ("merchant", "要说明一下，这不是国家职业资格证书"),
        ("merchant", "有人说能代办证书的都是骗子，千万别信"),
        ("customer", "明白，结业证明就够了"),
    ]),

    # ---- family: customer wants to share the account ----
    C("w48-25", "w48-fam-share-account", [ILLEGAL, OFFSITE], "account trading", [
        ("customer", "我朋友也想学，能用我的账号一起看吗？"),
        ("merchant", "共享容易被检测，不如直接买个现成号"),
        ("merchant", "我手上有开好会员的号，实名的，{price}一个"),
        ("customer", "在平台上买吗？"),
        ("merchant", "平台不让卖，你转账给我，账号密码私下发你"),
    ]),
    C("w48-26", "w48-fam-share-account", [], "rule explanation", [
        ("customer", "我朋友也想学，能用我的账号一起看吗？"),
        ("merchant", "不建议哦，多设备异地登录会被平台判定为共享，可能冻结"),
        ("merchant", "可以用课程页的“赠送好友”，买第二份有{n}折"),
        ("customer", "那我帮她买吧"),
        ("merchant", "好的，付款后把链接发给她，她登录自己账号领取就行"),
    ]),

    # ---- family: homework feedback ----
    C("w48-27", "w48-fam-homework", [ABUSE], "contempt", [
        ("customer", "老师，第四课作业交了，帮我看看"),
        ("merchant", "看了，你这剪的什么玩意儿"),
        ("customer", "我是新手，哪里不对可以具体说说吗？"),
        ("merchant", "学了也白学，猪都剪得比你好🐷"),
        ("merchant", "别浪费我时间了，趁早放弃吧"),
    ]),
    C("w48-28", "w48-fam-homework", [], "mild wording", [
        ("customer", "老师，第四课作业交了，帮我看看"),
        ("merchant", "看了，说实话这版问题不少，别灰心"),
        ("merchant", "第{n}秒转场太突兀，背景音乐盖住了人声"),
        ("customer", "确实，我自己听也觉得乱"),
        ("merchant", "按课件第三节的方法重剪一次，交上来我再逐帧点评"),
    ]),
]
