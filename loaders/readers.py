"""Read YAML, JSON and CSV data files into records that remember the line of every field.

Files are decoded strictly as UTF-8 (a UTF-8 byte-order mark is accepted and dropped); anything else
is reported with what it looks like, so a spreadsheet saved as GBK gets a message, not mojibake.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from .problems import Problem, clip

MAX_STRUCTURED_BYTES = 64 * 1024 * 1024  # YAML/JSON are parsed whole; big data belongs in CSV
# A record is collection → list → record → field → (cite list → citation → value): 6 levels. 20 leaves
# room for nested values and refuses the "[[[[…" files that make a parser recurse (libyaml stops at
# 1000, the pure-Python parser does not stop at all).
MAX_NESTING = 20
DATA_SUFFIXES = {".yaml", ".yml", ".json", ".csv"}


@dataclass
class Record:
    collection: str
    data: dict[str, Any]
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


def expand_paths(paths: list[str | Path]) -> tuple[list[Path], list[Problem]]:
    files, problems = [], []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DATA_SUFFIXES)
            if not found:
                problems.append(Problem(str(p), None, None, "no data files (.yaml, .yml, .json, .csv) in this folder"))
            files += found
        elif p.exists():
            if p.suffix.lower() not in DATA_SUFFIXES:
                problems.append(Problem(str(p), None, None, f"unsupported file type {p.suffix or '(none)'}",
                                        "use .yaml, .yml, .json or .csv"))
            else:
                files.append(p)
        else:
            problems.append(Problem(str(p), None, None, "no such file or folder"))
    return files, problems


def decode(path: Path, raw: bytes) -> tuple[str | None, list[Problem]]:
    f = str(path)
    if not raw.strip():
        return None, [Problem(f, None, None, "file is empty", "add records, or leave the file out")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(f, 1, None, "file is UTF-16 encoded", "save it as UTF-8")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        hint = "save it as UTF-8"
        try:
            raw.decode("gb18030")
            hint = "it looks like GBK/GB18030 (common for Excel exports in China); save it as UTF-8"
        except UnicodeDecodeError:
            pass
        return None, [Problem(f, line, None, f"file is not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})", hint)]
    if "\x00" in text:
        return None, [Problem(f, text[: text.index("\x00")].count("\n") + 1, None, "file contains NUL bytes; is it binary?")]
    return text, []


def read_file(path: Path) -> tuple[list[Record], list[Problem]]:
    f = str(path)
    try:
        size = path.stat().st_size
        suffix = path.suffix.lower()
        if suffix != ".csv" and size > MAX_STRUCTURED_BYTES:
            return [], [Problem(f, None, None, f"file is {size / 1e6:.0f} MB; YAML/JSON files are limited to {MAX_STRUCTURED_BYTES // 2**20} MiB",
                                "split it, or use CSV for bulk rows")]
        raw = path.read_bytes()
    except OSError as e:
        return [], [Problem(f, None, None, f"cannot read file: {e.strerror or e}")]
    text, problems = decode(path, raw)
    if text is None:
        return [], problems
    if suffix == ".csv":
        return _read_csv(path, text)
    if suffix == ".json":
        try:
            json.loads(text)
        except json.JSONDecodeError as e:
            return [], [Problem(f, e.lineno, None, f"invalid JSON: {e.msg} (column {e.colno})")]
        except RecursionError:
            return [], [Problem(f, None, None, f"JSON nested too deeply (more than {MAX_NESTING} levels)",
                                "records are flat: collection → list of records → fields")]
    return _read_structured(path, text)


def _read_structured(path: Path, text: str) -> tuple[list[Record], list[Problem]]:
    f = str(path)
    try:
        root = yaml.compose(text, Loader=_COMPOSER)  # a new loader per call, disposed when it returns
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        if "maximum nesting depth" in str(e.problem or e.context):
            return [], [_too_deep(f, line)]
        return [], [Problem(f, line, None, f"invalid YAML: {clip(e.problem or e.context, quote=False)}",
                            "check indentation and quoting near this line")]
    except yaml.YAMLError as e:
        return [], [Problem(f, None, None, f"invalid YAML: {clip(str(e), quote=False)}")]
    except RecursionError:  # the pure-Python composer (no libyaml) recurses once per level
        return [], [_too_deep(f, None)]
    if root is not None:
        shape = _check_shape(f, root)
        if shape:
            return [], [shape]
    if root is None:
        return [], [Problem(f, None, None, "file is empty", "add records, or leave the file out")]
    if not isinstance(root, yaml.MappingNode):
        return [], [Problem(f, root.start_mark.line + 1, None,
                            "the file must be a mapping of collection name to a list of records",
                            "start with e.g. `enterprises:` and list records under it")]
    records, problems = [], []
    seen = set()
    construct = _constructor()
    for knode, vnode in root.value:
        coll = knode.value
        if coll in seen:
            problems.append(Problem(f, knode.start_mark.line + 1, coll, f"collection ‘{coll}’ appears twice in this file"))
        seen.add(coll)
        if not isinstance(vnode, yaml.SequenceNode):
            if isinstance(vnode, yaml.ScalarNode) and vnode.value in ("", "~", "null"):
                continue  # an empty collection
            problems.append(Problem(f, vnode.start_mark.line + 1, coll, f"‘{coll}’ must be a list of records"))
            continue
        for item in vnode.value:
            line = item.start_mark.line + 1
            if not isinstance(item, yaml.MappingNode):
                problems.append(Problem(f, line, coll, "each record must be a mapping of field: value"))
                continue
            data, lines = {}, {}
            for k, v in item.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else clip(str(k), quote=False)
                if key in data:
                    problems.append(Problem(f, k.start_mark.line + 1, key, f"field ‘{key}’ is given twice in one record"))
                try:
                    data[key] = construct(v)
                except yaml.YAMLError as e:
                    problems.append(Problem(f, v.start_mark.line + 1, key, f"invalid value: {clip(str(e), quote=False)}"))
                    continue
                lines[key] = k.start_mark.line + 1
            records.append(Record(coll, data, f, line, lines))
    return records, problems


# libyaml's parser when PyYAML has it: 5x faster, the same nodes with the same line marks (composing
# the bundled data was a third of `parkgraph serve`'s first start)
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _constructor():
    """SafeLoader's constructors (so `2019-01-21` becomes a date, `128` an int, …), new for every file:
    a constructor remembers every node it built, so one shared for the process kept every upload's
    nodes for ever (+150–220 MB per 6 MB upload)."""
    c = yaml.constructor.SafeConstructor()
    return lambda node: c.construct_object(node, deep=True)


def _too_deep(f: str, line: int | None) -> Problem:
    return Problem(f, line, None, f"values are nested more than {MAX_NESTING} levels deep",
                   "records are flat: collection → list of records → fields")


def _check_shape(f: str, root: yaml.Node) -> Problem | None:
    """Refuse aliases (`*name`) and deep nesting before anything is built from the nodes. The composer
    shares one node for an anchor and all its aliases, so a 573-byte "billion laughs" composes small;
    it is building values (or printing them) that would expand it to gigabytes. One walk, no recursion."""
    seen: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, int]] = [(root, 1, root.start_mark.line + 1)]
    while stack:
        node, depth, where = stack.pop()
        if id(node) in seen:
            return Problem(f, where, None, "YAML aliases (`*name`) are not supported: this value repeats the one "
                           f"anchored (`&name`) on line {seen[id(node)]}", "write the value out in full")
        seen[id(node)] = node.start_mark.line + 1
        if depth > MAX_NESTING:
            return _too_deep(f, node.start_mark.line + 1)
        if isinstance(node, yaml.SequenceNode):
            stack += [(n, depth + 1, node.start_mark.line + 1) for n in node.value]
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack += [(k, depth + 1, k.start_mark.line + 1), (v, depth + 1, k.start_mark.line + 1)]
    return None


def _read_csv(path: Path, text: str) -> tuple[list[Record], list[Problem]]:
    records: list[Record] = []
    problems: list[Problem] = []
    for item in iter_csv(path, io.StringIO(text, newline="")):
        if isinstance(item, Record):
            records.append(item)
        else:
            problems.append(item)
    return records, problems


def iter_csv(path: Path, fh, header: list[str] | None = None, line_offset: int = 0) -> Iterator[Record | Problem]:
    """Records and problems of one CSV file, one row at a time, from a text stream opened with
    newline="" (the loader streams big files through this; `_read_csv` collects it). A stream
    that starts after the header of its file (a piece of a big file) gets the file's `header` and
    the number of lines before it."""
    f = str(path)
    coll = path.stem
    reader = csv.reader(fh)
    if header is None:
        try:
            header = next(reader)
        except (StopIteration, csv.Error) as e:
            yield Problem(f, 1, None, f"no header row ({e})" if str(e) else "no header row")
            return
        header = [h.strip() for h in header]
        if len(set(header)) != len(header):
            dup = sorted({h for h in header if header.count(h) > 1})
            yield Problem(f, 1, ",".join(dup), "duplicate column names in the header")
    try:
        for row in reader:
            line = reader.line_num + line_offset
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(header):
                yield Problem(f, line, None, f"row has {len(row)} cells but the header has {len(header)}",
                              "quote cells that contain commas")
                continue
            data = {h: v for h, v in zip(header, row) if v.strip() != ""}
            yield Record(coll, _csv_fields(data), f, line, {h: line for h in data})
    except csv.Error as e:
        yield Problem(f, reader.line_num + line_offset, None, f"invalid CSV: {e}")


def _csv_fields(data: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cite_src = data.pop("cite_source", None)
    cite_quote = data.pop("cite_quote", None)
    for k, v in data.items():
        out[k] = v.strip()
    if cite_src is not None or cite_quote is not None:
        srcs = (cite_src or "").split("|")
        quotes = (cite_quote or "").split("|")
        out["cite"] = [{"source": s.strip(), "quote": q.strip()} for s, q in zip(srcs, quotes)] if len(srcs) == len(quotes) \
            else {"__mismatch__": (len(srcs), len(quotes))}
    return out


def read_paths(paths: list[str | Path]) -> tuple[list[Record], list[Problem]]:
    files, problems = expand_paths(paths)
    records: list[Record] = []
    for p in files:
        recs, probs = read_file(p)
        records += recs
        problems += probs
    return records, problems
