"""Search: what a query matches and how results rank (both engines), and the embedded engine's index.

Each engine only finds *candidates* through its own index — Neo4j a Lucene full-text index with the
`cjk` analyzer (created by `create_schema`), LadybugDB the SQLite FTS5 sidecar below — and every
candidate is then judged and ranked here, by one function, so both engines give the same results:

- a query is cut into *pieces*: the bigrams of each run of Chinese characters (a run of one: the
  character) and each Latin word, lower-cased. A Chinese piece is *found* in a node when it occurs
  in its name_zh, name_en or aliases; a Latin word when a word of those names starts with it, when
  it equals a pinyin form, or when it starts at a syllable boundary of one (pinyin is stored with its
  syllables, chang-sha-yuan-qu, so `changsha`, `chang sha` and `shayuan` are found in 长沙园区 and
  `angsha` is not). Word and syllable boundaries are what make a Latin word an index look-up:
  every node stores `search_keys` (derived, like pinyin): the Latin words of its names and its
  pinyin read from each syllable boundary, at most KEY_SYLLABLES syllables (长沙园区 →
  changshayuan shayuanqu yuanqu qu). Neo4j's full-text index holds them as one field, so a Latin
  word is one prefix term there, `search_keys:changsha*`, instead of a leading-wildcard query that
  walks every term of the index (190 ms at 1M enterprises even with no hit) or a phrase over
  syllables (`pinyin:"bei jing"`, 30 ms for a word 700,000 names hold: bench/RESULTS.md);
- tiers, best first: 0 the whole query equals a name or alias (or, without spaces, a pinyin form);
  1 it equals a part of one — the words of an English name, a bracketed qualifier such as 长沙 in
  国家网络安全产业园区（长沙）; 2 a name, alias or pinyin starts with it; 3 every token of the query
  occurs (长沙园区 → 长沙 + 园区: a run of Chinese is a token when it can be cut into pieces of two or
  more characters that all occur); 4 at least half of the pieces occur (partial match);
- among equals parks and sub-parks first, then the shorter Chinese name, then the uri.

Each engine's index gives its matches in its own order (Lucene's relevance score; on the embedded
engine the rules' static order — parks first, then the shorter name — in which its rows are stored)
and the rules above rank them in *windows*: the index's best 20 matches (with every
matching park and sub-park: few, and what the explorer is about) ranked by the rules, then those of
its best 80 not yet shown, then of its best 320, and so on. A query with at most 20 matches is
ranked as a whole and its total is exact; for more, a page reads only the windows it
reaches and the total says "at least" (`total_exact: false`) until the last is read, as large search
engines do. Why: ranking and counting every match cost 1.3 s at 1M enterprises (网络安全 matches
217,268 nodes; bench/RESULTS.md). Each window is one index call with a fixed limit, and a fixed
limit gives the same nodes every time (Lucene orders equal scores differently for different limits,
so a window cut at the page would not), so the pages of a query are disjoint and in one order,
whichever is asked first.
"""
from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import GraphStore

FIELDS = ("name_zh", "name_en", "aliases", "pinyin")  # what a query's pieces are found in (module doc)
# what Neo4j's full-text index holds: a Chinese piece is a phrase over the names, a Latin word a prefix
# of one field (pinyin itself is not needed there: its readings are in search_keys)
INDEX_FIELDS = ("name_zh", "name_en", "aliases", "search_keys")
KEY_SYLLABLES = 3  # why 3, at 1M enterprises: `beijing*` over keys read to the end of each name is
# 130 ms (every suffix is a distinct term for Lucene to expand), over keys of three syllables 5-11 ms
SKIP_LABELS = ("Quote",)  # a quote's text is found through its source, never on its own
FIRST_LABELS = ("Park", "SubPark")  # first among equals: what the explorer is about
FULLTEXT_INDEX = "parkgraph_search"
CANDIDATES = 20  # the first window of the index's matches ranked as a whole (module doc): a page
GROWTH = 4  # each next window is this many times the last: a deep page costs few index calls


READ_WORDS = 8  # Latin words of one query read as syllables; the rest only as words and prefixes


def windows(reach: int) -> list[int]:
    """The window sizes a page reaching `reach` results reads: 20, 80, 320, … up to the first ≥ reach."""
    out = [CANDIDATES]
    while out[-1] < reach:
        out.append(out[-1] * GROWTH)
    return out


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[0-9a-z]+")
_PARTS = re.compile(r"[^\w]+|_")


def norm(text: str) -> str:
    """NFKC (full-width letters and brackets to ASCII) and lower case."""
    return unicodedata.normalize("NFKC", text).lower().strip()


def pieces(query: str) -> list[str]:
    """The query's bigrams of Chinese runs (a lone character stays itself) and its Latin words."""
    q = norm(query)
    out: list[str] = []
    for run in _CJK.findall(q):
        out += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
    out += _WORD.findall(q)
    return list(dict.fromkeys(out))


def _names(props: dict) -> list[str]:
    names = [norm(props.get("name_zh") or ""), norm(props.get("name_en") or "")] + [norm(a) for a in props.get("aliases") or []]
    return [n for n in names if n]


def _syllables(props: dict) -> list[list[str]]:
    """Each pinyin form as its syllables (a form stored without hyphens is one syllable)."""
    return [f.split("-") for f in norm(props.get("pinyin") or "").split()]


def pinyin_forms(props: dict) -> list[str]:
    """A node's pinyin forms with their syllables run together (chang-sha → changsha)."""
    return ["".join(s) for s in _syllables(props)]


def search_keys(props: dict) -> str | None:
    """A node's search keys (module doc): the Latin words of its names, then each pinyin form read
    from every syllable boundary, at most KEY_SYLLABLES syllables, space-separated, each once."""
    out = dict.fromkeys(w for n in _names(props) for w in _WORD.findall(n))
    for s in _syllables(props):
        for i in range(len(s)):
            out.setdefault("".join(s[i:i + KEY_SYLLABLES]))
    return " ".join(out) or None


def ensure_fulltext_index(store: "GraphStore") -> None:
    """Neo4j's search index (issue #15): one Lucene index over every searchable label, the `cjk`
    analyzer (bigrams of Chinese, words of Latin text; lists such as aliases item by item). One made
    by an earlier version (other fields or labels) is replaced, after the keys it needs are derived."""
    labels = [l for l in store.model.labels if l not in SKIP_LABELS]
    outdated = fulltext_outdated(store)
    if outdated is True:
        store.write(f"DROP INDEX {FULLTEXT_INDEX}")
    if outdated is not False:   # a graph indexed before search_keys, or none: not a scan on every load
        fill_missing_keys(store, labels)
    store.write(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{'|'.join(labels)}) ON EACH "
                f"[{', '.join('n.' + f for f in INDEX_FIELDS)}] OPTIONS {{indexConfig: {{`fulltext.analyzer`: 'cjk'}}}}")


def fulltext_outdated(store: "GraphStore") -> bool | None:
    """True when Neo4j's search index was made by an earlier version (other fields or labels), so that
    search misses what it should find until a load rebuilds it; None when there is none."""
    have = store.read("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = $n "
                      "RETURN labelsOrTypes, properties", {"n": FULLTEXT_INDEX}).rows
    if not have:
        return None
    labels = [l for l in store.model.labels if l not in SKIP_LABELS]
    return sorted(have[0][0]) != sorted(labels) or list(have[0][1]) != list(INDEX_FIELDS)


def fill_missing_keys(store: "GraphStore", labels: list[str]) -> None:
    """Derive `search_keys` for the named nodes of `labels` that lack it — a graph loaded before the
    property existed (2026-12-02) — so that its search finds Latin words without a reload. Both
    engines' create_schema call it, so that they keep holding the same graph: Neo4j's when its index
    predates the keys, LadybugDB's for the tables that gain the column. Every load writes the property
    itself (loaders/mapping.py), so an up-to-date graph is not scanned."""
    for label in labels:
        if "search_keys" not in store.model.classes[label].properties:
            continue
        q = (f"MATCH (n:{label}) WHERE n.search_keys IS NULL AND (n.name_zh IS NOT NULL OR n.name_en IS NOT NULL) "
             "RETURN n.uri, n.name_zh, n.name_en, n.aliases, n.pinyin LIMIT 20000")
        while rows := store.read(q, timeout=3600).rows:  # a migration's scan, not a console query
            keys = [{"uri": u, "k": search_keys({"name_zh": zh, "name_en": en, "aliases": al, "pinyin": py}) or ""}
                    for u, zh, en, al, py in rows]
            store.write(f"UNWIND $rows AS r MATCH (n:{label} {{uri: r.uri}}) SET n.search_keys = r.k", {"rows": keys})


def texts(props: dict) -> list[str]:
    """The searchable strings of a node, normalized (pinyin forms with their syllables run together)."""
    return _names(props) + pinyin_forms(props)


class _Node:
    """What matching needs of one node, worked out once."""

    def __init__(self, props: dict):
        self.names = _names(props)
        self.syllables = _syllables(props)
        self.pinyin = ["".join(s) for s in self.syllables]
        self.blob = "\n".join(self.names)
        self.words = {w for n in self.names for w in _WORD.findall(n)}

    def latin(self, word: str) -> bool:
        """A Latin word is found: a word of a name starts with it, it equals a pinyin form, or it
        starts at a syllable boundary of one."""
        return (any(w.startswith(word) for w in self.words) or word in self.pinyin
                or any("".join(s[i:]).startswith(word) for s in self.syllables for i in range(len(s))))

    def piece(self, p: str) -> bool:
        return self.latin(p) if _WORD.fullmatch(p) else p in self.blob


def tier(props: dict, query: str) -> int | None:
    """The rank tier of a node for a query (module doc), or None when it does not match."""
    q = norm(query)
    if not q:
        return None
    qp = q.replace(" ", "")
    n = _Node(props)
    if q in n.names or qp in n.pinyin:
        return 0
    parts = {p for name in n.names for p in _PARTS.split(name) if p}
    if q in parts or qp in parts:
        return 1
    if any(name.startswith(q) for name in n.names) or any(p.startswith(qp) for p in n.pinyin):
        return 2
    if all(_token_found(t, n) for t in q.split()) or (_WORD.fullmatch(qp) and n.latin(qp)):
        return 3
    ps = pieces(q)
    found = sum(1 for p in ps if n.piece(p))
    if found and found * 2 >= len(ps):
        return 4
    return None


def _token_found(token: str, n: _Node) -> bool:
    if _WORD.fullmatch(token):
        return n.latin(token)
    if token in n.blob:
        return True
    runs = _CJK.findall(token)
    if not runs or "".join(runs) != token:
        return False
    return all(_coverable(run, n.blob) for run in runs)


def _coverable(run: str, blob: str) -> bool:
    """Can `run` be cut into pieces of two or more characters that all occur in blob? (长沙园区 →
    长沙|园区.) Dynamic programming over cut points; runs are short."""
    ok = [True] + [False] * len(run)
    for end in range(2, len(run) + 1):
        ok[end] = any(ok[start] and run[start:end] in blob for start in range(0, end - 1))
    return ok[len(run)]


def rank_key(node: dict, t: int) -> tuple:
    p = node["properties"]
    label = node["labels"][0] if node["labels"] else ""
    return (t, 0 if label in FIRST_LABELS else 1, len(p.get("name_zh") or ""), node["uri"])


def judge(windows: list[list[dict]], query: str, labels: Iterable[str] | None,
          firsts: Iterable[dict] = ()) -> list[dict]:
    """The matching candidates in rank order: each window (the index's first n matches, for growing
    n) ranked by the rules after everything of the windows before it, the matching `firsts` (parks
    and sub-parks) in the first."""
    allowed = set(labels) if labels else None
    scored = []
    seen = set()
    numbered = [(0, n) for n in firsts] + [(b, n) for b, w in enumerate(windows) for n in w]
    for b, n in numbered:
        if n["uri"] in seen or (allowed and not allowed & set(n["labels"])) or set(n["labels"]) & set(SKIP_LABELS):
            continue
        seen.add(n["uri"])
        t = tier(n["properties"], query)
        if t is not None:
            scored.append(((b, *rank_key(n, t)), n))
    scored.sort(key=lambda x: x[0])
    return [n for _, n in scored]


def lucene_query(ps: list[str]) -> str | None:
    """The Lucene query that finds every node in which one of the pieces is found (module doc), or
    None when a piece is a single character (the `cjk` analyzer indexes characters inside a run only
    as bigrams). A Chinese piece is a phrase of its bigram; a Latin word a prefix of a search key
    (`_latin_clause`)."""
    if not ps or any(len(p) < 2 for p in ps):
        return None
    latin = [p for p in ps if not _CJK.fullmatch(p)]
    # a query of many words stays under Lucene's 1,024 clauses: the first READ_WORDS are read as pinyin
    return " OR ".join(f'"{p}"' if _CJK.fullmatch(p) else _latin_clause(p, latin.index(p) < READ_WORDS) for p in ps)


def _latin_clause(w: str, as_pinyin: bool = True) -> str:
    """A Latin word is a prefix of a search key (a word of a name, or pinyin read from a syllable
    boundary). A reading of more than KEY_SYLLABLES syllables is longer than any key: it becomes
    its chunks of KEY_SYLLABLES, each a key's prefix (changshayuanqu → changshayuan* AND qu*), which
    finds a superset that the rules then judge."""
    alts = [f"search_keys:{w}*"]
    for whole, rest in syllable_readings(w) if as_pinyin else []:
        syl = whole + ([rest] if rest else [])
        if len(syl) > KEY_SYLLABLES:
            chunks = ["".join(syl[i:i + KEY_SYLLABLES]) for i in range(0, len(syl), KEY_SYLLABLES)]
            alts.append("(" + " AND ".join(f"search_keys:{c}*" for c in dict.fromkeys(chunks)) + ")")
    alts = list(dict.fromkeys(alts))  # readings that differ in their last syllable give the same chunks
    return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"


def exact_words_query(ps: list[str]) -> str | None:
    """For the Latin words of a query, the Lucene query for nodes having one as a whole search key:
    a word of a name or a pinyin form of at most KEY_SYLLABLES syllables (Beijing, for 北京市).
    Asked apart for its best 20 (by Lucene's score, which favours the nodes with fewest keys), which
    join the first window: a prefix term scores every match alike, so among the hundreds of
    thousands of names starting with Beijing the first window rarely holds them."""
    words = [p for p in ps if _WORD.fullmatch(p) and len(p) >= 2]
    return " OR ".join(f"search_keys:{w}" for w in words) or None


@functools.cache
def _pinyin_syllables() -> tuple[frozenset[str], frozenset[str]]:
    """Every toneless pinyin syllable pypinyin knows (with a vowel: not the interjections m, ng,
    hm), and every proper prefix of one."""
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_normal
    whole = frozenset(s for v in PINYIN_DICT.values() for p in v.split(",")
                      if (s := to_normal(p)).isascii() and s.isalpha() and set(s) & set("aeiouv"))  # not m, ng, hm
    return whole, frozenset(s[:i] for s in whole for i in range(1, len(s)))


def syllable_readings(w: str, most: int = 6) -> list[tuple[list[str], str]]:
    """The ways to read a Latin word as pinyin syllables, the last one possibly cut short:
    (whole syllables, the rest). Fewest syllables first; `most` at most (xian → xian, xi+an)."""
    whole, starts = _pinyin_syllables()
    out: list[tuple[list[str], str]] = []
    budget = [2_000]  # steps: a long run of ambiguous syllables (xianxianxian…) has exponentially many readings

    def walk(i: int, got: list[str]) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            return
        if i == len(w):
            out.append((got, ""))
            return
        if w[i:] in starts:
            out.append((got, w[i:]))
        for j in range(i + 1, min(len(w), i + 6) + 1):
            if w[i:j] in whole:
                walk(j, got + [w[i:j]])

    walk(0, [])
    out.sort(key=lambda r: (len(r[0]) + bool(r[1]), bool(r[1])))
    return out[:most]


# ---------------------------------------------------------------------------- the embedded engine's index
class SidecarIndex:
    """SQLite FTS5 next to a LadybugDB database (`<db>.search.sqlite`): no extension download
    (LadybugDB's own fts extension is fetched at run time and fails offline; Python's bundled
    SQLite has FTS5). Two FTS5 tables: one with the `trigram` tokenizer finds pieces of three or
    more characters as substrings (a pinyin `changsha` inside `guojia…changsha`); the other holds
    each name's Chinese bigrams as tokens, because a trigram index cannot answer a two-character
    query (长沙, 成渝, 通州: the commonest kind) except by scanning. The index is rebuilt when the
    graph's version differs from the one it was built at, so every load and every write — through
    whichever path or process — is followed before the next search answers."""

    LAYOUT = 2  # 2: rows in the rules' static order (2026-12-02); an index of another layout is rebuilt

    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".search.sqlite")
        if not os.access(self.path.parent, os.W_OK):
            # a database in a folder this process may not write to (a read-only mount): the index
            # goes to the temporary folder, named for the database it belongs to
            import hashlib
            import tempfile
            key = hashlib.sha1(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
            self.path = Path(tempfile.gettempdir()) / f"parkgraph-search-{key}.sqlite"
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def built_at(self) -> str | None:
        if not self.path.exists():
            return None
        try:
            with closing(self._connect()) as c:
                row = c.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            return row[0] if row else None
        except sqlite3.Error:
            return None

    def ensure(self, version: str, nodes: Callable[[], Iterator[dict]]) -> None:
        """Rebuild from `nodes()` unless the index was built at `version` by this layout."""
        version = f"{self.LAYOUT}:{version}"
        if self.built_at() == version:
            return
        with self._lock:
            if self.built_at() == version:
                return
            self._build(version, nodes())

    def _build(self, version: str, nodes: Iterator[dict]) -> None:
        """Rows are numbered in the rules' static order — parks and sub-parks first, then the shorter
        Chinese name, then the uri — and FTS5 gives matches in row order, so a window is the first
        n matches read from the index and nothing more (module doc): at 1M enterprises ranking every
        match by bm25 took 1.2 s for `beijing` even as one SQL query (bench/RESULTS.md). The nodes
        go to a staging file first, then into the index sorted (SQLite's external sort: bounded
        memory)."""
        tmp = self.path.with_name(self.path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
        stage = tmp.with_name(tmp.name + ".stage")
        tmp.unlink(missing_ok=True)
        stage.unlink(missing_ok=True)
        c = sqlite3.connect(tmp)
        try:
            c.execute("ATTACH DATABASE ? AS stage", (str(stage),))
            c.executescript("""
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE docs(id INTEGER PRIMARY KEY, uri TEXT UNIQUE, label TEXT, node TEXT, text TEXT);
                CREATE VIRTUAL TABLE tri USING fts5(text, content='docs', content_rowid='id', tokenize='trigram');
                CREATE VIRTUAL TABLE bi USING fts5(grams, content='', tokenize='unicode61');
                CREATE TABLE stage.raw(prio INTEGER, len INTEGER, uri TEXT, label TEXT, node TEXT, text TEXT, grams TEXT);
            """)
            batch = []
            for n in nodes:
                p = n["properties"]
                text = "\n".join(texts(p))
                grams = " ".join(run[j:j + 2] for run in _CJK.findall(text) for j in range(len(run) - 1))
                label = n["labels"][0]
                batch.append((0 if label in FIRST_LABELS else 1, len(p.get("name_zh") or ""), n["uri"], label,
                              json.dumps(n, ensure_ascii=False), text, grams))
                if len(batch) >= 5000:
                    c.executemany("INSERT INTO stage.raw VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
                    batch = []
            c.executemany("INSERT INTO stage.raw VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
            c.executescript("""
                INSERT INTO docs(uri, label, node, text) SELECT uri, label, node, text FROM stage.raw ORDER BY prio, len, uri;
                INSERT INTO tri(rowid, text) SELECT id, text FROM docs;
                INSERT INTO bi(rowid, grams) SELECT d.id, r.grams FROM stage.raw r JOIN docs d ON d.uri = r.uri;
            """)
            c.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
            c.commit()
            c.execute("DETACH DATABASE stage")
        finally:
            c.close()
            stage.unlink(missing_ok=True)
        os.replace(tmp, self.path)  # readers see the old file or the new one, never half of one

    def candidates(self, ps: list[str], labels: Iterable[str] | None,
                   sizes: list[int]) -> tuple[list[list[dict]], list[dict], bool]:
        """(for each size n, the first n nodes in which one of the pieces may be found, in the
        index's order; no parks apart: they come first in it; whether the last window is full, so
        that there may be more), in one SQL statement that reads at most n matches of each table,
        in row order."""
        if not ps:
            return [], [], False
        n = sizes[-1]
        labels = list(labels or [])
        only = (" AND d.label IN (" + ",".join("?" * len(labels)) + ")") if labels else ""
        subs: list[str] = []
        args: list[object] = []
        for table, terms in (("tri", [p for p in ps if len(p) >= 3]),
                             ("bi", [p for p in ps if len(p) == 2 and _CJK.fullmatch(p)])):
            if terms:
                subs.append(f"SELECT * FROM (SELECT t.rowid AS id FROM {table} t JOIN docs d ON d.id = t.rowid "
                            f"WHERE {table} MATCH ?{only} ORDER BY t.rowid LIMIT ?)")
                args += [" OR ".join(f'"{p}"' for p in terms), *labels, n]
        scan = [p for p in ps if len(p) < 2 or (len(p) == 2 and not _CJK.fullmatch(p))]
        if scan:  # one character, or two Latin ones: the index's text read in row order (no graph query)
            subs.append("SELECT * FROM (SELECT d.id FROM docs d WHERE (" + " OR ".join("instr(d.text, ?) > 0" for _ in scan)
                        + f"){only} ORDER BY d.id LIMIT ?)")
            args += [*scan, *labels, n]
        sql = "SELECT node FROM docs WHERE id IN (" + " UNION ".join(subs) + ") ORDER BY id LIMIT ?"
        with closing(self._connect()) as c:
            rows = [json.loads(r[0]) for r in c.execute(sql, [*args, n])]
        return [rows[:k] for k in sizes], [], len(rows) >= n

