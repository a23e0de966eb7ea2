"""ONE table of every rule the extractor applies, with its confidence and an example it must fire on.

A rule is a row: name, kind (what it produces), pattern (a regex, or None when the rule is code that
reads mentions already found), confidence in [0, 1], and an example sentence. Every fact, mention
and date the extractor produces names the row that made it (`Mention.how`, `RelFact.rule`,
`ObsFact.rule`, `DateMention.kind`), so tests/ingest/test_rules.py runs each row's example through
the whole extractor and checks that the row fired: a new pattern is a new row with its own test.

Confidences: rows below ACCEPT (0.5) are written commented out, with the entities they alone name, so that
uncommenting one gives a file that loads. A row's confidence is its precision, smoothed as (right + 1) / (fired + 2) and
rounded to 0.05. Since round blind-t (docs/ingest-rounds.md) that precision is measured, for every relation and
statistic row that fired six times or more in two samples or more, on the latest blind samples as they came (since
round blind-y, per row until it has 30 fires, at most ten samples back; before, the seven latest for every row):
text nobody had tuned on, scored once with the rules of that day (`bench/ingest_bench.py --by-rule`, kept in
bench/results/as-came/). tests/ingest/test_calibration.py holds the table to that evidence, one test per row, and
names the rows a new sample moves. Older samples measured rules rewritten since (stat-region-context was right 29
of 76 over dev-D to dev-U, 14 of 24 over dev-O to dev-U, the window when it was set). On the text a row was written from its precision says
little: stat-region-context was right 7 of 9 on the development split. stat-same-subject is as sure as the subject
it carries on (loaders/ingest/statistics.py), so its table figure is a ceiling. Rows with less evidence carry their
precision on the development split where it has enough (event-at-meeting 7/8 → 0.8, zone-in-city 0.45 on the name
alone) or a figure set by hand; the test splits were never used for any of them. The history of each calibration
(round blind-d to round areas) is in docs/ingest-rounds.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ACCEPT = 0.5   # facts below this confidence are written commented out


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str                 # normalise | date | mention | relation | statistic | event
    pattern: str | None       # a regex (compiled once, below) or None for a rule over found mentions
    conf: float
    example: str              # a sentence the rule must fire on (tests/ingest/test_rules.py)
    note: str = ""
    flags: int = 0
    rx: re.Pattern | None = field(default=None, compare=False, repr=False)


def _table() -> dict[str, Rule]:
    from . import activities, dates, facts, mentions, normalise, relations
    out: dict[str, Rule] = {}
    for mod in (normalise, dates, mentions, facts, relations, activities):
        for row in mod.ROWS:
            r = Rule(*row) if isinstance(row, tuple) else row
            if r.name in out:
                raise ValueError(f"rule {r.name!r} defined twice")
            if not 0.0 <= r.conf <= 1.0:
                raise ValueError(f"rule {r.name!r}: confidence {r.conf} outside [0, 1]")
            rx = re.compile(r.pattern, r.flags) if r.pattern else None
            out[r.name] = Rule(r.name, r.kind, r.pattern, r.conf, r.example, r.note, r.flags, rx)
    return out


RULES: dict[str, Rule] = _table()


def rule(name: str) -> Rule:
    return RULES[name]


def rx(name: str) -> re.Pattern:
    p = RULES[name].rx
    assert p is not None, f"rule {name} has no pattern"
    return p


def conf(name: str) -> float:
    return RULES[name].conf
