"""Entity pages: names, sources, relations by type, and the observations chart of a park."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from .conftest import csp_violations
from .helpers import tid


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
