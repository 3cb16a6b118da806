"""Independent writer w41 (used-car dealer and car rental): short conversations where context decides. Written for this corpus."""
from corpus.spec import ABUSE, ADS, ILLEGAL, OFFSITE, C  # noqa: F401

CONVERSATIONS = [
    # ---- family: customer wants to see the car in person ----
    C("w41-01", "w41-fam-viewing", [OFFSITE], "number across messages", [
        ("customer", "老板，这台{year}年的朗逸我想周末过去看看实车，方便吗？"),
        ("merchant", "方便的哥，店在{city}二手车市场B区，到了门口你先报个数字，门卫才放车进场"),
        ("customer", "报什么数字？订单号吗？"),
        ("merchant", "不是订单号，先记{phone_head}"),
        ("merchant", "再记{phone_mid}"),
        ("merchant", "最后{phone_tail}，连起来打过去，我出来接你，平台上就不用再约了"),
    ]),
    C("w41-02", "w41-fam-viewing", [], "customer volunteers contact", [
        ("customer", "老板，这台朗逸周末能看车吗？我电话{phone}，你到时候直接打给我也行"),
        ("merchant", "哥，您的号码我这边就不记了哈，平台不让私下联系，怕您信息泄露"),
        ("merchant", "看车用店铺页面的「预约看车」就行，选周六{time}，系统会发确认短信给您"),
        ("customer", "行，那我去点一下"),
        ("merchant", "好嘞，预约成功后车我提前洗好停在展厅门口"),
    ]),
    C("w41-03", "w41-fam-viewing", [], "merchant refuses", [
        ("customer", "看车前能不能先加个微信？我想让你拍几个底盘的视频"),
        ("merchant", "微信真加不了哈，我们平台规定只能在这儿聊，加了号会被封店"),
        ("merchant", "底盘视频我现在就录，直接在这个对话框里发您，大概两分钟"),
        ("customer", "行，那你发这里吧"),
        ("merchant", "发了，您看下后桥和排气那块，没有磕碰，就是有点正常的浮锈"),
        ("customer", "挺干净的，周末我还是过去看一眼"),
    ]),

    # ---- family: rental deposit ----
    C("w41-04", "w41-fam-deposit", [OFFSITE], "payment outside", [
        ("customer", "租三天的话押金是多少？"),
        ("merchant", "车辆押金{price}，违章押金另算"),
        ("customer", "那我直接在平台下单，押金一起付？"),
        ("merchant", "押金走平台要冻结一个月，太麻烦了，你先下个一天的单占住车"),
        ("merchant", "剩下的押金我等下发张图，你用手机扫一下付过来，还车当场退你，不走系统快得多"),
        ("customer", "扫什么图？"),
        ("merchant", "就是那个绿色的码，扫了直接付给我本人，平台不抽成你也划算"),
    ]),
    C("w41-05", "w41-fam-deposit", [], "numbers that are not contacts", [
        ("customer", "租三天的话押金是多少？"),
        ("merchant", "车辆押金{price}，违章押金另算，两笔都在平台下单时一起预授权冻结"),
        ("customer", "冻结多久能解冻？"),
        ("merchant", "车辆押金还车验车后当天解冻，违章押金按规定要等{n}天查完违章再解"),
        ("customer", "我的订单号是{order}，能帮我看下冻结成功没？"),
        ("merchant", "查到了，两笔都冻结成功，取车那天带身份证和驾驶证原件就行"),
    ]),

    # ---- family: maintenance records and mileage ----
    C("w41-06", "w41-fam-records", [ILLEGAL], "illegal offer", [
        ("customer", "这车表显{n}万公里，有4S店保养记录吗？"),
        ("merchant", "原车主在路边店保养的，4S那边查不到"),
        ("customer", "那有点不放心啊，我转手的时候也不好卖"),
        ("merchant", "这个好办，我认识人，可以给你出一份带公章的全程4S保养单，查档也能查到"),
        ("merchant", "表上的数字你要是嫌高，交车前也能帮你往回拨一拨，加点钱的事，懂的都懂"),
        ("customer", "这样不会有问题吗？"),
        ("merchant", "做了好几年了，从来没出过事"),
    ]),
    C("w41-07", "w41-fam-records", [], "no illegal services statement", [
        ("customer", "这车表显{n}万公里，有4S店保养记录吗？"),
        ("merchant", "原车主在路边店保养的，4S那边确实查不到，这个我不瞒你"),
        ("customer", "能不能给弄一份保养单？好看点"),
        ("merchant", "这个真不行，假保养单、调表这种事我们店不碰，查出来是要吊销执照的"),
        ("merchant", "我可以在平台上给你下一份第三方车况检测报告，车架号{order}，费用我出，里程真不真一看就知道"),
        ("customer", "行，那先出报告吧"),
    ]),

    # ---- family: rental scratch dispute and review ----
    C("w41-08", "w41-fam-scratch", [ABUSE], "abuse after dispute", [
        ("customer", "还车的时候那道划痕明明是取车前就有的，你们扣我{price}不合理"),
        ("merchant", "取车视频里没有这道痕，扣款按合同来的"),
        ("customer", "那我给差评，再去投诉你们"),
        ("merchant", "可以啊，你随便评"),
        ("merchant", "顺便提醒一句，你的身份证复印件和驾驶证照片都还在我们档案里，你住的那个小区我们送车时也去过"),
        ("merchant", "出门在外，和气点对大家都好，你自己掂量"),
    ]),
    C("w41-09", "w41-fam-scratch", [], "heated but civil dispute", [
        ("customer", "还车的时候那道划痕明明是取车前就有的，你们扣我{price}不合理"),
        ("merchant", "我理解您着急，但取车交接视频里左后门确实是完好的，视频我已经上传到订单里了"),
        ("customer", "你们那视频角度根本看不清！我要差评"),
        ("merchant", "评价是您的权利，我们不会干涉。扣款您有异议的话可以在订单页点「申请平台介入」"),
        ("merchant", "平台客服会同时看双方的视频和照片判定，判我们责任的话全额退您，不用担心"),
        ("customer", "那我申请了，看客服怎么说"),
    ]),
    C("w41-10", "w41-fam-scratch", [ILLEGAL, OFFSITE], "illegal offer", [
        ("customer", "扣我{price}我不服，我已经写了差评"),
        ("merchant", "别别，咱们商量一下"),
        ("merchant", "你把评价改成五星，再写两句车况好、老板人好之类的"),
        ("merchant", "改完截个图给我，扣的钱我从绿色软件上给你发个包退回去，再多加一百辛苦费"),
        ("customer", "不走平台退款吗？"),
        ("merchant", "走平台有记录，私下给你更快，别声张就行"),
    ]),

    # ---- family: out-of-town buyer, licence and plate ----
    C("w41-11", "w41-fam-licence", [ILLEGAL], "illegal offer", [
        ("customer", "我驾照还没考下来，科目三挂了两次，能先买车吗？"),
        ("merchant", "车可以先买，开的问题也好解决"),
        ("customer", "怎么解决？"),
        ("merchant", "我有渠道，不用再去考场，{n}天左右本子直接寄给你，系统里能查到"),
        ("merchant", "连车带本一起打包，给你优惠点，好多外地客户都这么弄的"),
    ]),
    C("w41-12", "w41-fam-licence", [], "official channel in context", [
        ("customer", "我驾照还没考下来，科目三挂了两次，能先买车吗？"),
        ("merchant", "能买，车可以先过户到您名下，但没驾照是绝对不能上路的"),
        ("customer", "有没有什么办法快点拿证？"),
        ("merchant", "只能正常考，有人说花钱包过、直接出证的都是骗子，千万别信"),
        ("merchant", "您在交管12123上可以约考，过户那天我陪您去{city}车管所办，车先停我们库里免费放一个月"),
        ("customer", "好，那我先约科三"),
    ]),

    # ---- family: customer said not buying ----
    C("w41-13", "w41-fam-followup", [ABUSE], "harassment", [
        ("customer", "老板谢谢啊，这车我考虑了一下还是不买了，别再给我发了"),
        ("merchant", "哥再考虑考虑呗，这价真是最低了"),
        ("merchant", "哥睡了没？刚又有人来问这台车了"),
        ("merchant", "哥，凌晨两点了我还在店里，就等你一句话"),
        ("customer", "我说了不买，你半夜别再发了"),
        ("merchant", "不回是吧，那我明天换个号再找你，你什么时候回我什么时候停"),
    ]),
    C("w41-14", "w41-fam-followup", [], "mild wording", [
        ("customer", "老板谢谢啊，这车我考虑了一下还是不买了"),
        ("merchant", "没事哥，买车是大事，多比较是应该的"),
        ("merchant", "店里下周会上几台同价位的SUV，要是您以后有需要，可以收藏一下店铺"),
        ("customer", "好的，暂时先不用了，别再给我推了"),
        ("merchant", "明白，不打扰您了，祝您早日选到合适的车"),
    ]),

    # ---- family: cheaper elsewhere ----
    C("w41-15", "w41-fam-elsewhere", [OFFSITE], "other shop", [
        ("customer", "这台凯美瑞{price}还能少点吗？"),
        ("merchant", "这边价格是定死的，平台扣点高"),
        ("merchant", "不过同一台车我在那个卖闲置的鱼上也挂了，店名搜{shop}，那边直接便宜两千"),
        ("customer", "一样的车？"),
        ("merchant", "一模一样，你去那边拍，这边订单我给你关掉"),
    ]),
    C("w41-16", "w41-fam-elsewhere", [], "in-platform promotion", [
        ("customer", "这台凯美瑞我在别的平台看到便宜两千，你们能跟吗？"),
        ("merchant", "别的平台那个不是我们挂的，我们只在这一家开店，您看到的可能是盗图"),
        ("merchant", "价格的话，店铺首页有个满减券，领了能减{n}百，再加上平台的以旧换新补贴"),
        ("customer", "券在哪领？"),
        ("merchant", "商品页右上角「领券」，下单时自动抵扣，我这边后台也能看到"),
        ("customer", "领到了，算下来确实差不多"),
    ]),

    # ---- family: financing ----
    C("w41-17", "w41-fam-loan", [ADS], "ads in chat", [
        ("customer", "我征信有点问题，能做分期吗？"),
        ("merchant", "银行分期肯定批不了"),
        ("merchant", "不过我们合作的一个资金方，黑白户都能下，不看流水不查征信，最快当天到账"),
        ("merchant", "不光买车，你手头紧想周转个三五万也能办，利息好商量，身边朋友有需要也可以推过来，成一单给你返点"),
        ("customer", "这个靠谱吗？"),
        ("merchant", "放心，好多人都在做"),
    ]),
    C("w41-18", "w41-fam-loan", [], "official channel in context", [
        ("customer", "我征信有点问题，能做分期吗？"),
        ("merchant", "分期是平台合作银行审批的，我这边没法保证一定能过"),
        ("merchant", "您可以在商品页点「分期购车」先做个预审，不影响征信，结果几分钟就出来"),
        ("customer", "有人说找中介能包过？"),
        ("merchant", "那种说包过、不查征信的基本都是套路贷，千万别碰。预审过不了就付全款或者选便宜点的车"),
        ("customer", "好，我先预审看看"),
    ]),

    # ---- family: car head unit with WeChat ----
    C("w41-19", "w41-fam-headunit", [], "contact tool as the work", [
        ("customer", "这车的车机能用微信吗？我跑滴滴要用"),
        ("merchant", "能的，这款车机自带微信车载版，开机后扫码登录您自己的微信就能语音回消息"),
        ("customer", "那QQ音乐呢？"),
        ("merchant", "QQ音乐也是预装的，系统版本{version}，交车前我帮您升到最新"),
        ("customer", "行，到时候教我一下怎么登"),
        ("merchant", "没问题，交车当天在店里手把手教，设置完您再把我的手机从车机蓝牙里删掉就行"),
    ]),
    C("w41-20", "w41-fam-headunit", [OFFSITE], "contact after refusal", [
        ("customer", "这车的车机能用微信吗？"),
        ("merchant", "能用，不过激活要远程操作一下"),
        ("merchant", "你加我一下，我远程帮你弄"),
        ("customer", "平台不是不让加外面的联系方式吗？我就在这儿问吧"),
        ("merchant", "在这儿说不清楚，你就搜{wx}，备注车机，我拉你进车友群，群里有教程"),
        ("customer", "我还是不加了"),
        ("merchant", "那你记一下，没事的时候再搜，就那串字母"),
    ]),

    # ---- family: shop ranking ----
    C("w41-21", "w41-fam-ranking", [ILLEGAL], "illegal offer", [
        ("customer", "老板，上次租车挺好的，还有什么需要我帮忙的吗？"),
        ("merchant", "还真有个小忙，店铺最近排名往下掉"),
        ("merchant", "你这周帮我拍{n}单一天的短租，不用来提车，钱我原路给你转回去"),
        ("merchant", "每单再给你五十块辛苦费，拍完确认收货顺便写几句好话就行，你朋友要是有空也可以一起"),
        ("customer", "不提车也能下单？"),
        ("merchant", "能，系统看不出来，大家都这么冲销量的"),
    ]),
    C("w41-22", "w41-fam-ranking", [], "honest review request", [
        ("customer", "老板，上次租车挺好的，还有什么需要我帮忙的吗？"),
        ("merchant", "谢谢您！要是方便的话，订单页能给个真实评价就是最大的帮忙了"),
        ("merchant", "好的坏的都可以写，比如取车排队久这种，我们也好改进，不写也完全没关系"),
        ("customer", "那我评一下，取车确实等了二十分钟"),
        ("merchant", "收到，这周起我们加了一个交车员，以后应该快多了"),
    ]),

    # ---- family: VIN and number lookups ----
    C("w41-23", "w41-fam-vin", [], "numbers that are not contacts", [
        ("customer", "能发下车架号吗？我自己查下出险记录"),
        ("merchant", "可以，车架号是{order}，平台车况页的「出险查询」里输进去就能看"),
        ("customer", "另外发动机号呢？"),
        ("merchant", "发动机号在行驶证第二页，照片我已经在对话框里发了，您对照着看就行"),
        ("customer", "查到了，{year}年有一次小剐蹭，{price}以内"),
        ("merchant", "对，就是那次换了个后保险杠，不涉及结构件"),
    ]),
    C("w41-24", "w41-fam-vin", [OFFSITE], "evasive contact", [
        ("customer", "能发下车架号吗？我想查出险记录"),
        ("merchant", "车架号平台不让发全的，我换个方式"),
        ("merchant", "你用手机按这个号查：{phone_mixed}，拨过去就是查档那边"),
        ("customer", "这不是车架号吧？看着像手机号"),
        ("merchant", "对，就是我，打过来我口头跟你说，这些东西聊天记录里别留"),
    ]),

    # ---- family: haggling ----
    C("w41-25", "w41-fam-haggle", [ABUSE], "abuse after dispute", [
        ("customer", "{price}太贵了，隔壁同款比你便宜一万，再少五千我就要"),
        ("merchant", "少不了，这价已经是底了"),
        ("customer", "少三千呢？不行我就去别家了"),
        ("merchant", "去吧去吧，兜里没几个钱还学人看合资车，穷酸样"),
        ("merchant", "你这种人也就配骑个电驴，别在这浪费老子时间，🐶都比你会砍价"),
    ]),
    C("w41-26", "w41-fam-haggle", [], "firm complaint", [
        ("customer", "{price}太贵了，隔壁同款比你便宜一万，再少五千我就要"),
        ("merchant", "隔壁那台我知道，是泡过水的，您可以让他们出个检测报告对比一下"),
        ("customer", "少三千呢？不行我就去别家了"),
        ("merchant", "说实话三千真少不了，我最多送您一次大保养和一年的基础保险"),
        ("merchant", "您多比较没问题，要是别家真有车况一样还更便宜的，您买那边我也不说什么"),
        ("customer", "行，我再看看"),
    ]),

    # ---- family: traffic tickets on a rental car ----
    C("w41-27", "w41-fam-tickets", [ILLEGAL], "illegal offer", [
        ("customer", "租车那几天我闯了个红灯，要扣6分，我这本子只剩7分了"),
        ("merchant", "别急，分的事我这边能处理"),
        ("customer", "怎么处理？"),
        ("merchant", "我有人手里有空本子，分算到他们头上，你这边一分不扣，一分{n}十块"),
        ("merchant", "你把罚单截图给我就行，剩下的不用管，办完了你的12123里就看不到了"),
    ]),
    C("w41-28", "w41-fam-tickets", [], "rule explanation", [
        ("customer", "租车那几天我闯了个红灯，要扣6分，我这本子只剩7分了"),
        ("merchant", "这个我们帮不了分，违章是谁开谁处理，这是规定"),
        ("customer", "有人说可以找人代扣分？"),
        ("merchant", "代扣分、买分都是违法的，查到了双方都要罚，千万别找"),
        ("merchant", "您登录交管12123，在「违法处理」里绑定这张罚单，订单号{order}里有违章详情截图可以对照"),
        ("customer", "好，我今晚弄一下"),
    ]),
]
