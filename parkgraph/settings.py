"""Every setting in one table: (name, environment variable, default, help, type and bounds).

The CLI, the web app and the tests read settings only through `Settings`; code that is not handed a
`Settings` (a helper deep in a load, a worker process) reads one entry with `setting(name)`, which
parses it through the same table. Values are parsed once, into the entry's type; a bad value is a
`ConfigError` naming the variable and what it accepts. The README documents each entry (a test checks
that it does, both ways).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from platformdirs import user_data_dir

from parkgraph.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: object
    help: str
    type: type = str            # str, int, float or bool; the value is parsed into it once
    choices: tuple[str, ...] = ()
    min: float | None = None    # inclusive bounds of a number
    max: float | None = None
    secret: bool = False        # masked by `parkgraph settings`

    def accepts(self) -> str:
        """What the variable accepts, in words (for error messages and `parkgraph settings`)."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.type is bool:
            return "true or false (1/0, yes/no, on/off)"
        word = {int: "a whole number", float: "a number"}.get(self.type, "text")
        if self.min is not None and self.max is not None:
            return f"{word} from {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"{word} of at least {self.min:g}"
        return word

    def parse(self, raw: object, origin: str = "env") -> object:
        """The value in this entry's type, or ConfigError naming the variable (or flag) and what it accepts."""
        where = self.env if origin == "env" else f"{self.name} ({origin})"
        shown = "***" if self.secret else repr(raw)
        value: object = raw
        try:
            if self.type is bool:
                if isinstance(raw, bool):
                    value = raw
                elif str(raw).strip().lower() in _TRUE + _FALSE:
                    value = str(raw).strip().lower() in _TRUE
                else:
                    raise ValueError
            elif self.type is int:
                if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                    raise ValueError
                value = int(str(raw).strip()) if isinstance(raw, str) else int(raw)  # type: ignore[call-overload]
            elif self.type is float:
                if isinstance(raw, bool):
                    raise ValueError
                value = float(str(raw).strip()) if isinstance(raw, str) else float(raw)  # type: ignore[arg-type]
                if value != value or value in (float("inf"), float("-inf")):
                    raise ValueError
            else:
                value = str(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{where}={shown} is not accepted: it takes {self.accepts()}", hint=self.help) from None
        if self.choices and value not in self.choices:
            raise ConfigError(f"{where}={shown} is not accepted: it takes {self.accepts()}", hint=self.help)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if (self.min is not None and value < self.min) or (self.max is not None and value > self.max):
                raise ConfigError(f"{where}={shown} is not accepted: it takes {self.accepts()}", hint=self.help)
        return value


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


SETTINGS: tuple[Setting, ...] = (
    Setting("backend", "PARKGRAPH_BACKEND", "ladybug", "Graph engine: `ladybug` (embedded, default) or `neo4j`.", choices=("ladybug", "neo4j")),
    Setting("db_path", "PARKGRAPH_DB", None, "LadybugDB database path (default: `parkgraph.lbdb` in the user data directory)."),
    Setting("base_iri", "PARKGRAPH_BASE_IRI", "https://w3id.org/parkgraph/id/", "Base of every minted IRI: `{base}{segment}/{id}`."),
    Setting("neo4j_uri", "NEO4J_URI", "bolt://127.0.0.1:7687", "Neo4j Bolt URI (`neo4j+s://` for Aura or a cluster)."),
    Setting("neo4j_user", "NEO4J_USER", "neo4j", "Neo4j user name (ignored when the password is empty)."),
    Setting("neo4j_password", "NEO4J_PASSWORD", "", "Neo4j password; empty means the server has auth disabled.", secret=True),
    Setting("neo4j_database", "NEO4J_DATABASE", "neo4j", "Neo4j database name."),
    Setting("query_timeout", "PARKGRAPH_QUERY_TIMEOUT", 10.0, "Seconds a console query may run before the server stops it.", type=float, min=0),
    Setting("max_rows", "PARKGRAPH_MAX_ROWS", 1000, "Rows a console query returns at most; more are cut with a notice.", type=int, min=1),
    Setting("console_workers", "PARKGRAPH_CONSOLE_WORKERS", 2, "Worker processes that run console queries on the embedded engine (each confined, killed at its deadline).", type=int, min=1),
    Setting("console_memory_mb", "PARKGRAPH_CONSOLE_MEMORY_MB", 1024, "Memory in MB a console worker may use besides its page cache; past it the query is stopped.", type=int, min=1),
    Setting("console_max_response_mb", "PARKGRAPH_CONSOLE_MAX_RESPONSE_MB", 32, "Largest console result in MB; a larger one is refused with a message.", type=int, min=1),
    Setting("neighbour_limit", "PARKGRAPH_NEIGHBOUR_LIMIT", 25, "Neighbours shown per relationship type before ‘+N more’.", type=int, min=1),
    Setting("neighbour_max_nodes", "PARKGRAPH_NEIGHBOUR_MAX_NODES", 500, "Nodes one neighbourhood request returns at most; past it the answer stops growing and says `truncated` (groups page with offsets).", type=int, min=1),
    Setting("serve_threads", "PARKGRAPH_SERVE_THREADS", 0, "Request threads of `parkgraph serve` (0: 4 per core, at least 8, at most 32).", type=int, min=0),
    Setting("batch_size", "PARKGRAPH_BATCH_SIZE", 1000, "Rows per UNWIND batch when loading.", type=int, min=1),
    Setting("buffer_pool_mb", "PARKGRAPH_BUFFER_POOL_MB", 0, "LadybugDB page cache in MB (0: the engine's default, most of RAM); bounds memory on large graphs.", type=int, min=0),
    Setting("host", "PARKGRAPH_HOST", "127.0.0.1", "Address `parkgraph serve` binds to."),
    Setting("port", "PARKGRAPH_PORT", 5000, "Port `parkgraph serve` listens on.", type=int, min=1, max=65535),
    Setting("max_request_mb", "PARKGRAPH_MAX_REQUEST_MB", 16, "Largest request body the web server accepts, in MiB (413 above it).", type=int, min=1),
    Setting("request_budget", "PARKGRAPH_REQUEST_BUDGET", 15.0, "Seconds a web view may spend on one request; a neighbourhood past it answers what it has (`partial`), other views 504.", type=float, min=0),
    Setting("write_token", "PARKGRAPH_WRITE_TOKEN", "", "Token required by routes that write; empty disables them.", secret=True),
    Setting("neo4j_home", "PARKGRAPH_NEO4J_HOME", None, "Where `parkgraph neo4j start` keeps its server (default: user data directory)."),
    Setting("sparql_workers", "PARKGRAPH_SPARQL_WORKERS", 0, "SPARQL worker processes that run queries at once (0: min(2, cores)); one spare more takes short queries while all are busy.", type=int, min=0),
    Setting("sparql_memory_mb", "PARKGRAPH_SPARQL_MEMORY_MB", 1024, "Memory cap (RLIMIT_AS) of each SPARQL worker in MB; a query past it is stopped with an error.", type=int, min=1),
    Setting("sparql_spare_timeout", "PARKGRAPH_SPARQL_SPARE_TIMEOUT", 2.0, "Seconds a query may run on the spare SPARQL worker (used only while every other worker is busy).", type=float, min=0),
    # tuning knobs for large loads and unusual machines (the README's second table)
    Setting("tmp_dir", "PARKGRAPH_TMP", None, "Where loads and exports put their temporary files (COPY files, spools); default: the system's temporary folder."),
    Setting("load_processes", "PARKGRAPH_LOAD_PROCESSES", 0, "Processes that validate and map large CSV files (over 16 MB) in pieces (0: the cores, at most 4).", type=int, min=0),
    Setting("load_workers", "PARKGRAPH_LOAD_WORKERS", 2, "Concurrent write transactions when loading into Neo4j.", type=int, min=1),
    Setting("bulk_rows", "PARKGRAPH_BULK_ROWS", 5000, "Rows per write transaction when bulk loading into Neo4j.", type=int, min=1),
    Setting("java", "PARKGRAPH_JAVA", None, "The `java` that `parkgraph neo4j start` runs (default: Java 17/21 on the PATH or in /usr/lib/jvm)."),
)


def default_data_dir() -> Path:
    return Path(user_data_dir("parkgraph", appauthor=False))


BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}

#: where a value came from, for `parkgraph settings`
DEFAULT, ENV, FLAG = "default", "env", "flag"


def _from_environ(s: Setting, env: Mapping[str, str]) -> tuple[object, str]:
    raw = env.get(s.env)
    if raw is None or raw == "":
        return s.default, DEFAULT
    return s.parse(raw), ENV


def setting(name: str, environ: Mapping[str, str] | None = None) -> Any:
    """One entry's value from the environment, parsed through the table: for code that is not handed
    a `Settings` (a step deep inside a load, a worker process). Read when called, never at import."""
    return _from_environ(BY_NAME[name], os.environ if environ is None else environ)[0]


@dataclass
class Settings:
    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, overrides: dict[str, object] | None = None, environ: Mapping[str, str] | None = None) -> "Settings":
        """Defaults, then the environment, then `overrides` (command-line flags, tests); every value is
        parsed into its entry's type here, once."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        sources: dict[str, str] = {}
        for s in SETTINGS:
            values[s.name], sources[s.name] = _from_environ(s, env)
        for k, v in (overrides or {}).items():
            if k not in values:
                raise KeyError(f"unknown setting {k!r}")
            if v is not None:
                values[k], sources[k] = BY_NAME[k].parse(v, FLAG), FLAG
        if not values["db_path"]:
            values["db_path"] = str(default_data_dir() / "parkgraph.lbdb")
        if not values["neo4j_home"]:
            values["neo4j_home"] = str(default_data_dir() / "neo4j")
        return cls(values, sources)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def describe(self) -> list[tuple[str, str, str]]:
        """(variable, effective value, where it came from) for every entry; secrets masked."""
        rows = []
        for s in SETTINGS:
            v = self.values.get(s.name)
            shown = ("***" if v else "(empty)") if s.secret else ("" if v is None else str(v))
            rows.append((s.env, shown, self.sources.get(s.name, DEFAULT)))
        return rows
