"""Which driver exceptions mean "the database went away": graph/ owns the drivers, so it alone knows
their error names; web/ asks here instead of matching them itself (issue #18)."""
from __future__ import annotations

# The Neo4j driver's errors for a lost or refused connection (neo4j.exceptions). Matched by module and
# name rather than by class so that a caller on the embedded engine never imports the Neo4j driver.
_NEO4J_DOWN = {"ServiceUnavailable", "SessionExpired", "DatabaseUnavailable", "IncompleteCommit"}


def connection_lost(e: BaseException | None) -> bool:
    """True when `e`, or an exception it was raised from (up to 10 deep), is a driver's connection
    error that the store did not translate into parkgraph.errors.BackendUnavailable."""
    seen = 0
    while e is not None and seen < 10:
        if (type(e).__module__ or "").split(".")[0] == "neo4j" and type(e).__name__ in _NEO4J_DOWN:
            return True
        e, seen = e.__cause__ or e.__context__, seen + 1
    return False
