"""Both engines give the same results for the same data — the promise behind one store interface."""
from __future__ import annotations

import pytest

from parkgraph.fixture import write_fixture
from parkgraph.graph.examples import EXAMPLES, examples_for
from parkgraph.loaders import load_paths

from ..conftest import BASE, make_store

QUERIES = [
    "MATCH (n:SubPark) RETURN n ORDER BY n.uri",
    "MATCH (a)-[r:PART_OF]->(b) RETURN a.uri, r, b.uri ORDER BY a.uri",
    "MATCH p = (:Enterprise)-[:TENANT_OF]->(:SubPark)-[:PART_OF]->(:Park) RETURN p",
    "MATCH (o:Observation)-[:DESCRIBES]->(s) RETURN s.name_zh, o.value, o.unit, o.qualifier ORDER BY o.value",
    "MATCH (n:Park) RETURN n.aliases, n.level",
]


@pytest.fixture(scope="module")
def both(tmp_path_factory, neo4j_ready, request):
    tmp = tmp_path_factory.mktemp("both")
    d = tmp / "fx"
    write_fixture(d)
    stores = {}
    for backend in ("ladybug", "neo4j"):
        s = make_store(backend, tmp, request)
        load_paths([d], s, BASE, progress=False)
        stores[backend] = s
    yield stores
    for s in stores.values():
        s.close()


@pytest.mark.parametrize("query", QUERIES)
def test_same_rows(both, query):
    assert both["ladybug"].read(query).rows == both["neo4j"].read(query).rows


def test_same_counts_neighbourhoods_searches_and_hash(both):
    lb, nj = both["ladybug"], both["neo4j"]
    assert lb.counts() == nj.counts()
    for uri in (BASE + "subpark/tongzhou", BASE + "park/beijing", BASE + "enterprise/beijing-wangteng-keji"):
        assert lb.neighbourhood(uri, depth=2) == nj.neighbourhood(uri, depth=2)
        assert lb.citations(uri) == nj.citations(uri)
    for q in ("通州", "beijing", "小巨人"):
        assert lb.search(q) == nj.search(q)
    assert lb.content_hash() == nj.content_hash()


@pytest.mark.parametrize("example", [e.id for e in EXAMPLES])
def test_example_queries_answer_alike(both, example):
    ans = {}
    for engine, s in both.items():
        ex = next(e for e in examples_for(engine, BASE) if e["id"] == example)
        ans[engine] = s.read(ex["query"], ex["params"], console=True)
    assert ans["ladybug"].columns == ans["neo4j"].columns
    assert ans["ladybug"].rows == ans["neo4j"].rows
    assert ans["ladybug"].rows, "an example question with no answer on the fixture graph proves nothing"
