"""HTML pages. Entity, source and ontology pages carry their names, facts, statistics and sources in the
HTML itself (Jinja, autoescaped), so readers without JavaScript, search engines and citation tools see
them; the page scripts then enhance them (charts, language switch). The explorer and console are shells."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from flask import Blueprint, jsonify, render_template, request

from parkgraph.iri import relative

from .db import get_store, settings
from .views import entity_dict, info_dict

bp = Blueprint("pages", __name__)

_I18N_JS = Path(__file__).parent / "frontend" / "src" / "common" / "i18n.js"
_ENTRY = re.compile(r'^\s*"([\w.]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$')


@functools.lru_cache(maxsize=1)
def ui_strings() -> dict[str, dict[str, str]]:
    """The front end's one dictionary of UI strings (i18n.js), read so that server-rendered text is the
    same text the script later puts in (one source; no second copy to drift)."""
    out: dict[str, dict[str, str]] = {"zh": {}, "en": {}}
    lang = None
    for line in _I18N_JS.read_text(encoding="utf-8").splitlines():
        if re.match(r"^\s{2}(zh|en): \{", line):
            lang = line.strip()[:2]
            continue
        m = _ENTRY.match(line)
        if lang and m:
            out[lang][m.group(1)] = json.loads(f'"{m.group(2)}"')  # a JS string literal in double quotes is JSON
    return out


def ui_lang() -> str:
    lang = request.cookies.get("lang")
    return lang if lang in ("zh", "en") else "en"


def t(key: str, **vars) -> str:
    """A UI string in the reader's language ({var} placeholders filled), the key itself if unknown."""
    s = ui_strings()[ui_lang()].get(key) or ui_strings()["en"].get(key) or key
    for k, v in vars.items():
        s = s.replace("{" + k + "}", str(v))
    return s


def entity_path(uri: str) -> str | None:
    """The local page of an IRI minted under the base, or None (external IRIs are not ours to page)."""
    base = settings().base_iri
    if not isinstance(uri, str) or not uri.startswith(base):
        return None
    return "/id/" + relative(uri, base)


# The characters dom.js's visible() spells out (bidi overrides, zero-width and format characters, controls,
# tag characters): server-rendered text shows them the same way, so a name cannot pose as another
# before (or without) the script.
_INVISIBLE = re.compile("[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160"
                        "\u17B4\u17B5\u180B-\u180F\u200B\u200E\u200F\u2028-\u202E\u2060-\u206F\u3164"
                        "\uFE00-\uFE0E\uFEFF\uFFA0\uFFF9-\uFFFB\U000E0000-\U000E007F]")


def visible(value):
    """Every {{ }} output of the templates: strings with invisible controls spelled out (⟨U+202E⟩);
    Markup (tojson blocks) and non-strings pass unchanged."""
    from markupsafe import Markup
    if isinstance(value, str) and not isinstance(value, Markup) and _INVISIBLE.search(value):
        return _INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", value)
    return value


@bp.record_once
def _spell_out_invisible(state) -> None:
    state.app.jinja_env.finalize = visible


@bp.app_context_processor
def _template_helpers() -> dict:
    return {"t": t, "entity_path": entity_path, "page_lang": ui_lang}


def _render(template: str, page: str, **ctx):
    return render_template(template, info=info_dict(get_store(), settings(), counts=False), page=page, **ctx)


@bp.get("/")
def explorer():
    return _render("explorer.html", "explorer")


@bp.get("/console")
def console():
    return _render("console.html", "console")


@bp.get("/id/<segment>/<local>")
def entity(segment: str, local: str):
    """Every minted IRI `{base}{segment}/{id}` has a page here (HTML, JSON; RDF when the SPARQL blueprint is present)."""
    uri = settings().base_iri + f"{segment}/{local}"
    store = get_store()
    fmt = request.args.get("format")
    mt = request.accept_mimetypes.best_match(["text/html", "application/json", "application/ld+json", "text/turtle",
                                              "application/n-triples", "text/csv"], default="text/html")
    if fmt in ("ttl", "jsonld", "nt") or (fmt is None and mt in ("text/turtle", "application/ld+json", "application/n-triples")):
        from .linked_data import entity_rdf_response
        return entity_rdf_response(store, uri, fmt or mt)
    if fmt == "json" or (fmt is None and mt == "application/json"):
        return jsonify(entity_dict(store, uri))
    if fmt == "csv" or (fmt is None and mt == "text/csv"):
        from .linked_data import entity_csv_response
        return entity_csv_response(store, uri)
    if fmt in ("bib", "ris", "csl", "gbt", "ref"):
        from .linked_data import entity_cite_response
        return entity_cite_response(store, uri, fmt)
    from .linked_data import entity_page_context
    return _render("entity.html", "entity", entity_uri=uri, **entity_page_context(store, uri))


# ---------------------------------------------------------------- the ontology, published
ONTOLOGY_OFFERS = ["text/html", "text/turtle", "application/ld+json", "application/n-triples"]


def _ontology_graph(term: str | None = None):
    """The ontology as an rdflib graph; for one term its concise bounded description (its triples and
    the blank nodes they reach, such as owl:unionOf domains)."""
    from rdflib import Graph, URIRef

    from parkgraph.ontology import ONTOLOGY_PATH
    g = Graph()
    g.parse(ONTOLOGY_PATH, format="turtle")
    if term is None:
        return g
    return g.cbd(URIRef(get_store().model.ontology_iri + "#" + term))


def _ontology_rdf(term: str | None, fmt: str):
    from flask import Response

    from parkgraph.ontology import ONTOLOGY_PATH
    from parkgraph.rdf.vocab import PREFIXES
    if fmt == "ttl" and term is None:  # the file itself: its comments and order are part of the reference
        body, ctype = ONTOLOGY_PATH.read_text(encoding="utf-8"), "text/turtle; charset=utf-8"
    else:
        g = _ontology_graph(term)
        for k, v in PREFIXES.items():
            g.bind(k, v, override=True)
        rdf_fmt = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}[fmt]
        body = g.serialize(format=rdf_fmt, **({"auto_compact": True} if fmt == "jsonld" else {}))
        ctype = {"ttl": "text/turtle; charset=utf-8", "jsonld": "application/ld+json",
                 "nt": "application/n-triples; charset=utf-8"}[fmt]
    resp = Response(body, content_type=ctype)
    resp.headers["Vary"] = "Accept"
    return resp


def ontology_reference(model) -> dict:
    """What the HTML reference lists: classes, relationship types and properties with labels in both
    languages, definitions and alignments to standard vocabularies."""
    from parkgraph.rdf.vocab import PREFIXES

    def curie(iri: str) -> str:
        for k, v in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(v):
                return f"{k}:{iri[len(v):]}"
        return iri

    def local(iri: str) -> str:
        return iri.rsplit("#", 1)[-1]

    props: dict[str, dict] = {}
    for c in model.classes.values():
        for key, p in c.properties.items():
            e = props.setdefault(p.iri, {"id": local(p.iri), "iri": p.iri, "key": key, "label_zh": p.label_zh,
                                         "label_en": p.label_en, "type": p.pg_type, "lang": p.lang,
                                         "align": [curie(x) for x in (*p.super_props, *p.export_as)], "domains": []})
            e["domains"].append(c.name)
    return {
        "iri": model.ontology_iri, "version": model.version,
        "classes": [{"id": local(c.iri), "iri": c.iri, "name": c.name, "label_zh": c.label_zh, "label_en": c.label_en,
                     "definition_zh": c.definition_zh, "definition_en": c.definition_en, "segment": c.segment,
                     "align": [curie(x) for x in dict.fromkeys((*c.super_classes, *c.export_as))],
                     "properties": [local(p.iri) for k, p in c.properties.items() if k != "uri"]}
                    for c in sorted(model.classes.values(), key=lambda c: c.order)],
        "relationships": [{"id": local(r.iri), "iri": r.iri, "type": r.type, "label_zh": r.label_zh, "label_en": r.label_en,
                           "sources": list(r.sources), "targets": list(r.targets), "provenance": r.provenance,
                           "align": [curie(x) for x in dict.fromkeys((*r.super_props, *r.export_as))]}
                          for r in model.relationships.values()],
        "properties": sorted(props.values(), key=lambda p: p["id"]),
        "other": _other_terms(model, {local(c.iri) for c in model.classes.values()}
                              | {local(r.iri) for r in model.relationships.values()} | {local(p) for p in props}),
    }


@functools.lru_cache(maxsize=1)
def _ontology_file_terms() -> tuple[tuple[str, str, str, str], ...]:
    """(local name, kind, English label or comment, Chinese label) of every pg: term the file declares."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import OWL, RDF, RDFS

    from parkgraph.ontology import ONTOLOGY_PATH
    g = Graph()
    g.parse(ONTOLOGY_PATH, format="turtle")
    out = []
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for s in g.subjects(RDF.type, kind):
            if isinstance(s, URIRef) and "#" in s and str(s).startswith(str(g.namespace_manager.expand_curie("pg:"))):
                labels = {l.language: str(l) for l in g.objects(s, RDFS.label)}
                comment = next((str(c) for c in g.objects(s, RDFS.comment)), "")
                out.append((str(s).rsplit("#", 1)[-1], str(kind).rsplit("#", 1)[-1], labels.get("en") or comment, labels.get("zh", "")))
    return tuple(sorted(out))


def _other_terms(model, listed: set[str]) -> list[dict]:
    return [{"id": i, "kind": k, "label_en": en, "label_zh": zh} for i, k, en, zh in _ontology_file_terms() if i not in listed]


def _ontology_terms(model) -> set[str]:
    ref = ontology_reference(model)
    return {x["id"] for k in ("classes", "relationships", "properties", "other") for x in ref[k]}


@bp.get("/ontology")
@bp.get("/ontology/<term>")
def ontology(term: str | None = None):
    """https://w3id.org/parkgraph/ontology (and every #Term in it, and /ontology/Term): HTML for people,
    Turtle, JSON-LD and N-Triples by content negotiation or ?format=."""
    from parkgraph.errors import NotFound
    model = get_store().model
    if term is not None and term not in _ontology_terms(model):
        raise NotFound(f"the ontology has no class or property {term!r}", hint="see /ontology for the list")
    fmt = request.args.get("format")
    mt = request.accept_mimetypes.best_match(ONTOLOGY_OFFERS, default="text/html")
    if fmt in ("ttl", "jsonld", "nt"):
        return _ontology_rdf(term, fmt)
    if fmt is None and mt != "text/html":
        return _ontology_rdf(term, {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt"}[mt])
    from flask import make_response
    resp = make_response(_render("ontology.html", "ontology", ref=ontology_reference(model), term=term))
    resp.headers["Vary"] = "Accept"
    return resp


# ---------------------------------------------------------------- the dataset as a whole
@bp.get("/id/dataset")
def dataset():
    """The dataset's IRI ({base}dataset, described by VoID in every dump): how to cite it and download it."""
    import parkgraph
    from parkgraph.rdf import cite
    from flask import Response
    work = cite.dataset_work(settings().base_iri + "dataset", version=parkgraph.__version__)
    fmt = request.args.get("format")
    if fmt in cite.FORMATS:
        _, fn, media = cite.FORMATS[fmt]
        return Response(fn(work), content_type=f"{media}; charset=utf-8")
    return _render("dataset.html", "dataset", cite=cite.all_formats(work), references=[], version=parkgraph.__version__,
                   dataset_uri=settings().base_iri + "dataset")
