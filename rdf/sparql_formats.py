"""Answer formats of the SPARQL endpoint: the media types offered for each query form, content
negotiation, and the serialization — all by pyoxigraph's own writers (results: JSON, XML, CSV, TSV;
graphs: Turtle, N-Triples, JSON-LD, RDF/XML) and werkzeug's Accept parser (q-values, wildcards,
q=0 as "not acceptable"), never by hand-written code."""
from __future__ import annotations

import csv
import io

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

# imported with this module, before a worker's sandbox closes: a lazy import there cannot read the file
from parkgraph.csvsafe import cell

from .vocab import PREFIXES

# media type offered -> (pyoxigraph format, Content-Type sent); the first entry is the default. The
# Content-Type is the type the client accepted: one that refused sparql-results+json (q=0) but takes
# application/json gets the same JSON labelled application/json.
RESULT_TYPES: dict[str, tuple[ox.QueryResultsFormat, str]] = {
    "application/sparql-results+json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/json": (ox.QueryResultsFormat.JSON, "application/json"),
    "application/sparql-results+xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "application/xml": (ox.QueryResultsFormat.XML, "application/xml"),
    "text/csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_TYPES: dict[str, tuple[ox.RdfFormat, str]] = {
    "text/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "application/ld+json": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}


class NotAcceptable(Exception):
    """No offered format is acceptable to the client (406)."""


def negotiate(accept: str | None, form: str):
    """(pyoxigraph format, Content-Type) for a query form and an Accept header.

    No header (or one with nothing readable in it) means any format: the first offer. A type with
    q=0 is never chosen."""
    table = GRAPH_TYPES if form in ("construct", "describe") else RESULT_TYPES
    parsed = parse_accept_header(accept or "", MIMEAccept)
    if not parsed:
        return next(iter(table.values()))
    best = parsed.best_match(list(table))
    if best is None:
        raise NotAcceptable(f"none of the accepted types ({accept[:200]}) can carry the answer to a {form.upper()} query; "
                            f"this endpoint offers {', '.join(table)}")
    return table[best]


def serialize_solutions(result: ox.QuerySolutions, fmt: ox.QueryResultsFormat, max_rows: int) -> tuple[bytes, bool]:
    """The first `max_rows` solutions in `fmt`; (body, truncated).

    pyoxigraph serializes a whole result stream and has no row cap, so the first rows are taken,
    written as SPARQL TSV whose cells are pyoxigraph's own term syntax (`str(term)`: escaped, typed,
    language-tagged), read back with `parse_query_results` and serialized by pyoxigraph in the
    negotiated format: every byte of the answer comes from pyoxigraph's writers."""
    names = [v.value for v in result.variables]
    lines = ["\t".join("?" + n for n in names)]
    truncated = False
    for i, sol in enumerate(result):
        if i >= max_rows:
            truncated = True
            break
        lines.append("\t".join("" if sol[n] is None else str(sol[n]) for n in names))
    tsv = ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == ox.QueryResultsFormat.TSV:
        return tsv, truncated  # every TSV cell is RDF term syntax ("…", <…>, _:…): never a formula
    body = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV).serialize(format=fmt)
    if fmt == ox.QueryResultsFormat.CSV:
        body = _neutralised_csv(body)
    return body, truncated


def _neutralised_csv(body: bytes) -> bytes:
    """SPARQL CSV carries plain values, so `=cmd|…` in the data would run in a spreadsheet: each cell
    goes through parkgraph.csvsafe (the rule the console's and the CLI's CSV use)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")  # SPARQL 1.1 CSV: CRLF line ends
    for row in csv.reader(io.StringIO(body.decode("utf-8"), newline="")):
        w.writerow([cell(v) for v in row])
    return out.getvalue().encode("utf-8")


def serialize_boolean(result: ox.QueryBoolean, fmt: ox.QueryResultsFormat) -> bytes:
    return result.serialize(format=fmt)


def serialize_triples(result: ox.QueryTriples, fmt: ox.RdfFormat, max_triples: int) -> tuple[bytes, bool]:
    triples: list = []
    truncated = False
    for t in result:
        if len(triples) >= max_triples:
            truncated = True
            break
        triples.append(t)
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        return ox.serialize(triples, format=fmt, prefixes=dict(PREFIXES)), truncated
    return ox.serialize(triples, format=fmt), truncated
