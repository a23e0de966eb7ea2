"""What the extractor produces: mentions, dates, entity proposals, relation and statistic facts.
Every fact keeps its sentence, its character span in the cleaned text, a confidence in [0, 1] and
the name of the rule (loaders/ingest/rules) that made it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document
from .kb import KnowledgeBase
from .rules import ACCEPT

# how a mention of a meeting, fair or campaign the text says was held is found: such an event is a fact on its
# own (rule event-held) and can own the figures of its sentence (stat-event)
HELD_MEETING = frozenset({"pattern:meeting-held", "pattern:meeting-held-after", "pattern:event-named", "pattern:event-series",
                          "pattern:meeting-organised", "pattern:meeting-list-held", "pattern:activity-held",
                          "pattern:signed-together-described"})


def is_contest(x: "Mention") -> bool:
    """A contest's name holds 赛 or 杯 (…技能大赛决赛, “山城杯”…): the event teams are sent to, and whose entrants and
    prizes a report counts."""
    return re.search(r"赛|杯", x.name) is not None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    sent: int
    how: str                      # dictionary | pattern:<rule>
    conf: float
    name: str                     # the name to link or to propose (modifiers such as 首批 removed)
    attrs: dict = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)   # linked entity refs (a compound region has several)

    @property
    def key(self) -> str | None:
        return self.keys[0] if self.keys else None


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str      # ISO date at the precision given, or an interval YYYY-MM-DD/YYYY-MM-DD
    point: str      # the date an event or statistic takes from it
    sent: int
    kind: str = "date"
    rule: str = ""


@dataclass
class Proposal:
    key: str                      # segment/id
    label: str
    record: dict
    origin: str                   # graph | data:<file> | new
    link: str                     # how it was linked: name, alias, pinyin, search, event, new
    conf: float
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    has_fact: bool = False
    named: str = ""              # the entity row (named-*) that made a name a fact on its own, if one did


@dataclass
class RelFact:
    frm: str
    type: str
    to: str
    sent: int
    span: tuple[int, int]
    conf: float
    rule: str
    role: str | None = None
    since: str | None = None


@dataclass
class ObsFact:
    subject: str
    fields: dict
    sent: int
    span: tuple[int, int]
    conf: float
    rule: str
    key: str = ""
    status_rule: str = ""    # the status-* row that made it a forecast or target (not written to the review file)

    def fact(self) -> tuple:
        """What the figure says: one article stating it twice states one fact."""
        f = self.fields
        return (self.subject, *(f.get(k) for k in ("metric", "value", "value_text", "unit", "qualifier", "status",
                                                   "as_of")))


def one_per_fact(observations: list[ObsFact]) -> list[ObsFact]:
    """The surest proposal of each fact (the first of equally sure ones), where it stands: a lead restated in the
    body (近60个 in the dateline's sentence and again in the official's words) is one figure, not two for a reviewer
    to reconcile (seven such pairs over the dev pool, round blind-y)."""
    best: dict[tuple, ObsFact] = {}
    for o in observations:
        if (k := o.fact()) not in best or o.conf > best[k].conf:
            best[k] = o
    keep = {id(o) for o in best.values()}
    return [o for o in observations if id(o) in keep]


@dataclass
class Extraction:
    kb: KnowledgeBase
    doc: Document
    mentions: list[Mention]
    dates: list[DateMention]
    entities: dict[str, Proposal]
    relations: list[RelFact]
    observations: list[ObsFact]
    unanchored: list[str] = field(default_factory=list)
    normalised: list[str] = field(default_factory=list)   # the norm-* rows that changed the text read
    context_rows: set[str] = field(default_factory=set)   # rows that chose whose a fact is, without making one
    accept: float = ACCEPT   # the threshold it was made with: facts below it are proposed commented out
