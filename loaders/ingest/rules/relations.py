"""Relation rows for entities and enumerations (loaders/ingest/relations.py): a region's listed
firms, parks built by the bodies that agreed to build them, development zones part of a city the
sentence names. Kept apart from facts.py so that each row has its owner; the table is still one
(rules/__init__.py)."""

ROWS = [
    ("listed-in-region", "relation", r"聚集|集聚|汇聚|拥有|培育|引进|招引|吸引|落户|涌现|现有|已有|有", 0.7,
     "长沙市集聚了湖南长城、景嘉微、科创信息等一批企业。",
     "firms listed after a region and a gathering verb, with no park in the sentence: in that region"),
    ("listed-in-paragraph-region", "relation", r"[^，。；]{0,30}?[，,]?[^，。；]{0,16}?(?:相继|先后|陆续|已|还|又|共)?(?:引进|招引|吸引|引入)了?(?=[^，。；]{2,12}?、)", 0.7,
     "长沙市壮大产业集群。2021年，新能源汽车领域相继引进了小米、长城等龙头整车企业项目。",
     "a sentence that names no place and opens on 引进/吸引 A、B等企业: the firms are in the place its paragraph is about "
     "(round blind-k)"),
    ("listed-in-park-area", "relation", None, 0.7,
     "成都天府软件园位于成都高新区。园区已吸引包括思科、IBM、华为等众多知名企业入驻。",
     "firms listed after 园区 and a gathering verb (园区已吸引…入驻), where the article names no park but a local area named "
     "like one (成都天府软件园): each is in the area it names most (round blind-xa, dev-ZZY)"),
    ("listed-located-in", "relation", r"等(?:一批|多家|\d+家)?(?:在|位于|落户于?|扎根于?|地处)[^，。；、]{2,24}?的[^，。；、]{0,12}?(?:企业|公司|厂商)"
     r"|等(?:(?:\d+|[一二两三四五六七八九十]{1,3})(?:所|家))?[\u4e00-\u9fff]{2,8}?(?:高等院校|高校|院校|大学|企业|公司)",
     0.75, "博彦科技、软通动力、中软国际等在海淀区土生土长的服务贸易企业都已在全球设点。",
     "firms listed before 等在X…的企业 (the kind of the list says where they are): each in that place (round blind-j); "
     "likewise a list counted as a place's colleges or firms (…等15所重庆高等院校: round blind-l), or not counted "
     "(极米、芯源等成都高新区企业: round blind-ze)"),
    ("park-built-by", "relation", r"共同(?:打造|建设|推进|建立)|合作(?:共建|建设)|(?:部|省|市|区|校)(?:省|市|部|区|企|校)?共建|共建|联合(?:打造|建设)",
     0.75, "2017年底，北京市人民政府与海淀区人民政府签署共同打造国家网络安全产业园区（北京）的协议。",
     "the bodies (a place standing for its government) that agree to build a park together: the park is built by each"),
    ("zone-in-named-city", "relation", r"(?:^|(?<=。))其中", 0.75, "长沙千亿级园区由2个增加到5个。其中，长沙高新区位居第9位。",
     "a development zone whose name begins with a city the sentence (or, after 其中, the sentence before) also names"),
    ("zone-in-labelled-place", "relation", None, 0.75, "长沙软件园推进项目建设，园区产值增长10%。长沙市召开大会。",
     "a zone, district or park whose name begins with a city or province that carries a fact of its own in the article "
     "is part of it (the labelling manual's A5; round blind-l)"),
    ("located-at", "relation", r"位于|坐落[于在]|座落[于在]|地处|落户(?:于|在)?|选址于?|设在|建在", 0.8,
     "国家网络安全产业园区（长沙）位于湖南省长沙市岳麓区。",
     "A位于B: the park, firm, institution or body named before the verb is in the place right after it (after 落户 "
     "without 于 only a park: firms that 落户 are moved-into-region's); 位于B(东部)的A: A is in B"),
    ("areas-listed-in-region", "relation", r"(?:已|先后|相继|还|也)?(?:打造|建设|建成|拥有|形成|规划|培育|布局|另有|还有)了?", 0.7,
     "重庆打造了两江数字经济产业园、仙桃数据谷等一批数字经济发展战略平台。",
     "two or more local areas or zones listed (、/和 … 等) right after a region and a verb that builds them: each part of it"),
    ("area-list-in-region", "relation", None, 0.7, "截至目前，北京亦庄共有龙头企业38家，形成了数字电视产业园、奔驰产业园等专业园区。",
     "the areas listed as a place's parks or cluster areas (area-list) are part of the region the sentence names "
     "before them, when it is no member of the list (round blind-j)"),
    ("area-in-division", "relation", None, 0.75, "比赛在成都市双流区成都芯谷澜谷科创园圆满结束。",
     "a local area written right after its district (双流区成都芯谷澜谷科创园, 岳麓区麓谷软件园) is part of it"),
    ("division-in-place", "relation", None, 0.85, "比赛在成都市双流区举行。",
     "a district or city written right after the place it lies in by its GB/T 2260 code (成都市双流区, 北京市通州区) "
     "is part of it"),
    ("district-of-named-city", "relation", None, 0.35, "长沙软件产业以长沙高新区为核心区，以芙蓉区、天心区为拓展区。",
     "a district whose city (by its GB/T 2260 code) the article names elsewhere is part of that city (round `lists`)"),
    ("region-frame", "relation", r"占|居|跻身|位居|位列|领跑|位于|地处|坐落于|属于|隶属于?|不足|相当于|高于|低于|高出|快于|超出|领先|(?<![对占])比|创建|创成|获批|覆盖|辐射|遍布|进入|纳入|列入", 0.8,
     "长沙市加快发展。其中，地区生产总值跻身全市第一梯队，工业总产值突破800亿元。",
     "a region right after 占/居/跻身/位列 (跻身全市第一梯队, 占全省四成) is the field a rank or share is taken in, "
     "and after 位于/地处/属于 (仙桃数据谷位于渝北区, 天心数谷属于天心区…项目) where the thing before lies, and after "
     "不足/相当于/高于/低于/领先 (面积不足北京总面积千分之三: round blind-j; 高出长沙市增速3.1个百分点: round blind-zm; 比全省高出1.1个百分点: round blind-zs) the "
     "measure it is compared with, and after "
     "创建/获批 (株洲创建湖南省工业互联网试点平台8个: round blind-o) the head of what was created: no figure or "
     "domain of the sentence is its; nor is a region after 覆盖/辐射/遍布 (清单覆盖四川13个地市: round blind-zm), the "
     "extent something reaches, or after 进入/纳入/列入 (成都高新区申报进入天府新区项目库的项目有124个), whose list it is"),
    ("region-frame-after", "relation", r"(?:中|内)?的?(?:所占)?(?:占比|比重|份额|排名|排第|排在|位列|位居)|(?:约|近|超过?|逾|不到|不足)?[\d.]+%的"
     r"|(?:最大|最早|最先|首个|首家|第一个|第一家|唯一)的?|范围", 0.8,
     "长沙高新区软件企业总数为1175家，在长沙市占比近70%，全年产值突破700亿元。",
     "a region right before (所占)占比/比重/排名 (在全市占比近70%, 在全市所占比重提高到15%, 在全省排名第一, 汇聚了全省83.1%的企业) is the whole a share or rank is taken in: "
     "the figures of the clauses after it stay with the region before; so is the scope of a superlative (作为四川省最大的"
     "在建数据中心，该项目总投资约40亿元: the project's, round blind-o), and 在全市范围内 is where, not whose"),
    ("region-goal-scope", "relation", r"(?:打造|成为|争创|争当)(?:成为?|为)?", 0.8,
     "渝中区出台行动计划，奋力打造全市软信产业创新引领区，力争到2027年产值突破120亿元。重庆市推进软信产业发展。",
     "全市/全省/全国 right after 打造/成为/争创 (打造全市…引领区) is the scope of the goal the subject strives for, not the "
     "subject: the figures after it stay with the region before (渝中区; round blind-zg). A region named in full after "
     "打造 (打造中关村…集聚区) is the head of a name and stays, and so does 全市 after 建成, which labellers give figures "
     "to (建成全市大数据汇聚中心，实现…超过90%)"),
    ("region-first-in", "relation", r"(?:率先|首先|首次|首个|第一个|第一家)", 0.8,
     "目前中关村科学城工作稳步推进，梳理入库146个重点项目；在北京率先推出首批17个科技应用场景。",
     "a place after 在 and before 率先/首次/首个 (在北京率先推出…17个场景) is where something was done first, not who did it: "
     "the figures stay with the subject before (round blind-zi: 北京市 took a science city's two counts)"),
    ("region-focus-scope", "relation", r"(?:聚焦|围绕|面向)于?", 0.8,
     "从产业结构看，项目聚焦全省五大现代产业，涉及五大万亿产业的项目达199个。",
     "全省/全市 right after 聚焦/围绕/面向 (聚焦全省五大现代产业) is the scope of what is focused on, not whose the figures "
     "of the sentence are (round blind-zi: the province took twelve figures of a groundbreaking's projects)"),
    ("region-industry-focus", "relation", None, 0.6, "2017年，四川电子信息产业全年增长15%以上。",
     "a place whose industry is named right after it (region-industry) focuses on it: on the dev pool 27 of 38 such "
     "pairs are the gold's FOCUSES_ON when 产业/业 follows, 19 of 43 when it does not (round blind-zg)"),
    ("region-list-item", "relation", r"、|和|及|与|等(?:地|[省市区县]|\d|[一二两三四五六七八九十几多])", 0.8,
     "国家网络安全宣传周先后在北京、武汉、上海、成都、天津等地举办，围绕金融、电信等重点领域开展宣传。",
     "a place among several (A、B、C等地, A和B) is where many things are, not the one region a figure or a focus "
     "in its sentence is about (round blind-j: 天津 took the security week's domains, 巴南软件园 the count of its list)"),
    ("region-dateline", "relation", None, 0.8,
     "新华社成都9月11日电 《四川省加快推进新型基础设施建设行动方案》日前发布。到2022年底，数字经济规模达到2万亿元。",
     "the city of a dateline (新华社成都9月11日电, 长沙晚报讯) is where the report was filed, not what its figures are about "
     "(round blind-yc, dev-ZZA: 成都市 took the targets of Sichuan's plan)"),
    ("region-in-name", "relation", r"[)）][\u4e00-\u9fff]", 0.8,
     "2018年，成都新经济活力区新经济产值达2000亿元，另有京东(成都)数科等74家企业入驻。这里聚焦5G通信、数字文创等产业。",
     "a city or province in brackets inside a name (京东(成都)数科; not a zone: 核心区(重庆高新区直管园)有…) "
     "says which branch it is, not what the sentence or the next one is about (round blind-o: 成都市 took the domains "
     "of the zone named before it). A name read by its suffix holds its bracketed place since round blind-zc "
     "(中国移动(成都)产业研究院), so this row reads the names no suffix row reads"),
    ("region-as-object", "relation", r"(?:为|对|向|给|乃至|助力|服务于?|辐射|带动|占|居)", 0.8,
     "近年来长沙高新区建设跑出加速度，为长沙市乃至湖南省发展提供了支撑。预计2021年，高新技术企业总收入3400亿元。",
     "a region after 为/对/乃至 is what the sentence serves, not what it is about: the next sentence's figures go "
     "to the region the sentence was about (长沙高新区, 中关村科学城), not to it; after 占/居 (占北京全市四分之一) it is "
     "the whole a share is of"),
    ("region-later-in-sentence", "relation", None, 0.8,
     "“12个签约项目覆盖新经济、网络安全等产业领域，将进一步健全成都高新区现代产业体系。”",
     "a sentence that names no region before a figure or a list of domains is about the region it names after them, "
     "before the paragraph's"),
    ("region-of-body-name", "relation", None, 0.8,
     "成都市人民政府办公厅印发规划，提出到2025年全市数字经济核心产业增加值达到2500亿元。",
     "an article that names no region of its own: the place the names of the bodies and policies in its lead (first "
     "two sentences) begin with, when they agree on one, is the article's region (全市 in an article that names "
     "only 成都市人民政府办公厅 is 成都市)"),
    ("province-of-city", "relation", None, 0.8,
     "长沙晚报7月21日讯 根据省工信厅通报，全省电子信息制造业42个重点项目中开工40个。",
     "an article that names its city but no province: 全省 is the city's province (a city daily's report of a "
     "provincial bulletin; dev-ZR: ten figures of 湖南省 had gone to 长沙市)"),
    ("policy-of-region", "relation", None, 0.75, "规划依据《湖南省国民经济和社会发展第十四个五年规划纲要》制定。",
     "a policy whose title begins with a province or city concerns it; dev: right 1 of 3 (labellers leave policies merely "
     "cited without a fact), so it was below ACCEPT until the blind samples measured it (6 of 6 as they came: round blind-zk)"),
    ("policy-of-region-issued", "relation", None, 0.75, "近日，《湖南省“十四五”信息化发展规划》发布。",
     "a policy whose title begins with a province or city concerns it when the sentence issues or releases it "
     "(印发《…》 by a body, 《…》发布), not when it only cites it (policy-of-region, 0.4)"),
    ("moved-into-region", "relation", r"(?:签约)?(?:落户|入驻|进驻|扎根)(?:于|到|在)?", 0.75,
     "长沙测试科技有限公司、长沙示例信息有限公司等10家企业签约落户长沙经开区。",
     "firms and institutes (a list too) that move into a place (a zone, a district, a city), not a park: in that place"),
    ("founded-by", "relation", r"由([^。；]{2,300}?)(?:等[^，。；、]{0,12}?)?(?:共同|联合)?(?:牵头|发起)", 0.75,
     "中国网络信息安全科技创新发展联盟是由中国电科与公安部第一研究所等机构牵头共同发起成立的社会组织。",
     "the firms, institutes and bodies 由…牵头/发起 found the institution the sentence is about (its first one): it is "
     "built by each; a listed name without a suffix is a firm"),
    ("guided-by", "relation", r"在([^，。；]{2,30}?)(?:的)?指导下", 0.65,
     "中国网络信息安全科技创新发展联盟是在国务院国资委指导下成立的。",
     "the body under whose guidance (在…指导下) the institution the sentence is about was set up is related to it"),
    ("parent-body-of-institute", "relation", r"^([\u4e00-\u9fff]{1,10}?部)((?:第[一二三四五六七八九十\d]+)?研究(?:所|院|中心))$", 0.75,
     "公安部第一研究所参与起草。",
     "an institute named after a ministry (公安部第一研究所) is part of that ministry"),
    ("department-of-ministry", "relation", None, 0.75, "工信部电子信息司副司长出席发布会。",
     "a ministry's department (ministry-department: 工业和信息化部电子信息司) is part of that ministry"),
]
