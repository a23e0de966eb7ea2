"""The translator alone (no database): positions point into what the user typed, refusals name the
equivalent, and text the rules do not touch is kept byte for byte."""
from __future__ import annotations

from parkgraph.graph.dialect import translate
from parkgraph.ontology import load_model

MODEL = load_model()


def test_refusal_points_at_the_construct_as_typed():
    q = "MATCH (p:Park)\nWHERE COUNT { (p)--() } > 1\nRETURN elementId(p)"
    t = translate(q, MODEL)
    assert t.refused["line"] == 3 and t.refused["column"] == 8      # after COUNT→EXISTS was re-spelled
    assert "n.uri" in t.refused["equivalent"]


def test_parse_error_names_map_projection_and_its_position():
    t = translate("MATCH (n:Park) RETURN n {.*}", MODEL)
    assert t.refused and "map projection" in t.refused["message"]
    assert (t.refused["line"], t.refused["column"]) == (1, 25)
    assert "n {.name_zh, .name_en}" in t.refused["equivalent"]


def test_map_projection_becomes_a_map_named_as_typed():
    t = translate("MATCH (n:Park) RETURN n {.name_zh,  .website}", MODEL)
    assert "{name_zh: n.name_zh, website: n.website}" in t.text
    assert t.text.endswith("AS `n`") and t.changed   # Neo4j names the column by the variable


def test_untouched_text_is_kept_and_not_reported_as_translated():
    q = "MATCH (p:Park)  WHERE p.name_en CONTAINS 'Beijing'\n RETURN p.uri AS uri ORDER BY uri"
    t = translate(q, MODEL)
    assert t.text == q and not t.changed and t.rules == []


def test_column_names_are_the_expression_as_typed():
    t = translate("MATCH (n) RETURN labels(n)[0], count( * )", MODEL)
    assert "AS `labels(n)[0]`" in t.text and "AS `count( * )`" in t.text


def test_rewrites_nest():
    t = translate("MATCH (e:Event) RETURN toInteger(substring(e.date, 0, 4)) AS y", MODEL)
    assert "substring(e.date, 1, 4)" in t.text and "INT64" in t.text


def test_label_alternatives_and_relationship_type_alternatives():
    t = translate("MATCH (n:Park|SubPark)-[r:LOCATED_IN|PART_OF]->(m) WHERE m:Region|Park RETURN n.uri AS u", MODEL)
    assert "(n:Park:SubPark)" in t.text and "[r:LOCATED_IN|PART_OF]" in t.text
    assert "label(m) IN ['Region', 'Park']" in t.text


def test_both_labels_is_refused_not_read_as_either():
    t = translate("MATCH (n:Park:SubPark) RETURN n.uri AS u", MODEL)
    assert t.refused and ":A|B" in t.refused["equivalent"]


def test_a_string_that_looks_like_a_rewrite_is_left_alone():
    t = translate("MATCH (n:Park) WHERE n.note = 'labels(n)[0] and type(r)' RETURN n.uri AS u", MODEL)
    assert "'labels(n)[0] and type(r)'" in t.text


def test_untranslatable_input_fails_closed():
    t = translate("RETURN " + "(" * 300 + "1" + ")" * 300, MODEL)
    assert t.refused and "nested" in t.refused["message"]
