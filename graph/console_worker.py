"""Console queries on the embedded engine, run in confined worker processes.

LadybugDB runs in the process that calls it, so a query it cannot stop (a value built in one go, a
crash in the engine) would stop the server with it. Console queries therefore run in a small pool of
worker processes (`PARKGRAPH_CONSOLE_WORKERS`), reused between queries, each of which:

- opens the database read-only, on one thread;
- is confined by `parkgraph.sandbox.confine` before it opens anything: it can read the database file
  and what Python needs, write nothing, open no network connection (a new network namespace plus
  Landlock's TCP rules), and has an address-space cap (`PARKGRAPH_CONSOLE_MEMORY_MB` plus the engine's
  page-cache reservation) and a CPU-time limit;
- asks the engine itself what the query does (`EXPLAIN`) and runs it only if every operator and
  table function of the plan is on an allow-list (see `ladybug_plan_check` in ladybug_store.py).

The parent enforces a wall-clock deadline and a resident-memory cap: a worker past either is killed
with SIGKILL whatever it is doing, replaced in the background, and the request gets QueryTimeout (504)
or a QueryError naming the memory limit. Results come back length-prefixed, at most
`PARKGRAPH_CONSOLE_MAX_RESPONSE_MB` long, and are unpickled by an unpickler that only knows plain
values (a worker that was somehow taken over cannot make the parent run code).

Usage from the store: `ConsolePool(path, ...).run(query, params, timeout, max_rows) -> QueryResult`.
"""
from __future__ import annotations

import json
import logging
import os
import pickle
import resource
import sys
from pathlib import Path
from typing import Any

from parkgraph.errors import ParkGraphError

from .console_pool import ConsolePool, _Worker  # noqa: F401  (the public interface stays here)
from .console_proto import (_ERRORS, _HEADER, CPU_BUDGET, _deadline, _loads, _rss, _send,  # noqa: F401
                            db_files, db_signature)

log = logging.getLogger("parkgraph.console")


# ---------------------------------------------------------------------------------------------- worker side
def _error_dict(e: BaseException) -> dict:
    if isinstance(e, ParkGraphError):
        return {"type": type(e).__name__ if type(e).__name__ in _ERRORS else "QueryError", "message": e.message,
                "hint": e.hint, "position": e.position}
    return {"type": "QueryError", "message": str(e)[:2000] or type(e).__name__}


def _approx_size(v: Any) -> int:
    if isinstance(v, (str, bytes, bytearray)):
        return len(v) + 8
    if isinstance(v, dict):
        return 16 + sum(_approx_size(k) + _approx_size(x) for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return 16 + sum(_approx_size(x) for x in v)
    return 16


def worker_main(cfg: dict) -> None:
    # the protocol runs on the original stdout; anything the engine prints goes to stderr instead
    proto_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    proto_in = sys.stdin.buffer
    # everything this process will ever need is imported before it is confined
    from parkgraph import sandbox
    from parkgraph.ontology import load_model
    from .ladybug_store import LadybugStore
    import ast, datetime, decimal, uuid  # noqa: F401,E401  (values results may hold; ast for guard)
    import parkgraph.graph.console_worker  # noqa: F401  (this file as a module: ladybug_store imports it)
    model = load_model()
    db = Path(cfg["db"])
    layers = sandbox.confine(read_paths=[str(p) for p in db_files(db)], write_paths=[],
                             memory_bytes=cfg["memory_bytes"] + cfg["max_db_size"] + cfg["buffer_pool"] + 512 * 2**20,
                             cpu_seconds=CPU_BUDGET)
    try:
        store = LadybugStore(db, read_only=True, model=model, buffer_pool_bytes=cfg["buffer_pool"],
                             max_db_size=cfg["max_db_size"], max_threads=1, in_worker=True)
    except Exception as e:  # noqa: BLE001  (reported to the parent, which answers 503)
        _send(proto_out, {"ready": False, "error": str(e)[:500]})
        return
    _send(proto_out, {"ready": True, "layers": layers, "pid": os.getpid()})
    max_bytes = int(cfg["max_bytes"])
    while True:
        head = proto_in.read(_HEADER.size)
        if len(head) < _HEADER.size:
            return
        (n,) = _HEADER.unpack(head)
        req = pickle.loads(proto_in.read(n))  # from the parent, which is trusted
        # this query's CPU time: the soft limit (SIGXCPU) a little past its wall-clock limit
        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = used.ru_utime + used.ru_stime
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = int(spent + req["timeout"] * 2 + 2)
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
        except (ValueError, OSError):
            pass
        reply: dict
        try:
            res = store.read(req["query"], req["params"], timeout=req["timeout"], max_rows=req["max_rows"],
                             console=bool(cfg.get("checks", True)), max_bytes=max_bytes)
            reply = {"ok": True, "columns": res.columns, "rows": res.rows, "truncated": res.truncated}
        except MemoryError:
            reply = {"ok": False, "exit": True, "error": {
                "type": "QueryError", "hint": "Aggregate instead of building large lists or strings.",
                "message": f"the query needed more than the console's memory limit ({cfg['memory_bytes'] // 2**20} MB) and was stopped"}}
        except Exception as e:  # noqa: BLE001  (every error goes back to the parent as a QueryError)
            reply = {"ok": False, "error": _error_dict(e)}
        try:
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps({"ok": False, "exit": True, "error": {"type": "QueryError", "message": "the result did not fit in the console's memory limit"}})
        if len(data) > max_bytes:
            data = pickle.dumps({"ok": False, "error": {
                "type": "QueryError", "hint": "Return fewer or smaller values (PARKGRAPH_CONSOLE_MAX_RESPONSE_MB).",
                "message": f"the result is larger than {max_bytes // 2**20} MB and was not sent"}})
        proto_out.write(_HEADER.pack(len(data)) + data)
        proto_out.flush()
        if reply.get("exit"):
            return  # after a MemoryError the engine's state is suspect: the parent starts a new worker
        del data, reply


if __name__ == "__main__":
    try:
        worker_main(json.loads(sys.argv[1]))
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the parent went away (it closed the pool or was stopped): nothing to answer
