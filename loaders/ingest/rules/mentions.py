"""Mention rows: where a name is in the text and what class it is. `dictionary` matches the
knowledge base's names; the `suffix-*` rows read a name right to left from its suffix with jieba's
words and parts of speech (loaders/ingest/mentions.py); the rest are patterns on the text."""
from .. import gazetteer as gz

HAN = r"\u4e00-\u9fff"
_INST = "|".join(x for x, _ in gz.INSTITUTION_SUFFIXES)
_PROG = "|".join(x for x, _ in gz.PROGRAMME_SUFFIXES if x not in ("称号", "特殊津贴", "工程", "计划"))
_COMP = "|".join(sorted(gz.COMPOUNDS, key=len, reverse=True))
_ITEM_SEP = r"[、和及与]"

ROWS = [
    ("dictionary", "mention", None, 0.95, "湖南省网络安全产业发展迅速。",
     "names and aliases of the graph and data/ (longest first)"),
    ("policy-title", "mention", r"《([^《》]{2,120})》", 0.85, "工信部印发了《关于促进网络安全产业发展的指导意见》。"),
    ("park-name", "mention", r"国家网络安全产业园区?[（(]([^（）()]{1,12})[）)]", 0.9, "国家网络安全产业园区（西安）建设加快。"),
    ("honour", "mention", r"(?:获得|荣获|获评|被评为|入选)(国家级|省级|市级)?([^，。；、]{2,30}?)(?:企业)?称号", 0.85,
     "园区企业西安测试科技有限公司获得国家级专精特新“小巨人”企业称号。"),
    ("special-allowance", "mention", r"(?:享受)?(国务院|政府|省政府)特殊津贴", 0.85, "国家网络安全产业园区（长沙）有享受国务院特殊津贴专家84名。"),
    ("quoted-project", "mention", r"(?:建设|打造|实施|推进|建成)[^，。；“]{0,24}“([^”、，]{2,10})”(?=[，。；、等]|$)", 0.7,
     "国家网络安全产业园区（长沙）建设“一院四中心”，形成产业集聚。"),
    ("project-list", "mention", r"([^，。；：]{2,120}?)等(?:一批)?(?:重大|重点)?项目", 0.75,
     "国家网络安全产业园区（北京）将建成西北工业大学北京研究院、网络安全领军人才培育基地等重大项目。"),
    ("meeting", "mention", r"(?:举办|召开|主办|承办|举行)了?([^。；]{2,160}?)(?:等(?:系列)?活动|[，。；]|$)", 0.75,
     "国家网络安全产业园区（长沙）举办网络安全人才创新创业教育论坛等活动。"),
    ("domain-list", "mention", r"(?:在|聚焦|围绕|重点发展|深耕|覆盖|涵盖)([^，。；在]{2,80}?)等(?:重点|多个|关键|细分)?领域", 0.8,
     "国家网络安全产业园区（成渝地区）在工控安全、密码产品等领域形成集聚。"),
    ("region-compound", "mention", f"({_COMP})(地区|两地|三地|区域|一带)?", 0.8, "川渝地区网络安全产业发展迅速。"),
    ("enterprise-list", "mention",
     r"(?:聚集了|集聚了|汇聚了|吸引了|引进了|培育了|拥有|包括|入驻了|落户了|如|(?<=[，。；：:])|^)([^，。；：]{2,200}?)等(?:一批|多家|\d+家|[一二三四五六七八九十百]+家)?(?:知名|龙头|骨干|重点|优势|头部|领军)?(?:网络安全|网安|信创|软件)?(?:企业|公司|厂商)",
     0.7, "湖南聚集了长城科技、国科微、金山等企业。", "names without a suffix, enterprises by their context (a list of two or more)"),
    ("zone-list", "mention",
     r"(?:[的]|首批)[^，。；：]{0,12}?(?:[两三四五六七八九十\d]+)个(试验区|示范区|园区|分园|基地)(?:是|为|分别是|包括)[：:]?([^。；]{4,300})",
     0.75, "首批获授牌的五个试验区是：合肥高新技术产业开发区、北京市海淀区。", "members of a counted list, one per item"),
    ("devzone", "mention", r"([" + HAN + r"]{2,8}?(?:市|省)?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|自贸区|新区))(?![" + HAN + r"])",
     0.75, "园区位于济南高新技术产业开发区。", "development zones keep their full name, never cut to the city"),
    ("office", "mention", r"((?:[" + HAN + r"]{2,4}(?:省|市|区|县)|国务院)(?:人民)?政府(?:新闻办(?:公室)?|办公厅|办公室))", 0.8,
     "湖南省政府新闻办召开新闻发布会。", "offices outside the place+委/厅/局 pattern"),
    ("park-short-form", "mention", r"(国家网络安全产业园区?|网络安全产业园区?|园区|产业园)(?![（(])", 0.8,
     "北京正加快推进国家网络安全产业园区建设。", "a park named by its place (长沙园区) or bare, with the place before it in the sentence"),
    ("subpark-pair", "mention", r"([\u4e00-\u9fff]{2,3})(?:和|、|与)([\u4e00-\u9fff]{2,3}?)(?:两个|二个)(?:分)?园区?", 0.8,
     "企业签约入驻海淀和通州两个园区。", "sub-parks named by their places (海淀和通州两个园区 → 海淀园, 通州园)"),
    ("suffix-enterprise", "mention", r"(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团)", 0.75, "园区企业长沙测试科技有限公司入驻。"),
    ("suffix-institution", "mention", f"(?:{_INST})", 0.75, "西北工业大学北京研究院建成。"),
    ("suffix-programme", "mention", f"(?:{_PROG})", 0.75, "园区获批首批国家网络安全教育技术产业融合发展试验区。"),
    ("suffix-govbody", "mention", r"(?:委员会|经济信息委|经信委|发改委|人民政府|办公室|委|厅|局|部)", 0.75,
     "重庆市经济信息委印发通知。"),
    ("suffix-subpark", "mention", r"园(?!区)", 0.75, "国家网络安全产业园区（北京）包括海淀园、通州园。"),
    ("parent-in-name", "mention", r"^(.{2,}?(?:大学|学院|科学院))(.{2,}(?:研究院|分院|校区|研究所|研究中心))$", 0.7,
     "西北工业大学北京研究院建成。", "the university in 西北工业大学北京研究院"),
    ("event-trigger", "mention", None, 0.85, "国家网络安全产业园区（长沙）于2020年6月正式揭牌。",
     "an event named by what happened (facts.py: the event-* rows)"),
]
