"""Validate and map data files in bounded memory, so a load of millions of CSV rows fits a small machine.

`validate_paths` (loaders/validate.py) holds every record and every problem at once: fine for the
curated data, some 20 GB for a million enterprises. This gives the same problems with memory that
does not grow with the number of fields or relations, and maps the records as it goes:

1. **index** (loaders/ref_index.py) — every file is read once for its ids only (CSV rows are
   streamed; YAML/JSON files, which are capped in size, are parsed once and their records kept in a
   temporary pickle), into a sorted array of id hashes used to resolve references and find
   duplicate ids; the files are cut into units of work.
2. **validate + map** (here) — records are streamed through the same `_Validator` that
   `validate_paths` uses (its hooks are overridden: references are checked at once against the
   index, entities and relations go to the mapper instead of a dict). Big CSV files are shared among
   forked worker processes. Mapped rows are spooled (loaders/spool.py) to temporary files in chunks;
   quotes and relations, which may repeat and must be merged, into hash partitions.
3. **finalise** (loaders/plan.py) — only when no problem was found: each partition is merged in
   memory (a fraction of the data at a time), and the rows are ready to stream into the store,
   grouped by label and by (type, start label, end label). An in-memory `Dataset` takes the same
   mapping and merge through `plan.map_dataset`.
"""
from __future__ import annotations

import dataclasses
import os
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from parkgraph.iri import DEFAULT_BASE
from parkgraph.ontology import Model, load_model
from parkgraph.settings import setting

from .merge import source_clash
from .plan import PARTITION_ROWS, StreamMapper, StreamPlan, finalise
from .problems import Problem
from .readers import Record
from .ref_index import RefIndex, _Files
from .spool import Spool
from .validate import Dataset, _Validator

__all__ = ["StreamPlan", "StreamResult", "default_processes", "validate_and_map"]


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


def validate_and_map(paths: list[str | Path], *, model: Model | None = None, base_iri: str = DEFAULT_BASE,
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
