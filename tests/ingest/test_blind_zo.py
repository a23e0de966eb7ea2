"""Round blind-zo (docs/ingest-rounds.md): causes read from dev-ZN (round blind-zm's unread check), read while the
round's two new samples were being labelled, so dev-ZO and dev-ZP scored these rules as they came. The sentences are
written for these tests after the pattern of what was read; each positive fails on the commit before its change, each
guard passes there:
- 北京、资阳、绵阳等地的企业高管: the items of a list closed by 等地 are places, not firms;
- 从平台服务、人才、资金等多维度…为企业发展助力: aspects of help, not firms;
- 我市举办了A大会、B签约等活动，累计引进…66个: a meeting listed as what the subject held owns none of its tallies;
- 累计收储…，新增软信企业3500多家，预计…收入2750亿元: a clause its own verb opens is a new tally, not 累计's;
- 在中国科技城大数据中心启动: a zone that begins a centre's name is part of it;
- 出席开幕式暨峰会: the named meeting's sessions are no meeting of their own."""
from __future__ import annotations

from .conftest import entity_name, events, ingest_text, proposed_figures


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
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2023-01-10"))
    assert ("重庆市", 66) in got and ("重庆市", 430) in got, got
    # guard: a meeting the sentence is about still owns its figure
    body = "2018年网络安全博览会在成都举行，共吸引近7.5万人次观众到现场参观。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2018-09-20"))
    assert ("2018年网络安全博览会", 75000) in got, got


def test_a_clause_its_own_verb_opens_is_a_new_tally(tmp_path, kb):
    body = ("1月9日，重庆市政府新闻办召开新闻发布会。2022年，全市中心城区累计收储楼宇面积170多万平方米，新增软信企业3500多家，"
            "新增从业人员5万多人，预计全年全市实现软件业务收入2750亿元。")
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2023-01-10"), "qualifier")
    assert ("重庆市", 2750, None) in got, got
    # guard: a clause with no verb of its own goes on with the 累计 before it
    body = "1月9日，长沙市召开新闻发布会。去年长沙市共引进顶尖人才18名，各类高层次人才324名。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2023-01-10"), "qualifier")
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
