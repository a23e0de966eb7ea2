"""The projection as files network tools read: GraphML and GEXF (Gephi, Cytoscape desktop, yEd) through
networkx's own writers, and CSV node and edge lists.

Attributes: both names, the kind (node label), the date where a node has one; on edges the type (`rel_type`: GEXF reserves `type` for directed/undirected), the
relationship's uri, `since` and its sources (quote uris, space-separated: GraphML and GEXF attributes
are scalars)."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import networkx as nx

from .projection import Projection

FORMATS = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "nodes.csv": "text/csv",
           "edges.csv": "text/csv"}
# In GraphML and GEXF `label` is what a tool shows on the node: the name. The node's class goes in
# `node_class`.
FILE_NODE_FIELDS = ("label", "node_class", "name_zh", "name_en", "kind", "level", "date")
# CSV headers as Gephi's spreadsheet import reads them (Id, Label; Source, Target, Type = Directed)
CSV_NODE_FIELDS = ("Id", "Label", "node_class", "name_zh", "name_en", "kind", "level", "date")
CSV_EDGE_FIELDS = ("Source", "Target", "Type", "Id", "rel_type", "since", "quotes")


def flat(proj: Projection) -> nx.MultiDiGraph:
    """A copy with scalar attributes only, every attribute present on every element (tools need one type
    per attribute)."""
    g = nx.MultiDiGraph()
    for u, d in proj.graph.nodes(data=True):
        shown = {"label": d.get("name_zh") or d.get("name_en") or u, "node_class": d["label"]}
        g.add_node(u, **{k: str(shown.get(k, d.get(k)) or "") for k in FILE_NODE_FIELDS})
    for a, b, k, d in proj.graph.edges(keys=True, data=True):
        g.add_edge(a, b, key=k, rel_type=d["type"], uri=d["uri"], since=str(d.get("since") or ""),
                   quotes=" ".join(d.get("quotes") or []))
    return g


def write(proj: Projection, fmt: str, out) -> None:
    """Write to a binary file object (`graphml`, `gexf`) or a text one (`nodes.csv`, `edges.csv`)."""
    if fmt == "graphml":
        nx.write_graphml(flat(proj), out, encoding="utf-8", prettyprint=False)
    elif fmt == "gexf":
        # networkx's writer, less the graph's empty `name` attribute that the GEXF 1.2draft schema
        # does not allow (tests/graph/test_network.py validates against the schema)
        writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=False, version="1.2draft")
        writer.add_graph(flat(proj))
        for el in writer.xml.iter("graph"):
            el.attrib.pop("name", None)
        writer.write(out)
    elif fmt in ("nodes.csv", "edges.csv"):
        for line in csv_lines(proj, fmt):
            out.write(line)
    else:
        raise ValueError(f"unknown network format {fmt!r}; one of {', '.join(FORMATS)}")


def csv_lines(proj: Projection, fmt: str) -> Iterator[str]:
    """CSV rows one at a time (a spreadsheet formula in a name is neutralised with a leading ')."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")

    def line(values) -> str:
        buf.seek(0)
        buf.truncate()
        w.writerow([_cell(v) for v in values])
        return buf.getvalue()

    if fmt == "nodes.csv":
        yield line(CSV_NODE_FIELDS)
        for u, d in sorted(proj.graph.nodes(data=True)):
            yield line([u, d.get("name_zh") or d.get("name_en") or u, d["label"],
                        *(d.get(k) or "" for k in ("name_zh", "name_en", "kind", "level", "date"))])
    else:
        yield line(CSV_EDGE_FIELDS)
        for a, b, d in sorted(proj.graph.edges(data=True), key=lambda e: e[2]["uri"]):
            yield line([a, b, "Directed", d["uri"], d["type"], d.get("since") or "", " ".join(d.get("quotes") or [])])


def _cell(v) -> str:
    s = str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s
