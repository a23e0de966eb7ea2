"""`parkgraph ingest`: turn an article into a review file in the data/ format.

    read + clean (document.py) → sentences → mentions, dates, statistics, relations (extract.py),
    linked to the graph and data/ (kb.py) → review file (review.py) → a person edits it →
    `parkgraph load` (or `--apply`, which validates and loads it through loaders.load_paths).

docs/ingest.md describes the workflow; bench/ingest_bench.py scores it against tests/gold/.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .document import Document, IngestInputError, read_document
from .extract import ACCEPT, Extraction, extract
from .kb import KnowledgeBase
from .review import render, source_record, today

__all__ = ["IngestResult", "IngestInputError", "ingest", "build_kb", "command", "ACCEPT"]


@dataclass
class IngestResult:
    doc: Document
    extraction: Extraction
    source: dict
    source_origin: str
    review: str          # the review file's text
    kb: KnowledgeBase
    stats: dict          # what the review file proposes: entities, new, relations, statistics, ...

    def counts(self) -> dict:
        return dict(self.stats)


def build_kb(store=None, data_dirs: list[str | Path] | None = None) -> KnowledgeBase:
    kb = KnowledgeBase(store.model if store is not None else None)
    if data_dirs:
        kb.add_data([Path(d) for d in data_dirs])
    if store is not None:
        try:
            kb.add_graph(store)
        except Exception as e:  # an empty database has no tables yet
            kb.notes.append(f"graph not read ({str(e).splitlines()[0][:120]})")
            kb.store = store
    return kb


def ingest(path: str | Path, *, store=None, data_dirs: list[str | Path] | None = None, kb: KnowledgeBase | None = None,
           title: str | None = None, source_url: str | None = None, date: str | None = None,
           accept: float = ACCEPT) -> IngestResult:
    """Read, clean and extract one article; link against the graph (`store`) and `data_dirs`. Facts below the
    confidence `accept` are written commented out."""
    doc = read_document(path, title=title, source_url=source_url, date=date)
    kb = kb or build_kb(store, data_dirs)
    ex = extract(doc, kb, accept)
    source, origin = source_record(doc, kb)
    text, stats = render(ex, source, origin, kb.model, generated=today())
    return IngestResult(doc, ex, source, origin, text, kb, stats)


def command(args, settings) -> int:
    """The `parkgraph ingest` subcommand (parkgraph/cli.py hands over here)."""
    from parkgraph.errors import BackendUnavailable, QueryError
    from parkgraph.graph import open_store

    data_dirs = [] if args.no_data else [Path(d) for d in (args.data or [])]
    if not args.no_data and not args.data:
        from parkgraph.data import DATA_DIR
        data_dirs = [DATA_DIR]
    # Read the input first: a bad file gets its one-line message before any database is opened.
    read_document(args.file, title=args.title, source_url=args.source_url, date=args.date)
    store = None
    try:
        store = open_store(settings, read_only=not args.apply)
    except (BackendUnavailable, QueryError) as e:
        if args.apply:
            raise
        print(f"note: graph not available ({e.message}); linking against data files only", file=sys.stderr)
    try:
        res = ingest(args.file, store=store, data_dirs=data_dirs, title=args.title, source_url=args.source_url,
                     date=args.date, accept=ACCEPT if args.accept is None else args.accept)
        out = Path(args.out) if args.out else Path.cwd() / (Path(args.file).stem + ".review.yaml")
        if str(args.out) == "-":
            sys.stdout.write(res.review)
        else:
            out.write_text(res.review, encoding="utf-8")
        for w in res.doc.warnings + res.kb.notes:
            print(f"warning: {w}", file=sys.stderr)
        c = res.counts()
        where = "standard output" if str(args.out) == "-" else str(out)
        print(f"wrote {where}: {c['entities']} entities ({c['new']} new), {c['statistics']} statistics, "
              f"{c['relations']} relations from {c['sentences']} sentences"
              + (f"; {c['in_graph']} entities and {c['known_facts']} facts already in the graph" if c["in_graph"] or c["known_facts"] else "")
              + (f"; {c['below_threshold']} more below the threshold, commented out" if c["below_threshold"] else ""),
              file=sys.stderr)
        if str(args.out) == "-":
            return 0
        from parkgraph.loaders.load import check
        if args.apply:
            from parkgraph.loaders import load_paths
            rep = load_paths([out], store, settings.base_iri, progress=False)
            d = rep.to_dict()
            print(f"applied without review: wrote {d['node_total']} nodes and {d['relationship_total']} relationships "
                  f"to {store.engine}")
        else:
            try:
                ds = check([out], store, settings.base_iri)
            except Exception:  # an empty database without tables: check the file on its own
                ds = check([out], None, settings.base_iri)
            if ds.problems:
                for p in ds.problems:
                    print(f"warning: {p}", file=sys.stderr)
            print(f"review it, then: parkgraph load {out}")
        return 0
    finally:
        if store is not None:
            store.close()
