"""The RDF dump a researcher downloads answers every built-in SPARQL example exactly as /sparql does:
the dump carries the ontology itself (classes' pg:nodeLabel, properties' pg:relType), so nothing else
has to be loaded beside it. Both engines."""
from __future__ import annotations

import io
import json

import pyoxigraph
import pytest

from parkgraph.graph.examples import sparql_examples
from parkgraph.rdf.export import export
from parkgraph.settings import Settings
from parkgraph.web import create_app

from ..conftest import BASE


@pytest.fixture(scope="module")
def client(curated_store, tmp_path_factory):
    settings = Settings.from_env({"backend": curated_store.engine,
                                  "db_path": str(tmp_path_factory.mktemp("unused") / "unused.lbdb")})
    app = create_app({"SETTINGS": settings, "STORE": curated_store, "TESTING": True})
    return app.test_client()


@pytest.fixture(scope="module", params=["ttl", "nt", "jsonld"])
def dump(request, curated_store):
    """The dump as `parkgraph export --format X` writes it, loaded alone into an in-memory pyoxigraph store."""
    buf = io.StringIO()
    export(curated_store, buf, request.param, BASE)
    st = pyoxigraph.Store()
    fmt = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
           "jsonld": pyoxigraph.RdfFormat.JSON_LD}[request.param]
    st.load(buf.getvalue().encode("utf-8"), format=fmt)
    return st


def rows(results_json: bytes) -> list[str]:
    d = json.loads(results_json)
    return sorted(json.dumps({k: v for k, v in b.items()}, sort_keys=True, ensure_ascii=False)
                  for b in d["results"]["bindings"])


def test_every_example_gives_identical_rows_on_the_dump_and_on_the_endpoint(client, dump):
    examples = sparql_examples(BASE)
    assert len(examples) >= 10
    for ex in examples:
        r = client.get("/sparql", query_string={"query": ex["query"]},
                       headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200, (ex["id"], r.data[:300])
        endpoint = rows(r.data)
        local = rows(dump.query(ex["query"]).serialize(format=pyoxigraph.QueryResultsFormat.JSON))
        assert endpoint, f"{ex['id']}: no rows on /sparql proves nothing"
        assert local == endpoint, ex["id"]


def test_the_dump_carries_the_ontology_and_names_it(dump):
    onto = "https://w3id.org/parkgraph/ontology"
    ask = f"""ASK {{ <{onto}> a <http://www.w3.org/2002/07/owl#Ontology> .
                    <{BASE}dataset> <http://rdfs.org/ns/void#vocabulary> <{onto}> .
                    <{onto}#Park> <{onto}#nodeLabel> "Park" }}"""
    assert dump.query(ask)


def test_sparql_page_says_what_sparql_runs_on(client, curated_store):
    html = client.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert f"pyoxigraph {pyoxigraph.__version__} snapshot of the {curated_store.engine} graph" in html
    assert 'data-testid="engine-name">pyoxigraph<' in html


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_a_missing_prefix_is_named_in_the_negotiated_format(client, accept):
    r = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s rdf:type ?t } LIMIT 1"},
                   headers={"Accept": accept})
    assert r.status_code == 400
    text = r.get_data(as_text=True)
    assert "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>" in text
    assert ("json" in r.mimetype) == ("json" in accept) and "<html" not in text
