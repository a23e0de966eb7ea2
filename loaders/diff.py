"""`parkgraph diff OLD NEW`: the facts added, changed and removed between two releases.

OLD and NEW are each a data folder (or data file) — compared record by record, as validated, with the
fields of the data files — or an RDF export (.ttl, .nt, .nq, .jsonld) — compared subject by subject,
with predicates as fields. Every fact is named by its IRI: an entity's (`…/park/beijing`) or a
relationship's statement IRI (`…/statement/<digest>`), so a fact keeps its name across releases as
long as its id (or, for a relationship, its ends, type and English role) does.

The report lists each change at field level (`as_of: 2019 → 2019-12`); `--format json` gives the
same as data, `--format markdown` a CHANGELOG entry.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parkgraph.errors import BadRequest, ValidationFailed
from parkgraph.iri import DEFAULT_BASE, mint, relative

RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}
Facts = dict[str, dict[str, Any]]  # uri → {field: value}


@dataclass
class Change:
    uri: str
    kind: str  # the class (Park, Observation…) or relationship type
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field → (old, new)


@dataclass
class Diff:
    added: list[tuple[str, str, dict]] = field(default_factory=list)     # (uri, kind, fields)
    removed: list[tuple[str, str, dict]] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    old_version: str | None = None
    new_version: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for what, items in (("added", self.added), ("removed", self.removed)):
            for _uri, kind, _f in items:
                out.setdefault(kind, {"added": 0, "changed": 0, "removed": 0})[what] += 1
        for c in self.changed:
            out.setdefault(c.kind, {"added": 0, "changed": 0, "removed": 0})["changed"] += 1
        return dict(sorted(out.items()))

    def to_dict(self) -> dict:
        return {"old_version": self.old_version, "new_version": self.new_version, "counts": self.counts(),
                "added": [{"uri": u, "kind": k, "fields": f} for u, k, f in self.added],
                "removed": [{"uri": u, "kind": k, "fields": f} for u, k, f in self.removed],
                "changed": [{"uri": c.uri, "kind": c.kind,
                             "fields": {k: {"old": o, "new": n} for k, (o, n) in c.fields.items()}} for c in self.changed]}


# ---------------------------------------------------------------------- reading one side
def data_version(path: str | Path) -> str | None:
    """The release a data folder declares in its VERSION file (one line, e.g. `0.2.0`)."""
    p = Path(path)
    f = (p if p.is_dir() else p.parent) / "VERSION"
    return f.read_text(encoding="utf-8").strip() or None if f.is_file() else None


def facts_of(path: str | Path, base_iri: str = DEFAULT_BASE) -> tuple[Facts, dict[str, str]]:
    """(facts by uri, kind by uri) of a data folder/file or an RDF export."""
    p = Path(path)
    if not p.exists():
        raise BadRequest(f"{p}: no such file or folder", hint="give two data folders or two RDF exports")
    if p.is_file() and p.suffix.lower() in RDF_SUFFIXES:
        return _rdf_facts(p, base_iri)
    return _data_facts(p, base_iri)


def _data_facts(p: Path, base_iri: str) -> tuple[Facts, dict[str, str]]:
    from .mapping import role_key, statement_uri
    from .validate import validate_paths
    ds = validate_paths([p])
    if not ds.ok:
        raise ValidationFailed(ds.problems, f"{p}: {len(ds.problems)} problem(s) found; nothing was compared")
    facts: Facts = {}
    kinds: dict[str, str] = {}
    for ref, (cls, data, _rec) in ds.entities.items():
        uri = mint(base_iri, ref)
        facts[uri] = _plain({k: v for k, v in data.items() if k != "id"})
        kinds[uri] = cls.name
    for data, _rec in ds.relations:
        src, dst = base_iri + data["from"], base_iri + data["to"]
        uri = statement_uri(base_iri, src, data["type"], dst, role_key(data))
        row = _plain({k: v for k, v in data.items() if k != "type"})
        if uri in facts:  # the same statement twice in the files: merged as the loader merges it
            row["cite"] = facts[uri].get("cite", []) + [c for c in row.get("cite", []) if c not in facts[uri].get("cite", [])]
            row = {**row, **{k: v for k, v in facts[uri].items() if k != "cite" and v is not None}}
        facts[uri] = row
        kinds[uri] = data["type"]
    return facts, kinds


def _plain(d: dict) -> dict:
    out = {}
    for k, v in d.items():
        if k == "cite":
            v = sorted(f"{c['source']}: {c['quote']}" for c in v)
        elif isinstance(v, float) and v.is_integer():
            v = int(v)
        out[k] = v
    return out


def _rdf_facts(p: Path, base_iri: str) -> tuple[Facts, dict[str, str]]:
    import rdflib
    from rdflib.namespace import RDF
    g = rdflib.Dataset() if RDF_SUFFIXES[p.suffix.lower()] == "nquads" else rdflib.Graph()
    try:
        g.parse(p, format=RDF_SUFFIXES[p.suffix.lower()])
    except Exception as e:  # noqa: BLE001 - any parser error is the file's fault
        raise BadRequest(f"{p}: not readable as {RDF_SUFFIXES[p.suffix.lower()]}: {e}") from e
    pg = "https://w3id.org/parkgraph/ontology#"
    skip = {base_iri + "dataset", base_iri + "dataset/statistics"}
    facts: Facts = {}
    kinds: dict[str, str] = {}
    triples = g.quads((None, None, None, None)) if isinstance(g, rdflib.Dataset) else ((s, p_, o, None) for s, p_, o in g)
    for s, pred, o, _ in triples:
        su = str(s)
        if su in skip or not su.startswith(base_iri):
            continue
        if pred == RDF.type and str(o).startswith(pg):
            kinds[su] = str(o)[len(pg):]
        key = _short(str(pred), pg)
        val = str(o) + (f"@{o.language}" if isinstance(o, rdflib.Literal) and o.language else "")
        facts.setdefault(su, {}).setdefault(key, set()).add(val)
    out: Facts = {u: {k: sorted(v) if len(v) > 1 else next(iter(v)) for k, v in sorted(f.items())} for u, f in facts.items()}
    return out, kinds


def _short(iri: str, pg: str) -> str:
    if iri.startswith(pg):
        return iri[len(pg):]
    for prefix, ns in (("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"), ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
                       ("skos", "http://www.w3.org/2004/02/skos/core#"), ("prov", "http://www.w3.org/ns/prov#"),
                       ("dct", "http://purl.org/dc/terms/"), ("schema", "https://schema.org/")):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


# ---------------------------------------------------------------------- comparing
def diff(old: str | Path, new: str | Path, base_iri: str = DEFAULT_BASE) -> Diff:
    (fo, ko), (fn, kn) = facts_of(old, base_iri), facts_of(new, base_iri)
    d = Diff(old_version=data_version(old) if Path(old).is_dir() else None,
             new_version=data_version(new) if Path(new).is_dir() else None)
    for uri in sorted(fn.keys() - fo.keys()):
        d.added.append((uri, kn.get(uri, ""), fn[uri]))
    for uri in sorted(fo.keys() - fn.keys()):
        d.removed.append((uri, ko.get(uri, ""), fo[uri]))
    for uri in sorted(fo.keys() & fn.keys()):
        a, b = fo[uri], fn[uri]
        fields = {k: (a.get(k), b.get(k)) for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)}
        if fields:
            d.changed.append(Change(uri, kn.get(uri) or ko.get(uri, ""), fields))
    _pair_restated(d)
    return d


def _pair_restated(d: Diff) -> None:
    """A relationship's statement IRI derives from its ends, type and English role: rewording the
    role mints a new IRI. When exactly one statement of a (type, from, to) was removed and one added,
    they are one fact whose wording changed: listed as changed, with `uri: old → new`."""
    def key(kind: str, f: dict):
        return (kind, f.get("from"), f.get("to")) if f.get("from") and f.get("to") else None
    gone: dict[tuple, list] = {}
    for item in d.removed:
        k = key(item[1], item[2])
        if k:
            gone.setdefault(k, []).append(item)
    came: dict[tuple, list] = {}
    for item in d.added:
        k = key(item[1], item[2])
        if k:
            came.setdefault(k, []).append(item)
    paired = set()
    for k, olds in gone.items():
        news = came.get(k, [])
        if len(olds) == 1 and len(news) == 1:
            (ou, kind, of), (nu, _k, nf) = olds[0], news[0]
            fields = {"uri": (ou, nu)} | {f: (of.get(f), nf.get(f)) for f in sorted(of.keys() | nf.keys()) if of.get(f) != nf.get(f)}
            d.changed.append(Change(nu, kind, fields))
            paired |= {ou, nu}
    if paired:
        d.removed = [x for x in d.removed if x[0] not in paired]
        d.added = [x for x in d.added if x[0] not in paired]
        d.changed.sort(key=lambda c: c.uri)


# ---------------------------------------------------------------------- reports
def _short_value(v: Any, limit: int = 80) -> str:
    s = "—" if v is None else json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)
    return s if len(s) <= limit else s[:limit - 1] + "…"


def text_report(d: Diff, base_iri: str = DEFAULT_BASE) -> str:
    def rel(uri: str) -> str:
        return relative(uri, base_iri)
    lines = [f"{len(d.added)} added, {len(d.changed)} changed, {len(d.removed)} removed"
             + (f" ({d.old_version or '?'} → {d.new_version or '?'})" if d.old_version or d.new_version else "")]
    for title, items in (("added", d.added), ("removed", d.removed)):
        if items:
            lines.append(f"\n{title}:")
            lines += [f"  {'+' if title == 'added' else '-'} {rel(u)}  [{k}]  {_short_value(f.get('name_zh') or f.get('rdfs:label') or '', 60)}"
                      for u, k, f in items]
    if d.changed:
        lines.append("\nchanged:")
        for c in d.changed:
            lines.append(f"  ~ {rel(c.uri)}  [{c.kind}]")
            lines += [f"      {k}: {_short_value(o)} → {_short_value(n)}" for k, (o, n) in c.fields.items()]
    return "\n".join(lines)


def markdown_report(d: Diff, title: str, base_iri: str = DEFAULT_BASE) -> str:
    """A CHANGELOG entry: counts by kind, then every fact added, changed (with its fields), removed."""
    def rel(uri: str) -> str:
        return relative(uri, base_iri)
    out = [f"## {title}", "", f"{len(d.added)} facts added, {len(d.changed)} changed, {len(d.removed)} removed "
           "(generated by `parkgraph diff`).", "", "| kind | added | changed | removed |", "|---|---:|---:|---:|"]
    out += [f"| {k} | {c['added']} | {c['changed']} | {c['removed']} |" for k, c in d.counts().items()]
    for head, items in (("Added", d.added), ("Removed", d.removed)):
        if items:
            out += ["", f"### {head}", ""]
            out += [f"- `{rel(u)}` ({k}) {_short_value(f.get('name_zh') or '', 60)}".rstrip() for u, k, f in items]
    if d.changed:
        # one line a fact with the fields that changed; `parkgraph diff` gives the values
        out += ["", "### Changed", ""]
        for c in d.changed:
            renamed = f" (was `{rel(c.fields['uri'][0])}`)" if "uri" in c.fields else ""
            out.append(f"- `{rel(c.uri)}` ({c.kind}){renamed}: " + ", ".join(k for k in c.fields if k != "uri"))
    return "\n".join(out) + "\n"
