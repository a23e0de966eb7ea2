"""Loading: idempotent, dry-run writes nothing, --replace, and provenance on everything."""
from __future__ import annotations

from parkgraph.fixture import FIXTURE
from parkgraph.loaders import load_paths

from ..conftest import BASE


def test_loading_twice_gives_the_same_graph(fixture_store, fixture_dir):
    once = fixture_store.content_hash()
    counts = fixture_store.counts()
    load_paths([fixture_dir], fixture_store, BASE, progress=False)
    assert fixture_store.content_hash() == once
    assert fixture_store.counts() == counts


def test_dry_run_writes_nothing(store, fixture_dir):
    before = store.content_hash()
    rep = load_paths([fixture_dir], store, BASE, dry_run=True, progress=False)
    assert rep.plan.node_count() > 10 and rep.dry_run
    assert store.content_hash() == before
    assert sum(store.counts()["nodes"].values()) == 0


def test_replace_removes_what_the_files_no_longer_hold(fixture_store, tmp_path):
    smaller = {k: v for k, v in FIXTURE.items() if k not in ("enterprises", "relations", "programmes")}
    import yaml
    f = tmp_path / "small.yaml"
    f.write_text(yaml.safe_dump(smaller, allow_unicode=True), encoding="utf-8")
    load_paths([f], fixture_store, BASE, replace=True, progress=False)
    c = fixture_store.counts()
    assert c["nodes"]["Enterprise"] == 0 and c["relationships"]["TENANT_OF"] == 0
    assert c["nodes"]["SubPark"] == 2


def test_every_node_and_relationship_has_a_source(fixture_store):
    m = fixture_store.model
    for label, cls in m.classes.items():
        if not cls.needs_citation:
            continue
        missing = fixture_store.read(f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)-[:DERIVED_FROM]->(:Quote)-[:QUOTED_FROM]->(:Source) }} "
                                     "RETURN n.uri").rows
        assert missing == [], f"{label} without source: {missing}"
    for rtype, rel in m.relationships.items():
        if rel.provenance:
            continue
        for r in fixture_store.iter_relationships(rtype):
            assert r["properties"].get("quotes"), f"{rtype} {r['uri']} has no quotes"
            assert fixture_store.quote_citations(r["properties"]["quotes"]), r


def test_references_may_point_to_entities_already_in_the_graph(fixture_store, tmp_path):
    f = tmp_path / "more.yaml"
    f.write_text("relations:\n- from: subpark/haidian\n  type: RELATED_TO\n  to: subpark/tongzhou\n  role: sibling sub-park\n"
                 "  cite: [{source: fixture-2023-03-24, quote: 形成海淀园、通州园“三园协同”的总体布局。}]\n", encoding="utf-8")
    load_paths([f], fixture_store, BASE, progress=False)
    assert fixture_store.counts()["relationships"]["RELATED_TO"] == 1


def test_conflicting_values_are_kept_side_by_side(fixture_store):
    rows = fixture_store.read(
        "MATCH (o:Observation)-[:DESCRIBES]->(:SubPark {uri: $u}) MATCH (o)-[:DERIVED_FROM]->(:Quote)-[:QUOTED_FROM]->(s:Source) "
        "RETURN o.value, o.qualifier, s.uri ORDER BY o.value", {"u": BASE + "subpark/tongzhou"}).rows
    assert rows == [[128.0, None, BASE + "source/fixture-2023-03-24"], [130.0, "超过", BASE + "source/fixture-other"]]


def test_base_iri_is_configurable(store, fixture_dir):
    other = "https://example.org/pg/"
    load_paths([fixture_dir], store, other, progress=False)
    assert store.node(other + "subpark/tongzhou")["properties"]["name_zh"] == "通州园"
    assert all(u.startswith(other) for (u,) in store.read("MATCH (n) RETURN n.uri").rows)
