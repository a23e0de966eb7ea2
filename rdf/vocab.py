"""Vocabularies as rdflib DefinedNamespace classes (rdflib's habit), plus plain prefixes for writers."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace, DCAT, DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, VOID, XSD


class PGO(DefinedNamespace):
    """The ParkGraph ontology namespace."""
    _NS = Namespace("https://w3id.org/parkgraph/ontology#")
    _fail = False  # properties and classes come from parkgraph.ttl; the Python side does not list them twice
    Statement: URIRef
    derivedFrom: URIRef
    quotedFrom: URIRef
    describes: URIRef


SDMX_ATTR = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

PREFIXES: dict[str, str] = {
    "pg": str(PGO._NS), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL), "skos": str(SKOS),
    "prov": str(PROV), "qb": str(QB), "dct": str(DCTERMS), "dcat": str(DCAT), "void": str(VOID), "org": str(ORG),
    "schema": str(SCHEMA), "eli": str(ELI), "sdmx-attribute": str(SDMX_ATTR),
}
