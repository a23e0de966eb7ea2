"""Bulk loading into Neo4j: re-cutting batches and running them on parallel sessions (bounded memory,
first error stops the load). Used by Neo4jStore.bulk_load."""
from __future__ import annotations


def _regroup(batches, size: int):
    """Re-cut a stream of row lists into lists of `size` rows."""
    buf: list = []
    for batch in batches:
        buf.extend(batch)
        while len(buf) >= size:
            yield buf[:size]
            buf = buf[size:]
    if buf:
        yield buf


def _parallel(fn, tasks, workers: int, progress=None) -> None:
    """Run fn over tasks with `workers` threads, at most 2×workers tasks in flight (bounded memory);
    the first error stops the rest and is raised."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
    if workers <= 1:
        for t in tasks:
            n = fn(t)
            progress and progress(n)
        return
    with ThreadPoolExecutor(workers, thread_name_prefix="parkgraph-load") as pool:
        pending = set()
        try:
            for t in tasks:
                pending.add(pool.submit(fn, t))
                if len(pending) >= 2 * workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        n = f.result()
                        progress and progress(n)
            for f in pending:
                n = f.result()
                progress and progress(n)
        except BaseException:
            for f in pending:
                f.cancel()
            raise


def _partitioned(fn, groups, workers: int, size: int, conv, progress=None) -> None:
    """For each (group, batches): deal the rows to `workers` threads by hash of their end node
    (`row["to"]`), `size` rows a call of fn(group, rows); every group is finished before the next
    starts. The first error stops the load and is raised."""
    import queue
    import threading
    lock = threading.Lock()
    errors: list[BaseException] = []
    qs: list[queue.Queue] = [queue.Queue(maxsize=2) for _ in range(workers)]

    def work(k: int) -> None:
        while True:
            item = qs[k].get()
            try:
                if item is None:
                    return
                if not errors:
                    n = fn(*item)
                    if progress:
                        with lock:
                            progress(n)
            except BaseException as e:  # noqa: BLE001 - handed to the main thread
                errors.append(e)
            finally:
                qs[k].task_done()
    threads = [threading.Thread(target=work, args=(k,), daemon=True, name=f"parkgraph-load-{k}") for k in range(workers)]
    for t in threads:
        t.start()
    try:
        for group, batches in groups:
            bufs: list[list] = [[] for _ in range(workers)]
            for batch in batches:
                for r in batch:
                    k = hash(r["to"]) % workers
                    bufs[k].append(conv(r))
                    if len(bufs[k]) >= size:
                        qs[k].put((group, bufs[k]))
                        bufs[k] = []
                if errors:
                    break
            for k in range(workers):
                if bufs[k] and not errors:
                    qs[k].put((group, bufs[k]))
            for q in qs:
                q.join()
            if errors:
                raise errors[0]
    finally:
        for q in qs:
            q.put(None)
        for t in threads:
            t.join()
