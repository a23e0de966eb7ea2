"""Each relation and statistic row that fired often enough on the latest blind samples, as they came, carries the
precision it had there: one test per row.

bench/results/as-came/dev-<x>.md holds `bench/ingest_bench.py --split dev-<x> --by-rule` for every blind sample,
run once when the sample was copied in and before anyone writing rules read it. A row's precision on the text it
was written from says little (docs/ingest-rounds.md); on these samples it was measured on text nobody had tuned
on. Pooled over the WINDOW latest samples, a row that fired EVIDENCE times or more, in two samples or more, carries
(right + 1) / (fired + 2), rounded to 0.05 (loaders/ingest/rules/__init__.py). A row above the threshold then counts
as the review file had it (the table's "accepted" columns), a row below it as it would have been (the "all" columns).

After scoring a new blind sample as it came, save its --by-rule output here with the header the others carry;
the rows this test then fails on are the rows whose confidence the sample moves.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from parkgraph.loaders.ingest.rules import ACCEPT, RULES

AS_CAME = Path(__file__).resolve().parents[2] / "bench" / "results" / "as-came"
# The latest seven samples (dev-O to dev-U when this was written: 55 pages from two rounds). The older ones measured
# rules rewritten since: over dev-D to dev-U stat-event was right 19 of 54, over the seven 7 of 23, and
# stat-region-context 29 of 76 against 14 of 24 — a row's figure should be that of the rules it now has.
WINDOW = 7
EVIDENCE = 6   # fires, pooled, in two samples or more: under that one article's habit decides (the rows set by hand)

# Rows whose meaning changed at a sample: evidence counts from that sample on. domain-focus-region was split in
# round blind-o into a region the sentence names before the domains (the row) and one read from the context
# (domain-focus-context); dev-O and dev-P were scored before the split, so their counts are the two halves
# classified afterwards (docs/ingest-rounds.md, "Round blind-o": 9/9 and 1/15 on dev-O, 0/8 and 0/3 on dev-P).
SINCE = {"domain-focus-region": "dev-q", "domain-focus-context": "dev-q"}
SPLIT_AFTERWARDS = {("domain-focus-region", "dev-o"): (9, 9), ("domain-focus-region", "dev-p"): (0, 8),
                    ("domain-focus-context", "dev-o"): (1, 15), ("domain-focus-context", "dev-p"): (0, 3)}
# A row whose confidence is not the table's alone: stat-same-subject is as sure as the subject it carries on
# (loaders/ingest/statistics.py), so its counts mix figures accepted and not.
NOT_THE_TABLES = {"stat-same-subject"}


def _rows(path: Path) -> list[tuple[str, int, int]]:
    """(rule, right, fired) per row of one --by-rule output."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or cells[0] == "rule":
            continue
        if len(cells) == 8:     # rule, confidence, accepted right/proposed/precision, all right/proposed/precision
            # a row accepted then is counted as the review file had it; the "all" columns score every proposal at
            # once, where one below the threshold can take the gold item an accepted one matched (dev-L: stat-event
            # 4 of 6 accepted, 0 of 6 in "all")
            accepted = float(cells[1]) >= ACCEPT
            out.append((cells[0], int(cells[2 if accepted else 5]), int(cells[3 if accepted else 6])))
        elif len(cells) == 4:   # dev-D: rule, right, proposed, precision
            out.append((cells[0], int(cells[1]), int(cells[2])))
        else:
            raise ValueError(f"{path.name}: a row of {len(cells)} cells: {line}")
    return out


def pooled() -> dict[str, list[int]]:
    """rule → [right, fired, samples] over the WINDOW latest blind samples as they came."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    window = sorted(AS_CAME.glob("dev-*.md"))[-WINDOW:]
    for path in window:
        sample = path.stem
        for rule, right, fired in _rows(path):
            if rule in SINCE and sample < SINCE[rule]:
                continue   # the row of that name meant something else then
            acc[rule][0] += right
            acc[rule][1] += fired
            acc[rule][2] += fired > 0
    for (rule, sample), (right, fired) in SPLIT_AFTERWARDS.items():
        if (AS_CAME / f"{sample}.md") in window:
            acc[rule][0] += right
            acc[rule][1] += fired
            acc[rule][2] += fired > 0
    return dict(acc)


POOLED = pooled()
MEASURED = sorted(r for r, (_, n, k) in POOLED.items() if n >= EVIDENCE and k >= 2 and r not in NOT_THE_TABLES)


def test_the_evidence_is_all_there():
    # eighteen samples when the test was written (dev-D … dev-U, one file each, each with its scoring commit)
    files = sorted(AS_CAME.glob("dev-*.md"))
    assert len(files) >= 18
    for path in files:
        assert re.search(r"scored at: [0-9a-f]{7}", path.read_text(encoding="utf-8")), path.name
    unknown = sorted(set(POOLED) - set(RULES))
    assert not unknown, f"rows in the evidence that the rule table no longer has: {unknown}"


@pytest.mark.parametrize("rule", MEASURED)
def test_row_carries_its_blind_precision(rule):
    right, fired, _ = POOLED[rule]
    want = round((right + 1) / (fired + 2) * 20) / 20
    assert RULES[rule].conf == pytest.approx(want), (
        f"{rule}: right {right} of {fired} on the latest blind samples as they came → {want}; the table says {RULES[rule].conf}")
