"""Round blind-ze (docs/ingest-rounds.md): causes read from dev-ZD (round blind-zc's unread check) and dev-ZE, once
dev-ZE and dev-ZF had been scored as they came. The held-out splits, dev-Z and dev-ZF stay unread. The sentences are
written for these tests after the pattern of what was read; each positive fails on the commit before its change
(990636c):
- 其中，A产业完成产值…亿元 right after the sentence that gave the zone's 工业总产值: the part goes on with the whole's
  subject, as sure as that subject was (it went to the paragraph's region at 0.3, below the threshold);
- 极米、芯源等成都高新区企业: firms listed before 等 and a place's 企业 (no count) are in that place;
- 主办了此次产业峰会: a meeting referred back to (此次, 本次, 本届) by a description is the one named before whose name
  holds its meeting word (…产业峰会暨…北碚行活动), and no new event when there is none;
- 智能传感器产业峰会暨中国传感器与物联网产业联盟北碚行活动在北碚举办: an activity held somewhere is an event, and the
  body whose suffix (联盟) lies inside its name is no name of its own there; so is one named in quotes before 在X召开;
- 包括A、B在内的189家…企业: a count that includes the firms named is none of theirs;
- a figure with no subject after a sentence that opens on a region (今年以来，成都高新区着力…) is that region's:
  stat-region-context split in two by its blind evidence, the lead part accepted;
- 成都高新区电子信息、生物医药、新经济三大主导产业: a list right after a place, counted as its N大主导/支柱/优势产业, is its
  domains;
- 由A指导、B主办，C承办的X: an organiser after an enumeration comma (、B主办) takes part as one after a comma does;
- 廊坊中集空港设备有限公司: a brand that jieba cuts into two one-character words (中/f 集/q) after a place is part of
  the name (it was read as 空港设备有限公司)."""
from __future__ import annotations

from .conftest import accepted_figures, events, facts, ingest_text, proposed_figures

BREAKDOWN = ("数据显示，2025年北京经开区工业总产值同比增长12%，多个主导产业同样保持两位数增长。"
             "其中，高端汽车和新能源智能汽车产业完成产值3113.2亿元，同比增长17.4%；新一代信息技术产业完成产值1882.4亿元。")


def test_a_part_after_qizhong_goes_on_with_the_subject_of_the_whole(tmp_path, kb):
    ex = ingest_text(tmp_path, BREAKDOWN, kb, "2026-01-26")
    zone = {s for s, v in accepted_figures(ex) if v == 12}
    assert zone and {s for s, v in accepted_figures(ex) if v in (3113.2, 17.4, 1882.4)} == zone, accepted_figures(ex)


def test_guard_a_part_after_qizhong_that_names_its_own_subject_keeps_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "2025年北京经开区工业总产值同比增长12%。其中，京东方科技集团股份有限公司实现产值300亿元。", kb, "2026-01-26")
    assert ("京东方科技集团股份有限公司", 300) in {(s, v) for s, v in proposed_figures(ex)}, proposed_figures(ex)


def test_guard_qizhong_after_a_sentence_without_a_figure_carries_nothing(tmp_path, kb):
    ex = ingest_text(tmp_path, "企业看好北京经开区的发展。其中，机器人产业完成产值820.4亿元。", kb, "2026-01-26")
    assert not [v for _, v in accepted_figures(ex) if v == 820.4], accepted_figures(ex)


def test_firms_listed_as_a_places_firms_are_in_that_place(tmp_path, kb):
    ex = ingest_text(tmp_path, "随后，极米、芯源等成都高新区企业的代表也各自谈了对成都创业环境的感受。", kb, "2020-04-10")
    located = {a for a, b in facts(ex, "LOCATED_IN") if "高新" in b}
    assert located == {"极米", "芯源"}, facts(ex, "LOCATED_IN")


def test_guard_firms_listed_as_leading_firms_are_in_no_place(tmp_path, kb):
    ex = ingest_text(tmp_path, "随后，极米、芯源等龙头企业的代表也各自谈了感受。", kb, "2020-04-10")
    assert not facts(ex, "LOCATED_IN", accepted=False), facts(ex, "LOCATED_IN", accepted=False)


SUMMIT = ("近日，智能传感器产业峰会暨中国传感器与物联网产业联盟北碚行活动在北碚举办。为推动智能传感器技术的应用，"
          "中国传感器与物联网产业联盟、北碚区人民政府联合主办了此次产业峰会。")


def test_a_meeting_referred_back_to_is_the_one_whose_name_holds_its_word(tmp_path, kb):
    ex = ingest_text(tmp_path, SUMMIT, kb, "2020-07-11")
    assert not [e for e in events(ex) if e.startswith(("此次", "本次", "本届"))], events(ex)
    assert ("智能传感器产业峰会暨中国传感器与物联网产业联盟北碚行活动", "北碚区人民政府") in facts(ex, "PARTICIPANT", accepted=False)


def test_guard_a_meeting_referred_back_to_by_its_full_name_stays_an_event(tmp_path, kb):
    ex = ingest_text(tmp_path, "本届“巅峰极客”网络安全技能挑战赛由成都市互联网信息办公室主办。", kb, "2022-08-20")
    assert [e for e in events(ex) if "巅峰极客" in e], events(ex)


def test_an_activity_held_somewhere_is_an_event_with_the_body_inside_its_name(tmp_path, kb):
    ex = ingest_text(tmp_path, SUMMIT, kb, "2020-07-11")
    assert "智能传感器产业峰会暨中国传感器与物联网产业联盟北碚行活动" in events(ex), events(ex)


def test_guard_a_list_of_activities_held_is_no_activity_named(tmp_path, kb):
    ex = ingest_text(tmp_path, "2024年国家网络安全宣传周将于9月9日至15日举办，开幕式等重要活动在广东省广州市举行。", kb, "2024-09-02")
    assert not [e for e in events(ex) if "等重要活动" in e], events(ex)


def test_guard_an_activitys_opening_is_named_with_its_opening(tmp_path, kb):
    ex = ingest_text(tmp_path, "9月16日，四川省暨成都市2019年国家网络安全宣传周活动开幕式在成都市春熙路举行。", kb, "2019-09-17")
    assert "四川省暨成都市2019年国家网络安全宣传周活动" not in events(ex), events(ex)


def test_a_count_that_includes_the_firms_named_is_none_of_theirs(tmp_path, kb):
    ex = ingest_text(tmp_path, "6月16日，2016中国（四川）电子信息产业投资合作推介会暨项目签约仪式在成都举办，包括微软公司全球资深副总裁贺乐赋、"
                     "圆通速递董事长喻渭蛟在内的189家国内外知名电子信息企业负责人出席了本次活动。", kb, "2016-06-17")
    owners = [s for s, v in proposed_figures(ex) if v == 189]
    assert owners and not [s for s in owners if "圆通" in s or "微软" in s], proposed_figures(ex)


def test_guard_a_firm_named_before_its_own_figure_keeps_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "圆通速递董事长喻渭蛟介绍，圆通速递已在四川设立网点189家。", kb, "2016-06-17")
    assert ("圆通速递", 189) in proposed_figures(ex), proposed_figures(ex)


def test_a_meeting_named_in_quotes_before_where_it_was_held_is_held(tmp_path, kb):
    ex = ingest_text(tmp_path, "2016年12月27日，由中国软件园区发展联盟主办，中关村软件园承办的“软件园区创新发展研讨会暨中国软件园区"
                     "发展联盟2016年会”在北京中关村软件园顺利召开。", kb, "2017-01-03")
    assert "软件园区创新发展研讨会暨中国软件园区发展联盟2016年会" in events(ex), events(ex)


LED = "今年以来，成都高新区着力培育创新主体，科创动能强劲。新增国家级“专精特新”企业20家。"


def test_a_figure_after_a_sentence_that_opens_on_a_region_is_that_regions(tmp_path, kb):
    # stat-region-lead: split from stat-region-context (12 of 22 right on sixteen blind samples as they came, the rest
    # 15 of 46; tests/ingest/test_calibration.py), so it is accepted where the rest is not
    assert ("成都高新区", 20) in accepted_figures(ingest_text(tmp_path, LED, kb, "2021-11-03")), LED


def test_guard_a_region_named_inside_the_sentence_before_stays_below_the_threshold(tmp_path, kb):
    ex = ingest_text(tmp_path, "企业纷纷看好成都高新区的营商环境，科创动能强劲。新增国家级“专精特新”企业20家。", kb, "2021-11-03")
    assert ("成都高新区", 20) not in accepted_figures(ex) and ("成都高新区", 20) in proposed_figures(ex), proposed_figures(ex)


def test_a_places_n_leading_industries_named_after_it_are_its_focus(tmp_path, kb):
    ex = ingest_text(tmp_path, "今年以来，成都高新区电子信息、生物医药、新经济三大主导产业保持平稳较快增长。", kb, "2021-11-03")
    assert {b for a, b in facts(ex, "FOCUSES_ON", accepted=False) if a == "成都高新区"} >= {"电子信息", "生物医药", "新经济"}, facts(ex, "FOCUSES_ON")


def test_guard_a_verb_after_a_place_is_no_industry(tmp_path, kb):
    ex = ingest_text(tmp_path, "2023年，北京经开区将围绕四大主导产业持续用力。", kb, "2023-02-07")
    assert not [m.text for m in ex.mentions if m.label == "Domain"], [m.text for m in ex.mentions if m.label == "Domain"]


def test_organisers_after_a_guiding_body_and_an_enumeration_comma_take_part(tmp_path, kb):
    ex = ingest_text(tmp_path, "2016年12月27日，由湖南省工业和信息化厅指导、长沙市软件行业协会主办，湖南长城科技信息有限公司承办的"
                     "“2016软件产业年会”在长沙召开。", kb, "2017-01-03")
    got = facts(ex, "PARTICIPANT", accepted=False)   # event-organised-by is below the threshold since round blind-yc
    assert ("2016软件产业年会", "长沙市软件行业协会") in got, got


def test_a_brand_jieba_cuts_into_single_characters_after_a_place_is_part_of_the_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京中集智能科技有限公司落户通州。廊坊中集空港设备有限公司负责人介绍了项目。", kb, "2024-09-26")
    firms = {m.text for m in ex.mentions if m.label == "Enterprise"}
    assert {"北京中集智能科技有限公司", "廊坊中集空港设备有限公司"} <= firms, firms


def test_guard_one_character_after_a_place_is_no_brand(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京城市副中心建设加快。", kb, "2024-09-26")
    assert not [m.text for m in ex.mentions if m.label == "Institution"], [(m.text, m.label) for m in ex.mentions]
