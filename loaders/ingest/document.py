"""Read an article (.md, .txt, .html), strip page boilerplate, keep its metadata, split it into
sentences with character offsets into the cleaned text.

Boilerplate is what a page wraps around an article: for WeChat articles the cover image, the
account name, “以下文章来源于…，作者…”, the account card and blurb, and the footer from 阅读原文/
微信扫一扫/赞/在看/分享 down; for any page, image markdown, scripts and lone punctuation.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from parkgraph.errors import BadRequest

SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}
MAX_BYTES = 8 * 1024 * 1024


class IngestInputError(BadRequest):
    """The input file cannot be ingested; the message says why in one line."""
    title = "cannot ingest"


@dataclass
class Sentence:
    idx: int
    start: int
    end: int
    text: str
    para: int


@dataclass
class Document:
    path: str
    text: str                      # the cleaned article body; every offset points into it
    sentences: list[Sentence]
    meta: dict = field(default_factory=dict)   # title, url, outlet, author, published, retrieved, origin
    removed: list[str] = field(default_factory=list)  # boilerplate lines dropped (for the review file)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- reading
def read_text(path: str | Path) -> tuple[str, str]:
    """Return (text, suffix). Strict UTF-8 (a BOM is dropped); every failure is one clear line."""
    p = Path(path)
    if not p.exists():
        raise IngestInputError(f"{p}: no such file")
    if p.is_dir():
        raise IngestInputError(f"{p}: is a folder, not an article file", hint="pass one .md, .txt or .html file")
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestInputError(f"{p}: unsupported file type {p.suffix or '(none)'}", hint="use .md, .txt or .html")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise IngestInputError(f"{p}: file is {size / 1e6:.1f} MB; articles are limited to {MAX_BYTES // 2**20} MiB")
        raw = p.read_bytes()
    except OSError as e:
        raise IngestInputError(f"{p}: cannot read file: {e.strerror or e}") from None
    if not raw.strip():
        raise IngestInputError(f"{p}: file is empty", hint="nothing to ingest")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestInputError(f"{p}: file is UTF-16 encoded", hint="save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        looks = ""
        try:
            raw.decode("gb18030")
            looks = " (it looks like GBK/GB18030)"
        except UnicodeDecodeError:
            pass
        raise IngestInputError(f"{p}: file is not valid UTF-8{looks}: byte 0x{raw[e.start]:02x} at offset {e.start}",
                               hint="convert it, e.g. `iconv -f GB18030 -t UTF-8 in.txt > out.txt`") from None
    if "\x00" in text:
        raise IngestInputError(f"{p}: file contains NUL bytes; is it binary?")
    return text, suffix


# ---------------------------------------------------------------------------------------------- front matter
FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)


def split_front_matter(text: str) -> tuple[dict, str]:
    m = FRONT_RE.match(text)
    if not m:
        return {}, text
    try:
        fm = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    return (fm if isinstance(fm, dict) else {}), text[m.end():]


# plain header block: `标题: …` / `URL: …` / `日期: …` / `来源: …` lines before the text, as users write them
HEADER_KEYS = {"标题": "title", "题目": "title", "title": "title", "url": "url", "链接": "url", "网址": "url",
               "原文链接": "url", "日期": "date", "发布日期": "date", "发布时间": "date", "时间": "date", "date": "date",
               "来源": "source", "出处": "source", "source": "source", "outlet": "source", "媒体": "source",
               "作者": "author", "author": "author"}   # outlet: the key of the front matter, written as a header too
HEADER_LINE_RE = re.compile(r"^\s*(%s)\s*[:：]\s*(.+?)\s*$" % "|".join(sorted(HEADER_KEYS, key=len, reverse=True)),
                            re.I)


def split_plain_header(text: str) -> tuple[dict, str]:
    """(fields, body) of a file that starts with a plain header block; ({}, text) otherwise.
    The block is the leading `key: value` lines (at least two, or one that is a URL or a date)."""
    lines = text.splitlines(keepends=True)
    fields: dict = {}
    i = 0
    while i < len(lines) and lines[i].strip() == "":
        i += 1
    start = i
    while i < len(lines):
        m = HEADER_LINE_RE.match(lines[i])
        if not m:
            break
        fields.setdefault(HEADER_KEYS[m.group(1).lower()], m.group(2))
        i += 1
    if not fields or (i - start < 2 and not ({"url", "date"} & set(fields))):
        return {}, text
    return fields, "".join(lines[i:]).lstrip("\n")


# ---------------------------------------------------------------------------------------------- HTML
BLOCK_TAGS = {"p", "div", "section", "article", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr",
              "table", "blockquote", "header", "footer", "pre", "hr", "figure", "figcaption", "td", "th"}
SKIP_TAGS = {"script", "style", "noscript", "iframe", "svg", "template", "head", "button", "select", "nav"}
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}


class _HTMLText(HTMLParser):
    """Text of a page with block boundaries as line breaks; the article container (WeChat's
    #js_content, else <article>, else <body>) is kept apart from the rest; metadata from <meta>."""

    CONTAINER_IDS = ("js_content", "article-content", "content")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.parts: list[str] = []       # whole page
        self.container: list[str] | None = None
        self._cap_tag: str | None = None
        self._cap_depth = 0
        self._skip = 0
        self._field: str | None = None   # id of an element whose text is metadata
        self._field_text: list[str] = []
        self.title_tag = ""
        self._in_title = False
        self.scripts: list[str] = []
        self._in_script = False

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        if self.container is not None and self._cap_tag is not None:
            self.container.append(s)

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
            return
        if tag == "title":
            self._in_title = True
        if tag == "script":
            self._in_script = True
        if tag in SKIP_TAGS:
            self._skip += 1
            return
        if self._cap_tag is not None and tag == self._cap_tag:
            self._cap_depth += 1
        elif self._cap_tag is None and self.container is None and (
                a.get("id") in self.CONTAINER_IDS or tag == "article"):
            self._cap_tag, self._cap_depth, self.container = tag, 1, []
        ident = a.get("id")
        if ident in ("activity-name", "js_name", "publish_time", "js_author_name", "js_ip_wording"):
            self._field, self._field_text = ident, []
        if tag in BLOCK_TAGS:
            self._emit("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_script = False
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag in BLOCK_TAGS:
            self._emit("\n")
        if self._field and tag in ("h1", "h2", "a", "em", "span", "strong", "div"):
            text = "".join(self._field_text).strip()
            if text:
                self.meta.setdefault("wx:" + self._field, text)
                self._field = None
        if self._cap_tag is not None and tag == self._cap_tag:
            self._cap_depth -= 1
            if self._cap_depth == 0:
                self._cap_tag = None

    def handle_data(self, data):
        if self._in_title:
            self.title_tag += data
        if self._in_script:
            self.scripts.append(data)
        if self._skip:
            return
        if self._field:
            self._field_text.append(data)
        self._emit(data)


def html_to_text(src: str) -> tuple[dict, str]:
    p = _HTMLText()
    p.feed(src)
    p.close()
    meta = p.meta
    body = "".join(p.container if p.container else p.parts)
    fm: dict = {}
    title = meta.get("og:title") or meta.get("twitter:title") or meta.get("wx:activity-name") or p.title_tag.strip()
    if title:
        fm["title"] = html.unescape(title).strip()
    url = meta.get("og:url") or meta.get("canonical")
    if url:
        fm["url"] = url
    outlet = meta.get("wx:js_name") or meta.get("og:site_name") or meta.get("application-name")
    if outlet:
        fm["source"] = outlet
    author = meta.get("author") or meta.get("article:author") or meta.get("wx:js_author_name")
    if author:
        fm["author"] = author
    date = (meta.get("article:published_time") or meta.get("pubdate") or meta.get("publishdate")
            or meta.get("datepublished") or meta.get("wx:publish_time"))
    if not date:  # WeChat pages carry the publication time as a Unix timestamp in a script
        m = re.search(r"\bvar\s+ct\s*=\s*\"(\d{9,11})\"", "".join(p.scripts))
        if m:
            date = dt.datetime.fromtimestamp(int(m.group(1)), dt.timezone(dt.timedelta(hours=8))).date().isoformat()
    if date:
        fm["date"] = date
    return fm, body


# ---------------------------------------------------------------------------------------------- cleaning
IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]")
LINK_RE = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
EMPH_RE = re.compile(r"(\*\*|__)(.+?)\1")
PUNCT_ONLY_RE = re.compile(r"^[\s\W_]*$", re.U)
FOOTER_RE = re.compile(
    r"^(?:原文来源|文章来源|投稿联系方式|“投稿联系方式|预览时标签不可点|阅读原文|轻触阅读原文|微信扫一扫|继续滑动看下一个|"
    r"向上滑动看下一个|往期推荐|往期回顾|推荐阅读|相关阅读|点击阅读原文|长按识别二维码|长按二维码|扫码关注|扫描二维码|"
    r"-*\s*END\s*-*$|END$|—+\s*END|喜欢此内容的人还喜欢|分享收藏点赞在看|点个在看|点赞|在看|分享$)")
HEADER_DROP_RE = re.compile(r"^(?:原创|收录于合集|收录于话题|点击上方.{0,12}关注|点击蓝字|关注我们|听全文|#\S+$|"
                            r"编辑[:：|丨]|责编[:：|丨]|来源[:：|丨].{0,30}$)")
ORIGIN_RE = re.compile(r"以下文章来源于\s*([^\s，,]+)\s*[，,]?\s*(?:作者\s*[:：]?\s*([^\s，,。]+))?")
AUTHOR_RE = re.compile(r"^[，,]?\s*(?:作者|文)\s*[:：|丨/]?\s*([\u4e00-\u9fffA-Za-z·]{2,12})\s*$")
ORIGIN_FOOT_RE = re.compile(r"^(?:原文来源|文章来源)[:：]\s*(.+)$")
DATE_LINE_RE = re.compile(r"^(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
CONTENT_MIN = 40


def _norm_line(line: str) -> str:
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\u3000", " ")
    return line.strip()


def _strip_markdown(line: str) -> str:
    line = IMAGE_RE.sub("", line)
    line = LINK_RE.sub(r"\1", line)
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^>\s?", "", line)
    for _ in range(3):
        line = EMPH_RE.sub(r"\2", line)
    return line.strip()


def _is_content(line: str) -> bool:
    return len(line) >= CONTENT_MIN and bool(re.search(r"[，。；！？]", line))


def clean(raw: str, meta: dict) -> tuple[str, dict, list[str]]:
    """Boilerplate out, metadata in. Returns (cleaned text, metadata found, removed lines)."""
    lines = [_norm_line(l) for l in raw.splitlines()]
    title = str(meta.get("title") or "").strip()
    outlet = str(meta.get("source") or meta.get("outlet") or "").strip()
    found: dict = {}
    removed: list[str] = []
    accounts = {x for x in (outlet,) if x}

    # Header: everything before the first content paragraph is checked line by line.
    first = next((i for i, l in enumerate(lines) if _is_content(_strip_markdown(l))), len(lines))
    body: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i >= first:
            break
        text = _strip_markdown(line)
        m = ORIGIN_RE.search(text)
        if m:
            found["origin"] = m.group(1)
            accounts.add(m.group(1))
            if m.group(2):
                found["author"] = m.group(2)
            removed.append(line)
            i += 1
            continue
        m = AUTHOR_RE.match(text)
        if m:
            found.setdefault("author", m.group(1))
            removed.append(line)
            i += 1
            continue
        m = DATE_LINE_RE.match(text)
        if m:
            found.setdefault("date", f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
            removed.append(line)
            i += 1
            continue
        if not text or PUNCT_ONLY_RE.match(text):
            if line:
                removed.append(line)
            i += 1
            continue
        if line.startswith("#") and not title:
            title = text
            found["title"] = text
            removed.append(line)
            i += 1
            continue
        if text == title or (title and text.replace(" ", "") == title.replace(" ", "")):
            removed.append(line)
            i += 1
            continue
        if any(a and a in text for a in accounts) or HEADER_DROP_RE.match(text) or FOOTER_RE.match(text):
            removed.append(line)
            i += 1
            continue
        if not outlet and not body and not found.get("outlet") and len(text) <= 30 and i + 1 < len(lines) \
                and not re.search(r"[，。；！？]", text):
            # a short line right under the title is the account/outlet name
            found["outlet"] = text
            accounts.add(text)
            removed.append(line)
            i += 1
            continue
        body.append(text)
        i += 1

    # Body and footer: the first footer marker ends the article.
    for j in range(i, len(lines)):
        text = _strip_markdown(lines[j])
        if FOOTER_RE.match(text) or FOOTER_RE.match(lines[j]):
            m = ORIGIN_FOOT_RE.match(text)
            if m:
                found.setdefault("origin", m.group(1).strip())
            removed.extend(l for l in lines[j:] if l)
            break
        if not text or PUNCT_ONLY_RE.match(text):
            if lines[j] and not text == "":
                removed.append(lines[j])
            body.append("")
            continue
        body.append(text)

    paras: list[str] = []
    cur: list[str] = []
    for l in body:
        if l:
            cur.append(l)
        elif cur:
            paras.append("\n".join(cur))
            cur = []
    if cur:
        paras.append("\n".join(cur))
    return "\n\n".join(paras), found, removed


# ---------------------------------------------------------------------------------------------- sentences
SPLIT_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*[”’」』）)]*")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    para = 0
    last_end = 0
    for m in SPLIT_RE.finditer(text):
        s, e = m.start(), m.end()
        if "\n\n" in text[last_end:s]:
            para += 1
        last_end = e
        seg = m.group()
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        s2, e2 = s + lead, e - trail
        if e2 - s2 < 2 or PUNCT_ONLY_RE.match(text[s2:e2]):
            continue
        out.append(Sentence(len(out), s2, e2, text[s2:e2], para))
    return out


# ---------------------------------------------------------------------------------------------- dates
def iso_date(v) -> str | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    s = str(v).strip()
    m = re.match(r"^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?)?", s)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return None
    return y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if mo and d else "")


def read_document(path: str | Path, *, title: str | None = None, source_url: str | None = None,
                  date: str | None = None) -> Document:
    text, suffix = read_text(path)
    if suffix in (".html", ".htm"):
        fm, raw = html_to_text(text)
        fm2, raw = split_front_matter(raw) if raw.lstrip().startswith("---") else ({}, raw)
        fm = {**fm2, **fm}
    else:
        fm, raw = split_front_matter(text)
        if not fm:
            fm, raw = split_plain_header(text)
    warnings: list[str] = []
    if date is not None and iso_date(date) is None:
        raise IngestInputError(f"--date {date!r} is not a date", hint="write YYYY-MM-DD")
    if source_url is not None and not re.match(r"^https?://", source_url):
        raise IngestInputError(f"--source-url {source_url!r} must start with http:// or https://")
    # Front matter first; the options fill what it lacks (and a disagreement is reported).
    for key, opt in (("title", title), ("url", source_url), ("date", date)):
        if opt is None:
            continue
        if fm.get(key) not in (None, ""):
            have = iso_date(fm[key]) if key == "date" else str(fm[key])
            want = iso_date(opt) if key == "date" else opt
            if have != want:
                warnings.append(f"front matter {key} {have!r} kept; --{'source-url' if key == 'url' else key} {opt!r} ignored")
        else:
            fm[key] = opt
    if suffix == ".txt" and not fm.get("title"):
        first = next((l.strip() for l in raw.splitlines() if l.strip()), "")
        if first and len(first) <= 80 and not re.search(r"[。；！？]$", first):
            fm["title"] = first
    body, found, removed = clean(raw, fm)
    if not body.strip():
        raise IngestInputError(f"{path}: no article text left after removing page boilerplate",
                               hint="is this the article itself, not an index or a login page?")
    meta = {
        "title": str(fm.get("title") or found.get("title") or "").strip() or None,
        "url": str(fm["url"]).strip() if fm.get("url") else None,
        "outlet": str(fm.get("source") or fm.get("outlet") or found.get("outlet") or "").strip() or None,
        "author": str(fm.get("author") or found.get("author") or "").strip() or None,
        "published": iso_date(fm.get("date") or fm.get("published") or found.get("date")),
        "retrieved": iso_date(fm.get("fetch_date") or fm.get("retrieved")),
        "origin": found.get("origin"),
    }
    if meta["url"] and not re.match(r"^https?://", meta["url"]):
        warnings.append(f"url {meta['url']!r} is not http(s); left out")
        meta["url"] = None
    if not meta["title"]:
        first = body.strip().splitlines()[0]
        meta["title"] = first[:60]
        warnings.append("no title found (front matter, heading or --title); the first line is used")
    if not meta["published"]:
        warnings.append("no publication date found (front matter or --date); observations are dated today — check them")
    body = unicodedata.normalize("NFC", body)
    return Document(str(path), body, split_sentences(body), meta, removed, warnings)
