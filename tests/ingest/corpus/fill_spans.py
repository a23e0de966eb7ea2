"""Fill `span` and `sentence` of every gold item from its `text` (and `at`, a longer snippet of the
article that contains `text` once, when `text` alone is ambiguous) so no offset is counted by hand.

    .venv/bin/python -m tests.ingest.corpus.fill_spans [ID ...]

Relations get `sentence` from their `at`. The file is rewritten in the seed gold's layout (one flow
mapping per item). Ambiguous or missing snippets are errors naming the file and item.
"""
from __future__ import annotations

import sys

import yaml

from .corpus_text import ARTICLES, GOLD, read, sentence_of

SPANNED = ("entities", "dates", "statistics", "events")
ORDER = ("label", "kind", "name", "aliases", "subject", "metric", "value", "value_text", "unit", "qualifier",
         "status", "as_of", "from", "type", "to", "date", "place", "participants", "text", "at", "sentence", "span")


def _locate(doc_text: str, item: dict, where: str) -> tuple[int, int]:
    text = item["text"]
    at = item.get("at") or text
    n = doc_text.count(at)
    if n != 1:
        raise SystemExit(f"{where}: snippet {at!r} occurs {n} times in the article text")
    base = doc_text.index(at)
    k = at.count(text)
    if k != 1:
        raise SystemExit(f"{where}: text {text!r} occurs {k} times in snippet {at!r}")
    a = base + at.index(text)
    return a, a + len(text)


def _ordered(d: dict) -> dict:
    keys = [k for k in ORDER if k in d] + [k for k in d if k not in ORDER]
    return {k: d[k] for k in keys}


def _flow(d: dict) -> str:
    return yaml.safe_dump(_ordered(d), allow_unicode=True, default_flow_style=True, sort_keys=False,
                          width=10_000).strip()


def fill(ident: str) -> None:
    gpath = GOLD / f"{ident}.yaml"
    raw = gpath.read_text(encoding="utf-8")
    head = "".join(l for l in raw.splitlines(keepends=True) if l.startswith("#"))
    gold = yaml.safe_load(raw)
    doc = read(ARTICLES / f"{ident}.md")
    for kind in SPANNED:
        for i, item in enumerate(gold.get(kind) or []):
            a, b = _locate(doc.text, item, f"{gpath.name} {kind}[{i}]")
            item["span"] = [a, b]
            item["sentence"] = sentence_of(doc, a, b)
    for i, rel in enumerate(gold.get("relations") or []):
        at = rel.get("at")
        if not at:
            raise SystemExit(f"{gpath.name} relations[{i}]: needs `at`")
        n = doc.text.count(at)
        if n != 1:
            raise SystemExit(f"{gpath.name} relations[{i}]: snippet {at!r} occurs {n} times")
        a = doc.text.index(at)
        rel["sentence"] = sentence_of(doc, a, a + len(at))
    out = [head.rstrip("\n") + "\n" if head else "", "source:\n"]
    for k, v in gold["source"].items():
        out.append(f"  {k}: {yaml.safe_dump(v, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix('...').strip()}\n")
    for kind in ("entities", "dates", "statistics", "events", "relations"):
        items = gold.get(kind) or []
        if not items:
            out.append(f"{kind}: []\n")
            continue
        out.append(f"{kind}:\n")
        out.extend(f"- {_flow(it)}\n" for it in items)
    gpath.write_text("".join(out), encoding="utf-8")


def main(argv: list[str]) -> None:
    ids = argv or sorted(p.stem for p in GOLD.glob("*.yaml"))
    for ident in ids:
        fill(ident)
        print("filled", ident)


if __name__ == "__main__":
    main(sys.argv[1:])
