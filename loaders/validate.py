"""Check every record against the ontology and its SHACL shapes, and report every problem at once.

Nothing here writes: `load` calls this first and writes only when the problem list is empty.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parkgraph.iri import ref_segment
from parkgraph.ontology import ClassDef, Model, load_model

from .problems import Problem, clip
from .readers import Record, read_paths

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MARKUP_RE = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
COUNT_UNITS = {"家", "个", "人", "名", "项", "件", "次", "期"}
CITE_KEYS = {"source", "quote", "quote_as_found", "repair_note"}
REL_KEYS = {"from", "type", "to", "role_zh", "role_en", "since", "since_precision", "since_text", "since_end",
            "note_zh", "note_en", "cite", "iri_key"}
# Fields of the first wave, still read during the move to bilingual notes and roles: their text was
# English, so they fill the English field (a record may not give both).
DEPRECATED = {"note": "note_en", "role": "role_en"}
PRECISION_OF_LENGTH = {4: "year", 7: "month", 10: "day"}
OBS_EXTRA = {"subject"}
MAX_TEXT = 20000


@dataclass
class Dataset:
    """Validated records: entities by IRI path (`segment/id`), relations, and every cited quote."""
    entities: dict[str, tuple[ClassDef, dict, Record]] = field(default_factory=dict)
    relations: list[tuple[dict, Record]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_paths(paths: list[str | Path], *, model: Model | None = None,
                   exists: Any = None) -> Dataset:
    """`exists(ref)` answers whether a `segment/id` reference is already in the graph, so files may
    refer to entities loaded earlier."""
    records, problems = read_paths(paths)
    return validate_records(records, problems, model=model, exists=exists)


def validate_records(records: list[Record], problems: list[Problem] | None = None, *,
                     model: Model | None = None, exists: Any = None) -> Dataset:
    model = model or load_model()
    ds = Dataset(problems=list(problems or []))
    v = _Validator(model, ds)
    for rec in records:
        v.record(rec)
    v.references(exists)
    ds.problems.sort(key=lambda p: (p.file, p.line or 0))
    return ds


class _Validator:
    def __init__(self, model: Model, ds: Dataset):
        self.m = model
        self.ds = ds
        self.pending_refs: list[tuple[str, Record, str, tuple[str, ...] | None]] = []
        self.collections = {c.collection: c for c in model.classes.values() if c.name != "Quote"}
        self.segments = {c.segment: c for c in model.classes.values()}

    def err(self, rec: Record, fld: str | None, msg: str, hint: str | None = None, line: int | None = None) -> None:
        self.ds.problems.append(Problem(rec.file, line or (rec.line_of(fld) if fld else rec.line), fld, msg, hint))

    # ------------------------------------------------------------------ records
    def record(self, rec: Record) -> None:
        if rec.collection == "relations":
            return self.relation(rec)
        cls = self.collections.get(rec.collection)
        if cls is None:
            known = ", ".join(sorted([*self.collections, "relations"]))
            return self.err(rec, None, f"unknown collection ‘{rec.collection}’", f"use one of: {known}")
        d = rec.data
        csv = rec.file.endswith(".csv")
        d = self.deprecated(rec, d)
        allowed = {k for k, p in cls.properties.items() if not p.derived} | {"id", "cite"} | (OBS_EXTRA if cls.name == "Observation" else set())
        for k in d:
            if k not in allowed:
                self.err(rec, k, f"unknown field ‘{k}’ for {rec.collection}",
                         f"fields of {rec.collection}: {', '.join(sorted(allowed))}")
        rid = d.get("id")
        if rid is None or rid == "":
            self.err(rec, "id", "missing id", "every record needs an id such as `beijing-wangteng-keji`")
            return
        if isinstance(rid, int) and not isinstance(rid, bool):
            rid = str(rid)
        if not isinstance(rid, str) or not ID_RE.match(rid):
            self.err(rec, "id", f"id {clip(rid)} is not a valid slug", "lower-case letters, digits and ‘-’, e.g. `tongzhou`")
            return
        ref = f"{cls.segment}/{rid}"
        other = self.first_definition(ref, rec)
        if other is not None:
            self.duplicate(rec, rid, ref, other)
            return
        out: dict[str, Any] = {"id": rid}
        if cls.name == "Source" and "name_zh" not in d and isinstance(d.get("title"), str):
            d = {**d, "name_zh": d["title"]}
        if cls.name == "Observation":
            d = {**d, **self._observation_names(d)}
        for key, prop in cls.properties.items():
            if prop.derived:
                continue
            con = cls.constraints.get(key)
            if key not in d or d[key] is None or d[key] == "" or d[key] == []:
                if con and con.required:
                    self.err(rec, key, f"missing required field ‘{key}’ ({prop.label_en})", con.message)
                continue
            value = self.value(rec, key, d[key], prop.pg_type, csv)
            if value is None:
                continue
            if con:
                self.constraint(rec, key, value, con)
            if key in ("name_zh", "name_en", "aliases", "title"):
                for s in value if isinstance(value, list) else [value]:
                    if MARKUP_RE.search(s):
                        self.err(rec, key, f"{key} contains markup {MARKUP_RE.search(s).group()!r}",
                                 "names are plain text; remove the tags")
            out[key] = value
        self.dates(rec, out, cls.properties)
        if cls.name == "Observation":
            self.observation(rec, out, d)
        if cls.needs_citation or "cite" in d:
            out["cite"] = self.cites(rec, d.get("cite"), required=cls.needs_citation)
        self.add_entity(ref, cls, out, rec)

    # ------------------------------------------------------------------ where records go (the streaming
    # validator in loaders/stream.py overrides these to keep memory bounded)
    def first_definition(self, ref: str, rec: Record) -> Record | None:
        """The record that already defined `ref`, if any."""
        hit = self.ds.entities.get(ref)
        return hit[2] if hit is not None else None

    def duplicate(self, rec: Record, rid: str, ref: str, other: Record) -> None:
        self.err(rec, "id", f"duplicate id ‘{rid}’ in {rec.collection}", f"first defined at {other.file}:{other.line}")

    def add_entity(self, ref: str, cls: ClassDef, out: dict, rec: Record) -> None:
        self.ds.entities[ref] = (cls, out, rec)

    def add_relation(self, out: dict, rec: Record) -> None:
        self.ds.relations.append((out, rec))

    def add_ref(self, ref: str, rec: Record, fld: str, allowed: tuple[str, ...] | None) -> None:
        self.pending_refs.append((ref, rec, fld, allowed))

    def deprecated(self, rec: Record, d: dict) -> dict:
        """`note`/`role` of the first wave → `note_en`/`role_en` (an error when both are given)."""
        if not any(k in d for k in DEPRECATED):
            return d
        d = dict(d)
        for old, new in DEPRECATED.items():
            if old in d and (rec.collection == "relations" or old == "note"):
                if d.get(new) not in (None, ""):
                    self.err(rec, old, f"both ‘{old}’ (deprecated) and ‘{new}’ are given", f"keep ‘{new}’ (and ‘{old[:4]}_zh’)")
                    d.pop(old)
                else:
                    d[new] = d.pop(old)
        return d

    def dates(self, rec: Record, out: dict, props: dict) -> None:
        """Each date gets its precision from how it is written (YYYY, YYYY-MM, YYYY-MM-DD); a
        `<date>_precision` given in the file must agree; `<date>_end` is written at the same precision
        and is not before the start; `_text`/`_end` need the date itself."""
        for key in self.m.date_keys(props):
            pkey, ekey, tkey = f"{key}_precision", f"{key}_end", f"{key}_text"
            start = out.get(key)
            if start is None:
                for k in (pkey, ekey, tkey):
                    if k in out:
                        self.err(rec, k, f"‘{k}’ is given without ‘{key}’", f"write the date itself in ‘{key}’")
                        out.pop(k)
                continue
            prec = PRECISION_OF_LENGTH[len(start)]
            if pkey in out and out[pkey] != prec:
                self.err(rec, pkey, f"‘{key}: {start}’ is written at {prec} precision, not {out[pkey]}",
                         {"year": "a year is YYYY", "month": "a month is YYYY-MM", "day": "a day is YYYY-MM-DD"}.get(out[pkey]))
            out[pkey] = prec
            end = out.get(ekey)
            if end is not None:
                if len(end) != len(start):
                    self.err(rec, ekey, f"‘{ekey}: {end}’ is not written at the precision of ‘{key}: {start}’ ({prec})",
                             "write both ends of a range alike, e.g. date: 2019-09-05, date_end: 2019-09-11")
                elif end < start:
                    self.err(rec, ekey, f"‘{ekey}: {end}’ is before ‘{key}: {start}’", "a range ends on or after its start")

    def _observation_names(self, d: dict) -> dict:
        extra = {}
        as_of = d.get("as_of")
        as_of = as_of.isoformat() if isinstance(as_of, dt.date) else as_of
        if not d.get("name_zh") and d.get("metric_zh"):
            extra["name_zh"] = f"{d['metric_zh']}（{as_of}）" if as_of else str(d["metric_zh"])
        if not d.get("name_en") and d.get("metric_en"):
            extra["name_en"] = f"{d['metric_en']} ({as_of})" if as_of else str(d["metric_en"])
        return extra

    def observation(self, rec: Record, out: dict, d: dict) -> None:
        if "value" not in out and "value_text" not in out:
            if "value" not in d and "value_text" not in d:
                self.err(rec, "value", "an observation needs a value (a number) or a value_text")
        if "value" in out and out.get("unit") in COUNT_UNITS and out["value"] < 0:
            self.err(rec, "value", f"negative count {out['value']:g} {out['unit']}", "counts cannot be below zero")
        subject = d.get("subject")
        if not subject:
            self.err(rec, "subject", "missing subject", "the entity the figure describes, e.g. `subpark/tongzhou`")
        elif not isinstance(subject, str):
            self.err(rec, "subject", "subject must be a reference such as `park/beijing`")
        else:
            targets = self.m.relationships["DESCRIBES"].targets
            self.add_ref(subject, rec, "subject", targets)
            out["subject"] = subject

    # ------------------------------------------------------------------ values
    def value(self, rec: Record, key: str, v: Any, pg_type: str, csv: bool) -> Any:
        if pg_type == "string":
            if isinstance(v, bool) or isinstance(v, (list, dict)):
                return self.err(rec, key, f"‘{key}’ must be text, not {_kind(v)}")
            if isinstance(v, (int, float, dt.date)):
                v = v.isoformat() if isinstance(v, dt.date) else str(v)
            return self.text(rec, key, v)
        if pg_type == "date":
            if isinstance(v, dt.datetime):
                v = v.date()
            if isinstance(v, dt.date):
                return v.isoformat()
            if isinstance(v, int) and not isinstance(v, bool):
                v = str(v)
            if not isinstance(v, str):
                return self.err(rec, key, f"‘{key}’ must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not {_kind(v)}")
            v = v.strip()
            m = DATE_RE.match(v)
            if not m:
                return self.err(rec, key, f"‘{v}’ is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-01-21")
            y, mo, day = m.group(1), m.group(2), m.group(3)
            try:
                dt.date(int(y), int(mo or 1), int(day or 1))
            except ValueError as e:
                return self.err(rec, key, f"impossible date ‘{v}’: {e}")
            if not 1900 <= int(y) <= 2100:
                return self.err(rec, key, f"date ‘{v}’ is outside 1900–2100", "check the year")
            return v
        if pg_type == "float":
            if csv and isinstance(v, str):
                try:
                    v = float(v.replace(",", ""))
                except ValueError:
                    return self.err(rec, key, f"‘{v}’ is not a number")
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                return self.err(rec, key, f"‘{key}’ must be a number, not {_kind(v)}",
                                "write digits only; put 超过/余/多 in `qualifier` and the unit in `unit`")
            if not math.isfinite(v):
                return self.err(rec, key, f"‘{key}’ must be a finite number")
            return float(v)
        if pg_type == "boolean":
            if not isinstance(v, bool):
                return self.err(rec, key, f"‘{key}’ must be true or false")
            return v
        if pg_type == "string_list":
            if csv and isinstance(v, str):
                v = [x.strip() for x in v.split("|") if x.strip()]
            if isinstance(v, str):
                return self.err(rec, key, f"‘{key}’ must be a list", f"write `{key}: [{v}]`")
            if not isinstance(v, list) or not all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in v):
                return self.err(rec, key, f"‘{key}’ must be a list of text items")
            items = [self.text(rec, key, str(x)) for x in v]
            if None in items:
                return None
            return list(dict.fromkeys(items)) or None
        raise AssertionError(pg_type)

    def text(self, rec: Record, key: str, v: str) -> str | None:
        v = v.strip()
        if CONTROL_RE.search(v):
            self.err(rec, key, f"‘{key}’ contains control characters", "remove them")
            return None
        if len(v) > MAX_TEXT:
            self.err(rec, key, f"‘{key}’ is {len(v)} characters long (limit {MAX_TEXT})")
            return None
        return v

    def constraint(self, rec: Record, key: str, value: Any, con) -> None:
        if con.allowed and value not in con.allowed:
            self.err(rec, key, f"‘{value}’ is not an allowed {key}", f"use one of: {', '.join(con.allowed)}")
        if con.pattern and isinstance(value, str) and not re.search(con.pattern, value):
            self.err(rec, key, f"‘{value}’ is not a valid {key}", con.message or f"it must match {con.pattern}")
        if con.min_length and isinstance(value, str) and len(value) < con.min_length:
            self.err(rec, key, f"‘{key}’ is too short", con.message)
        if con.max_length and isinstance(value, str) and len(value) > con.max_length:
            self.err(rec, key, f"‘{key}’ is longer than {con.max_length} characters", con.message)

    def cites(self, rec: Record, cites: Any, *, required: bool) -> list[dict]:
        if cites in (None, [], ""):
            if required:
                self.err(rec, "cite", "missing cite: every fact needs a source and the sentence it came from",
                         "add `cite: [{source: <source id>, quote: <sentence>}]`")
            return []
        if isinstance(cites, dict) and "__mismatch__" in cites:
            self.err(rec, "cite_source", "cite_source and cite_quote have different numbers of ‘|’-separated items")
            return []
        if isinstance(cites, dict):
            cites = [cites]
        if not isinstance(cites, list):
            self.err(rec, "cite", "cite must be a list of {source, quote}")
            return []
        out = []
        for i, c in enumerate(cites):
            if not isinstance(c, dict):
                self.err(rec, "cite", f"cite #{i + 1} must be a mapping with source and quote")
                continue
            for k in c:
                if k not in CITE_KEYS:
                    self.err(rec, "cite", f"unknown key ‘{k}’ in cite #{i + 1}", f"use: {', '.join(sorted(CITE_KEYS))}")
            src, quote = c.get("source"), c.get("quote")
            if not isinstance(src, str) or not ID_RE.match(src):
                self.err(rec, "cite", f"cite #{i + 1} needs a source id (e.g. `cics-2023-03-24`), got {clip(src)}")
                continue
            if not isinstance(quote, str) or len(quote.strip()) < 2:
                self.err(rec, "cite", f"cite #{i + 1} needs the quote: the sentence the fact came from")
                continue
            if CONTROL_RE.search(quote):
                self.err(rec, "cite", f"the quote of cite #{i + 1} contains control characters")
                continue
            clean = {"source": src, "quote": quote.strip()}
            for k in ("quote_as_found", "repair_note"):
                if isinstance(c.get(k), str) and c[k].strip():
                    clean[k] = c[k].strip()
            self.add_ref(f"source/{src}", rec, "cite", ("Source",))
            out.append(clean)
        return out

    # ------------------------------------------------------------------ relations
    def relation(self, rec: Record) -> None:
        d = rec.data
        for k in d:
            if k not in REL_KEYS and k not in DEPRECATED:
                self.err(rec, k, f"unknown field ‘{k}’ for relations", f"fields of relations: {', '.join(sorted(REL_KEYS))}")
        rtype = d.get("type")
        rel = self.m.relationships.get(rtype) if isinstance(rtype, str) else None
        if rel is None or rel.provenance or rtype == "DESCRIBES":
            usable = ", ".join(t for t, r in self.m.relationships.items() if not r.provenance and t != "DESCRIBES")
            self.err(rec, "type", f"unknown relationship type {clip(rtype)}" if rel is None else
                     f"{rtype} is written by the loader, not by data files", f"use one of: {usable}")
            return
        out: dict[str, Any] = {"type": rtype}
        for end, allowed in (("from", rel.sources), ("to", rel.targets)):
            ref = d.get(end)
            if not isinstance(ref, str) or "/" not in ref:
                self.err(rec, end, f"‘{end}’ must be a reference such as `park/beijing`, got {clip(ref)}")
                return
            self.add_ref(ref, rec, end, allowed)
            out[end] = ref
        d = self.deprecated(rec, d)
        props = self.m.rel_properties
        for key in ("role_zh", "role_en", "note_zh", "note_en", "since", "since_precision", "since_text", "since_end"):
            if key in d and d[key] not in (None, ""):
                v = self.value(rec, key, d[key], props[key].pg_type, False)
                if v:
                    out[key] = v
        if "since_precision" in out and out["since_precision"] not in ("year", "month", "day"):
            self.err(rec, "since_precision", f"‘{out['since_precision']}’ is not a precision", "use one of: year, month, day")
            out.pop("since_precision")
        self.dates(rec, out, props)
        if d.get("iri_key") not in (None, ""):
            if isinstance(d["iri_key"], str):
                out["iri_key"] = d["iri_key"]
            else:
                self.err(rec, "iri_key", f"‘iri_key’ must be text, got {clip(d['iri_key'])}")
        if rtype == "RELATED_TO" and not (out.get("role_en") or out.get("role_zh")):
            self.err(rec, "role_en", "RELATED_TO needs a role (role_zh and role_en) saying how the two are related")
        out["cite"] = self.cites(rec, d.get("cite"), required=True)
        self.add_relation(out, rec)

    def references(self, exists) -> None:
        for ref, rec, fld, allowed in self.pending_refs:
            self.reference(ref, rec, fld, allowed, exists)

    def reference(self, ref: str, rec: Record, fld: str, allowed, exists) -> None:
        """Check one reference: its class, whether the field may point there, whether it is defined."""
        seg = ref_segment(ref)
        cls = self.segments.get(seg)
        if cls is None:
            segs = ", ".join(c.segment for c in self.m.classes.values() if c.name != "Quote")
            self.err(rec, fld, f"‘{ref}’ does not name a class (unknown segment ‘{seg}’)", f"segments: {segs}")
            return
        if allowed is not None and cls.name not in allowed:
            self.err(rec, fld, f"‘{ref}’ is a {cls.name}, which ‘{fld}’ cannot be here",
                     f"allowed: {', '.join(allowed)}")
            return
        if self.defined(ref):
            return
        if exists is not None and exists(ref):
            return
        self.err(rec, fld, f"unknown reference ‘{ref}’", "define it in a data file, or load the file that does first")

    def defined(self, ref: str) -> bool:
        return ref in self.ds.entities


def _kind(v: Any) -> str:
    return {bool: "true/false", list: "a list", dict: "a mapping", int: "a number", float: "a number",
            str: "text"}.get(type(v), type(v).__name__)
