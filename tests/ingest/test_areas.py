"""Local areas and their addresses (round `areas`, docs/ingest-rounds.md): a 园, 小镇 or 园区 that no national park
names as its own is a Region of kind area, as the corpus's labellers write it; the divisions written before
it are its address, each part of the one before; an event held there is in the innermost place."""
from parkgraph.loaders.ingest import ingest
from parkgraph.loaders.ingest.extract import ACCEPT

from .test_entities_relations import kb_small


def run(tmp_path, body: str):
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: 2025-03-17\n---\n\n{body}\n", encoding="utf-8")
    return ingest(p, kb=kb_small()).extraction


def labelled(ex) -> dict[str, str]:
    return {m.text: m.label for m in ex.mentions}


def rels(ex) -> set[tuple[str, str, str]]:
    name = {k: p.record["name_zh"] for k, p in ex.entities.items()}
    return {(name[r.frm], r.type, name[r.to]) for r in ex.relations if r.conf >= ACCEPT}


def test_a_local_park_is_an_area_not_a_sub_park(tmp_path):
    ex = run(tmp_path, "该项目将引入上海浦东软件园的管理模式。")
    assert labelled(ex).get("上海浦东软件园") == "Region"
    assert not any(p.label == "SubPark" for p in ex.entities.values())


def test_an_address_is_split_from_the_area_it_leads_to(tmp_path):
    ex = run(tmp_path, "3月16日，第二届长城杯铁人三项赛四川赛区半决赛在成都市双流区成都芯谷澜谷科创园圆满结束。")
    assert labelled(ex).get("成都芯谷澜谷科创园") == "Region"   # the second 成都 begins the name
    r = rels(ex)
    assert ("成都芯谷澜谷科创园", "PART_OF", "双流区") in r
    assert ("双流区", "PART_OF", "成都市") in r
    assert ("第二届长城杯铁人三项赛四川赛区半决赛", "LOCATED_IN", "成都芯谷澜谷科创园") in r


def test_a_district_unique_only_under_its_city_is_read_from_the_address(tmp_path):
    # 通州区 is also a district of 南通市: after 北京市 it is Beijing's, and 张家湾设计小镇 is the name
    ex = run(tmp_path, "北京市通州区张家湾设计小镇迎来新企业。")
    assert labelled(ex).get("张家湾设计小镇") == "Region"


def test_sub_parks_and_a_parks_short_form_stay_what_they_are(tmp_path):
    ex = run(tmp_path, "国家网络安全产业园区（北京）包括海淀园、通州园。长沙园区产值增长。长沙市软件园建设加快。")
    got = labelled(ex)
    assert got.get("海淀园") == got.get("通州园") == "SubPark"
    assert "长沙园区" not in got and got.get("长沙") == "Region"   # a place + 园区 is no local area
    assert got.get("长沙市软件园") == "Region"   # one city alone stays in the name
