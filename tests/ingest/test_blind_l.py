"""Round blind-l (docs/ingest-rounds.md). Its rows, one test each, positive and guard: the labelling manual's A5 applied
once the facts are known (a zone whose name begins with a city or province the article states facts about is part of
it; guards: a place that carries no fact, a larger whole named first); a plan's title right before a list of domains
owns them (guard: a place named between keeps its own focus); whoever opens the clause after 在<a named event>上 takes
part in it (guard: a place before 的 only qualifies); a list counted as a place's colleges or firms is in that place;
a series held since a year is an event of its own. The six positive tests fail on the round's base 3f0d515; the four
guards pass there by design."""
import pytest

from .conftest import entity_name, facts, ingest_text

# one relation the round's rows give (True) or must not give (False), each a row of its own: (text, date, type, pair);
# a row name instead: only that row gives it
RELATIONS = {
    "a zone named after a labelled city is part of it":
        ("长沙经开区推进项目建设，园区产值增长10%。长沙市召开网络安全产业大会。", "2023-06-01", "PART_OF",
         ("长沙经开区", "长沙市"), True),
    "a zone named after a labelled province is part of it":
        ("湖南湘江新区产值增长10%。湖南省召开网络安全产业大会。", "2023-06-01", "PART_OF",
         ("湖南湘江新区", "湖南省"), True),
    # the zone's name alone still gives the city by the weak row (zone-in-city), which the calibration put at the
    # threshold in round blind-ye (3 of 6): A5 (zone-in-labelled-place) gives nothing here
    "a place that carries no fact takes no zone":
        ("长沙经开区推进项目建设，园区产值增长10%。", "2023-06-01", "PART_OF", ("长沙经开区", "长沙市"), "zone-in-city"),
    "a zone inside a labelled zone is not given the city":
        ("重庆高新区产值增长10%。重庆高新区直管园新增企业30家。重庆市集聚了长安汽车、赛力斯等一批企业。", "2023-06-01", "PART_OF",
         ("重庆高新区直管园", "重庆市"), False),
    "whoever opens the clause after a named event's 在…上 takes part in it":
        ("在2024世界机器人大会上，北京经开区累计签约22个重点项目。", "2024-10-12", "PARTICIPANT",
         ("2024世界机器人大会", "北京经济技术开发区"), True),
    "a place that only qualifies the actor takes no part":
        ("在2024世界机器人大会上，北京经开区的企业累计签约22个重点项目。", "2024-10-12", "PARTICIPANT",
         ("2024世界机器人大会", "北京经济技术开发区"), False),
    "a list counted as a place's colleges is in that place":
        ("本次大赛吸引了西南大学、重庆理工大学等15所重庆高等院校的33支队伍参赛。", "2023-06-01", "LOCATED_IN",
         ("重庆理工大学", "重庆市"), True),
}


@pytest.mark.parametrize("case", sorted(RELATIONS))
def test_relation(case, tmp_path, kb):
    text, date, rtype, pair, given = RELATIONS[case]
    ex = ingest_text(tmp_path, text, kb, date)
    if isinstance(given, str):
        rows = {r.rule for r in ex.relations if r.type == rtype and (entity_name(ex, r.frm), entity_name(ex, r.to)) == pair}
        assert rows == {given}, rows
        return
    # a relation given is proposed, whichever side of the threshold its row stands (zone-in-labelled-place and
    # event-organised-by fell below it in round blind-yc); one not given is not accepted
    assert (pair in facts(ex, rtype, accepted=not given)) is given


def test_domains_listed_after_a_plans_title_are_the_plans_focus(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都市下一步将出台《成都市智能经济发展推进方案》，重点面向工业软件、人工智能等领域。", kb, "2018-01-20")
    assert {("成都市智能经济发展推进方案", "工业软件"), ("成都市智能经济发展推进方案", "人工智能")} <= facts(ex, "FOCUSES_ON")
    assert not {d for s, d in facts(ex, "FOCUSES_ON") if s == "成都市"}


def test_a_place_named_after_the_plan_keeps_its_own_focus(tmp_path, kb):
    ex = ingest_text(tmp_path, "按照《成都市智能经济发展推进方案》，成都高新区重点发展工业软件、人工智能等领域。", kb, "2018-01-20")
    assert not {d for s, d in facts(ex, "FOCUSES_ON") if s == "成都市智能经济发展推进方案"}


def test_a_series_held_since_a_year_is_an_event_of_its_own_beside_this_years_edition(tmp_path, kb):
    ex = ingest_text(tmp_path, "9月14日，2020年国家网络安全宣传周在郑州开幕。据悉，国家网络安全宣传周从2014年开始每年举办一届。",
                     kb, "2020-09-15")
    proposed = {p.record["name_zh"] for p in ex.entities.values() if p.label == "Event" and p.has_fact}
    assert {"2020年国家网络安全宣传周", "国家网络安全宣传周"} <= proposed
