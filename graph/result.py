"""Plain-data shapes every backend returns: nodes, relationships and paths as dicts with uri,
labels/type and properties; never an engine's internal id."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def plain_node(uri: str | None, labels: list[str], props: dict[str, Any]) -> dict:
    return {"uri": uri, "labels": sorted(labels), "properties": clean_props(props)}


def plain_rel(uri: str | None, rtype: str, start: str | None, end: str | None, props: dict[str, Any]) -> dict:
    return {"uri": uri, "type": rtype, "start": start, "end": end, "properties": clean_props(props)}


def clean_props(props: dict[str, Any]) -> dict[str, Any]:
    # Neo4j omits absent properties, LadybugDB returns them as null: drop nulls so both agree.
    return {k: v for k, v in sorted(props.items()) if v is not None and not k.startswith("_")}


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0
    engine: str = ""
    max_rows: int | None = None

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def value(self, default: Any = None) -> Any:
        return self.rows[0][0] if self.rows and self.rows[0] else default

    def to_dict(self) -> dict:
        return {"columns": self.columns, "rows": self.rows, "truncated": self.truncated,
                "row_count": len(self.rows), "max_rows": self.max_rows,
                "elapsed_ms": round(self.elapsed_ms, 2), "engine": self.engine}
