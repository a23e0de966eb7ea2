"""An embedded graph made before an Observation could describe an Event (2026-12-04): its DESCRIBES
table lacks that pair. Loading into it must add the pair, and serving it read-only must not fail."""
from __future__ import annotations

from pathlib import Path

from parkgraph.graph import open_store
from parkgraph.graph.ladybug_bulk import PG_TO_LADYBUG
from parkgraph.settings import Settings
from parkgraph.web import create_app

BASE = "https://w3id.org/parkgraph/id/"
EVENT = BASE + "event/huxiangbei-2020"


def _old_graph(path: Path) -> Settings:
    """The tables as the version before the pair made them, holding one event."""
    settings = Settings.from_env({"backend": "ladybug", "db_path": str(path)})
    st = open_store(settings)
    try:
        model = st.model
        for label, cls in model.classes.items():
            cols = ", ".join(f"{k} {PG_TO_LADYBUG[p.pg_type]}" for k, p in cls.properties.items() if k != "uri")
            st.write(f"CREATE NODE TABLE {label}(uri STRING PRIMARY KEY, {cols})")
        rel_cols = ", ".join(f"{k} {PG_TO_LADYBUG[p.pg_type]}" for k, p in model.rel_properties.items())
        for rtype, rel in model.relationships.items():
            pairs = ", ".join(f"FROM {a} TO {b}" for a, b in rel.pairs if (rtype, b) != ("DESCRIBES", "Event"))
            st.write(f"CREATE REL TABLE {rtype}({pairs}, {rel_cols})")
        st.write("CREATE (:Event {uri: $u, name_zh: '第六届湖湘杯决赛', kind: 'meeting'})", {"u": EVENT})
    finally:
        st.close()
    return settings


def test_loading_into_an_old_graph_adds_the_pair(tmp_path):
    st = open_store(_old_graph(tmp_path / "old.lbdb"))
    try:
        st.create_schema()   # what every load runs first (graph/bulk.py)
        obs = BASE + "observation/huxiangbei-2020-entrants"
        st.write_nodes("Observation", [{"uri": obs, "metric": "entrants", "value": 600.0, "unit": "人",
                                        "as_of": "2020-11-15", "status": "actual"}])
        st.write_relationships("DESCRIBES", [{"uri": BASE + "statement/d1", "from": obs, "to": EVENT}])
        assert [o["properties"]["value"] for o in st.observations_of(EVENT)] == [600.0]
    finally:
        st.close()


def test_an_old_graph_is_served_read_only_with_its_events(tmp_path):
    settings = _old_graph(tmp_path / "old.lbdb")
    ro = open_store(settings, read_only=True)
    try:
        assert ro.observations_of(EVENT) == []
        client = create_app({"SETTINGS": settings, "STORE": ro, "TESTING": True}).test_client()
        for path, accept in (("/api/node?uri=" + EVENT, "application/json"), ("/id/event/huxiangbei-2020", "text/html")):
            r = client.get(path, headers={"Accept": accept})
            assert r.status_code == 200, (path, r.get_data(as_text=True)[:300])
            assert "第六届湖湘杯决赛" in r.get_data(as_text=True)
    finally:
        ro.close()
