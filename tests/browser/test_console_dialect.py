"""Console and the dialect layer: "ran as" on the embedded engine, refusals naming the equivalent,
Neo4j's column names (long ones shortened, full text on hover), Shift+Enter as a new line,
completion from the engine in use."""
from __future__ import annotations

from playwright.sync_api import expect

from .conftest import csp_violations
from .helpers import open_console, run_query, set_editor, tid

BY_YEAR = "MATCH (e:Event) RETURN substring(toString(e.date), 0, 4) AS year, count(*) ORDER BY year"


def test_translated_query_shows_what_ran(server, page, shot):
    open_console(page, server.url("/console"))
    run_query(page, BY_YEAR)
    expect(page.locator(tid("query-error"))).to_be_hidden()
    page.click(tid("tab-table"))
    headers = page.locator(tid("column-header"))
    expect(headers).to_have_text(["year", "count(*)"])
    first_year = page.locator(f'{tid("result-row")} td').nth(1)
    expect(first_year).to_have_text("1991")  # not '' (a 0-based start on a 1-based engine)
    ran = page.locator(tid("ran-as"))
    if server.backend == "ladybug":
        expect(ran).to_be_visible()
        expect(page.locator(tid("ran-as-text"))).to_contain_text("1, 4)")
    else:
        expect(ran).to_be_hidden()
    shot(page, "ran-as")
    assert not csp_violations(page), csp_violations(page)


def test_refusal_names_the_equivalent(server, page, shot):
    open_console(page, server.url("/console"))
    run_query(page, "MATCH (n:Park)\nRETURN elementId(n)")
    if server.backend == "ladybug":
        err = page.locator(tid("query-error"))
        expect(err).to_be_visible()
        expect(err).to_contain_text("n.uri")
        expect(page.locator(tid("error-position"))).to_contain_text("2")
        shot(page, "refused")
    else:
        expect(page.locator(tid("query-error"))).to_be_hidden()


def test_long_column_name_is_shortened_with_full_text_on_hover(server, page):
    open_console(page, server.url("/console"))
    expr = "coalesce(p.name_en, p.name_zh, p.pinyin, p.uri, 'no name at all')"
    run_query(page, f"MATCH (p:Park) RETURN {expr} ORDER BY p.uri")
    page.click(tid("tab-table"))
    th = page.locator(tid("column-header")).first
    expect(th).to_have_attribute("title", expr)
    text = th.inner_text()
    assert text.endswith("…") and len(text) <= 40 and expr.startswith(text[:-1])


def test_shift_enter_is_a_new_line_and_ctrl_enter_runs(server, page):
    open_console(page, server.url("/console"))
    set_editor(page, "MATCH (p:Park)")
    page.keyboard.press("End")
    page.keyboard.press("Shift+Enter")
    page.keyboard.insert_text("RETURN count(p) AS parks")
    lines = page.locator(f'{tid("editor")} .cm-line')
    expect(lines).to_have_count(2)
    expect(page.locator(tid("result-summary"))).to_have_text("")  # nothing ran
    page.keyboard.press("ControlOrMeta+Enter")
    page.wait_for_selector('[data-testid="console"][data-state="idle"]')
    page.click(tid("tab-table"))
    expect(page.locator(f'{tid("result-row")} td').nth(1)).to_have_text("3")


def test_completion_follows_the_engine(server, page):
    open_console(page, server.url("/console"))
    set_editor(page, "MATCH (n) RETURN ")
    content = page.locator(f"{tid('editor')} .cm-content")
    content.press("End")
    page.keyboard.type("elementI")
    popup = page.locator(f"{tid('editor')} .cm-tooltip-autocomplete")
    if server.backend == "neo4j":
        expect(popup).to_contain_text("elementId")
    else:
        # refused on the embedded engine: not offered (the popup shows nothing of it, or does not open)
        expect(page.locator(f"{tid('editor')} .cm-tooltip-autocomplete li", has_text="elementId")).to_have_count(0)
    page.keyboard.press("Escape")
    for _ in range(len("elementI")):
        page.keyboard.press("Backspace")
    page.keyboard.type("toInteg")
    expect(popup).to_contain_text("toInteger")  # translated on the embedded engine, native on Neo4j


def test_hover_documents_the_function_for_the_engine(server, page):
    open_console(page, server.url("/console"))
    set_editor(page, "MATCH ()-[r]->() RETURN type(r) LIMIT 1")
    line = page.locator(f"{tid('editor')} .cm-line").first
    box = line.bounding_box()
    # hover over the `type` in the line: measure where it starts with a Range over the text node
    x = page.evaluate("""() => {
      const root = document.querySelector('[data-testid=editor]').shadowRoot;
      const walker = document.createTreeWalker(root.querySelector('.cm-content'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.indexOf('type(');
        if (i >= 0) { const r = document.createRange(); r.setStart(n, i + 1); r.setEnd(n, i + 2);
                      const b = r.getBoundingClientRect(); return b.left + b.width / 2; }
      }
      return null; }""")
    assert x is not None
    page.mouse.move(x, box["y"] + box["height"] / 2)
    doc = page.locator(f"{tid('editor')} {tid('function-doc')}")
    expect(doc).to_be_visible()
    if server.backend == "ladybug":
        expect(doc).to_contain_text("label(relationship)")
    else:
        expect(doc).to_contain_text("relationship type")
