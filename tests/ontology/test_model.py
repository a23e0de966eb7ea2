"""The ontology is the single source of labels and date companions the loaders and the UI use."""
from __future__ import annotations

import re

from rdflib import Graph
from rdflib.collection import Collection
from rdflib.namespace import RDF

from parkgraph.ontology import SHAPES_PATH, load_model
from parkgraph.ontology.model import PG, SH


def _allowed_values() -> list[tuple[str, str]]:
    g = Graph().parse(SHAPES_PATH, format="turtle")
    out = []
    for ps in g.objects(None, SH.property):
        node = g.value(ps, getattr(SH, "in"))
        path = g.value(ps, SH.path)
        if node is not None and str(path).startswith(str(PG)):
            out += [(str(path).split("#")[1], str(v)) for v in Collection(g, node)]
    return out


def test_every_allowed_value_has_a_chinese_and_an_english_label():
    m = load_model()
    values = _allowed_values()
    assert len(values) > 60
    missing = [(k, v) for k, v in values if not (m.value_labels.get(k, {}).get(v, {}).get("zh")
                                                 and m.value_labels.get(k, {}).get(v, {}).get("en"))]
    assert not missing, missing
    # zh labels are Chinese (a zh page never shows `national` or `actual`)
    for key in ("level", "status", "kind"):
        for code, lab in m.value_labels[key].items():
            assert re.search(r"[\u4e00-\u9fff]", lab["zh"]), (key, code, lab)


def test_statuses_include_plan_and_are_labelled_apart():
    m = load_model()
    status = m.value_labels["status"]
    assert set(status) == {"actual", "target", "forecast", "estimate", "plan"}
    assert len({v["zh"] for v in status.values()}) == 5 and len({v["en"] for v in status.values()}) == 5
    assert "plan" in m.classes["Observation"].constraints["status"].allowed


def test_qualifiers_say_where_they_go_in_each_language():
    q = load_model().value_labels["qualifier"]
    assert q["余"]["zh_placement"] == "after_number" and q["多"]["zh_placement"] == "after_number"
    assert q["超过"]["zh_placement"] == "before" and q["以上"]["zh_placement"] == "after_unit"
    assert all(v.get("en_placement") and v.get("zh_placement") for v in q.values())


def test_every_date_has_precision_text_and_end_companions():
    m = load_model()
    props = {k: p for c in m.classes.values() for k, p in c.properties.items()} | m.rel_properties
    dates = [k for k, p in props.items() if p.pg_type == "date" and p.date_part is None]
    assert set(dates) == {"as_of", "stated_on", "date", "issued_on", "published", "retrieved", "since"}
    for k in dates:
        assert props[f"{k}_precision"].date_part == k and props[f"{k}_precision"].pg_type == "string"
        assert props[f"{k}_text"].date_part == k and props[f"{k}_end"].pg_type == "date"
        assert props[f"{k}_precision"].label_zh and props[f"{k}_end"].label_en


def test_notes_and_roles_are_bilingual_with_language_tags():
    m = load_model()
    obs = m.classes["Observation"].properties
    assert "note" not in obs and obs["note_zh"].lang == "zh" and obs["note_en"].lang == "en"
    assert m.rel_properties["role_zh"].lang == "zh" and m.rel_properties["role_en"].lang == "en"
    assert "role" not in m.rel_properties and "note_en" in m.rel_properties


def test_the_ontology_parses_and_types_its_value_concepts():
    g = Graph().parse(str(SHAPES_PATH).replace("shapes.ttl", "parkgraph.ttl"), format="turtle")
    concepts = set(g.subjects(PG.valueOf, None))
    assert concepts and all((c, RDF.type, None) in g for c in concepts)
