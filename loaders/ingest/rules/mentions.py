"""Mention rows: where a name is in the text and what class it is. `dictionary` matches the
knowledge base's names; the `suffix-*` rows read a name right to left from its suffix with jieba's
words and parts of speech (loaders/ingest/mentions.py); the rest are patterns on the text."""
import re

from .. import gazetteer as gz

HAN = r"\u4e00-\u9fff"
_INST = "|".join(x for x, _ in gz.INSTITUTION_SUFFIXES)
_PROG = "|".join(x for x, _ in gz.PROGRAMME_SUFFIXES if x not in ("称号", "特殊津贴", "工程", "计划"))
_COMP = "|".join(sorted(gz.COMPOUNDS, key=len, reverse=True))
_ITEM_SEP = r"[、和及与]"
# what a list after 聚焦/在…等领域 may hold that is no industry: works, places and ways of working (5G基础设施建设,
# 产学研合作, 产教融合基地, 5G创新应用示范区, 招商引资引智)
# …建设, 政策共谋/服务共享 (what partners do together, a slogan's items: round blind-o): no domain
NOT_A_DOMAIN = re.compile(r"(?:建设|落地|合作|引资|引智|基地|示范区|园区|中心|平台|体系|机制|工作)$|^[" + HAN + r"]{2}共[" + HAN + r"]$"
                          # 在技术、应用、产品创新等领域: kinds of work, no industry (round blind-zc)
                          r"|^(?:技术|应用|产品|服务|管理|模式|研发|生产|运营)(?:创新)?$|^创新$")
# 举办这个论坛: a meeting named before, not one of that name (round blind-ys, dev-ZZQ); 此次/本届… are read as the one
# they refer back to (event_refs.BACK_REFERENCE), 这个/这场 may be any of several
DEICTIC_MEETING = re.compile(r"这个|这场|这届")
BARE_NAME_RX = re.compile(f"^[{HAN}A-Za-z0-9·]{{2,12}}$")  # a name as written, without a suffix
# the parties of a signing: A与B, A、B与C, A同B; then 三方/双方 or a bracketed short form (以下简称…). The first
# party starts a run of characters: 10所高校、机构与… is a counted list, not a party named 所高校
AGREEMENT_PARTIES = (r"(?<![0-9" + HAN + r"])((?:[" + HAN + r"]{2,30}?、)*[" + HAN + r"]{2,30}?(?:和|与|同|跟)(?:[" + HAN + r"]{2,30}?、)*[" + HAN + r"]{2,30}?)"
                     r"(?:（[^（）]{0,40}）)?(?:双方|三方|四方|多方)?(?:一道|一起|一同)?")
# A与B、C、D一道签署了《…协议》: the parties after 与 may be a list too, and 一道/一同 joins them (round blind-zi)

ROWS = [
    ("dictionary", "mention", None, 0.95, "湖南省网络安全产业发展迅速。",
     "names and aliases of the graph and data/ (longest first)"),
    ("policy-title", "mention", r"《([^《》]{2,120})》", 0.85, "工信部印发了《关于促进网络安全产业发展的指导意见》。"),
    ("park-name", "mention", r"国家网络安全产业园区?[（(]([^（）()]{1,12})[）)]", 0.9, "国家网络安全产业园区（西安）建设加快。"),
    ("honour", "mention", r"(?:获得|荣获|获评|被评为|入选)(国家级|省级|市级)?([^，。；、]{2,30}?)(?:企业)?称号", 0.85,
     "园区企业西安测试科技有限公司获得国家级专精特新“小巨人”企业称号。"),
    ("honour-quoted", "mention", r"(?:获得|荣获|获评|被评为|评为|入选)(?:为)?“([^”，。；]{4,30})”", 0.75,
     "科创信息、威胜集团、威胜信息获评“2020年中国软件行业最具影响力企业”。",
     "an honour named in quotes after 获评/荣获/被评为 (without 称号): a distinction its holders hold"),
    ("designation-quoted", "mention",
     r"“([^“”，。；]{2,20})”(?=(?:“[^“”]{2,20}”)*(?:创建)?(?:试点|称号|授牌))"
     r"|(?:入围|争创|获授|授予)了?(?:首批)?(?:国家级|省级|市级)?“([^“”，。；]{2,20})”", 0.75,
     "成都将争取入围首批国家级“特色化示范软件学院”“中国软件名园”创建试点。",
     "a title in quotes that a place is granted or bids for (入围/争创/获授 “X”, “X”创建试点/称号/授牌): a "
     "designation, not the park or school its words end in (round blind-w: “中国软件名园” read as an area took a city's "
     "revenue target)"),
    ("honour-list", "mention", r"(?:获得|荣获|获评|被评为|获批|被认定为|入选)了?([^，。；：“”]{4,120}?)等(?:[^，。；、]{0,4}?)(?:资质|称号|荣誉|认定)", 0.75,
     "园区已获评国家科技企业孵化器、国家众创空间、省特色产业园等资质。",
     "honours listed after 获评/荣获 and closed by 等资质/称号/荣誉: each item an honour its holder holds (round `lists`)"),
    ("honour-listed-firms", "mention", None, 0.7, "科创信息、威胜集团、威胜信息获评“2020年中国软件行业最具影响力企业”。",
     "names listed at the head of the clause before an honour for firms (…企业/公司): each an enterprise"),
    ("special-allowance", "mention", r"(?:享受)?(国务院|政府|省政府)特殊津贴", 0.85, "国家网络安全产业园区（长沙）有享受国务院特殊津贴专家84名。"),
    ("quoted-project", "mention", r"(?:建设|打造|实施|推进|建成)[^，。；“]{0,24}“([^”、，]{2,10})”(?=[，。；、等]|$)", 0.7,
     "国家网络安全产业园区（长沙）建设“一院四中心”，形成产业集聚。"),
    ("project-list", "mention", r"([^，。；：]{2,120}?)(?:等(?:一批)?|(?:这|此)?[两三四五六七八九十\d]+(?:大|个|项))(?:重大|重点)?项目", 0.75,
     "国家网络安全产业园区（北京）将建成西北工业大学北京研究院、网络安全领军人才培育基地等重大项目。"),
    ("project-of-firm", "mention",
     r"([A-Za-z0-9]{2,12}|[" + HAN + r"]{2,6}?)(?:(?:区域|华南|华中|华东|华北|西南|西北|东北|中国|全球|第二)?总部(?:基地)?|[A-Za-z0-9]{2,10}[" + HAN + r"]{0,6})(?:[一二三]期)?项目",
     0.7, "CSDN总部项目、万兴科技总部项目、文思海辉区域总部项目等一批重大项目已相继落户长沙。",
     "an item of a project list named by its firm and what it builds there (总部, ARM云手机): the firm, a listed "
     "enterprise (round blind-k)"),
    ("meeting", "mention", r"(?:举办|召开|主办|承办|举行|开展(?=[^，。；]{2,40}?(?:签约|开工|揭牌)(?:活动|仪式))|在(?=[^，。；在举召]{2,40}?(?:签约|开工|揭牌)仪式上))了?(?![，,。；])([^。；]{2,160}?)(?:等(?:系列)?活动|[，。；]|$)", 0.75,
     "国家网络安全产业园区（长沙）举办网络安全人才创新创业教育论坛等活动。",
     "a meeting named after 举办/召开/举行 (or after 开展 when a signing, groundbreaking or unveiling follows: 开展…集中签约活动 "
     "is one, round blind-w; 开展…宣传教育活动 names none; or a ceremony named between 在 and 上, round blind-y)"),
    ("activity-held", "mention", r"(签约|开工|揭牌|授牌|启动|开幕|颁奖)?(?:活动|仪式|典礼|启动式)(?=。|$)|" + gz.SIGNED_TOGETHER + r"(?=。|$)", 0.7,
     "16日，重庆市沙坪坝区举办“星耀沙磁”2024年第一季度招商引资项目集中签约活动。",
     "a named activity or ceremony after 举办/举行 (…集中签约活动, …开工仪式, “网络安全进社区”活动): an event, a signing, "
     "groundbreaking or unveiling by its word; not 系列活动, 各类活动, 主题活动 (mentions.GENERIC_ACTIVITY) nor a list (A等系列活动); "
     "also inside quotes (举行了“科技合作项目签约仪式”). Since round `lists` it counts as held (model.HELD_MEETING): a fact "
     "on its own, and the owner of its sentence's figures. Also projects signed or broken ground on together with no "
     "活动 after them (举行22个重大项目集中签约: round blind-w)"),
    ("domain-list", "mention", r"(?:在|聚焦|围绕|重点发展|深耕|覆盖|涵盖|以|面向|布局|形成了?|构建起?)((?:[^，。；在以]|以及){2,80}?)(?:等|(?<=[\u4e00-\u9fff])[两三四五六七八九十\d]{1,2}个)(?:重点|多个|关键|细分|现有|先进)?[^，。；、等]{0,6}?(?:领域|方向|未来产业|新兴产业|前沿产业|产业集群|(?:优势|主导|支柱|特色)产业)", 0.8,
     "国家网络安全产业园区（成渝地区）在工控安全、密码产品等领域形成集聚。",
     "also 布局A、B等未来产业 (domains a place lays out for the future) and 形成了A、B等产业集群 (since round `lists`); a count "
     "may close the list instead of 等 (重点在A、B…6个领域, round blind-w), and a cluster's size (先进制造500亿级) is no part of a name; "
     "涵盖A和B、C以及D等众多优势产业 (a standing: 优势/主导/支柱/特色产业) closes it too, and 以及 joins items (round blind-zc)"),
    ("domain-focus-pair", "mention", r"(?:聚焦于?|围绕|重点发展|深耕|专注于?|主攻)([^，。；、等在以]{2,12}?(?:和|与|及)[^，。；、等在以]{2,12}?)(?:两大)?(?:领域|方向|产业(?![园区基地集群链]))", 0.8,
     "园区聚焦智能建造和医药健康领域，创新主体加快集聚。",
     "two domains joined by 和/与/及 after a verb of focus, closed by 领域 or 方向 without 等 (domain-list needs 等)"),
    ("domain-focus-list", "mention", r"以([^，。；在以为“”]{2,60}?、[^，。；在以为“”]{2,60}?)为(?:重点|主(?![线题体])|核心|主导)", 0.8,
     "经开区坚持以集成电路、新型显示、生物医药为重点，打造技术创新中心。",
     "以A、B、C为重点/为主: a list a place or park puts first is of its domains (items of two to ten characters), when one "
     "of them is a known industry (gazetteer.KNOWN_DOMAINS) and none is counted (三大优势) or quoted (a slogan)"),
    ("domain-industry-list", "mention",
     r"((?:[" + HAN + r"]{2,14}?产业[、，,和及与]){1,8}[" + HAN + r"]{2,14}?产业)等(?:[" + HAN + r"]{0,4}?)(?:主导|支柱|重点|优势|特色|新兴|未来)产业"
     r"|以((?:[" + HAN + r"]{2,10}?(?:产业|服务业|制造业)为(?:支柱|突破|基础|支撑|先导|主导|核心|引领|重点)[、，]?)+)",
     0.75, "新一代信息技术产业、高端汽车和新能源智能汽车产业等主导产业年均增长8%。",
     "industries listed as a place's leading ones (A产业、B产业等主导产业; 以A产业为支柱、B产业为突破): one domain "
     "per item, named without 产业 (高端汽车和新能源智能汽车 is one item: items end at 产业, not at 和)"),
    ("domain-cluster-list", "mention",
     r"(?:拥有|形成|发展|培育|打造|布局|构建起?|(?<=[，。；：])其(?!中|他|余|次)|(?<=[区市省县])(?=[^，。；：、]{2,20}、[^，。；：]{2,80}?[两三四五六七八九十\d]+大(?:支柱|主导|优势)))了?"
     r"((?:(?!拥有|形成|发展|培育|打造|布局|构建)[^，。；：]){2,80}?)等?(?:[两三四五六七八九十\d]+)大(?:千亿级|万亿级|百亿级|支柱|主导|优势|重点|核心)?(?:产业集群|产业|集群|领域)",
     0.75, "长沙拥有工程机械、电子信息、汽车及零部件三大千亿级产业集群。",
     "domains counted as N大产业集群; items split at 、 only (汽车及零部件 is one); also 构建起A、B等七大产业集群 (round `lists`) and "
     "a clause opened by 其 (其电子信息通信、汽车…四大主导产业产值: round blind-j; not 其中: round blind-zk), or by a place's name when the list is "
     "its N大主导/支柱/优势产业 (成都高新区电子信息、生物医药、新经济三大主导产业: round blind-ze); 布局A、B、C三大核心产业 (round blind-ye)"),
    ("meeting-held", "mention", r"(?!在(?:\d|第|首届|本届|今年))((?:“[^“”，。；：]{1,30}”|[^，。；：、\s]){4,60}?(?:研讨会|论坛|峰会|大会|会议|博览会|交流会|对接会|发布会|座谈会|推介会|洽谈会|展览会|年会|(?:工作|推进)会(?!议)|培训班|大赛|挑战赛|竞赛|决赛|初赛|复赛|赛区|专场|(?<!等)(?<!重要)(?<!系列)(?<!主要)活动(?![开启闭])|启动仪式|开幕式|闭幕式|(?:签约|开工|揭牌|授牌|颁奖)(?:仪式|典礼))”?(?:" + gz.EDITION_BRACKET + r")?)(?:（以下简称[^）]{1,12}）)?(?:于?(?:\d{1,2}日|当天|当日|今天|昨天|近日|日前))?(?:将|将于|也将)?(?:在[^，。；]{1,24}?)?(?:正式|隆重|盛大|圆满|顺利)?(?:举行|召开|开幕|举办|落幕|启动(?![杆键球]|按钮)|开班|揭幕|拉开帷幕|拉开战幕|闭幕|开赛|收官|结束)",
     0.75, "9月11日下午，2019世界计算机大会·产业对接交流会在长沙举行。", "a meeting or course named before (10日)(在X)举行/召开/开班/拉开帷幕; 由X主办的 before it is its organiser, not its name; "
     "an activity named so too (…北碚行活动在北碚举办), not a list's (…等重要活动) and not an activity's opening cut short "
     "(…宣传周活动开幕式: round blind-ze); a bracketed period or edition after the name (发布会（2019上半年）) is part of it "
     "(round blind-zu); 在 before a year or an edition is no part of the name (在2018世界智能网联汽车大会闭幕式上, "
     "round blind-yq)"),
    ("meeting-list-held", "mention",
     r"([^，。；：]{4,120}?)等(?:重要|重点|系列|主要|多项|一系列)?(?:活动|会议|赛事)(?:也|还|均|都)?(?:将|已)?(?:于[^，。；在]{1,12})?在[^，。；]{2,16}?(?:举行|举办|召开)",
     0.75, "此外，网络安全高峰论坛、网络安全博览会等重要活动也将在福州市举办。",
     "meetings listed before 等(重要)活动…在X举办: each is held (X is where: event-place)"),
    ("meeting-over-title", "mention", None, 0.75, "重庆市政府新闻办当天举行《重庆市数据条例》深入实施新闻发布会。",
     "a meeting named after a policy's title (《X》深入实施新闻发布会) holds the title, and concerns the policy, which stays a "
     "mention of its own"),
    ("meeting-list-part", "mention",
     r"(?:其中)?(?:包括|包含|设有)([^，。；：]{2,120}?)等(?:重要|重点|系列|主要|多项|一系列)?(?:活动|会议|赛事|议程)", 0.75,
     "2018年国家网络安全宣传周将于9月17日至23日在成都举行，其中包括开幕式、网络安全博览会、网络安全技术高峰论坛等重要活动。",
     "meetings an event is said to include (其中包括开幕式、A博览会、B论坛等重要活动): each is held, where that event is "
     "(event-part-place)"),
    ("meeting-organised", "mention", r"((?:[^，。；：、\s的]){4,40}?(?:大赛|论坛|峰会|大会|博览会|宣传周|挑战赛|研讨会|交流会|展览会|电子展|联赛))(?:是)?(?:于[^，。；由]{1,12}?)?由[^。；]{2,80}?(?:主办|承办|举办)",
     0.75, "据了解，数字中国创新大赛由数字中国建设峰会组委会主办。",
     "a meeting, fair or contest named before 由X主办: it is held (X organises it: event-organised-by)"),
    ("event-named", "mention", r"(?<!暨)((?:“?[" + HAN + r"]{2,3}杯”?(?=(?:19|20)\d{2}))?(?:(?<!\d)(?:19|20)\d{2}(?:年度?)?|第[一二三四五六七八九十\d]+届|首届|“[^”，。]{2,12}”)(?![）)”])(?:(?!堪称|号称|成为|作为)[^，。；：、\s的？！?!]){2,40}?(?:" + "|".join(gz.NAMED_EVENT_SUFFIXES) + ")(?:[" + HAN + r"]{0,4}?(?:总决赛|半决赛|决赛|初赛|复赛|预赛))?)"
     r"(?![^，。；：、\s]{0,8}?(?:决赛|初赛|复赛|仪式|启动式|分论坛|分会|专场|开幕式|闭幕式|发布会|暨)|·)",
     0.75, "作为2018年国家网络安全宣传周的第一个重头戏，博览会吸引了大批市民。",
     "a meeting, fair or campaign named with its year, its edition or a quoted name (2018年国家网络安全宣传周, 第三届…大会, "
     "“巅峰极客”网络安全技能挑战赛; a cup's name before the year is part of it: 天府杯2019国际网络安全大赛, round blind-ye; not a quoted short name closed by a bracket: “ISC 2020”）…), with a stage of a contest (…挑战赛初赛, …大赛洞庭决赛), wherever the "
     "sentence names it, when the name ends there (not 第六届…大赛洞庭决赛启动仪式, a part of a longer name): the year "
     "is part of the name, not a date; a name runs across no ？ or ！ and no 堪称/成为/作为 (“长沙速度”究竟有多快？2020互联网岳麓峰会, "
     "“鲲鹏计算生态”堪称几大分论坛: round blind-zi)"),
    ("event-briefing", "mention",
     r"记者(?:\d{1,2}日)?[从在](?:\d{1,2}日(?:召开|举行)的)?([^，。；]{4,40}?(?:新闻发布会|发布会|见面会|推介会|通气会|吹风会|说明会|介绍会))上(?:了解到|获悉|得知)",
     0.8, "昨日，记者在成都市软件及服务外包产业媒体见面会上了解到，成都要再造一座软件园。",
     "记者从/在…发布会/通气会/见面会上了解到: the briefing is an event (an announcement), named as written, though no suffix row "
     "knows 通气会 or 见面会 and no year names it; the read gold makes each such briefing an event (five of five in the read "
     "pool; round blind-xe, dev-ZZZA)"),
    ("event-series", "mention", r"(?<![\u4e00-\u9fff\d])“?([\u4e00-\u9fff]{2,20}?(?:" + "|".join(gz.NAMED_EVENT_SUFFIXES) + r"))”?(?:活动)?"
     r"(?:从|自)(?:19|20)\d{2}年(?:首次|第一次|首届)?(?:举办|召开|创办)?(?:开始|起|以来|创办)", 0.7, "国家网络安全宣传周从2014年开始每年举办一届。",
     "a meeting, fair or campaign named without its year, held since a year (国家网络安全宣传周自2014年开始…): the series "
     "is an event (round blind-l); 自2014年首次举办以来 too (round blind-xe, dev-ZZZA)"),
    ("meeting-held-after", "mention", r"(?:(?:举行|召开|开幕|举办)的|迎来|(?:参加|出席|列席)了?)((?:[^，。；：、\s的]){4,60}?(?:研讨会|论坛|峰会|大会|会议|博览会|交流会|对接会|发布会|座谈会|推介会|洽谈会|(?:工作|推进)会(?!议)|大赛|竞赛|专场活动|仪式|典礼))",
     0.75, "王刚在9日举行的2019年中国网络安全产业高峰论坛上透露，园区已入驻企业52家。",
     "a meeting or ceremony named after 举行的/召开的/迎来/参加(了): its name is what follows, up to the meeting word "
     "(…在20日举行的北京市2020年经济和信息化工作会上透露, round blind-yq, dev-ZZO)"),
    ("firm-of-officer", "mention",
     r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:全球|中国区|亚太区)?(?:高级|执行|常务|资深|轮值|联席)?(?:党委书记|董事长|副总经理|总经理|副总裁|总裁|首席执行官|CEO)",
     0.7, "湖南长城副总经理郭在砾介绍，公司的解决方案覆盖15个应用系统。",
     "an organisation named by its officer's title (湖南长城副总经理): an enterprise; the title's scope is no part of the "
     "name (紫光集团全球执行副总裁: round blind-yi, dev-ZZG)"),
    ("firm-stock-code", "mention", r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)[（(](?:\d{6}\.(?:SZ|SH|BJ)|(?:SZ|SH|BJ)\d{6})[）)]", 0.8,
     "今年6月，万兴科技(300624.SZ)与长沙市签约。",
     "a name with its stock code (万兴科技(300624.SZ)) is a listed firm's (round blind-ye, dev-ZZC); not yet inside a "
     "meeting's name (万兴科技(300624.SZ)入驻…签约仪式: the meeting holds the span)"),
    ("firm-of-revenue", "mention",
     r"(?:^|(?<=[，；。：\n]))([\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:上半年|全年)?(?:实现|完成)(?:营业收入|营收|主营业务收入|销售收入|净利润|利润总额)",
     0.7, "1-6月，拓维信息实现营业收入8.9亿元，同比增长47.5%。",
     "a name that opens a clause and reports revenue or profit (拓维信息实现营业收入): an enterprise — not a place, a "
     "sector or a group of firms (全省软件企业, 规模以上企业: mentions.NOT_A_FIRM)"),
    ("firm-as-leader", "mention",
     r"以([\u4e00-\u9fffA-Za-z0-9]{2,10}?)为(?:龙头(?!企业)|领军企业|龙头企业|代表的[^，。；、]{0,10}?(?:企业|公司|厂商))", 0.7,
     "以诺基亚为龙头的移动通讯产业、以京东方为龙头的显示产业。",
     "以X为龙头 / 以X为代表的…企业: X is a firm, no place, sector or group of firms (round blind-ye, dev-ZZC: 诺基亚 and "
     "京东方 were no entity)"),
    ("institute-of-officer", "mention",
     r"((?:(?!当选|担任|出任|兼任)[\u4e00-\u9fffA-Za-z0-9]){2,16}?(?:研究院|研究所|信安院|科学院|大学|学院|院|所))"
     r"(?:党委书记|常务副院长|副院长|院长|副所长|所长|副校长|校长)"
     r"|((?:(?!当选|担任|出任|兼任)[\u4e00-\u9fffA-Za-z0-9]){2,14}?(?:研究会|协会|学会))(?:常务副会长|副会长|会长|秘书长|副理事长|理事长)",
     0.7, "中国长城高级副总裁戴相桃，中国信安院院长孙迎新陪同调研。",
     "an institute or university named by its head's title (中国信安院院长), an association by its 会长/理事长 (round `lists`): an institution"),
    ("cluster-name", "mention", r"产业集群", 0.8, "长沙市新一代自主安全计算系统产业集群成功入选先进制造业集群。",
     "an industrial cluster the knowledge base knows, named with or without its place or 国家 (read right to left)"),
    ("region-named-compound", "mention", f"(?:{_COMP})(?:地区)?(?:双城经济圈|城市群|都市圈)", 0.8,
     "成渝地区双城经济圈的生产总值不足6.3万亿元。",
     "a compound region with a name of its own (成渝地区双城经济圈, 长株潭城市群): one region, not its members; the gold "
     "names it so in 10 read articles of the 19 that write one (round blind-zq, dev-ZP: its GDP had gone to 成都市)"),
    ("region-compound", "mention", f"({_COMP})(地区|两地|三地|区域|一带)?", 0.8, "川渝地区网络安全产业发展迅速。"),
    ("enterprise-list", "mention",
     r"(?:聚集了|集聚了|汇聚了|吸引了|引进了|培育了|拥有|包括|入驻了|落户了|来自|如|(?<=[，。；：:])|^)([^，。；：]{2,200}?)等(?!地)(?:逾|超过|近|约)?(?:一大批|大批|一批|多家|\d+(?:多|余)?[家个]|[一二三四五六七八九十百]+[家个])?(?:(?!领域|方向|方面|环节|行业|产品|技术|相关|配套|上下游|维度|层面|方位|(?!一流)[一二三四五六七八九十\d])[^，。；、：了]|、(?=[^，。；：]{0,8}企业)){0,14}?(?:企业|公司|厂商)",
     0.7, "湖南聚集了长城科技、国科微、金山等企业。",
     "names without a suffix, enterprises by their context (a list of two or more); the kind may be several "
     "words (等知名网络安全、新经济企业); not 等相关/配套/上下游企业, whose items are fields (传感器、5G等相关企业: round blind-o); "
     "the count may carry a qualifier (等逾500家国内外知名IT企业: round blind-zi); not 等地的企业 (its items are places) nor "
     "从平台服务、人才、资金等多维度…为企业 (aspects: round blind-zo)"),
    ("firm-generic-suffix", "mention", None, 0.75, "8月7日，成都与华为公司签署合作协议。",
     "a firm the knowledge base knows, named with a bare 公司 or 集团 after it (华为公司, 中国电子集团): that firm, not a new one"),
    ("named-area", "mention", "|".join(sorted({n for full, short in gz.NAMED_AREAS.items() for n in (full, *short)}, key=len, reverse=True)),
     0.8, "北京城市副中心建设提速，副中心的产业项目加快落地。",
     "an area without an administrative code that the reports name (gazetteer.NAMED_AREAS: 北京城市副中心); a short form only "
     "where the full name or its city is in the article (round `lists`)"),
    ("firm-short-again", "mention", None, 0.75, "来自用友网络、绿盟科技等单位的专家作了演讲，用友、浪潮等企业脱颖而出。",
     "a firm named again without a trade word the article gave it first (用友 after 用友网络, 绿盟 after 绿盟科技): that firm, "
     "not a new one (round `lists`)"),
    ("short-form-declared", "mention",
     r"[”\"]?[（(](?:(?:以下|下文?)?(?:简称|称)[：:]?[“\"]?《?([^”\"《》）)，。；]{2,12}?)》?[”\"]?|([A-Za-z][A-Za-z0-9 .&\-]{1,15}))[）)]",
     0.75,
     "武汉东湖高新集团股份有限公司（下简称：东湖高新集团）与两江新区达成投资协议。东湖高新集团将建设重庆芯中心。",
     "the short form a bracket right after a name declares for it (以下简称“X”, 下简称：X, 简称X, or Latin letters alone: "
     "第五届中国互联网安全大会（ISC 2017）): wherever the "
     "article writes X after that, it is the named one, not a new entity (round blind-yc, dev-ZZA)"),
    ("zone-short-again", "mention", None, 0.75, "湖南湘江新区成立于2015年。湘江新区的地区生产总值突破4000亿元。",
     "a zone named again without the place its full name began with (湘江新区 after 湖南湘江新区): that zone, not a new "
     "one (round blind-k)"),
    ("enterprise-list-after-count", "mention",
     r"(?:企业|公司|厂商)[^，。；：]{0,6}?(?:有|达|共|超过|近)?[\d一二三四五六七八九十百]+[余多]?家[，,]?(?:其中)?(?:包括|如|像|例如|比如)"
     r"([^，。；：]{2,200}?)等?(?=[，。；]|$)", 0.7, "去年营收百亿元以上的企业有8家，包括百度、奇安信、神州数码等。",
     "firms counted first and then listed (企业有8家，包括A、B、C等): each an enterprise, as in enterprise-list (round blind-k)"),
    ("unit-list", "mention", r"来自([^，。；：]{2,200}?)等(?:单位|机构)", 0.7,
     "论坛召开，来自百度、用友网络、绿盟科技等单位的专家作了演讲。",
     "来自A、B、C等单位: a name no suffix or dictionary reads is a firm (an institution's suffix makes it one)"),
    ("organiser-list", "mention", r"(?:由|(?<=[，,]))([^，。；：由]{2,200}?)等?(?:单位|机构)?(?:共同|联合)?(?:主办|承办|协办)(?!单位)", 0.7,
     "本次活动由百度、阿里巴巴、腾讯等主办，科来、四川无声等单位协办。",
     "由A、B、C等主办 / …，D、E等承办: a listed organiser no suffix or dictionary reads is a firm, as in unit-list (round "
     "blind-ye, dev-ZZC: of an organiser list of 21, the suffix rows had read 11)"),
    ("agreement-party", "mention",
     AGREEMENT_PARTIES + r"(?:正式|共同)?(?:签署|签订)了?[^，。；]{0,40}?(?:协议|备忘录)",
     0.7, "通州区永顺镇同炎凌嘉业签署了战略合作协议。",
     "a party of a signing named without a suffix: an enterprise by its place in the frame, or a town (…镇)"),
    ("institution-list", "mention",
     r"(?:拥有|包括|聚集了|集聚了|汇聚了|引进了|有|如|(?<=[，。；：:])|^)([^，。；：]{2,200}?)等(?:\d+|[一二两三四五六七八九十百]+)?(?:所|家|个)?(?:(?!领域|方向)[^，。；、：]){0,6}?(?:高等院校|高校|院校|科研院所|研究院所|科研机构|研究机构)",
     0.7, "湖南拥有国防科大、中南林科大、湘大等58所高等院校。",
     "names listed as universities or research institutes (a list of two or more): institutions"),
    ("area-list", "mention",
     r"(?:拥有|包括|形成了?|建成了?|打造了?|另有|还有|有|(?<=[，。；：:])|^)([^，。；：]{2,200}?)等(?:一批|多个|\d+个|[一二两三四五六七八九十]+个)?(?:(?!企业|公司|单位|机构|院校|高校|项目)[^，。；、：等]){0,8}?(?:集聚区|功能区|园区)(?![\u4e00-\u9fff])",
     0.7, "海淀另有中关村环保园、金隅智造工场、集成电路设计园等一批特色产业集聚区。",
     "names listed as a place's parks or cluster areas (A、B、C等一批特色产业集聚区, 等专业园区): local areas (Region), "
     "as a list closed by 企业 names firms (round blind-j); not A、B等企业入驻园区, whose kind is 企业"),
    ("zone-list", "mention",
     r"(?:[的]|首批)[^，。；：]{0,12}?(?:[两三四五六七八九十\d]+)个(试验区|示范区|园区|分园|基地)(?:是|为|分别是|包括)[：:]?([^。；]{4,300})",
     0.75, "首批获授牌的五个试验区是：合肥高新技术产业开发区、北京市海淀区。", "members of a counted list, one per item"),
    ("devzone", "mention", r"([" + HAN + r"]{2,8}?(?:市|省)?(?:(?:高新技术产业开发区|经济技术开发区|高新区|经开区|自贸区|综合保税区|综保区|新区|科学城|科技城)"
     r"(?:[东西南北]区)?|高新[东西南北]区))(?!管委会|管理委员会|[" + HAN + r"]{0,4}园|[" + HAN + r"]{0,5}中心|[" + HAN + r"]{1,6}?测试区)",
     0.75, "园区位于宁乡高新技术产业开发区。", "development zones (and science cities: 中关村科学城) keep their full name, never cut to the city; "
     "a zone's quarter keeps its direction (中关村科学城北区, 成都高新东区: an area of its own, round blind-td); not a zone that "
     "begins a centre's name (中国科技城大数据中心: round blind-zo)"),
    ("bracketed-place-zone", "mention",
     r"(?:中国|西部|东部|中部|南部|北部|国家)[（(][" + HAN + r"]{2,8}[）)][" + HAN + r"]{0,10}?(?:科学城|科技城|自由贸易试验区|自贸试验区|自贸区|高新区|新区)(?:[" + HAN + r"]{2,8}?片区)?",
     0.75, "中国（四川）自由贸易试验区成都天府新区片区加快建设。",
     "a zone whose official name holds its place in brackets (西部(重庆)科学城, 中国（湖南）自由贸易试验区长沙片区): one name, "
     "not the place inside it (round blind-k)"),
    ("zone-park", "mention",
     r"((?:中关村科技园区(?=[" + HAN + r"]{2,3}园(?!区))|中关村|[" + HAN + r"]{2,8}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|产业基地|新区))"
     r"[" + HAN + r"]{1,6}?(?:园区|园|测试区))(?![" + HAN + r"]{0,3}(?:有限|公司|股份|集团))",
     0.8, "中关村通州园238家重点企业的总收入达到900.1亿元。",
     "a park named after the zone or base it belongs to (中关村通州园, 中关村科技园区通州园, 长沙高新区信息产业园; a test "
     "ground too: 湖南湘江新区智能系统测试区, round blind-ye) is a place "
     "of its own, not the national park's sub-park of the same short name; in an article that never names the national "
     "park, the short form (通州园) then refers to it (`zone-park-short`)"),
    ("zone-park-committee", "mention", None, 0.75, "中关村大兴园管委会负责园区建设。",
     "a zone park's administrative committee (…园管委会) is one government body, not the park and a remnant"),
    ("signed-together-described", "mention",
     r"((?<![次这本此\d两三四五六七八九十])(?<!会上)(?:\d+|[两三四五六七八九十]+)个[^，。；、“”]{0,14}?项目(?:在[^，。；上]{2,12}?)?(?:集中|现场)(?:签约|开工)(?:落地)?"
     r"|(?<=[^，。；：、\s]{2})集中(?:签约|开工)了(?:\d+|[两三四五六七八九十]+)个[^，。；、]{0,14}?项目)(?=[，。；]|$)", 0.6,
     "9月16日，79个重大项目集中开工，总投资达500亿元。",
     "projects signed or broken ground on together, named by that description (79个重大项目集中开工, 北京经开区集中签约了"
     "129个“两区”建设项目): the event, where the article names no other signing or groundbreaking. Dev pool (round "
     "blind-zc): 2 such, both gold events; where another is named, the gold names that one 6 times of 10"),
    ("zone-park-short", "mention", None, 0.75, "中关村通州园去年收入增长。通州园重点企业研发费用增长5.2%。",
     "the short form of a zone park named before in full (通州园 after 中关村通州园), in an article that never names "
     "the national park: that zone park, not the sub-park the dictionary knows by the same name"),
    ("zgc-park-bare", "mention", None, 0.7, "2017年，海淀园规模以上高新技术企业实现总收入超过2万亿元。",
     "a district's park (海淀园, 通州园) named bare in an article that never speaks of 网络安全 or the national park: "
     "Zhongguancun's park of that district (中关村科技园区海淀园), one of its sixteen, not the cybersecurity park's "
     "sub-park the dictionary knows by the same name (round blind-zg: three read articles of eight that name one)"),
    ("mass-organisation", "mention",
     r"(共青团(?:中央|[" + HAN + r"]{2,4}?(?:省|市)委)|(?:全国|[" + HAN + r"]{2,4}?(?:省|市))(?:总工会|妇联|妇女联合会)|中国人民银行(?:[" + HAN + r"]{2,4}?分行)?|中央(?:宣传|组织|统战)部|中宣部|中央网络安全和信息化(?:委员会|领导小组)(?:办公室)?|全国人大常委会|全国人大|全国政协)",
     0.8, "宣传周由中央宣传部、中国人民银行、全国总工会、共青团中央、全国妇联等共同主办。",
     "central organs (the Party's departments, its cyberspace commission, formerly leading group, and their office; "
     "the NPC and its standing committee, the CPPCC), "
     "the central bank and the mass organisations (共青团中央, 全国总工会, 全国妇联) and their "
     "provincial and city branches (湖南省总工会, 共青团湖南省委: Institutions, the rest GovernmentBodies): bodies no "
     "suffix row names"),
    ("ministry-department", "mention", r"(?<![省市区县局厅处司])(" + "|".join(gz.CENTRAL_BY_LENGTH) + r")"
     r"((?:(?!部门|等|和|与|及)[" + HAN + r"])(?:[" + HAN + r"]){1,11}?(?:(?<![公上])司|(?<![当])局))(?![长机仪])", 0.75,
     "工信部电子信息司副司长出席发布会。",
     "a department (司, 局) of a ministry (工信部电子信息司, 国家发展和改革委员会地区振兴司, 公安部网络安全保卫局: round blind-yc, "
     "dev-ZZA): a body of its own, named with the "
     "ministry's full name (工业和信息化部电子信息司) as the corpus's labellers name it, and part of the ministry "
     "(department-of-ministry; round blind-zo: eleven such names on the read pool, none found before)"),
    ("central-body", "mention", r"(?<![省市区县局厅处司])(" + "|".join(gz.CENTRAL_BY_LENGTH) + ")", 0.8,
     "活动由教育部、公安部、国家数据局等部门共同举办。",
     "the State Council's departments and central offices, full and short forms (公安部, 国家数据局), when no longer "
     "name holds them (公安部第一研究所 is an institution)"),
    ("domain-coordinated", "mention", r"(?:发展|聚焦于?|布局|培育|壮大|打造|围绕|涵盖|覆盖|主攻|深耕|重点|引进|集聚|聚集|整合|推动|推进|"
     r"支持|形成了?|构建了?|设有|包括|涉及|开展|从事|致力于|部署|启动|继|在|以|的|做[大强优精](?:做[大强优精])?|(?<!方)向)", 0.7,
     "推动大数据产业及与其相关联的云计算、物联网、移动互联网等高精尖产业快速发展。",
     "the other items of a list (A、B、C等) one of whose items is a domain already found: domains too (round `domains`); "
     "the regex is the lead words after which the first item starts (做优做强集成电路、…: round blind-zk, dev-ZJ; "
     "积极向物联网、云计算…拓展: 向, not 积极向物联网, round blind-ya)"),
    ("domain-standard", "mention",
     r"(?:(?<=[、，,；：和及与以在为“（等])|(?<=发展|聚焦|布局|培育|壮大|打造|围绕|涵盖|覆盖|主攻|深耕|重点|引进|集聚|聚集))("
     + gz.KNOWN_DOMAINS_ALT + r")(?:产业)?(?=[、，,；。：和及与等”）]|领域|方向|集群|$)", 0.75,
     "经开区重点发展新一代信息技术、生物医药、人工智能等产业。",
     "an industry of a national classification (gazetteer.KNOWN_DOMAINS: strategic emerging industries, high-tech fields, the digital economy's key industries) where a list "
     "or a verb of focus puts it, not inside a longer name (人工智能大会)"),
    ("region-industry", "mention",
     r"(" + gz.REGION_INDUSTRIES_ALT + r")(?:产业|(?<=服务)业|(?<![业务])业)"
     r"(?![" + HAN + r"]{0,4}?(?:园|功能区|基地|协会|联盟|大会|峰会|论坛|博览会|交易会|名城))", 0.7,
     "2017年，四川电子信息产业全年增长15%以上。",
     "an industry named right after a place (四川电子信息产业, 本市软件和信息服务业, 长沙软件业) is that place's: a Domain, "
     "named without 产业; not a park, area or meeting named so (成都电子信息产业功能区; round blind-zg)"),
    ("office", "mention", r"((?:[" + HAN + r"]{2,4}(?:省|市|区|县)|国务院)(?:人民)?政府(?:新闻办(?:公室)?|办公厅|办公室))", 0.8,
     "湖南省政府新闻办召开新闻发布会。", "offices outside the place+委/厅/局 pattern"),
    ("address-place", "mention",
     r"(?:位于|坐落于|地处|落户于|选址于?|设在|建在)([" + HAN + r"]{2,6}?(?:省|自治区))?([" + HAN + r"]{2,6}?市)?([" + HAN +
     r"]{1,4}?(?:区|县)(?:[" + HAN + r"]{1,4}?(?:镇|乡|街道))?)(?=[，。；、,的]|$)", 0.75,
     "园区位于湖南省长沙市岳麓区麓谷街道，交通便利。",
     "the district (and town) of an address after 位于: one place, named without its province and city"),
    ("region-deictic", "mention", r"(?:我|本|(?<![占居列])全)(省|市|区|县)(?![委政长级属直民各域])", 0.8,
     "长沙市网络安全产业发展迅速。全市拥有该领域企业90余家。",
     "我市 / 本省 / 全市 / 全区: the article's own city, province, or district or development zone (the one its title "
     "names, else the most named)"),
    ("name-again", "mention", None, 0.8, "2021年，拓维信息实现营业收入8.9亿元。拓维信息成立了基石研究院。",
     "a firm, institution or body a pattern found once is the same entity wherever else the article writes the name whole, "
     "where nothing else holds the span and no word runs across its edges"),
    ("district-short", "mention", r"[区县山路街道线段园湖桥站港城镇村峰]|机场|国际|经开|高新|新区|软件园|科技园", 0.8,
     "视联动力把总部落地渝中区。2024年，渝中实现软件业务收入405.9亿元。",
     "a district or county the article names in full (渝中区) is the place its short form names elsewhere (渝中实现…), "
     "opening a clause or after 在/和/、; not where a name goes on (岳麓峰会, 岳麓山, 昌平线); the regex is what may not "
     "follow (round blind-zk: dev-ZJ's 渝中 and dev-ZK's 江北)"),
    ("region-head-anaphor", "mention",
     r"(?:(?<![\u4e00-\u9fff])|(?<=[该本]))(开发区|经开区|高新区|新区|科学城|数据谷|数谷|小镇)(?!管委会|管理委员会|[内外里]|企业|[\u4e00-\u9fff]?级)", 0.8,
     "重庆打造了仙桃数据谷等平台。数据谷聚焦人工智能、区块链等产业领域。",
     "a zone or local area named again by its head word alone (开发区, 数据谷, 小镇), opening a clause or after 该/本: the one "
     "named last before it in the paragraph or the four sentences before whose name ends so"),
    ("firm-anaphor", "mention", r"该(?:公司|企业|集团)", 0.75,
     "中国电信股份有限公司四川分公司将投资220亿元建设数据中心。此外，该公司还将投资27.5亿元建设感知城市项目。",
     "该公司 / 该企业: the firm named last in the sentence or the two before it (same paragraph)"),
    ("party-committee", "mention", r"([\u4e00-\u9fff]{2,3}(?:省|市|区|县))委(?![员会办网])(?!副(?!书记|秘书长))", 0.8,
     "2019年2月，湖南省委出台网络安全工作责任制实施细则。",
     "湖南省委 → 中共湖南省委, 沙坪坝区委 → 中共沙坪坝区委 (the place must be a province, city or district the gazetteer "
     "knows); 长沙市委副书记 names it too, as 市委书记 does (round blind-zm: it was a second body, 长沙市委)"),
    ("policy-notice", "mention",
     r"关于(?:印发|转发)([\u4e00-\u9fff“”（）]{4,40}?(?:" + "|".join(sorted((x for x, _ in gz.POLICY_SUFFIXES if x != "通知"), key=len, reverse=True)) + r"))的通知",
     0.75, "四川省人民政府关于印发四川省“十三五”信息化规划的通知",
     "the policy a notice's title issues, named without 《》 (X关于印发Y规划的通知: X issues Y)"),
    ("policy-named", "mention",
     r"(?:出台|印发|发布|制定|颁布|下发)了?([\u4e00-\u9fff“”]{4,30}?(?:实施细则|细则|实施意见|实施方案|管理办法|行动计划|若干措施|若干政策|条例))(?=[，。；、]|$)",
     0.75, "2019年2月，湖南省委出台网络安全工作责任制实施细则。",
     "a policy named without 《》 right after the verb that issues it"),
    ("deictic-office", "mention",
     r"(?:(?<![\u4e00-\u9fff])|(?<=[经由与同和及向对])|(?<=[省市]委))(省|市|区)(" + "|".join(k + ("(?![员会托屈婉]|网信)" if k == "委" else "") for k in sorted(gz.OFFICE_ABBREV, key=len, reverse=True)) + r")(?![\u4e00-\u9fff]{0,1}(?:级|长|区))",
     0.8, "湖南省加快网络安全产业发展。12月30日，省工信厅在会上发布消息。",
     "省工信厅 / 市经信委 with no place (or after a function word: 已经省政府同意, 同省政府; or after 省委/市委: 省委省政府, round blind-xa): the article's province or "
     "city, full name (湖南省工业和信息化厅); 省 in an article about a city is its province, 区 an article's district; "
     "the Party committee and its departments, the people's congress and the CPPCC too (市委宣传部, 区人大常委会, 区政协: "
     "round blind-zo, 82 such names the read pool's gold gives and the rule did not read)"),
    ("party-office", "mention", r"((?:(?!委)[\u4e00-\u9fff]){2,3})?(省委|市委|区委|县委|省|市)?(网信办|网信委)", 0.8,
     "湖南省加快网络安全产业发展，省委网信办主任出席会议。",
     "a Party committee's cyberspace office (省委网信办 → 中共湖南省委网络安全和信息化委员会办公室): the place named, else the "
     "article's; a place with no 委 (湖南网信办, 成都市网信办) names the same office, of its level"),
    ("park-short-form", "mention", r"(国家网络安全产业园区?|网络安全产业园区?|园区|产业园)(?![（(])", 0.8,
     "北京正加快推进国家网络安全产业园区建设。", "a park named by its place (长沙园区) or bare, with the place before it in the sentence"),
    ("park-place-list", "mention", None, 0.8, "北京、长沙国家网络安全产业园区加快建设。",
     "places listed before a park's bare name (北京、长沙、成渝国家网络安全产业园区) each name their own park"),
    ("subpark-pair", "mention", r"([\u4e00-\u9fff]{2,3})(?:和|、|与)([\u4e00-\u9fff]{2,3}?)(?:两个|二个)(?:分)?园区?", 0.8,
     "企业签约入驻海淀和通州两个园区。", "sub-parks named by their places (海淀和通州两个园区 → 海淀园, 通州园)"),
    ("suffix-enterprise", "mention", r"(?:(?:股份有限公司|有限责任公司|有限公司|集团)[\u4e00-\u9fff]{2,3}?(?:省|市)?分公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团|(?<![子母分该本])公司)", 0.75,
     "园区企业长沙测试科技有限公司入驻。",
     "湖南天羿领航科技公司 too: 公司 after a name (not 子公司, 该公司); a branch keeps its place (…股份有限公司四川分公司)"),
    ("suffix-institution", "mention", f"(?:{_INST})(?!城|区(?!块链))", 0.75, "西北工业大学北京研究院建成。",
     "not 大学 of 大学城 (重庆大学城科技产业园: a place; round blind-zm), nor 中心 of 商务中心区 (round blind-yw)"),
    ("institution-bracket-place", "mention", r"（([\u4e00-\u9fff]{2,8}?)）", 0.8, "中国地质大学（武汉）的队伍参加比赛。",
     "a place in brackets right after an institution: part of its name (中国地质大学（武汉）), or the campus (西南石油大学"
     "（南充校区）) — no mention of a region either way"),
    ("suffix-programme", "mention", f"(?:{_PROG})", 0.75, "园区获批首批国家网络安全教育技术产业融合发展试验区。"),
    ("zone-by-place", "mention", r"示范区|试验区|先行区", 0.75, "1-2月，中关村示范区企业实现总收入4484.8亿元。",
     "a 示范区/试验区/先行区 named by the place it begins on, with no 国家 after the place, is a zone (Region), not a "
     "designation (中关村示范区, 长株潭自主创新示范区, 中国（北京）自由贸易试验区; the read gold labels such names Region 16 "
     "times of 18, where a name that begins with 国家/全国 is a designation). Read in dev-ZW (round blind-zw): on the "
     "read pool 3 more entities and 9 more figures right, 2 wrong"),
    ("suffix-govbody", "mention", r"(?:管委会|组委会|委员会|经济信息委|经信委|发改委|人民政府|(?<!人民)政府(?!新闻办|办)|新闻办|政府办|办公室|(?<!常)委(?!网信)|厅|局|部)", 0.75,
     "重庆市经济信息委印发通知。"),
    ("suffix-subpark", "mention", r"(?<![开建入进出游])园(?!区)", 0.75, "国家网络安全产业园区（北京）包括海淀园、通州园。"),
    ("suffix-area", "mention", r"小镇|(?<!产业)(?<!科技)(?<!工业)园区|(?:数据|数|云|光|智)谷|产业集聚区|片区", 0.75,
     "北京市通州区张家湾设计小镇迎来新企业。",
     "a local area (Region, kind area): a name ending in 小镇, 园区 (not a place + 园区, a park's short form) or a 谷 of "
     "the digital economy (仙桃数据谷, 天心数谷, 中国光谷), an 产业集聚区 (中关村人工智能大模型产业集聚区, round blind-y), a 片区 "
     "(暮云片区, 西部(重庆)科学城璧山片区: round blind-zi), or in 园 "
     "starting with a place when the sentence names no national park (suffix-subpark's pattern; not a sub-park)"),
    ("kind-after-count", "mention", r"(?:(?:\d+|[一二两三四五六七八九十百几多数]+)(?:个|家|所|座|批|类)|等|各类?|一批|多个|[+＋])", 0.8,
     "长沙软件园、中电软件园等专业园区启动创建工作。10个软件园区共实现产值542.6亿元。",
     "a suffix-found name right after a count (10个软件园区) or closing a list (A、B等专业园区) says what kind the things "
     "are, not which one, as does an item of a formula (集聚区+专业园区+创客中心): no mention (round blind-j; 专业园区 and 软件园区 were new Regions with figures)"),
    ("parent-in-name", "mention", r"^(.{2,}?(?:大学|学院|科学院))(.{2,}(?:研究院|分院|校区|研究所|研究中心))$", 0.7,
     "西北工业大学北京研究院建成。", "the university in 西北工业大学北京研究院"),
    ("area-address", "mention", None, 0.75, "活动在长沙市岳麓区麓谷软件园举行。",
     "the divisions before a local area's name, down to a district or two levels deep, are its address, not its name "
     "(成都市双流区 | 成都芯谷澜谷科创园); one city alone stays in the name (长沙软件园)"),
    ("place-prefix", "mention", None, 0.8, "日前，长沙市国链安全可靠计算机产业促进中心主任做客人民网访谈栏目。",
     "a city or province right before a known firm or institution is part of its name (长沙市国链…中心), not a place"),
    ("event-trigger", "mention", None, 0.85, "国家网络安全产业园区（长沙）于2020年6月正式揭牌。",
     "an event named by what happened (facts.py: the event-* rows)"),
]
