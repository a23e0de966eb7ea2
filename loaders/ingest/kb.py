"""What the extractor links mentions to: entities by name, alias and pinyin, from the graph (through
the configured store, with `store.search` for what the name index misses) and from data/ files; the
domain dictionary jieba segments with; ids and first-draft English names for new entities."""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from parkgraph.ontology import Model, load_model
from parkgraph.graph.search_index import pinyin_forms
from parkgraph.iri import ref_id, ref_of

from . import gazetteer as gz

log = logging.getLogger(__name__)

ENTITY_LABELS = ("Park", "SubPark", "Enterprise", "Institution", "TalentProgram", "Policy", "GovernmentBody",
                 "Region", "Domain", "Event")
QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'})
ANGLE_MAP = str.maketrans({"<": "〈", ">": "〉"})


def norm(s: str) -> str:
    """Compare names: NFKC (full-width brackets to ASCII), quotes unified, no spaces, lower case."""
    s = unicodedata.normalize("NFKC", s or "").translate(QUOTE_MAP)
    return re.sub(r"\s+", "", s).lower()


def pinyin_key(s: str) -> str:
    from pypinyin import lazy_pinyin
    return "".join(x.lower() for x in lazy_pinyin(s, errors="ignore") if x.strip())


@dataclass
class KBEntity:
    ref: str                    # segment/id
    label: str                  # class (node label)
    record: dict                # fields as a data file writes them (without cite)
    origin: str                 # "graph" or "data:<file>"
    concerns: set[str] = field(default_factory=set)   # events: what they concern

    @property
    def name_zh(self) -> str:
        return self.record.get("name_zh") or ""

    @property
    def names(self) -> list[str]:
        return [n for n in [self.record.get("name_zh"), *(self.record.get("aliases") or [])] if n]


class KnowledgeBase:
    """Existing entities. `graph` entities are in the database (the review file only refers to them);
    `data:` entities are in data/ files but not (yet) in the graph (the review file carries them)."""

    def __init__(self, model: Model | None = None):
        self.model = model or load_model()
        self.entities: dict[str, KBEntity] = {}
        self.by_name: dict[str, list[str]] = {}
        self.by_pinyin: dict[str, list[str]] = {}
        self.sources: list[dict] = []
        self.store = None
        self.generic = {norm(c.label_zh) for c in self.model.classes.values() if c.label_zh} | {
            norm(x) for x in ("国家网络安全产业园", "国家网络安全产业园区", "网络安全产业园区", "园区", "企业", "中国")}
        self.notes: list[str] = []
        self.reserved: set[str] = set()                 # refs of other records (observations) ids must avoid
        self.graph_rels: set[tuple[str, str, str]] = set()   # (from, type, to) already in the graph
        self.graph_obs: dict[tuple, list] = {}  # (subject, value, value_text, unit, qualifier) → [(metric, as_of, ref)]

    # ------------------------------------------------------------------ building
    def add(self, ent: KBEntity) -> None:
        if ent.ref in self.entities and self.entities[ent.ref].origin == "graph":
            return
        self.entities[ent.ref] = ent
        for n in ent.names:
            self.by_name.setdefault(norm(n), [])
            if ent.ref not in self.by_name[norm(n)]:
                self.by_name[norm(n)].append(ent.ref)
        for n in ent.names:
            k = pinyin_key(n)
            if len(n) >= 4 and k:
                self.by_pinyin.setdefault(k, [])
                if ent.ref not in self.by_pinyin[k]:
                    self.by_pinyin[k].append(ent.ref)

    def add_data(self, paths: list[Path], *, exclude_source: str | set[str] | None = None) -> None:
        """Entities of data files. `exclude_source` (one id or a set) leaves out the records only those
        sources cite (and the sources themselves): the knowledge base as it was before they were curated
        (bench/ingest_quotes.py leaves out the pages of the research quotes it scores)."""
        from parkgraph.loaders.validate import validate_paths
        ds = validate_paths([str(p) for p in paths], model=self.model)
        if ds.problems:
            self.notes.append(f"{len(ds.problems)} problem(s) in {', '.join(map(str, paths))}; their valid records are used")
        left_out = {exclude_source} if isinstance(exclude_source, str) else set(exclude_source or ())
        for ref, (cls, data, rec) in ds.entities.items():
            if ref.removeprefix("source/") in left_out and ref.startswith("source/"):
                continue
            if left_out and data.get("cite") and all(c["source"] in left_out for c in data["cite"]):
                continue
            if cls.name == "Source":
                self.sources.append({**{k: v for k, v in data.items() if k != "cite"}, "origin": "data"})
                continue
            self.reserved.add(ref)
            if cls.name not in ENTITY_LABELS or ref in self.entities:
                continue
            record = {k: v for k, v in data.items() if k != "cite"}
            self.add(KBEntity(ref, cls.name, record, f"data:{Path(rec.file).name}"))
        for data, _rec in ds.relations:
            if left_out and all(c["source"] in left_out for c in data["cite"]):
                continue
            if data["type"] == "CONCERNS" and data["from"] in self.entities:
                self.entities[data["from"]].concerns.add(data["to"])

    def add_graph(self, store) -> int:
        """Every entity in the graph (names, aliases, kinds), and what events concern."""
        self.store = store
        n = 0
        for label in ENTITY_LABELS + ("Source",):
            cls = self.model.classes[label]
            for node in store.iter_nodes(label):
                uri = node["uri"]
                ref = ref_of(uri)
                props = {k: v for k, v in node["properties"].items()
                         if v not in (None, [], "") and k not in ("uri", "pinyin", "search_keys")}
                props["id"] = ref_id(ref)
                if label == "Source":
                    self.sources.append({**props, "origin": "graph"})
                    continue
                self.entities.pop(ref, None)
                self.add(KBEntity(ref, cls.name, props, "graph"))
                n += 1
        r = ref_of
        for rtype, rel in self.model.relationships.items():
            if rel.provenance:
                continue
            res = store.read(f"MATCH (a)-[x:{rtype}]->(b) RETURN a.uri, b.uri", max_rows=None)
            for a, b in res.rows:
                self.graph_rels.add((r(a), rtype, r(b)))
                if rtype == "CONCERNS" and r(a) in self.entities:
                    self.entities[r(a)].concerns.add(r(b))
        for node in store.iter_nodes("Observation"):
            self.reserved.add(r(node["uri"]))
        res = store.read("MATCH (o:Observation)-[:DESCRIBES]->(s) RETURN o.uri, s.uri, o.metric, o.value, o.value_text, "
                         "o.unit, o.qualifier, o.as_of", max_rows=None)
        for o, subj, metric, value, text, unit, qual, as_of in res.rows:
            self.graph_obs.setdefault(obs_key(r(subj), value, text, unit, qual), []).append((metric, as_of, r(o)))
        return n

    # ------------------------------------------------------------------ dictionary
    def dictionary(self) -> list[tuple[str, str]]:
        """(name, label) pairs for exact matching in text: names and aliases of at least two
        characters that are not a class's generic label."""
        out = []
        for ent in self.entities.values():
            if ent.label == "Event":
                continue  # events are found by what happened, then linked
            for n in ent.names:
                if len(n) >= 2 and norm(n) not in self.generic:
                    out.append((n, ent.label))
        return out

    def jieba_words(self) -> list[tuple[str, str]]:
        """Words for jieba: every name and alias (without punctuation jieba cannot keep in a word),
        the ontology's class and relationship labels, and suffixes of names."""
        words: dict[str, str] = {}
        tag = {"Region": "ns", "Park": "nt", "SubPark": "ns", "Enterprise": "nt", "Institution": "nt",
               "GovernmentBody": "nt", "TalentProgram": "nz", "Policy": "nz", "Domain": "nz"}
        # a whole name first, a place's before any other's: 长沙 is the city (ns), not the 长沙 of 国家网络安全产业园区（长沙）
        # (nt, a park's), nor 北京市 the alias of 北京市人民政府 (round blind-yc, dev-ZZA: 长沙软件园 was not read as a place's 园)
        names = sorted(self.dictionary(), key=lambda nl: nl[1] != "Region")
        for name, label in names:
            if len(name) >= 2 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", name):
                words.setdefault(name, tag.get(label, "nz"))
        for code, full, short, abbr, kind in gz.PROVINCES:
            words.setdefault(full, "ns")
            words.setdefault(short, "ns")
        for code, full, short in gz.CITIES:
            words.setdefault(full, "ns")
            words.setdefault(short, "ns")
        for name, label in names:   # then the parts of names with brackets or dots
            for part in re.split(r"[^\u4e00-\u9fffA-Za-z0-9]+", name):
                if len(part) >= 2:
                    words.setdefault(part, tag.get(label, "nz"))
        for c in self.model.classes.values():
            if c.label_zh:
                words.setdefault(c.label_zh, "n")
        for r in self.model.relationships.values():
            if r.label_zh:
                words.setdefault(r.label_zh, "v")
        for w in ("有限公司", "股份有限公司", "研究院", "经济信息委", "经信委", "信创园", "特殊津贴"):
            words.setdefault(w, "n")
        for w in ("经开区", "高新区", "自贸区", "开发区"):
            words.setdefault(w, "ns")
        return list(words.items())

    # ------------------------------------------------------------------ linking
    def lookup(self, name: str, labels: tuple[str, ...] | None = None) -> tuple[KBEntity, str] | None:
        """An existing entity for a name: exact name or alias, then pinyin, then the graph's search.
        Memoised per (name, labels) until the knowledge base changes: a long article names the same
        things again and again, and pinyin and the graph's search are the slow part of ingesting."""
        key = (name, labels)
        memo = self.__dict__.setdefault("_memo", {})
        if memo.get("_size") != len(self.entities):
            memo.clear()
            memo["_size"] = len(self.entities)
        if key not in memo:
            memo[key] = self._lookup(name, labels)
        return memo[key]

    def lookup_exact(self, name: str, labels: tuple[str, ...]) -> KBEntity | None:
        """The one entity of these labels with this exact name or alias (none when it is ambiguous):
        for words inside a longer name, where pinyin and the graph's search would guess."""
        cands = {r for r in self.by_name.get(norm(name), []) if self.entities[r].label in labels}
        return self.entities[cands.pop()] if len(cands) == 1 else None

    def _lookup(self, name: str, labels: tuple[str, ...] | None = None) -> tuple[KBEntity, str] | None:
        k = norm(name)
        if not k or k in self.generic:
            return None
        cands = [self.entities[r] for r in self.by_name.get(k, [])]
        cands = [c for c in cands if labels is None or c.label in labels]
        if cands:
            cands.sort(key=lambda c: (norm(c.name_zh) != k, c.origin != "graph",
                                      ENTITY_LABELS.index(c.label), c.ref))
            return cands[0], "name" if norm(cands[0].name_zh) == k else "alias"
        if len(name) >= 4:
            pk = pinyin_key(name)
            cands = [self.entities[r] for r in self.by_pinyin.get(pk, [])]
            cands = [c for c in cands if labels is None or c.label in labels]
            if len(cands) == 1:
                return cands[0], "pinyin"
        if self.store is not None and len(name) >= 2:
            try:
                hits = self.store.search(name, limit=5, labels=list(labels) if labels else None)
            except Exception as e:  # a search failure must not stop the ingest
                log.debug("search failed: %s", e)
                hits = []
            for h in hits:
                p = h["properties"]
                names = [p.get("name_zh") or "", *(p.get("aliases") or [])]
                if k in {norm(n) for n in names} or pinyin_key(name) in pinyin_forms(p):
                    ref = ref_of(h["uri"])
                    if ref in self.entities:
                        return self.entities[ref], "search"
        return None

    def find_event(self, kind: str, concerns: set[str], date: str | None) -> KBEntity | None:
        best = None
        for ent in self.entities.values():
            if ent.label != "Event" or ent.record.get("kind") != kind or not (ent.concerns & concerns):
                continue
            d = str(ent.record.get("date") or "")
            if date and d and not (d.startswith(date) or date.startswith(d)):
                continue
            score = len(ent.concerns & concerns)
            if best is None or score > best[0]:
                best = (score, ent)
        return best[1] if best else None

    def find_source(self, url: str | None, fingerprint: str | None = None) -> dict | None:
        """The Source already known for this article: by its URL, else by the fingerprint of its
        cleaned text (kept in the Source's note). Never by title and date: two outlets can publish
        the same headline on the same day (issue #19)."""
        want = norm_url(url) if url else None
        for s in self.sources:
            if want and s.get("url") and norm_url(s["url"]) == want:
                return s
        if fingerprint:
            for s in self.sources:
                if fingerprint in str(s.get("note") or ""):
                    return s
        return None

    def used_ids(self, segment: str) -> set[str]:
        return {ref_id(r) for r in (*self.entities, *self.reserved) if r.startswith(segment + "/")}


def obs_key(subject: str, value, value_text, unit, qualifier) -> tuple:
    return (subject, float(value) if value is not None else None, value_text or None, unit or None, qualifier or None)


def same_metric(a: str | None, b: str | None) -> bool:
    """Metric codes of curated data are finer than the extractor's (land_area vs area): one's words
    inside the other's is the same metric; `count` and `percentage` are the extractor's "don't know"."""
    if not a or not b or a == b or {"count", "percentage"} & {a, b}:
        return True
    wa, wb = set(a.split("_")), set(b.split("_"))
    return wa <= wb or wb <= wa


def same_date(a, b) -> bool:
    """The same as-of date at the precision both give (2019 vs 2019-12-09 agree; 2019 vs 2024 do not); a period
    (2023-01/2023-06) by its start, as the graph holds it (as_of, as_of_end)."""
    a, b = str(a or "").split("/")[0][:10], str(b or "").split("/")[0][:10]
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def known_observation(kb: "KnowledgeBase", subject: str, fields: dict) -> str | None:
    """The graph's observation that states the same fact — subject, metric, value, unit, qualifier
    AND as-of date (issue #12: 通州园 5.06平方公里 in 2019 is not suppressed by a 2024 observation)."""
    for metric, as_of, ref in kb.graph_obs.get(obs_key(subject, fields.get("value"), fields.get("value_text"),
                                                       fields.get("unit"), fields.get("qualifier")), ()):
        if same_metric(metric, fields.get("metric")) and same_date(as_of, fields.get("as_of")):
            return ref
    return None


def norm_url(url: str) -> str:
    """URLs compared without the scheme's case, a trailing slash or a #fragment (WeChat appends #rd)."""
    u = url.strip().split("#", 1)[0]
    u = re.sub(r"^https?://", lambda m: m.group().lower(), u, flags=re.I)
    return u.rstrip("/")


# ---------------------------------------------------------------------------------------------- ids and names
def slug(text: str, tokens: list[str] | None = None, max_len: int = 60) -> str:
    """A pinyin slug, one hyphen between words (jieba's words when given): 北京网藤科技 → beijing-wangteng-keji."""
    from pypinyin import lazy_pinyin
    words = tokens or [text]
    parts = []
    for w in words:
        syl = [s.lower() for s in lazy_pinyin(w, errors=lambda x: [c for c in x]) if s.strip()]
        p = re.sub(r"[^a-z0-9]+", "", "".join(syl))
        if p:
            parts.append(p)
    out = "-".join(parts)
    out = re.sub(r"-+", "-", out).strip("-")
    if len(out) > max_len:
        out = out[:max_len].rsplit("-", 1)[0] or out[:max_len]
    return out or "x"


def english_name(name_zh: str, cut=None) -> str:
    """A first draft for name_en: glossary words translated, the rest in pinyin (one capitalised
    word per jieba word when `cut` is given). The review file asks a person to check it."""
    from pypinyin import lazy_pinyin
    out: list[str] = []
    i = 0
    # NFKC turns a full-width title mark ＜…＞ into ASCII <…>, which reads as a tag (validate's MARKUP_RE): keep it a title mark
    s = unicodedata.normalize("NFKC", name_zh).translate(QUOTE_MAP).translate(ANGLE_MAP)
    pending = ""

    def flush():
        nonlocal pending
        if pending:
            for w in (cut(pending) if cut else [pending]):
                syl = "".join(lazy_pinyin(w, errors=lambda x: [c for c in x]))
                if syl.strip():
                    out.append(syl[:1].upper() + syl[1:])
            pending = ""
    while i < len(s):
        for zh, en in gz.GLOSSARY:
            if s.startswith(zh, i):
                flush()
                if en:
                    out.append(en)
                i += len(zh)
                break
        else:
            ch = s[i]
            if "\u4e00" <= ch <= "\u9fff":
                pending += ch
            else:
                flush()
                if ch == "、":
                    ch = ","
                if ch.strip():
                    out.append(ch)
            i += 1
    flush()
    text = " ".join(out)
    text = re.sub(r"\s+([)\],.:;!?])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r'"\s*([^"]*?)\s*"', r'"\1"', text)
    return text.strip() or slug(name_zh)
