"""Every fact of the seed article (../shared/sources/2023-03-24_推进网络安全产业园区建设.md) is in the
graph, answers its query, and is cited to that article — on both backends."""
from __future__ import annotations

import pytest

from .conftest import BASE

ARTICLE = BASE + "source/cics-2023-03-24"


def cited_by_article(store, uri: str) -> bool:
    return any(c["source"]["uri"] == ARTICLE for c in store.citations(uri))


def rel_cited_by_article(store, rel: dict) -> bool:
    return any(c["source"]["uri"] == ARTICLE for c in store.quote_citations(rel["properties"].get("quotes") or []))


def one(store, query, **params):
    rows = store.read(query, params).rows
    assert rows, f"no answer for {query} {params}"
    return rows


def observation(store, subject: str, metric: str) -> list[dict]:
    rows = store.read("MATCH (o:Observation {metric: $m})-[:DESCRIBES]->(x {uri: $s}) RETURN o ORDER BY o.uri"
                      if store.engine == "neo4j" else
                      "MATCH (o:Observation {metric: $m})-[:DESCRIBES]->(x) WHERE x.uri = $s RETURN o ORDER BY o.uri",
                      {"m": metric, "s": BASE + subject}).rows
    obs = [o for (o,) in rows if cited_by_article(store, o["uri"])]
    assert obs, f"no observation {metric} of {subject} cited to the article"
    return obs


def test_the_article_is_a_source(curated_store):
    src = curated_store.node(ARTICLE)["properties"]
    assert src["title"] == "推进网络安全产业园区建设 护航数字经济健康发展"
    assert src["published"] == "2023-03-24" and src["author"] == "郭威"
    assert src["url"].startswith("https://mp.weixin.qq.com/")


@pytest.mark.parametrize("park, name, kind, date", [
    ("beijing", "国家网络安全产业园区（北京）", "unveiling", "2019-01"),
    ("changsha", "国家网络安全产业园区（长沙）", "unveiling", "2020-06"),
    ("chengyu", "国家网络安全产业园区（成渝地区）", "approval", "2022-05"),
])
def test_parks_and_their_dates(curated_store, park, name, kind, date):
    uri = BASE + "park/" + park
    assert curated_store.node(uri)["properties"]["name_zh"] == name
    assert cited_by_article(curated_store, uri)
    rows = one(curated_store, "MATCH (e:Event {kind: $k})-[r:CONCERNS]->(p:Park {uri: $p}) RETURN e, r", k=kind, p=uri)
    assert any(e["properties"]["date"].startswith(date) and cited_by_article(curated_store, e["uri"]) for e, _ in rows)


def test_beijing_is_three_sub_parks(curated_store):
    rows = one(curated_store, "MATCH (s:SubPark)-[r:PART_OF]->(p:Park {uri: $p}) RETURN s.name_zh, r ORDER BY s.name_zh",
               p=BASE + "park/beijing")
    assert sorted(n for n, _ in rows) == sorted(["海淀园", "通州园", "经开区信创园"])
    assert all(rel_cited_by_article(curated_store, r) for _, r in rows)


def test_beijing_layout_slogans_conflict_and_both_are_kept(curated_store):
    obs = observation(curated_store, "park/beijing", "layout_slogan")
    assert "三园协同、多点联动、先行带动" in {o["properties"]["value_text"] for o in obs}
    all_slogans = {r[0] for r in curated_store.read(
        "MATCH (o:Observation {metric: 'layout_slogan'})-[:DESCRIBES]->(p:Park {uri: $p}) RETURN o.value_text",
        {"p": BASE + "park/beijing"}).rows}
    assert {"三园协同、多点联动、先行带动", "三园协同、多点联动、辐射全国"} <= all_slogans


def test_tongzhou_has_128_cyber_firms_at_end_2022(curated_store):
    o, = [o for o in observation(curated_store, "subpark/tongzhou", "cybersecurity_enterprises")]
    p = o["properties"]
    assert (p["value"], p["unit"], p["as_of"], p["status"]) == (128.0, "家", "2022-12-31", "actual")


@pytest.mark.parametrize("firm", ["北京网藤科技有限公司", "北京卓越信通电子股份有限公司"])
def test_tongzhou_firms_hold_the_little_giant_honour(curated_store, firm):
    rows = one(curated_store, "MATCH (e:Enterprise {name_zh: $f})-[t:TENANT_OF]->(s:SubPark) "
                              "MATCH (e)-[h:HOLDS]->(g:TalentProgram) RETURN s.name_zh, g.name_zh, g.level, t, h", f=firm)
    s, g, level, t, h = next(r for r in rows if r[1] == "专精特新“小巨人”")
    assert s == "通州园" and level == "national"
    assert rel_cited_by_article(curated_store, t) and rel_cited_by_article(curated_store, h)


@pytest.mark.parametrize("label, name", [("Institution", "西北工业大学北京研究院"), ("TalentProgram", "网络安全领军人才培育基地")])
def test_tongzhou_major_projects_due_in_the_14th_five_year_plan(curated_store, label, name):
    rows = one(curated_store, f"MATCH (x:{label} {{name_zh: $n}})-[t:TENANT_OF]->(s:SubPark) RETURN s.name_zh, t", n=name)
    assert rows[0][0] == "通州园" and rel_cited_by_article(curated_store, rows[0][1])
    ev = one(curated_store, f"MATCH (e:Event {{kind: 'completion'}})-[:CONCERNS]->(x:{label} {{name_zh: $n}}) RETURN e", n=name)
    assert ev[0][0]["properties"]["date"] == "2025" and cited_by_article(curated_store, ev[0][0]["uri"])


def test_changsha_main_line_designation_and_flagship(curated_store):
    obs = observation(curated_store, "park/changsha", "development_main_line")
    assert obs[0]["properties"]["value_text"] == "南北呼应、东西辐射、技术突破、产业融合"
    rows = one(curated_store, "MATCH (p:Park {uri: $p})-[h:HOLDS]->(g:TalentProgram) RETURN g.name_zh, g.kind, h",
               p=BASE + "park/changsha")
    desig = [r for r in rows if "国家网络安全教育技术产业融合发展试验区" in r[0]]
    assert desig and desig[0][1] == "designation" and rel_cited_by_article(curated_store, desig[0][2])
    flagship = curated_store.search("一院四中心")[0]
    assert flagship["properties"]["name_zh"] == "一院四中心" and cited_by_article(curated_store, flagship["uri"])


@pytest.mark.parametrize("metric, value, unit, qualifier", [
    ("leading_talents_introduced", 18, "人", None),
    ("high_level_talents_introduced", 324, "人", None),
    ("state_council_allowance_experts", 84, "人", None),
    ("employees", 85000, "人", "余"),
])
def test_changsha_talent_figures(curated_store, metric, value, unit, qualifier):
    o = observation(curated_store, "park/changsha", metric)[0]["properties"]
    assert (o["value"], o["unit"]) == (value, unit)
    if qualifier:
        assert o["qualifier"] == qualifier


def test_changsha_talent_events(curated_store):
    rows = one(curated_store, "MATCH (e:Event {kind: 'meeting'})-[:CONCERNS]->(p:Park {uri: $p}) RETURN e.name_zh, e.uri",
               p=BASE + "park/changsha")
    wanted = {"网络空间安全人才培养模式创新研讨会", "网络安全人才创新创业教育论坛"}
    assert wanted <= {n for n, _ in rows}
    assert all(cited_by_article(curated_store, u) for n, u in rows if n in wanted)


def test_changsha_state_council_allowance_is_an_honour(curated_store):
    g = curated_store.search("国务院特殊津贴", labels=["TalentProgram"])[0]
    assert g["properties"]["kind"] == "honour"


def test_chengyu_first_cross_provincial_and_figures(curated_store):
    d = observation(curated_store, "park/chengyu", "distinction")[0]["properties"]
    assert "跨省域" in d["value_text"]
    for metric, value, unit, qual in [("annual_sales_revenue", 1000, "亿元", "超过"), ("cybersecurity_enterprises", 300, "家", "多"),
                                      ("innovation_platforms", 92, "个", None)]:
        o = observation(curated_store, "park/chengyu", metric)
        assert any((x["properties"]["value"], x["properties"]["unit"], x["properties"].get("qualifier")) == (value, unit, qual)
                   for x in o), metric


def test_chengyu_focus_domains(curated_store):
    rows = one(curated_store, "MATCH (p:Park {uri: $p})-[r:FOCUSES_ON]->(d:Domain) RETURN d.name_zh, r", p=BASE + "park/chengyu")
    assert {"工控安全", "密码产品", "电磁防护", "大数据安全"} <= {n for n, _ in rows}
    assert all(rel_cited_by_article(curated_store, r) for n, r in rows if n in {"工控安全", "密码产品", "电磁防护", "大数据安全"})


def test_chongqing_policy(curated_store):
    rows = one(curated_store, "MATCH (p:Policy {name_zh: $n})-[i:ISSUED_BY]->(g:GovernmentBody) "
                              "MATCH (p)-[c:CONCERNS]->(k:Park) RETURN p, g.name_zh, g.aliases, k.uri, i, c",
               n="关于推进国家网络安全产业园区市级重点园区建设工作的通知")
    p, issuer, aliases, park, i, c = rows[0]
    assert p["properties"]["issued_on"] == "2022-09" and park == BASE + "park/chengyu"
    assert issuer == "重庆市经济和信息化委员会" and "重庆市经济信息委" in aliases
    assert cited_by_article(curated_store, p["uri"]) and rel_cited_by_article(curated_store, i)


def test_curated_graph_is_identical_on_both_engines(curated_store, neo4j_ready, request, tmp_path_factory):
    other = "neo4j" if curated_store.engine == "ladybug" else "ladybug"
    from .conftest import DATA, make_store
    from parkgraph.loaders import load_paths
    s = make_store(other, tmp_path_factory.mktemp("other"), request)
    try:
        load_paths([DATA], s, BASE, progress=False)
        assert s.counts() == curated_store.counts()
        assert s.content_hash() == curated_store.content_hash()
    finally:
        s.close()
