"""OpenAPI 3.1 description of the JSON API."""
from __future__ import annotations

import parkgraph

NODE = {"type": "object", "required": ["uri", "labels", "properties"],
        "properties": {"uri": {"type": "string", "format": "uri"}, "labels": {"type": "array", "items": {"type": "string"}},
                       "properties": {"type": "object"}}}
REL = {"type": "object", "required": ["uri", "type", "start", "end", "properties"],
       "properties": {"uri": {"type": ["string", "null"]}, "type": {"type": "string"}, "start": {"type": ["string", "null"]},
                      "end": {"type": ["string", "null"]}, "properties": {"type": "object"}}}
CITATION = {"type": "object", "properties": {
    "quote": {"type": "object", "properties": {"uri": {"type": "string"}, "text": {"type": "string"},
                                               "text_as_found": {"type": "string"}, "repair_note": {"type": "string"}}},
    "source": {"type": "object", "properties": {"uri": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"},
                                                "published": {"type": "string"}, "outlet": {"type": "string"}}}}}
ERROR = {"type": "object", "required": ["error", "message", "status"],
         "properties": {"error": {"type": "string"}, "message": {"type": "string"}, "status": {"type": "integer"},
                        "hint": {"type": "string"}, "position": {"type": "object", "properties": {
                            "line": {"type": "integer"}, "column": {"type": "integer"}, "offset": {"type": "integer"}}}}}


def _ok(schema_ref: str, desc: str = "OK") -> dict:
    return {"200": {"description": desc, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}},
            "default": {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}


def _q(name: str, desc: str, *, required: bool = False, schema: dict | None = None, explode_array: bool = False) -> dict:
    s = schema or {"type": "string"}
    if explode_array:
        s = {"type": "array", "items": s}
    return {"name": name, "in": "query", "required": required, "description": desc, "schema": s,
            **({"style": "form", "explode": True} if explode_array else {})}


def openapi_document() -> dict:
    doc = _document()
    from .analytics import OPENAPI_PATHS
    doc["paths"].update(OPENAPI_PATHS)
    return doc


def _document() -> dict:
    uri = _q("uri", "IRI of an entity", required=True, schema={"type": "string", "minLength": 1})
    return {
        "openapi": "3.1.0",
        "info": {"title": "ParkGraph API", "version": parkgraph.__version__,
                 "description": "Read-only JSON API over the ParkGraph knowledge graph of China's national cybersecurity industrial parks."},
        "paths": {
            "/api/info": {"get": {"summary": "Engine, dialect, limits and counts", "operationId": "info", "responses": _ok("Info")}},
            "/api/schema": {"get": {"summary": "Labels, relationship types and property keys from the ontology",
                                    "operationId": "schema", "responses": _ok("Schema")}},
            "/api/query": {"post": {"summary": "Run a read-only Cypher query (time limit, row cap)", "operationId": "query",
                                    "requestBody": {"required": True, "content": {"application/json": {"schema": {
                                        "type": "object", "required": ["query"],
                                        "properties": {"query": {"type": "string", "maxLength": 20000},
                                                       "params": {"type": "object"}}}}}},
                                    "responses": _ok("QueryResult")}},
            "/api/examples": {"get": {"summary": "Example research questions in the engine's dialect", "operationId": "examples",
                                      "responses": _ok("Examples")}},
            "/api/search": {"get": {"summary": "Find entities by Chinese or English name, alias or pinyin", "operationId": "search",
                                    "parameters": [_q("q", "search text", schema={"type": "string", "maxLength": 200}),
                                                   _q("limit", "at most this many", schema={"type": "integer", "minimum": 1, "maximum": 100}),
                                                   _q("label", "only these labels", explode_array=True)],
                                    "responses": _ok("SearchResult")}},
            "/api/node": {"get": {"summary": "One node with its sources", "operationId": "node", "parameters": [uri],
                                  "responses": _ok("NodeResult")}},
            "/api/neighbourhood": {"get": {"summary": "Neighbours grouped by relationship type and direction, with counts",
                                           "operationId": "neighbourhood",
                                           "parameters": [uri,
                                                          _q("depth", "hops", schema={"type": "integer", "minimum": 1, "maximum": 3}),
                                                          _q("limit", "neighbours per group", schema={"type": "integer", "minimum": 1, "maximum": 500}),
                                                          _q("rel", "only these relationship types", explode_array=True),
                                                          _q("label", "only neighbours with these labels", explode_array=True),
                                                          _q("offset", "page a group: TYPE:out:25", explode_array=True)],
                                           "responses": _ok("Neighbourhood")}},
            "/api/provenance": {"get": {"summary": "Quotes and sources behind a node or relationship", "operationId": "provenance",
                                        "parameters": [_q("uri", "node or relationship IRI"), _q("quote", "quote IRIs", explode_array=True)],
                                        "responses": _ok("Provenance")}},
            "/api/entity": {"get": {"summary": "Entity page data: properties, relations, statistics, sources",
                                    "operationId": "entity", "parameters": [uri], "responses": _ok("Entity")}},
            "/api/sparql/examples": {"get": {"summary": "The example research questions in SPARQL (same ids as /api/examples)",
                                              "operationId": "sparqlExamples", "responses": _ok("Examples")}},
            "/api/export": {"get": {"summary": "The whole graph as RDF, streamed, with a VoID/DCAT description",
                                    "operationId": "export",
                                    "parameters": [_q("format", "RDF syntax", schema={"type": "string", "enum": ["ttl", "nt", "nq", "jsonld"]})],
                                    "responses": {"200": {"description": "RDF", "content": {
                                        "text/turtle": {"schema": {"type": "string"}}, "application/n-triples": {"schema": {"type": "string"}},
                                        "application/n-quads": {"schema": {"type": "string"}}, "application/ld+json": {"schema": {"type": "object"}}}}}}},
            "/api/load": {"post": {"summary": "Validate and load one YAML data file (needs PARKGRAPH_WRITE_TOKEN as a Bearer token)",
                                   "operationId": "load", "security": [{"writeToken": []}],
                                   "parameters": [_q("dry_run", "validate and report, write nothing", schema={"type": "boolean"})],
                                   "requestBody": {"required": True, "content": {"application/yaml": {"schema": {"type": "string"}}}},
                                   "responses": {"200": {"description": "what was written", "content": {"application/json": {"schema": {"type": "object"}}}},
                                                 "default": {"description": "error: 401 bad token, 403 writes disabled or read-only store, 422 invalid data",
                                                             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/api/openapi.json": {"get": {"summary": "This document", "operationId": "openapi",
                                          "responses": {"200": {"description": "OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
        },
        "components": {"securitySchemes": {"writeToken": {"type": "http", "scheme": "bearer"}}, "schemas": {
            "Node": NODE, "Relationship": REL, "Citation": CITATION, "Error": ERROR,
            "Info": {"type": "object", "required": ["engine", "dialect"], "properties": {
                "engine": {"type": "string", "enum": ["ladybug", "neo4j"]}, "dialect": {"type": "string"},
                "version": {"type": ["string", "null"]}, "read_only": {"type": "boolean"}, "max_rows": {"type": "integer"},
                "query_timeout": {"type": "number"}, "base_iri": {"type": "string"}, "counts": {"type": "object"}}},
            "Schema": {"type": "object", "properties": {"labels": {"type": "array", "items": {"type": "object"}},
                                                        "rel_types": {"type": "array", "items": {"type": "object"}},
                                                        "property_keys": {"type": "array", "items": {"type": "string"}}}},
            "QueryResult": {"type": "object", "required": ["columns", "rows", "truncated"], "properties": {
                "columns": {"type": "array", "items": {"type": "string"}}, "rows": {"type": "array", "items": {"type": "array"}},
                "truncated": {"type": "boolean"}, "row_count": {"type": "integer"}, "max_rows": {"type": ["integer", "null"]},
                "elapsed_ms": {"type": "number"}, "engine": {"type": "string"}}},
            "Examples": {"type": "object", "properties": {"engine": {"type": "string"}, "examples": {"type": "array", "items": {
                "type": "object", "properties": {"id": {"type": "string"}, "title_zh": {"type": "string"}, "title_en": {"type": "string"},
                                                 "query": {"type": "string"}, "params": {"type": "object"}}}}}},
            "SearchResult": {"type": "object", "properties": {"query": {"type": "string"},
                                                              "results": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}},
            "NodeResult": {"type": "object", "properties": {"node": {"$ref": "#/components/schemas/Node"}, "label": {"type": "object"},
                                                            "provenance": {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}}}},
            "Neighbourhood": {"type": "object", "properties": {
                "center": {"$ref": "#/components/schemas/Node"},
                "groups": {"type": "array", "items": {"type": "object", "properties": {
                    "type": {"type": "string"}, "direction": {"type": "string", "enum": ["in", "out"]}, "key": {"type": "string"},
                    "total": {"type": "integer"}, "offset": {"type": "integer"}, "more": {"type": "integer"},
                    "items": {"type": "array", "items": {"type": "object", "properties": {
                        "rel": {"$ref": "#/components/schemas/Relationship"}, "node": {"$ref": "#/components/schemas/Node"}}}}}}},
                "nodes": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                "edges": {"type": "array", "items": {"$ref": "#/components/schemas/Relationship"}}}},
            "Provenance": {"type": "object", "properties": {"uri": {"type": ["string", "null"]},
                                                            "citations": {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}}}},
            "Entity": {"type": "object", "properties": {"node": {"$ref": "#/components/schemas/Node"}, "label": {"type": "object"},
                                                        "provenance": {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}},
                                                        "relations": {"type": "array", "items": {"type": "object"}},
                                                        "observations": {"type": "array", "items": {"type": "object"}}}},
        }},
    }
