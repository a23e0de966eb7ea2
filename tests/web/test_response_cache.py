"""Read-only JSON answers are kept per graph version and revalidated by ETag (issue #15): a repeated
request costs no query, a browser's If-None-Match gets 304, and every write is seen at once."""
from __future__ import annotations

import urllib.parse

import pytest

from parkgraph.settings import Settings
from parkgraph.web import create_app

BASE = "https://w3id.org/parkgraph/id/"
TONGZHOU = BASE + "subpark/tongzhou"


@pytest.fixture
def served(fixture_store, tmp_path):
    def make(**overrides):
        settings = Settings.from_env({"backend": fixture_store.engine, "db_path": str(tmp_path / "unused.lbdb"),
                                      **overrides})
        return create_app({"SETTINGS": settings, "STORE": fixture_store, "TESTING": True}).test_client()
    reads = []
    real = fixture_store.read

    def read(query, params=None, **kw):
        reads.append(query)
        return real(query, params, **kw)
    fixture_store.read = read
    yield make, reads, fixture_store
    del fixture_store.read


def url(path: str, **params) -> str:
    return path + "?" + urllib.parse.urlencode(params, doseq=True)


@pytest.mark.parametrize("path,params", [("/api/neighbourhood", {"uri": TONGZHOU, "depth": 2}),
                                         ("/api/node", {"uri": TONGZHOU}), ("/api/entity", {"uri": TONGZHOU}),
                                         ("/api/search", {"q": "通州"}), ("/api/info", {})])
def test_a_repeated_request_costs_no_query_and_revalidates_by_etag(served, path, params):
    make, reads, _ = served
    client = make()
    first = client.get(url(path, **params))
    assert first.status_code == 200 and reads
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    # asked a second time, the answer is made again (a path asked once is not kept) and kept
    second = client.get(url(path, **params))
    assert second.get_data() == first.get_data() and second.headers["ETag"] == etag
    reads.clear()
    again = client.get(url(path, **params))
    assert again.status_code == 200 and again.get_data() == first.get_data()
    assert again.headers["ETag"] == etag
    assert reads == []
    # a browser that kept the answer asks with If-None-Match: 304, no body, no query
    not_modified = client.get(url(path, **params), headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.get_data() == b""
    assert not_modified.headers["ETag"] == etag
    assert reads == []
    # the security headers are on the kept answers too
    assert again.headers["X-Content-Type-Options"] == "nosniff"


def test_a_request_never_asked_before_does_not_ask_the_graph_version(served, monkeypatch):
    # it cannot be a kept answer, and on Neo4j the version is a round trip of its own
    from parkgraph.web import cache
    make, reads, store = served
    client = make()
    versions = []
    real = cache.graph_version
    monkeypatch.setattr(cache, "graph_version", lambda st: versions.append(1) or real(st))
    assert client.get(url("/api/search", q="通州")).status_code == 200
    assert versions == []
    assert client.get(url("/api/search", q="通州")).status_code == 200
    assert versions == [1]


def test_every_write_is_seen_at_the_next_request(served):
    make, reads, store = served
    client = make()
    # each asked twice: the second answer is kept, and a write must make it unreachable
    for _ in range(2):
        before = client.get(url("/api/search", q="新增园区")).get_json()
        info = client.get("/api/info").get_json()
        hood = client.get(url("/api/neighbourhood", uri=TONGZHOU))
    assert before["total"] == 0
    store.write_nodes("Park", [{"uri": BASE + "park/added", "name_zh": "新增园区", "name_en": "Added park"}])
    store.write_relationships("PART_OF", [{"uri": BASE + "statement/added-part", "from": TONGZHOU,
                                           "to": BASE + "park/added"}])
    after = client.get(url("/api/search", q="新增园区")).get_json()
    assert [r["uri"] for r in after["results"]][:1] == [BASE + "park/added"]
    assert client.get("/api/info").get_json()["counts"]["nodes"]["Park"] == info["counts"]["nodes"]["Park"] + 1
    # a browser revalidating its old copy gets the new answer, not 304
    fresh = client.get(url("/api/neighbourhood", uri=TONGZHOU), headers={"If-None-Match": hood.headers["ETag"]})
    assert fresh.status_code == 200 and fresh.headers["ETag"] != hood.headers["ETag"]
    assert BASE + "park/added" in {n["uri"] for n in fresh.get_json()["nodes"]}


def test_an_answer_cut_short_by_the_time_budget_is_not_kept(served):
    make, reads, _ = served
    client = make(request_budget=0)
    for _ in range(2):   # from its second asking on, a path's answer would be kept
        first = client.get(url("/api/neighbourhood", uri=TONGZHOU, depth=2)).get_json()
    assert first["partial"]["reason"] == "time budget"
    reads.clear()
    client.get(url("/api/neighbourhood", uri=TONGZHOU, depth=2))
    assert reads, "a partial answer was served again from the cache"


def test_errors_are_not_kept(served):
    make, reads, _ = served
    client = make()
    missing = url("/api/node", uri=BASE + "park/none")
    for _ in range(2):
        assert client.get(missing).status_code == 404
    reads.clear()
    assert client.get(missing).status_code == 404
    assert reads


def test_the_paths_noted_as_asked_are_bounded(monkeypatch):
    # a client sending endless new paths cannot grow the server's memory: the oldest are forgotten
    from parkgraph.web import cache
    monkeypatch.setattr(cache, "MAX_SEEN", 3)
    c = cache.ResponseCache()
    assert [c.first_asking(f"/api/search?q={i}") for i in range(4)] == [True] * 4
    assert c.first_asking("/api/search?q=3") is False
    assert c.first_asking("/api/search?q=0") is True   # forgotten: noted again as a first asking
    assert len(c._seen) == 3
