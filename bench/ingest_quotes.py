"""A second out-of-sample measure of `parkgraph ingest`: the research quotes (issue #12).

    python bench/ingest_quotes.py [--facts PATH] [--ids f004,f013] [--kb data|before|both] [-v]

shared/research/facts-2026-12.yaml holds facts a researcher found on 39 public pages, each with a
verbatim `quote` of at most 40 characters (some in traditional characters, a few in English), its
subject, value and unit, as-of date and the page's date. The ingest rules were never written from
these quotes. Each distinct quote of a counted entry is run through `parkgraph ingest`'s own code
path (`loaders.ingest.ingest`, linking against the bundled data/ as the command does by default) as a
one-sentence article dated the entry's source_date, and each part of the extractor is judged on what
one sentence can show:

- statistics: an entry of kind `statistic` with a numeric value is found when a statistic proposed at
  or above ACCEPT has the same quantity (value scaled to one base unit by `score.quantity`; a note in
  parentheses after the unit, 名（全国）, is dropped). Among those found, the status is right when it
  is actual exactly where the entry is: an entry is a target or forecast when its as_of is after its
  source_date or its predicate says target/forecast/plan. Precision counts every numeric statistic
  proposed from a quote; one is right when its quantity is that of a statistic entry of the same page
  (a quote may hold figures the researcher did not record — 12家研发中心 — so this is a lower bound).
  `read` says whether the figure was read at all — proposed at any confidence, or read and attached
  to nothing (`Extraction.unanchored`): one sentence often names no subject (注册企业75家), and the
  extractor rightly proposes no one's figure; `read` separates reading numbers from finding subjects.
- dates: where the quote has a date expression (outside a title or a document number: 《…2023年》,
  〔2022〕 are not dates, as in the corpus gold) and the entry's as_of is exact (not ≈/≤/unknown) and
  written there (its year, or a date without a year resolved against the page's date), found when an
  extracted date equals the as_of at the as_of's precision (a finer date or either end of a range
  counts).
- mentions: each thing the entry's subject names (each member of a list; the name as written, without
  its parentheses, and an alias in a final parenthesis: 麒麟信安), with the curated entity it links to
  (its name and aliases) — for a statistic's subject that is an industry or a workforce
  (成都市网络安全产业) the longest curated name it begins with, and only that (中国网络安全产业, with
  no such name, is no item: there is no entity to mention). Counted where one of those names is
  written in the quote (compared in simplified characters); found when a mention or a proposed entity
  has one of them, or is linked to that curated entity. People are left out (not an ontology class;
  the corpus gold does not label them either).

Items are counted once per distinct quote (entries sharing a quote and a subject are one mention
item; one date item per quote and as_of). Recall is also printed by the quote's script: simplified,
traditional, English (the extractor reads Chinese; English quotes are counted all the same).
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FACTS = Path("research") / "facts-2026-12.yaml"
PARTS = ("statistics", "dates", "mentions")
SCRIPTS = ("simplified", "traditional", "english")

# A date expression, independent of the extractor's rows: a year, month or day, a relative year.
DATE_EXPR = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|[今去明当同]年|[上下]半年|年[底初末]"
                       r"|\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September"
                       r"|October|November|December)\b")
# A year inside a title or a document number (《…2021—2023年》, 〔2022〕) is not a date (the corpus
# gold's convention): removed before looking for a date expression.
NOT_DATES = re.compile(r"《[^》]*》|〔[^〕]*〕|\[\d{4}\]")
# A date the quote writes without its year: the page's date supplies it.
YEARLESS = re.compile(r"(?<![年\d])\d{1,2}\s*月|(?<![年月\d])\d{1,2}\s*日|[今去明当同]年|[上下]半年")
EXACT = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# a statistic's subject that is an aggregate (an industry, a market, a workforce), not a named thing
AGGREGATE = re.compile(r"(产业|市场|收入|人员|人才|学生|企业|专业)$")
TARGET_PRED = re.compile(r"target|forecast|plan", re.I)


def find_facts() -> Path:
    """shared/research/facts-2026-12.yaml beside the checkout (main) or beside the worktrees' folder."""
    for up in (ROOT.parent, ROOT.parent.parent):
        p = up / "shared" / FACTS
        if p.exists():
            return p
    raise SystemExit(f"no shared/{FACTS} beside {ROOT}; pass --facts PATH")


def simplified(s: str) -> str:
    """Traditional characters to simplified (OpenCC's t2s), for comparing names only."""
    from opencc import OpenCC
    conv = getattr(simplified, "_conv", None) or OpenCC("t2s")
    simplified._conv = conv  # type: ignore[attr-defined]
    return conv.convert(s)


def key(s: str) -> str:
    from parkgraph.loaders.ingest.kb import norm
    return norm(simplified(s or ""))


def script(quote: str) -> str:
    if not re.search(r"[\u4e00-\u9fff]", quote):
        return "english"
    return "traditional" if simplified(quote) != quote else "simplified"


def page_date(s) -> str | None:
    """The page's date as an article date: YYYY[-MM[-DD]], also when approximate (≈2020-11); None when unknown."""
    if isinstance(s, (dt.date, dt.datetime)):
        return s.isoformat()[:10]
    m = re.match(r"^[≈~]?\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b", str(s or "").strip())
    return m.group(1) if m else None


def exact_date(s) -> str | None:
    """An as_of the entry is sure of (2019, 2019-07, 2019-07-20); None for ≈, ≤, unknown or a comment."""
    if isinstance(s, (dt.date, dt.datetime)):
        return s.isoformat()[:10]
    s = str(s or "").strip()
    return s if EXACT.match(s) else None


def unit_of(u) -> str | None:
    return re.sub(r"[（(].*$", "", str(u)).strip() or None if u else None


def expected_status(e: dict) -> str:
    """target/forecast (not actual) when the as_of is after the page's date or the predicate says so."""
    if TARGET_PRED.search(str(e.get("predicate") or "")):
        return "not actual"
    a, d = exact_date(e.get("as_of")) or "", page_date(e.get("source_date")) or ""
    n = min(len(a), len(d))
    return "not actual" if a and d and a[:n] > d[:n] else "actual"


def subject_names(subject: str) -> list[list[str]]:
    """The names of each thing a subject holds (a list: each member): the part as written, without
    its parentheses, and — when a parenthesis ends it — what is inside (an alias: 麒麟信安, 姜广智)."""
    out: list[list[str]] = []
    depth, cut = 0, [""]
    for ch in subject:                  # split at ; ； 、 / outside parentheses only
        depth += (ch in "（(") - (ch in "）)")
        if depth == 0 and ch in ";；、":
            cut.append("")
        else:
            cut[-1] += ch
    for part in (p.strip() for c in cut for p in re.split(r"\s/\s", c)):   # 中电光谷长沙公司 / 长沙高新区
        main = re.sub(r"[（(][^）)]*[）)]", "", part).strip()
        if re.match(r"[\u4e00-\u9fff]", main):
            main = main.split()[0]      # 国家网安基地 两校入住学生 → 国家网安基地
        tail = re.search(r"[（(]([^）)]*)[）)]\s*$", part)
        inner = [x.strip() for x in re.split(r"[，,、;；=]", tail.group(1))] if tail else []
        names = [part, main] + [x for x in inner if len(x) >= 3 and not re.search(r"\d", x)]
        names = [n for n in dict.fromkeys(names) if len(n) >= 2]
        if names:
            out.append(names)
    return out


@dataclass
class Item:
    part: str
    entry: str
    quote: str
    found: bool = False
    detail: str = ""
    status_ok: bool | None = None
    read: bool = False       # statistics: the figure was read at all (any subject, any confidence)


@dataclass
class Result:
    items: list[Item] = field(default_factory=list)
    proposed: int = 0          # numeric statistics proposed from the quotes
    proposed_right: int = 0    # … whose quantity is a statistic entry's of the same page
    unmatched: list[str] = field(default_factory=list)


def curated(kb, name: str, prefix: bool = False):
    """The curated entity a name links to (exact name or alias); with `prefix` (a statistic's subject,
    an industry or workforce: 成都市网络安全产业), else the longest curated name it begins with."""
    hit = kb.lookup(name)
    if hit or not prefix:
        return hit[0] if hit else None
    for n in range(len(name) - 1, 1, -1):
        hit = kb.lookup(name[:n])
        if hit:
            return hit[0]
    return None


def new_pages(entries: list[dict]) -> set[str]:
    """Ids of the data/ sources that are the pages of these entries and came into data/ with them
    (`source_in_dataset: false`): data/ curated the research wave these quotes come from, so its
    dictionary knows their names; without these sources it is the knowledge base before that."""
    import yaml
    from parkgraph.data import DATA_DIR
    from parkgraph.loaders.ingest.kb import norm_url
    urls = {norm_url(e["source_url"]) for e in entries if e.get("source_url") and e.get("source_in_dataset") is False}
    sources = yaml.safe_load((DATA_DIR / "sources.yaml").read_text(encoding="utf-8"))
    sources = sources.get("sources", sources) if isinstance(sources, dict) else sources
    return {s["id"] for s in sources if s.get("url") and norm_url(s["url"]) in urls}


def kb_maker(mode: str, entries: list[dict]):
    """A fresh knowledge base per quote: data/ as `parkgraph ingest` links by default, or data/ without
    the sources these entries brought in (`before`)."""
    from bench.ingest_bench import make_kb
    if mode == "data":
        return lambda: make_kb("data")
    from parkgraph.data import DATA_DIR
    from parkgraph.loaders.ingest.kb import KnowledgeBase
    left_out = new_pages(entries)

    def make():
        kb = KnowledgeBase()
        kb.add_data([DATA_DIR], exclude_source=left_out)
        return kb
    return make


def extract_quote(quote: str, date: str | None, ident: str, make_kb=None):
    """The extraction `parkgraph ingest` makes of the quote as a one-sentence article (data/ linked)."""
    from parkgraph.loaders.ingest import ingest
    make_kb = make_kb or kb_maker("data", [])
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"{ident}.md"
        p.write_text(f"---\ntitle: '{ident}'\n" + (f"date: '{date}'\n" if date else "") + "---\n\n" + quote + "\n",
                     encoding="utf-8")
        return ingest(p, kb=make_kb()).extraction


def stat_quantity(value, unit) -> tuple:
    from parkgraph.loaders.ingest.score import quantity
    return quantity(value, unit_of(unit))[:2]


MULT = {"万": 1e4, "亿": 1e8, "万亿": 1e12}


def unanchored_quantities(ex) -> list[tuple]:
    """Figures the extractor read but attached to nothing (`Extraction.unanchored`: "s0 [a,b) 36亿元: why")."""
    out = []
    for u in ex.unanchored:
        m = re.match(r"s\d+ \[(\d+),(\d+)\) ", u)
        t = simplified(ex.doc.text[int(m.group(1)):int(m.group(2))]) if m and ex.doc is not None else ""
        n = re.search(r"([\d][\d,]*(?:\.\d+)?)\s*(?:余|多)?\s*(万亿|亿|万)?\s*(?:余|多)?\s*(\S*)$", t)
        if n:
            out.append(stat_quantity(float(n.group(1).replace(",", "")) * MULT.get(n.group(2) or "", 1), n.group(3)))
    return out


def numeric(v) -> bool:
    try:
        float(v)
        return not isinstance(v, bool)
    except (TypeError, ValueError):
        return False


def evaluate(entries: list[dict], extract=extract_quote, kb=None) -> Result:
    """Score the extractor on every counted entry; `extract(quote, date, ident)` gives an Extraction.
    Subjects are read with `kb` (default: data/), whatever the extraction linked against, so that the
    items are the same in every linking mode."""
    from bench.ingest_bench import make_kb
    from parkgraph.loaders.ingest.extract import ACCEPT
    kb = kb or make_kb("data")
    res = Result()
    by_quote: dict[tuple, list[dict]] = defaultdict(list)
    for e in entries:
        by_quote[(e["quote"], page_date(e.get("source_date")))].append(e)
    page_qty: dict[str, set] = defaultdict(set)
    for e in entries:
        if e.get("kind") == "statistic" and numeric(e.get("value")):
            page_qty[e.get("source_url") or e["id"]].add(stat_quantity(e["value"], e.get("unit")))
    for (quote, date), group in by_quote.items():
        ex = extract(quote, date, group[0]["id"])
        read = [stat_quantity(o.fields["value"], o.fields.get("unit")) for o in ex.observations
                if numeric(o.fields.get("value"))] + unanchored_quantities(ex)
        props = [o for o in ex.observations if o.conf >= ACCEPT and numeric(o.fields.get("value"))]
        got = [(stat_quantity(o.fields["value"], o.fields.get("unit")), o.fields.get("status")) for o in props]
        pages = {e.get("source_url") or e["id"] for e in group}
        for q, _ in got:
            res.proposed += 1
            if any(q in page_qty[p] for p in pages):
                res.proposed_right += 1
            else:
                res.unmatched.append(f"{group[0]['id']}: {q[0]} {q[1]}  ← {quote}")
        seen: set = set()
        text = key(quote)
        for e in group:
            # (1) statistics
            if e.get("kind") == "statistic" and numeric(e.get("value")):
                want = stat_quantity(e["value"], e.get("unit"))
                hit = next((st for q, st in got if q == want), None)
                it = Item("statistics", e["id"], quote, hit is not None, f"{want[0]} {want[1]}", read=want in read)
                if hit is not None:
                    it.status_ok = (hit == "actual") == (expected_status(e) == "actual")
                res.items.append(it)
            # (2) dates
            as_of = exact_date(e.get("as_of"))
            bare = NOT_DATES.sub("", simplified(quote))
            if as_of and DATE_EXPR.search(bare) and (as_of[:4] in bare or YEARLESS.search(bare)) \
                    and ("dates", as_of) not in seen:
                seen.add(("dates", as_of))
                parts = [x for d in ex.dates for x in (*d.value.split("/"), d.point) if x]
                res.items.append(Item("dates", e["id"], quote, any(len(x) >= len(as_of) and x[:len(as_of)] == as_of
                                                                   for x in parts), as_of))
            # (3) mentions (people are not an ontology class: the corpus does not label them either)
            for names_written in ([] if e.get("kind") == "person" else subject_names(str(e.get("subject") or ""))):
                stat = e.get("kind") == "statistic"
                ent = next((c for c in (curated(kb, simplified(n), stat) for n in names_written) if c), None)
                names = {key(n) for n in names_written} | ({key(n) for n in ent.names} if ent else set())
                if stat and AGGREGATE.search(names_written[1] if len(names_written) > 1 else names_written[0]):
                    if ent is None:
                        continue        # 中国网络安全产业: no entity to mention
                    names = {key(n) for n in ent.names}   # 成都市网络安全产业 → 成都市, 成都
                if not any(n and n in text for n in names) or ("mentions", frozenset(names)) in seen:
                    continue
                seen.add(("mentions", frozenset(names)))
                found = any(key(m.name) in names or key(m.text) in names or (ent and ent.ref in m.keys)
                            for m in ex.mentions) or \
                    any((ent and p.key == ent.ref) or key(p.record.get("name_zh") or "") in names
                        or names & {key(a) for a in p.record.get("aliases") or []} for p in ex.entities.values())
                res.items.append(Item("mentions", e["id"], quote, bool(found), ent.name_zh if ent else names_written[0]))
    return res


def table(res: Result) -> str:
    lines = ["| part | items | found | recall | precision | note |", "|---|---:|---:|---:|---:|---|"]
    for part in PARTS:
        its = [i for i in res.items if i.part == part]
        n, f = len(its), sum(i.found for i in its)
        rec = f"{f / n:.3f}" if n else "–"
        if part == "statistics":
            prec = f"{res.proposed_right / res.proposed:.3f}" if res.proposed else "–"
            st = [i.status_ok for i in its if i.found]
            note = (f"{res.proposed_right} of {res.proposed} proposed match a figure of the page (lower bound); "
                    f"status right {sum(bool(s) for s in st)} of {len(st)} found; "
                    f"read at all (any subject or confidence) {sum(i.read for i in its)} of {n}")
        else:
            prec, note = "–", ""
        lines.append(f"| {part} | {n} | {f} | {rec} | {prec} | {note} |")
    return "\n".join(lines)


def by_script(res: Result) -> str:
    lines = ["| part | " + " | ".join(SCRIPTS) + " |", "|---|" + "---:|" * len(SCRIPTS)]
    for part in PARTS:
        cells = []
        for sc in SCRIPTS:
            its = [i for i in res.items if i.part == part and script(i.quote) == sc]
            cells.append(f"{sum(i.found for i in its)}/{len(its)}" if its else "–")
        lines.append(f"| {part} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def load_entries(path: Path, ids: list[str] | None = None) -> list[dict]:
    """The counted entries that carry a quote (optionally only those of `ids`)."""
    import yaml
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]
    out = [e for e in facts if e.get("counted", True) is not False and e.get("quote")]
    return [e for e in out if e["id"] in ids] if ids else out


def revision() -> str:
    try:
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "loaders"],
                               capture_output=True, text=True).stdout.strip()
        return rev + (" (loaders/ modified)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def report(res: Result) -> None:
    """Every item, found or missed, and the statistics proposed that match no figure of the page."""
    for i in res.items:
        print(f"  {'ok  ' if i.found else 'read' if i.read else 'MISS'} {i.part:<10} {i.entry} {i.detail}"
              + ("" if i.status_ok in (None, True) else " (status wrong)") + f"  ← {i.quote}")
    for u in res.unmatched:
        print(f"  unmatched statistic {u}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=Path, help="the research facts file (default: shared/research/facts-2026-12.yaml)")
    ap.add_argument("--ids", help="only these entry ids, comma-separated")
    ap.add_argument("--kb", choices=("data", "before", "both"), default="both",
                    help="link against data/ (as the command does), data/ without these quotes' pages, or both")
    ap.add_argument("-v", "--verbose", action="store_true", help="every item, found or missed")
    a = ap.parse_args(argv)
    path = a.facts or find_facts()
    entries = load_entries(path, a.ids.split(",") if a.ids else None)
    print(f"command: python bench/{Path(__file__).name} {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print(f"revision: {revision()}; date: {dt.date.today().isoformat()}; facts: {path.name}, "
          f"{len(entries)} counted entries, {len({e['quote'] for e in entries})} distinct quotes")
    for mode in (("data", "before") if a.kb == "both" else (a.kb,)):
        t0 = time.perf_counter()
        res = evaluate(entries, functools.partial(extract_quote, make_kb=kb_maker(mode, entries)))
        what = ("data/, as `parkgraph ingest` links by default" if mode == "data" else
                f"data/ without the {len(new_pages(entries))} sources these quotes brought in (before they were curated)")
        print(f"\n### linking: {what} ({time.perf_counter() - t0:.0f} s)\n\n" + table(res)
              + "\n\nfound / items by the quote's script:\n\n" + by_script(res))
        if a.verbose:
            report(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
