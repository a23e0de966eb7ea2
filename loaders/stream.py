"""Validate and map data files in bounded memory, so a load of millions of CSV rows fits a small machine.

The in-memory path (`validate_paths` → `Dataset` → `build_plan` → `Plan`) holds every record, every row
and every problem at once: fine for the curated data, some 20 GB for a million enterprises. This module
gives the same answers — the same problems, the same rows — with memory that does not grow with the
number of fields or relations:

1. **index** — every file is read once for its ids only (CSV rows are streamed; YAML/JSON files,
   which are capped in size, are parsed once and their records kept in a temporary pickle). The
   ids become a sorted array of 64-bit hashes (8 bytes an entity) used to resolve references and to
   find duplicate ids.
2. **validate + map** — records are streamed through the same `_Validator` the in-memory path uses
   (its hooks are overridden: references are checked at once against the index, entities and
   relations go to the mapper instead of a dict). Mapped rows are spooled to temporary files in
   chunks; quotes and relations, which may repeat and must be merged, are spooled into hash
   partitions.
3. **finalise** — only when no problem was found: each partition is merged in memory (a fraction
   of the data at a time) exactly as `build_plan` merges, and the rows are ready to stream into
   the store, grouped by label and by (type, start label, end label).

A hash collision between two different ids (probability ~1e-7 at 10⁷ references) could let one
unknown reference pass as known; nothing else depends on the hashes.
"""
from __future__ import annotations

import array
import bisect
import codecs
import dataclasses
import os
import pickle
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from parkgraph.ontology import Model, load_model
from parkgraph.settings import setting

from . import readers
from .mapping import REL_DATA_KEYS, digest, node_row, quote_row, rel_props, role_key, statement_uri
from .merge import combine, source_clash
from .problems import Problem
from .readers import Record, expand_paths
from .validate import ID_RE, Dataset, _Validator

CHUNK = 2000            # rows per pickled chunk in the spool
BUFFERED_ROWS = 30_000  # rows held in memory by a spool at most, over all its keys
PARTITION_ROWS = 40_000  # lines of input per merge partition (quotes, relations): ~50 MB merged at once
_MISSING = object()


# ---------------------------------------------------------------------- spool
class Spool:
    """Rows appended under keys, pickled in chunks to files in a temporary folder, read back in order."""

    def __init__(self, root: str | Path | None = None):
        self.dir = Path(tempfile.mkdtemp(prefix="parkgraph-load-", dir=root))
        self._buf: dict[Any, list] = {}
        self._fh: dict[Any, Any] = {}
        self._path: dict[Any, Path] = {}
        self.counts: dict[Any, int] = {}
        self._seq = 0
        self._buffered = 0

    def add(self, key, row) -> None:
        buf = self._buf.get(key)
        if buf is None:
            buf = self._buf[key] = []
            self.counts[key] = 0
        buf.append(row)
        self.counts[key] += 1
        self._buffered += 1
        if len(buf) >= CHUNK:
            self._flush(key)
        elif self._buffered >= BUFFERED_ROWS:  # many keys (partitions) each holding a little: write them all
            for k in list(self._buf):
                self._flush(k)

    def _flush(self, key) -> None:
        buf = self._buf.get(key)
        if not buf:
            return
        fh = self._fh.get(key)
        if fh is None:
            if key not in self._path:
                self._seq += 1
                self._path[key] = self.dir / f"{self._seq:05d}.pkl"
            fh = self._fh[key] = open(self._path[key], "ab")
        pickle.dump(buf, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._buffered -= len(buf)
        self._buf[key] = []

    def keys(self) -> list:
        return list(self.counts)

    def count(self, key) -> int:
        return self.counts.get(key, 0)

    def read(self, key, drop: bool = False) -> Iterator[list]:
        """Chunks of rows under `key`, in the order they were added (`drop` deletes them after)."""
        fh = self._fh.pop(key, None)
        if fh is not None:
            fh.close()
        path = self._path.get(key)
        if path is not None and path.exists():
            with open(path, "rb") as f:
                while True:
                    try:
                        chunk = pickle.load(f)
                    except EOFError:
                        break
                    yield chunk
            if drop:
                path.unlink()
        rest = self._buf.get(key)
        if rest:
            yield rest
        if drop:
            self._buffered -= len(self._buf.pop(key, None) or [])
            self._path.pop(key, None)
            self.counts.pop(key, None)

    def close(self) -> None:
        for fh in self._fh.values():
            fh.close()
        self._fh.clear()
        self._buf.clear()
        shutil.rmtree(self.dir, ignore_errors=True)

    def detach(self) -> dict:
        """Flush everything to disk and describe it, for another process to `attach` (its files stay)."""
        for key in list(self._buf):
            self._flush(key)
        for fh in self._fh.values():
            fh.close()
        self._fh.clear()
        return {"dir": str(self.dir), "paths": dict(self._path), "counts": dict(self.counts), "seq": self._seq}

    @classmethod
    def attach(cls, state: dict) -> "Spool":
        sp = cls.__new__(cls)
        sp.dir = Path(state["dir"])
        sp._buf, sp._fh = {}, {}
        sp._path = {k: Path(v) for k, v in state["paths"].items()}
        sp.counts = dict(state["counts"])
        sp._seq = state["seq"]
        sp._buffered = 0
        return sp


# ---------------------------------------------------------------------- pass 1: the id index
class RefIndex:
    """Defined `segment/id` references as a sorted array of 64-bit hashes."""

    def __init__(self):
        self._raw = array.array("q")
        self._arr: array.array | None = None
        self.dups: set[int] = set()

    def add(self, ref: str) -> None:
        self._raw.append(hash(ref))

    def freeze(self) -> None:
        keys = sorted(self._raw)
        self._raw = array.array("q")
        self._arr = array.array("q", keys)
        self.dups = {keys[i] for i in range(1, len(keys)) if keys[i] == keys[i - 1]}
        del keys

    def __contains__(self, ref: str) -> bool:
        h = hash(ref)
        a = self._arr
        i = bisect.bisect_left(a, h)
        return i < len(a) and a[i] == h

    def maybe_duplicate(self, ref: str) -> bool:
        return bool(self.dups) and hash(ref) in self.dups

    def __len__(self) -> int:
        return len(self._arr) if self._arr is not None else len(self._raw)


def _check_bytes(path: Path) -> tuple[bool, bool]:
    """Whether a CSV file decodes the way `readers.decode` accepts (UTF-8, optional BOM, no NUL,
    not blank), read in chunks; and whether it may be cut into pieces at line ends (no lone CR)."""
    dec = codecs.getincrementaldecoder("utf-8")("strict")
    blank, first, lone_cr = True, True, False
    try:
        with open(path, "rb") as f:
            while True:
                chunk = f.read(1 << 20)
                if first:
                    if chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
                        return False, False
                    first = False
                if not chunk:
                    break
                if b"\x00" in chunk:
                    return False, False
                if blank and chunk.strip():
                    blank = False
                if not lone_cr and chunk.count(b"\r") != chunk.count(b"\r\n"):
                    lone_cr = True  # (a CR at a chunk edge only makes us not cut the file: harmless)
                dec.decode(chunk)
            dec.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False, False
    return not blank, not lone_cr


class _Files:
    """The files of a load, in the order `read_paths` reads them, cut into units of work."""

    def __init__(self, paths, spool: Spool):
        self.files, self.problems = expand_paths(paths)
        self.spool = spool
        self.units: list[tuple] = []  # work for pass 2: (seq, file index, kind, start, end, header, line offset)
        self.sources: list[Record] = []  # Source records of YAML/JSON files, checked against the graph's
        self.lines = 0
        self.bytes = 0

    def index(self, model: Model, cut_bytes: int) -> RefIndex:
        """Pass 1: every defined id into the index, every file into units."""
        idx = RefIndex()
        collections = {c.collection: c for c in model.classes.values() if c.name != "Quote"}
        for i, path in enumerate(self.files):
            if path.suffix.lower() == ".csv":
                ok, cuttable = _check_bytes(path)
                if ok:
                    cls = collections.get(path.stem)
                    size = path.stat().st_size
                    self.bytes += size
                    header, cuts, lines = _scan_csv(path, cls, idx, cut_bytes if cuttable else 0)
                    self.lines += lines
                    starts = [(0, 0), *cuts]
                    for k, (start, offset) in enumerate(starts):
                        end = starts[k + 1][0] if k + 1 < len(starts) else size
                        self.units.append((len(self.units), i, "csv", start, end, header if k else None, offset))
                    continue
            # YAML/JSON (bounded in size), and CSV files the reader will refuse: read whole, keep the result
            recs, probs = readers.read_file(path)
            self.lines += len(recs)
            for rec in recs:
                cls = collections.get(rec.collection)
                rid = rec.data.get("id")
                if isinstance(rid, int) and not isinstance(rid, bool):
                    rid = str(rid)
                if cls is not None and isinstance(rid, str) and rid and ID_RE.match(rid):
                    idx.add(f"{cls.segment}/{rid}")
                    if cls.name == "Source":
                        self.sources.append(rec)
            self.spool.add(("file", i), (recs, probs))
            self.units.append((len(self.units), i, "records", 0, 0, None, 0))
        idx.freeze()
        return idx

    def first_locations(self, model: Model, idx: RefIndex) -> dict[str, tuple]:
        """Where each id that occurs more than once is first defined (ids are rarely repeated: only
        then are the files read for it), as (file, line, merged data): the merged data when the
        definitions come from different files and agree (loaders.merge: one node), else None with
        the reason they differ (an error naming both places)."""
        if not idx.dups:
            return {}
        collections = {c.collection: c for c in model.classes.values() if c.name != "Quote"}
        defs: dict[str, list[Record]] = {}
        for unit in self.units:
            for item in self.unit_items(unit):
                if isinstance(item, Record):
                    cls = collections.get(item.collection)
                    rid = item.data.get("id")
                    if isinstance(rid, int) and not isinstance(rid, bool):
                        rid = str(rid)
                    if cls is not None and isinstance(rid, str) and rid and ID_RE.match(rid):
                        ref = f"{cls.segment}/{rid}"
                        if idx.maybe_duplicate(ref):
                            defs.setdefault(ref, []).append(item)
        first: dict[str, tuple] = {}
        for ref, recs in defs.items():
            data, why = combine(recs) if len(recs) > 1 else (None, None)
            first[ref] = (recs[0].file, recs[0].line, data, why)
        return first

    def unit_items(self, unit) -> Iterator[Record | Problem]:
        _seq, i, kind, start, end, header, offset = unit
        path = self.files[i]
        if kind == "records":
            for chunk in self.spool.read(("file", i)):
                for recs, probs in chunk:
                    yield from probs
                    yield from recs
            return
        import io
        with open(path, "rb") as fh:
            fh.seek(start)
            raw = fh.read(end - start)
        text = raw.decode("utf-8-sig" if start == 0 else "utf-8")
        del raw
        yield from readers.iter_csv(path, io.StringIO(text, newline=""), header, offset)


def _scan_csv(path: Path, cls, idx: RefIndex, cut_bytes: int) -> tuple[list[str] | None, list[tuple[int, int]], int]:
    """Read a CSV file once, the way `readers.iter_csv` does: index the id of every row that
    becomes a record (when the file is an entity collection), and find where it may be cut into
    pieces of about `cut_bytes` — after a complete record, as the csv module sees records (the
    reader takes exactly one line at a time, so the bytes it has taken mark the end of a record).
    Returns the header, the cuts as (byte offset, lines before) and the number of lines."""
    import csv
    state = [0, 0]  # bytes, lines taken by the reader

    def lines(fh):
        first = True
        for raw in fh:
            state[0] += len(raw)
            state[1] += 1
            if first:
                first = False
                yield raw.decode("utf-8-sig")
            else:
                yield raw.decode("utf-8")
    cuts: list[tuple[int, int]] = []
    header = None
    with open(path, "rb") as fh:
        reader = csv.reader(lines(fh))
        try:
            header = [h.strip() for h in next(reader)]
        except (StopIteration, csv.Error):
            return None, [], state[1]
        col = max((i for i, h in enumerate(header) if h == "id"), default=None) if cls is not None else None
        n = len(header)
        last = 0
        try:
            for row in reader:
                if col is not None and len(row) == n:
                    rid = row[col].strip()
                    if rid and ID_RE.match(rid) and any(c.strip() for c in row):
                        idx.add(f"{cls.segment}/{rid}")
                if cut_bytes and state[0] - last >= cut_bytes:
                    cuts.append((state[0], state[1]))
                    last = state[0]
        except csv.Error:
            pass  # the rest of the file stays in the last piece, where iter_csv reports the error
        size = path.stat().st_size
        cuts = [c for c in cuts if c[0] < size]
    return header, cuts, state[1]


# ---------------------------------------------------------------------- pass 2: validate and map
class _StreamValidator(_Validator):
    def __init__(self, model: Model, ds: Dataset, index: RefIndex, first: dict, check_db: bool,
                 mapper: "StreamMapper | _NullMapper", spool: Spool):
        super().__init__(model, ds)
        self.index = index
        self.mapper = mapper
        self.first = first
        self.entities = 0
        self.relations = 0
        self.spool = spool
        self._exists = self._later if check_db else None

    def _later(self, ref: str) -> bool:
        # the graph is asked after pass 2, by the parent process (it holds the store): note it
        self.spool.add(("unresolved",), (ref, self._rec.file, self._rec.line_of(self._fld), self._fld))
        return True

    def record(self, rec: Record) -> None:
        ref = self._ref(rec)
        loc = self.first.get(ref) if ref and self.index.maybe_duplicate(ref) else None
        if loc is not None and loc[2] is not None:   # one entity defined alike in several files
            if (rec.file, rec.line) != loc[:2]:
                return                               # folded into its first definition
            rec = dataclasses.replace(rec, data=loc[2])
        super().record(rec)

    def _ref(self, rec: Record) -> str | None:
        cls = self.collections.get(rec.collection)
        rid = rec.data.get("id")
        if isinstance(rid, int) and not isinstance(rid, bool):
            rid = str(rid)
        return f"{cls.segment}/{rid}" if cls is not None and isinstance(rid, str) and rid else None

    def first_definition(self, ref: str, rec: Record) -> Record | None:
        if not self.index.maybe_duplicate(ref):
            return None
        loc = self.first.get(ref)
        if loc is None or loc[:2] == (rec.file, rec.line):
            return None
        return Record(rec.collection, {}, loc[0], loc[1])

    def duplicate(self, rec: Record, rid: str, ref: str, other: Record) -> None:
        why = (self.first.get(ref) or (None, None, None, None))[3]
        if why:
            self.err(rec, "id", f"id ‘{rid}’ in {rec.collection} is defined differently in two files", why)
        else:
            super().duplicate(rec, rid, ref, other)

    def add_entity(self, ref, cls, out, rec) -> None:
        self.entities += 1
        if not self.ds.problems:
            self.mapper.entity(ref, cls, out)

    def add_relation(self, out, rec) -> None:
        self.relations += 1
        if not self.ds.problems:
            self.mapper.relation(out)

    def add_ref(self, ref, rec, fld, allowed) -> None:
        self._rec, self._fld = rec, fld
        self.reference(ref, rec, fld, allowed, self._exists)

    def defined(self, ref: str) -> bool:
        return ref in self.index


class StreamMapper:
    """`build_plan`, one record at a time, into a spool. Quotes and relations, which may repeat,
    go to hash partitions tagged with the unit they came from, so that they can be merged in file
    order however the units were shared among processes."""

    def __init__(self, model: Model, base_iri: str, spool: Spool, partitions: int):
        self.m = model
        self.base = base_iri
        self.spool = spool
        self.parts = max(1, partitions)
        self.seq = 0
        self.label_of_segment = {c.segment: c.name for c in model.classes.values()}
        self._recent: OrderedDict[str, None] = OrderedDict()  # quotes just spooled, to skip plain repeats

    def label(self, uri: str) -> str:
        return self.label_of_segment[uri[len(self.base):].split("/", 1)[0]]

    def quotes(self, cites: list[dict]) -> list[str]:
        uris = []
        recent = self._recent
        for c in cites:
            uri = f"{self.base}quote/{digest(c['source'], c['quote'])}"
            # a plain repeat (no repair fields) of a quote just spooled cannot change the merged row
            if uri not in recent or c.get("quote_as_found") or c.get("repair_note"):
                self.spool.add(("quotes", hash(uri) % self.parts), (self.seq, quote_row(c, self.base)))
                recent[uri] = None
                if len(recent) > 50_000:
                    recent.popitem(last=False)
            uris.append(uri)
        return list(dict.fromkeys(uris)) if len(uris) > 1 else uris

    def entity(self, ref: str, cls, data: dict) -> None:
        uri = self.base + ref
        self.spool.add(("node", cls.name), node_row(cls, data, uri))
        q = self.quotes(data.get("cite", []))
        if cls.needs_citation:
            for quri in q:
                self.spool.add(("rel", "DERIVED_FROM", cls.name, "Quote"),
                               {"uri": statement_uri(self.base, uri, "DERIVED_FROM", quri, None), "from": uri, "to": quri,
                                "quotes": None})
        if cls.name == "Observation":
            to = self.base + data["subject"]
            self.spool.add(("rel", "DESCRIBES", cls.name, self.label(to)),
                           {"uri": statement_uri(self.base, uri, "DESCRIBES", to, None), "from": uri, "to": to,
                            "quotes": q or None})

    def relation(self, data: dict) -> None:
        src, dst = self.base + data["from"], self.base + data["to"]
        uri = statement_uri(self.base, src, data["type"], dst, role_key(data))
        self.spool.add(("relations", hash(uri) % self.parts),
                       (self.seq, data["type"], {"uri": uri, "from": src, "to": dst,
                                                 "quotes": self.quotes(data["cite"]), **rel_props(data, self.m)}))


def finalise(model: Model, base_iri: str, spools: list[Spool], out: Spool, parts: int) -> None:
    """Merge repeated quotes and relations partition by partition, in file order, as `build_plan`
    merges them, into `out`."""
    import heapq
    label_of_segment = {c.segment: c.name for c in model.classes.values()}

    def label(uri: str) -> str:
        return label_of_segment[uri[len(base_iri):].split("/", 1)[0]]

    def merged_stream(key):
        streams = [(row for chunk in sp.read(key, drop=True) for row in chunk) for sp in spools]
        return streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda x: x[0])
    for p in range(parts):
        merged: dict[str, dict] = {}
        for _seq, row in merged_stream(("quotes", p)):
            have = merged.get(row["uri"])
            if have is None:
                merged[row["uri"]] = row
            else:
                have["text_as_found"] = have["text_as_found"] or row["text_as_found"]
                have["repair_note"] = have["repair_note"] or row["repair_note"]
        for quri, row in merged.items():
            src = row.pop("_source")
            out.add(("node", "Quote"), row)
            out.add(("rel", "QUOTED_FROM", "Quote", "Source"),
                    {"uri": statement_uri(base_iri, quri, "QUOTED_FROM", src, None), "from": quri, "to": src,
                     "quotes": None})
    for p in range(parts):
        rels: dict[str, tuple[str, dict]] = {}
        for _seq, rtype, row in merged_stream(("relations", p)):
            seen = rels.get(row["uri"])
            if seen is None:
                rels[row["uri"]] = (rtype, row)
                continue
            kept = seen[1]
            kept["quotes"] = list(dict.fromkeys(kept["quotes"] + row["quotes"]))
            for k in REL_DATA_KEYS:
                kept[k] = kept.get(k) or row[k]
        for rtype, row in rels.values():
            if not row["quotes"]:
                row["quotes"] = None
            out.add(("rel", rtype, label(row["from"]), label(row["to"])), row)


def _run_units(files: _Files, units: list, model: Model, base_iri: str, index: RefIndex, first: dict,
               check_db: bool, map_rows: bool, spool: Spool, parts: int) -> dict:
    """Pass 2 over some units: validate every record, map it into `spool`."""
    ds = Dataset()
    mapper = StreamMapper(model, base_iri, spool, parts) if map_rows else _NullMapper()
    v = _StreamValidator(model, ds, index, first, check_db, mapper, spool)
    for unit in units:
        mapper.seq = unit[0]
        for item in files.unit_items(unit):
            if isinstance(item, Problem):
                ds.problems.append(item)
            else:
                v.record(item)
    return {"problems": ds.problems, "entities": v.entities, "relations": v.relations}


def _child(conn, files, units, model, base_iri, index, first, check_db, map_rows, parts, root) -> None:
    try:
        spool = Spool(root)
        out = _run_units(files, units, model, base_iri, index, first, check_db, map_rows, spool, parts)
        out["spool"] = spool.detach()
        conn.send(("ok", out))
    except BaseException as e:  # noqa: BLE001 - reported to the parent
        import traceback
        conn.send(("error", f"{type(e).__name__}: {e}\n{traceback.format_exc()}"))
    finally:
        conn.close()


# ---------------------------------------------------------------------- the result
class StreamPlan:
    """What a load will write, as a row source for `GraphStore.bulk_load`: rows per label and per
    (type, start label, end label), streamed from the spools. Counts mirror `mapping.Plan`."""

    def __init__(self, model: Model, spools: list[Spool]):
        self.model = model
        self.spools = spools

    def _count(self, key) -> int:
        return sum(sp.count(key) for sp in self.spools)

    def _read(self, key):
        for sp in self.spools:
            yield from sp.read(key)

    def node_labels(self) -> list[str]:
        return [l for l in self.model.labels if self._count(("node", l))]

    def node_batches(self, label: str) -> Iterator[list[dict]]:
        return self._read(("node", label))

    def rel_groups(self) -> list[tuple[str, str, str]]:
        order = {t: i for i, t in enumerate(self.model.rel_types)}
        groups = {k[1:] for sp in self.spools for k in sp.keys() if k[0] == "rel" and sp.count(k)}
        return sorted(groups, key=lambda g: (order[g[0]], g[1], g[2]))

    def rel_batches(self, group: tuple[str, str, str]) -> Iterator[list[dict]]:
        return self._read(("rel", *group))

    def label_count(self, label) -> int:
        return self._count(("node", label))

    # the interface of mapping.Plan that reports use
    @property
    def nodes(self) -> dict[str, int]:
        return {l: self._count(("node", l)) for l in self.model.labels}

    @property
    def rels(self) -> dict[str, int]:
        out = {t: 0 for t in self.model.rel_types}
        for sp in self.spools:
            for k in sp.keys():
                if k[0] == "rel":
                    out[k[1]] += sp.count(k)
        return out

    def node_count(self) -> int:
        return sum(self.nodes.values())

    def rel_count(self) -> int:
        return sum(self.rels.values())

    def summary(self) -> dict:
        return {"nodes": {k: v for k, v in self.nodes.items() if v},
                "relationships": {k: v for k, v in self.rels.items() if v}}

    def close(self) -> None:
        for sp in self.spools:
            sp.close()


class StreamResult:
    def __init__(self, problems: list[Problem], entities: int, relations: int, plan: StreamPlan | None):
        self.problems = problems
        self.entity_count = entities
        self.relation_count = relations
        self.plan = plan

    @property
    def ok(self) -> bool:
        return not self.problems


CUT_BYTES = 4 << 20        # a big CSV file is validated in pieces of about this size
PARALLEL_BYTES = 16 << 20  # below this much CSV, one process does it all


def default_processes() -> int:
    chosen = int(setting("load_processes"))
    if chosen:
        return chosen
    return max(1, min(4, os.cpu_count() or 1))


def validate_and_map(paths: list[str | Path], *, model: Model | None = None, base_iri: str = "https://w3id.org/parkgraph/id/",
                     exists: Callable[[str], bool] | None = None, map_rows: bool = True,
                     tmp_dir: str | Path | None = None, processes: int | None = None,
                     node: Callable[[str], dict | None] | None = None) -> StreamResult:
    """Validate the files; when there is no problem (and `map_rows`), return the plan to write.
    `node(ref)` gives the graph's node of a reference: a Source a file defines under an id the graph
    holds for another article (another URL or title) is an error naming both, never an overwrite.
    Big CSV files are validated in pieces by `processes` forked worker processes (default: the
    cores, up to 4); the result does not depend on how many. The caller closes `result.plan`."""
    import multiprocessing
    model = model or load_model()
    root = tmp_dir or setting("tmp_dir") or None
    main = Spool(root)
    spools = [main]
    try:
        files = _Files(paths, main)
        index = files.index(model, CUT_BYTES)
        first = files.first_locations(model, index)
        parts = max(1, files.lines // PARTITION_ROWS)
        procs = processes or default_processes()
        if procs > 1 and (files.bytes < PARALLEL_BYTES or "fork" not in multiprocessing.get_all_start_methods()):
            procs = 1
        problems = list(files.problems)
        entities = relations = 0
        args = (model, base_iri, index, first, exists is not None, map_rows)
        if procs == 1:
            outs = [_run_units(files, files.units, *args, main, parts)]
        else:
            ctx = multiprocessing.get_context("fork")
            children = []
            for k in range(procs):
                recv, send = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_child, args=(send, files, files.units[k::procs], *args, parts, root), daemon=True)
                proc.start()
                send.close()
                children.append((proc, recv))
            outs, errors = [], []
            for proc, recv in children:
                try:
                    status, out = recv.recv()
                except EOFError:
                    status, out = "error", f"validation worker {proc.pid} died (exit code {proc.exitcode})"
                proc.join()
                if status == "ok":
                    spools.append(Spool.attach(out.pop("spool")))
                    outs.append(out)
                else:
                    errors.append(out)
            if errors:
                raise RuntimeError("validation worker failed: " + errors[0])
        for out in outs:
            problems += out["problems"]
            entities += out["entities"]
            relations += out["relations"]
        if exists is not None:  # references to entities the files do not define: ask the graph, once per id
            known: OrderedDict[str, bool] = OrderedDict()
            for sp in spools:
                for chunk in sp.read(("unresolved",), drop=True):
                    for ref, file, line, fld in chunk:
                        hit = known.get(ref)
                        if hit is None:
                            hit = known[ref] = bool(exists(ref))
                            if len(known) > 100_000:
                                known.popitem(last=False)
                        if not hit:
                            problems.append(Problem(file, line, fld, f"unknown reference ‘{ref}’",
                                                    "define it in a data file, or load the file that does first"))
        if node is not None:
            seg = model.classes["Source"].segment
            for rec in files.sources:
                why = source_clash(rec.data, node(f"{seg}/{rec.data['id']}"))
                if why:
                    problems.append(Problem(rec.file, rec.line_of("url"), "id",
                                            f"source id ‘{rec.data['id']}’ is taken", why))
        problems.sort(key=lambda p: (p.file, p.line or 0))
        if problems or not map_rows:
            for sp in spools:
                sp.close()
            return StreamResult(problems, entities, relations, None)
        finalise(model, base_iri, spools, main, parts)
        return StreamResult([], entities, relations, StreamPlan(model, spools))
    except BaseException:
        for sp in spools:
            sp.close()
        raise


class _NullMapper:
    seq = 0

    def entity(self, *a) -> None: ...

    def relation(self, *a) -> None: ...
