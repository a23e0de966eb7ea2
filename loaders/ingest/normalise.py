"""The text the rules read: traditional characters as simplified (OpenCC's t2s), full-width digits
as ASCII and ASCII punctuation beside Chinese as full-width, one character for one, so that every
offset the extractor gives points into the article as written (rows `norm-*`,
loaders/ingest/rules/normalise.py).

Why OpenCC: it is the reference converter (the `opencc` package is its own Python binding, a
maintained wheel with its dictionaries); zhconv and hanziconv were the alternatives. Its t2s leaves
simplified text as it is (the corpus articles, the seed and every simplified data/ name come out
unchanged), so it runs on every article. Its phrase tables could in principle change a length; then
the text is converted a character at a time, which keeps the offsets.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from .document import Document, Sentence
from .model import Extraction
from .rules import rx

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FULLWIDTH_PUNCT = dict(zip(",;:?!()", "，；：？！（）"))
# Variants the Table of General Standard Chinese Characters (通用规范汉字表, 2013) made standard again, most for
# names and places (明昇集团, 喆, 堃), which OpenCC's t2s still maps to another character (昇 → 升): kept as
# written, so a simplified article is read unchanged (round blind-j: 明昇集团 became 明升集团). The 2013 table's
# adjustments as listed in public summaries of it (six made standard outright, the rest for names and places).
STANDARD_VARIANTS = frozenset("皙瞋噘蹚凓勠迺桠耑钜昇陞甯飏袷麹仝甦喆淼邨堃")


@functools.lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC
    return OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified characters, of the same length (a character for a character)."""
    if not re.search(r"[\u3400-\u9fff]", text):
        return text
    out = _t2s().convert(text)
    if len(out) != len(text):
        out = "".join(c if len(c := _t2s().convert(ch)) == 1 else ch for ch in text)
    if STANDARD_VARIANTS.intersection(text):
        out = "".join(t if t in STANDARD_VARIANTS else o for t, o in zip(text, out))
    return out


def normalised(text: str) -> tuple[str, list[str]]:
    """The text the rules read and the rows that changed it."""
    rows = []
    out = simplified(text)
    if out != text:
        rows.append("norm-traditional")
    if rx("norm-fullwidth-digit").search(out):
        out = out.translate(FULLWIDTH_DIGITS)
        rows.append("norm-fullwidth-digit")
    if rx("norm-ascii-punct").search(out):
        new = rx("norm-ascii-punct").sub(lambda m: _fullwidth(m, out), out)
        if new != out:
            out = new
            rows.append("norm-ascii-punct")
    return out, rows


def _fullwidth(m: re.Match, text: str) -> str:
    if m.group(1) is None:
        return FULLWIDTH_PUNCT[m.group()]
    # a pair: （海淀） when the parentheses hold or touch Chinese; (2,003.50) or (B) alone stays
    near = text[max(0, m.start() - 1):m.start()] + m.group(1) + text[m.end():m.end() + 1]
    return f"（{m.group(1)}）" if re.search(r"[\u3400-\u9fff]", near) else m.group()


def view(doc: Document) -> tuple[Document, list[str]]:
    """A Document with the normalised text and the same sentences and offsets (`doc` itself when
    nothing changes)."""
    text, rows = normalised(doc.text)
    if not rows:
        return doc, []
    sents = [Sentence(s.idx, s.start, s.end, text[s.start:s.end], s.para) for s in doc.sentences]
    meta = {k: normalised(v)[0] if k == "title" and isinstance(v, str) else v for k, v in doc.meta.items()}
    return replace(doc, text=text, sentences=sents, meta=meta), rows


def restore(ex: Extraction, doc: Document, rows: list[str]) -> Extraction:
    """The extraction made from the normalised view, handed back on the article as written: the
    document, and each mention's and date's text (names to link stay as read: 长沙市, not 長沙市)."""
    for m in ex.mentions + [m for p in ex.entities.values() for m in p.mentions]:
        m.text = doc.text[m.start:m.end]
    for d in ex.dates:
        d.text = doc.text[d.start:d.end]
    ex.doc = doc
    ex.normalised = rows
    return ex


def chinese_number(s: str) -> float | None:
    """三 → 3, 二十五 → 25, 十一 → 11 (cn2an; None when it is not a number): figures (三个分园) and months (十一月底)."""
    import cn2an
    try:
        return float(cn2an.cn2an(s, "normal"))
    except (ValueError, KeyError, TypeError):
        return None
