"""Turning LadybugDB result rows into the store's plain values (split from ladybug_store.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .result import plain_node, plain_rel

if TYPE_CHECKING:
    from .ladybug_store import LadybugStore


class RowConverter:
    """The engine's nodes, relationships and paths in a result, as the plain dicts of graph/result.py:
    relationship ends are given by uri, read in one query per table for those the result lacks."""

    def __init__(self, store: "LadybugStore"):
        self.store = store
        self.uris: dict[tuple[int, int], str | None] = {}

    @staticmethod
    def _key(id_: dict) -> tuple[int, int]:
        return (int(id_["table"]), int(id_["offset"]))

    def rows(self, raw: list[list[Any]]) -> list[list[Any]]:
        for row in raw:
            self._collect(row)
        missing: dict[int, list[int]] = {}
        for (table_id, off), uri in self.uris.items():
            if uri is None:
                missing.setdefault(table_id, []).append(off)
        for table_id, offs in missing.items():
            # one query per table: a filter on offsets is a scan of the table, whatever the number of ids
            res = self.store._conn.execute(f"MATCH (n:{self.store.table_name(table_id)}) WHERE offset(id(n)) IN $o "
                                           "RETURN offset(id(n)), n.uri", {"o": offs})
            while res.has_next():
                off, uri = res.get_next()
                self.uris[(table_id, off)] = uri
            res.close()
        return [[self._conv(v) for v in row] for row in raw]

    def _collect(self, v: Any) -> None:
        if isinstance(v, dict):
            if "_NODES" in v:
                for x in v["_NODES"] + v["_RELS"]:
                    self._collect(x)
            elif "_SRC" in v:
                for k in ("_SRC", "_DST"):
                    self.uris.setdefault(self._key(v[k]), None)
            elif "_ID" in v and "_LABEL" in v:
                self.uris[self._key(v["_ID"])] = v.get("uri")
            else:
                for x in v.values():
                    self._collect(x)
        elif isinstance(v, list):
            for x in v:
                self._collect(x)

    def _conv(self, v: Any) -> Any:
        if isinstance(v, dict):
            if "_NODES" in v:
                return {"nodes": [self._conv(n) for n in v["_NODES"]], "relationships": [self._conv(r) for r in v["_RELS"]]}
            if "_SRC" in v:
                return plain_rel(v.get("uri"), v["_LABEL"], self.uris.get(self._key(v["_SRC"])),
                                 self.uris.get(self._key(v["_DST"])), v)
            if "_ID" in v and "_LABEL" in v:
                return plain_node(v.get("uri"), [v["_LABEL"]], v)
            return {k: self._conv(x) for k, x in v.items()}
        if isinstance(v, list):
            return [self._conv(x) for x in v]
        if hasattr(v, "isoformat"):
            return v.isoformat()
        return v
