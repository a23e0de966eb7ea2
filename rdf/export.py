"""Stream the whole graph as RDF, with a VoID/DCAT description of the dump at the end."""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
from typing import TextIO

import parkgraph
from parkgraph.graph import GraphStore
from parkgraph.iri import DEFAULT_BASE

from .mapping import IRI, Lit, Mapper
from .writers import WRITERS


def bundled_data_version() -> str | None:
    """The release of the bundled data (data/VERSION), which the VoID/DCAT description carries."""
    from parkgraph.data import DATA_DIR
    from parkgraph.loaders.diff import data_version
    return data_version(DATA_DIR)


def export(store: GraphStore, fh: TextIO, fmt: str = "ttl", base_iri: str | None = None, *,
           issued: str | None = None, page: int = 5000, data_version: str | None = None,
           with_ontology: bool = True) -> int:
    """Write every node and relationship, then the ontology; return the number of triples written
    (description included). `data_version`: the release of the data in the graph (default: the
    bundled data's VERSION)."""
    base = base_iri or DEFAULT_BASE
    mapper = Mapper(store.model, base)
    writer = WRITERS[fmt](fh, graph=str(mapper.dataset) if fmt == "nq" else None)
    writer.start()
    entities = 0
    # export_nodes/export_relationships: the same rows as iter_nodes/iter_relationships, read in
    # large pages with properties and endpoints by name (no per-row conversions or endpoint lookups)
    # closing(): a reader holds temporary files until it is closed, also when the export stops early
    for label in store.model.labels:
        with contextlib.closing(store.export_nodes(label, page=max(page, 20000))) as nodes:
            for node in nodes:
                writer.block(mapper.node(node))
                entities += 1
    for rtype in store.model.rel_types:
        with contextlib.closing(store.export_relationships(rtype, page=max(page, 20000))) as rels:
            for rel in rels:
                writer.block(mapper.relationship(rtype, rel))
    if with_ontology:
        # the dump carries the model, so questions over classes and relationship types (pg:nodeLabel,
        # pg:relType) answer on the dump exactly as on /sparql, whose snapshot loads the ontology too
        for block in ontology_blocks():
            writer.block(block)
    data_triples = writer.count
    writer.block(mapper.description(data_triples, entities, issued or dt.date.today().isoformat(), parkgraph.__version__,
                                    data_version or bundled_data_version()))
    writer.end()
    return writer.count


def export_entity(store: GraphStore, uri: str, fh: TextIO, fmt: str, base_iri: str) -> int:
    """One entity: its own triples, the statements it takes part in, and the quotes and sources behind them."""
    mapper = Mapper(store.model, base_iri)
    writer = WRITERS[fmt](fh)
    writer.start()
    node = store.node(uri)
    writer.block(mapper.node(node))
    quote_uris: list[str] = []
    hood = store.neighbourhood(uri, limit=1000)
    for g in hood["groups"]:
        for it in g["items"]:
            rel = it["rel"]
            writer.block(mapper.relationship(g["type"], rel))
            quote_uris += rel["properties"].get("quotes") or []
            if g["type"] == "DERIVED_FROM":
                quote_uris.append(it["node"]["uri"])
    for c in store.quote_citations(list(dict.fromkeys(quote_uris))):
        q, s = store.node(c["quote"]["uri"]), store.node(c["source"]["uri"])
        writer.block(mapper.node(q))
        writer.block(mapper.relationship("QUOTED_FROM", {"uri": None, "start": q["uri"], "end": s["uri"], "properties": {}}))
        writer.block(mapper.node(s))
    writer.end()
    return writer.count


@functools.lru_cache(maxsize=1)
def ontology_blocks() -> tuple[tuple[tuple, ...], ...]:
    """The ontology's triples (ontology/parkgraph.ttl), one block per subject, in the writers' terms.
    Read once (a few hundred triples). Its blank nodes (owl:unionOf domains) get skolem IRIs named by a
    hash of their content, so the same ontology gives the same dump, and writers need no blank-node case."""
    import hashlib

    from rdflib import BNode, Graph, Literal

    from parkgraph.ontology import ONTOLOGY_PATH
    g = Graph()
    g.parse(ONTOLOGY_PATH, format="turtle")
    memo: dict = {}

    def canon(b: BNode) -> str:
        if b not in memo:
            parts = sorted(f"{p} {canon(o) if isinstance(o, BNode) else o.n3()}" for p, o in g.predicate_objects(b))
            memo[b] = hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]
        return memo[b]

    def name(t) -> str:
        return f"{ONTOLOGY_GENID}{canon(t)}" if isinstance(t, BNode) else str(t)

    by_subject: dict[str, list[tuple]] = {}
    for s, p, o in g:
        term = Lit(str(o), o.language, str(o.datatype) if o.datatype else None) if isinstance(o, Literal) else IRI(name(o))
        by_subject.setdefault(name(s), []).append((name(s), str(p), term))
    # equal structures (the same owl:unionOf list under two properties) share one name: write each triple once
    return tuple(tuple(sorted(set(by_subject[k]), key=lambda t: (t[1], repr(t[2])))) for k in sorted(by_subject))


ONTOLOGY_GENID = "https://w3id.org/parkgraph/ontology/.well-known/genid/"
