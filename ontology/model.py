"""Parse parkgraph.ttl and shapes.ttl into plain Python definitions."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "parkgraph.ttl"
SHAPES_PATH = HERE / "shapes.ttl"
PG = Namespace("https://w3id.org/parkgraph/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")

PG_TYPES = ("string", "string_list", "float", "boolean", "date")


@dataclass(frozen=True)
class PropDef:
    key: str
    iri: str
    pg_type: str
    label_zh: str
    label_en: str
    lang: str | None = None
    searchable: bool = False
    derived: bool = False
    index_only: bool = False  # stored for the engines' indexes (search_keys): not exported, not shown
    export_as: tuple[str, ...] = ()
    super_props: tuple[str, ...] = ()
    date_part: str | None = None  # on <date>_precision/_text/_end: the key of the date it belongs to


@dataclass(frozen=True)
class Constraint:
    """What the shapes say about one property of one class."""
    required: bool = False
    max_count: int | None = None
    allowed: tuple[str, ...] = ()
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    message: str | None = None


@dataclass
class ClassDef:
    name: str  # node label in the property graph
    iri: str
    segment: str
    collection: str
    label_zh: str
    label_en: str
    definition_zh: str
    definition_en: str
    color: str
    order: int
    super_classes: tuple[str, ...]
    export_as: tuple[str, ...] = ()
    properties: dict[str, PropDef] = field(default_factory=dict)
    constraints: dict[str, Constraint] = field(default_factory=dict)
    needs_citation: bool = False


@dataclass(frozen=True)
class RelDef:
    type: str
    iri: str
    label_zh: str
    label_en: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    provenance: bool = False
    super_props: tuple[str, ...] = ()
    export_as: tuple[str, ...] = ()

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(a, b) for a in self.sources for b in self.targets]


@dataclass
class Model:
    classes: dict[str, ClassDef]
    relationships: dict[str, RelDef]
    rel_properties: dict[str, PropDef]
    ontology_iri: str
    version: str
    # property key → allowed value → {"zh", "en"[, "zh_placement", "en_placement"]}: the labels of
    # every value a shape allows (skos:Concepts with pg:valueOf in parkgraph.ttl)
    value_labels: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def by_segment(self, segment: str) -> ClassDef | None:
        return next((c for c in self.classes.values() if c.segment == segment), None)

    def by_collection(self, collection: str) -> ClassDef | None:
        return next((c for c in self.classes.values() if c.collection == collection), None)

    @property
    def labels(self) -> list[str]:
        return list(self.classes)

    @property
    def rel_types(self) -> list[str]:
        return list(self.relationships)

    def all_property_keys(self) -> list[str]:
        keys: dict[str, None] = {}
        for c in self.classes.values():
            keys.update(dict.fromkeys(c.properties))
        keys.update(dict.fromkeys(self.rel_properties))
        return list(keys)

    def date_keys(self, props: dict[str, PropDef]) -> list[str]:
        """The date properties among `props` that have companions (precision, text, end)."""
        return [k for k, p in props.items() if p.pg_type == "date" and p.date_part is None]

    def searchable_keys(self, label: str) -> list[str]:
        return [k for k, p in self.classes[label].properties.items() if p.searchable]


def _lit(g: Graph, s, p, lang: str | None = None) -> str | None:
    for o in g.objects(s, p):
        if isinstance(o, Literal) and (lang is None or o.language == lang):
            return str(o)
    return None


def _union(g: Graph, node) -> list:
    if node is None:
        return []
    if isinstance(node, URIRef):
        return [node]
    lst = g.value(node, OWL.unionOf)
    return list(Collection(g, lst)) if lst is not None else []


def _local(iri) -> str:
    return str(iri).split("#")[-1]


@functools.lru_cache(maxsize=1)
def load_model() -> Model:
    g = Graph()
    g.parse(ONTOLOGY_PATH, format="turtle")
    shapes = Graph()
    shapes.parse(SHAPES_PATH, format="turtle")

    classes: dict[str, ClassDef] = {}
    for c in g.subjects(RDF.type, OWL.Class):
        label = _lit(g, c, PG.nodeLabel)
        if not label:
            continue
        classes[label] = ClassDef(
            name=label, iri=str(c),
            segment=_lit(g, c, PG.iriSegment), collection=_lit(g, c, PG.collection),
            label_zh=_lit(g, c, RDFS.label, "zh"), label_en=_lit(g, c, RDFS.label, "en"),
            definition_zh=_lit(g, c, SKOS.definition, "zh") or "",
            definition_en=_lit(g, c, SKOS.definition, "en") or "",
            color=_lit(g, c, PG.color) or "#999999", order=int(_lit(g, c, PG.displayOrder) or 99),
            super_classes=tuple(str(s) for s in g.objects(c, RDFS.subClassOf)),
            export_as=tuple(sorted(str(o) for o in g.objects(c, PG.exportAs))),
        )
    classes = dict(sorted(classes.items(), key=lambda kv: kv[1].order))
    iri_to_label = {c.iri: c.name for c in classes.values()}

    rel_properties: dict[str, PropDef] = {}
    for p in g.subjects(RDF.type, OWL.DatatypeProperty):
        key = _lit(g, p, PG.key)
        pg_type = _lit(g, p, PG.pgType)
        if pg_type not in PG_TYPES:
            raise ValueError(f"{ONTOLOGY_PATH}: {p} has unknown pg:pgType {pg_type!r}")
        prop = PropDef(
            key=key, iri=str(p), pg_type=pg_type,
            label_zh=_lit(g, p, RDFS.label, "zh"), label_en=_lit(g, p, RDFS.label, "en"),
            lang=_lit(g, p, PG.langTag), searchable=_lit(g, p, PG.searchable) == "true",
            derived=_lit(g, p, PG.derived) == "true", index_only=_lit(g, p, PG.indexOnly) == "true",
            export_as=tuple(sorted(str(o) for o in g.objects(p, PG.exportAs))),
            super_props=tuple(str(o) for o in g.objects(p, RDFS.subPropertyOf)),
            date_part=_local(g.value(p, PG.datePart)) if g.value(p, PG.datePart) is not None else None,
        )
        domain = [str(d) for d in _union(g, g.value(p, RDFS.domain))]
        if str(PG.Statement) in domain:
            rel_properties[key] = prop
            continue
        targets = [iri_to_label[d] for d in domain] if domain else list(classes)
        for t in targets:
            classes[t].properties[key] = prop
        if not domain and key in ("uri", "note_zh", "note_en"):
            rel_properties[key] = prop
    first = ("uri", "role_zh", "role_en", "since", "quotes", "note_zh", "note_en")
    rel_properties = {k: rel_properties[k] for k in first if k in rel_properties} | dict(sorted(rel_properties.items()))

    relationships: dict[str, RelDef] = {}
    for p in g.subjects(RDF.type, OWL.ObjectProperty):
        rtype = _lit(g, p, PG.relType)
        if not rtype:
            continue
        relationships[rtype] = RelDef(
            type=rtype, iri=str(p),
            label_zh=_lit(g, p, RDFS.label, "zh"), label_en=_lit(g, p, RDFS.label, "en"),
            sources=tuple(iri_to_label[str(d)] for d in _union(g, g.value(p, RDFS.domain))),
            targets=tuple(iri_to_label[str(d)] for d in _union(g, g.value(p, RDFS.range))),
            provenance=_lit(g, p, PG.provenance) == "true",
            super_props=tuple(str(o) for o in g.objects(p, RDFS.subPropertyOf)),
            export_as=tuple(sorted(str(o) for o in g.objects(p, PG.exportAs))),
        )
    relationships = dict(sorted(relationships.items()))
    derived_from = next((r for r in relationships.values() if r.iri == str(PG.derivedFrom)), None)
    for c in classes.values():
        c.needs_citation = derived_from is not None and c.name in derived_from.sources

    _read_shapes(shapes, classes, iri_to_label)
    onto = next(g.subjects(RDF.type, OWL.Ontology))
    return Model(classes=classes, relationships=relationships, rel_properties=rel_properties,
                 ontology_iri=str(onto), version=_lit(g, onto, OWL.versionInfo) or "0",
                 value_labels=_value_labels(g))


def _value_labels(g: Graph) -> dict[str, dict[str, dict[str, str]]]:
    out: dict[str, dict[str, dict[str, str]]] = {}
    for c in g.subjects(PG.valueOf, None, unique=True):
        code = _lit(g, c, SKOS.notation)
        entry = {"zh": _lit(g, c, SKOS.prefLabel, "zh") or code, "en": _lit(g, c, SKOS.prefLabel, "en") or code}
        for side in ("zh", "en"):
            place = _lit(g, c, PG[f"{side}Placement"])
            if place:
                entry[f"{side}_placement"] = place
        for p in g.objects(c, PG.valueOf):
            out.setdefault(_local(p), {})[code] = entry
    return {k: dict(sorted(v.items())) for k, v in sorted(out.items())}


def _read_shapes(shapes: Graph, classes: dict[str, ClassDef], iri_to_label: dict[str, str]) -> None:
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        targets = [iri_to_label[str(t)] for t in shapes.objects(shape, SH.targetClass) if str(t) in iri_to_label]
        for ps in shapes.objects(shape, SH.property):
            path = shapes.value(ps, SH.path)
            key = _local(path) if str(path).startswith(str(PG)) else None
            if key is None:
                continue
            allowed_node = shapes.value(ps, getattr(SH, "in"))
            allowed = tuple(str(x) for x in Collection(shapes, allowed_node)) if allowed_node is not None else ()
            min_count = shapes.value(ps, SH.minCount)
            max_count = shapes.value(ps, SH.maxCount)
            pattern = shapes.value(ps, SH.pattern)
            min_len = shapes.value(ps, SH.minLength)
            max_len = shapes.value(ps, SH.maxLength)
            msg = shapes.value(ps, SH.message)
            for t in targets:
                classes[t].constraints[key] = Constraint(
                    required=min_count is not None and int(min_count) >= 1,
                    max_count=int(max_count) if max_count is not None else None,
                    allowed=allowed, pattern=str(pattern) if pattern is not None else None,
                    min_length=int(min_len) if min_len is not None else None,
                    max_length=int(max_len) if max_len is not None else None,
                    message=str(msg) if msg is not None else None,
                )
