"""Pages that work without JavaScript: /id/... entity and source pages and /ontology carry their content
in the HTML the server sends (what a search engine, citation manager or reader without JavaScript sees),
and the ontology's IRIs answer HTML, Turtle and JSON-LD by content negotiation. Both engines."""
from __future__ import annotations

import html
import json
from html.parser import HTMLParser

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from parkgraph.ontology import ONTOLOGY_PATH

from ..conftest import BASE

TONGZHOU = BASE + "subpark/tongzhou"


class _Page(HTMLParser):
    """Visible text (no <script> content: the test must not read the data the scripts would use),
    the head's alternate links and its JSON-LD."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.alternates: dict[str, str] = {}
        self.jsonld: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self._script = a.get("type") or "js"
            if self._script == "application/ld+json":
                self.jsonld.append("")
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates[a["type"]] = a["href"]

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script == "application/ld+json":
            self.jsonld[-1] += data
        elif self._script is None:
            self.text.append(data)


def page(client, path: str) -> _Page:
    r = client.get(path, headers={"Accept": "text/html"})
    assert r.status_code == 200, r.data[:300]
    assert r.mimetype == "text/html"
    p = _Page()
    p.feed(r.get_data(as_text=True))
    p.body = " ".join(" ".join(p.text).split())
    return p


def _fmt_value(v) -> str:
    return f"{v:,}" if isinstance(v, (int, float)) else str(v)


def test_entity_page_without_javascript_has_names_statistics_and_sources(client, fixture_store):
    node = fixture_store.node(TONGZHOU)
    observations = fixture_store.observations_of(TONGZHOU)
    assert observations, "the fixture sub-park must have statistics for this test to mean anything"
    p = page(client, "/id/subpark/tongzhou")
    props = node["properties"]
    assert props["name_zh"] in p.body and props["name_en"] in p.body
    for o in observations:
        op = o["properties"]
        shown = _fmt_value(op["value"]) if op.get("value") is not None else op["value_text"]
        assert shown in p.body, (op, "value not in the HTML")
        for c in fixture_store.citations(o["uri"]):
            assert c["source"]["title"] in p.body
    for c in fixture_store.citations(TONGZHOU):
        assert c["source"]["title"] in p.body
    # the names of its neighbours (relations) are there too
    hood = fixture_store.neighbourhood(TONGZHOU, limit=50)
    some = [it["node"]["properties"].get("name_zh") for g in hood["groups"] if g["type"] != "DESCRIBES"
            and not fixture_store.model.relationships[g["type"]].provenance for it in g["items"]]
    assert some and all(n in p.body for n in some if n)


def test_entity_head_links_rdf_forms_and_carries_schema_org(client):
    p = page(client, "/id/subpark/tongzhou")
    for media in ("text/turtle", "application/ld+json", "text/csv"):
        assert media in p.alternates
        r = client.get(p.alternates[media])
        assert r.status_code == 200 and r.mimetype == media
    g = Graph().parse(data=client.get(p.alternates["text/turtle"]).get_data(as_text=True), format="turtle")
    assert (URIRef(TONGZHOU), None, None) in g
    (ld,) = p.jsonld
    d = json.loads(ld)
    assert d["@context"] == "https://schema.org" and d["@id"] == TONGZHOU and d["@type"] == "Organization"
    assert "通州园" in d["name"]


def test_source_page_without_javascript_lists_what_was_taken_from_it(client, fixture_store):
    (c, *_) = fixture_store.citations(TONGZHOU)
    src = fixture_store.node(c["source"]["uri"])
    path = "/id/" + src["uri"][len(BASE):]
    p = page(client, path)
    assert src["properties"]["title"] in p.body
    assert c["quote"]["text"] in p.body, "the quote taken from the source is shown on its page"
    assert json.loads(p.jsonld[0])["@type"] in ("NewsArticle", "CreativeWork")


def test_page_text_is_escaped(client, fixture_store):
    # no raw markup from data: every '<' in a name ends up as &lt; (the fixture names are plain, so check
    # the template escapes by construction: the rendered HTML has no unescaped quote text inside tags)
    r = client.get("/id/subpark/tongzhou", headers={"Accept": "text/html"}).get_data(as_text=True)
    for c in fixture_store.citations(TONGZHOU):
        assert html.escape(c["quote"]["text"], quote=False) in r


# ---------------------------------------------------------------- the ontology
def _terms() -> list[str]:
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    ns = "https://w3id.org/parkgraph/ontology#"
    return sorted({str(s)[len(ns):] for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                   for s in g.subjects(RDF.type, t) if str(s).startswith(ns)})


def test_ontology_page_lists_classes_properties_labels_and_alignments(client, fixture_store):
    p = page(client, "/ontology")
    m = fixture_store.model
    for c in m.classes.values():
        assert c.label_zh in p.body and c.label_en in p.body
    for r in m.relationships.values():
        assert r.label_zh in p.body and r.type in p.body
    assert "org:Organization" in p.body and "schema:Organization" in p.body  # alignments shown as CURIEs
    assert {"text/turtle", "application/ld+json"} <= set(p.alternates)


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld")])
def test_ontology_negotiates_rdf(client, accept, fmt):
    r = client.get("/ontology", headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == accept and "Accept" in r.headers["Vary"]
    g = Graph().parse(data=r.get_data(as_text=True), format=fmt)
    assert len(g) == len(Graph().parse(ONTOLOGY_PATH, format="turtle"))


def test_every_class_and_property_iri_dereferences(client):
    terms = _terms()
    assert len(terms) > 20
    for term in terms:
        iri = URIRef("https://w3id.org/parkgraph/ontology#" + term)
        h = client.get(f"/ontology/{term}", headers={"Accept": "text/html"})
        assert h.status_code == 200 and h.mimetype == "text/html" and f'id="{term}"' in h.get_data(as_text=True), term
        for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld")):
            r = client.get(f"/ontology/{term}", headers={"Accept": accept})
            assert r.status_code == 200 and r.mimetype == accept, (term, accept)
            g = Graph().parse(data=r.get_data(as_text=True), format=fmt)
            assert (iri, RDF.type, None) in g, (term, accept)
    assert client.get("/ontology/NoSuchTerm", headers={"Accept": "text/turtle"}).status_code == 404


def test_invisible_controls_are_spelled_out_in_server_text():
    from parkgraph.web.pages import visible
    assert visible("abc\u202etxt.exe") == "abc⟨U+202E⟩txt.exe"
    assert visible("tag\U000E0041") == "tag⟨U+E0041⟩"
    assert visible("通州园 A&B") == "通州园 A&B"


def test_every_ui_label_is_in_the_html_before_any_script_runs(client):
    """Navigation, buttons and headings carry their text in the reader's language in the HTML itself:
    a reader without JavaScript (or a crawler) sees no empty link."""
    import re
    for path in ("/", "/console", "/sparql", "/compare", "/ontology", "/id/subpark/tongzhou"):
        html = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        assert not re.findall(r'data-i18n="[a-z_.]+"></', html), path
        assert ">Explorer</a>" in html and ">Compare</a>" in html, path
    client.set_cookie("lang", "zh")
    zh = client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert ">Explorer</a>" not in zh and not re.findall(r'data-i18n="[a-z_.]+"></', zh)
