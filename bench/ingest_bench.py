"""Precision and recall of `parkgraph ingest` against the hand-labelled gold set of the seed article.

    python bench/ingest_bench.py [--mode data|leave-out|none|all] [--gold tests/gold/seed-article.yaml] [-v]

Modes (what entities are linked against; the graph is empty in all three):
  data       the bundled data/ files, as `parkgraph ingest` does by default
  leave-out  data/ without the records only the seed article cites: the knowledge base as it was
             before this article was curated, i.e. ingesting an article that is new to it
  none       no knowledge base: patterns, jieba and the built-in gazetteer only
Prints a precision/recall table per mode (markdown), with -v the misses and false positives.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "seed-article.yaml"
ARTICLE = ROOT / "tests" / "gold" / "2023-03-24_推进网络安全产业园区建设.md"
MODES = ("data", "leave-out", "none")


def run(mode: str, gold_path: Path = GOLD, article: Path = ARTICLE):
    """Extract the article with the given knowledge base and score it; returns (scores, seconds)."""
    from parkgraph.data import DATA_DIR
    from parkgraph.loaders.ingest import ingest
    from parkgraph.loaders.ingest.kb import KnowledgeBase
    from parkgraph.loaders.ingest.score import load_gold, score
    gold = load_gold(gold_path)
    t0 = time.perf_counter()
    kb = KnowledgeBase()
    if mode == "data":
        kb.add_data([DATA_DIR])
    elif mode == "leave-out":
        kb.add_data([DATA_DIR], exclude_source=gold["source"]["id"])
    res = ingest(article, kb=kb)
    return score(res.extraction, gold), time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=[*MODES, "all"], default="all")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--article", type=Path, default=ARTICLE)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    from parkgraph.loaders.ingest.score import table
    for mode in (MODES if a.mode == "all" else (a.mode,)):
        scores, secs = run(mode, a.gold, a.article)
        print(f"\n### mode: {mode} ({secs:.1f} s)\n")
        print(table(scores))
        if a.verbose:
            for k, s in scores.items():
                for m in s.missed:
                    print(f"  missed {k}: {m}")
                for w in s.wrong:
                    print(f"  wrong  {k}: {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
