""""Cite this" for entities, sources and the dataset: each format read back by an independent parser —
BibTeX by bibtexparser, RIS by rispy, CSL-JSON validated against the CSL schema (tests/schemas/csl-data.json)
— and the entity downloads (Turtle, JSON-LD, CSV) linked from the page. Both engines."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from rdflib import Graph, URIRef

from parkgraph.rdf import cite

from ..conftest import BASE

TONGZHOU = BASE + "subpark/tongzhou"
CSL_SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "csl-data.json").read_text(encoding="utf-8"))


def _source_path(store) -> tuple[str, dict]:
    c = store.citations(TONGZHOU)[0]
    return "/id/" + c["source"]["uri"][len(BASE):], store.node(c["source"]["uri"])


def _pages(store) -> list[tuple[str, str]]:
    """(path, the title the citation must carry) for an entity page, a source page and the dataset."""
    spath, src = _source_path(store)
    return [("/id/subpark/tongzhou", store.node(TONGZHOU)["properties"]["name_zh"]),
            (spath, src["properties"]["title"]), ("/id/dataset", cite.DATASET_TITLE_ZH)]


def test_bibtex_parses_with_bibtexparser(client, fixture_store):
    for path, title in _pages(fixture_store):
        r = client.get(path, query_string={"format": "bib"})
        assert r.status_code == 200 and r.mimetype == "application/x-bibtex"
        db = bibtexparser.loads(r.get_data(as_text=True))
        (entry,) = db.entries
        assert entry["title"].strip("{}") == title and entry["ENTRYTYPE"] == "misc", path
        assert entry["url"].startswith("http")


def test_ris_reads_with_rispy(client, fixture_store):
    for path, title in _pages(fixture_store):
        r = client.get(path, query_string={"format": "ris"})
        assert r.status_code == 200
        (rec,) = rispy.loads(r.get_data(as_text=True))
        assert rec["title"] == title, path
        assert (rec.get("urls") or [rec.get("url")])[0].startswith("http"), path
        assert rec["type_of_reference"] in {"DBASE", "DATA", "ELEC", "NEWS", "GOVDOC"}


def test_csl_json_validates_against_the_csl_schema(client, fixture_store):
    for path, title in _pages(fixture_store):
        r = client.get(path, query_string={"format": "csl"})
        assert r.status_code == 200
        items = json.loads(r.data)
        jsonschema.validate(items, CSL_SCHEMA)
        assert items[0]["title"] == title


def test_gbt7714_and_english_reference_name_the_work():
    w = cite.source_work({"uri": BASE + "source/x", "title": "推进网络安全产业园区建设", "outlet": "工业和信息化部",
                          "published": "2023-03-24", "url": "https://example.org/a", "kind": "policy"}, accessed="2026-12-01")
    g = cite.gbt7714(w)
    # 作者. 题名[类型]. 出版者, 年(日期)[引用日期]. URL.
    assert g == "工业和信息化部. 推进网络安全产业园区建设[S]. 工业和信息化部, 2023(2023-03-24). https://example.org/a."
    web = cite.gbt7714(cite.entity_work(TONGZHOU, "通州园", "Tongzhou Park", accessed="2026-12-01"))
    assert "通州园[DB/OL]" in web and "[2026-12-01]" in web and web.endswith(TONGZHOU + ".")
    e = cite.english(w)
    assert e.startswith("工业和信息化部 (2023). 推进网络安全产业园区建设.") and "https://example.org/a" in e


@pytest.mark.parametrize("evil", ["a}b{c", "50% & $x_1 #2 ~^\\", "line\nbreak"])
def test_hostile_titles_stay_inside_their_field(evil):
    w = cite.entity_work(BASE + "park/x", evil, "en {name}", accessed="2026-12-01")
    (entry,) = bibtexparser.loads(cite.bibtex(w)).entries
    assert entry["url"] == BASE + "park/x" and entry["urldate"] == "2026-12-01"
    (rec,) = rispy.loads(cite.ris(w))
    assert rec["title"] == " ".join(evil.split())
    jsonschema.validate(json.loads(cite.csl_json(w)), CSL_SCHEMA)


def test_entity_page_offers_cite_this_and_downloads(client, fixture_store):
    html = client.get("/id/subpark/tongzhou", headers={"Accept": "text/html"}).get_data(as_text=True)
    for testid in ("cite-gbt", "cite-ref", "cite-bib", "cite-ris", "cite-csl", "download-ttl", "download-jsonld", "download-csv"):
        assert f'data-testid="{testid}"' in html, testid
    # each fact's source is formatted as a reference on the page
    for c in fixture_store.citations(TONGZHOU):
        assert cite.gbt7714(cite.source_work(c["source"])).split("[")[0] in html
    spath, _ = _source_path(fixture_store)
    assert 'data-testid="cite-bib"' in client.get(spath, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'data-testid="cite-bib"' in client.get("/id/dataset").get_data(as_text=True)


def test_entity_downloads_turtle_jsonld_and_csv_with_sources(client, fixture_store):
    for fmt, rdf in (("ttl", "turtle"), ("jsonld", "json-ld")):
        g = Graph().parse(data=client.get("/id/subpark/tongzhou", query_string={"format": fmt}).get_data(as_text=True), format=rdf)
        assert (URIRef(TONGZHOU), None, None) in g
    r = client.get("/id/subpark/tongzhou", query_string={"format": "csv"})
    assert r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    obs = [x for x in rows if x["kind"] == "observation"]
    assert len(obs) == len(fixture_store.observations_of(TONGZHOU)) > 0
    assert all(x["source"] and x["source_url"] for x in obs), "every statistic carries its source"
    names = {x["value"] for x in rows if x["kind"] == "property"}
    assert fixture_store.node(TONGZHOU)["properties"]["name_zh"] in names
    assert not any(re.match(r"^[=+@]", v) for x in rows for v in x.values()), "no cell a spreadsheet would run"
