"""Map validated records to property-graph rows: minted IRIs, derived pinyin and search keys, Quote nodes, and the
provenance relationships (DERIVED_FROM, QUOTED_FROM) and DESCRIBES edges the loader owns. These are
the row makers; loaders/plan.py applies them record by record (the one mapping path)."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
from typing import TYPE_CHECKING

from parkgraph.graph.search_index import search_keys
from parkgraph.iri import mint
from parkgraph.ontology import Model

from .validate import Dataset

if TYPE_CHECKING:
    from .plan import StreamPlan


def digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def pinyin_of(names: list[str]) -> str | None:
    """The pinyin forms of a node's Chinese names, space-separated: per name its syllables joined by
    hyphens (长沙园区 → chang-sha-yuan-qu), then its initials (csyq). The hyphens keep the syllable
    boundaries, so the full-text index holds syllables as tokens and `changsha` is found inside
    guo-jia-…-chang-sha as the phrase "chang sha" rather than by a leading-wildcard scan of every
    term (graph/search_index.py)."""
    out: dict[str, None] = {}
    for name in names:
        if not name or not any("\u4e00" <= ch <= "\u9fff" for ch in name):
            continue
        syll = [s.lower() for s in _lazy_pinyin(name) if s.strip()]
        if syll:
            out["-".join(syll)] = None
            out["".join(s[0] for s in syll)] = None
    return " ".join(out) or None


_PINYIN = None


def _lazy_pinyin(text: str) -> list[str]:
    """`pypinyin.lazy_pinyin(text, errors="ignore")`, with the per-word conversion cached: pypinyin
    segments the text into words and converts each word on its own, so caching the word step gives
    the same syllables (a test checks) at a fraction of the cost on a million names."""
    global _PINYIN
    if _PINYIN is None:
        from pypinyin.converter import UltimateConverter
        from pypinyin.core import Pinyin
        _PINYIN = Pinyin(UltimateConverter(v_to_u=False, neutral_tone_with_five=False, tone_sandhi=False))
    out: list[str] = []
    for word in _PINYIN.seg(text):
        out += _word_pinyin(word)
    return out


@functools.lru_cache(maxsize=100_000)
def _word_pinyin(word: str) -> tuple[str, ...]:
    from pypinyin import Style
    return tuple(s for item in _PINYIN._converter.convert(word, Style.NORMAL, False, "ignore", strict=True) for s in item)


def quote_row(c: dict, base_iri: str) -> dict:
    """The Quote node of one citation (its IRI derives from source and text); `_source` is its Source."""
    text = c["quote"]
    return {"uri": quote_uri(base_iri, c["source"], text), "name_zh": text if len(text) <= 40 else text[:39] + "…",
            "name_en": f"Quote from source {c['source']}", "text": text,
            "text_as_found": c.get("quote_as_found"), "repair_note": c.get("repair_note"),
            "_source": mint(base_iri, f"source/{c['source']}")}


def quote_uri(base_iri: str, source: str, text: str) -> str:
    """A Quote's IRI: from the source cited and the sentence (the same sentence of a source is one Quote)."""
    return f"{base_iri}quote/{digest(source, text)}"


def statement_uri(base_iri: str, src: str, rtype: str, dst: str, role: str | None) -> str:
    return f"{base_iri}statement/{digest(src, rtype, dst, role or '')}"


def as_date(v: str | dt.date | None) -> dt.date | None:
    """A validated date string (YYYY, YYYY-MM, YYYY-MM-DD) as the DATE the graph stores: the first
    day of the period (its precision is stored beside it)."""
    if v is None or isinstance(v, dt.date):
        return v
    y, m, d = (v.split("-") + ["1", "1"])[:3]
    return dt.date(int(y), int(m), int(d))


def with_dates(row: dict, props: dict) -> dict:
    """`row` with its date properties as datetime.date (both engines store them as DATE)."""
    for k, p in props.items():
        if p.pg_type == "date" and row.get(k) is not None:
            row[k] = as_date(row[k])
    return row


def role_key(data: dict) -> str | None:
    """What a relationship's IRI derives from: `iri_key` when the record gives one (the wording its IRI
    was first minted from: a published IRI never changes when a role is reworded), else its English
    role (the former `role` was English, so the IRIs of the first wave stay the same), else its
    Chinese role."""
    return data.get("iri_key") or data.get("role_en") or data.get("role_zh")


REL_DATA_KEYS = ("role_zh", "role_en", "since", "since_precision", "since_text", "since_end", "note_zh", "note_en")


def rel_props(data: dict, model: Model) -> dict:
    return with_dates({k: data.get(k) for k in REL_DATA_KEYS}, model.rel_properties)


def node_row(cls, data: dict, uri: str) -> dict:
    row = with_dates({k: v for k, v in data.items() if k in cls.properties}, cls.properties)
    row["uri"] = uri
    if "pinyin" in cls.properties:
        row["pinyin"] = pinyin_of([data.get("name_zh") or "", *(data.get("aliases") or [])])
    if "search_keys" in cls.properties:
        row["search_keys"] = search_keys(row)  # after pinyin: the keys read it
    return row


def build_plan(ds: Dataset, model: Model, base_iri: str) -> "StreamPlan":
    """The rows of a validated in-memory `Dataset`: the one mapping path (loaders/plan.py), fed from
    memory instead of from streamed files."""
    from .plan import map_dataset
    return map_dataset(ds, model, base_iri)
