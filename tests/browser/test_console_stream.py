"""Large console answers: streamed as NDJSON and drawn as the reader scrolls
(web/frontend/src/pages/console/table.js), with the row cap, its notice and the downloads intact."""
from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from .helpers import open_console, run_query, tid


def test_capped_answer_draws_first_rows_then_the_rest_on_scroll(server, page, shot):
    open_console(page, server.url("/console"))
    max_rows = server.api("/api/info")["max_rows"]
    page.click(tid("tab-table"))
    run_query(page, f"UNWIND range(1, {max_rows + 5}) AS i RETURN i, i * 2 AS twice")
    expect(page.locator(tid("truncated"))).to_contain_text(str(max_rows))
    rows = page.locator(tid("result-row"))
    expect(rows.first).to_be_visible()
    first = rows.count()
    assert 0 < first < max_rows, "the first screen must not build every row"
    assert page.evaluate("window.parkgraphConsole.result().rows.length") == max_rows
    shot(page, "first-rows")
    # scrolling to the end draws the rest, in order, up to the cap
    for _ in range(40):
        if rows.count() >= max_rows:
            break
        page.locator(tid("result-table")).evaluate("(el) => { el.scrollTop = el.scrollHeight; }")
        page.wait_for_timeout(50)
    expect(rows).to_have_count(max_rows)
    expect(rows.last.locator("td").nth(1)).to_have_text(str(max_rows))
    shot(page, "scrolled")
    # downloads hold every row, drawn or not
    with page.expect_download() as dl:
        page.click(tid("download-csv"))
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    body = list(csv.reader(io.StringIO(text)))
    assert body[0] == ["i", "twice"] and len(body) == max_rows + 1 and body[-1] == [str(max_rows), str(2 * max_rows)]
    page.click(tid("tab-json"))
    assert page.evaluate("window.parkgraphConsole.result().rows.at(-1)") == [max_rows, 2 * max_rows]
    expect(page.locator(tid("result-json"))).to_contain_text(str(2 * max_rows))


def test_stream_endpoint_sends_head_then_batches(server):
    import json
    import urllib.request
    req = urllib.request.Request(server.url("/api/query"), method="POST",
                                 data=json.dumps({"query": "UNWIND range(1, 250) AS i RETURN i"}).encode(),
                                 headers={"Content-Type": "application/json", "Accept": "application/x-ndjson"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.headers["Content-Type"].startswith("application/x-ndjson")
        lines = [json.loads(x) for x in r.read().decode().splitlines() if x.strip()]
    head, *batches = lines
    assert head["columns"] == ["i"] and head["row_count"] == 250 and "rows" not in head
    assert [len(b["rows"]) for b in batches] == [100, 100, 50]
    assert [row[0] for b in batches for row in b["rows"]] == list(range(1, 251))


def test_stream_endpoint_errors_are_the_usual_json(server):
    import json
    import urllib.error
    import urllib.request
    req = urllib.request.Request(server.url("/api/query"), method="POST",
                                 data=json.dumps({"query": "CREATE (n:Park {uri: 'x'})"}).encode(),
                                 headers={"Content-Type": "application/json", "Accept": "application/x-ndjson"})
    try:
        urllib.request.urlopen(req, timeout=30)
        raise AssertionError("a write was accepted")
    except urllib.error.HTTPError as e:
        assert e.code == 403
        body = json.loads(e.read().decode())
        assert "read-only" in body["message"]
