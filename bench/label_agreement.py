"""How far two labellers agree: every article of tests/ingest/corpus/second-labels/ (a gold set made
independently of the corpus's own, by the same manual) against the corpus gold, per kind, with F1.

    python bench/label_agreement.py [-v] [--labels third-labels]

`--labels third-labels`: the dev articles labelled again on 2026-12-04 under the settled manual (rules
A1-A8 of the corpus README), against the corpus gold brought in line with the same rules.

Read it as a ceiling of sorts for the extractor's figures: where two careful labellers agree on six
relations in ten, a precision of 0.9 against one of them measures the labeller as much as the
extractor. Test-split articles: counts only, never their items (-v lists dev articles' differences)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "ingest" / "corpus"


def _short(item: dict) -> str:
    keys = ("label", "name", "subject", "value", "value_text", "unit", "from", "type", "to", "kind")
    return ", ".join(f"{k}={item[k]}" for k in keys if item.get(k) not in (None, ""))


def main(argv: list[str] | None = None) -> int:
    import argparse
    import yaml
    from parkgraph.loaders.ingest.score import agreement, load_gold
    from _common import command_line, _git_head
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list what each labeller has that the other has not (dev articles only)")
    ap.add_argument("--labels", default="second-labels", choices=("second-labels", "third-labels"),
                    help="which independent labelling to compare with the corpus gold")
    a = ap.parse_args(argv)
    test = set(yaml.safe_load((CORPUS / "split.yaml").read_text(encoding="utf-8"))["test"])
    print(f"command: {command_line()}  git: {_git_head()}")
    total: dict[str, list[int]] = {}
    seconds = sorted((CORPUS / a.labels).glob("*.yaml"))
    for second in seconds:
        diff: dict = {}
        got = agreement(load_gold(CORPUS / "gold" / second.name), load_gold(second), diff)
        print(f"\n{second.stem}" + (" (test split: counts only)" if second.stem in test else ""))
        if a.verbose and second.stem not in test:
            for kind, (only_a, only_b) in diff.items():
                for x in only_a:
                    print(f"  only A {kind}: {_short(x)}")
                for y in only_b:
                    print(f"  only B {kind}: {_short(y)}")
        for kind, counts in got.items():
            total.setdefault(kind, [0, 0, 0])
            total[kind] = [t + c for t, c in zip(total[kind], counts)]
    print(f"\n{len(seconds)} article(s)\n\n| kind | labeller A (corpus) | labeller B (second) | agreed | F1 |\n|---|---:|---:|---:|---:|")
    for kind, (na, nb, m) in total.items():
        print(f"| {kind} | {na} | {nb} | {m} | {2 * m / (na + nb) if na + nb else 1:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
