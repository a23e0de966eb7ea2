"""The data files the synthetic generator (loaders/synthetic.py) writes, in the format of
docs/data-format.md: one CSV file per collection, or YAML mappings sharded under the loader's size
limit for structured files."""
from __future__ import annotations

import csv
import json
from pathlib import Path

ENTITY_COLUMNS = ["id", "name_zh", "name_en", "aliases", "note_en"]
CLASS_COLUMNS = {
    "sources": ["title", "kind", "url", "outlet", "author", "published", "retrieved", "extent"],
    "parks": ["level", "website"],
    "subparks": ["website"],
    "regions": ["kind", "admin_code"],
    "domains": [],
    "government_bodies": ["level", "website"],
    "programmes": ["kind", "level"],
    "institutions": ["kind", "credit_code", "website"],
    "policies": ["kind", "level", "doc_number", "issued_on", "url"],
    "events": ["kind", "date"],
    "enterprises": ["credit_code", "website"],
    "observations": ["subject", "metric", "metric_zh", "metric_en", "value", "value_text", "unit", "as_of", "status",
                     "qualifier", "scope"],
}
RELATION_COLUMNS = ["from", "type", "to", "role_zh", "role_en", "since", "note_en", "cite_source", "cite_quote"]
YAML_SHARD = 50_000  # records per YAML file: well under the loader's limit for structured files


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "|".join(str(x) for x in v)
    if isinstance(v, float):
        return repr(v)
    return str(v)


class CsvOut:
    def __init__(self, out: Path):
        self.out = out
        self.files: dict[str, tuple] = {}
        self.counts: dict[str, int] = {}

    def write(self, coll: str, rec: dict) -> None:
        f = self.files.get(coll)
        if f is None:
            cols = RELATION_COLUMNS if coll == "relations" else ENTITY_COLUMNS + CLASS_COLUMNS[coll] + ["cite_source", "cite_quote"]
            fh = open(self.out / f"{coll}.csv", "w", encoding="utf-8", newline="")
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(cols)
            f = self.files[coll] = (fh, w, cols)
        fh, w, cols = f
        cite = rec.get("cite") or []
        row = []
        for c in cols:
            if c == "cite_source":
                row.append("|".join(x["source"] for x in cite))
            elif c == "cite_quote":
                row.append("|".join(x["quote"] for x in cite))
            else:
                row.append(_cell(rec.get(c)))
        w.writerow(row)
        self.counts[coll] = self.counts.get(coll, 0) + 1

    def close(self) -> None:
        for fh, _, _ in self.files.values():
            fh.close()


class YamlOut:
    """Hand-written YAML: JSON strings are valid YAML scalars, so this is fast and exact."""

    def __init__(self, out: Path):
        self.out = out
        self.current: tuple | None = None
        self.counts: dict[str, int] = {}

    def write(self, coll: str, rec: dict) -> None:
        n = self.counts.get(coll, 0)
        if self.current is None or self.current[0] != coll or n % YAML_SHARD == 0:
            if self.current:
                self.current[1].close()
            name = f"{coll}.yaml" if n == 0 else f"{coll}-{n // YAML_SHARD + 1:04d}.yaml"
            fh = open(self.out / name, "w", encoding="utf-8", newline="\n")
            fh.write(f"{coll}:\n")
            self.current = (coll, fh)
        fh = self.current[1]
        lines = []
        for k, v in rec.items():
            if v is None or v == []:
                continue
            if k == "cite":
                v = [{"source": c["source"], "quote": c["quote"]} for c in v]
            lines.append(f"{k}: {_yv(v)}")
        fh.write("- " + "\n  ".join(lines) + "\n")
        self.counts[coll] = n + 1

    def close(self) -> None:
        if self.current:
            self.current[1].close()


def _yv(v) -> str:
    if isinstance(v, bool) or isinstance(v, (int, float)):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ", ".join(_yv(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_yv(x)}" for k, x in v.items()) + "}"
    return json.dumps(str(v), ensure_ascii=False)
