"""Every API endpoint through Flask's test client, on both backends."""
from __future__ import annotations

from ..conftest import BASE

TONGZHOU = BASE + "subpark/tongzhou"
FIRM = BASE + "enterprise/beijing-wangteng-keji"


def test_info_names_engine_and_dialect(client, fixture_store):
    d = client.get("/api/info").json
    assert d["engine"] == fixture_store.engine and d["dialect"] == fixture_store.dialect
    assert d["read_only"] is True and d["counts"]["nodes"]["SubPark"] == 2


def test_schema_comes_from_the_ontology(client, fixture_store):
    d = client.get("/api/schema").json
    assert [l["name"] for l in d["labels"]] == fixture_store.model.labels
    assert {r["type"] for r in d["rel_types"]} == set(fixture_store.model.rel_types)
    assert "name_zh" in d["property_keys"]


def test_query_returns_rows_and_refuses_writes(client, fixture_store):
    r = client.post("/api/query", json={"query": "MATCH (s:SubPark) RETURN s.name_zh AS n ORDER BY n"})
    assert r.status_code == 200 and r.json["rows"] == [["海淀园"], ["通州园"]]
    before = fixture_store.content_hash()
    for q in ("CREATE (n:Park {uri: 'x'})", "MATCH (n) SET n.name_zh = 'x'", "MATCH (n) DETACH DELETE n"):
        r = client.post("/api/query", json={"query": q})
        assert r.status_code == 403 and "read-only" in r.json["message"]
    assert fixture_store.content_hash() == before


def test_query_errors_are_json_with_position(client):
    r = client.post("/api/query", json={"query": "MATCH (n RETURN n"})
    assert r.status_code == 400 and r.json["position"]["line"] == 1
    assert client.post("/api/query", data="nope").status_code == 400
    assert client.post("/api/query", json={"query": "RETURN $x AS x", "params": [1]}).status_code == 400


def test_query_params_and_truncation(client):
    r = client.post("/api/query", json={"query": "RETURN $x AS x", "params": {"x": 41}})
    assert r.json["rows"] == [[41]]
    client.application.config["STORE"].max_rows = 3
    r = client.post("/api/query", json={"query": "UNWIND range(1, 10) AS i RETURN i"})
    assert r.json["truncated"] is True and r.json["row_count"] == 3


def test_examples_are_in_the_engines_dialect(client, fixture_store):
    d = client.get("/api/examples").json
    assert d["engine"] == fixture_store.engine
    labels_q = next(e for e in d["examples"] if e["id"] == "labels")["query"]
    assert ("label(n)" in labels_q) == (fixture_store.engine == "ladybug")


def test_search_node_neighbourhood_provenance_entity(client):
    hits = client.get("/api/search", query_string={"q": "通州"}).json["results"]
    assert hits[0]["uri"] == TONGZHOU
    assert client.get("/api/search", query_string={"q": "通州", "label": "Enterprise"}).json["results"] == []
    assert client.get("/api/search", query_string={"q": "x", "label": "Nope"}).status_code == 400
    n = client.get("/api/node", query_string={"uri": FIRM}).json
    assert n["node"]["properties"]["name_zh"] == "北京网藤科技有限公司"
    assert "小巨人" in n["provenance"][0]["quote"]["text"]
    hood = client.get("/api/neighbourhood", query_string={"uri": TONGZHOU, "limit": 1}).json
    desc = next(g for g in hood["groups"] if g["key"] == "DESCRIBES:in")
    assert desc["total"] == 2 and len(desc["items"]) == 1 and desc["more"] == 1
    page2 = client.get("/api/neighbourhood", query_string={"uri": TONGZHOU, "limit": 1, "offset": "DESCRIBES:in:1"}).json
    assert next(g for g in page2["groups"] if g["key"] == "DESCRIBES:in")["items"][0]["node"]["uri"] != desc["items"][0]["node"]["uri"]
    rel = next(g for g in hood["groups"] if g["key"] == "TENANT_OF:in")["items"][0]["rel"]
    prov = client.get("/api/provenance", query_string={"uri": rel["uri"]}).json
    assert prov["citations"][0]["source"]["title"].startswith("推进网络安全产业园区建设")
    ent = client.get("/api/entity", query_string={"uri": TONGZHOU}).json
    assert {o["value"] for o in ent["observations"]} == {128.0, 130.0}
    assert any(r["type"] == "PART_OF" for r in ent["relations"])


def test_bad_parameters_are_400_and_unknown_entities_404(client):
    assert client.get("/api/node", query_string={"uri": BASE + "park/nowhere"}).status_code == 404
    assert client.get("/api/neighbourhood", query_string={"uri": TONGZHOU, "depth": "x"}).status_code == 400
    assert client.get("/api/neighbourhood", query_string={"uri": TONGZHOU, "limit": 100000}).status_code == 400
    assert client.get("/api/neighbourhood", query_string={"uri": TONGZHOU, "rel": "NOPE"}).status_code == 400
    assert client.get("/api/neighbourhood", query_string={"uri": TONGZHOU, "offset": "bad"}).status_code == 400
    assert client.get("/api/provenance").status_code == 400


def test_entity_iri_path_serves_json(client):
    r = client.get("/id/subpark/tongzhou", headers={"Accept": "application/json"})
    assert r.status_code == 200 and r.json["node"]["uri"] == TONGZHOU
    assert client.get("/id/subpark/nowhere?format=json").status_code == 404


def test_openapi_documents_every_api_route(client):
    doc = client.get("/api/openapi.json").json
    assert doc["openapi"].startswith("3.")
    routes = {r.rule for r in client.application.url_map.iter_rules() if r.rule.startswith("/api/")}
    assert routes <= set(doc["paths"])


def test_security_headers_and_escaped_error_pages(client):
    r = client.get("/api/info")
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    r = client.get("/no/such/<script>", headers={"Accept": "text/html"})
    assert r.status_code == 404 and "<script>" not in r.get_data(as_text=True)


def test_a_source_page_lists_the_quotes_taken_from_it(client, fixture_store):
    src = BASE + "source/fixture-2023-03-24"
    ent = client.get("/api/entity", query_string={"uri": src}).json
    quoted = next(r for r in ent["relations"] if r["type"] == "QUOTED_FROM")
    texts = {it["node"]["properties"]["text"] for it in quoted["items"]}
    assert "园区企业北京网藤科技有限公司获得国家级专精特新“小巨人”企业称号。" in texts
    assert quoted["total"] == fixture_store.read("MATCH (q:Quote)-[:QUOTED_FROM]->(s:Source {uri: $s}) RETURN count(q)", {"s": src}).value()
