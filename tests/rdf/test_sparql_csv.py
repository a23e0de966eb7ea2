"""SPARQL CSV answers carry plain values: a formula in the data must not run in a spreadsheet."""
from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from parkgraph.rdf.sparql_formats import serialize_solutions


@pytest.mark.parametrize("value, cell", [("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("@SUM(A1)", "'@SUM(A1)"),
                                         ("-5", "-5"), ("+3.5e2", "+3.5e2"), ("-x", "'-x"), ("长沙", "长沙")])
def test_csv_cells_are_neutralised_and_numbers_kept(value, cell):
    st = ox.Store()
    st.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal(value)))
    body, truncated = serialize_solutions(st.query("SELECT ?o WHERE { ?s ?p ?o }"), ox.QueryResultsFormat.CSV, 10)
    rows = list(csv.reader(io.StringIO(body.decode(), newline="")))
    assert rows == [["o"], [cell]] and not truncated
    assert body.endswith(b"\r\n")
