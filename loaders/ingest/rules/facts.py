"""Fact rows: relations, events and statistics read inside one sentence from the mentions found,
with the paragraph's park (or 园区/该园区 and a park's short form) as the subject where the
sentence names none."""
from .. import gazetteer as gz

_TRIGGERS = "|".join(sorted(gz.EVENT_TRIGGERS, key=len, reverse=True))

ROWS = [
    # ---- relations
    ("park-place", "relation", None, 0.85, "国家网络安全产业园区（西安）于2023年3月揭牌。", "the park's name names its place"),
    ("subpark-of-park", "relation", None, 0.8, "国家网络安全产业园区（北京）包括海淀园、通州园。"),
    ("park-spans-compound", "relation", None, 0.65, "国家网络安全产业园区（成渝地区）覆盖川渝地区。"),
    ("subpark-of-topic", "relation", None, 0.7, "国家网络安全产业园区（北京）建设加快。企业入驻海淀园、通州园。",
     "a sub-park named in a paragraph about its park"),
    ("domain-focus-region", "relation", None, 0.6, "成都市重点发展工控安全、密码产品等领域。",
     "domains listed where the sentence names a region and no park"),
    ("tenant-park-enterprise", "relation", r"(?:园区|入驻|园内|区内)企业", 0.75,
     "国家网络安全产业园区（西安）揭牌，园区企业西安测试科技有限公司获得称号。"),
    ("tenant-moved-in", "relation", r"(入驻|落户|进驻|签约入驻)", 0.75, "西安测试科技有限公司入驻国家网络安全产业园区（西安）。"),
    ("tenant-project", "relation", None, 0.65, "国家网络安全产业园区（北京）将建成西北工业大学北京研究院、网络安全领军人才培育基地等重大项目。"),
    ("tenant-enterprise-list", "relation", None, 0.6, "国家网络安全产业园区（长沙）聚集了长城科技、国科微、金山等企业。",
     "firms listed as the park's (聚集了A、B等企业)"),
    ("honour-holder", "relation", r"获得|获批|荣获|入选|被评为|认定|授予|享受|获评|列入", 0.8,
     "西安测试科技有限公司获得国家级专精特新“小巨人”企业称号。"),
    ("honour-park", "relation", None, 0.7, "国家网络安全产业园区（长沙）揭牌，并获批首批国家网络安全教育技术产业融合发展试验区。"),
    ("domain-focus", "relation", r"布局|聚焦|重点发展|深耕|主攻|领域", 0.75, "国家网络安全产业园区（成渝地区）在工控安全、密码产品等领域形成集聚。"),
    ("policy-issuer", "relation", r"印发|发布|出台|制定|颁布|下发|发文", 0.85, "重庆市经济信息委印发了《关于推进园区建设工作的通知》。"),
    ("policy-park", "relation", None, 0.7, "长沙市出台《关于支持网络安全产业园区建设的意见》，支持国家网络安全产业园区（长沙）发展。"),
    ("policy-park-topic", "relation", None, 0.6, "国家网络安全产业园区（长沙）揭牌。长沙市出台了《网络安全产业园区扶持政策》。"),
    ("parent-of-institute", "relation", None, 0.7, "西北工业大学北京研究院入驻国家网络安全产业园区（北京）。"),
    ("zone-list-member", "relation", None, 0.75, "工信部公布首批国家网络安全教育技术产业融合发展试验区名单。首批获授牌的两个试验区是：合肥高新技术产业开发区、济南高新技术产业开发区。",
     "each member of a counted list holds the designation"),
    # ---- linking (loaders/ingest/linking.py): how sure a link or a new entity is
    ("link-by-name", "link", None, 0.95, "湖南省网络安全产业发展迅速。", "an existing entity by its name or an alias"),
    ("link-other", "link", None, 0.75, "北京网腾科技有限公司入驻园区。", "an existing entity by pinyin or the graph's search"),
    ("link-implied", "link", None, 0.6, "国家网络安全产业园区（西安）揭牌。", "a new entity implied by a fact, with no mention of its own"),
    # ---- events
    ("event-subject", "event", r"(" + _TRIGGERS + r")", 0.85, "国家网络安全产业园区（长沙）于2020年6月正式揭牌。"),
    ("event-project-list", "event", None, 0.8, "西北工业大学北京研究院、网络安全领军人才培育基地等重大项目将竣工。"),
    ("event-meeting", "event", None, 0.7, "国家网络安全产业园区（长沙）举办网络安全人才创新创业教育论坛等活动。"),
    ("event-meeting-participant", "relation", None, 0.7, "国家网络安全产业园区（长沙）举办网络安全人才创新创业教育论坛等活动。"),
    # ---- statistics
    ("stat-number", "statistic",
     r"(?P<q1>超过|不少于|不到|约|近|逾|累计|达到|达|突破|共计|共)?\s*(?P<num>\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+(?![年月日]))\s*(?P<q2>多|余)?\s*"
     r"(?P<mult>万亿|亿|万|千)?\s*(?P<q3>多|余)?\s*"
     r"(?P<unit>万亿元|亿元|万元|元|家|个|名|人|位|项|件|次|期|倍|%|％|平方公里|平方千米|平方米|㎡|亩|公顷|所|座|支)(?P<q4>以上)?",
     0.85, "截至2022年底，国家网络安全产业园区（西安）共引进网络安全企业超过45家。",
     "subject named in the clause before the number; Chinese numerals by cn2an"),
    ("stat-topic", "statistic", None, 0.7, "国家网络安全产业园区（西安）揭牌。截至2022年底，共引进企业超过45家。",
     "no subject in the clause: the park the paragraph is about"),
    ("stat-region", "statistic", r"全(?:省|市|区|县)(?!首|第|唯)|(?:省|市|区|县)内", 0.6, "湖南省网络安全产业规模全省超过200亿元。",
     "a region-level figure (全省, or a region named and no park word): the region's, never the park's"),
    ("stat-region-context", "statistic", None, 0.6, "长沙市网络安全产业发展迅速。目前有企业300家。",
     "no organisation or park: the region the sentence or paragraph names"),
    ("text-layout_slogan", "statistic", r"(?:形成|概括为|构建)[^，。；]*?“([^”]{4,40})”的?(?:总体|整体|空间)?(?:布局|格局)?", 0.7,
     "国家网络安全产业园区（北京）形成“三园协同、多点联动、先行带动”的总体布局。"),
    ("text-development_main_line", "statistic", r"以“([^”]{4,40})”为(?:主线|核心|引领|方向)", 0.7,
     "国家网络安全产业园区（长沙）以“南北呼应、东西辐射、技术突破、产业融合”为主线。"),
    ("text-distinction", "statistic",
     r"(?:成为|是|为)((?:全国|国内|全球|中国|我国|西部|中部|东部)?(?:首个|首家|第一个|唯一|第一家|首批)[^，。；]{2,40})", 0.7,
     "国家网络安全产业园区（成渝地区）是全国第一个跨省域的国家级网络安全产业园区。"),
    ("text-development_goal", "statistic", r"(将[^，。；]{2,30}?打造(?:为|成)[^，。；]{2,60})", 0.7,
     "国家网络安全产业园区（长沙）将园区打造成为全国领先的网络安全产业高地。"),
    # ---- status: wording that makes a figure a target or a forecast, never an actual
    ("status-forecast", "statistic", r"预计|有望|预期", 0.85, "国家网络安全产业园区（长沙）产业规模预计2022年达到1000亿元。"),
    ("status-target", "statistic", r"力争|目标|计划|将达|将突破|将超过|争取|到\s*\d{4}\s*年|\d{4}\s*年前", 0.85,
     "国家网络安全产业园区（长沙）力争到2025年产业规模达到1000亿元。"),
]
