"""Graph explorer: search, expansion, details with sources, permalink, collapse and undo."""
from __future__ import annotations

from urllib.parse import quote


from playwright.sync_api import expect

from .conftest import csp_violations
from .helpers import api_uri, node_ids, open_explorer, search_and_pick, tid, wait_explorer_idle

FIRM = "北京网藤科技有限公司"
SUBPARK = "通州园"


def test_search_expand_and_source_quote(server, page, shot):
    open_explorer(page, server.url("/"))
    page.fill(tid("search-input"), "通州")
    expect(page.locator(tid("search-result"), has_text=SUBPARK).first).to_be_visible()
    shot(page, "search")
    search_and_pick(page, "通州", SUBPARK)
    tongzhou = api_uri(server, "通州", SUBPARK)
    expect(page.locator(tid("details-node"))).to_have_attribute("data-uri", tongzhou)
    expect(page.locator(tid("group")).first).to_be_visible()
    # properties are shown as text, exactly (test data has notes like `<script>alert(1)</script>`)
    note = server.api(f"/api/node?uri={quote(tongzhou, safe='')}")["node"]["properties"].get("note_en")
    if note:  # the English note, in the (English) page
        expect(page.locator(f'{tid("details-body")} {tid("properties")} tr[data-key="note_en"] td')).to_have_text(note)
    firm = api_uri(server, "网藤", FIRM)
    item = page.locator(f'{tid("group-item")}[data-uri="{firm}"]')
    expect(item).to_be_visible()
    assert firm in node_ids(page)
    shot(page, "expanded")
    item.click()
    details = page.locator(tid("details-node"))
    expect(details).to_have_attribute("data-uri", firm)
    expect(details).to_contain_text(FIRM)  # both names are shown, whatever the language
    expected = [c["quote"]["text"] for c in server.api(f"/api/node?uri={quote(firm, safe='')}")["provenance"]]
    assert expected and any(FIRM in q for q in expected)
    quotes = page.locator(f'{tid("details-sources")} {tid("quote-text")}')
    expect(quotes.first).to_be_visible()
    assert expected[0] in quotes.all_inner_texts()
    expect(page.locator(f'{tid("details-sources")} {tid("source")}').first).to_be_visible()
    shot(page, "firm-details")
    assert not csp_violations(page), csp_violations(page)


def test_click_on_canvas_expands_node(server, page, shot):
    open_explorer(page, server.url("/"))
    search_and_pick(page, "通州", SUBPARK)
    firm = api_uri(server, "网藤", FIRM)
    before = set(node_ids(page))
    pos = page.evaluate(
        "(id) => { const n = window.parkgraphExplorer.cy.getElementById(id); const r = n.renderedPosition();"
        " const b = document.querySelector('[data-testid=canvas]').getBoundingClientRect(); return {x: b.left + r.x, y: b.top + r.y}; }",
        firm)
    page.mouse.click(pos["x"], pos["y"])
    wait_explorer_idle(page)
    expect(page.locator(tid("details-node"))).to_have_attribute("data-uri", firm)
    expect(page.locator(tid("collapse"))).to_be_visible()  # expanded
    after = set(node_ids(page))
    assert before <= after, "expanding must add to the canvas, never replace it"
    assert len(after) > len(before)
    shot(page, "canvas-expanded")


def test_permalink_restores_view(server, page, context, shot):
    open_explorer(page, server.url("/"))
    search_and_pick(page, "通州", SUBPARK)
    firm = api_uri(server, "网藤", FIRM)
    page.locator(f'{tid("group-item")}[data-uri="{firm}"]').click()
    page.click(tid("expand"))
    wait_explorer_idle(page)
    page.uncheck(tid("filter-label-Observation"))
    wait_explorer_idle(page)
    url = page.url
    want = node_ids(page)
    assert "#" in url and len(want) > 3
    shot(page, "before")
    other = context.new_page()
    open_explorer(other, url)
    assert node_ids(other) == want
    expect(other.locator(tid("details-node"))).to_have_attribute("data-uri", firm)
    expect(other.locator(tid("filter-label-Observation"))).not_to_be_checked()
    shot(other, "restored")
    other.reload()
    wait_explorer_idle(other)
    assert node_ids(other) == want
    other.close()


def test_collapse_and_undo(server, page, shot):
    open_explorer(page, server.url("/"))
    search_and_pick(page, "通州", SUBPARK)
    expanded = node_ids(page)
    page.click(tid("collapse"))
    wait_explorer_idle(page)
    collapsed = node_ids(page)
    assert len(collapsed) < len(expanded)
    shot(page, "collapsed")
    page.click(tid("undo"))
    assert node_ids(page) == expanded
    shot(page, "undone")


def test_more_pages_a_group(server, page, shot):
    """The API caps each group; ‘+N more’ fetches the next page (offset=TYPE:dir:N) and adds it."""
    open_explorer(page, server.url("/?limit=1"))
    search_and_pick(page, "通州", SUBPARK)
    more = page.locator(tid("group-more")).first
    expect(more).to_be_visible()
    key = more.get_attribute("data-key")
    group = page.locator(f'{tid("group")}[data-key="{key}"]')
    total = int(group.locator(tid("group-count")).inner_text())
    assert total > 1
    before = set(node_ids(page))
    shot(page, "before-more")
    more.click()
    wait_explorer_idle(page)
    after = set(node_ids(page))
    assert before < after
    assert len(after) - len(before) <= 1
    expect(group.locator(tid("group-item"))).to_have_count(2)
    shot(page, "after-more")


def test_search_text_with_markup_is_escaped(server, page, shot):
    open_explorer(page, server.url("/"))
    evil = '<img src=x onerror=alert(1)> A & B "quoted"'
    page.fill(tid("search-input"), evil)
    status = page.locator(tid("search-status"))
    expect(status).to_contain_text(evil)
    assert page.locator(f'{tid("explorer")} img').count() == 0
    shot(page, "escaped")


def test_repaired_quote_shows_its_note(server, page, shot):
    hits = server.api(f"/api/search?q={quote('中电长城')}")["results"]
    node = next((n for n in hits if n["properties"].get("name_zh") == "中电长城"), None)
    assert node is not None, "the bundled data must hold a repaired quote (enterprise 中电长城)"
    cites = server.api(f"/api/node?uri={quote(node['uri'], safe='')}")["provenance"]
    repaired = [c for c in cites if c["quote"].get("repair_note")]
    assert repaired
    open_explorer(page, server.url(f"/#o=r~{quote(node['uri'], safe='')}&s={quote(node['uri'], safe='')}"))
    details = page.locator(tid("details-sources"))
    note = details.locator(tid("repair-note")).first
    expect(note).to_be_visible()
    expect(note).to_contain_text(repaired[0]["quote"]["repair_note"])
    note.locator("summary").click()
    if repaired[0]["quote"].get("text_as_found"):
        expect(note).to_contain_text(repaired[0]["quote"]["text_as_found"])
    shot(page, "repaired")
