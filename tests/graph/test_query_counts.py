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


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_neighbourhood_is_one_query_per_depth_level(counted, depth):
    client, counter, _ = counted
    counter.take()
    hood = get(client, "/api/neighbourhood", uri=TONGZHOU, depth=depth)
    assert counter.take() == depth
    assert {g["key"] for g in hood["groups"]} >= {"PART_OF:out", "TENANT_OF:in"}
    # depth 2 reaches the park's other sub-park through PART_OF: the frontier really was expanded
    assert (BASE + "subpark/haidian" in {n["uri"] for n in hood["nodes"]}) == (depth >= 2)


def test_neighbourhood_with_filters_and_offsets_is_still_one_query(counted):
    client, counter, _ = counted
    counter.take()
    get(client, "/api/neighbourhood", uri=TONGZHOU, rel=["TENANT_OF", "PART_OF"], label=["Enterprise", "Park"],
        offset=["TENANT_OF:in:0"])
    assert counter.take() == 1


def test_entity_page_in_three_queries(counted):
    client, counter, _ = counted
    counter.take()
    page = get(client, "/api/entity", uri=TONGZHOU)
    assert counter.take() <= 3
    assert page["provenance"] and page["observations"]
    assert all(o["citations"] for o in page["observations"])
    counter.take()
    get(client, "/api/entity", uri=FIRM)
    assert counter.take() <= 3


def test_node_in_two_queries(counted):
    client, counter, _ = counted
    counter.take()
    get(client, "/api/node", uri=BEIJING)
    assert counter.take() <= 2


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
