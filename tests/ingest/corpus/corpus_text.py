"""The text a gold span points into, for one corpus article.

Front-matter files: exactly what parkgraph.loaders.ingest.document.read_document makes of the file.
Plain-header files (`标题:` / `URL:` / `日期:` / `来源:` lines, then a blank line, then the body):
the body alone, read by read_document — the text a reader that understands header blocks must
produce. Today's reader keeps some header lines in the text (issue #12); the offsets do not depend
on that, because they are counted on the body only (see README.md).
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from parkgraph.loaders.ingest.document import Document, read_document

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"
HEADER_KEYS = ("标题", "URL", "日期", "来源", "作者")
HEADER_RE = re.compile(r"^(%s)\s*[:：]\s*(.*)$" % "|".join(HEADER_KEYS))


def split_plain_header(raw: str) -> tuple[dict, str] | None:
    """(header fields, body) if the file starts with a plain header block, else None."""
    lines = raw.splitlines()
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines) and HEADER_RE.match(lines[i].strip()):
        m = HEADER_RE.match(lines[i].strip())
        fields[m.group(1)] = m.group(2).strip()
        i += 1
    if not fields:
        return None
    return fields, "\n".join(lines[i:]).lstrip("\n") + "\n"


def read(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    if raw.startswith("---"):
        return read_document(path)
    split = split_plain_header(raw)
    assert split is not None, f"{path}: neither front matter nor a plain header block"
    _fields, body = split
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / path.name
        p.write_text(body, encoding="utf-8")
        doc = read_document(p)
    return doc


def sentence_of(doc: Document, a: int, b: int) -> int:
    for s in doc.sentences:
        if s.start <= a and b <= s.end:
            return s.idx
    raise ValueError(f"span [{a}, {b}) {doc.text[a:b]!r} crosses a sentence boundary")
