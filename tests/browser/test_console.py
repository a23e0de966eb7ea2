"""Cypher console: results as table and graph, read-only refusal, error positions, history, escaping."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from .conftest import csp_violations
from .helpers import open_console, run_query, tid

SUBPARKS = "MATCH (s:SubPark)-[r:PART_OF]->(p:Park) RETURN s, r, p"


def test_query_shows_table_and_graph(server, page, shot):
    open_console(page, server.url("/console"))
    expect(page.locator(tid("engine-text"))).to_contain_text(server.api("/api/info")["engine"])
    expect(page.locator(tid("readonly-note"))).to_be_visible()
    expect(page.locator(tid("example")).first).to_be_visible()
    run_query(page, SUBPARKS)
    expect(page.locator(tid("query-error"))).to_be_hidden()
    # nodes in the result: the graph tab opens first and draws them
    graph = page.locator(tid("result-graph"))
    expect(graph).to_be_visible()
    expect(graph.locator(tid("graph-canvas"))).to_be_visible()
    assert int(graph.get_attribute("data-nodes")) >= 2
    assert int(graph.get_attribute("data-edges")) >= 1
    shot(page, "graph")
    page.click(tid("tab-table"))
    rows = page.locator(f'{tid("result-table")} {tid("result-row")}')
    expect(rows.first).to_be_visible()
    assert rows.count() >= 1
    expect(page.locator(tid("result-table"))).to_contain_text("PART_OF")
    shot(page, "table")
    page.click(tid("tab-json"))
    expect(page.locator(tid("result-json"))).to_contain_text('"columns"')
    with page.expect_download() as dl:
        page.click(tid("download-csv"))
    assert dl.value.suggested_filename.endswith(".csv")
    assert not csp_violations(page), csp_violations(page)


def test_write_query_is_refused(server, page, shot):
    open_console(page, server.url("/console"))
    run_query(page, "CREATE (n:Park {uri: 'https://example.org/x'}) RETURN n")
    err = page.locator(tid("query-error"))
    expect(err).to_be_visible()
    expect(err).to_have_attribute("data-status", "403")
    expect(err).to_contain_text("read-only")
    shot(page, "refused")
    # nothing was written
    run_query(page, "MATCH (n:Park) WHERE n.uri = 'https://example.org/x' RETURN count(n) AS c")
    page.click(tid("tab-table"))
    expect(page.locator(f'{tid("result-row")} td').nth(1)).to_have_text("0")


def test_syntax_error_shows_position(server, page, shot):
    open_console(page, server.url("/console"))
    run_query(page, "MATCH (n:Park)\nRETURN n LIMT 3")
    err = page.locator(tid("query-error"))
    expect(err).to_be_visible()
    expect(err).to_have_attribute("data-status", "400")
    expect(page.locator(tid("error-position"))).to_contain_text("line 2")
    # the position is marked in the editor
    expect(page.locator(f'{tid("editor")} .cm-query-error-line')).to_have_count(1)
    shot(page, "syntax-error")


def test_truncation_notice_and_history(server, page, shot):
    open_console(page, server.url("/console"))
    max_rows = server.api("/api/info")["max_rows"]
    run_query(page, f"UNWIND range(1, {max_rows + 5}) AS i RETURN i")
    notice = page.locator(tid("truncated"))
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(str(max_rows))
    shot(page, "truncated")
    page.reload()
    page.wait_for_selector('[data-testid="console"][data-ready="true"]')
    page.click(tid("tab-history"))
    first = page.locator(tid("history-item")).first
    expect(first).to_contain_text("UNWIND range(1,")
    shot(page, "history")


def test_markup_in_results_is_text(server, page, shot):
    open_console(page, server.url("/console"))
    run_query(page, "RETURN '<script>alert(1)</script>' AS x, 'A & B \"quoted\"' AS y, '<img src=x onerror=alert(2)>' AS z")
    page.click(tid("tab-table"))
    cells = page.locator(f'{tid("result-row")} td')
    expect(cells.nth(1)).to_have_text("<script>alert(1)</script>")
    expect(cells.nth(2)).to_have_text('A & B "quoted"')
    expect(cells.nth(3)).to_have_text("<img src=x onerror=alert(2)>")
    assert page.locator(f'{tid("result-table")} script, {tid("result-table")} img').count() == 0
    shot(page, "escaped")


def test_example_with_parameters(server, page, shot):
    open_console(page, server.url("/console"))
    examples = server.api("/api/examples")["examples"]
    with_params = [e for e in examples if e.get("params")]
    assert with_params, "the examples should include one with parameters"
    ex = with_params[0]
    page.locator(f'{tid("example")}[data-id="{ex["id"]}"]').click()
    expect(page.locator(tid("params-panel"))).to_be_visible()
    for key in ex["params"]:
        expect(page.locator(tid("params"))).to_have_value(re.compile(re.escape(f'"{key}"')))
    page.click(tid("run"))
    page.wait_for_selector('[data-testid="console"][data-state="idle"] [data-testid="result-summary"]:not(:empty)')
    expect(page.locator(tid("query-error"))).to_be_hidden()
    page.click(tid("tab-table"))
    expect(page.locator(tid("result-row")).first).to_be_visible()
    shot(page, "example")
    # invalid parameters are caught before anything is sent
    page.fill(tid("params"), "{not json")
    page.click(tid("run"))
    expect(page.locator(tid("params-error"))).to_be_visible()
