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
    return {k: iso_at_precision(v, _precision_of(k, props)) if _is_date(v) else v
            for k, v in sorted(props.items()) if v is not None and not k.startswith("_")}


# A date property is a DATE in both engines (the first day of its period, so that comparisons and
# ORDER BY work); nodes and relationships render it back as the source gave it: 2019, 2022-05 or
# 2022-05-31, from the `<key>_precision` stored beside it (an `<key>_end` has its start's precision).
ISO_LENGTH = {"year": 4, "month": 7, "day": 10}


def _is_date(v: Any) -> bool:
    return hasattr(v, "iso_format") or (hasattr(v, "isoformat") and hasattr(v, "year") and not hasattr(v, "hour"))


def _precision_of(key: str, props: dict[str, Any]) -> str | None:
    p = props.get(f"{key}_precision")
    if p is None and key.endswith("_end"):
        p = props.get(f"{key[:-4]}_precision")
    return p


def iso_at_precision(v: Any, precision: str | None) -> str:
    """A DATE (datetime.date or neo4j.time.Date) as ISO text cut to its precision (day when unknown)."""
    text = v.iso_format() if hasattr(v, "iso_format") else v.isoformat()
    return text[:ISO_LENGTH.get(precision or "day", 10)]


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0
    engine: str = ""
    max_rows: int | None = None
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


def dates_at_precision(props: dict[str, Any], date_keys: list[str]) -> dict[str, Any]:
    """The bulk readers' rows as `clean_props` renders them: each date (a date object of either engine,
    or the ISO text of a COPY file) cut to its precision. `date_keys`: the label's date properties."""
    for k in date_keys:
        v = props.get(k)
        if v is not None:
            text = v if isinstance(v, str) else v.iso_format() if hasattr(v, "iso_format") else v.isoformat()
            props[k] = text[:ISO_LENGTH.get(_precision_of(k, props) or "day", 10)]
    return props
