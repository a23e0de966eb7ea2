"""The explorer's Analysis panel: two entities chosen in search boxes, the paths between them drawn on
the canvas with each hop's sources listed, centrality, communities coloured on the canvas, exports."""
from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import expect

from .conftest import _get_json, csp_violations
from .helpers import api_uri, open_explorer, tid, wait_explorer_idle

FIRM = "北京网藤科技有限公司"
SUBPARK = "通州园"
PARK = "国家网络安全产业园区（北京）"

CANVAS_PATH_EDGES = """() => window.parkgraphExplorer.cy.edges('.analysis-path').map(e =>
    ({id: e.id(), source: e.source().id(), target: e.target().id(), type: e.data('type')}))"""


def analytics(server, path: str):
    """An /api/analytics answer; it reads the whole projection, so it gets longer than the 5 s of server.api."""
    return _get_json(server.url(path), timeout=120)


def wait_analysis(page) -> None:
    """The explorer idle again after an analysis (as above: longer than the page's 20 s default)."""
    page.wait_for_selector('[data-testid="explorer"][data-ready="true"][data-state="idle"]', timeout=120_000)


def choose(page, which: str, text: str, name: str, uri: str) -> None:
    page.fill(tid(f"{which}-input"), text)
    page.locator(f'{tid(f"{which}-result")}[data-uri="{uri}"]', has_text=name).click()
    expect(page.locator(tid(f"{which}-chosen"))).to_have_attribute("data-uri", uri)


def open_analysis(page, server) -> None:
    open_explorer(page, server.url("/"))
    page.click(tid("tab-analysis"))
    expect(page.locator(tid("analysis-body"))).to_be_visible()


def test_paths_drawn_on_canvas_with_each_hop_source(server, page, shot):
    firm, park = api_uri(server, "网藤", FIRM), api_uri(server, "网络安全产业园区", PARK)
    tongzhou = api_uri(server, "通州", SUBPARK)
    open_analysis(page, server)
    choose(page, "analysis-from", "网藤", FIRM, firm)
    choose(page, "analysis-to", "网络安全产业园区", PARK, park)
    page.fill(tid("analysis-k"), "2")
    shot(page, "chosen")
    page.click(tid("analysis-run"))
    wait_analysis(page)
    cards = page.locator(tid("analysis-path"))
    expect(cards.first).to_be_visible()
    want = analytics(server, f"/api/analytics/paths?from={quote(firm, safe='')}&to={quote(park, safe='')}&k=2")["paths"]
    assert want and cards.count() == len(want)
    # the shortest path is the example: the firm is in Tongzhou, a sub-park of the Beijing park
    assert [n["uri"] for n in want[0]["nodes"]] == [firm, tongzhou, park]

    # drawn: every node of every path on the canvas, every relationship of every hop a highlighted
    # edge between the right two nodes with its type
    on_canvas = set(page.evaluate("window.parkgraphExplorer.nodeIds()"))
    assert {n["uri"] for p in want for n in p["nodes"]} <= on_canvas
    drawn = {e["id"]: e for e in page.evaluate(CANVAS_PATH_EDGES)}
    rels = [r for p in want for hop in p["hops"] for r in hop["relationships"]]
    assert set(drawn) == {r["uri"] for r in rels}
    for r in rels:
        assert (drawn[r["uri"]]["source"], drawn[r["uri"]]["target"], drawn[r["uri"]]["type"]) == (r["from"], r["to"], r["type"])
    assert set(page.evaluate("window.parkgraphAnalysis.pathNodeIds()")) == {n["uri"] for p in want for n in p["nodes"]}

    # listed: each hop's relationship type and its sources (quote text and source title), and the
    # sentence in both languages
    first = cards.first
    expect(first.locator(tid("analysis-explanation"))).to_have_text(want[0]["explanation"]["en"])
    expect(first).to_contain_text(want[0]["explanation"]["zh"])
    for r in (r for hop in want[0]["hops"] for r in hop["relationships"]):
        assert r["sources"], f"{r['uri']} has no sources"
        box = first.locator(f'{tid("analysis-hop-rel")}[data-uri="{r["uri"]}"]')
        expect(box).to_contain_text(r["type"])
        quotes = box.locator(tid("quote-text")).all_inner_texts()
        assert quotes == [c["quote"]["text"] for c in r["sources"]]
        titles = box.locator(f'{tid("source")} .source-title').all_inner_texts()
        assert titles == [c["source"].get("title") or c["source"].get("name_en") or c["source"]["uri"] for c in r["sources"]]
    shot(page, "paths")
    # in Chinese the panel leads with the Chinese sentence and names the relationship types in Chinese
    page.click(tid("lang-zh"))
    expect(first.locator(tid("analysis-explanation"))).to_have_text(want[0]["explanation"]["zh"])
    expect(page.locator(tid("tab-analysis"))).to_have_text("网络分析")

    # a click on a drawn node shows its details (the explorer's panel) with its sources
    pos = page.evaluate(
        "(id) => { const n = window.parkgraphExplorer.cy.getElementById(id); const r = n.renderedPosition();"
        " const b = document.querySelector('[data-testid=canvas]').getBoundingClientRect(); return {x: b.left + r.x, y: b.top + r.y}; }",
        tongzhou)
    page.mouse.click(pos["x"], pos["y"])
    wait_explorer_idle(page)
    expect(page.locator(tid("details-node"))).to_have_attribute("data-uri", tongzhou)
    assert not csp_violations(page), csp_violations(page)


def test_graph_at_a_date_leaves_later_facts_out_of_paths(server, page):
    firm, park = api_uri(server, "网藤", FIRM), api_uri(server, "网络安全产业园区", PARK)
    open_analysis(page, server)
    choose(page, "analysis-from", "网藤", FIRM, firm)
    choose(page, "analysis-to", "网络安全产业园区", PARK, park)
    page.fill(tid("analysis-at"), "1990")
    page.click(tid("analysis-run"))
    wait_analysis(page)
    want = analytics(server, f"/api/analytics/paths?from={quote(firm, safe='')}&to={quote(park, safe='')}&k=3&at=1990")
    assert want["computed_on"]["at"] == "1990"
    expect(page.locator(tid("analysis-computed-on"))).to_contain_text("1990")
    expect(page.locator(tid("analysis-path"))).to_have_count(len(want["paths"]))
    dated = [r for p in want["paths"] for hop in p["hops"] for r in hop["relationships"] if r.get("since")]
    assert all(r["since"][:4] <= "1990" for r in dated)


def test_centrality_communities_and_exports(server, page, shot):
    open_analysis(page, server)
    page.select_option(tid("analysis-measure"), "pagerank")
    page.select_option(tid("analysis-kind"), "Enterprise")
    page.click(tid("analysis-centrality-run"))
    wait_analysis(page)
    want = analytics(server, "/api/analytics/centrality?measure=pagerank&kind=Enterprise&top=10")["top"]
    items = page.locator(tid("analysis-central"))
    expect(items).to_have_count(len(want))
    assert [items.nth(i).get_attribute("data-uri") for i in range(len(want))] == [n["uri"] for n in want]

    # the top enterprise onto the canvas, then colour by community: nodes of one community share a colour
    items.first.locator("button").click()
    wait_explorer_idle(page)
    page.click(tid("tab-analysis"))
    page.click(tid("analysis-communities-run"))
    wait_analysis(page)
    comms = analytics(server, "/api/analytics/communities")["communities"]
    index = {m["uri"]: i for i, c in enumerate(comms) for m in c["members"]}
    colours = page.evaluate("() => window.parkgraphExplorer.cy.nodes().map(n => [n.id(), n.data('community'), n.style('background-color')])")
    assert colours
    by_comm: dict[int, set[str]] = {}
    for uri, comm, colour in colours:
        assert comm == index.get(uri), uri
        if comm is not None and comm < 12:
            by_comm.setdefault(comm, set()).add(colour)
    assert by_comm and all(len(c) == 1 for c in by_comm.values())
    if len(by_comm) > 1:
        assert len({next(iter(c)) for c in by_comm.values()}) == len(by_comm)
    expect(page.locator(tid("analysis-community")).first).to_be_visible()
    shot(page, "communities")

    # downloads follow the date and types chosen, and give files Gephi reads
    page.fill(tid("analysis-at"), "2020")
    href = page.locator(tid("analysis-export-gexf")).get_attribute("href")
    assert href.startswith("/api/analytics/export?") and "format=gexf" in href and "at=2020" in href
    r = page.request.get(server.url(href))
    assert r.ok and b"<gexf" in r.body()
    with page.expect_download() as dl:
        page.click(tid("analysis-export-edges"))
    path = dl.value.path()
    with open(path, encoding="utf-8") as fh:
        assert fh.readline().startswith("Source,Target,Type,Id,rel_type")
