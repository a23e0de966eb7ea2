"""Entity pages: names, sources, relations by type, and the observations chart of a park."""
from __future__ import annotations

import re
from urllib.parse import quote

from playwright.sync_api import expect

from .conftest import csp_violations
from .helpers import api_uri, tid


def open_entity(page, url):
    page.goto(url)
    page.wait_for_selector('[data-testid="entity"][data-state="ready"]')


def test_beijing_park_page_shows_subparks_and_chart(server, page, shot):
    open_entity(page, server.url("/id/park/beijing"))
    expect(page.locator(tid("entity-name"))).to_contain_text("Beijing")
    expect(page.locator(tid("entity-name-secondary"))).to_contain_text("北京")
    subparks = page.locator(f'{tid("relation-group")}[data-type="PART_OF"][data-direction="in"] {tid("relation-item")}')
    assert subparks.count() >= 2
    expect(page.locator(f'{tid("relation-item")}[data-uri$="/subpark/haidian"]')).to_contain_text("海淀园")
    expect(page.locator(f'{tid("relation-item")}[data-uri$="/subpark/tongzhou"]')).to_contain_text("通州园")
    shot(page, "top")
    chart = page.locator(tid("chart-svg")).first
    expect(chart).to_be_visible()
    points = page.locator(tid("chart-point"))
    assert points.count() >= 1
    href = points.first.get_attribute("href")
    assert href and (href.startswith("http") or href.startswith("/id/"))
    rows = page.locator(tid("observation-row"))
    assert rows.count() == points.count() or rows.count() >= points.count()
    expect(page.locator(f'{tid("entity-sources")} {tid("citation")}').first).to_be_visible()
    chart.scroll_into_view_if_needed()
    shot(page, "chart")
    page.locator(tid("entity-observations-section")).scroll_into_view_if_needed()
    shot(page, "observations")
    assert not csp_violations(page), csp_violations(page)
    page.click(tid("open-explorer"))
    page.wait_for_selector('[data-testid="explorer"][data-ready="true"][data-state="idle"]')
    expect(page.locator(tid("details-node"))).to_have_attribute("data-uri", re.compile(r"/park/beijing$"))
    assert len(page.evaluate("window.parkgraphExplorer.nodeIds()")) > 1
    shot(page, "open-in-explorer")


def test_subpark_page_and_targets_drawn_differently(server, page, shot):
    open_entity(page, server.url("/id/subpark/tongzhou"))
    expect(page.locator(tid("entity-name"))).to_contain_text("Tongzhou")
    part_of = page.locator(f'{tid("relation-group")}[data-type="PART_OF"][data-direction="out"]')
    expect(part_of).to_contain_text("Beijing")
    statuses = set(page.locator(tid("chart-point")).evaluate_all("els => els.map(e => e.dataset.status)"))
    if "target" in statuses:  # targets are hollow, actuals filled
        fill = page.locator(f'{tid("chart-point")}[data-status="target"] circle').first.get_attribute("fill")
        assert fill == "#ffffff"
    if "actual" in statuses:
        fill = page.locator(f'{tid("chart-point")}[data-status="actual"] circle').first.get_attribute("fill")
        assert fill != "#ffffff"
    shot(page, "subpark")


def test_unknown_entity_is_404(server, page):
    res = page.goto(server.url("/id/park/no-such-park"))
    assert res.status == 404


# ---------------------------------------------------------------- wave 2: statuses, dates, zh mode
ENGLISH_SENTENCE = re.compile(r"[A-Za-z][A-Za-z'’-]+(?:[ ,]+[A-Za-z][A-Za-z'’-]+){2,}")
RESEARCH_ID = re.compile(r"\bS\d{2}\b|brief_crosscheck|not_found|research notes")
# text that is a proper name, a title or the source's own words: not checked for English
NAME_PARTS = (".name-primary, .name-secondary, .entity-title, .entity-subtitle, .entity-kicker, .source-title, "
              ".source-meta, .source-link, blockquote, code, .aliases, .chip, .as-found, "
              'tr[data-key="title"], tr[data-key="outlet"], tr[data-key="author"], tr[data-key="url"], '
              'tr[data-key="website"], tr[data-key="aliases"], tr[data-key="credit_code"], tr[data-key="doc_number"]')


def _set_lang(page, server, which: str) -> None:
    page.goto(server.url("/id/park/beijing"))
    page.evaluate(f"localStorage.setItem('parkgraph.lang', '{which}')")


def _checked_text(page, container: str) -> str:
    """Text of `container` without the proper names, titles and quotes inside it."""
    return page.locator(container).first.evaluate(
        "(el, sel) => { const c = el.cloneNode(true); c.querySelectorAll(sel).forEach(x => x.remove());"
        " c.querySelectorAll('title').forEach(x => x.remove()); return c.innerText || c.textContent; }", NAME_PARTS)


def _forecast_observations(server) -> list[tuple[str, str]]:
    """(observation uri, subject uri) of every forecast/estimate/plan among the parks and sub-parks."""
    out = []
    for q in ("园", "park"):
        for n in server.api(f"/api/search?q={quote(q)}&limit=50")["results"]:
            if n["labels"][0] not in ("Park", "SubPark"):
                continue
            for o in server.api(f"/api/entity?uri={quote(n['uri'])}")["observations"]:
                if o["status"] in ("forecast", "estimate", "plan"):
                    out.append((o["uri"], n["uri"], o["status"]))
    return list(dict.fromkeys(out))


def test_a_forecast_is_not_labelled_actual(server, page, shot):
    found = _forecast_observations(server)
    assert found, "the data has no forecast, estimate or plan among the parks' statistics"
    schema = server.api("/api/schema")["values"]["status"]
    for which in ("zh", "en"):
        _set_lang(page, server, which)
        for obs, subject, status in found[:4]:
            open_entity(page, server.url("/id/" + subject.split("/id/", 1)[1]))
            row = page.locator(f'{tid("observation-row")}[data-uri="{obs}"]')
            cell = row.locator(tid("observation-status"))
            expect(cell).to_have_text(schema[status][which])
            assert cell.inner_text() != schema["actual"][which]
            point = page.locator(f'{tid("chart-point")}[data-uri="{obs}"]')
            if point.count():  # numeric: drawn with its own hollow mark, never the filled actual circle
                assert point.first.get_attribute("data-status") == status
                mark = point.first.locator(f".point-{status}")
                assert mark.count() == 1 and mark.get_attribute("fill") == "#ffffff"
                expect(page.locator(f'{tid("chart-status-legend")} li[data-status="{status}"]').first).to_have_text(
                    re.compile(re.escape(schema[status][which])))
        shot(page, f"forecast-{which}")


def _sample(server) -> list[str]:
    """A sample of entities of every kind: parks and sub-parks, firms, institutions, and the
    observations and sources behind the Beijing park."""
    uris: list[str] = []
    for q in ("园", "安全", "大学", "信息", "揭牌", "政策"):
        for n in server.api(f"/api/search?q={quote(q)}&limit=50")["results"][:4]:
            uris.append(n["uri"])
    beijing = server.api("/api/entity?uri=" + quote(api_uri(server, "北京", "国家网络安全产业园区（北京）")))
    uris += [o["uri"] for o in beijing["observations"][:4]]
    uris += [c["source"]["uri"] for c in beijing["provenance"][:2]]
    return list(dict.fromkeys(uris))


def test_zh_mode_shows_no_english_sentence_and_no_research_id(server, page, shot):
    _set_lang(page, server, "zh")
    sample = _sample(server)
    assert len(sample) >= 12
    problems = []
    for uri in sample:
        open_entity(page, server.url("/id/" + uri.split("/id/", 1)[1]))
        for part in ("entity-properties", "relations", "entity-observations-section", "entity-sources"):
            text = _checked_text(page, tid(part))
            for m in ENGLISH_SENTENCE.finditer(text):
                problems.append(f"{uri} {part}: English “{m.group()}”")
        full = page.locator(tid("entity")).inner_text()
        for m in RESEARCH_ID.finditer(full):
            problems.append(f"{uri}: research id “{m.group()}”")
    # the explorer's details panel of a few of them
    for uri in sample[:5]:
        open_entity(page, server.url("/id/" + uri.split("/id/", 1)[1]))
        page.click(tid("open-explorer"))
        page.wait_for_selector('[data-testid="explorer"][data-ready="true"][data-state="idle"]')
        text = _checked_text(page, tid("details-node"))
        problems += [f"{uri} details: English “{m.group()}”" for m in ENGLISH_SENTENCE.finditer(text)]
        problems += [f"{uri} details: research id “{m.group()}”" for m in RESEARCH_ID.finditer(page.locator(tid("details-node")).inner_text())]
    shot(page, "zh-details")
    assert not problems, "\n".join(problems[:40])


def test_dates_and_values_are_written_as_each_language_writes_them(server, page, shot):
    """Each as-of date at its precision (2019年 / 2019, 2022年5月 / May 2022) and each qualified value
    as Chinese (8.5万余人, 100多家, 超过1000亿元) and English (over 85,000 people, 100+) write it."""
    for which in ("zh", "en"):
        _set_lang(page, server, which)
        open_entity(page, server.url("/id/park/beijing"))
        for row in page.locator(tid("observation-row")).all()[:30]:
            uri = row.get_attribute("data-uri")
            o = server.api(f"/api/node?uri={quote(uri)}")
            p = o["properties"] if "properties" in o else o["node"]["properties"]
            as_of = row.locator(tid("observation-as-of")).inner_text()
            p = p if "as_of" in p else {}
            if not p.get("as_of"):
                continue
            y, *rest = p["as_of"].split("-")
            if which == "zh":
                want = f"{y}年" + (f"{int(rest[0])}月" if rest else "") + (f"{int(rest[1])}日" if len(rest) > 1 else "")
            else:
                months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
                want = (f"{int(rest[1])} " if len(rest) > 1 else "") + (f"{months[int(rest[0]) - 1]} " if rest else "") + y
            assert as_of.startswith(want), (uri, p["as_of"], as_of, want)
            value = row.locator(tid("observation-value")).inner_text()
            if p.get("value") is not None:
                assert value == written(p, which), (uri, p, value)
        shot(page, f"values-{which}")


# How each language writes a qualified figure: the rules of the issue, spelled out independently of
# the front end's code (qualifier placement, 万 for counts from ten thousand, English multipliers).
ZH_BEFORE = {"超过", "约", "近", "不少于", "累计", "达", "不到"}
EN_QUAL = {"超过": "over", "余": "over", "多": "+", "约": "about", "近": "nearly", "不少于": "at least", "以上": "or more",
           "累计": "a cumulative", "达": "reaching", "不到": "under"}
EN_UNIT = {"家": (1, ""), "个": (1, ""), "人": (1, "people"), "名": (1, "people"), "项": (1, "items"), "件": (1, "items"),
           "元": (1, "yuan"), "万元": (1e4, "yuan"), "亿元": (1e8, "yuan"), "万亿元": (1e12, "yuan"), "万㎡": (1e4, "m²"),
           "㎡": (1, "m²"), "亩": (1, "mu"), "公顷": (1, "hectares"), "平方公里": (1, "km²"), "%": (1, "%"), "倍": (1, "times"),
           "年": (1, "years"), "期": (1, "phases"), "次": (1, "times")}


def _g(v: float) -> str:
    return f"{round(v, 4):f}".rstrip("0").rstrip(".")


def written(p: dict, which: str) -> str:
    v, unit, q = p["value"], p.get("unit") or "", p.get("qualifier") or ""
    if which == "zh":
        n = f"{_g(v / 1e4)}万" if unit in {"人", "名", "家", "个", "项", "件", "次"} and abs(v) >= 1e4 else _g(v)
        if q in ("余", "多"):
            return f"{n}{q}{unit}"          # 8.5万余人, 100多家
        if q == "以上":
            return f"{n}{unit}{q}"          # 100家以上
        return f"{q}{n}{unit}"              # 超过1000亿元
    mult, word = EN_UNIT.get(unit, (1, unit))
    x = v * mult
    n = (f"{_g(x / 1e12)} trillion" if abs(x) >= 1e12 else f"{_g(x / 1e9)} billion" if abs(x) >= 1e9
         else f"{_g(x / 1e6)} million" if abs(x) >= 1e6 else f"{x:,.4f}".rstrip("0").rstrip("."))
    tail = "%" if word == "%" else f" {word}" if word else ""
    if q == "多":
        return f"{n}+{tail}"                # 100+
    if q == "以上":
        return f"{n}{tail} or more"
    return f"{EN_QUAL[q]} {n}{tail}" if q else f"{n}{tail}"   # over 85,000 people


def test_the_writing_rules_match_the_issue_examples():
    assert written({"value": 85000, "unit": "人", "qualifier": "余"}, "zh") == "8.5万余人"
    assert written({"value": 100, "unit": "家", "qualifier": "多"}, "zh") == "100多家"
    assert written({"value": 1000, "unit": "亿元", "qualifier": "超过"}, "zh") == "超过1000亿元"
    assert written({"value": 85000, "unit": "人", "qualifier": "余"}, "en") == "over 85,000 people"
    assert written({"value": 100, "unit": "家", "qualifier": "多"}, "en") == "100+"
    assert written({"value": 1000, "unit": "亿元", "qualifier": "超过"}, "en") == "over 100 billion yuan"
