"""Round blind-yg (docs/ingest-rounds.md): causes read from dev-ZZE (round blind-ye's first sample, read when this
round opened, while dev-ZZG and dev-ZZH were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB,
dev-ZZD and dev-ZZF stay unread). The sentences are written for these tests after the pattern of what was read; each
positive fails on the commit before its change (af5f46c), each guard passes there:
- 其中华润微电子、奥特斯…等龙头企业: the list begins after 其中;
- A、B、C…分别…x、y、z: each figure is the member's at the same place (stat-respectively);
- 20Mbps以上: a bandwidth is a figure (unit Mbps);
- 技术收入的增速远高于园区总收入: a comparison, no area named 远高于园区;
- an article about 成都高新区 that names 成都市 once: a figure nothing else owns is the zone's (stat-article-zone);
- 成都高新综合保税区 / 成都高新综保区: one bonded zone, part of 成都高新区 (bonded-zone-in-zone);
- 《重庆市大数据行动计划》（以下简称“《计划》”）: 《计划》 is that plan, in the headline too;
- 湖南日报8月26日讯…今天: today is the dateline's day, not the page's;
- 2020年前三季度: the first three quarters, no deadline (2025年前 still is)."""
from __future__ import annotations

from .conftest import facts, ingest_text, proposed_figures


def _names(ex, label: str) -> set[str]:
    return {p.record.get("name_zh") for p in ex.entities.values() if p.label == label}


def test_a_list_opened_by_qizhong_begins_after_it(tmp_path, kb):
    body = "1-5月全市集成电路产值同比增长42.6%，其中华润微电子、奥特斯、超硅半导体等龙头企业保持增长。"
    ex = ingest_text(tmp_path, body, kb, "2020-06-26")
    firms = _names(ex, "Enterprise")
    assert {"华润微电子", "奥特斯", "超硅半导体"} <= firms, firms
    assert not [n for n in firms if n.startswith("其中")], firms


def test_figures_after_fenbie_go_to_the_listed_names_in_order(tmp_path, kb):
    body = ("芯片制造方面，其中华润微电子、奥特斯、超硅半导体等龙头企业的产值分别同比增长23.2%、86%、30.7%。"
            "成都高新区、武侯区、金牛区的软件业务收入分别为1584.6亿元、354.2亿元、146.1亿元。")
    got = proposed_figures(ex := ingest_text(tmp_path, body, kb, "2020-06-26"))
    for pair in (("华润微电子", 23.2), ("奥特斯", 86), ("超硅半导体", 30.7), ("成都高新区", 1584.6), ("武侯区", 354.2),
                 ("金牛区", 146.1)):
        assert pair in got, (pair, got)
    assert {o.rule for o in ex.observations} == {"stat-respectively"}
    # guard: a list and a series of different lengths say nothing of who has which
    got = proposed_figures(ingest_text(tmp_path, "重庆市加快发展。华润微电子、奥特斯的产值分别增长23.2%、86%、30.7%。", kb, "2020-06-26"))
    assert ("奥特斯", 86) not in got, got


def test_a_bandwidth_is_a_figure(tmp_path, kb):
    body = "到2015年，湖南省城市家庭宽带接入能力基本达到20Mbps以上，农村家庭宽带接入能力基本达到4Mbps。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2014-04-04"), "unit", "qualifier", "status")
    assert ("湖南省", 20, "Mbps", "以上", "target") in got, got
    assert ("湖南省", 4, "Mbps", None, "target") in got, got


def test_a_comparison_names_no_area(tmp_path, kb):
    body = "中关村海淀园实力强劲。每年有一半的技术成果辐射到全国，技术收入的增速远高于园区总收入和产品销售收入。"
    ex = ingest_text(tmp_path, body, kb, "2008-06-01")
    assert not [n for n in _names(ex, "Region") if "高于" in n], _names(ex, "Region")
    # guard: an area named with 园区 is still one
    ex = ingest_text(tmp_path, "北京市通州区张家湾设计小镇旁的台湖演艺园区迎来新企业。", kb, "2020-01-01")
    assert "台湖演艺园区" in _names(ex, "Region")


def test_a_figure_no_one_owns_is_the_zone_the_article_is_about(tmp_path, kb):
    body = ("今年以来，成都高新区经济复苏响应迅速。上半年，成都高新区实现产业增加值1191.4亿元。"
            "值得一提的是，上半年成都高新区外贸进出口总额同比增长26.2%。成都市加快发展。\n\n"
            "电子信息产业：148家规上工业企业实现产值1618.9亿元，同比增长15.3%。")
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2020-07-20"))
    assert ("成都高新区", 1618.9) in got, got
    assert ("成都市", 1618.9) not in got
    # guard: a project's figures are not the zone's
    body = body.replace("148家规上工业企业实现产值1618.9亿元", "15个项目集中开工，总投资151.91亿元")
    assert ("成都高新区", 151.91) not in proposed_figures(ingest_text(tmp_path, body, kb, "2020-07-20"))


def test_a_bonded_zone_is_part_of_the_zone_its_name_begins_with(tmp_path, kb):
    body = "成都高新区经济稳中向好。成都高新综合保税区进出口总额继续保持全国第一。成都高新综保区进出口总额达5819亿元。"
    ex = ingest_text(tmp_path, body, kb, "2022-07-14")
    assert [n for n in _names(ex, "Region") if "保" in n] == ["成都高新综合保税区"], _names(ex, "Region")
    assert ("成都高新综合保税区", "成都高新区") in facts(ex, "PART_OF", accepted=False)
    assert ("成都高新综合保税区", "成都市") not in facts(ex, "PART_OF", accepted=False)


def test_a_policys_declared_short_form_is_that_policy(tmp_path, kb):
    body = ("市发改委介绍《计划》相关情况\n\n近日，重庆印发《重庆市大数据行动计划》（以下简称“《计划》”），提出总体目标。"
            "按照《计划》，到2017年，重庆要把大数据产业培育成全市经济发展的重要增长极。")
    ex = ingest_text(tmp_path, body, kb, "2013-08-23")
    assert _names(ex, "Policy") == {"重庆市大数据行动计划"}, _names(ex, "Policy")


def test_today_is_a_dailys_dateline_day(tmp_path, kb):
    body = "湖南日报8月26日讯(记者 王晗)今天在长沙高新区,举行了长沙北斗产业安全技术研究院揭牌仪式。"
    ex = ingest_text(tmp_path, body, kb, "2016-08-27")
    assert [d.value for d in ex.dates if d.text == "今天"] == ["2016-08-26"], [(d.text, d.value) for d in ex.dates]


def test_the_first_quarters_of_a_year_are_no_deadline(tmp_path, kb):
    body = "2020年前三季度，四川省数字经济直接贡献部分增加值2700亿元，增长9.3%。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2020-12-01"), "status")
    assert ("四川省", 2700, "actual") in got, got
    # guard: 2025年前 is a deadline
    got = proposed_figures(ingest_text(tmp_path, "四川省2025年前建成数据中心20个。", kb, "2020-12-01"), "status")
    assert ("四川省", 20, "target") in got, got
