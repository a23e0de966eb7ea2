"""The SPARQL endpoint as a client sees it: content negotiation with q-values (406 when nothing
offered is acceptable), ASK / CONSTRUCT / DESCRIBE in every format pyoxigraph writes, errors in the
negotiated format with the right status and a human message, and freshness — a load that changes
one value (no count changes) is visible to the very next query, on both engines."""
from __future__ import annotations

import copy
import json
from urllib.parse import quote

import pytest
import rdflib
import yaml

from parkgraph.fixture import FIXTURE, write_fixture
from parkgraph.loaders import load_paths
from parkgraph.settings import Settings
from parkgraph.web import create_app

from ..conftest import BASE, make_store

PG = "PREFIX pg: <https://w3id.org/parkgraph/ontology#> "
NAME_Q = PG + f"SELECT ?n WHERE {{ <{BASE}subpark/haidian> pg:name_en ?n }}"


@pytest.fixture(scope="module")
def fixture_graph(request, tmp_path_factory):
    """The fixture graph on each backend, with a client of the app around it."""
    backend = request.param
    tmp = tmp_path_factory.mktemp(f"sparql-proto-{backend}")
    store = make_store(backend, tmp, request)
    write_fixture(tmp / "fixture")
    load_paths([tmp / "fixture"], store, BASE, progress=False)
    settings = Settings.from_env({"backend": backend, "db_path": str(getattr(store, "path", tmp / "unused.lbdb")),
                                  "neo4j_uri": getattr(store, "uri", None)})
    app = create_app({"SETTINGS": settings, "STORE": store})
    yield store, app, tmp
    if "parkgraph_sparql" in app.extensions:
        app.extensions["parkgraph_sparql"].close()
    store.close()


def pytest_generate_tests(metafunc):
    if "fixture_graph" in metafunc.fixturenames:
        metafunc.parametrize("fixture_graph", ["ladybug", "neo4j"], indirect=True, scope="module")


def get(client, query: str, accept: str | None):
    headers = {"Accept": accept} if accept is not None else {}
    return client.get("/sparql?query=" + quote(query), headers=headers)


ASK = "ASK { ?s ?p ?o }"
SELECT = PG + "SELECT ?n WHERE { ?p a pg:Park ; pg:name_zh ?n }"
CONSTRUCT = PG + "CONSTRUCT { ?p pg:name_zh ?n } WHERE { ?p a pg:Park ; pg:name_zh ?n }"


@pytest.mark.parametrize("accept, want", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/json"),
    ("application/sparql-results+json;q=0, application/json;q=0, */*;q=0.1", "application/sparql-results+xml"),
    ("text/*", "text/csv"),
    ("application/*;q=0.2, text/tab-separated-values", "text/tab-separated-values"),
])
def test_select_negotiates_with_q_values(fixture_graph, accept, want):
    r = get(fixture_graph[1].test_client(), SELECT, accept)
    assert r.status_code == 200 and r.mimetype == want, (r.status_code, r.mimetype, r.get_data(as_text=True)[:200])
    assert "国家网络安全产业园区（北京）" in r.get_data(as_text=True)
    assert r.headers["Vary"] == "Accept"


@pytest.mark.parametrize("accept", ["application/sparql-results+json;q=0", "text/html", "text/csv;q=0, text/turtle"])
def test_nothing_acceptable_is_406_never_a_format_the_client_refused(fixture_graph, accept):
    r = get(fixture_graph[1].test_client(), SELECT, accept)
    assert r.status_code == 406, r.get_data(as_text=True)[:300]
    assert "application/sparql-results+json" in r.get_data(as_text=True)  # says what is on offer


@pytest.mark.parametrize("accept, check", [
    ("application/sparql-results+json", lambda b: json.loads(b) == {"head": {}, "boolean": True}),
    ("application/sparql-results+xml", lambda b: "<boolean>true</boolean>" in b),
    ("text/csv", lambda b: b.strip() == "true"),
    ("text/tab-separated-values", lambda b: b.strip() == "true"),
])
def test_ask_answers_in_every_results_format(fixture_graph, accept, check):
    r = get(fixture_graph[1].test_client(), ASK, accept)
    assert r.status_code == 200 and r.mimetype == accept and check(r.get_data(as_text=True))
    r = get(fixture_graph[1].test_client(), "ASK { <urn:nothing> ?p ?o }", "application/sparql-results+json")
    assert r.json == {"head": {}, "boolean": False}


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
                                         (None, "turtle")])
def test_construct_and_describe_in_every_rdf_format(fixture_graph, accept, fmt):
    client = fixture_graph[1].test_client()
    for q in (CONSTRUCT, f"DESCRIBE <{BASE}park/beijing>"):
        r = get(client, q, accept)
        assert r.status_code == 200, r.get_data(as_text=True)[:300]
        g = rdflib.Graph().parse(data=r.get_data(as_text=True), format=fmt)
        names = {str(o) for o in g.objects(rdflib.URIRef(BASE + "park/beijing"),
                                           rdflib.URIRef("https://w3id.org/parkgraph/ontology#name_zh"))}
        assert names == {"国家网络安全产业园区（北京）"}


def test_errors_come_in_the_negotiated_format_with_a_human_message(fixture_graph):
    client = fixture_graph[1].test_client()
    r = get(client, "SELECT * WHERE { ?s rdf:type ?o }", "application/sparql-results+json")
    assert r.status_code == 400 and r.mimetype == "application/json"
    assert r.json["hint"] == "add PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>"
    r = get(client, "SELECT * WHERE { ?s rdf:type ?o }", "text/csv")
    assert r.status_code == 400 and r.mimetype == "text/plain"
    assert "add PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>" in r.get_data(as_text=True)
    r = get(client, "SELECT ?s WHERE { ?s ?p ?o ", None)
    assert r.status_code == 400 and r.json["position"]["line"] == 1
    assert "Expected" not in r.json["message"] and "{" not in r.json["message"]  # no grammar dump
    r = get(client, "SELECT ?s WHERE { ?s ?p ?o }", "text/html")
    assert r.status_code == 406 and r.mimetype == "text/html" and "<script" not in r.get_data(as_text=True).lower()
    r = get(client, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "text/tab-separated-values")
    assert r.status_code == 403 and r.mimetype == "text/plain" and "read-only" in r.get_data(as_text=True)


def test_a_value_only_load_is_visible_at_once(fixture_graph):
    store, app, tmp = fixture_graph
    client = app.test_client()
    r = get(client, NAME_Q, "application/sparql-results+json")
    assert [b["n"]["value"] for b in r.json["results"]["bindings"]] == ["Haidian Park"]
    counts = store.counts()
    changed = copy.deepcopy(FIXTURE)
    next(s for s in changed["subparks"] if s["id"] == "haidian")["name_en"] = "Haidian Park (renamed)"
    d = tmp / "renamed"
    d.mkdir(exist_ok=True)
    (d / "fixture.yaml").write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_paths([d], store, BASE, progress=False)
    assert store.counts() == counts  # the change is in a value only
    r = get(client, NAME_Q, "application/sparql-results+json")
    assert [b["n"]["value"] for b in r.json["results"]["bindings"]] == ["Haidian Park (renamed)"]


def test_graph_version_moves_with_every_write_and_only_then(fixture_graph):
    store = fixture_graph[0]
    v0 = store.graph_version()
    assert store.graph_version() == v0  # reading leaves it
    store.counts()
    assert store.graph_version() == v0
    rows = [{"uri": f"{BASE}subpark/haidian", "name_zh": "海淀园", "name_en": "Haidian Park"}]
    store.write_nodes("SubPark", rows)
    v1 = store.graph_version()
    assert v1 != v0
    store.write_nodes("SubPark", [{**rows[0], "name_en": "Haidian"}])  # (Neo4j commits nothing for a no-op)
    assert store.graph_version() != v1
