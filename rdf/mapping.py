"""Property graph → RDF triples, driven by the ontology.

Nodes become resources typed with their ontology class (plus the standard classes the ontology marks
with pg:exportAs); properties become pg: literals with their language tag or datatype; names are also
rdfs:label / skos:prefLabel. Every domain relationship is a direct triple AND a pg:Statement node
(rdf:subject/predicate/object) carrying role, date and prov:wasDerivedFrom its quotes — reification
that rdflib and pySHACL read, unlike RDF-star.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from parkgraph.ontology import Model

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
QB_DATASET = "http://purl.org/linked-data/cube#dataSet"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"


class IRI(str):
    __slots__ = ()


class Lit(NamedTuple):
    lex: str
    lang: str | None = None
    datatype: str | None = None


Triple = tuple[str, str, "IRI | Lit"]


def date_literal(v) -> Lit:
    """One xsd:date for every date, whatever its precision: the first day of the period (2022-05 is
    2022-05-01), so that `FILTER(?d < "2021-01-01"^^xsd:date)` compares every value. How much of it
    the source gave is the companion `pg:<key>_precision` ("year", "month", "day"), as Wikidata
    keeps a time value and its precision apart. `v`: a date object of either engine or ISO text."""
    text = v.iso_format() if hasattr(v, "iso_format") else v.isoformat() if hasattr(v, "isoformat") else str(v)
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    return Lit(text[:10], None, XSD + "date")


class Mapper:
    def __init__(self, model: Model, base_iri: str):
        self.m = model
        self.base = base_iri
        self.dataset = IRI(base_iri + "dataset")
        self.onto = model.ontology_iri + "#"
        self.rel_iri = {t: r.iri for t, r in model.relationships.items()}

    def literals(self, pg_type: str, lang: str | None, value) -> Iterator[Lit]:
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is None:
                continue
            if pg_type == "float":
                yield Lit(repr(float(v)), None, XSD + "double")
            elif pg_type == "boolean":
                yield Lit("true" if v else "false", None, XSD + "boolean")
            elif pg_type == "date":
                yield date_literal(v)
            else:
                yield Lit(str(v), lang, None)

    def node(self, node: dict) -> Iterator[Triple]:
        label = node["labels"][0]
        cls = self.m.classes[label]
        s = node["uri"]
        yield s, RDF_TYPE, IRI(cls.iri)
        for extra in cls.export_as:
            yield s, RDF_TYPE, IRI(extra)
        props = node["properties"]
        for key, prop in cls.properties.items():
            if key == "uri" or key not in props or prop.index_only:
                continue
            for lit in self.literals(prop.pg_type, prop.lang, props[key]):
                yield s, prop.iri, lit
                for extra in prop.export_as:
                    yield s, extra, lit
                if key in ("name_zh", "name_en"):
                    yield s, SKOS_PREF, lit
        if label == "Observation":
            yield s, QB_DATASET, IRI(self.base + "dataset/statistics")

    def relationship(self, rtype: str, rel: dict) -> Iterator[Triple]:
        r = self.m.relationships[rtype]
        s, o = rel["start"], IRI(rel["end"])
        yield s, r.iri, o
        for extra in r.export_as:
            yield s, extra, o
        if r.provenance:
            return
        st = rel["uri"]
        props = rel["properties"]
        yield st, RDF_TYPE, IRI(self.onto + "Statement")
        yield st, RDF_TYPE, IRI(RDF_NS + "Statement")
        yield st, RDF_NS + "subject", IRI(s)
        yield st, RDF_NS + "predicate", IRI(r.iri)
        yield st, RDF_NS + "object", o
        for q in props.get("quotes") or []:
            yield st, self.onto + "derivedFrom", IRI(q)
            yield st, PROV_DERIVED, IRI(q)
        for key, prop in self.m.rel_properties.items():
            if key not in ("uri", "quotes") and props.get(key) is not None:
                for lit in self.literals(prop.pg_type, prop.lang, props[key]):
                    yield st, prop.iri, lit

    def description(self, triples: int, entities: int, issued: str, version: str,
                    data_version: str | None = None) -> Iterator[Triple]:
        """VoID/DCAT: owl:versionInfo is the software that wrote the dump, dcat:version the release of
        the data (data/VERSION; `parkgraph diff` lists what changed between two releases)."""
        d = self.dataset
        dct, void, dcat = "http://purl.org/dc/terms/", "http://rdfs.org/ns/void#", "http://www.w3.org/ns/dcat#"
        yield d, RDF_TYPE, IRI(void + "Dataset")
        yield d, RDF_TYPE, IRI(dcat + "Dataset")
        yield d, dct + "title", Lit("ParkGraph: China's national cybersecurity industrial parks", "en")
        yield d, dct + "title", Lit("国家网络安全产业园区知识图谱", "zh")
        yield d, dct + "description", Lit("Parks, sub-parks, enterprises, institutions, talent programmes, policies, "
                                          "government bodies and dated statistics; every fact with its source and quote.", "en")
        yield d, dct + "license", IRI("https://creativecommons.org/licenses/by/4.0/")
        yield d, dct + "issued", Lit(issued, None, XSD + "date")
        yield d, "http://www.w3.org/2002/07/owl#versionInfo", Lit(version)
        if data_version:
            yield d, dcat + "version", Lit(data_version)
        yield d, void + "triples", Lit(str(triples), None, XSD + "integer")
        yield d, void + "entities", Lit(str(entities), None, XSD + "integer")
        yield d, void + "uriSpace", Lit(self.base)
        yield d, void + "vocabulary", IRI(self.m.ontology_iri)
        yield d, dct + "conformsTo", IRI(self.m.ontology_iri)
        stats = IRI(self.base + "dataset/statistics")
        yield stats, RDF_TYPE, IRI("http://purl.org/linked-data/cube#DataSet")
        yield stats, dct + "title", Lit("Dated statistics of the parks", "en")
        yield stats, dct + "isPartOf", d
