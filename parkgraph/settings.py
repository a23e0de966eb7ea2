"""Every setting in one table: (name, environment variable, default, help).

The CLI, the web app and the tests read settings only through `Settings`; the README documents each
entry (a test checks that it does).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("backend", "PARKGRAPH_BACKEND", "ladybug", "Graph engine: `ladybug` (embedded, default) or `neo4j`."),
    Setting("db_path", "PARKGRAPH_DB", None, "LadybugDB database path (default: `parkgraph.lbdb` in the user data directory)."),
    Setting("base_iri", "PARKGRAPH_BASE_IRI", "https://w3id.org/parkgraph/id/", "Base of every minted IRI: `{base}{segment}/{id}`."),
    Setting("neo4j_uri", "NEO4J_URI", "bolt://127.0.0.1:7687", "Neo4j Bolt URI (`neo4j+s://` for Aura or a cluster)."),
    Setting("neo4j_user", "NEO4J_USER", "neo4j", "Neo4j user name (ignored when the password is empty)."),
    Setting("neo4j_password", "NEO4J_PASSWORD", "", "Neo4j password; empty means the server has auth disabled."),
    Setting("neo4j_database", "NEO4J_DATABASE", "neo4j", "Neo4j database name."),
    Setting("query_timeout", "PARKGRAPH_QUERY_TIMEOUT", 10.0, "Seconds a console query may run before the server stops it."),
    Setting("max_rows", "PARKGRAPH_MAX_ROWS", 1000, "Rows a console query returns at most; more are cut with a notice."),
    Setting("console_workers", "PARKGRAPH_CONSOLE_WORKERS", 2, "Worker processes that run console queries on the embedded engine (each confined, killed at its deadline)."),
    Setting("console_memory_mb", "PARKGRAPH_CONSOLE_MEMORY_MB", 1024, "Memory in MB a console worker may use besides its page cache; past it the query is stopped."),
    Setting("console_max_response_mb", "PARKGRAPH_CONSOLE_MAX_RESPONSE_MB", 32, "Largest console result in MB; a larger one is refused with a message."),
    Setting("neighbour_limit", "PARKGRAPH_NEIGHBOUR_LIMIT", 25, "Neighbours shown per relationship type before ‘+N more’."),
    Setting("neighbour_max_nodes", "PARKGRAPH_NEIGHBOUR_MAX_NODES", 500, "Nodes one neighbourhood request returns at most; past it the answer stops growing and says `truncated` (groups page with offsets)."),
    Setting("serve_threads", "PARKGRAPH_SERVE_THREADS", 0, "Request threads of `parkgraph serve` (0: 4 per core, at least 8, at most 32)."),
    Setting("batch_size", "PARKGRAPH_BATCH_SIZE", 1000, "Rows per UNWIND batch when loading."),
    Setting("buffer_pool_mb", "PARKGRAPH_BUFFER_POOL_MB", 0, "LadybugDB page cache in MB (0: the engine's default, most of RAM); bounds memory on large graphs."),
    Setting("host", "PARKGRAPH_HOST", "127.0.0.1", "Address `parkgraph serve` binds to."),
    Setting("port", "PARKGRAPH_PORT", 5000, "Port `parkgraph serve` listens on."),
    Setting("max_request_mb", "PARKGRAPH_MAX_REQUEST_MB", 16, "Largest request body the web server accepts, in MiB (413 above it)."),
    Setting("request_budget", "PARKGRAPH_REQUEST_BUDGET", 15.0, "Seconds a web view may spend on one request; a neighbourhood past it answers what it has (`partial`), other views 504."),
    Setting("write_token", "PARKGRAPH_WRITE_TOKEN", "", "Token required by routes that write; empty disables them."),
    Setting("neo4j_home", "PARKGRAPH_NEO4J_HOME", None, "Where `parkgraph neo4j start` keeps its server (default: user data directory)."),
    Setting("sparql_workers", "PARKGRAPH_SPARQL_WORKERS", 0, "SPARQL worker processes that run queries at once (0: min(2, cores)); one spare more takes short queries while all are busy."),
    Setting("sparql_memory_mb", "PARKGRAPH_SPARQL_MEMORY_MB", 1024, "Memory cap (RLIMIT_AS) of each SPARQL worker in MB; a query past it is stopped with an error."),
    Setting("sparql_spare_timeout", "PARKGRAPH_SPARQL_SPARE_TIMEOUT", 2.0, "Seconds a query may run on the spare SPARQL worker (used only while every other worker is busy)."),
)


def default_data_dir() -> Path:
    return Path(user_data_dir("parkgraph", appauthor=False))


def _coerce(value: str, default: object) -> object:
    if isinstance(default, bool):
        return value.lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    return value


@dataclass
class Settings:
    values: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_env(cls, overrides: dict[str, object] | None = None, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for s in SETTINGS:
            values[s.name] = _coerce(env[s.env], s.default) if env.get(s.env) not in (None, "") else s.default
        for k, v in (overrides or {}).items():
            if k not in values:
                raise KeyError(f"unknown setting {k!r}")
            if v is not None:
                values[k] = v
        if not values["db_path"]:
            values["db_path"] = str(default_data_dir() / "parkgraph.lbdb")
        if not values["neo4j_home"]:
            values["neo4j_home"] = str(default_data_dir() / "neo4j")
        return cls(values)

    def __getattr__(self, name: str) -> object:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None
