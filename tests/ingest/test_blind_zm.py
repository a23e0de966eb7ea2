"""Round blind-zm (docs/ingest-rounds.md): causes read from dev-ZL (round blind-zk's unread check), read while the
round's two new samples were being labelled, so dev-ZM and dev-ZN scored these rules as they came. The sentences are
written for these tests after the pattern of what was read; each positive fails on the commit before its change, each
guard passes there:
- 二期总建面约28万㎡: a phase of a project is no count of phases (分3期供地 still is);
- 10亿元以上项目有55个, 100亿元级项目5个: a band projects are sorted in is no figure;
- 在本次集中签约的项目中，…有55个: 本次…签约 after 在 refers back to the signing named before;
- 马栏山视频文创产业园: an industrial park (产业园) whatever word begins its name, not 数字经济产业园 (a kind);
- 国家级文化产业示范园区: a title parks are given, no area;
- 高出长沙市增速3.1个百分点, 覆盖四川13个地市: the region a figure is compared with, or reaches, is not its owner;
- 《北京城市副中心…行动计划》: the zone the title begins with (named in the article), not 北京市;
- 湖南省文化和旅游厅: the 和 joining an office's two remits is part of its name.
Then from dev-ZM, once scored as it came (dev-ZN stays unread):
- 新川创新科技园: a 科技园 whatever word begins it; 重庆大学城科技产业园 holds no 重庆大学;
- 申报进入天府新区项目库的项目: a region whose list something enters owns none of its figures;
- 自2016年首届…峰会以来: a meeting that dates the figures is not their owner;
- 长沙市委副书记 names the Party committee as 长沙市委书记 does (one body, not two);
- 成为四川第一个也是唯一一个…基地: a province scopes a distinction;
- 在长沙签署…协议: the place of a signing is no party to it;
- 教授、专家学者等…创办企业: people are no firm of a list."""
from __future__ import annotations

from .conftest import accepted_figures, entity_name, facts, ingest_text, proposed_figures


def regions(ex) -> set[str]:
    return {entity_name(ex, m.keys[0]) for m in ex.mentions if m.label == "Region" and m.keys}


def test_a_phase_of_a_project_is_no_count(tmp_path, kb):
    body = "中关村软件园核心区总建面约45万㎡，其中一期总建面约17万㎡，二期总建面约28万㎡。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2024-07-28"), "unit")
    assert not [f for f in got if f[2] == "期"], got
    assert ("中关村软件园", 28, "万㎡") in got, got   # the phase's own figure stays
    # guard: 分3期 counts the phases (the only 期 the tuned pool's gold counts)
    got = proposed_figures(ingest_text(tmp_path, "长沙软件园规划面积1500亩，分3期供地。", kb, "2009-04-02"), "unit")
    assert [(v, u) for _, v, u in got if u == "期"] == [(3, "期")], got


def test_a_band_projects_are_sorted_in_is_no_figure(tmp_path, kb):
    body = ("6日，重庆市2023年招商引资一季度集中签约活动在重庆九龙坡区举行，本次共集中签约重大招商项目70个。"
            "据介绍，在本次集中签约的项目中，10亿元以上项目有55个，占比78.6%；其中，100亿元级项目5个、50亿元级项目10个。")
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2023-04-06"), "unit")
    values = [(v, u) for _, v, u in got]
    assert (10, "亿元") not in values and (100, "亿元") not in values and (50, "亿元") not in values, got
    assert (55, "个") in values and (5, "个") in values, got   # guard: the counts in each band stay


def test_ben_ci_signing_after_zai_is_the_signing_named_before(tmp_path, kb):
    body = ("6日，重庆市2023年招商引资一季度集中签约活动在重庆九龙坡区举行，本次共集中签约重大招商项目70个。\n\n"
            "据介绍，在本次集中签约的项目中，10亿元以上项目有55个，占比78.6%。")   # a paragraph of its own
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2023-04-06"))
    assert ("重庆市2023年招商引资一季度集中签约活动", 55) in got, got
    assert ("重庆市", 55) not in got, got


def test_an_industrial_park_whatever_word_begins_its_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "8月9日，湖南省文化和旅游厅副厅长带队到马栏山视频文创产业园调研。", kb, "2022-08-12")
    assert "马栏山视频文创产业园" in regions(ex), regions(ex)
    ex = ingest_text(tmp_path, "今年，中科创达等项目落户两江数字经济产业园。", kb, "2022-08-12")
    assert "两江数字经济产业园" in regions(ex), regions(ex)   # 落户 is no part of the name
    # guard: an industry and 产业园 name a kind of park, not one
    ex = ingest_text(tmp_path, "重庆市将建设数字经济产业园和一批特色产业园。", kb, "2022-08-12")
    assert not {r for r in regions(ex) if r.endswith("产业园")}, regions(ex)
    ex = ingest_text(tmp_path, "园区打造世界级特色产业园，评选出市级网络安全产业园。", kb, "2022-08-12")
    assert not {r for r in regions(ex) if r.endswith("产业园")}, regions(ex)   # a goal, a title


def test_a_title_parks_are_given_is_no_area(tmp_path, kb):
    body = "2020年12月8日，文化和旅游部公示国家级文化产业示范园区创建名单，马栏山视频文创产业园等13家园区获得创建资格。"
    ex = ingest_text(tmp_path, body, kb, "2022-08-12")
    assert not {r for r in regions(ex) if "示范园区" in r}, regions(ex)
    # guard: an area with a name of its own in 园区 stays
    ex = ingest_text(tmp_path, "去年12月，金山云园区开园。", kb, "2022-08-12")
    assert "金山云园区" in regions(ex), regions(ex)


def test_a_region_a_figure_is_compared_with_is_not_its_owner(tmp_path, kb):
    body = "2021年，马栏山视频文创产业园完成企业税收30.16亿元，同比增长20.1%，高出长沙市增速3.1个百分点。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2022-08-12"))
    assert not [f for f in got if f[0] == "长沙市"], got


def test_a_region_a_list_reaches_is_not_its_owner(tmp_path, kb):
    body = "会上发布的产业需求清单覆盖四川13个地市，含129项产业需求。"
    ex = ingest_text(tmp_path, body, kb, "2025-09-28")
    # no other owner is named: the article's region may still be offered, below the threshold
    assert not [f for f in accepted_figures(ex) if f[0] == "四川省"], proposed_figures(ex)


def test_a_policy_concerns_the_zone_its_title_begins_with(tmp_path, kb):
    body = ("未来三年，北京城市副中心将实施五大行动。4月11日，北京城市副中心“两区”建设新闻发布会举行，北京市通州区科委副主任在会上对日前发布的"
            "《北京城市副中心科技创新“三量齐升”行动计划（2024-2026年）》作了解读。")
    ex = ingest_text(tmp_path, body, kb, "2024-04-12")
    got = facts(ex, "CONCERNS", accepted=False)
    assert ("北京城市副中心科技创新“三量齐升”行动计划（2024-2026年）", "北京城市副中心") in got, got
    assert not {(a, b) for a, b in got if b == "北京市"}, got
    # guard: a title that begins with a city alone still concerns the city
    ex = ingest_text(tmp_path, "4月11日，北京市印发《北京市数字经济促进条例实施方案》。", kb, "2024-04-12")
    assert ("北京市数字经济促进条例实施方案", "北京市") in facts(ex, "CONCERNS", accepted=False), facts(ex, "CONCERNS", False)


def test_the_he_of_an_offices_two_remits_is_part_of_its_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "8月9日，湖南省文化和旅游厅副厅长带队调研。成都市人力资源和社会保障局发布通知。", kb, "2022-08-12")
    bodies = {entity_name(ex, m.keys[0]) for m in ex.mentions if m.label == "GovernmentBody" and m.keys}
    assert {"湖南省文化和旅游厅", "成都市人力资源和社会保障局"} <= bodies, bodies
    # guard: 和 between two places still ends a name
    ex = ingest_text(tmp_path, "北京和上海的企业参会。", kb, "2022-08-12")
    assert {"北京市", "上海市"} <= regions(ex), regions(ex)


def test_a_science_park_whatever_word_begins_its_name(tmp_path, kb):
    body = "作为新加坡和四川省合作开发建设的集聚区，新川创新科技园预计总投资将超过1000亿元人民币。"
    assert ("新川创新科技园", 1000) in proposed_figures(ingest_text(tmp_path, body, kb, "2012-12-28"))
    ex = ingest_text(tmp_path, "2017年3月16日，重庆大学城科技产业园正式获市科委授牌成立。", kb, "2018-03-29")
    assert "重庆大学城科技产业园" in regions(ex), regions(ex)
    assert not [m for m in ex.mentions if m.label == "Institution"], [m.text for m in ex.mentions]


def test_a_region_whose_list_is_entered_owns_no_figure(tmp_path, kb):
    body = "截至11月底，成都高新区申报进入天府新区项目库的重大建设项目已有124个，总投资逾1200亿元。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2012-12-28"))
    assert ("成都高新区", 124) in got and ("成都高新区", 1200) in got, got


def test_a_meeting_that_dates_the_figures_is_not_their_owner(tmp_path, kb):
    body = "自2016年首届智能制造峰会以来，长沙智能制造创新活跃，330家企业入选国家、省、市智能制造试点示范企业。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2017-12-06"))
    assert ("长沙市", 330) in got, got


def test_the_deputy_secretary_names_the_same_party_committee(tmp_path, kb):
    body = "湖南省委常委、长沙市委书记胡衡华，长沙市委副书记、市长陈文浩出席。"
    ex = ingest_text(tmp_path, body, kb, "2017-12-06")
    keys = {m.keys[0] for m in ex.mentions if m.text == "长沙市委" and m.keys}
    assert len(keys) == 1 and entity_name(ex, keys.pop()) == "中共长沙市委", keys


def test_a_province_scopes_a_distinction(tmp_path, kb):
    body = "菁蓉小镇大数据产业蓬勃兴起，菁蓉小镇也成为四川第一个也是唯一一个大数据特色产业基地。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2016-07-18"), "value_text")
    assert ("菁蓉小镇", None, "四川第一个也是唯一一个大数据特色产业基地") in got, got


def test_where_an_agreement_is_signed_is_no_party(tmp_path, kb):
    body = "2010年8月，省政府与国防科技大学、湖南大学在长沙签署了超级计算中心省校共建框架协议。"
    ex = ingest_text(tmp_path, body, kb, "2014-07-10")
    parties = {b for _, b in facts(ex, "PARTICIPANT", accepted=False)}
    assert {"国防科技大学", "湖南大学"} <= parties and "长沙市" not in parties, parties


def test_people_are_no_firm_of_a_list(tmp_path, kb):
    body = "国内外知名高校的教授、专家学者等纷纷在这里创办大数据企业。"
    ex = ingest_text(tmp_path, body, kb, "2016-07-18")
    assert not [m.text for m in ex.mentions if m.label == "Enterprise"], [m.text for m in ex.mentions]
