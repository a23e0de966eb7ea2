"""CALL db.schema.visualization() on the embedded engine, with Neo4j 5.26's answer as the oracle:
a node per label, and per relationship type one relationship from every label that starts one to
every label that ends one (Neo4j pairs its count store's two counts, so pairs with no data appear)."""
from __future__ import annotations

from parkgraph.graph.dialect import translate
from parkgraph.ontology import load_model

from .compare import OWNER_LABEL

QUERY = "CALL db.schema.visualization()"


def _triples(rows) -> list[tuple]:
    return sorted((r["start"], r["type"], r["end"]) for r in rows)


def test_schema_visualization_is_neo4j_answer(engines):
    lb, n4 = engines
    want = n4.console_read(QUERY)
    got = lb.console_read(QUERY)
    assert got.columns == want.columns == ["nodes", "relationships"]
    assert got.ran_as and "db.schema.visualization" in got.dialect_rules
    (nodes, rels), = got.rows
    (n4_nodes, n4_rels), = want.rows
    labels = sorted(lb_ for n in nodes for lb_ in n["labels"])
    assert labels == sorted(lb_ for n in n4_nodes for lb_ in n["labels"] if lb_ != OWNER_LABEL)
    assert len(rels) == len(n4_rels) > 0
    # the (start label, type, end label) triples: Neo4j's from the driver's own virtual entities (the
    # store's plain rows drop their internal ids), ours through the class IRIs given as the ends
    with n4._driver.session(database=n4.database) as session:
        rec = session.run(QUERY).single()
        name = {n.element_id: next(iter(n.labels)) for n in rec["nodes"]}
        oracle = sorted((name[r.start_node.element_id], r.type, name[r.end_node.element_id]) for r in rec["relationships"]
                        if OWNER_LABEL not in (name[r.start_node.element_id], name[r.end_node.element_id]))
    label_of = {n["uri"]: n["labels"][0] for n in nodes}
    assert sorted((label_of[r["start"]], r["type"], label_of[r["end"]]) for r in rels) == oracle
    # more pairs than the data holds, as on Neo4j: the answer is the count store's, not the triples'
    real = lb.read("MATCH (a)-[r]->(b) RETURN count(DISTINCT label(a) + label(r) + label(b))").value()
    assert len(rels) > real


def test_schema_visualization_nodes_draw_as_a_graph(engines):
    lb, _ = engines
    (nodes, rels), = lb.console_read(QUERY).rows
    model = load_model()
    assert {n["uri"] for n in nodes} == {c.iri for c in model.classes.values()}
    assert {r["start"] for r in rels} | {r["end"] for r in rels} <= {n["uri"] for n in nodes}
    assert all(n["properties"] == {"name": n["labels"][0]} for n in nodes)


def test_schema_visualization_inside_a_query_is_refused_with_the_equivalent():
    t = translate(f"{QUERY} YIELD nodes RETURN size(nodes)", load_model())
    assert t.refused and "on its own" in t.refused["equivalent"]
