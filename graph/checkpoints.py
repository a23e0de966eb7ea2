"""Named points in a write where a test may kill the process (`PARKGRAPH_TEST_KILL_AT=N`: exit as by
kill -9 at the Nth point reached), to prove an interruption anywhere leaves the old graph or the new
one. `PARKGRAPH_TEST_CHECKPOINT_LOG=FILE` appends each point's name to FILE, so a test can list them.
Without these variables a checkpoint costs one dictionary look-up."""
from __future__ import annotations

import os
import sys
import threading

_reached = 0
_lock = threading.Lock()  # the Neo4j loader reaches points from its worker threads


def checkpoint(name: str) -> None:
    global _reached
    kill_at = os.environ.get("PARKGRAPH_TEST_KILL_AT")
    log = os.environ.get("PARKGRAPH_TEST_CHECKPOINT_LOG")
    if not kill_at and not log:
        return
    with _lock:
        _reached += 1
        n = _reached
        if log:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"{n}\t{name}\n")
    if kill_at and n == int(kill_at):
        sys.stderr.write(f"killed at checkpoint {n} ({name})\n")
        sys.stderr.flush()
        os._exit(137)  # no cleanup, no atexit, no flush of anything else: as kill -9 leaves it
