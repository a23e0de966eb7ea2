"""ONE table of every rule the extractor applies, with its confidence and an example it must fire on.

A rule is a row: name, kind (what it produces), pattern (a regex, or None when the rule is code that
reads mentions already found), confidence in [0, 1], and an example sentence. Every fact, mention
and date the extractor produces names the row that made it (`Mention.how`, `RelFact.rule`,
`ObsFact.rule`, `DateMention.kind`), so tests/ingest/test_rules.py runs each row's example through
the whole extractor and checks that the row fired: a new pattern is a new row with its own test.

Confidences: rows below ACCEPT (0.5) are written commented out. A row's confidence is its precision,
smoothed as (right + 1) / (fired + 2) and rounded to 0.05 or 0.1. Since round blind-d (docs/ingest-rounds.md) the
fallback rows that attach a figure to a region for want of a subject carry their precision on text they
were not written for — the blind samples: the retired test split under the rules of 7250e8a, dev-C under
43cdf8b, dev-D under abf1f50, dev-E under 052c0b3, each scored as it came (`bench/ingest_bench.py
--by-rule`, below the threshold too): stat-article-region 3/26 over 8 articles → 0.15, stat-region-context
5/15 over 8 → 0.35 (they had 0.8 and 0.7 from the development split, where they were right 4/4 and 7/9:
precision on the text a row was written from says little). stat-same-subject is as sure as the subject it carries on
(loaders/ingest/statistics.py). stat-region was measured again in round blind-f: 9/16 on dev-F as it came,
after 8/17 over the first three blind samples and 9/9 on dev-E as it came, so (26 + 1) / (42 + 2) → 0.6 (it
had 0.9 from the development split);
its blind misses were frames again (跻身全市第一梯队: fixed, region-frame) and subjects the labellers gave to an
event. domain-focus-region (0/13 blind, all from three news articles; 30/30 on dev's policy plans) did not
fire on dev-F and kept its development figure until blind samples measured it: 22 right of 79 over the thirteen
samples dev-D to dev-P as they came. Round blind-o split it: a region named before the domains in their sentence
keeps it (11 of 27 on dev-O, dev-P and dev-Q as they came: a subject the sentence names, whose misses are wrong
subjects), a region read from the context is domain-focus-context (5 of 26 there → 0.2). stat-article-park (the park,
or the organisation named like a park, that an article names most, for a bare 园区) was right 0 of 9 on dev-D
as it came and 0 of 7 on every dev split since: 0.1 (it had 0.6, set by hand). Other rows with enough evidence on the development split carry
their precision there (event-at-meeting 7/8 → 0.8, zone-in-city 3/5 → 0.6, since split: 0.45 on the name
alone, zone-in-named-city 0.75 when the sentence names the city); the rest, which fired a handful of
times, are set by hand. The test splits were never used for any of them.
Round areas (2026-12-03) counted every row over all the corpus's dev articles once each (a blind sample's
first score and its figure since are the same article: not two pieces of evidence) with the seed: one row
falls on the other side of the threshold, event-of-place, 0 right of 3 over two articles (湖南省竣工 made an
event) → 0.2 (it had 0.75, set by hand). listed-in-region (0/2, one article) and event-venue (1/2) have too
little evidence to move.
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
