"""A LadybugDB database's files beside the database itself: the write counter (`<db>.version`), the
new database an atomic replace builds (`<db>.replace-<pid>`), temporary folders for COPY files, and
removing a database with its sidecars (write-ahead log, lock, counter, search index)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from parkgraph.settings import setting

REPLACE_SUFFIX = ".replace-"  # `<db>.replace-<pid>`: a new database being built by replace_all


def version_path(db: Path) -> Path:
    return db.with_name(db.name + ".version")


def bump_version(db: Path) -> None:
    """Add one to the counter in `<db>.version`, under an exclusive lock so that two writing
    processes never lose a bump (LadybugDB has no commit counter of its own to read)."""
    import fcntl
    fd = os.open(version_path(db), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        raw = os.read(fd, 64).decode("ascii", "replace").strip()
        n = int(raw) + 1 if raw.isdigit() else 1
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, str(n).encode("ascii"))
    finally:
        os.close(fd)


def graph_version(db: Path) -> str:
    """The write counter, with the database file's inode: a database swapped in by rename
    (an atomic `--replace`) is a new version even if its counter happens to match."""
    try:
        counter = version_path(db).read_text(encoding="ascii").strip() or "0"
    except FileNotFoundError:
        counter = "0"
    try:
        ino = os.stat(db).st_ino
    except FileNotFoundError:
        ino = 0
    return f"{counter}@{ino}"


def wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def remove_db_files(path: Path) -> None:
    """A database and its sidecars: write-ahead log, lock, write counter (.version), search index."""
    for p in (path, wal(path), *(Path(str(path) + s) for s in (".lock", ".version", ".search.sqlite",
                                                               ".search.sqlite-wal", ".search.sqlite-shm"))):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)


def remove_replace_leftovers(db: Path) -> None:
    """New databases of a replace that was interrupted before its swap: the old one is still in place.
    Called by a writer, which holds the exclusive lock, so no replace is running."""
    for p in db.parent.glob(db.name + REPLACE_SUFFIX + "*"):
        remove_db_files(p)


def fsync_dir(d: Path) -> None:
    # the rename is durable once the directory entry is on disk
    fd = os.open(d, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix, dir=setting("tmp_dir") or None))
