"""Network analysis on both engines, checked against the engines' own shortest paths and against
networkx run on an independent read of the same graph (one Cypher query, not our projection)."""
from __future__ import annotations

import io
from pathlib import Path
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from parkgraph.errors import BadRequest
from parkgraph.graph.network import formats, measures, read_projection
from parkgraph.graph.network.paths import k_shortest_paths
from parkgraph.graph.network.projection import default_labels, default_rel_types
from parkgraph.graph.network.service import run

from ..conftest import BASE

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
WANGTENG = BASE + "enterprise/beijing-wangteng-keji"
PAIRS = [(WANGTENG, BASE + "subpark/haidian"), (WANGTENG, BASE + "park/changsha"),
         (BASE + "subpark/tongzhou", BASE + "park/chengyu")]


def independent_edges(store) -> nx.Graph:
    """The same network read with one hand-written query per engine, straight into networkx."""
    labels = default_labels(store)
    types = default_rel_types(store, labels)
    g = nx.Graph()
    for label in labels:
        for (u,) in store.read(f"MATCH (n:{label}) RETURN n.uri").rows:
            g.add_node(u)
    for t in types:
        for a, b in store.read(f"MATCH (a)-[r:{t}]->(b) RETURN a.uri, b.uri", max_rows=None).rows:
            if a in g and b in g:
                g.add_edge(a, b)
    return g


def engine_shortest(store, a: str, b: str, types: list[str]) -> set[tuple[str, ...]]:
    alt = "|".join(types)
    if store.engine == "neo4j":
        q = (f"MATCH (a {{uri: $a}}), (b {{uri: $b}}) MATCH p = allShortestPaths((a)-[:{alt}*..8]-(b)) "
             "RETURN [n IN nodes(p) | n.uri]")
    else:
        q = f"MATCH p = (a {{uri: $a}})-[:{alt}* ALL SHORTEST 1..8]-(b {{uri: $b}}) RETURN properties(nodes(p), 'uri')"
    return {tuple(r[0]) for r in store.read(q, {"a": a, "b": b}, max_rows=None).rows}


@pytest.mark.parametrize("a, b", PAIRS)
def test_shortest_paths_are_the_engines_own_with_a_source_per_hop(curated_store, a, b):
    proj = read_projection(curated_store)
    ours = k_shortest_paths(curated_store, proj, a, b, k=50)
    assert ours, "no path between two parks' entities in the curated graph"
    shortest = min(p["length"] for p in ours)
    mine = {tuple(n["uri"] for n in p["nodes"]) for p in ours if p["length"] == shortest}
    assert mine == engine_shortest(curated_store, a, b, proj.rel_types)
    for p in ours:
        for hop in p["hops"]:
            for r in hop["relationships"]:
                expected = {c["quote"]["uri"] for c in curated_store.citations(r["uri"])}
                assert {c["quote"]["uri"] for c in r["sources"]} == expected and expected, r["uri"]
        assert p["explanation"]["zh"].endswith("。") and p["nodes"][0]["name_zh"] in p["explanation"]["zh"]


def test_a_path_sentence_reads_as_the_relationships_say(fixture_store):
    proj = read_projection(fixture_store)
    p = k_shortest_paths(fixture_store, proj, WANGTENG, BASE + "park/beijing", k=1)[0]
    assert p["explanation"]["zh"] == "北京网藤科技有限公司 入驻 通州园，通州园 隶属于 国家网络安全产业园区（北京）。"
    assert "located in park" in p["explanation"]["en"]


@pytest.mark.parametrize("measure", ["degree", "betweenness", "pagerank"])
def test_top_ten_equal_networkx_on_an_independent_read(curated_store, measure):
    g = independent_edges(curated_store)
    expected = {"degree": dict(g.degree()), "betweenness": nx.betweenness_centrality(g),
                "pagerank": nx.pagerank(g, alpha=0.85, tol=1e-10, max_iter=200)}[measure]
    top = sorted(expected.items(), key=lambda t: (-t[1], t[0]))[:10]
    got = measures.centrality(read_projection(curated_store), measure=measure, top=10)["top"]
    assert [n["uri"] for n in got] == [u for u, _ in top]
    assert [n["score"] for n in got] == pytest.approx([s for _, s in top], rel=1e-6)


def test_communities_are_the_same_on_every_run_and_engine(curated_store):
    proj = read_projection(curated_store)
    first = measures.communities(proj, seed=7)
    again = measures.communities(read_projection(curated_store), seed=7)
    assert first == again
    members = [{m["uri"] for m in c["members"]} for c in first["communities"]]
    assert sum(len(m) for m in members) == proj.graph.number_of_nodes()
    # the same partition as networkx's Louvain on an independent read (nodes and edges in uri order, the
    # same seed): so the two engines, reading the same data, give the same communities
    g = independent_edges(curated_store)
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes))
    h.add_edges_from(sorted(tuple(sorted(e)) for e in g.edges))
    expected = sorted((sorted(c) for c in nx.community.louvain_communities(h, seed=7)), key=lambda c: (-len(c), c[0]))
    assert [[m["uri"] for m in c["members"]] for c in first["communities"]] == expected
    assert len(expected) > 1


def test_bridges_name_who_connects_two_parks(curated_store):
    res = measures.bridges(read_projection(curated_store))
    for n in res["between_parks"]:
        assert len(n["parks"]) >= 2 and n["label"] not in ("Park", "SubPark", "Region")
    g = read_projection(curated_store).simple()
    assert set(res["articulation_points"]) == set(nx.articulation_points(g))


def test_the_graph_at_a_date_leaves_out_later_facts(curated_store):
    full = read_projection(curated_store)
    dated = {u: d["date"] for u, d in full.graph.nodes(data=True) if d.get("date")}
    assert dated, "the curated graph has dated events"
    cut = sorted(dated.values())[len(dated) // 2][:7]
    early = read_projection(curated_store, at=cut)
    for u, d in dated.items():
        assert (u in early.graph) == (d[:len(cut)] <= cut), (u, d, cut)
    for a, b, d in early.graph.edges(data=True):
        assert not d.get("since") or d["since"][:len(cut)] <= cut
    assert early.describe()["at"] == cut and sum(early.dropped.values()) > 0


def _content(proj) -> tuple:
    return (sorted((u, sorted(d.items())) for u, d in proj.graph.nodes(data=True)),
            sorted((a, b, k, sorted((x, str(y)) for x, y in d.items())) for a, b, k, d in proj.graph.edges(keys=True, data=True)),
            proj.dropped)


@pytest.mark.parametrize("at", [None, "2020-06"])
def test_every_read_of_the_projection_gives_the_same_network(curated_store, at, monkeypatch):
    """The detailed projection (paths, exports), the light one the measures read (no edge uris or
    sources) and, on Neo4j (which streams the projection in one transaction), the store's paged bulk
    readers all give the same network; at no date it is the independent read's."""
    detailed = read_projection(curated_store, at=at)
    light = read_projection(curated_store, at=at, edge_detail=False)
    assert light.describe() == detailed.describe()
    assert list(light.simple().edges) == list(detailed.simple().edges)
    assert light.degrees() == dict(detailed.simple().degree())
    monkeypatch.setattr(curated_store, "stream_rows", None, raising=False)
    assert _content(read_projection(curated_store, at=at)) == _content(detailed)
    if at is None:
        g = independent_edges(curated_store)
        assert set(detailed.graph) == set(g.nodes)
        assert {frozenset(e) for e in light.simple().edges} == {frozenset(e) for e in g.edges}
    else:
        assert sum(light.dropped.values()) > 0, "the date leaves facts out"


def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(fixture_store):
    proj = read_projection(fixture_store)
    buf = io.BytesIO()
    formats.write(proj, "graphml", buf)
    back = nx.read_graphml(io.BytesIO(buf.getvalue()), force_multigraph=True)
    assert set(back.nodes) == set(proj.graph.nodes)
    assert sorted(d["uri"] for _, _, d in back.edges(data=True)) == sorted(d["uri"] for _, _, d in proj.graph.edges(data=True))
    for u, d in proj.graph.nodes(data=True):
        assert back.nodes[u]["name_zh"] == (d.get("name_zh") or "") and back.nodes[u]["node_class"] == d["label"]
    for _, _, d in back.edges(data=True):
        orig = next(e for _, _, e in proj.graph.edges(data=True) if e["uri"] == d["uri"])
        assert d["rel_type"] == orig["type"] and d["quotes"].split() == orig["quotes"]


def test_gexf_validates_against_its_schema_and_reads_back(fixture_store):
    from lxml import etree
    proj = read_projection(fixture_store)
    buf = io.BytesIO()
    formats.write(proj, "gexf", buf)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "gexf-1.2draft" / "gexf.xsd")))
    doc = etree.fromstring(buf.getvalue())
    assert schema.validate(doc), schema.error_log
    root = ET.fromstring(buf.getvalue())
    assert root.tag == "{http://www.gexf.net/1.2draft}gexf" and root.get("version") == "1.2"
    back = nx.read_gexf(io.BytesIO(buf.getvalue()))
    assert set(back.nodes) == set(proj.graph.nodes)
    assert back.number_of_edges() == proj.graph.number_of_edges()


def test_csv_lists_neutralise_formulas(fixture_store):
    proj = read_projection(fixture_store)
    rows = list(formats.csv_lines(proj, "nodes.csv"))
    assert rows[0].startswith("Id,Label,node_class,name_zh") and len(rows) == proj.graph.number_of_nodes() + 1
    edges = list(formats.csv_lines(proj, "edges.csv"))
    assert edges[0].startswith("Source,Target,Type,Id,rel_type") and len(edges) == proj.graph.number_of_edges() + 1
    assert formats._cell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"


def test_bad_requests_say_what_is_wrong(fixture_store):
    for kw, msg in [({"analysis": "paths"}, "two entities"), ({"analysis": "centrality", "measure": "x"}, "measure"),
                    ({"analysis": "bridges", "at": "2019-13-45x"}, "date"), ({"analysis": "centrality", "label": "Nope"}, "kind")]:
        with pytest.raises(BadRequest, match=msg):
            run(fixture_store, base_iri=BASE, **kw)
