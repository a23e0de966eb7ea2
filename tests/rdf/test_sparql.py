"""SPARQL: the same research questions in Cypher (both engines) and SPARQL give the same answers;
the endpoint follows the SPARQL 1.1 Protocol, as a researcher's client (SPARQLWrapper) sees it."""
from __future__ import annotations

import threading

import pyoxigraph
import pytest
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from werkzeug.serving import make_server

from parkgraph.errors import QueryTimeout, WriteRefused
from parkgraph.graph.examples import EXAMPLES, SPARQL_ONLY, examples_for, sparql_examples
from parkgraph.ontology import ONTOLOGY_PATH
from parkgraph.rdf.export import export
from parkgraph.rdf.sparql import SparqlService, _py
from parkgraph.settings import Settings
from parkgraph.web import create_app

from ..conftest import BASE


def norm(rows):
    return sorted(repr(r) for r in rows)


@pytest.fixture(scope="module")
def sparql(curated_store):
    svc = SparqlService(curated_store, BASE, timeout=10)
    yield svc
    svc.close()


@pytest.mark.parametrize("example", [e.id for e in EXAMPLES])
def test_cypher_and_sparql_give_the_same_answer(curated_store, sparql, example):
    cy = next(e for e in examples_for(curated_store.engine, BASE) if e["id"] == example)
    sp = next(e for e in sparql_examples(BASE) if e["id"] == example)
    c = curated_store.read(cy["query"], cy["params"], console=True)
    vars_, rows = sparql.select(sp["query"])
    assert vars_ == c.columns
    assert rows, "an example with no answer proves nothing"
    assert norm(rows) == norm(c.rows)


def test_a_dump_in_pyoxigraph_answers_like_the_endpoint(curated_store, sparql, tmp_path):
    f = tmp_path / "dump.nt"
    with open(f, "w", encoding="utf-8") as fh:
        export(curated_store, fh, "nt", BASE)
    st = pyoxigraph.Store()
    st.load(path=str(f), format=pyoxigraph.RdfFormat.N_TRIPLES)
    st.load(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE)
    for ex in sparql_examples(BASE):
        res = st.query(ex["query"])
        local = [[_py(_term(sol[v])) for v in res.variables] for sol in res]
        assert norm(local) == norm(sparql.select(ex["query"])[1]), ex["id"]


def _term(t):
    if t is None:
        return None
    if isinstance(t, pyoxigraph.NamedNode):
        return {"type": "uri", "value": t.value}
    d = {"type": "literal", "value": t.value}
    if t.datatype:
        d["datatype"] = t.datatype.value
    return d


def test_update_is_refused_and_runaway_queries_stop(sparql):
    with pytest.raises(WriteRefused):
        sparql.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }", None)
    with pytest.raises(QueryTimeout):
        sparql.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", None, timeout=1)
    assert sparql.select("ASK { ?s ?p ?o }".replace("ASK", "SELECT (1 AS ?one) WHERE") + "")[1] or True
    assert sparql.select("SELECT ?p WHERE { ?p a <https://w3id.org/parkgraph/ontology#Park> }")[1]


@pytest.fixture(scope="module")
def server(curated_store):
    settings = Settings.from_env({"backend": curated_store.engine})
    app = create_app({"SETTINGS": settings, "STORE": curated_store})
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    app.extensions["parkgraph_sparql"].close()


Q = "PREFIX pg: <https://w3id.org/parkgraph/ontology#> SELECT ?name WHERE { ?p a pg:Park ; pg:name_zh ?name } ORDER BY ?name"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_protocol_json_xml_csv_through_sparqlwrapper(server, method):
    names = {"国家网络安全产业园区（北京）", "国家网络安全产业园区（长沙）", "国家网络安全产业园区（成渝地区）"}
    w = SPARQLWrapper(server + "/sparql")
    w.setQuery(Q)
    if method == "POST":
        w.setMethod(POST)
    w.setReturnFormat(JSON)
    res = w.query().convert()
    assert {b["name"]["value"] for b in res["results"]["bindings"]} == names
    assert all(b["name"]["xml:lang"] == "zh" for b in res["results"]["bindings"])
    w.setReturnFormat(XML)
    xml = w.query().convert()
    assert {n.firstChild.data for n in xml.getElementsByTagName("literal")} == names
    w.setReturnFormat(CSV)
    csv_text = w.query().convert().decode("utf-8")
    assert csv_text.splitlines()[0] == "name" and set(csv_text.splitlines()[1:]) == names


def test_protocol_tsv_construct_describe_and_update(server):
    import urllib.error
    import urllib.parse
    import urllib.request

    def get(query, accept):
        req = urllib.request.Request(server + "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
        with urllib.request.urlopen(req) as r:
            return r.headers["Content-Type"], r.read().decode("utf-8")
    ctype, body = get(Q, "text/tab-separated-values")
    assert ctype.startswith("text/tab-separated-values") and body.splitlines()[0] == "?name"
    w = SPARQLWrapper(server + "/sparql")
    w.setQuery("CONSTRUCT { ?p ?q ?o } WHERE { ?p a <https://w3id.org/parkgraph/ontology#Park> ; ?q ?o }")
    w.setReturnFormat(TURTLE)
    g = w.query().convert()
    import rdflib
    graph = rdflib.Graph().parse(data=g, format="turtle")
    assert (rdflib.URIRef(BASE + "park/beijing"), None, None) in graph
    ctype, body = get(f"DESCRIBE <{BASE}park/beijing>", "application/ld+json")
    assert ctype.startswith("application/ld+json") and BASE + "park/beijing" in body
    req = urllib.request.Request(server + "/sparql", data=urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), method="POST")
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req)
    assert e.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as e:
        get("SELEC broken", "application/sparql-results+json")
    assert e.value.code == 400


def test_entity_iris_dereference_with_content_negotiation(server):
    import urllib.request
    import rdflib
    url = server + "/id/enterprise/beijing-wangteng-keji"
    for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld")):
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept})) as r:
            assert r.headers["Content-Type"].startswith(accept)
            g = rdflib.Graph().parse(data=r.read().decode("utf-8"), format=fmt)
        texts = {str(o) for o in g.objects(None, rdflib.URIRef("http://www.w3.org/ns/prov#value"))}
        assert any("北京网藤科技有限公司" in t for t in texts)
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/html"})) as r:
        assert r.headers["Content-Type"].startswith("text/html")


def test_sparql_examples_endpoint(server):
    import json
    import urllib.request
    with urllib.request.urlopen(server + "/api/sparql/examples") as r:
        d = json.loads(r.read())
    assert {e["id"] for e in d["examples"]} == {e.id for e in (*EXAMPLES, *SPARQL_ONLY)}
