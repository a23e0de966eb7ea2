"""Round blind-zc (docs/ingest-rounds.md): causes read from the read dev samples (dev-X and older; dev-ZB once dev-ZC
and dev-ZD had been scored as they came). The held-out splits, dev-Z and dev-ZD stay unread. The sentences are written for
these tests after the pattern of what was read; each positive fails on the commit before its change (5fa96b8):
- 天心经开区举办了…签约活动，汇聚了金山科技、兰卫医学等8个平台: the firms listed before the figure are what it counts,
  so the figure is the signing's (the manual's A1), not the zone's that held it;
- 涵盖人工智能和高端智能设备、能源以及新能源…等众多新区优势产业: a list closed by the industries' standing is of domains,
  and 以及 joins two of them (in domain lists only);
- a title in full-width angle marks (＜…＞) became ASCII <…> in the review file's English name, which validate refused
  as a tag (found by the review-file tests on a dev-ZD article: its count and message only, not its text);
- 出光电子材料（中国）有限公司, 中国移动(成都)产业研究院: a place in brackets inside a name is part of it (the firm
  was not read at all, so its figures went to the ceremony the sentence named);
- 湖南省会不会成为那个“标兵”？: a question states no text value;
- 在技术、应用、产品创新等领域: kinds of work, no domains;
- 建成重庆软件园学院和重庆人才发展研究所: names of what is built are no text value of the builder.
After dev-ZC, dev-ZB (round blind-td's unread check; dev-ZD is this round's) was read too:
- 到“十四五”末: the plan's last year end (2025-12-31, as …年底), not the plan's period;
- 今年“数字经济”给岳麓峰会带去了…: a clause with 给 names no event;
- 西连高新区: where a place borders (西连, 东接) is no part of a zone's name;
- 中国商务新闻网7月19日，…: the country in an outlet's dateline owns no figure;
- 聚焦A、B、C、数字电竞四大硬科技产业方向: the list's count (四大, not only 两大) closes its last item;
- 79个重大项目集中开工, 北京经开区集中签约了129个…项目: projects signed or broken ground on together, named by that
  description, are the event (and its count the event's, A1) where the article names no other signing or groundbreaking;
- 签约了129个: the 约 of 签约 is no qualifier;
- 2020年举办两届世界计算机大会: a clause that holds a meeting (举办, 举行, 召开) is no meeting's name.
After the third freeze, from dev-ZC: 湖南省区块链产业园(娄底万宝): a bracket after an area's name says which one.
And one defect of the extractor itself: an article read in a fresh process read otherwise than after another."""
from __future__ import annotations

import pytest

from .conftest import ingest_text, proposed_figures

HELD_THEN_COUNTED = "3月20日，天心经开区举办了湘商回归集中签约活动，汇聚了金山科技、兰卫医学等8个平台和10个项目落地天心经开区。"


def test_an_events_counts_after_the_firms_they_count_are_the_events(tmp_path, kb):
    figures = proposed_figures(ingest_text(tmp_path, HELD_THEN_COUNTED, kb, "2023-06-01"))
    assert ("湘商回归集中签约活动", 8) in figures and ("湘商回归集中签约活动", 10) in figures, figures
    assert not [f for f in figures if f[0] == "天心经开区"], figures


def test_guard_a_firm_named_alone_before_the_figure_still_owns_it(tmp_path, kb):
    # a firm that is no list member says whose figure it is, even after a meeting the sentence names
    figures = proposed_figures(ingest_text(
        tmp_path, "3月20日，天心经开区举办了湘商回归集中签约活动，湖南长城科技信息有限公司投资10亿元建设总部基地。", kb, "2023-06-01"))
    assert ("湘商回归集中签约活动", 10) not in figures, figures


def test_a_title_in_full_width_angle_marks_gets_an_english_name_that_reads_as_no_tag():
    # NFKC made ＜…＞ ASCII <…>, and validate refused the review file's name_en as markup (a dev-ZD file, by its count)
    from parkgraph.loaders.ingest.kb import english_name
    from parkgraph.loaders.validate import MARKUP_RE
    name = english_name("＜四川省软件产业发展工作方案＞")
    assert "Sichuan" in name and not MARKUP_RE.search(name), name


def test_a_list_of_industries_closed_by_their_standing_is_one_domain_each(tmp_path, kb):
    ex = ingest_text(tmp_path, "湖南湘江新区三季度产业项目集中签约活动举行。共有15个项目签约落户新区，涵盖人工智能和高端智能设备、"
                     "能源以及新能源、现代金融、文化旅游等众多新区优势产业。", kb, "2020-09-23")
    domains = {m.text for m in ex.mentions if m.label == "Domain"}
    assert {"人工智能", "高端智能设备", "能源", "新能源", "现代金融", "文化旅游"} <= domains, domains


def test_guard_a_list_of_institutions_still_splits_at_ji_alone(tmp_path, kb):
    # 以及 splits domain lists only: elsewhere 开工建设A以及B等项目 must not make 开工建设A a name
    ex = ingest_text(tmp_path, "发布会提出，开工建设西北工业大学北京研究院以及清华大学通州金融发展与人才培养基地等项目。", kb, "2023-01-11")
    assert not [m for m in ex.mentions if m.text.startswith("开工")], [m.text for m in ex.mentions]


@pytest.mark.parametrize("sentence, name, label", [
    ("参加集中开工仪式的拓米电子材料（中国）有限公司将投资2.15亿元建设制造基地。", "拓米电子材料（中国）有限公司", "Enterprise"),
    ("中国移动(成都)产业研究院在此落户。", "中国移动(成都)产业研究院", "Institution"),
], ids=["firm-of-china", "institute-of-chengdu"])
def test_a_place_in_brackets_inside_a_name_is_part_of_it(tmp_path, kb, sentence, name, label):
    ex = ingest_text(tmp_path, sentence, kb, "2018-07-31")
    assert (name, label) in {(m.text, m.label) for m in ex.mentions}, [(m.text, m.label) for m in ex.mentions]


def test_guard_a_bracket_that_is_no_place_still_ends_the_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙示例软件有限公司（以下简称示例）与湖南某某科技有限公司签约。", kb, "2018-07-31")
    assert not [m for m in ex.mentions if "（" in m.text or "）" in m.text], [m.text for m in ex.mentions]


def test_a_question_states_no_text_value(tmp_path, kb):
    ex = ingest_text(tmp_path, "中部地区区块链产业正在崛起，湖南省会不会成为那个“标兵”？", kb, "2020-05-16")
    assert not [o for o in ex.observations if "value_text" in o.fields], ex.observations


def test_guard_the_same_words_stated_are_a_text_value(tmp_path, kb):
    ex = ingest_text(tmp_path, "中部地区区块链产业正在崛起，湖南省已成为区块链产业的“标兵”。", kb, "2020-05-16")
    assert [o for o in ex.observations if "value_text" in o.fields]


def test_kinds_of_work_are_no_domains(tmp_path, kb):
    ex = ingest_text(tmp_path, "大赛在技术、应用、产品创新等领域设计了四个赛道。", kb, "2020-11-16")
    assert not [m.text for m in ex.mentions if m.label == "Domain"], [m.text for m in ex.mentions]


def test_guard_industries_in_the_same_list_shape_are_domains(tmp_path, kb):
    ex = ingest_text(tmp_path, "大赛在工业互联网、信息消费、网络安全等领域设计了四个赛道。", kb, "2020-11-16")
    assert {"工业互联网", "信息消费", "网络安全"} <= {m.text for m in ex.mentions if m.label == "Domain"}


def test_names_of_what_is_built_are_no_text_value(tmp_path, kb):
    ex = ingest_text(tmp_path, "重庆软件园项目将联合众多企业、高校等，建成重庆软件园学院和重庆人才发展研究所。", kb, "2019-08-27")
    assert not [o for o in ex.observations if "value_text" in o.fields], ex.observations


def test_guard_a_goal_that_begins_with_a_name_is_still_a_text_value(tmp_path, kb):
    ex = ingest_text(tmp_path, "重庆软件园项目将建成重庆软件园学院，打造成西部领先的软件人才培养基地。", kb, "2019-08-27")
    assert [o for o in ex.observations if "value_text" in o.fields], ex.observations


@pytest.mark.parametrize("sentence, value", [
    ("到“十四五”末，重庆软件和信息服务业总规模达到5000亿元。", "2025-12-31"),   # the plan's end, as …年底 is
    ("“十四五”期间，园区将建成一批项目。", "2021/2025"),                          # guard: the period stays a range
], ids=["end-of-plan", "plan-period"])
def test_a_five_year_plans_end_is_its_last_year_end(tmp_path, kb, sentence, value):
    ex = ingest_text(tmp_path, sentence, kb, "2022-07-19")
    assert value in {d.value for d in ex.dates}, [(d.text, d.value) for d in ex.dates]


def test_a_clause_with_gei_names_no_event(tmp_path, kb):
    ex = ingest_text(tmp_path, "日前，2022互联网岳麓峰会在长沙落幕。今年“数字经济”给岳麓峰会带去了全新的话题。", kb, "2022-09-06")
    assert [m.text for m in ex.mentions if m.label == "Event"] == ["2022互联网岳麓峰会"]


def test_where_a_place_borders_is_no_part_of_a_zones_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "锦江区背靠中心城区，西连高新区，东接龙泉驿区。", kb, "2023-02-20")
    assert not [m.text for m in ex.mentions if m.text.startswith(("西连", "东接"))], [m.text for m in ex.mentions]


def test_the_country_in_an_outlets_name_owns_no_figure(tmp_path, kb):
    figures = proposed_figures(ingest_text(tmp_path, "中国商务新闻网7月19日，重庆市政府出台《重庆市软件产业行动计划》，规划到2025年"
                                           "新增从业人员20万人。", kb, "2022-07-19"))
    assert figures and not [f for f in figures if f[0] == "中国"], figures


def test_guard_the_country_leading_its_figure_owns_it(tmp_path, kb):
    figures = proposed_figures(ingest_text(tmp_path, "2021年，中国软件业务收入达到9.5万亿元。", kb, "2022-07-19"))
    assert ("中国", 9.5) in figures, figures


def test_a_domain_list_closed_by_its_count_leaves_the_count_out(tmp_path, kb):
    ex = ingest_text(tmp_path, "园区聚焦人工智能、商业航天、金融科技、数字电竞四大硬科技产业方向。", kb, "2022-02-09")
    assert {m.text for m in ex.mentions if m.label == "Domain"} == {"人工智能", "商业航天", "金融科技", "数字电竞"}


@pytest.mark.parametrize("sentence, date, event, values", [
    ("9月16日，西部(重庆)科学城79个重大项目集中开工，总投资达1300亿元。", "2020-09-17", "79个重大项目集中开工", {79, 1300}),
    ("昨天，北京经开区集中签约了129个“两区”建设项目，总投资额近4000亿元。", "2021-02-04", "集中签约了129个“两区”建设项目", {129, 4000}),
], ids=["groundbreaking", "signing"])
def test_projects_signed_together_are_the_event_their_description_names(tmp_path, kb, sentence, date, event, values):
    ex = ingest_text(tmp_path, sentence, kb, date)
    assert event in [m.text for m in ex.mentions if m.label == "Event"], [m.text for m in ex.mentions]
    assert {v for s_, v in proposed_figures(ex) if s_ == event} == values, proposed_figures(ex)


def test_guard_projects_signed_at_a_named_ceremony_make_no_second_event(tmp_path, kb):
    ex = ingest_text(tmp_path, "9月16日，西部(重庆)科学城举行重大项目集中开工仪式，79个重大项目集中开工。", kb, "2020-09-17")
    assert len([m for m in ex.mentions if m.label == "Event"]) == 1, [m.text for m in ex.mentions if m.label == "Event"]


def test_the_yue_of_qianyue_is_no_qualifier(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京经开区本月签约了22个项目。", kb, "2024-10-12")
    assert [o.fields.get("qualifier") for o in ex.observations if o.fields.get("value") == 22] == [None]


def test_a_clause_that_holds_a_meeting_is_no_meetings_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "继2019年、2020年举办两届世界计算机大会之后，本届大会更名为“世界计算大会”。", kb, "2021-09-17")
    assert not [m.text for m in ex.mentions if m.label == "Event" and "举办" in m.text], [m.text for m in ex.mentions]


def test_an_article_reads_the_same_in_a_fresh_process_as_after_others(tmp_path, kb):
    # jieba's posseg merged the domain dictionary's tags at its first cut (in linking), so the words of the first
    # article a process read had no tags until then: 9 of 80 dev articles read otherwise (found: dev-ZD scored
    # alone and after the test split differed, by counts)
    import importlib
    extract = importlib.import_module("parkgraph.loaders.ingest.extract")
    text = "构建了“一园五区两山”产业发展格局，以长沙高新区（长沙软件园）为核心区，以芙蓉区、天心区、岳麓区为拓展区。"

    def read():
        ex = ingest_text(tmp_path, text, kb, "2021-04-13")
        return sorted((m.start, m.end, m.label, m.how) for m in ex.mentions), sorted((r.frm, r.type, r.to) for r in ex.relations)
    extract._TOKENIZERS.clear()
    fresh = read()
    assert read() == fresh


def test_a_bracket_after_an_areas_name_says_which_one(tmp_path, kb):
    ex = ingest_text(tmp_path, "2月27日，湖南首个省级区块链产业园区——湖南省区块链产业园(娄底万宝)正式获批成立。", kb, "2020-05-16")
    assert "湖南省区块链产业园(娄底万宝)" in [m.text for m in ex.mentions], [m.text for m in ex.mentions]


def test_guard_a_short_form_in_brackets_is_no_part_of_the_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙示范软件园（以下简称园区）今年新增企业50家。", kb, "2020-05-16")
    assert not [m.text for m in ex.mentions if "简称" in m.text and m.label == "Region"], [m.text for m in ex.mentions]
