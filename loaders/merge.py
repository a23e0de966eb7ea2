"""One entity defined in several files of a load (issue #12: review files made separately are loaded
together; the same 通州园 named in two of them must become ONE node, not a "duplicate id" error and
not two nodes).

Rule: definitions of one `segment/id` in *different* files are the same entity when they agree on
every field both give (lists such as aliases are unioned; `cite` lists are concatenated, so each
file's quotes stay attached). Then the first definition, with the fields merged, is the one validated
and written; the others are folded into it. If any field differs, it is an error that names both
places and the field — never a silent choice of one. Two definitions in the *same* file stay a
duplicate-id error (a copy-paste slip, not two articles). A Source whose URL or title differs is
such a conflict: two different articles under one id (the message names both titles and URLs).

Also here: a Source already in the graph under the id a file gives, with another URL (or, without
URLs, another title), is a clash — `load` would otherwise overwrite the first article's metadata.
"""
from __future__ import annotations

from typing import Any

from .readers import Record

UNION = ("aliases",)          # list fields whose values are unioned across definitions
APPEND = ("cite",)            # list fields concatenated (each file keeps its quotes)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    return str(a) == str(b) if not isinstance(a, (list, dict)) else a == b


def combine(defs: list[Record]) -> tuple[dict | None, str | None]:
    """The merged data of several definitions of one id, or (None, why) when they differ: why names
    the field and both values (and both places)."""
    first = defs[0]
    files = [d.file for d in defs]
    if len(set(files)) != len(files):
        return None, None   # a repeat inside one file: the plain duplicate-id error
    out = dict(first.data)
    for d in defs[1:]:
        for k, v in d.data.items():
            if v is None or v == "" or v == []:
                continue
            have = out.get(k)
            if have is None or have == "" or have == []:
                out[k] = v
            elif k in APPEND:
                out[k] = [*have, *[c for c in v if c not in have]]
            elif k in UNION and isinstance(have, list) and isinstance(v, list):
                out[k] = list(dict.fromkeys([*have, *v]))
            elif not _same(have, v):
                return None, _conflict(first, d, k, have, v)
    return out, None


def _conflict(a: Record, b: Record, key: str, va: Any, vb: Any) -> str:
    if a.collection == "sources":
        return (f"two different sources under one id: ‘{a.data.get('title')}’ ({a.data.get('url') or 'no url'}) at "
                f"{a.file}:{a.line} and ‘{b.data.get('title')}’ ({b.data.get('url') or 'no url'}) at {b.file}:{b.line}")
    return f"first defined at {a.file}:{a.line} with {key} ‘{_clip(va)}’, here ‘{_clip(vb)}’"


def _clip(v: Any) -> str:
    s = str(v)
    return s if len(s) <= 60 else s[:57] + "…"


def source_clash(data: dict, node: dict | None) -> str | None:
    """Why a Source record may not be written over the graph's node of the same id (None: it may).
    Different URLs, or — when one of them has none — different titles, mean different articles."""
    if not node:
        return None
    node = node.get("properties", node)   # GraphStore.node: {uri, labels, properties}
    url_a, url_b = (node.get("url") or "").strip(), (data.get("url") or "").strip()
    title_a, title_b = (node.get("title") or node.get("name_zh") or "").strip(), (data.get("title") or "").strip()
    # the same URL is the same article (a corrected title may be written); without both URLs, the title decides
    clash = url_a != url_b if url_a and url_b else bool(title_a and title_b and title_a != title_b)
    if clash:
        return (f"the graph already has this source id for another article: ‘{title_a}’ ({url_a or 'no url'}); "
                f"this file gives ‘{title_b}’ ({url_b or 'no url'}) — give the new source another id")
    return None
