"""A sidecar lock file next to an embedded (LadybugDB) database, so that a writer is refused while a
server has the database open.

LadybugDB lets a process open a database for writing while another has it open read-only; the reader
then answered from stale pages and garbage bytes (25 enterprises of 100,024 on disk, storage
exceptions, 500s) until restarted. So every read-only handle (`serve`, `query`, `stats`, `export`)
holds a SHARED lock on `<db>.lock` and every writer (`load`, `ingest --apply`, serve's first load)
takes an EXCLUSIVE one, without waiting: a writer that cannot have it gets `DatabaseInUse`, naming
the process that holds the database and what to do.

The locks are POSIX record locks (`fcntl.lockf`): the kernel drops them when the process dies (kill -9
included), so a crash never leaves a stale lock, and `F_GETLK` names the holder's pid. They are per
process: two handles of one process do not exclude each other (and closing one drops the process's
lock), which is fine for the one-process uses (tests, serve's start-up) and is what lets the lock
name another process."""
from __future__ import annotations

import fcntl
import os
import struct
from pathlib import Path

from parkgraph.errors import BackendUnavailable


class DatabaseInUse(BackendUnavailable):
    """Another process holds the embedded database in a way that excludes this use."""
    status = 409
    title = "database in use"


def lock_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + ".lock")


class DatabaseLock:
    """Held from `acquire` until `release` (or the process ends)."""

    def __init__(self, db_path: str | Path, fd: int | None, shared: bool):
        self.db_path = Path(db_path)
        self.fd = fd
        self.shared = shared

    @classmethod
    def acquire(cls, db_path: str | Path, *, shared: bool) -> "DatabaseLock":
        path = lock_path(db_path)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            if not shared:
                raise
            # a reader on a read-only folder: nobody can write there either, nothing to exclude
            return cls(db_path, None, shared)
        try:
            fcntl.lockf(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError:
            pid = holder(fd, shared)
            os.close(fd)
            raise _in_use(Path(db_path), pid, shared) from None
        return cls(db_path, fd, shared)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor drops the lock
            self.fd = None


def holder(fd: int, shared: bool) -> int | None:
    """The pid of a process holding a lock that conflicts with the one wanted (Linux `struct flock`)."""
    try:
        want = fcntl.F_RDLCK if shared else fcntl.F_WRLCK
        fmt = "hhqqi4x"  # l_type, l_whence, l_start, l_len, l_pid (+ padding): 32 bytes on 64-bit Linux
        res = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(fmt, want, os.SEEK_SET, 0, 0, 0))
        l_type, _, _, _, pid = struct.unpack(fmt, res)
        return pid if l_type != fcntl.F_UNLCK and pid > 0 else None
    except (OSError, struct.error):
        return None


def _command_of(pid: int | None) -> str:
    if pid is None:
        return ""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    args = [a.decode(errors="replace") for a in raw.split(b"\0") if a]
    # `python -m parkgraph serve …` and `.venv/bin/parkgraph serve …` read the same way
    for i, a in enumerate(args):
        if a in ("serve", "load", "ingest", "query", "stats", "export"):
            return "parkgraph " + " ".join(args[i:])[:200]
    return " ".join(args)[:200]


def _in_use(db: Path, pid: int | None, shared: bool) -> DatabaseInUse:
    who = f"process {pid}" if pid else "another process"
    cmd = _command_of(pid)
    what = f"{who} (`{cmd}`)" if cmd else who
    if shared:
        return DatabaseInUse(f"the LadybugDB database at {db} is being written by {what}",
                             hint="wait until the load has finished, then try again")
    return DatabaseInUse(f"the LadybugDB database at {db} is open in {what}; a load now would corrupt what it serves",
                         hint=(f"stop it first (Ctrl-C in its terminal, or `kill {pid}`), load, then start it again"
                               if pid else "stop the server that has it open, load, then start it again"))
