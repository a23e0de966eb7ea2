"""Neo4j's schema procedures on the embedded engine: db.labels(), db.relationshipTypes() and
db.schema.visualization(), which LadybugDB lacks, printed as queries that give Neo4j's answer."""
from __future__ import annotations

from typing import Any

from .render import kind

_PROCS = {"db.labels": ("NODE", "label"), "db.relationshiptypes": ("REL", "relationshipType")}
SCHEMA_VIS = "db.schema.visualization"


def procedure(node, r: Any) -> str | None:  # r: the _Translator (in_use)
    name = node.invocationName().getText().lower()
    if name == SCHEMA_VIS:
        if kind(node) == "StandaloneCall":
            return None  # the rule of its own, schema_visualization
        r.refuse(node, "db.schema.visualization() is translated as a call on its own only",
                 "CALL db.schema.visualization() on its own (graph view), or db.labels() / db.relationshipTypes()")
    if name not in _PROCS:
        r.refuse(node, f"the procedure {node.invocationName().getText()}() does not exist on the embedded engine",
                 "CALL show_tables() RETURN * lists tables; db.labels(), db.relationshipTypes() and "
                 "db.schema.visualization() are translated")
    table_type, column = _PROCS[name]
    # Neo4j lists the labels/types in use: the tables that hold at least one row.
    in_use = [t for t in r.in_use(table_type)]
    listing = f"UNWIND {in_use!r} AS {column}"
    yields = node.yieldItems() if hasattr(node, "yieldItems") else None
    if kind(node) == "StandaloneCall":
        if node.MULT() is None and yields is None:
            return f"{listing} RETURN {column}"
        if node.MULT() is not None:
            return f"{listing} RETURN {column}"
    if yields is None:
        return listing
    items = yields.yieldItem()
    out = listing
    for it in items:
        syms = it.symbol()
        src_name = syms[0].getText()
        if src_name != column:
            r.refuse(it, f"{node.invocationName().getText()}() yields `{column}` only", f"YIELD {column}")
        if len(syms) == 2:
            out += f" WITH {column} AS {syms[1].getText()}"
    if yields.where() is not None:
        out += f" WITH * WHERE {r.render(yields.where().expression())}"
    if kind(node) == "StandaloneCall":
        out += " RETURN *"
    return out


def schema_visualization(node, r: Any) -> str | None:
    """One row, `nodes` and `relationships`, as Neo4j gives it: a node per label (the ontology's
    classes, which the schema's constraints put in Neo4j's token store) and, per relationship type,
    one relationship from every label that starts one of that type to every label that ends one
    (Neo4j reads both counts from its count store and pairs them, even where no such pair exists).
    The query collects the distinct (start, type, end) label triples; postprocess_schema pairs them."""
    if node.invocationName().getText().lower() != SCHEMA_VIS:
        return None
    if node.yieldItems() is not None and node.MULT() is None:
        r.refuse(node, "db.schema.visualization() is translated as a call on its own only",
                 "CALL db.schema.visualization() on its own (graph view), or db.labels() / db.relationshipTypes()")
    r.postprocess[0] = "schema_nodes"
    r.postprocess[1] = "schema_relationships"
    r.notes.append("db.schema.visualization(): nodes carry the label's name only; indexes and constraints "
                   "are Neo4j's own")
    labels = list(r.in_use("NODE"))
    return (f"OPTIONAL MATCH (a)-[r]->(b) RETURN {labels!r} AS nodes, "
            f"collect(DISTINCT label(a) + ' ' + label(r) + ' ' + label(b)) AS relationships")


def postprocess_schema(row: list[Any], how: str, i: int, iri_of) -> None:
    """Turn the translated query's cells into nodes and relationships shaped as every other
    answer's; a label's node has its ontology class IRI as `uri` (stable, never an internal id)."""
    v = row[i] if i < len(row) else None
    if how == "schema_nodes" and isinstance(v, list):
        row[i] = [{"uri": iri_of(lb), "labels": [lb], "properties": {"name": lb}} for lb in v]
    elif how == "schema_relationships" and isinstance(v, list):
        starts: dict[str, set[str]] = {}
        ends: dict[str, set[str]] = {}
        for triple in v:
            a, t, b = triple.split(" ")
            starts.setdefault(t, set()).add(a)
            ends.setdefault(t, set()).add(b)
        row[i] = [{"uri": None, "type": t, "start": iri_of(a), "end": iri_of(b), "properties": {}}
                  for t in sorted(starts) for a in sorted(starts[t]) for b in sorted(ends[t])]
