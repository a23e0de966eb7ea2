"""Round blind-ye (docs/ingest-rounds.md): causes read from dev-ZZC (round blind-yc's first sample, read when this
round opened, while dev-ZZE and dev-ZZF were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB
and dev-ZZD stay unread). The sentences are written for these tests after the pattern of what was read; each positive
fails on the commit before its change, each guard passes there:
- 仙桃数据谷要引进…: jieba's HMM glues 要 to the area's suffix (谷要); the name still ends at 谷;
- 渝北仙桃数据谷, then 仙桃数据谷: one local area, named first with its district's short name;
- 为期两天的天府杯2019…大赛暨…论坛: how long it lasts is no part of the name, the cup's name is;
- 本次活动由A、B、C等主办: the joint event, not its contest named last; listed organisers without a suffix are firms;
- 中国工程院院士陈左宁…参加大赛: an academician's honour sends no body to the contest;
- 北京经济技术开发区的星网工业园: a park in the zone, named again later without it; 湖南湘江新区智能系统测试区: one place;
- 以诺基亚为龙头: a firm; 万兴科技(300624.SZ): a listed firm, and the one that 将把长沙打造成… aims;
- 统计数据表明，2017年，…: the year dates the figures after who says so; 由2005年的X增加到2010年的Y: each its year;
- 29.3万元/人 is a rate, no figure; 布局A、B、C三大核心产业: the area's focus;
- 还将有一场X大会 / 互联网行业的重磅级大会——X: the meeting is X."""
from __future__ import annotations

from .conftest import events, facts, ingest_text, proposed_figures


def _names(ex, label: str) -> set[str]:
    return {p.record.get("name_zh") for p in ex.entities.values() if p.label == label}


def test_an_area_name_ends_at_its_suffix_though_a_verb_is_glued_to_it(tmp_path, kb):
    body = "渝北区建设大数据产业园。按照规划，到2020年仙桃数据谷要引进龙头企业30家，核心企业300家。"
    ex = ingest_text(tmp_path, body, kb, "2016-05-11")
    assert ("仙桃数据谷", 30) in [f[:2] for f in proposed_figures(ex)], proposed_figures(ex)
    assert ("渝北区", 30) not in [f[:2] for f in proposed_figures(ex)]


def test_an_area_named_with_its_district_is_the_same_area_named_without(tmp_path, kb):
    body = ("重庆市大力发展大数据产业。一串国际大公司陆续入驻渝北仙桃数据谷。"
            "2014年4月，仙桃数据谷正式启动建设。这里已有注册企业112家。")
    ex = ingest_text(tmp_path, body, kb, "2016-05-11")
    areas = [n for n in _names(ex, "Region") if n.endswith("仙桃数据谷")]
    assert len(areas) == 1, areas
    # guard: a zone named with its province's short name goes on being one (湘江新区 after 湖南湘江新区)
    ex = ingest_text(tmp_path, "湖南湘江新区加快发展。湘江新区实现产值800亿元。", kb, "2020-01-01")
    assert [n for n in _names(ex, "Region") if n.endswith("湘江新区")] == ["湖南湘江新区"]


def test_a_meetings_name_is_neither_its_length_nor_without_its_cup(tmp_path, kb):
    body = ("11月16日-17日，为期两天的天府杯2019国际网络安全大赛暨2019天府国际网络安全高峰论坛在成都隆重开幕。"
            "作为本次活动最大的亮点之一，天府杯2019国际网络安全大赛已吸引国内外32家网络安全顶级技术团队进驻。")
    ex = ingest_text(tmp_path, body, kb, "2019-11-16")
    assert set(events(ex)) == {"天府杯2019国际网络安全大赛暨2019天府国际网络安全高峰论坛", "天府杯2019国际网络安全大赛"}, events(ex)
    assert ("天府杯2019国际网络安全大赛", 32) in [f[:2] for f in proposed_figures(ex)]


def test_this_activitys_organisers_organise_the_joint_event(tmp_path, kb):
    body = ("11月16日，天府杯2019国际网络安全大赛暨2019天府国际网络安全高峰论坛在成都开幕。"
            "天府杯2019国际网络安全大赛已吸引32家团队进驻。"
            "本次活动由百度、阿里巴巴、腾讯、奇安信集团等主办，科来、四川无声、四叶草安全等单位协办。")
    ex = ingest_text(tmp_path, body, kb, "2019-11-16")
    got = facts(ex, "PARTICIPANT", accepted=False)
    joint = "天府杯2019国际网络安全大赛暨2019天府国际网络安全高峰论坛"
    for firm in ("百度", "阿里巴巴", "腾讯", "科来", "四川无声"):
        assert (joint, firm) in got, (firm, got)
    assert not [f for f in got if f[0] == "天府杯2019国际网络安全大赛"], got
    # guard: a body's own name in the list is the body, not a firm named after it
    ex = ingest_text(tmp_path, "2019世界计算机大会在长沙开幕。大会由中国工业和信息化部、湖南省人民政府共同主办。", kb,
                     "2019-09-10")
    assert not [n for n in _names(ex, "Enterprise") if "信息化部" in n], _names(ex, "Enterprise")


def test_an_academician_sends_no_academy(tmp_path, kb):
    body = ("“巅峰极客”首届网络安全技能挑战赛暨自主可控安全共测大赛即日起开通大赛报名通道。中国工程院院士陈左宁、倪光南，"
            "中国计算机学会计算机安全专业委员会主任严明等将作为特邀嘉宾参加大赛。")
    ex = ingest_text(tmp_path, body, kb, "2018-06-25")
    got = {b for _, b in facts(ex, "PARTICIPANT", accepted=False)}
    assert "中国工程院" not in got, got
    assert "中国计算机学会计算机安全专业委员会" in got, got


def test_a_park_in_a_zone_is_a_place_of_its_own(tmp_path, kb):
    body = ("在北京经济技术开发区的星网工业园里，一条道路把20多家手机整机和配件企业串联在一起。"
            "如今，星网工业园已集聚企业50家。")
    ex = ingest_text(tmp_path, body, kb, "2008-09-18")
    regions = _names(ex, "Region")
    assert "星网工业园" in regions and not [n for n in regions if "的" in n], regions
    assert ("星网工业园", 50) in [f[:2] for f in proposed_figures(ex)], proposed_figures(ex)
    ex = ingest_text(tmp_path, "据介绍，湖南湘江新区智能系统测试区一期用地面积1232亩。", kb, "2018-06-12")
    assert ("湖南湘江新区智能系统测试区", 1232) in [f[:2] for f in proposed_figures(ex)], proposed_figures(ex)


def test_firms_by_their_role_and_by_their_stock_code(tmp_path, kb):
    ex = ingest_text(tmp_path, "以诺基亚为龙头的移动通讯产业、以京东方为龙头的显示产业发展壮大。", kb, "2008-09-18")
    assert {"诺基亚", "京东方"} <= _names(ex, "Enterprise"), _names(ex, "Enterprise")
    # guard: a place or a field that leads is no firm
    ex = ingest_text(tmp_path, "以长沙为龙头的城市群加快发展。以大数据为代表的新技术不断涌现。", kb, "2020-01-01")
    assert not _names(ex, "Enterprise") & {"长沙", "大数据"}
    ex = ingest_text(tmp_path, "今年6月，万兴科技(300624.SZ)与长沙市签约。万兴科技将把长沙打造成国内第二总部。", kb, "2020-11-19")
    assert "万兴科技" in _names(ex, "Enterprise")
    goals = [o for o in ex.observations if o.fields.get("metric") == "development_goal"]
    assert goals and all(o.subject == "enterprise/wanxing-keji" for o in goals), [(o.subject, o.fields) for o in goals]


def test_the_year_after_who_says_so_dates_the_figures(tmp_path, kb):
    body = "重庆市发展电子产业。统计数据表明，2017年，广达、富士康等代工企业在渝生产了1400万台打印机。"
    ex = ingest_text(tmp_path, body, kb, "2018-02-03")
    assert [f[2] for f in proposed_figures(ex, "as_of") if f[1] == 14000000] == ["2017"], proposed_figures(ex, "as_of")


def test_a_rate_per_head_is_no_figure(tmp_path, kb):
    body = "重庆市发展电子产业。全员劳动生产率提升至29.3万元/人，全市工业总产值增长9.9%。"
    ex = ingest_text(tmp_path, body, kb, "2018-02-03")
    values = [f[1] for f in proposed_figures(ex)]
    assert 29.3 not in values and 9.9 in values, values


def test_a_meeting_after_a_count_or_a_description(tmp_path, kb):
    body = ("19日，互联网行业的重磅级大会——2020中国新媒体大会在长沙开幕了。"
            "11月28日-30日，还将有一场网络安全·智能制造大会在长沙国际会展中心举行。")
    ex = ingest_text(tmp_path, body, kb, "2020-11-19")
    assert set(events(ex)) == {"2020中国新媒体大会", "网络安全·智能制造大会"}, events(ex)
    # guard: a session named after its series with a dash keeps the series (the read gold names it so)
    ex = ingest_text(tmp_path, "3月20日，“推动首都高质量发展”系列主题新闻发布会——2025北京数字经济专场召开。", kb, "2025-03-20")
    assert [e for e in events(ex) if e.startswith("“推动首都高质量发展”")], events(ex)


def test_the_year_right_before_a_figure_dates_it(tmp_path, kb):
    body = "北京市发展电子信息产业。“十一五”时期，北京市电子信息制造业总产值由2005年的1775.5亿元增加到2010年的2229.1亿元。"
    ex = ingest_text(tmp_path, body, kb, "2011-01-01")
    assert sorted(f[1:] for f in proposed_figures(ex, "as_of")) == [(1775.5, "2005"), (2229.1, "2010")], proposed_figures(ex, "as_of")


def test_the_core_industries_an_area_lays_out_are_its_focus(tmp_path, kb):
    ex = ingest_text(tmp_path, "仙桃数据谷规划面积1.77平方公里，布局感知、存储、数据挖掘三大核心产业。", kb, "2016-05-11")
    assert {b for a, b in facts(ex, "FOCUSES_ON", accepted=False) if a == "仙桃数据谷"} >= {"感知", "存储", "数据挖掘"}
