"""Neighbourhoods of hubs on Neo4j (graph/neo4j_hood.py): read group by group, the first page of a large
group from the label's uri index in order, without expanding the hub. The bundled data has no hub, so
the thresholds are lowered to force those paths on every node, and each answer must be the one the
level query gives: same groups, totals, members, order and edges, at every depth, with filters and
offsets."""
from __future__ import annotations

import pytest

from parkgraph.loaders import load_paths
from parkgraph.settings import Settings  # noqa: F401  (conftest's neo4j_settings builds on it)
from tests.conftest import DATA, make_store

BASE = "https://w3id.org/parkgraph/id/"
CENTERS = ["subpark/tongzhou", "park/beijing", "park/changsha", "enterprise/beijing-wangteng-keji", "region/110112"]
REQUESTS = [
    {"depth": 1},
    {"depth": 2},
    {"depth": 1, "limit": 2, "offsets": {"TENANT_OF:in": 1}},
    {"depth": 1, "rel_types": ["TENANT_OF", "PART_OF"]},
    {"depth": 2, "labels": ["Enterprise", "Park", "SubPark"]},
]


@pytest.fixture(scope="module")
def curated_neo4j(request, tmp_path_factory):
    s = make_store("neo4j", tmp_path_factory.mktemp("dense"), request)
    load_paths([DATA], s, BASE, progress=False)
    yield s
    s.close()


def _answer(store, uri: str, **kw) -> dict:
    got = store.neighbourhood(uri, **kw)
    assert got is not None
    return got


@pytest.mark.neo4j
@pytest.mark.parametrize("paths", ["typed expansion", "uri index in order"])
@pytest.mark.parametrize("req", REQUESTS, ids=lambda r: ",".join(f"{k}={v}" for k, v in r.items()))
def test_a_hub_read_group_by_group_gives_the_level_query_answer(curated_neo4j, req, paths):
    store = curated_neo4j
    want = {c: _answer(store, BASE + c, **req) for c in CENTERS}
    assert any(g["total"] > 1 for w in want.values() for g in w["groups"])
    store.dense_center = -1            # every center is a hub
    store.dense_group = -1 if paths == "uri index in order" else 10**9
    try:
        for c in CENTERS:
            assert _answer(store, BASE + c, **req) == want[c], c
    finally:
        del store.dense_center, store.dense_group


@pytest.mark.neo4j
def test_a_hub_costs_three_queries_per_level(curated_neo4j):
    store = curated_neo4j
    calls = []
    real = store.read
    store.read = lambda q, p=None, **kw: calls.append(q) or real(q, p, **kw)
    store.dense_center, store.dense_group = -1, -1
    try:
        _answer(store, BASE + "subpark/tongzhou", depth=1)
        # the level query, the groups' sizes, then every group's first page
        assert len(calls) == 3
        # and none of them expands the hub's relationships untyped, as the level query does
        assert "-[r]->" in calls[0] and not any("-[r]->" in q or "<-[r]-" in q for q in calls[1:])
    finally:
        del store.read, store.dense_center, store.dense_group
