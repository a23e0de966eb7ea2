"""Neo4j `clear()` and the atomic `replace_all` (`parkgraph load --replace`), as a mixin of Neo4jStore.

Neo4j Community has one database, so a new graph cannot be built beside the old one and swapped in
by name. Instead the new graph is STAGED under staging labels and relationship types
(`PgStage_Enterprise`, `PgStage_TENANT_OF`: names the app never queries), in as many batches as a
load needs. Then one small transaction commits a JOURNAL node, `(:PgReplaceJournal {phase:
'delete'})`: that commit is the switch. From it on the new graph is the one that counts, and the rest
is rolled forward in batches of `bulk_rows` (each its own transaction, so a graph of any size fits in
the server's per-transaction memory, `db.memory.transaction.max`):

1. phase `delete`: the old graph's relationships, then its nodes (the ontology's types and labels
   only: other applications' nodes and labels survive);
2. phase `promote` (committed once 1 is done): each staged node gets its real label, each staged
   relationship is re-created under its real type;
3. the journal is deleted.

Each batch is idempotent, and the phase is committed before the next one starts, so a run
interrupted anywhere (kill -9 included) is finished by whichever process opens the graph next:
`Neo4jStore.__init__` calls `finish_switch()` (as do `replace_all` and `clear`). One finisher at a
time: a finisher holds, in an open transaction, the write lock of a `(:PgReplaceLock)` node created
with the journal, and deletes both in that transaction once done; a second one waits for the lock
(its owner's death releases it: Neo4j rolls the transaction back) and then re-reads the phase.

Before the journal commits, an interruption leaves the old graph (and staging leftovers, which the
next `replace_all` or `clear` deletes). Between a kill after the commit and the next open, a reader
of the database that bypasses ParkGraph (another Neo4j client) can see a mix; ParkGraph's own
readers finish the switch first. Before this design the switch was one transaction as large as both
graphs together, which failed above about ten thousand nodes per 256 MiB of transaction memory.
"""
from __future__ import annotations

import os

from neo4j import WRITE_ACCESS
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from .checkpoints import checkpoint

STAGE = "PgStage_"  # prefix of the labels and types a replace stages the new graph under
JOURNAL = "PgReplaceJournal"  # the switch's marker: present from the switch's commit until it is complete
LOCK = "PgReplaceLock"  # locked by the one process finishing a switch


class Neo4jReplace:
    """Mixin of Neo4jStore: needs `_driver`, `database`, `model`, `bulk_rows`, `write`, `bulk_load`,
    `uri` and `_translate`."""

    _staging = False

    def _named(self, name: str) -> str:
        return STAGE + name if self._staging else name

    def clear(self) -> None:
        """Delete the ontology's relationships and nodes, and staging leftovers of an interrupted
        `replace_all`: only the labels and types of `self.model`, never other nodes. The database may
        be shared (a server, Aura) with other applications' graphs."""
        self.finish_switch()
        self._delete_graph(staged=False)
        self._delete_graph(staged=True)

    def _delete_graph(self, *, staged: bool) -> None:
        name = (lambda x: STAGE + x) if staged else (lambda x: x)
        # each inner transaction within the server's memory limit
        n = max(1, int(self.bulk_rows))  # type: ignore[attr-defined]
        # CALL {} IN TRANSACTIONS needs an implicit (auto-commit) transaction.
        with self._driver.session(database=self.database) as s:  # type: ignore[attr-defined]
            # relationships first, then nodes: a hub with 100k relationships must not become one
            # transaction's worth of DETACH DELETE (the transaction memory pool would overflow)
            for t in self.model.rel_types:  # type: ignore[attr-defined]
                s.run(f"MATCH ()-[r:{name(t)}]->() CALL (r) {{ DELETE r }} IN TRANSACTIONS OF {n} ROWS").consume()
            for label in self.model.labels:  # type: ignore[attr-defined]
                s.run(f"MATCH (n:{name(label)}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF {n} ROWS").consume()

    def replace_all(self, source, progress=None) -> None:
        """Replace the ontology's graph by `source`, atomically (see the module's docstring)."""
        checkpoint("neo4j replace: start")
        self.finish_switch()  # an earlier switch first: its staged nodes are a graph, not leftovers
        self._delete_graph(staged=True)  # leftovers of a run interrupted before its switch
        checkpoint("neo4j replace: leftovers deleted")
        for label in self.model.labels:  # type: ignore[attr-defined]
            # the staged relationships find their end nodes by uri
            self.write(f"CREATE INDEX pgstage_{label.lower()}_uri IF NOT EXISTS FOR (n:{STAGE}{label}) ON (n.uri)")  # type: ignore[attr-defined]
        self._run("CALL db.awaitIndexes(300)")
        checkpoint("neo4j replace: staging indexes")
        try:
            self._staging = True
            try:
                self.bulk_load(source, progress)  # type: ignore[attr-defined]
            finally:
                self._staging = False
            checkpoint("neo4j replace: staged")
        except Neo4jError as e:
            self._drop_staged_quietly()
            raise self._translate(e, "", 0) from e  # type: ignore[attr-defined]
        except BaseException:
            self._drop_staged_quietly()
            raise
        # the switch: from this commit on, the new graph is the one that counts
        self._run(f"CREATE (:{JOURNAL} {{phase: 'delete', pid: $pid}}), (:{LOCK})", pid=os.getpid())
        checkpoint("neo4j replace: journal committed")
        self.finish_switch()
        checkpoint("neo4j replace: switched")
        self._drop_stage_indexes()

    # ------------------------------------------------------------------ rolling a switch forward
    def _run(self, query: str, **params) -> list:
        return self._driver.execute_query(query, params, database_=self.database).records  # type: ignore[attr-defined]

    def _phase(self) -> str | None:
        recs = self._run(f"MATCH (j:{JOURNAL}) RETURN j.phase LIMIT 1")
        return recs[0][0] if recs else None

    def finish_switch(self) -> bool:
        """Complete a switch whose journal was committed (by this process or one killed since):
        idempotent, cheap when there is none (one read). True if there was one to finish."""
        if self._phase() is None:
            return False
        for _ in range(5):
            try:
                with self._driver.session(database=self.database, default_access_mode=WRITE_ACCESS) as s:  # type: ignore[attr-defined]
                    with s.begin_transaction() as lock_tx:
                        # waits while another process finishes the switch; its end (or death) frees it
                        if not lock_tx.run(f"MATCH (l:{LOCK}) SET l.holder = $pid RETURN count(l)",
                                           pid=os.getpid()).single()[0]:
                            if self._phase() is None:
                                return True  # finished by the process we waited for
                            lock_tx.run(f"CREATE (:{LOCK} {{holder: $pid}})", pid=os.getpid()).consume()
                        self._roll_forward()
                        checkpoint("neo4j switch: batches done, journal not deleted")
                        lock_tx.run(f"MATCH (j:{JOURNAL}) DELETE j").consume()
                        lock_tx.run(f"MATCH (l:{LOCK}) DELETE l").consume()
                        lock_tx.commit()
                return True
            except (ServiceUnavailable, SessionExpired):
                raise
            except Neo4jError:
                # the lock node went away while we waited (the other finisher completed): look again
                if self._phase() is None:
                    return True
        raise RuntimeError("could not finish an interrupted Neo4j --replace switch after 5 attempts")

    def _batches(self, query: str, what: str) -> None:
        """Run `query` (ending in `RETURN count(*)`, acting on at most $n rows) until it acts on none."""
        n = max(1, int(self.bulk_rows))  # type: ignore[attr-defined]
        while self._run(query, n=n)[0][0]:
            checkpoint(f"neo4j switch: a batch of {what}")

    def _roll_forward(self) -> None:
        labels, types = self.model.labels, self.model.rel_types  # type: ignore[attr-defined]
        if self._phase() == "delete":
            for t in types:
                self._batches(f"MATCH ()-[r:{t}]->() WITH r LIMIT $n DELETE r RETURN count(*)", "old relationships")
            for label in labels:
                self._batches(f"MATCH (n:{label}) WITH n LIMIT $n DETACH DELETE n RETURN count(*)", "old nodes")
            self._run(f"MATCH (j:{JOURNAL}) SET j.phase = 'promote'")
            checkpoint("neo4j switch: old graph deleted")
        for label in labels:
            self._batches(f"MATCH (n:{STAGE}{label}) WITH n LIMIT $n SET n:{label} REMOVE n:{STAGE}{label} "
                          "RETURN count(*)", "promoted nodes")
        for t in types:
            self._batches(f"MATCH (a)-[s:{STAGE}{t}]->(b) WITH a, s, b LIMIT $n CREATE (a)-[r:{t}]->(b) "
                          "SET r = properties(s) DELETE s RETURN count(*)", "promoted relationships")

    def _drop_stage_indexes(self) -> None:
        """The staging labels' indexes go once the switch is done: an index keeps its label in the
        database's token list, so `CALL db.labels()` in the console would list PgStage_* for ever."""
        try:
            for label in self.model.labels:  # type: ignore[attr-defined]
                self.write(f"DROP INDEX pgstage_{label.lower()}_uri IF EXISTS")  # type: ignore[attr-defined]
        except Exception:  # the server may be gone: the next replace_all drops them
            pass

    def _drop_staged_quietly(self) -> None:
        try:
            self._delete_graph(staged=True)
        except Exception:  # the server may be gone: the next replace_all or clear() deletes them
            pass
        self._drop_stage_indexes()
