"""Precision and recall of `parkgraph ingest` on the hand-labelled corpus (tests/ingest/corpus) and
the seed article, micro-averaged per kind: entities, statistics, dates, relations, events.

    python bench/ingest_bench.py [--split dev|dev-a|dev-b|dev-c|…|dev-j|test|test-b|test-c|seed|all] [--mode data|none] [-v] [--speed] [--why]
                                 [--accept CONF] [--curve]

dev-a and dev-b are the two halves of dev for one round of rule work (split.yaml's `dev_check` is
dev-b, the rest of dev is dev-a): rules are changed from dev-a misses only and checked on dev-b.
dev-c is split.yaml's `dev_c` (round blind-c: eight pages labelled blind, scored once, then tuned on);
dev-d is `dev_d` (round blind-d), dev-e `dev_e` (round blind-e), dev-f `dev_f` (round blind-f), dev-g `dev_g`
(round blind-g), dev-h `dev_h` (round blind-h), dev-i `dev_i` (round blind-i) and dev-j `dev_j` (round blind-j), made
the same way: every `dev_<letter>` key of split.yaml is a split here.
test-b is split.yaml's `test_b`: eight more pages labelled blind after round blind-c's rules were frozen,
held out as the test split is (scored, never tuned on, misses never read); test-c (`test_c`) likewise, labelled
after round blind-d's rules were frozen, and every later `test_<letter>` key of split.yaml (test-d and test-e, round
blind-td). With --split all the held-out splits are also printed pooled, micro-averaged over all their articles.

--accept scores what `parkgraph ingest --accept CONF` proposes (facts below CONF commented out); --curve prints
precision and recall at the fixed thresholds 0.5 … 0.9, pooled over the held-out splits (or --split): the trade
of recall for precision, reported, never used to pick the default on a held-out split.

--why classifies every missed gold entity of the dev split (never the test split): linked but in no
fact, linked with another class, mentioned but not linked, a partial span, never mentioned.

The test split is never tuned on (tests/ingest/corpus/split.yaml); it is printed first. Linking is
against the bundled data/ files (what `parkgraph ingest` does by default; mode `data`) or nothing
(`none`); the corpus articles are not cited in data/, so data/ holds none of their facts.
--speed also times a ~1 MB article made by concatenating the dev articles' cleaned text, against
the baseline of the same run: jieba's part-of-speech cut of that text alone (the least any
extractor that uses it does).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "ingest" / "corpus"
SEED_GOLD = ROOT / "tests" / "gold" / "seed-article.yaml"
SEED = ROOT / "tests" / "gold" / "2023-03-24_推进网络安全产业园区建设.md"
MODES = ("data", "leave-out", "none")


def _keys(pattern: str) -> tuple[str, ...]:
    """split.yaml's keys that match `pattern`, in its order, spelt with a hyphen (dev_c → dev-c), so that a new
    blind split is a new key there and no change here."""
    import yaml
    keys = yaml.safe_load((CORPUS / "split.yaml").read_text(encoding="utf-8"))
    return tuple(k.replace("_", "-") for k in keys if re.fullmatch(pattern, k))


# test, test-b, test-c, …: scored once per freeze, never tuned on, misses never read
HELD_OUT = ("test", *_keys(r"test_[b-z]"))
# dev-c, dev-d, …: labelled blind, scored once as they came, then tuned on
BLIND_DEV = _keys(r"dev_[c-z][a-z]{0,3}")   # after dev_z: dev_za, …; after dev_zz: dev_zza, …; after dev_zzz: dev_zzza, …


def split_ids(name: str) -> list[str]:
    """Article ids of a split; dev-b is split.yaml's `dev_check`, dev-a the rest of dev (in order)."""
    import yaml
    splits = yaml.safe_load((CORPUS / "split.yaml").read_text(encoding="utf-8"))
    if name == "dev-b":
        return list(splits["dev_check"])
    if name in BLIND_DEV or name in HELD_OUT[1:]:
        return list(splits.get(name.replace("-", "_")) or [])   # split.yaml's dev_c …, test_b …
    if name == "dev-a":
        return [i for i in splits["dev"] if i not in set(splits["dev_check"])]
    return list(splits[name])


def make_kb(mode: str, gold: dict | None = None):
    from parkgraph.data import DATA_DIR
    from parkgraph.loaders.ingest.kb import KnowledgeBase
    kb = KnowledgeBase()
    if mode == "data":
        kb.add_data([DATA_DIR])
    elif mode == "leave-out":
        kb.add_data([DATA_DIR], exclude_source=(gold or {}).get("source", {}).get("id"))
    return kb


def run(mode: str, gold_path: Path = SEED_GOLD, article: Path = SEED, accept: float | None = None):
    """The seed article with the given knowledge base, scored; returns (scores, seconds)."""
    from parkgraph.loaders.ingest import ingest
    from parkgraph.loaders.ingest.score import load_gold, score
    gold = load_gold(gold_path)
    t0 = time.perf_counter()
    res = ingest(article, kb=make_kb(mode, gold), **_accept(accept))
    return score(res.extraction, gold), time.perf_counter() - t0


def _accept(accept: float | None) -> dict:
    """ingest()'s threshold argument: its own default (rules.ACCEPT) unless one is given."""
    return {} if accept is None else {"accept": accept}


def run_split(split: str, mode: str = "data", verbose: bool = False, accept: float | None = None,
              per_article: dict | None = None):
    """Micro-averaged scores over one split of the corpus, facts below `accept` left out (default: the
    extractor's threshold); returns (scores, seconds). `per_article`, when given, gets each article's scores."""
    from parkgraph.loaders.ingest import ingest
    from parkgraph.loaders.ingest.score import add, load_gold, score
    total = None
    t0 = time.perf_counter()
    for ident in split_ids(split):
        gold = load_gold(CORPUS / "gold" / f"{ident}.yaml")
        res = ingest(CORPUS / "articles" / f"{ident}.md", kb=make_kb(mode, gold), **_accept(accept))
        sc = score(res.extraction, gold)
        if per_article is not None:
            per_article[ident] = sc
        if verbose:
            print(f"\n#### {ident}")
            for k, s in sc.items():
                for m in s.missed:
                    print(f"  missed {k}: {m}")
                for w in s.wrong:
                    print(f"  wrong  {k}: {w}")
        total = sc if total is None else add(total, sc)
    return total, time.perf_counter() - t0


def by_rule(split: str, mode: str = "data") -> dict[str, dict]:
    """Each rule row's right and proposed statistics, relations and entities named on their own over a split: which rows are wrong
    on text (what calibrating a row's confidence rests on) — the accepted proposals, and every
    proposal as if the threshold were 0, so that a row written below it stays measurable on the next
    blind sample (matching is one-to-one over all of them, so a row can gain or lose a gold item to
    another). Never on the test splits: that would be tuning on them."""
    if split in HELD_OUT:
        raise SystemExit("--by-rule reads how each row fares; the test splits are not tuned on (tests/ingest/corpus/split.yaml)")
    arts: dict = {}
    arts_every: dict = {}
    total, _ = run_split(split, mode, per_article=arts)
    every, _ = run_split(split, mode, accept=0.0, per_article=arts_every)   # every proposal, and every entity it names
    out = {}
    for kind in ("statistics", "relations", "entities"):   # entities: the named-* rows, names that are a fact alone
        rows = sorted(total[kind].by_rule.items(), key=lambda kv: (kv[1][0] / kv[1][1], -kv[1][1]))
        rows += sorted((r, [0, 0]) for r in every[kind].by_rule if r not in total[kind].by_rule)
        print(f"\n### {kind}, {split} split: right / proposed per rule row\n")
        print("| rule | confidence | accepted: right | proposed | precision | all: right | proposed | precision |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|")
        for rule, (right, n) in rows:
            ar, an = every[kind].by_rule.get(rule, [0, 0])
            print(f"| {rule} | {_conf(rule)} | {right} | {n} | {right / n if n else 0:.2f} | {ar} | {an} | {ar / an if an else 0:.2f} |")
        out[kind] = {r: v for r, v in rows if v[1]}
        out[kind + " (all)"] = dict(every[kind].by_rule)
    # The calibration counts at most PER_ARTICLE fires of a row in one article (tests/ingest/test_calibration.py):
    # the articles where a row fired more often, with both counts
    heavy = [(kind, rule, ident, arts[ident][kind].by_rule.get(rule, [0, 0]), v)
             for ident, sc in arts_every.items() for kind in ("statistics", "relations", "entities")
             for rule, v in sorted(sc[kind].by_rule.items()) if v[1] > PER_ARTICLE]
    print(f"\n{PER_ARTICLE_HEADING} {PER_ARTICLE} times in one article, {split} split\n")
    print("| kind | rule | article | accepted: right | proposed | all: right | proposed |\n|---|---|---|---:|---:|---:|---:|")
    for kind, rule, ident, (r, n), (ar, an) in heavy:
        print(f"| {kind} | {rule} | {ident} | {r} | {n} | {ar} | {an} |")
    out["per article"] = {(kind, rule, ident): [r, n, ar, an] for kind, rule, ident, (r, n), (ar, an) in heavy}
    return out


# One article's long list can decide a row: a dev-ZZC article gave all ten of event-organised-by's wrong fires, the
# rest of the window being 10 of 13 right (round blind-yc). From dev-ZZE on the calibration counts a row's fires in
# one article at most this often, with the article's precision (decided in round blind-ye before dev-ZZE and dev-ZZF
# were scored). On the read pool (398 articles) 93 % of the row-article pairs that fire fire five times or fewer; the
# other 7 % hold 29 % of the fires, and a window is about 30 fires (test_calibration.FIRES).
PER_ARTICLE = 5
PER_ARTICLE_HEADING = "### rows that fired more than"   # opens that list; tests/ingest/test_calibration.py reads it
CURVE = (0.5, 0.6, 0.7, 0.8, 0.9)   # thresholds fixed before any split was scored with them


def curve(splits: tuple[str, ...], mode: str = "data") -> dict[float, dict]:
    """Precision and recall per kind, pooled over `splits`, at each threshold of CURVE: what the
    `ingest --accept` trade of recall for precision buys. Printed as a table; returns {threshold: scores}.
    It reports; the default threshold is not chosen from a held-out split's curve (that would be tuning on it)."""
    from parkgraph.loaders.ingest.score import add
    out: dict[float, dict] = {}
    kinds = ("entities", "statistics", "relations", "events")
    print(f"\n### precision / recall by threshold ({', '.join(splits)}; linking: {mode})\n")
    print("| accept ≥ | " + " | ".join(kinds) + " |\n|---:|" + "---:|" * len(kinds))
    for t in CURVE:
        pooled = None
        for split in splits:
            sc, _ = run_split(split, mode, accept=t)
            pooled = sc if pooled is None else add(pooled, sc)
        out[t] = pooled
        cells = [f"{pooled[k].precision:.3f} / {pooled[k].recall:.3f} ({pooled[k].correct}/{pooled[k].predicted})"
                 for k in kinds]
        print(f"| {t:g} | " + " | ".join(cells) + " |")
    return out


def _conf(rule: str) -> str:
    from parkgraph.loaders.ingest.rules import RULES
    return f"{RULES[rule].conf:g}" if rule in RULES else "-"


def why(split: str = "dev") -> dict[str, int]:
    """Why each gold entity of a split is missed: proposed (ok: the scorer matched it), linked but in no
    fact, linked with another class, mentioned but not linked, only a partial span in its sentence, or
    never mentioned.
    Prints one line per miss and the counts. Never on the test split: its misses are not to be read."""
    import collections
    from parkgraph.loaders.ingest import ingest
    # the scorer's norm, which reads traditional characters as simplified: with the knowledge base's own,
    # every name of a traditional article was reported "mentioned, not linked"
    from parkgraph.loaders.ingest.score import load_gold, norm, score
    if split in HELD_OUT:
        raise SystemExit("--why reads misses; the test splits' are not to be read (tests/ingest/corpus/split.yaml)")
    if split == "dev-b":
        raise SystemExit("--why reads misses; dev-b is this round's check half, tune on dev-a (tests/ingest/corpus/split.yaml)")
    counts: collections.Counter = collections.Counter()
    for ident in split_ids(split):
        gold = load_gold(CORPUS / "gold" / f"{ident}.yaml")
        ex = ingest(CORPUS / "articles" / f"{ident}.md", kb=make_kb("data", gold)).extraction
        print(f"\n#### {ident}")
        # found is what the scorer matched (by name, by what the article wrote, an event by where it is
        # mentioned); the causes below are read only for the rest
        missed = collections.Counter(score(ex, gold)["entities"].missed)
        for g in gold["entities"]:
            if missed[g["name"]] == 0:
                counts["proposed"] += 1
                continue
            missed[g["name"]] -= 1
            names = {norm(g["name"]), *(norm(a) for a in g.get("aliases") or [])}
            props = [q for q in ex.entities.values() if norm(q.record.get("name_zh") or "") in names]
            if any(q.has_fact and q.label == g["label"] for q in props):
                cause = "proposed, not matched"   # a second proposal of one gold entity, or its class's match taken
            elif any(q.label == g["label"] for q in props):
                cause = "linked, in no fact"
            elif props:
                cause = f"linked as {props[0].label}"
            elif any(norm(m.name) in names or norm(m.text) in names for m in ex.mentions):
                cause = "mentioned, not linked"
            elif any(g["text"] in m.text or m.text in g["text"] for m in ex.mentions if m.sent == g.get("sentence")):
                cause = "partial span only"
            else:
                cause = "never mentioned"
            counts[cause.split(" as ")[0]] += 1
            print(f"  {cause:<22} {g['label']:<14} {g['name']}  ({g.get('text')})")
    print("\n" + ", ".join(f"{k}: {v}" for k, v in counts.most_common()))
    return dict(counts)


def big_article(path: Path, target_bytes: int) -> int:
    """Write a ~target_bytes article made by concatenating the dev articles' cleaned text; returns its size."""
    from tests.ingest.corpus import corpus_text
    parts = [corpus_text.read(CORPUS / "articles" / f"{i}.md").text for i in split_ids("dev")]
    body, size, i = [], 0, 0
    while size < target_bytes:
        body.append(parts[i % len(parts)])
        size += len(parts[i % len(parts)].encode()) + 2
        i += 1
    text = "\n\n".join(body)
    path.write_text("---\ntitle: long article\ndate: 2023-01-01\n---\n\n" + text + "\n", encoding="utf-8")
    return len(text.encode())


def speed(target_bytes: int = 1_000_000) -> dict:
    """Seconds to ingest a ~1 MB and a ~250 kB article (linking against data/), beside two baselines
    from the same run on the same 1 MB text: jieba's word cut (the least any jieba-based extractor
    does) and jieba's part-of-speech cut (what the extractor did per sentence before)."""
    import tempfile
    from parkgraph.loaders.ingest import ingest
    from parkgraph.loaders.ingest.extract import tokenizer
    out = {}
    kb = make_kb("data")
    pt = tokenizer(kb.jieba_words())
    with tempfile.TemporaryDirectory() as tmp:
        for n in (target_bytes // 4, target_bytes):
            p = Path(tmp) / f"big{n}.md"
            size = big_article(p, n)
            t0 = time.perf_counter()
            ingest(p, kb=kb)
            out[n] = (size, time.perf_counter() - t0)
        lines = p.read_text(encoding="utf-8").split("\n")
        t0 = time.perf_counter()
        for line in lines:
            list(pt.tokenizer.cut(line))
        out["cut"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        for line in lines:
            list(pt.cut(line))
        out["posseg"] = time.perf_counter() - t0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=(*HELD_OUT, "dev", "dev-a", "dev-b", *BLIND_DEV, "seed", "all"), default="all")
    ap.add_argument("--mode", choices=MODES, default="data")
    ap.add_argument("-v", "--verbose", action="store_true", help="misses and false positives per article")
    ap.add_argument("--speed", action="store_true", help="also time a ~1 MB article")
    ap.add_argument("--by-rule", action="store_true",
                    help="precision of each rule row (statistics, relations) on a dev split; refuses the test splits")
    ap.add_argument("--accept", type=float, metavar="CONF",
                    help="score as `parkgraph ingest --accept CONF` proposes (default: its threshold, 0.5)")
    ap.add_argument("--curve", action="store_true",
                    help=f"precision and recall at each threshold of {CURVE}, pooled over the held-out splits "
                         "(or over --split)")
    ap.add_argument("--why", action="store_true", help="why each gold entity of dev-a (or --split dev) is missed; refuses test and dev-b")
    a = ap.parse_args(argv)
    if a.why:
        why("dev-a" if a.split == "all" else a.split)
        return 0
    from parkgraph.loaders.ingest.score import add, table
    if a.by_rule:
        by_rule("dev" if a.split == "all" else a.split, a.mode)
        return 0
    print(f"command: python bench/{Path(__file__).name} {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    if a.curve:
        if a.split == "seed":
            raise SystemExit("--curve pools corpus splits; the seed article is one in-sample article")
        curve(tuple(s for s in HELD_OUT if split_ids(s)) if a.split == "all" else (a.split,), a.mode)
        return 0
    pooled = None
    made = [s for s in HELD_OUT if split_ids(s)]   # the pooled table follows the last held-out split that has articles
    for split in ((*HELD_OUT, "dev", *BLIND_DEV, "seed") if a.split == "all" else (a.split,)):
        if split != "seed" and not split_ids(split):
            continue   # a split not made yet (dev-d before its round)
        if split == "seed":
            scores, secs = run(a.mode, accept=a.accept)
            n = 1
        else:
            scores, secs = run_split(split, a.mode, a.verbose and split not in (*HELD_OUT, "dev-b"), a.accept)
            n = len(split_ids(split))
        print(f"\n### {split} split ({n} article{'s' if n > 1 else ''}, linking: {a.mode}, {secs:.1f} s)\n")
        print(table(scores))
        if a.split == "all" and split in HELD_OUT:
            pooled = scores if pooled is None else add(pooled, scores)
            if split == made[-1]:
                n = sum(len(split_ids(s)) for s in made)
                print(f"\n### held out, pooled ({', '.join(made)}: {n} articles, linking: {a.mode})\n")
                print(table(pooled))
    if a.speed:
        r = speed()
        (s1, t1), (s4, t4) = r[250_000], r[1_000_000]
        print("\n### speed (linking: data)\n\n| article | ingest | jieba word cut (baseline) | jieba POS cut |\n|---|---:|---:|---:|")
        print(f"| {s1 / 1e6:.2f} MB | {t1:.1f} s | | |")
        print(f"| {s4 / 1e6:.2f} MB | {t4:.1f} s | {r['cut']:.1f} s | {r['posseg']:.1f} s |")
        print(f"\n4x the text took {t4 / t1:.1f}x the time (linear: 4x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
