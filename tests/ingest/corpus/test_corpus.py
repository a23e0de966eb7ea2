"""The development corpus (issue #12, item 1) holds together: every gold span still holds its text in
the text the reader makes of the article, every article carries its metadata, none of them is a page
data/ or the research notes already cite, and the corpus is as large and as varied as promised."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .corpus_text import ARTICLES, GOLD, read, split_plain_header

ROOT = Path(__file__).resolve().parents[3]
RESEARCH_DIRS = (ROOT.parent / "shared" / "research", ROOT.parent.parent / "shared" / "research")  # ../shared or /work/shared
SPLIT = Path(__file__).resolve().parent / "split.yaml"
FRONT_FIELDS = ("title", "url", "date", "outlet", "outlet_kind", "retrieved")
HEADER_FIELDS = ("标题", "URL", "日期", "来源")
OUTLET_KINDS = {"news_agency", "government_notice", "park_operator", "trade_press", "local_daily",
                "policy_text", "national_media"}
RELATION_TYPES = {"PART_OF", "LOCATED_IN", "TENANT_OF", "HOLDS", "BUILT_BY", "ISSUED_BY", "CONCERNS",
                  "PARTICIPANT", "FOCUSES_ON", "RELATED_TO"}
STATUSES = {"actual", "target", "forecast", "estimate", "plan"}
IDS = sorted(p.stem for p in ARTICLES.glob("*.md"))


def _meta(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    if raw.startswith("---"):
        m = re.match(r"\A---\n(.*?)\n---\n", raw, re.S)
        assert m, f"{path.name}: unterminated front matter"
        fm = yaml.safe_load(m.group(1))
        missing = [k for k in FRONT_FIELDS if not fm.get(k)]
        assert not missing, f"{path.name}: front matter lacks {missing}"
        return {"url": fm["url"], "date": str(fm["date"]), "outlet_kind": fm["outlet_kind"]}
    split = split_plain_header(raw)
    assert split, f"{path.name}: neither front matter nor a plain header block"
    fields, _ = split
    missing = [k for k in HEADER_FIELDS if not fields.get(k)]
    assert not missing, f"{path.name}: header block lacks {missing}"
    gold = yaml.safe_load((GOLD / f"{path.stem}.yaml").read_text(encoding="utf-8"))
    return {"url": fields["URL"], "date": fields["日期"], "outlet_kind": gold["source"]["outlet_kind"]}


def _norm_url(u: str) -> str:
    u = re.sub(r"^https?://", "", u.strip().lower())
    u = re.sub(r"^(www\.|m\.)", "", u)
    return u.split("#")[0].rstrip("/")


def _cited_urls() -> set[str]:
    files = [ROOT / "data" / "sources.yaml", *(f for d in RESEARCH_DIRS for f in sorted(d.glob("facts*.yaml")))]
    urls: set[str] = set()
    for f in files:
        if f.exists():
            urls |= {_norm_url(u) for u in re.findall(r"https?://[^\s'\"]+", f.read_text(encoding="utf-8"))}
    return urls


@pytest.mark.parametrize("ident", IDS)
def test_gold_spans_hold_their_text(ident):
    doc = read(ARTICLES / f"{ident}.md")
    gold = yaml.safe_load((GOLD / f"{ident}.yaml").read_text(encoding="utf-8"))
    assert gold["source"]["id"] == ident
    for kind in ("entities", "dates", "statistics", "events"):
        for g in gold.get(kind) or []:
            a, b = g["span"]
            assert doc.text[a:b] == g["text"], (ident, kind, g)
            s = doc.sentences[g["sentence"]]
            assert s.start <= a < b <= s.end, (ident, kind, g)
    names = [g["name"] for g in gold["entities"]]
    assert len(names) == len(set(names)), f"{ident}: duplicate entity names"
    for g in gold["entities"]:   # YAML reads an unquoted alias 360 as a number: the scorer compares text
        bad = [n for n in [g["name"], *(g.get("aliases") or [])] if not isinstance(n, str)]
        assert not bad, f"{ident}: entity {g['name']!r}: name or alias {bad} is not text (quote it)"
    for g in gold["statistics"]:
        assert g["subject"] in names, (ident, g)
        assert g["status"] in STATUSES, (ident, g)
        assert g.get("as_of"), (ident, g)
        assert ("value" in g) != ("value_text" in g), (ident, g)
    for g in gold["relations"]:
        assert g["type"] in RELATION_TYPES, (ident, g)
        assert g["from"] in names and g["to"] in names, (ident, g)
        assert 0 <= g["sentence"] < len(doc.sentences), (ident, g)
    for g in gold.get("events") or []:
        assert g["name"] in names, (ident, g)
        assert all(p in names for p in g.get("participants") or []), (ident, g)


def test_every_article_has_its_metadata_and_gold():
    for ident in IDS:
        meta = _meta(ARTICLES / f"{ident}.md")
        assert re.match(r"^https?://", meta["url"]), ident
        assert re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", meta["date"]), ident   # a month or year when the page gives no day
        assert meta["outlet_kind"] in OUTLET_KINDS, ident
        assert (GOLD / f"{ident}.yaml").exists(), f"{ident}: no gold"
    assert {p.stem for p in GOLD.glob("*.yaml")} == set(IDS)


def test_no_article_is_already_cited():
    cited = _cited_urls()
    assert len(cited) > 30, "data/sources.yaml or the research notes were not found"
    for ident in IDS:
        assert _norm_url(_meta(ARTICLES / f"{ident}.md")["url"]) not in cited, ident


# One page two helpers found and labelled independently, in rounds months apart (dev_zb, dev_zx; noticed in round
# blind-yw): both are kept, in the tuned pool, as a pair; any other page found twice fails the test below.
LABELLED_TWICE = {frozenset({"2022-09-06-linkshop-changsha-digital-economy-computing",
                             "2022-09-06-znxdl-changsha-digital-economy-computing"})}


def test_no_page_is_in_the_corpus_twice():
    by_url: dict[str, set[str]] = {}
    for ident in IDS:
        by_url.setdefault(_norm_url(_meta(ARTICLES / f"{ident}.md")["url"]), set()).add(ident)
    twice = {frozenset(ids) for ids in by_url.values() if len(ids) > 1}
    assert twice <= LABELLED_TWICE, twice - LABELLED_TWICE


def test_size_variety_and_split():
    assert len(IDS) >= 12
    kinds = {_meta(ARTICLES / f"{i}.md")["outlet_kind"] for i in IDS}
    assert len(kinds) >= 6, kinds
    split = yaml.safe_load(SPLIT.read_text(encoding="utf-8"))
    dev, test = split["dev"], split["test"]
    parts = [ids or [] for key, ids in split.items() if key != "dev_check"]   # dev_check is a part of dev
    assert len(dev) >= 8 and len(test) >= 4
    assert sum(len(set(p)) for p in parts) == len(set().union(*parts)), "an article is in two splits"
    assert set().union(*parts) == set(IDS), "every article is in one split"
    for part in (dev, test):
        assert len({_meta(ARTICLES / f"{i}.md")["outlet_kind"] for i in part}) >= 3, part
