"""Explorer undo, kept as differences (web/frontend/src/pages/explorer/undo.js): every step of a
session undone in turn gives back exactly the canvas, filters and address it had before that step;
a permalink with a removed node replays the removal."""
from __future__ import annotations

from playwright.sync_api import expect

from .helpers import api_uri, node_ids, open_explorer, search_and_pick, tid, wait_explorer_idle

FIRM = "北京网藤科技有限公司"
SUBPARK = "通州园"


def _view(page) -> dict:
    return {"nodes": node_ids(page), "edges": page.evaluate("window.parkgraphExplorer.edgeIds()"),
            "hash": page.evaluate("location.hash"),
            "observation": page.locator(tid("filter-label-Observation")).is_checked()}


def test_each_step_undone_in_turn(server, page, shot):
    open_explorer(page, server.url("/"))
    search_and_pick(page, "通州", SUBPARK)
    firm = api_uri(server, "网藤", FIRM)
    page.locator(f'{tid("group-item")}[data-uri="{firm}"]').click()  # a selection: not a step of its own
    views = [_view(page)]
    page.click(tid("expand"))
    wait_explorer_idle(page)
    views.append(_view(page))
    page.uncheck(tid("filter-label-Observation"))
    wait_explorer_idle(page)
    views.append(_view(page))
    page.click(tid("remove"))   # the firm, still selected
    wait_explorer_idle(page)
    views.append(_view(page))
    assert firm not in views[-1]["nodes"]
    page.click('[data-action="clear"]')
    wait_explorer_idle(page)
    assert node_ids(page) == []
    shot(page, "cleared")
    for want in reversed(views):
        page.click(tid("undo"))
        wait_explorer_idle(page)
        assert _view(page) == want
    # and the first step, the pick from the search results
    page.click(tid("undo"))
    wait_explorer_idle(page)
    assert node_ids(page) == [] and page.evaluate("location.hash") == ""
    expect(page.locator(tid("undo"))).to_be_disabled()
    shot(page, "all-undone")


def test_permalink_replays_a_removal(server, page, context):
    open_explorer(page, server.url("/"))
    search_and_pick(page, "通州", SUBPARK)
    firm = api_uri(server, "网藤", FIRM)
    page.locator(f'{tid("group-item")}[data-uri="{firm}"]').click()
    page.click(tid("remove"))
    wait_explorer_idle(page)
    want = node_ids(page)
    assert firm not in want
    other = context.new_page()
    open_explorer(other, page.url)
    assert node_ids(other) == want
    other.close()
