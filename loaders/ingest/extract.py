"""Find entities, dates, statistics, relations and events in a cleaned article, sentence by sentence.

The rules — patterns, enumerations, event triggers, statistic templates, status words — and their
confidences are ONE table, loaders/ingest/rules (a row per rule, each with an example its test runs);
this module holds the extractor's state and the indexes that keep it linear in the article's length,
and composes the steps, each in its own module:

    dates.py       date rows (jionlp for relative and partial dates)
    mentions.py    the dictionary (graph and data/ names), patterns, enumerations, suffix names (jieba POS)
    linking.py     mention → existing entity, or a new one with a minted id
    relations.py   relations inside one sentence (the paragraph's park as the topic when none is named)
    events.py      approvals, unveilings, signings, groundbreakings, meetings: date, place, participants
    statistics.py  figures with units (cn2an for Chinese numerals), text statistics, status from wording
    figure_owners.py  whose figure it is when its clause names no one (an event, the country, a park)
    topics.py      what a sentence, paragraph or the article is about (park, region): the fallback subject

Every fact keeps its sentence, its character span in the cleaned text, a confidence and its rule.
"""
from __future__ import annotations

import bisect
import logging
import re

from parkgraph.iri import ref_id
from parkgraph.unique import unique_id

from .activities import ActivitiesMixin
from .dates import find_dates
from .document import Document, Sentence
from .events import EventsMixin
from .kb import KnowledgeBase, norm
from .linking import LinkingMixin
from .mentions import MentionsMixin
from .model import ACCEPT, HELD_MEETING, DateMention, Extraction, Mention, ObsFact, Proposal, RelFact, one_per_fact
from .policies import PoliciesMixin
from .relations import ORG_LABELS, PARKISH, RelationsMixin
from .rules import RULES
from .project_owners import ProjectOwnersMixin
from .region_industries import RegionIndustriesMixin
from .statistics import StatisticsMixin
from .topics import TopicsMixin
from .descriptions import DescriptionsMixin
from . import gazetteer as gz

# mention row → the row that proposes a new name it read when no fact about it was read (names_on_their_own)
NAMED_BY = {"pattern:domain-coordinated": "named-domain-coordinated", "pattern:enterprise-list": "named-enterprise-list",
            "pattern:policy-title": "named-policy-title", "pattern:zone-park": "named-zone-park",
            "pattern:suffix-enterprise": "named-suffix-enterprise", "pattern:domain-list": "named-domain-list",
            "pattern:domain-standard": "named-domain-standard"}

__all__ = ["ACCEPT", "Extraction", "Extractor", "Mention", "DateMention", "Proposal", "RelFact", "ObsFact",
           "RULES", "extract", "ORG_LABELS", "PARKISH"]

# an ASCII comma between a digit and three more (2,003.50) separates thousands, not clauses
CLAUSE_SPLIT = re.compile(r"[，：:]|,(?!(?<=\d,)\d{3}(?!\d))")

_TOKENIZERS: dict[tuple, object] = {}


def tokenizer(words: list[tuple[str, str]]):
    """A private jieba tokenizer (its shipped dictionary) with the domain dictionary added."""
    if (key := tuple(sorted(words))) in _TOKENIZERS:
        return _TOKENIZERS[key]
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    pt = pseg.POSTokenizer(tk)
    for w, tag in words:
        tk.add_word(w, freq=max(2000, tk.suggest_freq(w, tune=False)), tag=tag)
    pt.makesure_userdict_loaded()   # else their tags come in at posseg's first cut: a fresh process read otherwise (blind-zc)
    _TOKENIZERS.clear()
    _TOKENIZERS[key] = pt
    return pt


def _tag_of(w: str) -> str:
    if DIGITS.match(w):
        return "m"
    if LATIN.match(w):
        return "eng"
    if HAN_WORD.match(w):
        return "nz"      # a word the dictionary does not know (found by jieba's HMM): most often a name
    return "x"


DIGITS = re.compile(r"^[0-9０-９.%％]+$")
LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def tagged_cut(pt, text: str) -> list[tuple[str, str]]:
    """jieba's words with their dictionary part of speech. jieba.posseg's own cut runs an HMM over
    parts of speech for every unknown span: 29 s per MB on this machine against 5 s for the word cut
    (bench/ingest_bench.py --speed), which would make a 1 MB article miss its 30 s budget. The
    dictionary tags are the same either way; a word only the HMM found is tagged nz (a name)."""
    tags = pt.word_tag_tab
    return [(w, tags.get(w) or _tag_of(w)) for w in pt.tokenizer.cut(text)]


class Extractor(MentionsMixin, LinkingMixin, RelationsMixin, PoliciesMixin, EventsMixin, ActivitiesMixin, StatisticsMixin,
                DescriptionsMixin, TopicsMixin, ProjectOwnersMixin, RegionIndustriesMixin):
    NUM_RX = RULES["stat-number"].rx

    def __init__(self, kb: KnowledgeBase, doc: Document, accept: float = ACCEPT):
        self.kb = kb
        self.accept = accept   # facts below it are proposed commented out, and the entities only they name
        self.doc = doc
        self.text = doc.text
        self.pt = tokenizer(kb.jieba_words())
        self.mask = bytearray(len(self.text))      # 1: date, 2: book title, 3: taken by a mention, 4: dictionary
        self.mentions: list[Mention] = []
        self._n_dict = 0   # the dictionary's mentions lead self.mentions in text order (see _drop)
        self._by_sent: dict[int, list[Mention]] = {}       # sentence → its mentions (keeps every look-up local)
        self._parks_by_para: dict[int, list[Mention]] = {}
        self._regions_by_para: dict[int, list[Mention]] = {}
        self.dates: list[DateMention] = []
        self._dates_by_sent: dict[int, list[DateMention]] = {}
        self.entities: dict[str, Proposal] = {}
        self.relations: list[RelFact] = []
        self._rel_index: dict[tuple[str, str, str], RelFact] = {}
        self.observations: list[ObsFact] = []
        self.unanchored: list[str] = []
        self.context_rows: set[str] = set()   # rows that chose whose a fact is without making one
        self.titles_by_sent: dict[int, list[tuple[int, int, str]]] = {}
        self._tokens: dict[int, list[tuple[int, int, str, str]]] = {}
        self._zone_parks: list[tuple[str, str]] = []   # (中关村通州园, 通州园): zone parks and their short forms
        self._para_subj: dict[int, tuple[int, Mention, float]] = {}   # paragraph → (sentence, subject, confidence) of its last figure
        self._para_last: dict[int, tuple[int, Mention, float]] = {}   # …of its last figure, whatever its rule
        self._new_ids: dict[str, set[str]] = {}
        self._new_by_name: dict[tuple[str, str], str] = {}
        self._starts = [s.start for s in doc.sentences]
        self._known_names = {norm(n) for n, _ in kb.dictionary()}
        self._builtin_regions = self._gazetteer()
        self._short_districts = self._short_district_names()
        self._region_maxlen = max(map(len, self._builtin_regions))
        self._region_names: dict[str, list[str]] = {}   # code → its names, longest first (rule division-in-place)
        for n in sorted(self._builtin_regions, key=len, reverse=True):
            self._region_names.setdefault(self._builtin_regions[n][0], []).append(n)

    # -------------------------------------------------------------- indexes
    def tokens(self, s: Sentence) -> list[tuple[int, int, str, str]]:
        if s.idx not in self._tokens:
            out, pos = [], s.start
            for w, f in tagged_cut(self.pt, s.text):
                out.append((pos, pos + len(w), w, f))
                pos += len(w)
            self._tokens[s.idx] = out
        return self._tokens[s.idx]

    def sentence_at(self, pos: int) -> Sentence:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.doc.sentences[max(0, i)]

    def register(self, m: Mention) -> Mention:
        self.mentions.append(m)
        self._by_sent.setdefault(m.sent, []).append(m)
        return m

    def sent_mentions(self, pos: int) -> list[Mention]:
        return self._by_sent.get(self.sentence_at(pos).idx, [])

    def add_mention(self, a: int, b: int, label: str, how: str, conf: float, name: str | None = None,
                    **attrs) -> Mention | None:
        if b <= a:
            return None
        s = self.sentence_at(a)
        return self.register(Mention(a, b, self.text[a:b], label, s.idx, how, conf, name or self.text[a:b], attrs))

    def clause_bounds(self, s: Sentence, pos: int) -> tuple[int, int]:
        a, b = s.start, s.end
        for m in CLAUSE_SPLIT.finditer(s.text):
            p = s.start + m.start()
            if p < pos:
                a = p + 1
            elif p >= pos:
                b = p
                break
        return a, b

    def free(self, a: int, b: int) -> bool:
        return not any(self.mask[a:b])

    def take(self, a: int, b: int, v: int = 3) -> None:
        self.mask[a:b] = bytes([v]) * (b - a)

    def claimable(self, a: int, b: int) -> bool:
        """Free, or holding only dictionary matches that lie wholly inside (a longer name wins)."""
        if any(v not in (0, 4) for v in self.mask[a:b]):
            return False
        return all(a <= m.start and m.end <= b for m in self.sent_mentions(a)
                   if m.how == "dictionary" and m.start < b and m.end > a)

    def claim(self, a: int, b: int) -> None:
        s = self.sentence_at(a).idx
        drop = [m for m in self._by_sent.get(s, []) if m.how == "dictionary" and a <= m.start and m.end <= b]
        if drop:
            ids = {id(m) for m in drop}
            self._by_sent[s] = [m for m in self._by_sent[s] if id(m) not in ids]
            self._drop(drop)
        self.take(a, b, 3)

    def unclaim(self, ms: list[Mention]) -> None:
        """Take mentions found before linking out again, and free their spans: a longer name holds them."""
        for m in ms:
            self._by_sent[m.sent] = [x for x in self._by_sent.get(m.sent, []) if x is not m]
            self.take(m.start, m.end, 0)
        self._drop(ms)

    def _drop(self, drop: list[Mention]) -> None:
        """Take dictionary mentions out of the article's list. They were added in text order before any other
        mention, so each is found by bisection over that prefix, not by a scan: a 1 MB article drops ~1,000
        (a scan each took nearly a second of its 3.5). Anything not found there is removed by a scan."""
        for m in drop:
            i = bisect.bisect_left(self.mentions, m.start, 0, self._n_dict, key=lambda x: x.start)
            while i < self._n_dict and self.mentions[i] is not m:
                i += 1
            if i < self._n_dict:
                del self.mentions[i]
                self._n_dict -= 1
            else:
                self.mentions = [x for x in self.mentions if x is not m]

    def words(self, a: int, b: int, overlap: bool = False) -> list[tuple[str, str]]:
        s = self.sentence_at(a)
        if overlap:
            return [(w, f) for (x, y, w, f) in self.tokens(s) if x < b and y > a]
        return [(w, f) for (x, y, w, f) in self.tokens(s) if x >= a and y <= b]

    def _gazetteer(self) -> dict[str, tuple[str, str, str]]:
        """Built-in province-level divisions, cities and districts: name → (code, full name, kind)."""
        out = {}
        for code, full, short, abbr, kind in gz.PROVINCES:
            out[full] = out[short] = (code, full, kind)
        for code, full, short in gz.CITIES:
            out[full] = out[short] = (code, full, "city")
        cities, counties = gz.admin_divisions()   # every other city and district (rule region-division)
        for code, full, short in cities:
            out.setdefault(full, (code, full, "city"))
            out.setdefault(short, (code, full, "city"))
        for code, full, kind in counties + tuple(gz.divisions_resolved(self.text)):   # + 朝阳区 where 北京 is named
            out.setdefault(full, (code, full, kind))
        return out

    def _short_district_names(self) -> dict[str, str]:
        """沙坪坝, 海淀, 双流 → the district's full name: a district named without 区/县 where the text names its city or
        municipality and no city or province bears the short name (长沙县's 长沙 is the city). Read only as a name of its
        own (the dictionary), never as an address inside a longer name (岳麓山软件园 is no 岳麓 + 山软件园). The read
        gold names a district so in 60-odd articles (round blind-zq, dev-ZQ: 落户重庆沙坪坝 had given 重庆市 the figures)."""
        return {short: full for names, districts in gz.districts_by_parent() if any(n in self.text for n in names)
                for short, full in districts if short not in self._builtin_regions}

    def region_prefix(self, name: str) -> str | None:
        """The longest built-in place name (two characters or more) that begins `name`: one dictionary look-up
        per length, not a scan of the ~3,500 names (every city and district since round blind-f)."""
        return next((name[:k] for k in range(min(len(name), self._region_maxlen), 1, -1)
                     if name[:k] in self._builtin_regions), None)

    def mentions_in(self, a: int, b: int, labels: tuple[str, ...] | None = None) -> list[Mention]:
        i = max(0, bisect.bisect_right(self._starts, a) - 1)
        j = bisect.bisect_left(self._starts, b)
        out = []
        for k in range(i, max(i + 1, j)):
            out.extend(m for m in self._by_sent.get(k, ()) if m.keys and a <= m.start and m.end <= b
                       and (labels is None or m.label in labels))
        return sorted(out, key=lambda m: m.start)

    def rel(self, frm: str, rtype: str, to: str, s: Sentence, span: tuple[int, int], conf: float, rule: str,
            role: str | None = None, since: str | None = None) -> None:
        if not frm or not to or frm == to:
            return
        rd = self.kb.model.relationships[rtype]
        lf, lt = self.label_of(frm), self.label_of(to)
        if lf not in rd.sources or lt not in rd.targets:
            return
        r = self._rel_index.get((frm, rtype, to))
        if r is not None:
            if conf > r.conf:
                r.conf, r.sent, r.span, r.rule = conf, s.idx, span, rule
            r.role = r.role or role
            return
        r = RelFact(frm, rtype, to, s.idx, span, round(conf, 2), rule, role, since)
        self._rel_index[(frm, rtype, to)] = r
        self.relations.append(r)

    def label_of(self, key: str) -> str | None:
        p = self.entities.get(key)
        return p.label if p else None

    def named_meeting(self, name: str) -> bool:
        """Does a meeting's name say which one (2019世界计算机大会), not only what kind (新闻发布会, 本次大会)?"""
        core = re.sub(r"^(?:(?:19|20)\d{2}(?:年度?)?|第[一二三四五六七八九十\d]+届)", "", gz.meeting_core(name))
        core = core[:-len(suf)] if (suf := next((x for x in gz.MEETING_SUFFIXES + ("宣传周", "挑战赛", "展览会", "交易会",
                                                                                  "推介会", "洽谈会", "年会", "培训班")
                                               if core.endswith(x)), "")) else core
        return len(core) >= 2 and not all(w in gz.GENERIC_MEETING_WORDS for w, _ in tagged_cut(self.pt, core))

    def drop_years_inside(self, a: int, b: int) -> None:
        """A bare year that a name holds (2018年国家网络安全宣传周) is part of the name, not a date of the text."""
        drop = [d for d in self._dates_by_sent.get(self.sentence_at(a).idx, ())
                if a <= d.start and d.end <= b and re.fullmatch(r"\d{4}", d.value)]
        if drop:
            ids = {id(d) for d in drop}
            self.dates = [d for d in self.dates if id(d) not in ids]
            for k, ds in self._dates_by_sent.items():
                self._dates_by_sent[k] = [d for d in ds if id(d) not in ids]

    def dates_in(self, a: int, b: int) -> list[DateMention]:
        s = self.sentence_at(a)
        out = [d for d in self._dates_by_sent.get(s.idx, ()) if a <= d.start and d.end <= b]
        if b > s.end:   # a span over several sentences (rare)
            out = [d for d in self.dates if a <= d.start and d.end <= b]
        return out

    # -------------------------------------------------------------- run
    def run(self) -> Extraction:
        self.dates = find_dates(self.doc)
        for d in self.dates:
            self.take(d.start, d.end, 1)
            self._dates_by_sent.setdefault(d.sent, []).append(d)
        for t in self.find_titles():
            self.titles_by_sent.setdefault(self.sentence_at(t[0]).idx, []).append(t)
        self.find_dictionary()
        starts = [m.start for m in self.mentions]
        self._n_dict = len(starts) if starts == sorted(starts) else 0
        self.find_project_owners()   # before the suffix rows, which would read 有莫仕连接器（成都）公司 from the lead
        self.find_patterns()
        self.find_standard_domains()   # and the named areas (find_named_areas): both after every pattern row
        self.find_short_forms()
        self.find_zone_park_short_forms()
        self.find_bracketed_places()
        self.find_listed_meetings()   # and the signings named by a description (find_described_signings)
        self.link()
        self.join_place_prefixes()
        self.find_deictic_regions()
        self.find_region_industries()   # after 本市 / 全省 are places
        self.find_firm_anaphora()
        self.find_head_anaphora()
        self.find_party_offices()
        self.find_names_again()
        for m in self.mentions:
            para = self.doc.sentences[m.sent].para
            if m.keys and m.label in PARKISH and m.how != "pattern:subpark-pair":   # list members are not the topic
                self._parks_by_para.setdefault(para, []).append(m)
            if m.keys and m.label == "Region" and not m.attrs.get("members"):
                self._regions_by_para.setdefault(para, []).append(m)
        self.facts()
        self.finish()
        return Extraction(self.kb, self.doc, sorted(self.mentions, key=lambda m: m.start), self.dates, self.entities,
                          self.relations, self.observations, self.unanchored, context_rows=self.context_rows,
                          accept=self.accept)

    def facts(self) -> None:
        for s in self.doc.sentences:
            self.rules_parks(s)
            self.rules_events(s)
            self.rules_activities(s)
            self.project_owners(s)
            self.rules_tenants(s)
            self.rules_honours(s)
            self.rules_zone_lists(s)
            self.rules_domains(s)
            self.region_industries(s)
            self.rules_zones(s)
            self.rules_divisions(s)
            self.rules_departments(s)
            self.rules_policies(s)
            self.rules_institutions(s)
            self.rules_statistics(s)
            self.rules_counted_words(s)
            self.rules_text_statistics(s)
            self.rules_descriptions(s)

    def names_on_their_own(self) -> None:
        """A name the knowledge base does not hold yet, read by a mention row whose names the labellers nearly always
        list, is a fact on its own (the entity, cited) though no fact was read about it: the named-* rows
        (rules/facts.py). A name it holds gains nothing from being named again."""
        for p in self.entities.values():
            if p.has_fact or p.origin != "new":
                continue
            hows = {m.how for m in p.mentions if m.conf >= self.accept and not m.attrs.get("around")}
            rows = [NAMED_BY[h] for h in hows if h in NAMED_BY]
            if p.label == "Region" and "dictionary" in hows:   # a place of the built-in gazetteer
                rows.append("named-place")
            if gz.BARE_DOCUMENT_KIND.match(p.record.get("name_zh") or ""):
                rows = [r for r in rows if r != "named-policy-title"]
            row = max(rows, key=lambda r: RULES[r].conf, default=None)
            if row is not None:   # a row below the threshold still says it read the name (round blind-zm: named-place)
                p.has_fact, p.named = RULES[row].conf >= self.accept, row

    def finish(self) -> None:
        """One proposal per fact; which entities carry a fact; observation ids; sentences per entity."""
        self.observations = one_per_fact(self.observations)
        for k in (k for r in self.relations if r.conf >= self.accept for k in (r.frm, r.to)):
            self.entities[k].has_fact = True
        for o in self.observations:
            if o.conf >= self.accept:
                self.entities[o.subject].has_fact = True
        self.zones_in_labelled_places()   # the manual's A5 asks which places carry a fact: after the facts
        for p in self.entities.values():   # a named meeting, fair or campaign that was held is a fact on its own
            if p.label == "Event" and not p.has_fact and self.named_meeting(p.record.get("name_zh") or "") and \
                    any(m.how in HELD_MEETING and m.conf >= self.accept for m in p.mentions):
                p.has_fact = True
                self.context_rows.add("event-held")
        self.names_on_their_own()
        for p in self.entities.values():
            p.sentences = sorted({m.sent for m in p.mentions})
            if p.mentions:
                p.conf = round(max(m.conf for m in p.mentions), 2)
        used: set[str] = set(self.kb.used_ids("observation"))
        for o in self.observations:
            subj_id = ref_id(o.subject)
            year = (o.fields.get("as_of") or "")[:4]
            base = subj_id + "-" + o.fields["metric"].replace("_", "-") + (f"-{year}" if year else "")
            base = re.sub(r"[^a-z0-9-]+", "-", base.lower()).strip("-")
            cand = unique_id(base, used)
            used.add(cand)
            o.key = f"observation/{cand}"


def extract(doc: Document, kb: KnowledgeBase, accept: float = ACCEPT) -> Extraction:
    """Extract from the text normalised one character for one (normalise.py): offsets and texts as written.
    Facts below `accept` (a confidence) are proposed commented out."""
    from .normalise import restore, view
    read, rows = view(doc)
    ex = Extractor(kb, read, accept).run()
    return restore(ex, doc, rows) if rows else ex
