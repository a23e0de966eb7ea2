"""Citations of an entity, a source document or the whole dataset, in the formats researchers paste:
GB/T 7714-2015 (Chinese), an English reference (APA-like), BibTeX, RIS and CSL-JSON.

A `Work` holds what every format needs; each format is one small function over it. Values come from the
graph (titles, outlets, URLs written by people), so every writer escapes for its own syntax: BibTeX
specials, RIS line breaks, JSON by json.dumps."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from parkgraph.iri import local_id

DATASET_TITLE_ZH = "国家网络安全产业园区知识图谱"
DATASET_TITLE_EN = "ParkGraph: China's national cybersecurity industrial parks"
PUBLISHER = "ParkGraph"

# kind of work → (GB/T 7714 document-type code, BibTeX entry type, RIS TY, CSL type)
KINDS: dict[str, tuple[str, str, str, str]] = {
    "dataset": ("DS/OL", "misc", "DATA", "dataset"),
    "entry": ("DB/OL", "misc", "DBASE", "entry"),
    "webpage": ("EB/OL", "misc", "ELEC", "webpage"),
    "news": ("N", "misc", "NEWS", "article-newspaper"),
    "policy": ("S", "misc", "GOVDOC", "legislation"),
}


@dataclass
class Work:
    kind: str                        # a key of KINDS
    title: str
    url: str | None = None
    title_en: str | None = None
    authors: list[str] = field(default_factory=list)   # literal names (organisations or people)
    container: str | None = None     # dataset or outlet the work appears in
    publisher: str | None = None
    issued: str | None = None        # YYYY, YYYY-MM or YYYY-MM-DD
    accessed: str | None = None      # YYYY-MM-DD
    key: str = "parkgraph"


def date_parts(d: str | None) -> list[int] | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", d or "")
    return [int(x) for x in m.groups() if x] if m else None


def _year(d: str | None) -> str | None:
    p = date_parts(d)
    return str(p[0]) if p else None


def cite_key(*parts: str) -> str:
    """A BibTeX/CSL key from ASCII letters and digits only (keys cannot hold spaces, braces or CJK safely)."""
    s = "".join(re.sub(r"[^A-Za-z0-9]+", "", p.title()) for p in parts if p)
    return s or "ParkGraph"


# ---------------------------------------------------------------- GB/T 7714-2015 (zh)
def gbt7714(w: Work) -> str:
    """作者. 题名[文献类型标识/载体]. 出版地: 出版者, 出版年(更新日期)[引用日期]. 获取路径."""
    code = KINDS[w.kind][0]
    head = f"{', '.join(w.authors)}. " if w.authors else ""
    out = f"{head}{w.title}[{code}]."
    pub = ", ".join(x for x in (w.container if w.kind == "news" else w.publisher, w.issued if w.kind == "news" else _year(w.issued)) if x)
    tail = pub
    if w.issued and w.kind != "news":
        tail += f"({w.issued})"
    if w.accessed and "OL" in code:
        tail += f"[{w.accessed}]"
    if tail:
        out += f" {tail}."
    if w.url:
        out += f" {w.url}."
    return out


# ---------------------------------------------------------------- English reference
def english(w: Work) -> str:
    """Author (year). Title [type]. Container. Publisher. URL (accessed date)."""
    who = ", ".join(w.authors) or w.publisher or PUBLISHER
    year = _year(w.issued) or "n.d."
    title = w.title_en and w.title_en != w.title and f"{w.title} [{w.title_en}]" or w.title
    kind = {"dataset": " [Data set]", "entry": " [Database entry]"}.get(w.kind, "")
    parts = [f"{who} ({year}). {title}{kind}."]
    if w.container and w.container != who:
        parts.append(f"In {w.container}." if w.kind == "entry" else f"{w.container}.")
    if w.publisher and w.publisher not in (who, w.container):
        parts.append(f"{w.publisher}.")
    if w.url:
        parts.append(w.url + (f" (accessed {w.accessed})" if w.accessed else ""))
    return " ".join(parts)


# ---------------------------------------------------------------- BibTeX
_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bib_escape(s: str) -> str:
    return "".join(_BIB_SPECIAL.get(c, c) for c in re.sub(r"\s+", " ", s))


def bib_url(u: str) -> str:
    # braces and percent in a url field would unbalance the entry; percent-encode them instead
    return re.sub(r"\s", "%20", u).replace("{", "%7B").replace("}", "%7D")


def bibtex(w: Work) -> str:
    fields: list[tuple[str, str]] = [("title", "{" + bib_escape(w.title) + "}")]
    if w.authors:
        # each author in braces: an organisation is one literal name, not "Last, First"
        fields.append(("author", " and ".join("{" + bib_escape(a) + "}" for a in w.authors)))
    if w.container:
        fields.append(("howpublished", bib_escape(w.container)))
    if w.publisher:
        fields.append(("publisher", bib_escape(w.publisher)))
    p = date_parts(w.issued)
    if p:
        fields.append(("year", str(p[0])))
        if len(p) > 1:
            fields.append(("month", str(p[1])))
        fields.append(("date", bib_escape(w.issued[:10])))
    if w.url:
        fields.append(("url", bib_url(w.url)))
    if w.accessed:
        fields.append(("urldate", w.accessed))
    if w.title_en and w.title_en != w.title:
        fields.append(("note", "{" + bib_escape(w.title_en) + "}"))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{KINDS[w.kind][1]}{{{w.key},\n{body}\n}}\n"


# ---------------------------------------------------------------- RIS
def _ris(v: str) -> str:
    return re.sub(r"\s+", " ", v).strip()


def ris(w: Work) -> str:
    lines = [("TY", KINDS[w.kind][2]), ("TI", w.title)]
    if w.title_en and w.title_en != w.title:
        lines.append(("T2", w.title_en))
    lines += [("AU", a) for a in w.authors]
    if w.container:
        lines.append(("JO" if w.kind == "news" else "DB", w.container))
    if w.publisher:
        lines.append(("PB", w.publisher))
    p = date_parts(w.issued)
    if p:
        lines.append(("PY", str(p[0])))
        md = [f"{x:02d}" for x in p[1:]] + [""] * (3 - len(p))
        lines.append(("DA", f"{p[0]}/{md[0]}/{md[1]}/"))  # RIS dates are YYYY/MM/DD/other
    if w.url:
        lines.append(("UR", w.url))
    if w.accessed:
        lines.append(("Y2", w.accessed.replace("-", "/")))
    lines.append(("ID", w.key))
    return "".join(f"{tag}  - {_ris(v)}\r\n" for tag, v in lines) + "ER  - \r\n"


# ---------------------------------------------------------------- CSL-JSON
def csl_item(w: Work) -> dict:
    item: dict = {"id": w.key, "type": KINDS[w.kind][3], "title": w.title}
    if w.authors:
        item["author"] = [{"literal": a} for a in w.authors]
    if w.container:
        item["container-title"] = w.container
    if w.publisher:
        item["publisher"] = w.publisher
    p = date_parts(w.issued)
    if p:
        item["issued"] = {"date-parts": [p]}
    a = date_parts(w.accessed)
    if a:
        item["accessed"] = {"date-parts": [a]}
    if w.url:
        item["URL"] = w.url
    if w.title_en and w.title_en != w.title:
        item["original-title"] = w.title_en
    return item


def csl_json(w: Work) -> str:
    return json.dumps([csl_item(w)], ensure_ascii=False, indent=2)


FORMATS = {"gbt": ("GB/T 7714", gbt7714, "text/plain"), "ref": ("English", english, "text/plain"),
           "bib": ("BibTeX", bibtex, "application/x-bibtex"), "ris": ("RIS", ris, "application/x-research-info-systems"),
           "csl": ("CSL-JSON", csl_json, "application/vnd.citationstyles.csl+json")}


def all_formats(w: Work) -> dict[str, str]:
    return {k: fn(w) for k, (_, fn, _) in FORMATS.items()}


# ---------------------------------------------------------------- works from the graph
def today() -> str:
    return dt.date.today().isoformat()


def source_work(source: dict, accessed: str | None = None) -> Work:
    """A source document (the `source` of a citation, or a Source node's properties with its uri)."""
    kind = {"news": "news", "policy": "policy"}.get(source.get("kind") or "", "webpage")
    outlet = source.get("outlet")
    author = source.get("author")
    authors = [author] if isinstance(author, str) and author else ([outlet] if outlet and kind != "news" else [])
    return Work(kind=kind, title=source.get("title") or source.get("name_en") or source.get("uri") or "",
                title_en=source.get("name_en"), url=source.get("url") or source.get("uri"), authors=authors,
                container=outlet if kind == "news" else None, publisher=outlet if kind != "news" else None,
                issued=source.get("published"), accessed=accessed or today(),
                key=cite_key(outlet or "", (source.get("published") or "")[:4], local_id(source.get("uri") or "")))


def entity_work(uri: str, name_zh: str | None, name_en: str | None, issued: str | None = None,
                accessed: str | None = None) -> Work:
    """An entity's page in the dataset, cited as a database entry."""
    title = name_zh or name_en or uri
    return Work(kind="entry", title=title, title_en=name_en, url=uri, authors=[PUBLISHER],
                container=f"{DATASET_TITLE_EN} / {DATASET_TITLE_ZH}", issued=issued, accessed=accessed or today(),
                key=cite_key("ParkGraph", name_en or local_id(uri)))


def dataset_work(url: str, issued: str | None = None, version: str | None = None, accessed: str | None = None) -> Work:
    return Work(kind="dataset", title=DATASET_TITLE_ZH, title_en=DATASET_TITLE_EN, url=url, authors=[PUBLISHER],
                publisher=PUBLISHER, issued=issued, accessed=accessed or today(),
                key=cite_key("ParkGraph", "dataset", version or ""))
