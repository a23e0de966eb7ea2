"""Round blind-yw (docs/ingest-rounds.md): causes read from dev-ZZU (round blind-yu's first sample, read when this
round opened, after dev-ZZW and dev-ZZX had been labelled blind, so both score these rules as they came; dev-ZZ,
dev-ZZB, dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ, dev-ZZL, dev-ZZN, dev-ZZP, dev-ZZR, dev-ZZT and dev-ZZV stay unread). The
sentences are written for these tests after the pattern of what was read; each positive fails on the commit before
its change, each guard passes there:
- 部署启动集成电路、新型显示、物联网等十大重点产业: 部署启动 leads the list, no part of its first item;
- 长沙市大数据（含地理信息）产业链建设工作推进会召开: a 推进会 or 工作会 held is a meeting, as it is after 召开的;
- …一道推动大会启动杆: a starting lever is no meeting being started;
- 商务中心区7.4平方公里: an area, not a centre; 是我国内陆地区第一个综合保税区: what a zone is, no zone's name;
- 包括A、B等在内的89家单位参展，C等18个项目集中签约: A and B exhibited; who signed is in the signing's clause;
- 总投资逾百亿的数十个项目 / 近千亿美元: a round sum in Chinese numerals is a figure (100 亿元, 1000 亿美元)."""
from __future__ import annotations

from .conftest import events, facts, ingest_text, proposed_figures


def names(ex, label: str) -> set[str]:
    return {p.record["name_zh"] for p in ex.entities.values() if p.label == label}


def test_a_lead_verb_is_no_part_of_the_first_domain(tmp_path, kb):
    body = "成都市把发展数字经济当作重要抓手，部署启动集成电路、新型显示、物联网、新材料等八大重点产业。"
    got = names(ingest_text(tmp_path, body, kb, "2017-04-24"), "Domain")
    assert "集成电路" in got and not [d for d in got if d.startswith("部署")], got


def test_a_progress_meeting_held_is_a_meeting(tmp_path, kb):
    body = "14日，成都市软件（含信息服务）产业链建设工作推进会召开。会议部署了下一步工作。"
    assert events(ingest_text(tmp_path, body, kb, "2018-11-14")) == ["成都市软件（含信息服务）产业链建设工作推进会"]
    # guard: a 会议 is a meeting already, and 工作会议 stays whole
    body = "14日，成都市软件产业工作会议召开。"
    assert events(ingest_text(tmp_path, body, kb, "2018-11-14")) == ["成都市软件产业工作会议"]


def test_a_starting_lever_is_no_meeting(tmp_path, kb):
    body = "上午9时，十位院士与大会主席、某集团董事长张某一道推动大会启动杆，宣布大会正式开幕。"
    assert not [e for e in events(ingest_text(tmp_path, body, kb, "2019-08-21")) if "董事长" in e]


def test_a_business_district_is_no_institution(tmp_path, kb):
    body = "园区规划用地34.3平方公里，其中产业区26.9平方公里，商务中心区7.4平方公里。"
    assert not names(ingest_text(tmp_path, body, kb, "2017-06-09"), "Institution")
    # guard: a centre followed by something else is still one
    body = "重庆市大数据应用中心在园区揭牌，规划面积7.4平方公里。"
    assert "重庆市大数据应用中心" in names(ingest_text(tmp_path, body, kb, "2017-06-09"), "Institution")


def test_an_ordinal_zone_is_no_zone_name(tmp_path, kb):
    body = "2010年，国务院批准设立两路寸滩保税港区。该区是我国内陆地区第一个综合保税区，规划面积10.3平方公里。"
    got = names(ingest_text(tmp_path, body, kb, "2017-06-09"), "Region")
    assert not [r for r in got if "第一个" in r], got


def test_exhibitors_do_not_sign(tmp_path, kb):
    body = ("今年7月，2018年软件产业博览会在长沙举办，包括华为技术有限公司、中国资源卫星应用中心等在内的89家单位参展，"
            "长沙某某科技有限公司等18个项目集中签约。")
    got = {b for a, b in facts(ingest_text(tmp_path, body, kb, "2018-07-20"), "PARTICIPANT", accepted=False) if "签约" in a}
    assert got and "华为技术有限公司" not in got and "中国资源卫星应用中心" not in got, got


def test_a_round_sum_in_chinese_numerals_is_a_figure(tmp_path, kb):
    body = "开园当天，成都高新区引进总投资逾百亿的数十个项目。长沙经开区投资总额近千亿美元。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2019-03-14"), "unit")
    assert ("成都高新区", 100, "亿元") in got and (1000, "亿美元") in {f[1:] for f in got}, got
    # guards: several hundred, a leap between two sizes, a band of projects
    body = "成都高新区有数百亿元的项目，实现了从百亿到千亿的跨越，签约了多个百亿元级的项目。"
    assert not proposed_figures(ingest_text(tmp_path, body, kb, "2019-03-14"))
