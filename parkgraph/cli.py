"""The `parkgraph` command."""
from __future__ import annotations

import argparse
import csv
import json
import sys

from parkgraph.errors import ParkGraphError, ValidationFailed
from parkgraph.settings import Settings

DESCRIPTION = """ParkGraph: a sourced knowledge graph of China's national cybersecurity industrial parks.

The embedded LadybugDB is the default engine (no server needed); pass --backend neo4j (or set
PARKGRAPH_BACKEND=neo4j and NEO4J_URI) to use Neo4j 5.26."""


def _confidence(text: str) -> float:
    """A confidence threshold from the command line: a number from 0 to 1."""
    try:
        v = float(text)
    except ValueError:
        v = -1.0
    if not 0.0 <= v <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is no confidence: give a number from 0 to 1, e.g. 0.8")
    return v


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", choices=["ladybug", "neo4j"], help="graph engine (default: ladybug, or $PARKGRAPH_BACKEND)")
    p.add_argument("--db", metavar="PATH", help="LadybugDB database path (default: user data directory, or $PARKGRAPH_DB)")
    p.add_argument("--neo4j-uri", metavar="URI", help="Neo4j Bolt URI (default: $NEO4J_URI or bolt://127.0.0.1:7687)")
    p.add_argument("--base-iri", metavar="IRI", help="base of minted IRIs (default: $PARKGRAPH_BASE_IRI)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="parkgraph", description=DESCRIPTION,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"parkgraph {__import__('parkgraph').__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("serve", help="serve the explorer, Cypher console, API and SPARQL endpoint",
                       description="Serve the web UI on 127.0.0.1. On an empty graph the bundled dataset is loaded first.")
    _common(p)
    p.add_argument("--host", help="address to bind (default 127.0.0.1; 0.0.0.0 exposes it to the network)")
    p.add_argument("--port", type=int, help="port (default 5000)")
    p.add_argument("--no-bundled", action="store_true", help="do not load the bundled dataset into an empty graph")

    p = sub.add_parser("load", help="validate data files, then write them to the graph",
                       description="Validate YAML/JSON/CSV files (or folders of them); if any problem is found, print every one and write nothing. Loading is idempotent (MERGE on uri).")
    _common(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--dry-run", action="store_true", help="validate and show what would be written, write nothing")
    p.add_argument("--replace", action="store_true", help="delete the whole graph first, then load these files")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")

    p = sub.add_parser("ingest", help="extract facts from an article (.md, .txt, .html) into a review file",
                       description="Clean an article, find its parks, enterprises, institutions, bodies, policies, programmes, dates, "
                                   "statistics and relations, link them to the graph and data/, and write a review file in the data/ "
                                   "format. Nothing reaches the graph until the file is loaded (`parkgraph load`), unless --apply.")
    _common(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--source-url", metavar="URL", help="the article's URL (when the file has no front matter url)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="publication date (when the file has no front matter date)")
    p.add_argument("--title", metavar="T", help="title (when the file has no front matter title or heading)")
    p.add_argument("--out", metavar="REVIEW.yaml", help="review file to write (default: FILE's name + .review.yaml here; - for standard output)")
    p.add_argument("--apply", action="store_true", help="validate and load the proposals at once, without review")
    p.add_argument("--data", action="append", metavar="DIR", help="data folder to link against (default: the bundled data/; repeatable)")
    p.add_argument("--no-data", action="store_true", help="link against the graph only, not data files")
    p.add_argument("--accept", type=_confidence, metavar="CONF",
                   help="write facts below this confidence commented out (default 0.5; higher: fewer, surer facts — "
                        "bench/ingest_bench.py --curve shows the trade)")

    p = sub.add_parser("validate", help="check data files and report every problem with file:line and field",
                       description="Check data files against the ontology and SHACL shapes, and resolve their references "
                                   "against the configured graph as `load --dry-run` does (read-only; never writes). "
                                   "With --no-graph, or when no graph is available, the files are checked on their own.")
    _common(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print problems as JSON")
    p.add_argument("--no-graph", action="store_true", help="do not resolve references against the graph")

    p = sub.add_parser("query", help="run a read-only Cypher query and print the result",
                       description="Run one read-only Cypher query (in the dialect of the chosen engine) and print a table.")
    _common(p)
    p.add_argument("cypher")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=JSON",
                   help="query parameter; the value is parsed as JSON if it can be (repeatable)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--timeout", type=float, help="seconds before the query is stopped")
    p.add_argument("--max-rows", type=int, help="rows to return at most")

    p = sub.add_parser("stats", help="count nodes per label and relationships per type")
    _common(p)

    p = sub.add_parser("settings", help="print the effective configuration and where each value came from",
                       description="Every setting with its value (secrets masked) and its origin: default, env or flag.")
    _common(p)

    p = sub.add_parser("export", help="export the graph as RDF (Turtle, N-Triples, N-Quads, JSON-LD)",
                       description="Stream the graph as RDF through the ontology's mapping, with a VoID/DCAT description.")
    _common(p)
    p.add_argument("--format", choices=["ttl", "nt", "nq", "jsonld"], default="ttl")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")

    p = sub.add_parser("diff", help="facts added, changed and removed between two releases",
                       description="Compare two data folders (or files), or two RDF exports: every fact by IRI, with field-level changes.")
    p.add_argument("old", metavar="OLD", help="the earlier data folder or RDF export (.ttl, .nt, .nq, .jsonld)")
    p.add_argument("new", metavar="NEW", help="the later one, of the same kind")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    p.add_argument("--title", default="Unreleased", help="heading of the markdown (CHANGELOG) entry")
    p.add_argument("--base-iri", metavar="IRI", help="base of minted IRIs (default: $PARKGRAPH_BASE_IRI)")

    from parkgraph.analyze_cli import add_parsers as _network_parsers
    _network_parsers(sub, _common)

    p = sub.add_parser("neo4j", help="fetch, start, stop a local Neo4j 5.26 Community server (Java 17 + Maven)",
                       description="Manage a local Neo4j 5.26 Community server fetched from Maven Central: 127.0.0.1, Bolt 7687, HTTP 7474, auth off, capped memory.")
    p.add_argument("action", choices=["start", "stop", "status", "fetch", "log"])
    p.add_argument("--home", help="server directory (default: user data directory / neo4j)")
    p.add_argument("--bolt-port", type=int, default=7687)
    p.add_argument("--http-port", type=int, default=7474)
    p.add_argument("--heap", default="768m", help="JVM heap (default 768m)")
    p.add_argument("--pagecache", default="128m", help="page cache (default 128m)")
    return ap


def settings_from(args: argparse.Namespace) -> Settings:
    over = {"backend": getattr(args, "backend", None), "db_path": getattr(args, "db", None),
            "neo4j_uri": getattr(args, "neo4j_uri", None), "base_iri": getattr(args, "base_iri", None)}
    for k in ("host", "port"):
        if getattr(args, k, None) is not None:
            over[k] = getattr(args, k)
    return Settings.from_env(over)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.command:
        build_parser().print_help()
        return 2
    try:
        return COMMANDS[args.command](args) or 0
    except ValidationFailed as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"error: {e.message}", file=sys.stderr)
        return 1
    except ParkGraphError as e:
        print(f"error: {e.message}" + (f" — {e.hint}" if e.hint else ""), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def cmd_validate(args) -> int:
    from parkgraph.loaders.stream import validate_and_map
    store = None
    if not args.no_graph:
        # References to entities already in the graph resolve as `load` resolves them, so the review
        # file's own instruction `parkgraph validate FILE && parkgraph load FILE` works (issue #12).
        from parkgraph.errors import BackendUnavailable, QueryError
        from parkgraph.graph import open_store
        s = settings_from(args)
        try:
            store = open_store(s, read_only=True)
        except (BackendUnavailable, QueryError) as e:
            print(f"note: graph not available ({e.message}); references are resolved within the files only",
                  file=sys.stderr)
        except Exception as e:  # e.g. the embedded database is locked by a writer: validate the files alone
            print(f"note: graph not available ({str(e).splitlines()[0][:160] if str(e) else type(e).__name__}); "
                  "references are resolved within the files only", file=sys.stderr)
    try:
        exists = node = None
        if store is not None:
            base = settings_from(args).base_iri

            def node(ref: str) -> dict | None:
                try:
                    return store.node(base + ref)
                except Exception:  # an empty database has no tables yet: nothing exists in it
                    return None

            def exists(ref: str) -> bool:
                return node(ref) is not None
        res = validate_and_map(args.paths, map_rows=False, exists=exists, node=node,
                               model=store.model if store is not None else None)  # streamed: bounded memory
    finally:
        if store is not None:
            store.close()
    if args.json:
        print(json.dumps([p.to_dict() for p in res.problems], ensure_ascii=False, indent=2))
    else:
        for p in res.problems:
            print(p)
        print(f"{len(res.problems)} problem(s); {res.entity_count} entities and {res.relation_count} relations checked",
              file=sys.stderr if res.problems else sys.stdout)
    return 1 if res.problems else 0


def cmd_load(args) -> int:
    from parkgraph.graph import open_store
    from parkgraph.loaders import load_paths
    s = settings_from(args)
    with open_store(s) as store:
        rep = load_paths(args.paths, store, s.base_iri, dry_run=args.dry_run, replace=args.replace,
                         progress=False if args.no_progress else None)
        d = rep.to_dict()
        verb = "would write" if args.dry_run else "wrote"
        print(f"{verb} {d['node_total']} nodes and {d['relationship_total']} relationships to {store.engine}"
              + (" (graph replaced)" if args.replace and not args.dry_run else ""))
        for k, v in d["nodes"].items():
            print(f"  {k:<16} {v:>8}")
        for k, v in d["relationships"].items():
            print(f"  {k:<16} {v:>8}")
    return 0


def cmd_ingest(args) -> int:
    from parkgraph.loaders.ingest import command
    return command(args, settings_from(args))


def cmd_query(args) -> int:
    from parkgraph.graph import open_store
    params = {}
    for item in args.param:
        name, _, raw = item.partition("=")
        try:
            params[name] = json.loads(raw)
        except json.JSONDecodeError:
            params[name] = raw
    s = settings_from(args)
    with open_store(s, read_only=True) as store:
        res = store.console_read(args.cypher, params, timeout=args.timeout, max_rows=args.max_rows)
    if args.format == "json":
        from parkgraph import jsonsafe  # NaN/Infinity as strings: the output stays JSON
        print(jsonsafe.dumps(res.to_dict(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        from parkgraph.csvsafe import cell  # formulas (=, +, -, @) neutralised for spreadsheets
        w = csv.writer(sys.stdout)
        w.writerow([cell(c) for c in res.columns])
        for row in res.rows:
            w.writerow([cell(_cell(v)) for v in row])
    else:
        print(format_table(res.columns, [[_cell(v) for v in row] for row in res.rows]))
        if res.ran_as:
            print(f"ran as: {res.ran_as}")
        print(f"({len(res.rows)} row{'s' if len(res.rows) != 1 else ''}, {res.elapsed_ms:.0f} ms, {store.engine})"
              + (f" — truncated at {res.max_rows} rows" if res.truncated else ""))
    return 0


def cmd_stats(args) -> int:
    from parkgraph.graph import open_store
    s = settings_from(args)
    with open_store(s, read_only=True) as store:
        c = store.counts()
        info = store.server_info()
    print(f"{info['engine']} {info.get('version', '')} — {info['dialect']}")
    rows = [[k, v] for k, v in c["nodes"].items()] + [["", ""]] + [[k, v] for k, v in c["relationships"].items()]
    print(format_table(["label / type", "count"], rows))
    return 0


def cmd_settings(args) -> int:
    s = settings_from(args)  # a bad value stops here with the variable and what it accepts
    print(format_table(["variable", "value", "from"], [list(r) for r in s.describe()]))
    return 0


def cmd_export(args) -> int:
    from parkgraph.graph import open_store
    from parkgraph.rdf.export import export
    s = settings_from(args)
    with open_store(s, read_only=True) as store:
        if args.out:
            with open(args.out, "w", encoding="utf-8") as fh:
                n = export(store, fh, args.format, s.base_iri)
            print(f"wrote {n} triples to {args.out}", file=sys.stderr)
        else:
            export(store, sys.stdout, args.format, s.base_iri)
    return 0


def cmd_diff(args) -> int:
    """Exit status 0 when nothing changed, 1 when something did (as diff(1))."""
    from parkgraph.loaders.diff import diff, markdown_report, text_report
    base = Settings.from_env({"base_iri": args.base_iri} if args.base_iri else {}).base_iri
    d = diff(args.old, args.new, base)
    if args.format == "json":
        print(json.dumps(d.to_dict(), ensure_ascii=False, indent=2, default=str))
    elif args.format == "markdown":
        print(markdown_report(d, args.title, base), end="")
    else:
        print(text_report(d, base))
    return 0 if d.empty else 1


def cmd_neo4j(args) -> int:
    from parkgraph.graph.neo4j_server import LocalNeo4j, Neo4jServerError
    s = Settings.from_env()
    srv = LocalNeo4j(args.home or s.neo4j_home, bolt_port=args.bolt_port, http_port=args.http_port,
                     heap=args.heap, pagecache=args.pagecache)
    try:
        if args.action == "start":
            print(srv.start())
        elif args.action == "stop":
            print(srv.stop())
        elif args.action == "fetch":
            srv.classpath()
            print("Neo4j jars are in ~/.m2")
        elif args.action == "log":
            print(srv.tail(100))
        else:
            print(srv.status())
            return 0 if srv.bolt_answers() else 3
    except Neo4jServerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


def serve_threads(setting: int) -> int:
    """Request threads: 4 per core (a request mostly waits on the engine, which runs outside the GIL),
    at least 8, at most 32. Each thread keeps its own LadybugDB connection on the read-only handle:
    the embedded engine's pool of read-only connections is these threads' connections."""
    import os
    if setting and int(setting) > 0:
        return int(setting)
    return max(8, min(32, 4 * (os.cpu_count() or 1)))


def _warm_search(store) -> None:
    try:
        store.search_page("园区", limit=1)
    except Exception:  # noqa: BLE001 - a request will build it (and report a failure) instead
        pass


def cmd_serve(args) -> int:
    from parkgraph.web import create_app
    from parkgraph.web.bootstrap import prepare_store
    s = settings_from(args)
    store = prepare_store(s, load_bundled=not args.no_bundled)
    app = create_app({"SETTINGS": s, "STORE": store})
    if hasattr(store, "start_console"):
        store.start_console()  # console workers start now; a missing sandbox layer is reported here
    info = store.server_info()
    threads = serve_threads(int(s.serve_threads))
    print(f"ParkGraph on {info['engine']} {info.get('version', '')} ({info['dialect']}) — http://{s.host}:{s.port}/ "
          f"({threads} threads)", file=sys.stderr)
    # waitress, a production WSGI server in pure Python (Linux, macOS and Windows alike, where the
    # embedded engine runs too): one process, so one LadybugDB handle, and a pool of threads;
    # werkzeug's development server measured p50 460 ms / p99 811 ms under 50 clients (issue #15)
    from waitress import create_server
    import threading
    # the embedded engine's search index is (re)built on the first search after a load: warm it
    # in the background so that start-up stays fast and the first user does not wait for it
    threading.Thread(target=_warm_search, args=(store,), daemon=True, name="parkgraph-warm-search").start()
    server = create_server(app, host=s.host, port=int(s.port), threads=threads, ident="parkgraph",
                           connection_limit=max(100, threads * 8), channel_timeout=60,
                           max_request_header_size=65536)  # as werkzeug: 64 kB of request line and headers
    # the server's own error answers (431, 414, 400 before the app runs) carry the security headers
    # and the project's JSON error format, and never echo the request
    from parkgraph.web.security import secure_waitress
    secure_waitress(server)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


def _cell(v) -> str:
    if isinstance(v, dict) and "labels" in v:
        p = v["properties"]
        return f"({':'.join(v['labels'])} {p.get('name_zh') or p.get('name_en') or v['uri']})"
    if isinstance(v, dict) and "type" in v and "start" in v:
        return f"[:{v['type']}]"
    if isinstance(v, (dict, list)):
        from parkgraph import jsonsafe
        return jsonsafe.dumps(v, ensure_ascii=False)
    return "" if v is None else str(v)


def _width(s: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def format_table(columns: list[str], rows: list[list[str]]) -> str:
    cols = [str(c) for c in columns]
    data = [[str(c) for c in r] for r in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in data]) for i, c in enumerate(cols)]
    widths = [min(w, 80) for w in widths]

    def line(cells):
        out = []
        for c, w in zip(cells, widths):
            if _width(c) > w:
                while _width(c) > w - 1:
                    c = c[:-1]
                c += "…"
            out.append(c + " " * (w - _width(c)))
        return "│ " + " │ ".join(out) + " │"
    sep = "├─" + "─┼─".join("─" * w for w in widths) + "─┤"
    top = "┌─" + "─┬─".join("─" * w for w in widths) + "─┐"
    bot = "└─" + "─┴─".join("─" * w for w in widths) + "─┘"
    return "\n".join([top, line(cols), sep, *(line(r) for r in data), bot])


COMMANDS = {"serve": cmd_serve, "load": cmd_load, "validate": cmd_validate, "query": cmd_query,
            "stats": cmd_stats, "settings": cmd_settings, "export": cmd_export, "neo4j": cmd_neo4j, "ingest": cmd_ingest,
            "diff": cmd_diff,
            "analyze": lambda a: _network("cmd_analyze", a), "network-export": lambda a: _network("cmd_network_export", a)}


def _network(name: str, args) -> int:
    from parkgraph import analyze_cli
    return getattr(analyze_cli, name)(args, settings_from(args))
