"""Dates in RDF (issue #13): one xsd:date per value plus pg:<key>_precision, so that a SPARQL FILTER
with an xsd:date literal sees every value whatever the precision the source gave."""
from __future__ import annotations

import io
import re

import pyoxigraph
import yaml

from parkgraph.loaders import load_paths
from parkgraph.rdf.export import export

from ..conftest import BASE, DATA
from ..loaders.test_dates import IN_2022, _mixed

PREFIX = "PREFIX pg: <https://w3id.org/parkgraph/ontology#>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"


def _oxigraph(store) -> pyoxigraph.Store:
    buf = io.StringIO()
    export(store, buf, "nt", BASE, issued="2024-01-01")
    ox = pyoxigraph.Store()
    ox.load(io.BytesIO(buf.getvalue().encode("utf-8")), pyoxigraph.RdfFormat.N_TRIPLES)
    return ox


def _select(ox, q: str) -> list[dict]:
    res = ox.query(PREFIX + q)
    names = [v.value for v in res.variables]
    return [{n: (sol[n].value if sol[n] is not None else None) for n in names} for sol in res]


def test_a_sparql_date_filter_returns_every_statistic_in_range_whatever_its_precision(store, tmp_path):
    load_paths([_mixed(tmp_path)], store, BASE, progress=False)
    ox = _oxigraph(store)
    rows = _select(ox, 'SELECT ?o ?p WHERE { ?o a pg:Observation ; pg:as_of ?d ; pg:as_of_precision ?p . '
                       'FILTER(?d >= "2022-01-01"^^xsd:date && ?d < "2023-01-01"^^xsd:date) } ORDER BY ?d')
    assert [(r["o"].rsplit("/", 1)[1], r["p"]) for r in rows] == [("y2022", "year"), ("m2022", "month"), ("d2022", "day")]
    before = _select(ox, 'SELECT ?o WHERE { ?o a pg:Observation ; pg:as_of ?d . FILTER(?d < "2022-01-01"^^xsd:date) }')
    assert sorted(r["o"].rsplit("/", 1)[1] for r in before) == ["m2021", "y2021"]


def test_every_date_is_an_xsd_date_with_its_precision_and_wording(store, tmp_path):
    load_paths([_mixed(tmp_path)], store, BASE, progress=False)
    ox = _oxigraph(store)
    types = _select(ox, "SELECT DISTINCT ?t WHERE { ?s ?p ?d . FILTER(isLiteral(?d) && ?p IN "
                        "(pg:as_of, pg:date, pg:date_end, pg:published, pg:since)) BIND(DATATYPE(?d) AS ?t) }")
    assert {r["t"] for r in types} == {"http://www.w3.org/2001/XMLSchema#date"}
    ev = _select(ox, f"SELECT ?d ?e ?p ?t WHERE {{ <{BASE}event/ev> pg:date ?d ; pg:date_end ?e ; pg:date_precision ?p ; pg:date_text ?t }}")
    assert ev == [{"d": "2019-09-05", "e": "2019-09-11", "p": "day", "t": "9月5日至11日"}]
    # a relationship's date is on its pg:Statement
    st = _select(ox, "SELECT ?d ?p ?r WHERE { ?st a pg:Statement ; pg:since ?d ; pg:since_precision ?p ; pg:role_zh ?r }")
    assert st == [{"d": "2019-01-01", "p": "month", "r": "合作"}]
    got = {r["o"].rsplit("/", 1)[1]: r["d"] for r in _select(ox, "SELECT ?o ?d WHERE { ?o a pg:Observation ; pg:as_of ?d }")}
    assert {k: got[k] for k in IN_2022} == {"y2022": "2022-01-01", "m2022": "2022-05-01", "d2022": "2022-12-31"}


def test_the_curated_export_answers_a_date_range(curated_store):
    """Every statistic of data/ whose as_of falls in 2020–2022, at any precision."""
    import glob
    expected = set()
    for f in glob.glob(str(DATA / "*.yaml")):
        for o in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("observations", []):
            if "2020" <= str(o["as_of"])[:4] <= "2022":
                expected.add(f"{BASE}observation/{o['id']}")
    ox = _oxigraph(curated_store)
    rows = _select(ox, 'SELECT ?o WHERE { ?o a pg:Observation ; pg:as_of ?d . '
                       'FILTER(?d >= "2020-01-01"^^xsd:date && ?d <= "2022-12-31"^^xsd:date) }')
    assert {r["o"] for r in rows} == expected and len(expected) > 10


def test_the_dataset_description_carries_the_data_release(fixture_store):
    """data/VERSION is the release of the data; VoID/DCAT say it as dcat:version (owl:versionInfo is
    the software that wrote the dump)."""
    from parkgraph.data import DATA_DIR
    version = (DATA_DIR / "VERSION").read_text(encoding="utf-8").strip()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    ox = _oxigraph(fixture_store)
    rows = _select(ox, f"PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?v WHERE {{ <{BASE}dataset> a dcat:Dataset ; dcat:version ?v }}")
    assert rows == [{"v": version}]
    buf = io.StringIO()
    export(fixture_store, buf, "nt", BASE, issued="2024-01-01", data_version="9.9.9")
    assert '<http://www.w3.org/ns/dcat#version> "9.9.9"' in buf.getvalue()
