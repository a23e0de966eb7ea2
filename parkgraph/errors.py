"""The error hierarchy. Each error carries the HTTP status the web layer answers with, and a message
meant for the person who caused it (never a stack trace)."""
from __future__ import annotations


class ParkGraphError(Exception):
    status = 500
    title = "error"

    def __init__(self, message: str, *, hint: str | None = None, position: dict | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.position = position  # {"line": int, "column": int, "offset": int} for query errors

    def to_dict(self) -> dict:
        d = {"error": self.title, "message": self.message, "status": self.status}
        if self.hint:
            d["hint"] = self.hint
        if self.position:
            d["position"] = self.position
        return d


class BadRequest(ParkGraphError):
    status = 400
    title = "bad request"


class QueryError(BadRequest):
    """The engine rejected the query (syntax, unknown label, wrong type...)."""
    title = "query error"


class WriteRefused(ParkGraphError):
    """A console query tried to write, load files or change the schema."""
    status = 403
    title = "read-only"


class Unauthorized(ParkGraphError):
    status = 401
    title = "unauthorized"


class NotFound(ParkGraphError):
    status = 404
    title = "not found"


class QueryTimeout(ParkGraphError):
    status = 504
    title = "timeout"


class BackendUnavailable(ParkGraphError):
    status = 503
    title = "database unavailable"


class ValidationFailed(ParkGraphError):
    """Data files did not validate; `problems` lists every one."""
    status = 422
    title = "invalid data"

    def __init__(self, problems: list, message: str | None = None):
        self.problems = problems
        super().__init__(message or f"{len(problems)} problem(s) found; nothing was written")

    def to_dict(self) -> dict:
        d = super().to_dict()
        d["problems"] = [p.to_dict() if hasattr(p, "to_dict") else str(p) for p in self.problems]
        return d


class ConfigError(ParkGraphError):
    """A setting (environment variable or flag) has a value it does not accept."""
    status = 500
    title = "configuration error"
