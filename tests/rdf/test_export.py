"""RDF export: golden isomorphism, every format, SHACL conformance, loading into an independent engine."""
from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from pyshacl import validate
from rdflib.compare import graph_diff, to_isomorphic

from parkgraph.ontology import ONTOLOGY_PATH, SHAPES_PATH
from parkgraph.rdf.export import export, export_entity

from ..conftest import BASE

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "fixture.ttl"
FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "nq": "nquads"}


def dump(store, fmt: str) -> str:
    buf = io.StringIO()
    export(store, buf, fmt, BASE, issued="2024-01-01", with_ontology=False)  # the data; the ontology part: test_examples_on_dump
    return buf.getvalue()


def parse(text: str, fmt: str) -> rdflib.Graph:
    if fmt == "nq":
        ds = rdflib.Dataset()
        ds.parse(data=text, format="nquads")
        g = rdflib.Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return rdflib.Graph().parse(data=text, format=FORMATS[fmt])


def test_fixture_export_matches_the_golden_file(fixture_store):
    got = parse(dump(fixture_store, "ttl"), "ttl")
    want = rdflib.Graph().parse(GOLDEN, format="turtle")
    iso_got, iso_want = to_isomorphic(got), to_isomorphic(want)
    if iso_got != iso_want:
        _, only_got, only_want = graph_diff(iso_got, iso_want)
        pytest.fail("export differs from tests/golden/fixture.ttl\nonly in export:\n"
                    + "\n".join(sorted(f"{t}" for t in only_got)[:20]) + "\nonly in golden:\n"
                    + "\n".join(sorted(f"{t}" for t in only_want)[:20]))


@pytest.mark.parametrize("fmt", ["nt", "jsonld", "nq"])
def test_every_format_carries_the_same_graph(fixture_store, fmt):
    assert to_isomorphic(parse(dump(fixture_store, fmt), fmt)) == to_isomorphic(parse(dump(fixture_store, "ttl"), "ttl"))


def test_export_reports_its_triple_count_in_void(fixture_store):
    buf = io.StringIO()
    n = export(fixture_store, buf, "nt", BASE, issued="2024-01-01")
    g = parse(buf.getvalue(), "nt")
    assert len(g) == n
    void_triples = int(g.value(rdflib.URIRef(BASE + "dataset"), rdflib.URIRef("http://rdfs.org/ns/void#triples")))
    assert 0 < void_triples < n  # the description counts the data, not itself
    assert (rdflib.URIRef(BASE + "dataset"), rdflib.URIRef("http://purl.org/dc/terms/license"), None) in g


def test_labels_provenance_and_observations_use_standard_vocabularies(fixture_store):
    g = parse(dump(fixture_store, "ttl"), "ttl")
    RDFS, SKOS, PROV, QB = (rdflib.Namespace(x) for x in ("http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#",
                                                           "http://www.w3.org/ns/prov#", "http://purl.org/linked-data/cube#"))
    tz = rdflib.URIRef(BASE + "subpark/tongzhou")
    assert rdflib.Literal("通州园", lang="zh") in set(g.objects(tz, RDFS.label))
    assert rdflib.Literal("Tongzhou Park", lang="en") in set(g.objects(tz, SKOS.prefLabel))
    quote = next(g.objects(tz, PROV.wasDerivedFrom))
    assert str(next(g.objects(quote, PROV.value))).startswith("国家网络安全产业园区（北京）")
    assert next(g.objects(quote, PROV.wasQuotedFrom)) == rdflib.URIRef(BASE + "source/fixture-2023-03-24")
    obs = set(g.subjects(rdflib.RDF.type, QB.Observation))
    assert len(obs) == 2
    statements = set(g.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
    assert statements and all(set(g.objects(s, PROV.wasDerivedFrom)) for s in statements)


def test_full_export_conforms_to_the_shapes(curated_store):
    g = parse(dump(curated_store, "nt"), "nt")
    conforms, _, text = validate(g, shacl_graph=rdflib.Graph().parse(SHAPES_PATH), inference="none")
    assert conforms, text[:3000]


def test_shapes_do_catch_violations(fixture_store):
    g = parse(dump(fixture_store, "nt"), "nt")
    PG = rdflib.Namespace("https://w3id.org/parkgraph/ontology#")
    g.remove((rdflib.URIRef(BASE + "subpark/tongzhou"), PG.name_en, None))
    g.remove((rdflib.URIRef(BASE + "enterprise/beijing-wangteng-keji"), PG.derivedFrom, None))
    conforms, report, _ = validate(g, shacl_graph=rdflib.Graph().parse(SHAPES_PATH), inference="none")
    assert not conforms
    focus = {str(o) for o in report.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#focusNode"))}
    assert focus == {BASE + "subpark/tongzhou", BASE + "enterprise/beijing-wangteng-keji"}


def test_ontology_and_full_dump_load_into_pyoxigraph(curated_store, tmp_path):
    st = pyoxigraph.Store()
    st.load(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE)
    for fmt, rf in (("ttl", pyoxigraph.RdfFormat.TURTLE), ("nt", pyoxigraph.RdfFormat.N_TRIPLES), ("jsonld", pyoxigraph.RdfFormat.JSON_LD)):
        f = tmp_path / f"dump.{fmt}"
        f.write_text(dump(curated_store, fmt), encoding="utf-8")
        st.load(path=str(f), format=rf)
    parks = list(st.query("SELECT ?p WHERE { ?p a <http://www.w3.org/ns/org#Organization> ; a <https://w3id.org/parkgraph/ontology#Park> }"))
    assert len(parks) == curated_store.counts()["nodes"]["Park"]


def test_entity_export_has_its_sources(fixture_store):
    buf = io.StringIO()
    export_entity(fixture_store, BASE + "enterprise/beijing-wangteng-keji", buf, "ttl", BASE)
    g = parse(buf.getvalue(), "ttl")
    texts = {str(o) for o in g.objects(None, rdflib.URIRef("http://www.w3.org/ns/prov#value"))}
    assert "园区企业北京网藤科技有限公司获得国家级专精特新“小巨人”企业称号。" in texts
    assert (rdflib.URIRef(BASE + "source/fixture-2023-03-24"), rdflib.RDF.type,
            rdflib.URIRef("https://w3id.org/parkgraph/ontology#Source")) in g


def test_a_dump_of_the_same_graph_is_the_same_file(curated_store):
    # people diff and checksum dumps; parallel reads inside the engine must not reorder them
    assert dump(curated_store, "nt") == dump(curated_store, "nt")
