"""Round blind-zo (docs/ingest-rounds.md): causes read from dev-ZN (round blind-zm's unread check), read while the
round's two new samples were being labelled, so dev-ZO and dev-ZP scored these rules as they came. The sentences are
written for these tests after the pattern of what was read; each positive fails on the commit before its change, each
guard passes there:
- 北京、资阳、绵阳等地的企业高管: the items of a list closed by 等地 are places, not firms;
- 从平台服务、人才、资金等多维度…为企业发展助力: aspects of help, not firms;
- 我市举办了A大会、B签约等活动，累计引进…66个: a meeting listed as what the subject held owns none of its tallies;
- 累计收储…，新增软信企业3500多家，预计…收入2750亿元: a clause its own verb opens is a new tally, not 累计's;
- 在中国科技城大数据中心启动: a zone that begins a centre's name is part of it;
- 出席开幕式暨峰会: the named meeting's sessions are no meeting of their own.
Then from dev-ZO, once scored as it came (dev-ZP stays unread):
- 工信部电子信息司: a ministry's department is a body of its own, named with the ministry's full name, part of it;
- 并确定了大数据、人工智能…: the verb and 了 before a list of domains are no part of its first item;
- 位于成都锦江区: a city's short form before a district it holds is no part of the district's name;
- 中国经济网北京3月25日讯（记者徐红）2016中国半导体市场年会…召开: the dateline is no part of the meeting's name;
- 截至2017年8月，…。其中上市企业33家: a part is of the date of the whole the sentence before gave;
- 四川省成都市高新区, 成都市高新区: the zone 成都高新区 (one entity, not three);
- 比一季度提高4.8个百分点: the period compared with is not the figure's date;
- 市委宣传部, 省工信厅 in an article about 长沙, 区人大常委会, 区政协: bodies named by level alone are the article's place's."""
from __future__ import annotations

from .conftest import entity_name, events, facts, ingest_text, proposed_figures


def figures(tmp_path, kb, body: str, date: str, *fields: str) -> list[tuple]:
    return proposed_figures(ingest_text(tmp_path, body, kb, date), *fields)


def labelled(ex, label: str) -> set[str]:
    return {entity_name(ex, m.keys[0]) for m in ex.mentions if m.label == label and m.keys}


def test_a_list_closed_by_deng_di_holds_places(tmp_path, kb):
    body = "来自北京、上海、德阳、眉山、资阳、绵阳等地的企业高管、知名投资人齐聚成都。"
    ex = ingest_text(tmp_path, body, kb, "2024-08-30")
    assert not labelled(ex, "Enterprise"), labelled(ex, "Enterprise")
    # guard: a list closed by 等企业 still names firms
    ex = ingest_text(tmp_path, "湖南聚集了长城科技、国科微、金山等企业。", kb, "2024-08-30")
    assert len(labelled(ex, "Enterprise")) == 3, labelled(ex, "Enterprise")


def test_aspects_of_help_are_no_firms(tmp_path, kb):
    body = "海淀区发布首批5大政策，从平台服务、人才、资金等多维度、全方位为企业发展助力。"
    ex = ingest_text(tmp_path, body, kb, "2024-02-20")
    assert not labelled(ex, "Enterprise"), labelled(ex, "Enterprise")


def test_a_meeting_listed_as_what_the_subject_held_owns_no_tally(tmp_path, kb):
    body = ("1月9日，重庆市政府新闻办召开新闻发布会。"
            "去年重庆市举办了2022中国工业软件大会、两批次重大项目专场签约等活动，累计引进重大项目66个，合同投资金额430亿元。")
    got = figures(tmp_path, kb, body, "2023-01-10")
    assert ("重庆市", 66) in got and ("重庆市", 430) in got, got
    # guard: a meeting the sentence is about still owns its figure
    body = "2018年网络安全博览会在成都举行，共吸引近7.5万人次观众到现场参观。"
    got = figures(tmp_path, kb, body, "2018-09-20")
    assert ("2018年网络安全博览会", 75000) in got, got


def test_a_clause_its_own_verb_opens_is_a_new_tally(tmp_path, kb):
    body = ("1月9日，重庆市政府新闻办召开新闻发布会。2022年，全市中心城区累计收储楼宇面积170多万平方米，新增软信企业3500多家，"
            "新增从业人员5万多人，预计全年全市实现软件业务收入2750亿元。")
    got = figures(tmp_path, kb, body, "2023-01-10", "qualifier")
    assert ("重庆市", 2750, None) in got, got
    # guard: a clause with no verb of its own goes on with the 累计 before it
    got = figures(tmp_path, kb, "1月9日，长沙市召开新闻发布会。去年长沙市共引进顶尖人才18名，各类高层次人才324名。", "2023-01-10", "qualifier")
    assert ("长沙市", 324, "累计") in got, got


def test_a_zone_that_begins_a_centres_name_is_part_of_it(tmp_path, kb):
    body = "四川省绵阳市游仙区于9月11日在中国科技城大数据中心正式启动了网络安全宣传周活动。"
    ex = ingest_text(tmp_path, body, kb, "2023-09-12")
    assert "中国科技城大数据中心" in labelled(ex, "Institution"), labelled(ex, "Institution")
    assert "中国科技城" not in labelled(ex, "Region"), labelled(ex, "Region")
    # guard: the zone alone is still a zone
    ex = ingest_text(tmp_path, "2000年9月，中国科技城建设正式启动。", kb, "2023-09-12")
    assert "中国科技城" in labelled(ex, "Region"), labelled(ex, "Region")


def test_the_sessions_of_a_named_meeting_are_no_meeting(tmp_path, kb):
    body = "6月7日，2021中国工业软件大会在重庆拉开帷幕。市委副书记、市长唐良智出席开幕式暨峰会，并会见了前来参会的嘉宾。"
    ex = ingest_text(tmp_path, body, kb, "2021-06-08")
    assert events(ex) == ["2021中国工业软件大会"], events(ex)
    # guard: a session with a name of its own is a meeting
    body = "6月7日，市长唐良智出席了智博会开幕式暨数字经济发展论坛。"
    ex = ingest_text(tmp_path, body, kb, "2021-06-08")
    assert events(ex), events(ex)


def test_a_ministrys_department_is_a_body_of_its_own(tmp_path, kb):
    body = "7月28日，工信部电子信息司副司长任爱光出席发布会。国家发展和改革委员会地区振兴司调研组到成都调研。"
    ex = ingest_text(tmp_path, body, kb, "2021-07-29")
    bodies = labelled(ex, "GovernmentBody")
    assert {"工业和信息化部电子信息司", "国家发展和改革委员会地区振兴司"} <= bodies, bodies
    got = facts(ex, "PART_OF", accepted=False)
    assert ("工业和信息化部电子信息司", "工业和信息化部") in got, got
    # guard: a list of ministries names no department (等部门司局: no 司 of its own)
    ex = ingest_text(tmp_path, "工信部、科技部等部门司局负责人出席。", kb, "2021-07-29")
    assert not [b for b in labelled(ex, "GovernmentBody") if b.endswith("司")], labelled(ex, "GovernmentBody")


def test_the_verb_before_a_list_of_domains_is_no_part_of_it(tmp_path, kb):
    body = "2017年底重庆提出以大数据智能化引领产业转型升级，并确定了大数据、人工智能、集成电路等12个智能产业重点发展方向。"
    ex = ingest_text(tmp_path, body, kb, "2019-08-26")
    assert {"大数据", "人工智能", "集成电路"} <= labelled(ex, "Domain"), labelled(ex, "Domain")
    assert not [d for d in labelled(ex, "Domain") if "确定" in d], labelled(ex, "Domain")


def test_a_citys_short_form_is_no_part_of_the_district_it_holds(tmp_path, kb):
    ex = ingest_text(tmp_path, "位于成都锦江区的白鹭湾新经济总部功能区便是一个案例。", kb, "2019-12-26")
    assert "锦江区" in labelled(ex, "Region") and "成都锦江区" not in labelled(ex, "Region"), labelled(ex, "Region")
    assert ("锦江区", "成都市") in facts(ex, "PART_OF", accepted=False), facts(ex, "PART_OF", accepted=False)


def test_the_dateline_is_no_part_of_a_meetings_name(tmp_path, kb):
    body = "中国经济网北京3月25日讯（记者徐红）2016中国半导体市场年会暨第五届中国集成电路产业创新大会在北京召开。"
    ex = ingest_text(tmp_path, body, kb, "2016-03-25")
    assert events(ex) == ["2016中国半导体市场年会暨第五届中国集成电路产业创新大会"], events(ex)


def test_a_part_is_of_the_date_of_the_whole(tmp_path, kb):
    body = "截至2017年8月，成都高新区共集聚市场主体14万余家。其中上市企业33家，新三板挂牌企业111家。"
    got = figures(tmp_path, kb, body, "2018-01-03", "as_of")
    assert ("成都高新区", 33, "2017-08") in got and ("成都高新区", 111, "2017-08") in got, got
    # guard: a sentence that is no part of the one before keeps the article's date
    got = figures(tmp_path, kb, "截至2017年8月，成都高新区共集聚市场主体14万余家。成都高新区有上市企业33家。", "2018-01-03", "as_of")
    assert ("成都高新区", 33, "2018-01-03") in got, got


def test_a_zone_written_with_its_province_and_city_is_the_zone(tmp_path, kb):
    body = "走在四川省成都市高新区的大道上。成都市高新区的产业经历了一场爆炸。成都高新区新经济产值将达到4000亿元。"
    ex = ingest_text(tmp_path, body, kb, "2018-01-03")
    zones = {entity_name(ex, m.keys[0]) for m in ex.mentions if "高新区" in m.text and m.keys}
    assert zones == {"成都高新区"}, zones


def test_the_period_compared_with_is_not_the_figures_date(tmp_path, kb):
    body = "上半年，北京市信息服务业增加值增长8.3%，比一季度提高4.8个百分点。"
    got = figures(tmp_path, kb, body, "2020-08-15", "as_of")
    # 上半年, not 一季度 (2020-03); the whole half-year since round blind-yc (a period figure is as of its months)
    assert ("北京市", 4.8, "2020-01/2020-06") in got and ("北京市", 8.3, "2020-01/2020-06") in got, got


def test_bodies_named_by_level_alone_are_the_articles_places(tmp_path, kb):
    body = "9月14日，2020年长沙市网络安全宣传周在长沙开幕。活动由市委宣传部、市委网信办主办，省工信厅副厅长出席。"
    bodies = labelled(ingest_text(tmp_path, body, kb, "2020-09-14"), "GovernmentBody")
    assert {"长沙市委宣传部", "湖南省工业和信息化厅"} <= bodies, bodies   # 省 of an article on 长沙: its province
    body = "2月25日，璧山区举行重大项目集中开工活动。区委书记秦文敏，区人大常委会主任张献强，区政协主席何平出席。"
    bodies = labelled(ingest_text(tmp_path, body, kb, "2022-02-28"), "GovernmentBody")
    assert {"中共璧山区委", "璧山区人大常委会", "璧山区政协"} <= bodies, bodies
    # guard: 区委 of an article about a development zone names no body (which district is not said)
    body = "北京经济技术开发区加快发展。区委书记出席。"
    assert not labelled(ingest_text(tmp_path, body, kb, "2022-02-28"), "GovernmentBody")
