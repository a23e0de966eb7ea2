"""Search: what a query matches and how results rank (both engines), and the embedded engine's index.

Each engine only finds *candidates* through its own index — Neo4j a Lucene full-text index with the
`cjk` analyzer (created by `create_schema`), LadybugDB the SQLite FTS5 sidecar below — and every
candidate is then judged and ranked here, by one function, so both engines give the same results:

- a query is cut into *pieces*: the bigrams of each run of Chinese characters (a run of one: the
  character) and each Latin word, lower-cased; a node is a candidate when any piece occurs in its
  name_zh, name_en, aliases or pinyin (the bundled pinyin is the syllables run together plus the
  initials, so `changsha` and `chang sha` both occur in 长沙's);
- tiers, best first: 0 the whole query equals a name or alias (or, without spaces, a pinyin form);
  1 it equals a part of one — the words of an English name, a bracketed qualifier such as 长沙 in
  国家网络安全产业园区（长沙）; 2 a name, alias or pinyin starts with it; 3 every token of the query
  occurs (长沙园区 → 长沙 + 园区: a run of Chinese is a token when it can be cut into pieces of two or
  more characters that all occur); 4 at least half of the pieces occur (partial match);
- among equals parks and sub-parks first, then the shorter Chinese name, then the uri.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path

FIELDS = ("name_zh", "name_en", "aliases", "pinyin")
SKIP_LABELS = ("Quote",)  # a quote's text is found through its source, never on its own
FIRST_LABELS = ("Park", "SubPark")  # first among equals: what the explorer is about
FULLTEXT_INDEX = "parkgraph_search"
CANDIDATE_CAP = 10_000  # candidates judged per query; totals are exact below it

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


def texts(props: dict) -> list[str]:
    """The searchable strings of a node, normalized."""
    out = [norm(props.get("name_zh") or ""), norm(props.get("name_en") or "")]
    out += [norm(a) for a in props.get("aliases") or []]
    out += norm(props.get("pinyin") or "").split()
    return [t for t in out if t]


def tier(props: dict, query: str) -> int | None:
    """The rank tier of a node for a query (module doc), or None when it does not match."""
    q = norm(query)
    if not q:
        return None
    qp = q.replace(" ", "")
    names = [norm(props.get("name_zh") or ""), norm(props.get("name_en") or "")] + [norm(a) for a in props.get("aliases") or []]
    names = [n for n in names if n]
    pinyin = norm(props.get("pinyin") or "").split()
    if q in names or qp in pinyin:
        return 0
    parts = {p for n in names for p in _PARTS.split(n) if p}
    if q in parts or qp in parts:
        return 1
    if any(n.startswith(q) for n in names) or any(p.startswith(qp) for p in pinyin):
        return 2
    blob = "\n".join(names + pinyin)
    if all(_token_found(t, blob) for t in q.split()) or (qp and any(qp in p for p in pinyin)):
        return 3
    ps = pieces(q)
    found = sum(1 for p in ps if p in blob)
    if found and found * 2 >= len(ps):
        return 4
    return None


def _token_found(token: str, blob: str) -> bool:
    if token in blob:
        return True
    runs = _CJK.findall(token)
    if not runs or "".join(runs) != token:
        return False
    return all(_coverable(run, blob) for run in runs)


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


def judge(candidates: Iterable[dict], query: str, labels: Iterable[str] | None) -> list[dict]:
    """Matching candidates in rank order."""
    allowed = set(labels) if labels else None
    scored = []
    seen = set()
    for n in candidates:
        if n["uri"] in seen or (allowed and not allowed & set(n["labels"])) or set(n["labels"]) & set(SKIP_LABELS):
            continue
        seen.add(n["uri"])
        t = tier(n["properties"], query)
        if t is not None:
            scored.append((rank_key(n, t), n))
    scored.sort(key=lambda x: x[0])
    return [n for _, n in scored]


def lucene_query(ps: list[str]) -> str | None:
    """The Lucene query that finds every node holding one of the pieces, or None when a piece is a
    single character (the `cjk` analyzer indexes characters inside a run only as bigrams)."""
    if not ps or any(len(p) < 2 for p in ps):
        return None
    return " OR ".join(f'"{p}"' if _CJK.fullmatch(p) else f"*{p}*" for p in ps)


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
        """Rebuild from `nodes()` unless the index was built at `version`."""
        if self.built_at() == version:
            return
        with self._lock:
            if self.built_at() == version:
                return
            self._build(version, nodes())

    def _build(self, version: str, nodes: Iterator[dict]) -> None:
        tmp = self.path.with_name(self.path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.unlink(missing_ok=True)
        c = sqlite3.connect(tmp)
        try:
            c.executescript("""
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE docs(id INTEGER PRIMARY KEY, uri TEXT UNIQUE, label TEXT, node TEXT, text TEXT);
                CREATE VIRTUAL TABLE tri USING fts5(text, content='docs', content_rowid='id', tokenize='trigram');
                CREATE VIRTUAL TABLE bi USING fts5(grams, content='', tokenize='unicode61');
            """)
            batch = []
            for i, n in enumerate(nodes, 1):
                text = "\n".join(texts(n["properties"]))
                grams = " ".join(run[j:j + 2] for run in _CJK.findall(text) for j in range(len(run) - 1))
                batch.append((i, n["uri"], n["labels"][0], json.dumps(n, ensure_ascii=False), text, grams))
                if len(batch) >= 5000:
                    self._insert(c, batch)
                    batch = []
            self._insert(c, batch)
            c.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
            c.commit()
        finally:
            c.close()
        os.replace(tmp, self.path)  # readers see the old file or the new one, never half of one

    @staticmethod
    def _insert(c: sqlite3.Connection, batch: list[tuple]) -> None:
        c.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", [b[:5] for b in batch])
        c.executemany("INSERT INTO tri(rowid, text) VALUES (?, ?)", [(b[0], b[4]) for b in batch])
        c.executemany("INSERT INTO bi(rowid, grams) VALUES (?, ?)", [(b[0], b[5]) for b in batch])

    def candidates(self, ps: list[str], labels: Iterable[str] | None, cap: int = CANDIDATE_CAP) -> list[dict]:
        """Nodes holding any of the pieces (one SQL statement)."""
        if not ps:
            return []
        subs: list[str] = []
        args: list[object] = []
        for p in ps:
            if len(p) >= 3:
                subs.append("SELECT rowid FROM tri WHERE tri MATCH ?")
                args.append('"' + p.replace('"', '""') + '"')
            elif len(p) == 2 and _CJK.fullmatch(p):
                subs.append("SELECT rowid FROM bi WHERE bi MATCH ?")
                args.append('"' + p + '"')
            else:  # one character, or two Latin ones: a scan of the index's text (still no graph query)
                subs.append("SELECT id FROM docs WHERE instr(text, ?) > 0")
                args.append(p)
        sql = "SELECT node FROM docs WHERE id IN (" + " UNION ".join(subs) + ")"
        if labels:
            labels = list(labels)
            sql += " AND label IN (" + ",".join("?" * len(labels)) + ")"
            args += labels
        sql += " LIMIT ?"
        args.append(cap)
        with closing(self._connect()) as c:
            return [json.loads(r[0]) for r in c.execute(sql, args)]
