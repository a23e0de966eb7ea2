"""Round blind-td (docs/ingest-rounds.md): causes read from the read dev samples' wrong proposals (dev-Y, dev-X and
the older ones; test-D and test-E, the round's new held-out splits, and dev-Z stay unread). The sentences are written
for these tests after the pattern of what was read; each positive fails on the commit before its change (6f00880) and
on round blind-y's last (9b4db6a), and the guards pass on both by design:
- 半年内共推动…16个项目开工 is a tally of the half year: 年内 before 共/累计/已/先后 makes no target;
- a zone's quarter keeps its direction (中关村科学城北区, 成都高新东区): an area of its own, whose figures are its own;
- X指的是海淀区…以北的区域，面积235平方公里: where X lies is no subject of X's figures;
- 中国电信…将在长沙高新区建立…中心，…拥有机架约5万个: where a firm builds is no subject of what it builds;
- 8英寸MEMS特色芯片IDM产业基地, its name cut where the Latin letters end, leaves 产业基地: a kind, no name.
After dev-ZA and dev-ZB were scored once as they came (c19a828) and the calibration set, dev-ZA was read (dev-ZB, dev-Z,
test-D and test-E stay unread); from its wrong proposals (each positive fails on d5cc7b2):
- 形成了以汽车、电子信息…四大产业为支撑: 以 opens the list, it is no part of the first domain;
- 拓维信息是做软件的 says what kind of firm it is, and 湘江鲲鹏主打的产品，是… describes its product: no text value of either;
- 以不到重庆市1.5%的面积，贡献了全市约15%的经济总量: the city a share is taken of owns none of the zone's shares;
- …两江新区…签约了60多个项目，比如X公司拟投资110亿元…，量产后年产值将超过400亿元: the second figure is the firm's;
- 《湖南省人民政府关于鼓励…的意见》: the place begins the issuer's name; the policy does not concern it for that;
- 在全国19个国家级新区中…排名第4位: 19 counts the field a rank is taken in, no one's figure;
- 坐落在 is 坐落于: the district after it is where the park lies, not the subject of the park's figures."""
from __future__ import annotations

import pytest

from .conftest import ingest_text, proposed_figures

# whose figures a sentence states: (sentence, article date, owner, its values, a place that owns none of them)
OWNERS = [
    ("据了解，中关村科学城北区指的是海淀区百望山以北的区域，面积235平方公里，占海淀区总面积的54%。", "2020-05-18",
     "中关村科学城北区", (235, 54), "海淀区"),                 # where an area lies (指的是) is no subject of its figures
    ("两江新区以不到重庆市1.5%的面积，贡献了全市约15%的经济总量、30%的进出口额。", "2020-06-16",
     "两江新区", (15, 30), "重庆市"),                           # the city a zone's share is taken of owns none of it
    ("据悉，重庆两江新区在智博会上签约了60多个项目，比如北京车和家信息技术有限公司拟投资110亿元建设智能汽车制造基地，"
     "量产后年产值将超过400亿元。", "2018-08-25",
     "北京车和家信息技术有限公司", (110, 400), "重庆两江新区"),   # after a firm's figure, the next stays the firm's
]


@pytest.mark.parametrize("sentence, date, owner, values, not_owner", OWNERS, ids=["where-an-area-lies", "share-of-a-city", "after-a-firms-figure"])
def test_whose_figures_a_sentence_states(tmp_path, kb, sentence, date, owner, values, not_owner):
    figures = proposed_figures(ingest_text(tmp_path, sentence, kb, date))
    assert all((owner, v) in figures for v in values), figures
    assert not [f for f in figures if f[0] == not_owner and f[1] in values], figures


def test_a_half_years_tally_is_no_target(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京经开区半年内共推动神州细胞等16个重大产业项目全部开工建设。", kb, "2024-08-05")
    assert proposed_figures(ex, "status") == [("北京经济技术开发区", 16, "actual")]


def test_guard_within_the_year_is_still_a_target(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京经开区年内将推动16个重大产业项目开工建设。", kb, "2024-08-05")
    assert proposed_figures(ex, "status") == [("北京经济技术开发区", 16, "target")]


def test_a_zones_quarter_is_an_area_with_figures_of_its_own(tmp_path, kb):
    ex = ingest_text(tmp_path, "5月18日，中关村科学城发布了中关村科学城北区发展行动计划。\n\n"
                     "截至2019年年底，中关村科学城北区入驻的科技企业达1189家。成都高新东区新签约项目10个。", kb, "2020-05-18")
    figures = proposed_figures(ex)
    assert ("中关村科学城北区", 1189) in figures and ("成都高新东区", 10) in figures
    assert ("中关村科学城", 1189) not in figures


def test_guard_a_bare_quarter_is_no_zone(tmp_path, kb):
    ex = ingest_text(tmp_path, "要把高新东区打造成产业高地，东区新签约项目10个。", kb, "2020-05-18")
    assert not [m for m in ex.mentions if m.label == "Region" and m.text.endswith("东区")]


def test_where_a_firm_builds_is_no_subject_of_what_it_builds(tmp_path, kb):
    ex = ingest_text(tmp_path, "中国电信股份有限公司湖南分公司将投资220亿元，在长沙高新区建立中国电信中南大数据中心，"
                     "全部建成后将拥有机架约5万个。", kb, "2018-09-20")
    assert [f for f in proposed_figures(ex) if f[1] == 50000] == [("中国电信股份有限公司湖南分公司", 50000)]


def test_guard_a_zone_that_opens_the_sentence_keeps_its_figures(tmp_path, kb):
    ex = ingest_text(tmp_path, "在长沙高新区，今年新签约项目10个。", kb, "2018-09-20")
    assert ("长沙国家高新技术产业开发区", 10) in proposed_figures(ex)   # the curated name of 长沙高新区


def test_a_kind_of_place_cut_from_its_name_is_no_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "在这次开工的项目里，8英寸MEMS特色芯片IDM产业基地位于曾家镇，项目总投资35亿元。", kb, "2023-10-18")
    assert "产业基地" not in {m.text for m in ex.mentions}
    assert not [f for f in proposed_figures(ex) if f[0] == "产业基地"]


def test_guard_a_base_named_by_its_place_is_a_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙国家软件产业基地新增企业30家。", kb, "2023-10-18")
    assert "长沙国家软件产业基地" in {m.text for m in ex.mentions}


def test_a_list_opened_by_yi_names_its_first_domain_without_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "两江新区形成了以汽车、电子信息、装备制造、生物医药四大产业为支撑的先进制造业体系。", kb, "2020-06-16")
    domains = {m.text for m in ex.mentions if m.label == "Domain"}
    assert "汽车" in domains and "以汽车" not in domains


def test_what_a_firm_does_and_what_its_product_is_are_no_descriptions_of_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "湘江鲲鹏主打的产品，是华为从2019年开始大力推广的鲲鹏服务器。拓维信息是做软件的。", kb, "2020-05-18")
    assert not [o for o in ex.observations if "value_text" in o.fields]


def test_guard_a_second_clause_about_the_same_subject_still_describes_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "2018年网络安全博览会在成都拉开帷幕。\n\n网络安全博览会是国家网络安全宣传周活动的重头戏，"
                     "也是体现网络安全意识、履行网络安全责任的展示场。", kb, "2018-12-27")
    texts = {o.fields.get("value_text") for o in ex.observations}
    assert "体现网络安全意识、履行网络安全责任的展示场" in texts


def test_a_policy_titled_by_its_issuer_does_not_concern_the_issuers_place(tmp_path, kb):
    ex = ingest_text(tmp_path, "2014年，省政府出台《湖南省人民政府关于鼓励移动互联网产业发展的意见》。", kb, "2019-03-26")
    assert not [r for r in ex.relations if r.type == "CONCERNS" and r.to == "region/430000"]


def test_guard_a_policy_titled_by_its_place_concerns_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "2014年，省政府出台《湖南省移动互联网产业发展规划》。", kb, "2019-03-26")
    assert [r for r in ex.relations if r.type == "CONCERNS" and r.to == "region/430000"]


def test_the_count_of_the_field_a_rank_is_taken_in_is_no_figure(tmp_path, kb):
    ex = ingest_text(tmp_path, "两江新区在全国19个国家级新区中连续几年排名第4位。", kb, "2020-06-16")
    assert [f[1] for f in proposed_figures(ex)] == [4]


def test_guard_a_count_before_a_rank_is_a_figure(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙市有软件企业19个，位居全省第一。", kb, "2020-06-16")
    assert ("长沙市", 19) in proposed_figures(ex)


def test_a_park_that_lies_in_a_district_keeps_its_figures_and_is_part_of_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "中关村集成电路设计园坐落在北京市海淀区北清路，占地面积6万平方米，总建筑规模22万平方米。", kb, "2018-11-16")
    figures = proposed_figures(ex)
    assert ("中关村集成电路设计园", 6) in figures and ("中关村集成电路设计园", 22) in figures
    assert not [f for f in figures if f[0] == "海淀区"]
    assert [r for r in ex.relations if r.rule == "located-at" and r.to == "region/110108"]
