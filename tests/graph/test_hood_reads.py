"""The embedded engine's neighbourhood reads (issue #15): columns instead of engine objects, one
node look-up after every level — the answer must stay what a plain `RETURN r` / `RETURN n` gives."""
from __future__ import annotations

BASE = "https://w3id.org/parkgraph/id/"


def test_neighbourhood_edges_and_nodes_are_those_the_store_returns_one_by_one(curated_store):
    # a relationship with a date of month or year precision: the neighbourhood once rendered it as a
    # full day (2020-08-01) on LadybugDB where the relationship itself says 2020-08
    rows = curated_store.read("MATCH ()-[r]->() WHERE r.since IS NOT NULL AND r.since_precision <> 'day' "
                              "RETURN r.uri").rows
    assert rows, "the fixture has a relationship dated to a month or a year"
    rel = curated_store.relationship(rows[0][0])
    hood = curated_store.neighbourhood(rel["start"], depth=2, limit=500)
    edges = {e["uri"]: e for e in hood["edges"]}
    assert edges[rel["uri"]] == rel
    assert len(rel["properties"]["since"]) < 10
    for n in hood["nodes"]:
        assert n == curated_store.node(n["uri"])
    assert hood["center"] == curated_store.node(rel["start"])


def test_an_unknown_uri_has_no_neighbourhood(curated_store):
    assert curated_store.neighbourhood(BASE + "park/no-such-park", depth=2) is None
    assert curated_store.neighbourhood(BASE + "nosuchclass/x") is None
