"""Every view costs a fixed, small number of queries, whatever the model's size (issue #15).

The store is wrapped so that every `read` is counted; each route's count is pinned here, so a change
that brings back a query per relationship type, label or citation fails. Both engines."""
from __future__ import annotations

import urllib.parse

import pytest

from parkgraph.settings import Settings
from parkgraph.web import create_app

BASE = "https://w3id.org/parkgraph/id/"
TONGZHOU = BASE + "subpark/tongzhou"
BEIJING = BASE + "park/beijing"
FIRM = BASE + "enterprise/beijing-wangteng-keji"


class Counter:
    def __init__(self, store):
        self.n = 0
        self.queries: list[str] = []
        real = store.read

        def read(query, params=None, **kw):
            self.n += 1
            self.queries.append(query)
            return real(query, params, **kw)
        store.read = read  # the instance attribute: every internal call goes through it too

    def take(self) -> int:
        n, self.n = self.n, 0
        return n


@pytest.fixture
def counted(fixture_store, tmp_path):
    settings = Settings.from_env({"backend": fixture_store.engine, "db_path": str(tmp_path / "unused.lbdb")})
    app = create_app({"SETTINGS": settings, "STORE": fixture_store, "TESTING": True})
    counter = Counter(fixture_store)
    yield app.test_client(), counter, fixture_store
    del fixture_store.read


def get(client, path: str, **params) -> dict:
    r = client.get(path + "?" + urllib.parse.urlencode(params, doseq=True))
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    return r.get_json()


def hood_queries(store, depth: int = 1) -> int:
    # Neo4j: one query per level. LadybugDB: a level's relationships as scalar rows per level, then
    # every kept node in one look-up by primary key (returning nodes of many tables from one pattern
    # is slow in 0.22; see LadybugStore._hood_rows): depth + 1, still independent of the model's size.
    return depth if store.engine == "neo4j" else depth + 1


def per_level(store) -> int:
    return hood_queries(store, 1)


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_neighbourhood_is_a_fixed_number_of_queries_per_depth_level(counted, depth):
    client, counter, store = counted
    counter.take()
    hood = get(client, "/api/neighbourhood", uri=TONGZHOU, depth=depth)
    assert counter.take() == hood_queries(store, depth)
    assert {g["key"] for g in hood["groups"]} >= {"PART_OF:out", "TENANT_OF:in"}
    # depth 2 reaches the park's other sub-park through PART_OF: the frontier really was expanded
    assert (BASE + "subpark/haidian" in {n["uri"] for n in hood["nodes"]}) == (depth >= 2)


def test_neighbourhood_with_filters_and_offsets_costs_the_same(counted):
    client, counter, store = counted
    counter.take()
    get(client, "/api/neighbourhood", uri=TONGZHOU, rel=["TENANT_OF", "PART_OF"], label=["Enterprise", "Park"],
        offset=["TENANT_OF:in:0"])
    assert counter.take() == per_level(store)


def test_entity_page_in_three_queries(counted):
    client, counter, store = counted
    counter.take()
    page = get(client, "/api/entity", uri=TONGZHOU)
    assert counter.take() <= 2 + per_level(store)
    assert page["provenance"] and page["observations"]
    assert all(o["citations"] for o in page["observations"])
    counter.take()
    get(client, "/api/entity", uri=FIRM)
    assert counter.take() <= 2 + per_level(store)


def test_node_and_its_citations_in_one_query(counted):
    client, counter, store = counted
    counter.take()
    got = get(client, "/api/node", uri=BEIJING)
    assert counter.take() == 1
    # the same citations, in the same order, as the citations look-up on its own
    assert got["provenance"] == store.citations(BEIJING) and got["provenance"]
    assert got["node"]["uri"] == BEIJING


def test_a_request_reads_the_graph_version_once(counted):
    client, _counter, store = counted
    calls = []
    real = store.graph_version
    store.graph_version = lambda: calls.append(1) or real()
    try:
        get(client, "/api/info", _="a-cache-miss")   # the answer cache's key and the counts' check
        assert len(calls) == 1
    finally:
        del store.graph_version


def test_info_counts_are_cached_until_the_graph_changes(counted):
    client, counter, store = counted
    first = get(client, "/api/info")
    counter.take()
    again = get(client, "/api/info")
    assert counter.take() <= 1  # the graph version only
    assert again["counts"] == first["counts"]
    store.write_nodes("Park", [{"uri": BASE + "park/added", "name_zh": "新增园区", "name_en": "Added park"}])
    after = get(client, "/api/info")
    assert after["counts"]["nodes"]["Park"] == first["counts"]["nodes"]["Park"] + 1


def test_relationship_citations_in_two_queries(counted):
    client, counter, store = counted
    (rel_uri,), = store.read("MATCH (:Enterprise)-[r:TENANT_OF]->() RETURN r.uri").rows
    counter.take()
    cites = get(client, "/api/provenance", uri=rel_uri)["citations"]
    assert counter.take() <= 2
    assert cites


def test_a_dense_level_is_grouped_by_the_engine_with_the_same_answer(fixture_store):
    # LadybugDB reads a level as rows up to hood_row_cap and groups them itself; past the cap (a hub
    # of a large graph) the engine groups. Both ways give the same neighbourhood.
    want = fixture_store.neighbourhood(TONGZHOU, depth=2, limit=1, offsets={"DESCRIBES:in": 1})
    fixture_store.hood_row_cap = 0
    try:
        assert fixture_store.neighbourhood(TONGZHOU, depth=2, limit=1, offsets={"DESCRIBES:in": 1}) == want
    finally:
        del fixture_store.hood_row_cap


def test_neighbourhood_past_the_node_cap_stops_growing_and_says_so(fixture_store, tmp_path):
    full = fixture_store.neighbourhood(TONGZHOU, depth=3)
    assert not full["truncated"] and len(full["nodes"]) > 6
    capped = fixture_store.neighbourhood(TONGZHOU, depth=3, max_nodes=6)
    assert capped["truncated"] and len(capped["nodes"]) == 6
    kept = {n["uri"] for n in capped["nodes"]}
    assert all(e["start"] in kept and e["end"] in kept for e in capped["edges"])
    # the API applies PARKGRAPH_NEIGHBOUR_MAX_NODES
    settings = Settings.from_env({"backend": fixture_store.engine, "db_path": str(tmp_path / "unused.lbdb"),
                                  "neighbour_max_nodes": 6})
    client = create_app({"SETTINGS": settings, "STORE": fixture_store, "TESTING": True}).test_client()
    body = get(client, "/api/neighbourhood", uri=TONGZHOU, depth=3)
    assert body["truncated"] and len(body["nodes"]) == 6
