"""The console's read path: the text a user typed, in Neo4j's dialect, translated for the embedded
engine (or refused with the equivalent spelled out) before the store runs it."""
from __future__ import annotations

from parkgraph.errors import QueryError

from . import postprocess_rows, translate


def in_use_from(store):
    """Labels and relationship types that hold data (what Neo4j's db.labels() lists), counted once
    per graph version."""
    def in_use(table_type: str) -> list[str]:
        version = store.graph_version()
        cached = getattr(store, "_dialect_in_use", None)
        if cached is None or cached[0] != version:
            c = store.counts()
            cached = store._dialect_in_use = (version, c)
        counts = cached[1]["nodes" if table_type == "NODE" else "relationships"]
        return [k for k, v in counts.items() if v]
    return in_use


def console_read(store, query: str, params: dict | None = None, *, timeout: float | None = None,
                 max_rows: int | None = None):
    """Run a console query. On Neo4j it runs as typed; on the embedded engine it runs translated,
    and the result says what ran (`ran_as`) when the text changed."""
    if store.engine != "ladybug":
        return store.read(query, params, console=True, timeout=timeout, max_rows=max_rows)
    t = translate(query, store.model, in_use=in_use_from(store))
    if t.refused:
        r = t.refused
        raise QueryError(t.error_message(), hint=f"On the embedded engine write instead: {r['equivalent']}",
                         position={"line": r["line"], "column": r["column"]})
    try:
        res = store.read(t.text, params, console=True, timeout=timeout, max_rows=max_rows)
    except QueryError as e:
        if t.changed:
            e.message = f"{e.message}\nran as: {t.text}"
            e.position = None  # the engine's position points into the translation, not the typed text
            e.args = (e.message,)
        raise
    res.rows = postprocess_rows(res.rows, t.postprocess)
    if t.changed:
        res.ran_as = t.text
        res.dialect_notes = list(t.notes)
        res.dialect_rules = list(t.rules)
    return res
