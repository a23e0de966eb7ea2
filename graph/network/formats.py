"""The projection as files network tools read: GraphML and GEXF (Gephi, Cytoscape desktop, yEd) through
networkx's own writers, and CSV node and edge lists.

Attributes: both names, the kind (node label), the date where a node has one; on edges the type, the
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
NODE_FIELDS = ("uri", "label", "name_zh", "name_en", "kind", "level", "date")
EDGE_FIELDS = ("uri", "source", "target", "type", "since", "quotes")


def flat(proj: Projection) -> nx.MultiDiGraph:
    """A copy with scalar attributes only, every attribute present on every element (tools need one type
    per attribute)."""
    g = nx.MultiDiGraph()
    for u, d in proj.graph.nodes(data=True):
        g.add_node(u, **{k: str(d.get(k) or "") for k in NODE_FIELDS if k != "uri"})
    for a, b, k, d in proj.graph.edges(keys=True, data=True):
        g.add_edge(a, b, key=k, type=d["type"], uri=d["uri"], since=str(d.get("since") or ""),
                   quotes=" ".join(d.get("quotes") or []))
    return g


def write(proj: Projection, fmt: str, out) -> None:
    """Write to a binary file object (`graphml`, `gexf`) or a text one (`nodes.csv`, `edges.csv`)."""
    if fmt == "graphml":
        nx.write_graphml(flat(proj), out, encoding="utf-8", prettyprint=False)
    elif fmt == "gexf":
        nx.write_gexf(flat(proj), out, encoding="utf-8", prettyprint=False, version="1.2draft")
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
        yield line(NODE_FIELDS)
        for u, d in sorted(proj.graph.nodes(data=True)):
            yield line([u, *(d.get(k) or "" for k in NODE_FIELDS[1:])])
    else:
        yield line(EDGE_FIELDS)
        for a, b, d in sorted(proj.graph.edges(data=True), key=lambda e: e[2]["uri"]):
            yield line([d["uri"], a, b, d["type"], d.get("since") or "", " ".join(d.get("quotes") or [])])


def _cell(v) -> str:
    s = str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s
