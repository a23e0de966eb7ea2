"""Activity rows (loaders/ingest/activities.py): events read by a verb lexicon — visits and surveys,
interviews, a policy's release — with their actor, place and what they concern. Confidences are set
from dev-A (tests/ingest/corpus/split.yaml), smoothed as (right + 1) / (fired + 2); a row or variant that never
fired on dev-A is below ACCEPT (proposed commented out) until data supports it. docs/ingest-rounds.md gives dev-A and dev-B."""
from .. import gazetteer as gz

_VISIT = "|".join(sorted(gz.ACTIVITY_VERBS["survey"], key=len, reverse=True))

ROWS = [
    ("event-visit", "event", r"(" + _VISIT + r")(?![组团队报告工作结果成果方案])了?", 0.8,
     "昨日，市委组织部部长张宏益到长沙经开区调研自主可控及信息安全企业时强调，要做好服务。",
     "a visit or survey (调研/考察/视察/走访): the actor before the verb, the place after 到/赴 (LOCATED_IN), the object up "
     "to the clause's end, the organisations it names (CONCERNS); dev-A 4/4 → 0.8"),
    ("event-interview", "event", r"(做客|接受)(?=[^，。；]{2,30}?(?:访谈|专访|直播间|节目|栏目))", 0.65,
     "日前，湖南测试促进中心主任杨一艺做客人民网“人民会客厅”视频访谈栏目，介绍了产业情况。",
     "做客…访谈/栏目, 接受…专访: an interview of the actor (not 接受记者采访, which every report has); dev-A 1/1 → 0.65"),
    ("event-received", "event", r"(会见)了?(?=[^，。；]{2,40}?一行)", 0.7,
     "6月22日晚上，湖南省委副书记、省长许达哲在长沙会见了调研组一行。",
     "A会见了B一行: a meeting, named as the text names it (许达哲会见调研组一行), where 在X places it; the read gold makes "
     "every such 会见 of a visiting party an event (four of the five in the read pool; round blind-xa, dev-ZZY)"),
    ("event-received-party", "relation", None, 0.7,
     "开工仪式之前，长沙市市长胡忠雄会见了惠科集团总裁王智勇一行。",
     "the organisation whose officer leads the party received (惠科集团总裁王智勇一行) takes part in the meeting; the read gold "
     "does so in all three sentences that name one (round blind-xa)"),
    ("visit-accompanied", "relation", r"(陪同|随同|随行|一同)(?:调研|考察|视察|参观)?(?=[，。；]|$)", 0.7,
     "昨日，市委组织部部长张宏益到长沙经开区调研。长沙测试科技有限公司董事长李明、长沙示例研究院院长王刚等陪同。",
     "the bodies whose officials accompany a visit (…院长王刚等陪同, …随行调研) take part in the visit named last before, in "
     "the sentence or the three before"),
    ("visit-object", "relation", None, 0.7,
     "昨日，市委组织部部长张宏益到长沙经开区调研。张宏益实地调研了长沙测试科技有限公司、长沙示例信息有限公司等企业。",
     "the organisations a visit names after its verb (调研了A、B、C等企业), or a firm it is made in (在中电软件园调研), are what "
     "it concerns; dev-A 3/3 but dev-B 0/1 (below ACCEPT until round who-held); over every dev split in round who-held 4 "
     "of 5 → (4 + 1) / (5 + 2) = 0.7"),
    ("activity-officer-org", "relation", None, 0.5,
     "日前，长沙测试科技有限公司董事长杨一艺做客人民网“人民会客厅”视频访谈栏目，介绍了产业情况。",
     "the organisation whose officer (公司董事长杨一艺) is interviewed takes part; dev-A: the right body 1 of 1, "
     "named without the place the gold gives it (长沙市国链…中心), hence not higher"),
    ("visit-by-org", "relation", None, 0.65,
     "昨日，长沙测试科技有限公司董事长张宏益到长沙经开区调研信息安全企业。",
     "the organisation that visits, or whose officer does (外部董事宋宁、王作然等一行), takes part; never fired on dev-A "
     "(below ACCEPT until round who-held); over every dev split in round who-held 1 of 1 → (1 + 1) / (1 + 2) = 0.65"),
    ("visit-park", "relation", None, 0.45,
     "昨日，北京测试科技有限公司董事长张宏益到国家网络安全产业园区（北京）调研。",
     "a visit to a park concerns it; never fired on dev-A, so below ACCEPT (the event is proposed only with another fact)"),
    ("visit-site", "relation", None, 0.8,
     "昨日，市委组织部部长张宏益到长沙经开区调研信息安全企业。张宏益实地调研了长沙测试科技有限公司、长沙示例信息有限公司等企业。",
     "firms a visit to a region or zone saw are in that place (LOCATED_IN); dev-A 3/3. Firms seen on a visit to a park "
     "are its tenants (`visit-tenant`)"),
    ("visit-tenant", "relation", None, 0.45,
     "昨日，北京测试科技有限公司董事长张宏益到国家网络安全产业园区（北京）调研。张宏益实地调研了北京示例信息有限公司等企业。",
     "firms a visit to a park saw are its tenants; never fired on dev-A, so below ACCEPT"),
    ("honour-selected", "relation",
     r"(?:成功|正式|顺利)?入选了?((?:首批|第[一二三四五六七八九十\d]+批)?(?:“[^”]{1,10}”)?[\u4e00-\u9fff“”]{2,24}?"
     r"(?:集群|名单|试点|示范|示范区|示范基地|示范项目|示范企业|基地|园区|项目))(?=[，。；、]|$)", 0.75,
     "长沙测试科技有限公司成功入选“国家级”专精特新示范企业名单，为长沙发展吹响集结号。",
     "A入选B: B (quotes and 名单 dropped) is a designation A holds; a list before 入选: each member"),
    ("event-selected", "event", None, 0.65,
     "长沙测试科技有限公司入选国家级示范企业名单。",
     "A入选B with one A: the selection, an approval event concerning A and B, named as written (A入选B)"),
    ("event-policy-released", "event", r"(?:正式|近日|日前|已)?(?:对外|向社会)?(发布|印发|出台|公布|出炉)(?:给你们|给各[^，。；]{0,12})?(?=[，。；]|$)"
     r"|的(发布|出台|印发)|[^。；]{0,20}?[，,]现(?:将其?|予以?)?(印发)(?:给你们|给各)?", 0.65,
     "近日，《湖南省“十四五”信息化发展规划》发布。",
     "《X》(对外)发布 / 《X》的发布 / a notice's 《X》已经省政府同意，现印发给你们 with the title as the subject: the release "
     "of X, an event concerning it; dev-A 1/1 → 0.65"),
    ("event-policy-release-by", "relation", None, 0.65, "近日，四川省人民政府发布了《四川省“十三五”信息化规划》。",
     "the body that issues a policy (policy-issuer: X发布了《Y》) takes part in its release; not the body that approved "
     "it (已经X同意，现印发: dev-E's approver was a participant, dev-F's was not)"),
    ("event-report-released", "event", r"(?:白皮书|蓝皮书|报告|发展情况|指数|榜单|名单|框架|规范|倡议书?|宣言)(?:（[^）]*）)?(?:——[^》]{1,20})?(?=》|$)", 0.65,
     "中国信息通信研究院在论坛上发布了《中国网络安全产业白皮书（2020年）》。",
     "a title that is no policy but a report, white paper, index or list (the regex reads the title), released as a "
     "policy is (《X》发布, 发布了《X》): an announcement named after it, by the body named before the verb, concerning "
     "the report, a document (Policy, kind other) that concerns the place its title begins with (round `domains`; a "
     "subtitle after —— since round blind-o; the report as a document since round blind-zg)"),
    ("event-policy-released-before", "event", r"(?:会上|现场|正式|同时|还)?(发布|公布|出台)了?(?=《)", 0.35,
     "大会上发布了《通州区城市更新实施意见》。",
     "发布了《X》: the release of X, an event concerning it, as when the title comes first"),
    ("project-owner", "mention",
     r"(?:此次|本次|这次|这批|本批|首批)?(?:集中)?(开工|签约|落地|竣工|开业)的[^，。；：]{0,10}?项目(?:主要)?(?:有|包括|分别是|分别为|涵盖)[：:]?",
     0.7, "此次集中开工的重大产业化项目有莫仕连接器（成都）公司扩产项目、翰博集团精密清洗生产基地项目等。",
     "a firm that heads an item of the list of projects an event brought (莫仕连接器（成都）公司扩产项目): an "
     "enterprise, named up to its first 公司 or 集团 (round blind-zg)"),
    ("event-project-owner", "relation", None, 0.6,
     "3月13日，15个重大产业化项目在成都高新区集中开工。此次集中开工的重大产业化项目有莫仕连接器（成都）公司扩产项目、"
     "翰博集团精密清洗生产基地项目等。",
     "the firms whose projects an event brought (project-owner) take part in it: the event of that kind (开工, 签约) named "
     "before in the sentence, or last in the twelve before (round blind-zg)"),
]
