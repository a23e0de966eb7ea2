"""Plain-data shapes every backend returns: nodes, relationships and paths as dicts with uri,
labels/type and properties; never an engine's internal id."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def plain_node(uri: str | None, labels: list[str], props: dict[str, Any]) -> dict:
    return {"uri": uri, "labels": sorted(labels), "properties": clean_props(props)}


def plain_rel(uri: str | None, rtype: str, start: str | None, end: str | None, props: dict[str, Any]) -> dict:
    return {"uri": uri, "type": rtype, "start": start, "end": end, "properties": clean_props(props)}


def clean_props(props: dict[str, Any]) -> dict[str, Any]:
    # Neo4j omits absent properties, LadybugDB returns them as null: drop nulls so both agree.
    return {k: v for k, v in sorted(props.items()) if v is not None and not k.startswith("_")}


def is_node(v: Any) -> bool:
    return isinstance(v, dict) and "labels" in v and "properties" in v and "uri" in v


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0
    engine: str = ""
    max_rows: int | None = None
    trace: list[dict] = field(default_factory=list)
    ran_as: str | None = None          # the embedded engine's translation of a console query
    dialect_notes: list[str] = field(default_factory=list)
    dialect_rules: list[str] = field(default_factory=list)

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def value(self, default: Any = None) -> Any:
        return self.rows[0][0] if self.rows and self.rows[0] else default

    def to_dict(self) -> dict:
        d = {"columns": self.columns, "rows": self.rows, "truncated": self.truncated,
                "row_count": len(self.rows), "max_rows": self.max_rows,
                "elapsed_ms": round(self.elapsed_ms, 2), "engine": self.engine}
        if self.ran_as is not None:
            d["ran_as"], d["dialect_notes"], d["dialect_rules"] = self.ran_as, self.dialect_notes, self.dialect_rules
        return d
