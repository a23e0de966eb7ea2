"""Dates in an article: the `date-*` rows of loaders/ingest/rules/dates.py find the spans; absolute
dates are normalised here, relative and partial ones (今年3月, 当年1月, 9月5日至11日, 11月底) by
jionlp.parse_time against a base: the article's date, or for 当年/同年 the year the text last named.

jionlp is imported only when such a date occurs (its import takes about 1.3 s and 50 MB)."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import contextlib
import io

from . import gazetteer as gz
from .document import Document
from .model import DateMention
from .normalise import chinese_number
from .rules import RULES

DATE_RULES = [r for r in RULES.values() if r.kind == "date"]
_JIO = None


def jionlp():
    """jionlp, imported on first use, with its banner (printed on import) kept off standard output."""
    global _JIO
    if _JIO is None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp as jio
        _JIO = jio
    return _JIO


@functools.lru_cache(maxsize=4096)
def parse_relative(text: str, base: tuple[int, int, int]) -> tuple[str, str] | None:
    """(start, end) ISO days of a relative or partial date, resolved against `base` (y, m, d)."""
    jio = jionlp()
    text = "".join(text.split())    # jionlp misreads 今年 3 月 with spaces as January
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            r = jio.parse_time(text, time_base={"year": base[0], "month": base[1], "day": base[2]})
    except Exception:   # jionlp raises ValueError (and others) on what it cannot read
        return None
    t = r.get("time") if isinstance(r, dict) else None
    if not t or not isinstance(t, list) or len(t) != 2:
        return None
    return t[0][:10], t[1][:10]


def _ymd(y: int, m: int, d: int | None = None) -> str | None:
    if not (1900 <= y <= 2100 and 1 <= m <= 12):
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _base(pub: str, last_year: int | None, word: str | None) -> tuple[int, int, int] | None:
    if word in ("当年", "同年") and last_year:
        return (last_year, 6, 30)
    if len(pub) >= 10:
        return (int(pub[:4]), int(pub[5:7]), int(pub[8:10]))
    if len(pub) >= 4:   # an article dated to the month or year only: 今年 is still its year
        return (int(pub[:4]), int(pub[5:7]) if len(pub) >= 7 else 6, 15)
    if last_year:
        return (last_year, 6, 30)
    return None


PARTS = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3), "二季度": (4, 6), "三季度": (7, 9),
         "四季度": (10, 12)}
TEN_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}


def _period(name: str, g: tuple, pub: str, last_year: int | None, here: int | None = None) -> tuple[str, str] | None:
    """Months of a year (1-6月), a half or quarter (上半年, 第一季度) or ten days of a month (7月中旬): a
    period, whose point is its end (a figure for 上半年 is as of June) — or, for ten days, its start. Without a
    word of its own it is of the year its sentence named before it (`here`: 2018年…：1—11月), else the article's."""
    if name.startswith("date-y"):
        y, rest = int(g[0]), g[1:]
    else:
        word, rest = g[0], g[1:]
        if not word and here:
            y = here
        elif word in ("当年", "同年") and last_year:
            y = last_year
        elif len(pub) >= 4:
            y = int(pub[:4]) + {"去年": -1, "明年": 1}.get(word or "", 0)
        elif last_year and not word:
            y = last_year
        else:
            return None
    if name in ("date-ym-range", "date-m-range"):
        a, b = _ymd(y, int(rest[0])), _ymd(y, int(rest[1]))
        return (f"{a}/{b}", b) if a and b and a < b else None
    if name in ("date-year-part", "date-part"):
        m0, m1 = PARTS[rest[0].lstrip("第")]
        a, b = _ymd(y, m0), _ymd(y, m1)
        return (f"{a}/{b}", b) if a and b else None
    m = int(rest[0])
    if not 1 <= m <= 12:
        return None
    d0, d1 = TEN_DAYS[rest[1]]
    a, b = _ymd(y, m, d0), _ymd(y, m, min(d1, calendar.monthrange(y, m)[1]))
    return (f"{a}/{b}", a) if a and b else None


def normalise(name: str, g: tuple, text: str, pub: str, last_year: int | None,
              here: int | None = None) -> tuple[str, str] | None:
    """(value, point) of one matched date row, or None when it is not a valid date. `last_year` is the year the
    text last named, `here` the one its sentence named before this date."""
    if name in ("date-ymd", "date-iso"):
        v = _ymd(int(g[0]), int(g[1]), int(g[2]))
        return (v, v) if v else None
    if name == "date-ymd-range":
        y = int(g[0])
        a = _ymd(y, int(g[1]), int(g[2]))
        b = _ymd(y, int(g[3] or g[1]), int(g[4]))
        return (f"{a}/{b}", a) if a and b else None
    if name == "date-md-range":
        base = _base(pub, last_year, None)
        if base is None:
            return None
        r = parse_relative(text, base)
        return (f"{r[0]}/{r[1]}", r[0]) if r else None
    if name == "date-yq-range":
        q0, q1 = ("1234".find(x) + 1 or "一二三四".find(x) + 1 for x in g[1:3])
        a, b = _ymd(int(g[0]), 3 * q0 - 2), _ymd(int(g[0]), 3 * q1)
        return (f"{a}/{b}", b) if a and b and q0 < q1 else None
    if name == "date-year-range":
        return (f"{g[0]}/{g[1]}", g[1]) if int(g[0]) < int(g[1]) else None
    if name in ("date-ym-range", "date-year-part", "date-ym-part", "date-m-range", "date-part", "date-m-part"):
        return _period(name, g, pub, last_year, here)
    if name == "date-ym-end":
        y, m = int(g[0]), int(g[1])
        v = _ymd(y, m, calendar.monthrange(y, m)[1]) if 1 <= m <= 12 else None
        return (v, v) if v else None
    if name == "date-ym":
        v = _ymd(int(g[0]), int(g[1]))
        return (v, v) if v else None
    if name == "date-year-end":
        return (f"{int(g[0]):04d}-12-31",) * 2
    if name == "date-year-start":
        return (f"{int(g[0]):04d}-01",) * 2
    if name == "date-year":
        return (f"{int(g[0]):04d}",) * 2
    if name in ("date-relative", "date-md", "date-md-han"):
        base = _base(pub, last_year, g[0] if name == "date-relative" else None)
        if base is None:
            return None
        if name == "date-relative" and g[0] in ("当年", "同年"):
            text = text.replace(g[0], f"{base[0]}年")
        r = parse_relative(text, base)
        if r is None:
            return None
        has_day = g[2] if name == "date-relative" else g[1]
        v = r[0] if has_day else r[0][:7]
        if name == "date-relative" and g[3]:   # 今年9月底: the month's last day
            y, m = int(v[:4]), int(v[5:7])
            v = _ymd(y, m, calendar.monthrange(y, m)[1]) or v
        return v, v
    if name == "date-this-year":
        if g[0] in ("同年", "当年"):   # the year the text last named, if it named one
            return (str(last_year),) * 2 if last_year else None
        if g[0] == "上年":   # the year before the one the text last named, else before the article's
            base = last_year or (int(pub[:4]) if pub[:4].isdigit() else None)
            return (str(int(base) - 1),) * 2 if base else None
        if len(pub) < 4:
            return None
        v = str(int(pub[:4]) + {"今年": 0, "去年": -1, "明年": 1}[g[0]])
        return v, v
    if name == "date-day-range":
        if len(pub) < 10 or not 1 <= int(g[0]) < int(g[1]) <= int(pub[8:10]):
            return None   # as one day alone: without the article's day, or ending after it, not this month's
        return f"{pub[:7]}-{int(g[0]):02d}/{pub[:7]}-{int(g[1]):02d}", f"{pub[:7]}-{int(g[0]):02d}"
    if name == "date-day":
        if len(pub) < 10 or not 1 <= int(g[0]) <= int(pub[8:10]):
            return None   # without the article's day, or a day after it: not this month's
        v = f"{pub[:7]}-{int(g[0]):02d}"
        return v, v
    if name == "date-plan":
        y0, y1 = gz.FIVE_YEAR_PLANS[g[0]]
        if g[1] == "末":   # “十四五”末: the plan's last year end, as …年底 is (two of three dev golds write 2025-12-31)
            return f"{y1}-12-31", str(y1)
        return f"{y0}/{y1}", str(y0) if g[1] in ("初", "以来") else str(y1)
    if name == "date-plan-document":
        y0, y1 = gz.FIVE_YEAR_PLANS[g[0]]
        return f"{y0}/{y1}", str(y1)
    if name in ("date-congress", "date-congress-party"):
        v = gz.PARTY_CONGRESSES[g[0]]
        return v, v
    if name == "date-month":   # 2020年，…自3月以来: of the year its sentence named before it, else the article's
        if not (here or len(pub) >= 4) or not 1 <= int(g[0]) <= 12:
            return None
        v = f"{here or pub[:4]}-{int(g[0]):02d}"
        return v, v
    if name in ("date-first-months", "date-month-edge"):
        word = g[0] if name == "date-first-months" else None
        if word in ("当年", "同年"):
            y = last_year
        else:
            y = here or (int(pub[:4]) + {"去年": -1, "明年": 1}.get(word or "", 0) if len(pub) >= 4 else last_year)
        n = g[1] if name == "date-first-months" else g[0]
        m = int(n) if n.isdigit() else int(chinese_number(n) or 0)
        if not y or not 1 <= m <= 12:
            return None
        if name == "date-first-months":
            a, b = _ymd(y, 1), _ymd(y, m)
            return (f"{a}/{b}", b) if a and b and m > 1 else None
        v = _ymd(y, m) if g[1] == "初" else _ymd(y, m, calendar.monthrange(y, m)[1])
        return (v, v) if v else None
    if name == "date-today":
        if len(pub) < 10:
            return None
        return pub[:10], pub[:10]
    if name == "date-yesterday":
        if len(pub) < 10:
            return None
        v = (dt.date.fromisoformat(pub[:10]) - dt.timedelta(days=1 if g[0] != "前天" else 2)).isoformat()
        return v, v
    raise KeyError(name)


RELATIVE = ("date-relative", "date-md", "date-md-han", "date-md-range", "date-day", "date-day-range", "date-yesterday",
            "date-this-year", "date-month", "date-today", "date-m-range", "date-part", "date-m-part", "date-first-months",
            "date-month-edge")


def find_dates(doc: Document) -> list[DateMention]:
    pub = doc.meta.get("published") or ""
    out: list[DateMention] = []
    taken = bytearray(len(doc.text))
    last_year: int | None = None       # the year the text last named (for 当年/同年 and dates without a year)
    dateline: str | None = None        # 中新社北京七月三十日电: the day 今天 and 昨日 count from (round blind-o)
    absolute = [r for r in DATE_RULES if r.name not in RELATIVE]
    relative = [r for r in DATE_RULES if r.name in RELATIVE]
    for s in doc.sentences:
        found: list[DateMention] = []
        for rules in (absolute, relative):   # absolute first: a relative date takes the year named before it
            for r in rules:
                for m in r.rx.finditer(s.text):
                    a, b = s.start + m.start(), s.start + m.end()
                    if any(taken[a:b]):
                        continue
                    if s.text.rfind("《", 0, m.start()) > s.text.rfind("》", 0, m.start()):
                        # inside a document title (《…行动计划(2022—2025年)》): part of a name, not a date (round blind-o:
                        # none of the nine such ranges on the dev splits is in the gold)
                        continue
                    here = next((int(d.value[:4]) for d in sorted(found, key=lambda d: -d.start)
                                 if d.end <= a and d.rule not in RELATIVE + ("date-plan", "date-congress", "date-plan-document", "date-congress-party")), None)
                    day = dateline if dateline and r.name in ("date-today", "date-yesterday") else pub
                    res = normalise(r.name, m.groups(), m.group(), day, here or last_year, here)
                    if res is None or not 1900 <= int(res[0][:4]) <= 2100:
                        continue
                    # …电, and a daily's 湖南日报8月26日讯 (round blind-yg, dev-ZZE: 今天 is the 26th, the page the 27th)
                    if s.idx <= 1 and r.name in ("date-md", "date-md-han") and doc.text[b:b + 1] in ("电", "讯"):
                        dateline = res[0]
                    taken[a:b] = b"\x01" * (b - a)
                    found.append(DateMention(a, b, doc.text[a:b], res[0], res[1], s.idx,
                                             "period" if "/" in res[0] else "date", r.name))
        found.sort(key=lambda d: d.start)
        for d in found:
            if d.rule not in RELATIVE + ("date-plan", "date-congress", "date-year-range", "date-plan-document", "date-congress-party"):
                last_year = int(d.value[:4])
        out.extend(found)
    return out
