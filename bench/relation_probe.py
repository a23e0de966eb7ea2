"""Could a learned step find the relations the rule rows miss? A probe, not part of `parkgraph ingest`.

    pip install scikit-learn        # not a dependency of parkgraph: the probe found nothing worth shipping
    python bench/relation_probe.py [--c 1.0]

Candidates are every ordered pair of linked mentions in one sentence whose classes a relation type of the
ontology allows (one candidate per type), over the dev splits only (dev, dev-c, dev-d, …; the held-out splits
are never read). A candidate is positive when the gold has that relation between the entities the two
mentions are matched to (as bench/ingest_bench.py matches them). Features: the relation type, both classes,
their order, distance and whether a clause mark lies between, jieba's words between them and next to them,
and the rows that found each mention — never whether a rule row proposed the pair.

Scoring is leave-one-split-out: a logistic regression (scikit-learn, lbfgs) is trained on the other
seven splits and scores the held-back one, as if it were new text. Printed: for each probability threshold,
how many pairs the rules did NOT propose the model would add, and how many of those are right — beside
the baseline of the same run, the rule rows' own precision on the same in-sentence candidates.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import ingest_bench as B  # noqa: E402

DEV_SPLITS = ("dev",) + B.BLIND_DEV


def _gold_index(ex, gold: dict) -> dict[str, int]:
    """Proposal key → index of the gold entity it is (every proposal, with or without a fact)."""
    from parkgraph.loaders.ingest.score import _where, norm
    ents = gold["entities"]
    names = [{norm(g["name"]), *(norm(a) for a in g.get("aliases") or [])} for g in ents]
    kinds = {norm(e["name"]): e.get("kind") for e in gold.get("events") or []}
    out = {}
    for p in ex.entities.values():
        said = {norm(p.record.get("name_zh") or "")} | {norm(m.text) for m in p.mentions} | \
            {norm(a) for a in p.record.get("aliases") or []}
        hit = next((i for i, g in enumerate(ents) if g["label"] == p.label and said & names[i]), None)
        if hit is None and p.label == "Event":
            hit = next((i for i, g in enumerate(ents) if g["label"] == "Event"
                        and _where(p, {**g, "kind": kinds.get(norm(g["name"]))})), None)
        if hit is not None:
            out[p.key] = hit
    return out


def candidates() -> list[dict]:
    """Every in-sentence candidate pair of the dev splits, with its label and what the features need."""
    from parkgraph.loaders.ingest import ingest
    from parkgraph.loaders.ingest.score import ACCEPT, load_gold, norm
    rows = []
    for split in DEV_SPLITS:
        for ident in B.split_ids(split):
            gold = load_gold(B.CORPUS / "gold" / f"{ident}.yaml")
            ex = ingest(B.CORPUS / "articles" / f"{ident}.md", kb=B.make_kb("data", gold)).extraction
            idx = _gold_index(ex, gold)
            by_name = {norm(g["name"]): i for i, g in enumerate(gold["entities"])}
            wanted = {(by_name.get(norm(g["from"])), g["type"], by_name.get(norm(g["to"]))) for g in gold["relations"]}
            proposed = {(r.frm, r.type, r.to) for r in ex.relations if r.conf >= ACCEPT}
            rels = ex.kb.model.relationships
            by_sent: dict[int, list] = {}
            for m in ex.mentions:
                if m.key in ex.entities:
                    by_sent.setdefault(m.sent, []).append(m)
            for s in ex.doc.sentences:
                seen = set()
                for a in by_sent.get(s.idx, ()):
                    for b in by_sent.get(s.idx, ()):
                        la, lb = ex.entities[a.key].label, ex.entities[b.key].label
                        for rt, rd in rels.items():
                            key = (a.key, rt, b.key)
                            if a.key == b.key or la not in rd.sources or lb not in rd.targets or key in seen:
                                continue
                            seen.add(key)
                            ga, gb = idx.get(a.key), idx.get(b.key)
                            rows.append({"split": split, "y": ga is not None and gb is not None and (ga, rt, gb) in wanted,
                                         "rule": key in proposed, "rt": rt, "la": la, "lb": lb,
                                         "a": (a.start - s.start, a.end - s.start), "b": (b.start - s.start, b.end - s.start),
                                         "text": ex.doc.text[s.start:s.end], "ahow": a.how, "bhow": b.how})
    return rows


def features(x: dict) -> dict[str, int]:
    import jieba
    rt, t = x["rt"], x["text"]
    (a0, a1), (b0, b1) = x["a"], x["b"]
    order = "ab" if a0 < b0 else "ba"
    lo, hi = (a1, b0) if a0 < b0 else (b1, a0)
    between = t[lo:hi] if lo <= hi else ""
    f = {rt: 1, f"{rt}|{x['la']}|{x['lb']}": 1, f"{rt}|{order}": 1, f"{rt}|dist={min(len(between) // 5, 8)}": 1,
         f"{rt}|{order}|one-clause={int(not re.search('[，；。：]', between))}": 1,
         f"{rt}|a={x['ahow'].split(':')[-1]}": 1, f"{rt}|b={x['bhow'].split(':')[-1]}": 1}
    if lo > hi:
        f[f"{rt}|overlap"] = 1
    for w in jieba.lcut(between):
        f[f"{rt}|{order}|between={w}"] = 1
    for w in jieba.lcut(t[max(0, min(a0, b0) - 4):min(a0, b0)]):
        f[f"{rt}|before={w}"] = 1
    for w in jieba.lcut(t[max(a1, b1):max(a1, b1) + 4]):
        f[f"{rt}|after={w}"] = 1
    return f


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength (scikit-learn's C)")
    args = ap.parse_args(argv)
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import roc_auc_score
    except ImportError:
        raise SystemExit("bench/relation_probe.py needs scikit-learn (pip install scikit-learn); "
                         "it is not a dependency of parkgraph") from None
    import jieba
    jieba.setLogLevel(60)
    rev = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    print(f"command: python bench/relation_probe.py --c {args.c}   (revision {rev}; dev splits only: {', '.join(DEV_SPLITS)})\n")
    rows = candidates()
    feats = [features(x) for x in rows]
    prob = [0.0] * len(rows)
    for split in DEV_SPLITS:
        train = [i for i, x in enumerate(rows) if x["split"] != split]
        test = [i for i, x in enumerate(rows) if x["split"] == split]
        if not test:
            continue
        vec = DictVectorizer()
        model = LogisticRegression(C=args.c, max_iter=2000).fit(vec.fit_transform([feats[i] for i in train]),
                                                                    [rows[i]["y"] for i in train])
        for i, p in zip(test, model.predict_proba(vec.transform([feats[i] for i in test]))[:, 1]):
            prob[i] = float(p)
    ruled = [x for x in rows if x["rule"]]
    new = [i for i, x in enumerate(rows) if not x["rule"]]
    addable = sum(rows[i]["y"] for i in new)
    print(f"{len(rows)} in-sentence candidates, {sum(x['y'] for x in rows)} in the gold; the rule rows propose "
          f"{len(ruled)} of them, {sum(x['y'] for x in ruled)} right (baseline precision "
          f"{sum(x['y'] for x in ruled) / max(1, len(ruled)):.2f}); {addable} gold pairs the rules miss.")
    print(f"ranking of the pairs the rules miss, leave-one-split-out: AUC "
          f"{roc_auc_score([rows[i]['y'] for i in new], [prob[i] for i in new]):.2f}\n")
    print("| threshold | pairs the model adds | right | precision | of the gold pairs the rules miss |\n|---:|---:|---:|---:|---:|")
    for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        add = [i for i in new if prob[i] >= th]
        right = sum(rows[i]["y"] for i in add)
        print(f"| {th:.1f} | {len(add)} | {right} | {right / len(add) if add else 0:.2f} | {right / max(1, addable):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
