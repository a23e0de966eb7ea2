"""ONE table of every rule the extractor applies, with its confidence and an example it must fire on.

A rule is a row: name, kind (what it produces), pattern (a regex, or None when the rule is code that
reads mentions already found), confidence in [0, 1], and an example sentence. Every fact, mention
and date the extractor produces names the row that made it (`Mention.how`, `RelFact.rule`,
`ObsFact.rule`, `DateMention.kind`), so tests/ingest/test_rules.py runs each row's example through
the whole extractor and checks that the row fired: a new pattern is a new row with its own test.

Confidences: rows below ACCEPT (0.5) are written commented out. Rows with enough evidence on the
development split (tests/ingest/corpus/split.yaml) carry their measured precision there, smoothed as
(right + 1) / (fired + 2) and rounded to 0.05 or 0.1 (docs/ingest.md lists them: domain-focus-region 17/17
→ 0.9, stat-region 13/13 → 0.9, stat-article-region 10/11 → 0.8, stat-region-context 8/11 → 0.7,
event-at-meeting 7/8 → 0.8, zone-in-city 3/5 → 0.6); the others, which fired a handful of times or not
at all on dev, are still set by hand. The test split was never used for them. zone-in-city has since
been split: 0.45 on the name alone, zone-in-named-city 0.75 when the sentence names the city (rules/relations.py).
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
