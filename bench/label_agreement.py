"""How far two labellers agree: every article of tests/ingest/corpus/second-labels/ (a gold set made
independently of the corpus's own, by the same manual) against the corpus gold, per kind, with F1.

    python bench/label_agreement.py

Read it as a ceiling of sorts for the extractor's figures: where two careful people agree on 30 % of
relations, a precision of 0.9 against one of them measures the labeller as much as the extractor.
Counts only: the gold of test-split articles is compared, never printed."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "ingest" / "corpus"


def main() -> int:
    from parkgraph.loaders.ingest.score import agreement, load_gold
    from _common import command_line, _git_head
    print(f"command: {command_line()}  git: {_git_head()}")
    total: dict[str, list[int]] = {}
    for second in sorted((CORPUS / "second-labels").glob("*.yaml")):
        got = agreement(load_gold(CORPUS / "gold" / second.name), load_gold(second))
        print(f"\n{second.stem}")
        for kind, counts in got.items():
            total.setdefault(kind, [0, 0, 0])
            total[kind] = [t + c for t, c in zip(total[kind], counts)]
    print("\n| kind | labeller A (corpus) | labeller B (second) | agreed | F1 |\n|---|---:|---:|---:|---:|")
    for kind, (na, nb, m) in total.items():
        print(f"| {kind} | {na} | {nb} | {m} | {2 * m / (na + nb) if na + nb else 1:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
