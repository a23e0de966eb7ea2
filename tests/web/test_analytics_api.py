"""/api/analytics on both engines through the Flask app, and its place in the OpenAPI document."""
from __future__ import annotations

import networkx as nx


def test_paths_by_name_with_sources(client):
    r = client.get("/api/analytics/paths", query_string={"from": "北京网藤科技有限公司", "to": "park/beijing", "k": 2})
    assert r.status_code == 200, r.get_json()
    d = r.get_json()
    assert d["paths"][0]["length"] == 2 and d["paths"][0]["explanation"]["zh"].startswith("北京网藤科技有限公司 入驻 通州园")
    assert all(rel["sources"] for hop in d["paths"][0]["hops"] for rel in hop["relationships"])
    assert d["computed_on"]["rel_types"]


def test_centrality_communities_bridges_answer(client):
    for path in ("/api/analytics/centrality?measure=pagerank&kind=Enterprise", "/api/analytics/communities?seed=3",
                 "/api/analytics/bridges"):
        r = client.get(path)
        assert r.status_code == 200, (path, r.get_json())
        assert "computed_on" in r.get_json()


def test_bad_arguments_are_400_in_the_error_format(client):
    r = client.get("/api/analytics/paths?from=park/beijing")
    assert r.status_code == 400 and r.get_json()["error"] and "two entities" in r.get_json()["message"]
    r = client.get("/api/analytics/centrality?top=x")
    assert r.status_code == 400
    r = client.get("/api/analytics/paths?from=nobody-at-all-xyz&to=park/beijing")
    assert r.status_code == 404


def test_export_graphml_reads_back(client):
    r = client.get("/api/analytics/export?format=graphml")
    assert r.status_code == 200 and "graphml" in r.content_type
    import io
    g = nx.read_graphml(io.BytesIO(r.data))
    assert "https://w3id.org/parkgraph/id/park/beijing" in g and g.number_of_edges() > 0
    r = client.get("/api/analytics/export?format=edges.csv")
    assert r.status_code == 200 and r.data.decode().startswith("Source,Target,Type,Id,rel_type")


def test_openapi_describes_the_analytics_routes(client):
    doc = client.get("/api/openapi.json").get_json()
    for p in ("paths", "centrality", "communities", "bridges", "export"):
        assert f"/api/analytics/{p}" in doc["paths"]
