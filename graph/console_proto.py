"""What both sides of the console's worker pipe share: the frame format, the plain-value unpickler,
the deadline, and the database files a worker may read (see console_worker.py)."""
from __future__ import annotations

import io
import os
import pickle
import struct
from pathlib import Path
from typing import Any

from parkgraph.errors import BackendUnavailable, ParkGraphError, QueryError, QueryTimeout, WriteRefused


_HEADER = struct.Struct("!Q")
# Seconds a worker may take to start (import, confine, open the database): generous, since on a busy
# 2-core machine a Python start-up with the engine's import took 0.9 s and can take several.
START_TIMEOUT = 60.0
POLL = 0.02  # seconds between resident-memory checks of a busy worker
CPU_BUDGET = 3600  # CPU seconds of a worker's whole life (hard RLIMIT_CPU); a worker near it is replaced
_ERRORS = {c.__name__: c for c in (QueryError, QueryTimeout, WriteRefused, BackendUnavailable, ParkGraphError)}


def _deadline(timeout: float) -> float:
    """The parent's wall-clock limit for a query of `timeout` seconds. The engine's own timeout fires
    first, so a query the engine can stop gets its clean answer and keeps its worker (a kill costs a
    ~1 s restart); 1.15x + 0.15 s stays within the 1.5x the console promises."""
    return timeout * 1.15 + 0.15


# ---------------------------------------------------------------------------------------------- framing
def _send(fh, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(_HEADER.pack(len(data)) + data)
    fh.flush()


class _PlainUnpickler(pickle.Unpickler):
    """Only plain values: what a query result can hold. Anything else (a class with a __reduce__ that
    runs code) is refused, so a compromised worker cannot run code in the server."""
    ALLOWED = {("datetime", "datetime"), ("datetime", "date"), ("datetime", "time"), ("datetime", "timedelta"),
               ("datetime", "timezone"), ("decimal", "Decimal"), ("uuid", "UUID"), ("builtins", "set"),
               ("builtins", "frozenset"), ("builtins", "complex"), ("builtins", "bytearray")}

    def find_class(self, module: str, name: str):
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"a console worker sent a {module}.{name}; only plain values are accepted")


def _loads(data: bytes) -> Any:
    return _PlainUnpickler(io.BytesIO(data)).load()


# ---------------------------------------------------------------------------------------------- parent side
def db_files(path: Path) -> list[Path]:
    """The database file and the files the engine keeps beside it (write-ahead log, shadow pages)."""
    return [p for p in (path, Path(f"{path}.wal"), Path(f"{path}.shadow")) if p.exists()]


def db_signature(path: Path) -> tuple:
    """Changes whenever a writer changes the database: a worker opened before that is replaced, since a
    read-only handle keeps the state it opened."""
    out = []
    for p in db_files(path):
        st = p.stat()
        out.append((p.name, st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
