"""graph/ decides which driver exceptions mean the database is gone (web/errors.py answers 503 for them)."""
from __future__ import annotations

from neo4j.exceptions import ServiceUnavailable, SessionExpired

from parkgraph.graph.driver_errors import connection_lost


def _raised_from(cause: BaseException) -> BaseException:
    try:
        try:
            raise cause
        except Exception as inner:
            raise RuntimeError("while answering a request") from inner
    except RuntimeError as outer:
        return outer


def test_a_lost_neo4j_connection_is_recognised_even_when_wrapped():
    assert connection_lost(ServiceUnavailable("Couldn't connect to 127.0.0.1:7687"))
    assert connection_lost(_raised_from(SessionExpired("gone")))


def test_other_errors_are_not_a_lost_connection():
    assert not connection_lost(ValueError("bad"))
    assert not connection_lost(_raised_from(KeyError("x")))
    assert not connection_lost(None)

    class ServiceUnavailableLookalike(Exception):  # same name, not the driver's
        pass
    assert not connection_lost(ServiceUnavailableLookalike())
