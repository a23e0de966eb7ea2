"""Statistic rows: a number with a unit (Arabic or Chinese numerals, the latter read by cn2an) and
text-valued statistics (slogans, main lines, distinctions, goals); the subject is the organisation
the clause names before the figure, else the park the paragraph is about (a short form or
园区/该园区 resolves to it), else — for 全省/全市 figures — the region; the status comes from the
wording (预计 → forecast; 力争/目标/到…年/将 → target), never actual for those."""
from __future__ import annotations

import re
from functools import cached_property

from . import gazetteer as gz
from .model import ObsFact
from .normalise import chinese_number
from .relations import ORG_LABELS
from .rules.mentions import HAN
from .rules import conf, rx
from .figure_owners import FigureOwnersMixin
from .status import ACTUAL, Status, StatusMixin

MULT = {"": 1, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
# what a bare 亿 (no unit after it) counts when its clause names it: users, people, visits, devices — not money
BARE_COUNT = re.compile(r"用户|网民|人口|人次|连接数?|终端|下载量?|访问量|观看|浏览量|播放量|出货量|台(?:套)?数|部手机")
# 共签约 counts a signing's items, no running total (A1: 共有47个项目签约; round blind-o: 0 of 3 in the gold)
# 29.3万元/人: a rate per head, which the unit list has no unit for (round blind-ye, dev-ZZC: read as 29.3万元)
PER_UNIT = re.compile(r"\s*/\s*[\u4e00-\u9fff]")
# a sentence about projects, signings or groundbreakings: its figures are theirs, not the zone's the article names most
# (stat-article-zone: 5 of 23 such fires right on the tuned pool, 24 of 37 the others; round blind-yg)
PROJECT_WORDS = re.compile(r"项目|签约|开工|投资|人才|招聘|参会|参赛")
CUMULATIVE = re.compile(r"累计|共(?:引进|培养|培育|引育|落地|招引)")
# 表示到2022年北京市…规模将突破1000亿元: a reporting verb and a year before the place still leave it opening the clause
# (round blind-yq, dev-ZZO: the white paper's target went to the meeting it was released at)
CLAUSE_LEAD = re.compile(r"\s*(?:表示|提出|指出|明确)?(?:到|至)?(?:\d{4}年(?:底|末)?)?\s*")
PROJECTS = re.compile(r"\s*(?:重点|重大|产业|建设|签约)?项目")   # …等47个重点项目: what a list of projects counts
# units and qualifiers read here beyond gazetteer.UNITS / QUALIFIER_MAP (kept apart: gazetteer.py is
# shared with the mention rules)
MORE_UNITS = {"人次": "人次", "台": "台", "套": "套", "场": "场", "个百分点": "个百分点", "美元": "美元", "个季度": "个季度",
              "个月": "个月"}
MORE_QUALIFIERS = {"超": "超过", "不低于": "不低于", "约为": "约", "约合": "约", "约达": "约", "大约": "约"}


class StatisticsMixin(FigureOwnersMixin, StatusMixin):
    def rules_statistics(self, s) -> None:
        prev_cumulative = False
        prev_subj = None   # the subject of the sentence's figure before (stat-same-subject)
        prev_conf = 1.0    # and how sure that subject was
        for m in rx("stat-number").finditer(s.text):
            chained = 1.0   # how sure the subject a stat-same-subject figure carries on was (below)
            a, b = s.start + m.start("num"), s.start + m.end()
            if not self.free(a, b) or self.text[a - 1:a] == "第" or self.text[b:b + 1] in ("年", "月", "日"):
                continue
            unit_w, mult = m.group("unit") or "元", m.group("mult") or ""   # 600多亿: money
            if unit_w == "个" and not mult and self.text[b:b + 1] == "亿" and self.text[b + 1:b + 2] != "元":
                unit_w, mult, b = "元", "亿", b + 1   # 新增投资1.5个亿: 1.5亿元 as it is said (round blind-yo, dev-ZZM)
            if not m.group("unit") and BARE_COUNT.search(self.text, self.clause_bounds(s, a)[0], a):
                continue   # 5G用户将达到2.4亿: people or things counted, no money; the unit is not written (round blind-ya)
            if unit_w in ("个月", "个季度") and (self.text[a - 1:a] in "前后头每这上下近" or self.text[b:b + 2] == "以来"):
                continue   # 前5个月: a period the figures are for (a date), not a duration; 增速创12个月以来的新高: a span
            if unit_w == "期" and not re.search(r"(?:分|共|计|分为)(?:约|近)?$", self.text[max(0, a - 3):a]):
                # 三期新厂项目 / 二期总建面约28万㎡: a phase, not a count (rounds blind-zg, blind-zm); 分3期供地 counts
                # them (the only 期 the tuned pool's gold counts, of 54 written)
                continue
            if re.match(r"(?:以上|以下|级)的?(?:项目|企业|工程)", self.text[b:b + 5]) or \
                    (self.text[b - 2:b] in ("以上", "以下") and re.match(r"的?(?:项目|企业|工程)", self.text[b:b + 3])):
                continue   # 10亿元以上项目有55个, 100亿元级项目5个: a band things are sorted in, not a figure (round blind-zm;
                # the tuned pool's gold gives none of the 11 written so a figure)
            if unit_w == "个" and re.match(r"[和、与及]\s*[\d.]+\s*个百分点", self.text[b:b + 12]):
                unit_w = "个百分点"   # 分别提高0.2个和3.2个百分点: the first shares the second's unit (round blind-o)
            num = m.group("num")
            if num[0].isdigit():
                value = float(num.replace(",", ""))   # 2,003.50: a thousands separator
                if unit_w in ("所", "座", "支") and re.match(f"[{HAN}]", self.text[a - 1:a] or " ") \
                        and self.text[a - 1:a] not in "等共有了近约达余过出为成到至计":
                    continue  # 中国电科48所 is a name, not 48 of something
            else:
                # 逾百亿 / 近千亿美元: a round sum of money (the read gold gives them values), not 数百亿, 上千亿, 超2千亿,
                # 从百亿到千亿 (a leap), 百亿元级的项目 or 十亿元以上的企业 (a band)
                scale = mult in ("亿", "万亿") and unit_w in ("元", "美元") and re.fullmatch("[一二两三四五六七八九]?[十百千]", num) \
                    is not None and not re.match(r"[\d数几上成从到至]", self.text[a - 1:a]) \
                    and not re.match(r"级|到|至|的?跨越", self.text[b:b + 3]) and not (m.group("q4") == "以上" and self.text[b:b + 1] == "的")
                if not scale and (unit_w not in ("家", "个", "所", "座", "支", "项", "名", "位", "件", "期") or len(num) > 4):
                    continue  # 一个 in prose; Chinese numerals are read for counts only
                if not scale and (num in ("一", "两") or re.match(f"[{HAN}]", self.text[a - 1:a] or " ") and
                                  self.text[a - 1:a] not in "等共有了近约达余过是为和、聚集括含辖设"):
                    continue  # 统一 / 第一个 / 一个: not a figure
                value = chinese_number("一" + num if scale and num[0] in "百千" else num)
                if value is None:
                    continue
            if mult and unit_w in ("元", "美元"):
                # 600亿元 is written in a unit the ontology lists; 5千元 and 2万亿美元 are not: scaled instead
                allowed = self.kb.model.classes["Observation"].constraints["unit"].allowed
                unit, factor = (mult + unit_w, 1.0) if mult + unit_w in allowed else (unit_w, MULT[mult])
            elif unit_w in MORE_UNITS:
                unit, factor = MORE_UNITS[unit_w], MULT[mult]
            elif mult == "万" and unit_w in ("平方米", "㎡"):
                unit, factor = "万㎡", 1.0
            else:
                unit, factor = gz.UNITS[unit_w][0], MULT[mult]
            value = round(value * factor, 6) * (-1 if m.group("neg") else 1)
            if m.group("neg"):
                a -= 1   # the span holds the sign
            q = m.group("q2") or m.group("q3") or m.group("q4")
            qual = q if q else gz.QUALIFIER_MAP.get(m.group("q1") or "") or MORE_QUALIFIERS.get(m.group("q1") or "")
            ca, cb = self.clause_bounds(s, a)
            clause = self.text[ca:cb]
            if rx("stat-one-of").match(self.text, b, cb):
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: one of a set (stat-one-of)")
                continue
            if any(q.start() < a and b < q.end() for q in rx("stat-quoted-name").finditer(self.text, max(ca, a - 4), min(cb, b + 9))):
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: in a quoted name (stat-quoted-name)")
                continue
            if any(q.start() < a and b < q.end() for q in rx("stat-quoted-formula").finditer(self.text, ca, cb)):
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: in a quoted formula (stat-quoted-formula)")
                continue
            if rx("stat-ranked-among").match(self.text, b, cb):
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: those ranked among (stat-ranked-among)")
                continue
            if unit_w == "次" and rx("stat-times-honoured").match(self.text, b, cb):
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: times honoured (stat-times-honoured)")
                continue
            # 10位“湖南软件名人”、10家“湖南软件名企”: how many hold a title, not a figure of the place (round blind-t)
            if unit_w in ("位", "家", "个", "名", "项") and rx("stat-honourees").match(self.text, b, s.end):
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: how many hold a title (stat-honourees)")
                continue
            attendance = unit_w in ("人", "名", "位", "家") and rx("stat-attendance").search(self.text[max(ca, a - 8):min(cb, b + 6)])
            att_event = self.event_of_figure(s, ca, a) if attendance else None
            if attendance and att_event is None:
                # how many came, with no named meeting at hand to count them for (stat-event-attendance counts them for one)
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: how many attended (stat-attendance)")
                continue
            if self.heading(s) and self.restated_below(s, a, b):
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: a heading's figure (stat-heading)")
                continue
            if rx("stat-rate").search(self.text[ca:a]) or PER_UNIT.match(self.text, b, b + 3):
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: a rate (每…, …/人), not a figure (stat-rate)")
                continue
            # 累计 before the number: 123家企业累计实现产值3000.5亿元 totals the output, not the count of firms
            cumulative = bool(CUMULATIVE.search(self.text, ca, a))
            clause_words = self.words(ca, cb)
            has_verb = any(f.startswith("v") for w, f in clause_words if w not in ("相关",))
            # 新增软信企业3500多家 after 累计收储…: a clause its own verb opens is a new tally, not the list going on
            # (round blind-zo: the 累计 of a clause three before reached 预计…实现软件业务收入2750亿元)
            noun_number = bool(re.fullmatch(f"[{HAN}（）()“”]{{2,20}}\\s*[\\d.]+\\s*\\S{{0,3}}", clause.strip())) and \
                not (clause_words and clause_words[0][1] == "v")
            if not cumulative and (not has_verb or noun_number) and prev_cumulative and \
                    not self.text[max(s.start, ca - 3):ca].startswith("其中"):   # 其中，规模以上企业1058家: a part
                cumulative = True  # 共引进…18 名，各类高层次人才 324 名: the list goes on
            prev_cumulative = cumulative
            if qual is None and cumulative and unit not in ("%", "个百分点"):
                qual = "累计"   # a growth rate or share is no running total (累计完成收入710亿元，同比增长15.7%)
            # what it describes: an organisation in the clause before the number, else the paragraph's park;
            # not the items of a list the number counts (国防科大、中南大学等58所高等院校)
            listed = bool(re.search(r"等\s*$", self.text[ca:a]))
            # nor what the number counts (国家工业设计中心6家), nor a member of a list the number sums (A、B等16家企业)
            before = [x for x in self.mentions_in(ca, a, ORG_LABELS)
                      if not (listed and self.text[x.end:x.end + 1] in ("、", "等", "和", "及", "与"))
                      and "等" not in self.text[x.end:a] and self.text[x.end:a].strip()]
            if inclusive := re.search(r"包括[^，。；]*在内的?\s*$", self.text[ca:a]):   # 包括A、B在内的189家: all of them, no one's
                before = [x for x in before if x.start < ca + inclusive.start()]
            rule = "stat-number"
            # X由A、B和C共同出资1.5亿元开发建设: what they fund is X, named before 由, not C
            if before and self.text[before[0].start - 1:before[0].start] == "由" and \
                    rx("stat-built-by").match(self.text, before[-1].end, a):
                built = self.mentions_in(s.start, before[0].start - 1, (*ORG_LABELS, "Region", "TalentProgram"))
                if built:
                    before, rule = built[-1:], "stat-built-by"
            # 聚焦全省五大现代产业，…项目达199个: a whole that is what is focused on says nothing of whose the figure is
            regional = next((r for r in rx("stat-region").finditer(self.text, s.start, a) if not self.focus_scope(r.start())), None)
            co = self.own_company_word(s, a)
            firms = [f for f in self.mentions_in(s.start, co, ("Enterprise",))
                     if self.text[f.end:f.end + 1] not in ("、", "等")] if co is not None else []
            if not before and firms:
                before, rule = firms[-1:], "stat-company"   # 湖南长城副总经理…介绍，公司…15个
            zone = None
            if not before and rx("stat-zone-word").match(self.text, ca, a):
                zone = self.article_zone()   # 高新区已聚集…: the zone the article is about
            # 总投资10亿元的中电长城总部基地: the figure describes the name its 的 leads to
            mod = re.match(r"\s*的", self.text[b:cb])
            head = [x for x in self.mentions_in(b + mod.end(), cb, (*ORG_LABELS, "TalentProgram", "Region"))
                    if x.start == b + mod.end() and not x.attrs.get("members")] if mod else []
            country = None if before or head or zone is not None else self.country_of_figure(s, ca, a)
            # …规模约为2000亿元，年均增速超过15%: the clause goes on about the subject before, not the meeting
            # …新闻发布会透露，今年1—7月，西部(重庆)科学城规上工业总产值超2000亿元: a place that opens the figure's clause owns
            # it (not 全国: 全国近600人报名 is the contest's); looked for only when nothing before owns the figure
            owned = attendance or before or head or zone is not None or country is not None or any(
                CLAUSE_LEAD.fullmatch(self.text, ca, r.start) and not r.attrs.get("members") and not self.region_as_frame(r)
                and not self.is_country(r) for r in self.mentions_in(ca, a, ("Region",)))
            event = None if owned or (prev_subj is not None and self.label_of(prev_subj.key) != "Event") else \
                self.event_of_figure(s, ca, a)
            done = None if owned else self.event_done_of_figure(s, ca, a, cb)   # 总协议额…, …人报名参赛
            # 79个重大项目集中开工: the count a described signing is named by is that signing's (A1), as 2500余人参会 is the meeting's
            named_by = next((x for x in self.sent_mentions(a) if x.how == "pattern:signed-together-described" and x.start <= a < x.end), None)
            if (resp := self.respective_owner(ca, a, cb)) is not None:
                subj, rule = resp, "stat-respectively"
            elif unit_w in ("项", "个") and (pol := self.policy_of_figure(s, a, b)) is not None:
                subj, rule = pol, "stat-policy"
            elif att_event is not None:
                subj, rule = att_event, "stat-event-attendance"
            elif named_by is not None:
                subj, rule = named_by, "stat-event"
            elif head:
                subj, rule = head[0], "stat-modifier"
            elif before:
                subj = before[-1]
            elif zone is not None:
                subj, rule = zone, "stat-zone-word"
            elif country is not None:
                subj, rule = country, "stat-country"
            elif done is not None:
                subj, rule = done
            elif event is not None:
                subj, rule = event, "stat-event"
            else:
                # A place that opens a quoted name (北京市“专精特新”中小企业) owns no figure; nor where a firm builds (…在成都高新东区
                # 建立…中心，…拥有机架约5万个), nor a place before the firm the figure before was of (…，比如X公司拟投资110亿元…，年产值…)
                after = prev_subj.start if prev_subj and prev_subj.sent == s.idx and self.label_of(prev_subj.key) in ORG_LABELS else s.start
                regions = [r for r in self.mentions_in(after, a, ("Region",))
                           if not r.attrs.get("members") and not self.is_country(r) and not self.region_as_frame(r)
                           and self.text[r.end:r.end + 1] != "“"
                           and not (self.text[r.start - 1:r.start] == "在" and self.mentions_in(s.start, r.start, ORG_LABELS))]
                # 北京亦庄对北京全市…贡献率达50.8%: a region after 对/为 is what the figure serves (region-as-object)
                # (成为北京经开区…项目 is what it became: the region is no object there)
                regions = [r for r in regions if not self.region_as_object(r) or self.text[r.start - 2:r.start] == "成为"] \
                    or regions
                # 带动湖南省网络安全相关产业规模超过2000亿元: a place named in the figure's own clause (no park
                # or firm there) is whose figure it is, whatever park the sentence named before
                # 今年一季度通州园…总收入229.7亿元 with 园区 said of it: a zone that is itself a 园 is the park word's
                named_park = bool(regions) and (self.entities[regions[-1].key].record.get("name_zh") or "").endswith(("园", "园区"))
                # 今年上半年，该区电子信息产业已实现产值…: the place 该区 refers to, unless the clause names its own
                said = None if regional or [r for r in regions if r.start >= ca] else self.region_said(s, ca, a)
                if said is not None:
                    subj, rule = said, "stat-region-demonstrative"
                elif regional or (regions and (not self.park_word(s, a) or regions[-1].start >= ca or named_park)):
                    # 全省 / 湖南网络安全产业规模…: the region's figure, not the park's
                    subj, rule = (regions[-1] if regions else None), "stat-region"
                else:
                    subj, rule = self.topic(s, a), "stat-topic"
                if subj is None and not regional and self.park_word(s, a):   # 产业园年产业规模…: the article's park
                    subj, rule = self.article_park() or self.article_park_like(), "stat-article-park"
                    if subj is None and re.search(r"园区", self.text[ca:a]):
                        # 园区现有企业32000家 in an article about 长沙高新区 and no park: the zone is the 园区
                        subj, rule = self.article_zone(), "stat-zone-word"
                if subj is None and listed and not regional:
                    # A、B等10家企业…签约入驻海淀和通州两个园区: the count of firms the park took in
                    subj = self.park_moved_into(s, b, cb)
                    rule = "stat-list-moved-in"
                # 奔驰…基地等47个重点项目落地建设: projects are no entity of the ontology, so their count is the place's
                # the text is about (round blind-yq, dev-ZZO: five counts of the read pool newly right, none wrong)
                if subj is None and listed and not regional and not PROJECTS.match(self.text, b):
                    # A、B等16家企业 with no park or region named: the count is the list's, not a region's
                    self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: counts a list, no entity named")
                    continue
                if subj is None and not regional and rx("stat-demonstrative").search(self.text, s.start, a):
                    # 该生态已聚集…134项要素: the figure is that thing's (no entity), not the region's
                    self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: of 该… (stat-demonstrative)")
                    continue
                if subj is None and prev_subj is not None and not regional and not regions:
                    subj, rule, chained = prev_subj, "stat-same-subject", prev_conf   # …企业32000家，其中外资企业近200家
                carried = self._para_subj.get(s.para)
                if subj is None and re.match(r"其中[，,]", s.text) and not (carried and carried[0] == s.idx - 1):
                    # 其中，高端汽车…产业完成产值3113.2亿元 after the zone's 工业总产值: the part of the whole just given
                    carried = self._para_last.get(s.para)
                if subj is None and carried and carried[0] == s.idx - 1 and not regional and not regions:
                    # 2018年中国计算机行业…收入1.95万亿元。微型计算机产量3.1亿台: the sentence right before, in the
                    # same paragraph, said whose figures these are
                    subj, rule, chained = carried[1], "stat-same-subject", carried[2]
                if subj is None and rx("stat-share-of-whole").search(self.text, ca, a):   # 测试里程占全市70%
                    self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: a share of a whole (stat-share-of-whole)")
                    continue
                if subj is None:   # no organisation, no park: the region the text is about (长沙市, 全省)
                    subj, rule = self.region_context(s, a), "stat-region-context"
                    if subj is not None and self.region_led_before(s, subj):
                        rule = "stat-region-lead"
                    if subj is not None and self.is_country(subj):   # 居全国第一: a frame, not the subject
                        subj = None
                if subj is None:   # nothing in the sentence or paragraph: the region the article is about
                    subj, rule = self.article_region(), "stat-article-region"
                    if not PROJECT_WORDS.search(self.text, s.start, s.end) and \
                            (zone := self.article_zone_over(subj)) is not None:   # 成都高新区 named most: its figures
                        subj, rule = zone, "stat-article-zone"
                if subj is not None and regional and regional.group()[-1] in "区县" and not gz.of_level(
                        self.entities[subj.key].record.get("kind") or "", "district"):
                    subj = None   # 全区 is a district's or a zone's whole, never a city's (round blind-o: 九龙坡's to 重庆市)
                if subj is None:
                    self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: no entity it describes")
                    continue
                if rule in ("stat-region-context", "stat-region-lead", "stat-article-region") and self.policy_text:
                    rule = "stat-plan-region"   # a plan's or an opinion's figures are its region's (33 of 33 on dev)
            # a figure that goes on with the subject before is exactly as sure as that subject: on unseen
            # text stat-same-subject was right 4 times in 23, and in dev-D all its misses but one carried
            # a stat-region-context or stat-article-region subject (round blind-d; docs/ingest-rounds.md)
            sure = min(conf(rule), chained) if rule == "stat-same-subject" else conf(rule)
            prev_subj, prev_conf = subj, sure
            if rule in ("stat-number", "stat-country", "stat-event", "stat-event-attendance", "stat-company",
                        "stat-same-subject") or (
                    rule == "stat-region" and s.text.rstrip().endswith("；")):
                # a region's figures go on past a semicolon (总收入229.7亿元；技术收入33亿元；…): one list
                self._para_subj[s.para] = (s.idx, subj, sure)
            self._para_last[s.para] = (s.idx, subj, sure)
            metric, mzh, men = self.metric(clause, subj, unit)
            if unit in ("平方公里", "㎡", "万㎡", "亩", "公顷") and metric not in ("land_area", "floor_area"):
                metric, mzh, men = "area", "面积", "Area"
            # a policy's parts are what it holds as published, whatever year it aims at (the read gold: 35 of 39 actual)
            status = ACTUAL if rule == "stat-policy" else self.status(s, a, ca, cb)
            as_of = (self.doc.meta.get("published") or "") if rule == "stat-policy" else \
                self.as_of(s, ca, status, self._held(subj), at=s.start + m.start())
            status = self.future(status, as_of)
            start = s.start + m.start() if m.group("q1") else a
            fields = {"metric": metric, "metric_zh": mzh, "metric_en": men,
                      "value": int(value) if float(value).is_integer() else value,
                      "unit": unit, "as_of": as_of, "status": status.value}
            rng = re.search(r"(\d+(?:\.\d+)?)\s*" + gz.RANGE_DASH + r"\s*$", self.text[max(s.start, a - 8):a])
            if rng and not mult:   # 3至5家, 2—3家: a range, written 3至5 whatever its dash
                del fields["value"]
                fields["value_text"] = f"{rng.group(1)}至{num}"
                start = a - len(rng.group())
            if qual:
                fields["qualifier"] = qual
            fields["scope"] = clause.strip()
            self.observations.append(ObsFact(subj.key, fields, s.idx, (start, b), sure, rule,
                                             status_rule=status.rule))

    @cached_property
    def policy_text(self) -> bool:
        """Does the article's title name a plan, scheme, opinion or notice (`stat-plan-region`)? Read once."""
        return bool(rx("stat-plan-region").search(self.doc.meta.get("title") or ""))

    def subject_start(self, s) -> int:
        """Where the sentence's subject starts: after a lead-in (据介绍，/ 目前，/ a date and a comma)."""
        # …副院长王志勤介绍，据中国信通院统计测算，2019年我国…: who says it is no subject of what follows
        lead = re.match(r"(?:(?:据(?:介绍|了解|悉|统计)|目前|同时|此外|其中|近年来|如今|当前|今年|去年)[，,]?|[\d年月日至]+[，,]?"
                        r"|[^，。；“”]{1,30}?(?:介绍|表示|指出|透露|说)[，,：:]|据[^，。；“”]{1,30}?(?:统计|测算|数据|显示|报告)[^，。；]{0,6}[，,])*",
                        s.text)
        return s.start + (lead.end() if lead else 0)

    def region_led_before(self, s, r) -> bool:
        """Is `r` what the sentence right before, in the same paragraph, opens on (今年以来，成都高新区着力…)?"""
        if r.sent != s.idx - 1 or self.doc.sentences[r.sent].para != s.para:
            return False
        prev = self.doc.sentences[r.sent]
        return r.start == self.subject_start(prev) or re.fullmatch(r"[^，。；]{0,8}[，,]", self.text[prev.start:r.start]) is not None

    def heading(self, s) -> bool:
        """A line of a few words standing alone, with no sentence end (7.5万人次, 现场参观者近7.5万人次)."""
        a = self.text.rfind("\n", 0, s.start) + 1
        b = self.text.find("\n", s.start)
        line = self.text[a:b if b >= 0 else len(self.text)].strip()
        return line == s.text.strip() and len(line) <= 20 and not re.search(r"[。！？；!?;]$", line)

    def restated_below(self, s, a: int, b: int) -> bool:
        """Does the text after heading `s` state the figure [a, b) again (its digits)? A headline's figure that the
        text never repeats (全区国家高新技术企业总数达9764家 above a report that gives no count) is the article's only
        statement of it (round blind-zq, dev-ZP: four such headline figures, none restated)."""
        digits = re.sub(r"[^\d.]", "", self.text[a:b])
        return not digits or digits in self.text[s.end:]

    def region_said(self, s, ca: int, a: int):
        """The place 该区/该市/该省 (本区, 我市) before the figure in its clause refers to: the last one of that level named
        before the clause (区 or 县: a district or a development zone), or None."""
        said = rx("stat-region-demonstrative").search(self.text, ca, a)
        if said is None:
            return None
        level = {"区": "district", "县": "district", "市": "city", "省": "province"}[said.group(1)]
        for r in reversed(self.mentions_in(0, ca, ("Region",))):
            if not r.attrs.get("members") and not self.region_as_frame(r) and r.keys and \
                    gz.of_level(self.entities[r.key].record.get("kind") or "", level):
                return r
        return None

    def _held(self, subj) -> str | None:
        """The day an event was held, for its figures that name no date of their own (as-of-event)."""
        return self.entities[subj.key].record.get("date") if subj.label == "Event" else None

    def rules_counted_words(self, s) -> None:
        """Figures written without a number-unit pair: a rank (位居第9位 → 9 位, `stat-rank`) and a
        count in Chinese numerals before 大 (拥有五大千亿级产业集群 → 5 个, `stat-n-major`)."""
        for name in ("stat-rank", "stat-n-major"):
            for m in rx(name).finditer(s.text):
                a, b = s.start + m.start("num"), s.start + m.end()
                num = m.group("num")
                value = float(num) if num.isdigit() else chinese_number(num)
                if value is None or not self.free(a, b):
                    continue
                ca, cb = self.clause_bounds(s, a)
                subj = self.counted_subject(s, ca, s.start + m.start())
                if subj is None:
                    continue
                unit = "位" if name == "stat-rank" else "个"
                if any(o.subject == subj.key and o.fields.get("value") == value and o.fields.get("unit") == unit
                       and o.rule == name for o in self.observations):
                    continue   # the same figure said again later in the article
                metric = ("rank", "排名", "Rank") if name == "stat-rank" else self.metric(self.text[ca:cb], subj)
                status = self.status(s, a, ca, cb)
                as_of = self.as_of(s, ca, status, self._held(subj))
                status = self.future(status, as_of)
                fields = {"metric": metric[0], "metric_zh": metric[1], "metric_en": metric[2], "value": int(value),
                          "unit": unit, "as_of": as_of, "status": status.value,
                          "scope": self.text[ca:cb].strip()}
                start = s.start + m.start("num") - (1 if name == "stat-rank" else 0)
                self.observations.append(ObsFact(subj.key, fields, s.idx, (start, b), conf(name), name,
                                                 status_rule=status.rule))

    def counted_subject(self, s, ca: int, pos: int):
        """Who a rank or a 五大… count belongs to: the first organisation or region (not 全国) its
        clause names, else the last one of the sentence before it, else the paragraph's park, else
        the region the article is about."""
        labels = (*ORG_LABELS, "Region")
        for lo in (ca, s.start):
            cands = [x for x in self.mentions_in(lo, pos, labels)
                     if not x.attrs.get("members") and not (x.label == "Region" and self.is_country(x))]
            if cands:
                return cands[0] if lo == ca else cands[-1]
        return self.topic(s, pos) or self.region_context(s, pos) or self.article_region()

    def metric(self, clause: str, subj, unit: str | None = None) -> tuple[str, str, str]:
        text = clause.replace(subj.text, "")
        if unit in ("%", "个百分点"):
            return self.percent_metric(text)
        for word, code, zh, en in gz.METRICS:
            if word in text:
                if unit == "人" and code in gz.NOT_PEOPLE_METRICS:
                    continue   # 来自企业的80名学员: people are no count of firms, projects or platforms
                # 年产业规模 is a year's figure; in 2025年产业规模 or 今年产业规模 the 年 ends a date
                if re.search(r"年均|每年|年度|(?<![\d〇零一二三四五六七八九十今明去前当全同上本])年" + word, text) \
                        and not code.startswith("annual_"):
                    return "annual_" + code, "年均" + zh, "Annual " + en[0].lower() + en[1:]
                return code, zh, en
        return "count", "数量", "Count"

    @staticmethod
    def percent_metric(text: str) -> tuple[str, str, str]:
        """同比增长37.0% → growth; 营收增长28.6% → operating_revenue_growth; 占全国的35% → share (gz.PERCENT_KINDS)."""
        kind = next((k for k in gz.PERCENT_KINDS if k[0] in text), None)
        base = next((m for m in gz.METRICS if m[0] in text.split(kind[0])[0]), None) if kind else None
        if kind is None:
            return "percentage", "百分比", "Percentage"
        if base is None:
            return kind[1] + "_rate" if kind[1] != "share" else "share", kind[2], kind[3].capitalize() + (" rate" if kind[1] != "share" else "")
        return f"{base[1]}_{kind[1]}", base[2] + kind[2], f"{base[3]} {kind[3]}"

    TEXT_RULES = ("text-layout_slogan", "text-development_main_line", "text-distinction", "text-development_goal",
                  "text-technology_route", "text-development_goal_as", "text-development_goal_by")

    def rules_text_statistics(self, s) -> None:
        for name in self.TEXT_RULES:
            metric = name[5:].removesuffix("_as").removesuffix("_by")
            for m in rx(name).finditer(s.text):
                a = s.start + m.start(1)
                if metric == "layout_slogan" and not re.search(r"布局|格局|概括为", m.group()):
                    continue
                parks = self.mentions_in(s.start, a, ("Park", "SubPark"))
                # 万兴科技将把长沙打造成…总部: the firm right before 将 aims, not the place it names (round blind-ye)
                firm = [x for x in self.mentions_in(s.start, a, ORG_LABELS) if x.end == a] if metric == "development_goal" else []
                subj = parks[0] if parks else firm[0] if firm else self.topic(s, a)
                ca, cb = self.clause_bounds(s, a)
                if subj is None and metric == "distinction":   # 博览会…为历届博览会之最 / 中国是全球最大的…基地
                    subj = self.event_of_figure(s, ca, a) or self.country_of_figure(s, ca, a)
                if subj is None:   # 长沙是全国唯一…的城市 / 我市以打造…为目标: the region the sentence names first
                    regs = [r for r in self.mentions_in(s.start, a, ("Region",)) if not r.attrs.get("members")]
                    subj = regs[0] if regs else (self.article_region() if metric == "development_goal" else None)
                if subj is not None and metric == "distinction" and subj.label == "Region" and subj.start > self.subject_start(s):
                    continue   # “PK”体系起步于长沙…已是国内最大的…: what the sentence opens on is no entity; 长沙 is not it
                if subj is None:
                    continue
                zh, en = gz.TEXT_METRICS[metric]
                status = Status("target", name) if metric == "development_goal" else ACTUAL
                fields = {"metric": metric, "metric_zh": zh, "metric_en": en, "value_text": m.group(1),
                          "as_of": self.as_of(s, ca, status), "status": status.value}
                self.observations.append(ObsFact(subj.key, fields, s.idx, (s.start + m.start(), s.start + m.end()),
                                                 conf(name), name))
