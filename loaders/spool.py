"""Rows appended under keys and read back in order: on disk in pickled chunks (a load of millions of
rows in bounded memory), or held in memory (`in_memory=True`: a small dataset already in memory, see
`loaders.plan.map_dataset`). One spool type, so both feed the same mapping and the same writer."""
from __future__ import annotations

import pickle
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHUNK = 2000            # rows per pickled chunk in the spool
BUFFERED_ROWS = 30_000  # rows held in memory by a spool at most, over all its keys


class Spool:
    """Rows appended under keys, pickled in chunks to files in a temporary folder (or, `in_memory`,
    kept in lists), read back in order."""

    def __init__(self, root: str | Path | None = None, *, in_memory: bool = False):
        self.in_memory = in_memory
        self.dir = None if in_memory else Path(tempfile.mkdtemp(prefix="parkgraph-load-", dir=root))
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
        if self.in_memory:
            return
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
        if rest:  # (one short chunk on disk; an in-memory spool's rows, in chunks of the same size)
            yield from (rest[i:i + CHUNK] for i in range(0, len(rest), CHUNK))
        if drop:
            self._buffered -= len(self._buf.pop(key, None) or [])
            self._path.pop(key, None)
            self.counts.pop(key, None)

    def close(self) -> None:
        for fh in self._fh.values():
            fh.close()
        self._fh.clear()
        self._buf.clear()
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)

    def detach(self) -> dict:
        """Flush everything to disk and describe it, for another process to `attach` (its files stay)."""
        assert not self.in_memory, "an in-memory spool stays in its process"
        for key in list(self._buf):
            self._flush(key)
        for fh in self._fh.values():
            fh.close()
        self._fh.clear()
        return {"dir": str(self.dir), "paths": dict(self._path), "counts": dict(self.counts), "seq": self._seq}

    @classmethod
    def attach(cls, state: dict) -> "Spool":
        sp = cls.__new__(cls)
        sp.in_memory = False
        sp.dir = Path(state["dir"])
        sp._buf, sp._fh = {}, {}
        sp._path = {k: Path(v) for k, v in state["paths"].items()}
        sp.counts = dict(state["counts"])
        sp._seq = state["seq"]
        sp._buffered = 0
        return sp
