"""Names read by their suffix (…有限公司, …大学, …委, …园, …小镇): how far left a name reaches from its
suffix, whether it says which one, and — for a local area — where its address ends (rule area-address).
Split from mentions.py, which finds every other kind of mention."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .kb import norm
from .normalise import STANDARD_VARIANTS
from .rules import conf, rx
from .rules.mentions import HAN

# a verb this rare in jieba's dictionary (登临 53) can be a brand; a verb that opens a clause is far commoner (落户 204,
# 打造 661, 成立 14079: 在上海成立科技有限公司 names no firm 上海成立)
RARE_VERB = 100
# the industry words of a registered firm name (字号 + 行业 + 组织形式: 上海·登临·科技·有限公司): a name made of these and
# its suffix alone has no brand yet
BRANDLESS = {"科技", "信息", "技术", "信息技术", "网络", "软件", "电子", "智能", "数字", "通信", "半导体", "微电子", "数据",
             "实业", "投资", "控股", "集团"}
# words jieba tags as adverbs (d) that firm and park names are made of: 武汉东湖高新集团股份有限公司, 东湖高新两江半导体产业园
# (jieba: 东湖/ns 高新/d; round blind-yc, dev-ZZA had cut both at 高新: a firm 集团股份有限公司 and a park 两江半导体产业园)
NAME_ADVERBS = {"高新"}
GLUED_PREP = "向在对从于与和同跟把被给将"   # prepositions jieba's HMM glues to the word before a name
# the one-character words jieba's HMM glues to an area's suffix (数据谷|要, 小镇|将): the name ends before them
GLUED_AFTER_AREA = ("要", "将", "已", "是", "也", "还", "都", "于", "在", "和", "与", "等", "及")
SEPARATORS = ("、", "，", ",", "：", ":", "；", "（", "“")
STOP_FLAGS = {"x", "c", "p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "m", "q", "r", "f", "t", "v", "vd", "y",
              "e", "o", "w", "zg", "mq", "b", "eng"}
NAME_RX = re.compile(f"^[{HAN}A-Za-z0-9]+$")
# a count in 个 right before a name, perhaps with a short modifier and 的 (3—5个成熟的…集聚区, 10个特色园区): several of a kind
COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)(?:\s*[—\-–~至到]\s*(?:\d+|[一二三四五六七八九十]+))?\s*个"
                     f"(?:[{HAN}]{{1,4}}的)?$")
BRACKET_TAIL = re.compile(f"[（(](?!以下|简称|下称|下同)[{HAN}0-9]{{2,6}}[）)]")


# an industry and a word for a place it gathers in (大数据产业基地, 电子信息产业高地): what kind of place, named by no one
INDUSTRY_BASE = re.compile("(?:" + gz.REGION_INDUSTRIES_ALT + ")(?:产业|业)?(?:基地|高地|集聚区)")


class SuffixNamesMixin:
    def _kind_by_suffix(self, name: str) -> tuple[str | None, str | None]:
        for suf, kind in gz.PROGRAMME_SUFFIXES:
            if name.endswith(suf):
                return "TalentProgram", kind
        for suf, kind in gz.INSTITUTION_SUFFIXES:
            if name.endswith(suf):
                return "Institution", kind
        if re.search(r"(有限公司|集团)$", name):
            return "Enterprise", None
        return None, None

    def _begins_with_place(self, a: int, b: int, name: str) -> bool:
        """Does the name begin with a place (a built-in region, jieba's ns, a place mention) and name no 国家 after it?"""
        first = self.words(a, b)[:1]
        return "国家" not in name[2:] and bool(self.region_prefix(name) or re.match("中国[（(]", name) or (
            first and first[0][1] == "ns") or any(x.label == "Region" and x.start == a for x in self.sent_mentions(a)))

    def _project_item(self, a: int, b: int, item: str, label: str | None, kind: str | None) -> None:
        """An item of a list of projects: a base or a centre by its suffix; else 万兴科技总部项目 / 百度ARM云手机项目, the
        firm whose project it is, a listed enterprise (`project-of-firm`)."""
        if label:
            self.adopt_or_add(a, b, label, "pattern:project-list", conf("project-list"), project=True, kind=kind)
        elif m := rx("project-of-firm").fullmatch(item):
            self.adopt_or_add(a, a + m.end(1), "Enterprise", "pattern:project-of-firm", conf("project-of-firm"), listed=True)

    SUFFIX_ROWS = (("Enterprise", "suffix-enterprise"), ("Institution", "suffix-institution"),
                   ("TalentProgram", "suffix-programme"), ("GovernmentBody", "suffix-govbody"), ("SubPark", "suffix-subpark"),
                   ("Region", "suffix-area"))

    def _devzones(self, t: str) -> None:
        """Development zones (devzone) by their full names, never cut to the city. The province an address begins with
        is no part of the name (四川省成都市高新区: 四川省 stays a place of its own), and a city's 市 before 高新区 or 经开区
        is not written in the name the zone goes by (成都市高新区 is 成都高新区: round blind-zo)."""
        for m in rx("devzone").finditer(t):
            a, b = m.start(1), m.end(1)
            a = self._zone_start(a, b)
            if a is not None and (d := re.match(r"[东西南北](?:连|接|邻|靠|临|至|起)", t[a:b])):
                a += d.end()   # 西连高新区科研中心: where a place borders, not a zone named 西连高新区
            if a is None or re.fullmatch(r"[东西南北]区", t[a:b]):   # 把高新东区: no zone's quarter without the zone
                continue
            if re.search(r"第[一二三四五六七八九十\d]+[个家批]|首[个家批]|唯一", t[a:b]):
                continue   # 是我国内陆地区第一个综合保税区: what the zone is, no name (round blind-yw, dev-ZZU)
            if (p := self.region_prefix(t[a:b])) and self._builtin_regions[p][2] == "province" and \
                    (c := self.region_prefix(t[a + len(p):b])) and self._builtin_regions[c][2] == "city":
                a += len(p)
            city = re.fullmatch(f"([{HAN}]{{2,3}})市(高新区|经开区)", t[a:b])
            name = city.group(1) + city.group(2) if city and self._builtin_regions.get(city.group(1) + "市", ("",))[-1] == "city" else None
            if t[a:b].endswith("综保区"):   # 成都高新综保区 is 成都高新综合保税区 written short
                name = (name or t[a:b])[:-3] + "综合保税区"
            self.adopt_or_add(a, b, "Region", "pattern:devzone", conf("devzone"), name=name, kind="zone")

    def _address_places(self, t: str) -> None:
        """位于湖南省长沙市岳麓区: the district of an address (address-place), without its province and city; a city's
        short form before a district it holds is no part of it (成都锦江区 is 锦江区: round blind-zo)."""
        for m in rx("address-place").finditer(t):
            a, b = m.start(3), m.end(3)
            if self.text[a:b] in gz.ZONE_WORDS or self.text[a:b] in gz.AREA_WORDS or b - a < 3:
                continue
            a += next((k for k in range(2, b - a - 2) if t[a:a + k] in self._builtin_regions and t[a + k:b] in self._builtin_regions), 0)
            self.adopt_or_add(a, b, "Region", "pattern:address-place", conf("address-place"), kind="district")

    def _ministry_departments(self, s) -> None:
        """工信部电子信息司: a department named with its ministry's full name (ministry-department)."""
        for m in rx("ministry-department").finditer(s.text):
            hit = self.kb.lookup_exact(m.group(1), ("GovernmentBody",))
            self.adopt_or_add(s.start + m.start(), s.start + m.end(), "GovernmentBody", "pattern:ministry-department",
                              conf("ministry-department"), name=(hit.name_zh if hit else m.group(1)) + m.group(2),
                              ministry=m.group(1))

    def _suffix_patterns(self, s) -> None:
        self._ministry_departments(s)
        hits = [(label, name, m) for label, name in self.SUFFIX_ROWS for m in rx(name).finditer(s.text)]
        # the rightmost suffix first within a row: 西北工业大学北京研究院 is one name, not 大学 + 北京研究院
        hits.sort(key=lambda h: (self.SUFFIX_ROWS.index((h[0], h[1])), -h[2].end()))
        if not hits:
            return
        toks = self.tokens(s)
        ends = {b for (_, b, _, _) in toks}
        for label, rule, m in hits:
            ss, se = s.start + m.start(), s.start + m.end()
            if not self.claimable(ss, se):
                # a dictionary match that ends inside the suffix (国家电子政务专家委|员会) does not stop the longer
                # name, which decides below; one that holds the whole suffix is a name already
                held = [x for x in self.sent_mentions(ss) if x.how == "dictionary" and x.start < se and ss < x.end]
                if any(v not in (0, 4) for v in self.mask[ss:se]) or not held or any(x.end >= se for x in held):
                    continue
            if se not in ends and label != "SubPark":
                # the suffix must end a word: 总部, 内部, 干部 are not bodies
                glued = [t for t in toks if t[0] < se < t[1]]
                # 仙桃数据谷|要引进 (jieba's HMM cuts 谷要): a function word glued to the suffix ends the name there too
                # (round blind-ye, dev-ZZC); a body's suffix takes the prepositions (…局于, …委和)
                rest = glued[0][2][se - glued[0][0]:] if glued else ""
                if not (label == "GovernmentBody" and rest in ("于", "在", "和", "与", "等", "及")
                        or label == "Region" and rest in GLUED_AFTER_AREA):
                    continue
            if label == "GovernmentBody" and any(t[1] == se and t[0] < ss and t[2] in gz.NOT_A_BODY_WORD for t in toks):
                continue   # 规划布局: the suffix ends a common word
            a = self.left_boundary(s, ss)
            if se - a < len(m.group()) + 2:
                continue
            if any(x.end() == a for x in rx("kind-after-count").finditer(self.text, max(s.start, a - 6), a)):
                self.context_rows.add("kind-after-count")
                continue   # 10个软件园区, A、B等专业园区: what kind they are, not which one
            name = self.text[a:se]
            if label in ("TalentProgram", "Region") and self.text[a - 1:a] == "的" and INDUSTRY_BASE.fullmatch(name):
                continue   # 建成国内重要的大数据产业基地: the goal a place sets (a text value), no base of that name (round
                # blind-yk, dev-ZZI; none of the six such on the read pool is a gold entity)
            if label == "TalentProgram" and name.startswith("首批"):
                a += 2
                name = name[2:]
            if not self.claimable(a, se):
                continue
            if label == "GovernmentBody":
                first = self.words(a, se)[:1]
                place = any(x.label == "Region" and x.start == a and x.how == "dictionary" for x in self.sent_mentions(a))
                if not first or not (first[0][1] == "ns" or place or first[0][0] in ("国家", "中央", "国务院") or (
                        first[0][1] == "nt" and m.group() in ("人民政府", "政府", "管委会", "委员会")
                        and self.region_prefix(name))):
                    continue   # 湖南省人民政府 is one word (nt) to jieba: a body of the place it begins with
                if m.group() == "部" and len(self.words(a, se)) < 2:
                    continue
            kind = None
            if label == "Region":   # 张家湾设计小镇, 未来设计园区; a place + 园区 (长沙园区, 海淀园区) is a park's short form
                ws = self.words(a, se)
                if not ws or (m.group() == "园区" and (ws[0][1] == "ns" or self.region_prefix(name))) or \
                        re.match("全[省市区县国]", name) or re.search("[高低大小多少优强快]于", name):
                    continue   # 全市重点软件园区: all of a kind in a place, no one area (round blind-m); 远高于园区总收入: a comparison
                if m.group() == "园区" and not self._names_which(a, se - 2):
                    continue   # 国家级文化产业示范园区: a kind of park (a title parks get), not one (round blind-zm)
                kind = "area"
            if label == "SubPark":
                ws = self.words(a, se)
                # 东升科技园, 温泉科技园: a word jieba's dictionary tags as a name (nr) begins a local area's name too
                # (not nz: every word only its HMM found is nz, 正对标 of 正对标中国软件名园 among them)
                proper = ws[0][1] == "nr" and len(ws[0][0]) >= 2 if ws else False
                # 马栏山视频文创产业园, 新川创新科技园: 产业园/科技园 name a park whatever word begins it (软件园: 4 right, 3 wrong)
                # (not 深信服网络安全产业园（第二总部）项目: a firm's project, the firm the list's item)
                # (nor the national park's bare name, 国家网络安全产业园: park-short-form's)
                industrial = name.endswith(("产业园", "科技园")) and self._names_which(a, se - 3) and \
                    not re.match(r"(?:（[^）]{1,8}）)?项目", self.text[se:se + 12]) and not rx("park-short-form").fullmatch(name)
                if not ws or name in ("产业园", "科技园", "公园", "校园", "家园", "花园", "园") or \
                        not (ws[0][1] == "ns" or proper or industrial or self._has_park(s)):
                    continue
                if not self._has_park(s) and not (ws[0][1] == "ns" and name == ws[0][0] + "园"):
                    # 上海浦东软件园, 成都芯谷澜谷科创园: a 园 no national park names as its own is a local
                    # area (Region), as the corpus's labellers write it; a sub-park is one a park's sentence names,
                    # or a place's name and 园 alone (通州园, 大兴园: how a zone's or a park's sub-parks are called)
                    label, rule, kind = "Region", "suffix-area", "area"
            if kind == "area":   # 成都市双流区 | 成都芯谷澜谷科创园: the address is no part of the name
                a += self.address_chain(name)
                name = self.text[a:se]
            kind = kind or next((k for suf, k in gz.INSTITUTION_SUFFIXES + gz.PROGRAMME_SUFFIXES if name.endswith(suf)), None)
            if label == "TalentProgram" and re.search(r"产业(?:园区)?基地$", name):
                label, kind = "Region", "zone"   # 长沙国家软件产业基地: a place firms settle in, not a programme
            elif label == "TalentProgram" and rx("zone-by-place").fullmatch(name[-3:]) and self._begins_with_place(a, se, name):
                label, kind = "Region", "zone"   # 中关村示范区: a zone by the place it begins with (zone-by-place)
                self.context_rows.add("zone-by-place")
            if not self.specific(a, se, len(m.group())):
                continue
            first_batch = self.text[max(0, a - 2):a] == "首批"
            # 湖南省区块链产业园(娄底万宝), 成都智算中心(大邑), …基地(一期): a bracket after an area's name says which one
            # (the gold names it so 8 times of 10 on the dev pool); not (以下简称…)
            if kind in ("area", "zone") and (br := BRACKET_TAIL.match(self.text, se)) and self.claimable(se, br.end()):
                se = br.end()
                if self.text.startswith("总部", se) and self.claimable(se, se + 2):
                    se += 2   # 中南大学科技园(研发)总部: the headquarters the bracket names is the area (round blind-zq, dev-ZP)
            self.add_mention(a, se, label, f"pattern:{rule}", conf(rule), kind=kind, first_batch=first_batch,
                             level="national" if name.startswith("国家") and label == "TalentProgram" else None)
            self.claim(a, se)

    def address_chain(self, name: str) -> int:
        """How many leading characters of a local area's name are its address (成都市双流区 | 成都芯谷澜谷科创园,
        岳麓区 | 麓谷软件园): a run of known divisions down to a district, or of two divisions or more, with a
        specific name after it (`area-address`). One city alone stays in the name (长沙软件园 is its name)."""
        depth = {"province": 0, "municipality": 0, "city": 1, "district": 2}
        i, levels, code = 0, [], ""
        while True:
            # each division lies in the one before it: 成都市双流区 | 成都芯谷…, where the second 成都 begins the name
            p = self.region_prefix(name[i:])
            kind = self._builtin_regions[p][2] if p else ""
            if code and (not p or not self._builtin_regions[p][0].startswith(code)):
                under = gz.divisions_under().get(code, {})   # 北京市 | 通州区: a name that is unique only under its parent
                p = next((name[i:i + k] for k in range(6, 2, -1) if name[i:i + k] in under), None)
                kind = under.get(p or "", "")
            if not p or depth.get(kind, -1) <= (depth[levels[-1]] if levels else -1):
                break
            if p in self._builtin_regions:   # the code prefix of what lies under it (湖南省 43, 长沙市 4301)
                code = self._builtin_regions[p][0][:2 + 2 * depth[kind]]
            i += len(p)
            levels.append(kind)
        if not levels or (levels[-1] != "district" and len(levels) < 2) or len(name) - i < 4:
            return 0
        self.context_rows.add("area-address")
        return i

    def _has_park(self, s) -> bool:
        return any(m.label == "Park" for m in self._by_sent.get(s.idx, ()))

    def left_boundary(self, s, suffix_start: int, max_len: int = 24) -> int:
        """Read words right to left from a name's suffix until a verb, function word or stop word."""
        toks = self.tokens(s)
        start = suffix_start
        j = max((i for i, t in enumerate(toks) if t[0] < suffix_start), default=-1)
        while j >= 0:
            a, b, w, f = toks[j]
            if w in ("）", ")") and j >= 3 and toks[j - 2][2] in ("（", "(") and toks[j - 1][3] == "ns" and \
                    NAME_RX.match(toks[j - 3][2]) and toks[j - 3][2] not in gz.NAME_STOPWORDS:
                # 出光电子材料（中国）有限公司, 中国移动(成都)产业研究院: a place in brackets inside a name is part of it
                start, j = toks[j - 2][0], j - 3
                continue
            if w in ("）", ")") and j >= 3 and toks[j - 2][2] in ("（", "(") and toks[j - 1][3] == "eng" and \
                    NAME_RX.match(toks[j - 3][2]) and toks[j - 3][2] not in gz.NAME_STOPWORDS:
                # 广东欧珀（OPPO）公司: the brand in Latin letters in brackets is part of the name (round blind-ym, dev-ZZK)
                start, j = toks[j - 2][0], j - 3
                continue
            if w.endswith(("企业", "厂商")) and start < suffix_start and self._is_place(toks[j + 1]):
                break   # 贸易龙头企业广西晨华集团: what kind of firm it is, before the place its name begins with (dev-ZZK)
            # 湖南省文化和旅游厅, 重庆高新区规划和自然资源局: the 和 of an office's two remits is part of its name (round blind-zm)
            office_and = w == "和" and gz.OFFICE_REMIT_AND.search(self.text, max(0, a - 4), a) is not None
            inside = (f in ("v", "vn") and w in gz.NAME_VERBS) or (f == "m" and re.match(gz.ORDINAL_RX, w)) \
                or w in STANDARD_VARIANTS or office_and \
                or (f == "t" and w in ("新一代", "下一代", "新时代")) \
                or (f == "d" and w in NAME_ADVERBS)   # 明昇集团: a variant kept for names (jieba: 昇/zg) is a name's character
            # 国家新一代人工智能创新发展试验区: jieba tags 新一代 a time word (t), which ends no name (round blind-ym, dev-ZZK)
            if (w in gz.NAME_STOPWORDS and not office_and) or (f in STOP_FLAGS and not inside) or not NAME_RX.match(w) or \
                    (f == "nz" and w[-1] in GLUED_PREP):
                if f in ("v", "vn") and len(w) == 2 and j >= 1 and self._is_place(toks[j - 1]) \
                        and self.pt.tokenizer.FREQ.get(w, 0) < RARE_VERB and all(
                        x[2] in gz.GENERIC_WORDS or x[2] in BRANDLESS for x in toks if start <= x[0] < suffix_start):
                    # 上海登临科技有限公司: a brand jieba reads as a rare verb (登临), between a place and the kind, where
                    # the name would have no brand at all (round blind-zk, dev-ZK: 上海 + 科技有限公司)
                    start, j = a, j - 1
                    continue
                if w == "中" and f == "f" and (j == 0 or toks[j - 1][2] in SEPARATORS):
                    # 中电工业互联网有限公司 opening a sentence or a list item: nothing before 中 for it to be the 中 of
                    # “在…中”, so it is the brand's first character (jieba: 中/f 电/n; round blind-zq, dev-ZP)
                    start = a
                    break
                brand = self._brand_after_place(toks, j)
                if brand is not None:   # 北京中集智能科技有限公司: jieba cuts the brand 中集 into 中/f 集/q (round blind-ze)
                    start, j = toks[brand][0], brand - 1
                    continue
                break   # a verb glued to the name's suffix (委于) still ends the name at the suffix; a word only
                # jieba's HMM found that ends in a preposition (网信办向 | 长沙学院) ends the name before it
            if suffix_start - a > max_len or any(v not in (0, 4) for v in self.mask[a:min(b, suffix_start)]):
                break
            start = a
            j -= 1
        return start

    def inside_name(self, pos: int) -> bool:
        """Is the 和/及/与 at `pos` inside a proper name jieba knows whole (诺和诺德/nz), so that it joins no two items?
        (round blind-zq, dev-ZP: 拜耳、三星、赛诺菲、诺和诺德等 had given a firm 诺德)"""
        if self.text[pos] not in "和及与":
            return False
        return any(a < pos and b > pos + 1 and f in ("nz", "nt", "nr", "nrt") for a, b, _, f in self.tokens(self.sentence_at(pos)))

    def unquoted(self, a: int, b: int) -> tuple[int, int]:
        """A name wholly inside one pair of quotes (“…”, more than a character) is the span inside them; so is a meeting's
        name opened by “ and cut at a meeting word before its closing quote (在举行的“…对接会暨…发布会”上: the whole
        name, and no quote in it; round blind-yu, dev-ZZS)."""
        t = self.text[a:b]
        if len(t) > 2 and t[0] == "“" and t[-1] == "”" and "”" not in t[1:-1]:
            return a + 1, b - 1
        c = self.text.find("”", b)
        if len(t) > 2 and t[0] == "“" and "”" not in t and 0 <= c - b <= 40 and not re.search(r"[“，。；：]", self.text[b:c]) \
                and self.text[a + 1:c].endswith(gz.MEETING_SUFFIXES):
            return a + 1, c
        return a, b

    def _is_place(self, tok) -> bool:
        return tok[3] == "ns" or tok[2] in self._builtin_regions

    def _brand_after_place(self, toks, j: int) -> int | None:
        """Where a brand starts that jieba cut into single characters between a place and the rest of a name: the two
        one-character tokens ending at `j`, right after a place (ns, or a place the gazetteer knows); None otherwise.
        Two, not one: one alone (城市副中心: 副) is a word of the name's kind, not a brand."""
        k = j - 1
        if k < 1:
            return None
        place, run = toks[k - 1], toks[k:j + 1]
        if not self._is_place(place) or place[1] != run[0][0]:
            return None
        if all(len(w) == 1 and NAME_RX.match(w) and w not in gz.NAME_STOPWORDS and f not in ("x", "c", "p", "u", "uj", "v")
               for _, _, w, f in run):
            return k
        return None

    def _names_which(self, a: int, b: int) -> bool:
        """Does 马栏山视频文创 (before 产业园) hold a word that is neither a kind nor an industry (数字经济, 特色)?"""
        parts = [self.text[max(x, a):min(y, b)] for (x, y, _, _) in self.tokens(self.sentence_at(a)) if x < b and y > a]
        parts = [w[:-2] if w.endswith("产业") else w for w in parts]   # 文化产业 is one word to jieba
        return any(len(w) >= 2 and w not in gz.GENERIC_WORDS and w not in gz.INDUSTRY_WORDS and w not in gz.KNOWN_DOMAINS
                   for w in parts)

    def specific(self, a: int, b: int, suffix_len: int) -> bool:
        """Does the name say which one (a place, an organisation, a proper word), or only what kind?"""
        ws = self.words(a, b - suffix_len, overlap=True) if b - suffix_len > a else []
        if not ws or re.fullmatch(r"[一二两三四五六七八九十百\d]+[大个家所座项类]?", self.text[a:b - suffix_len]) or \
                self.text[a:b - suffix_len] in gz.GENERIC_WORDS:   # 三大园区: a count; IDM产业基地 cut at IDM: 产业基地 is a kind
            return False
        if COUNTED.search(self.text, max(0, a - 16), a):   # 建成3—5个成熟的人工智能产业集聚区: counted, so a kind
            return False
        known = self._known_names
        for w, f in ws:
            if f in ("ns", "nt", "nr", "nrt", "nrfg") or (norm(w) in known and w not in gz.GENERIC_WORDS) or w in ("国家", "中国", "首批"):
                return True
        return any(w not in gz.GENERIC_WORDS and len(w) >= 2 and f not in ("v", "vn", "a", "ad", "an") for w, f in ws)
