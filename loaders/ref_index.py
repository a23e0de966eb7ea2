"""Pass 1 of a streamed load (see loaders/stream.py): every file is read once for its ids only, and
cut into units of work for pass 2. The ids become a sorted array of 64-bit hashes (8 bytes an
entity), used to resolve references and to find duplicate ids.

A hash collision between two different ids (probability ~1e-7 at 10⁷ references) could let one
unknown reference pass as known; nothing else depends on the hashes.
"""
from __future__ import annotations

import array
import bisect
import codecs
from collections.abc import Iterator
from pathlib import Path

from parkgraph.ontology import Model

from . import readers
from .merge import combine
from .problems import Problem
from .readers import Record, expand_paths
from .spool import Spool
from .validate import ID_RE


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
        then are the files read for it), as (file, line, merged data, why): the merged data when the
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
