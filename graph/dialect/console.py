"""The console's read path: the text a user typed, in Neo4j's dialect, translated for the embedded
engine (or refused with the equivalent spelled out) before the store runs it."""
from __future__ import annotations

from parkgraph.errors import QueryError

from .. import guard
from . import postprocess_rows, translate


def console_read(store, query: str, params: dict | None = None, *, timeout: float | None = None,
                 max_rows: int | None = None):
    """Run a console query. On Neo4j it runs as typed; on the embedded engine it runs translated,
    and the result says what ran (`ran_as`) when the text changed."""
    if store.engine != "ladybug":
        return store.read(query, params, console=True, timeout=timeout, max_rows=max_rows)
    # Writes, files and procedures are refused on the text as typed first (403, read-only), so that the
    # translator never turns a hostile query into a parse error; the translation is checked again.
    guard.check_read_only(query, params)
    t = translate(query, store.model)
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
    classes = store.model.classes
    res.rows = postprocess_rows(res.rows, t.postprocess, lambda lb: classes[lb].iri if lb in classes else None)
    if t.changed:
        res.ran_as = t.text
        res.dialect_notes = list(t.notes)
        res.dialect_rules = list(t.rules)
    return res
