"""Compare page in real Chromium: the three parks by default, one chart per metric and unit, targets and
forecasts drawn differently from actual values, every cell linked to its sources, and a CSV download with a
source for every value (checked against /api/compare, the page's one data route)."""
from __future__ import annotations

import csv
import io
import json
import urllib.request

from playwright.sync_api import expect

from .conftest import csp_violations
from .helpers import tid


def _api(server, path: str) -> dict:
    with urllib.request.urlopen(server.url(path), timeout=60) as r:
        return json.loads(r.read())


def test_compare_shows_the_three_parks_units_apart_forecasts_distinct_and_csv_sources(server, page, shot):
    api = _api(server, "/api/compare")
    parks = [c for c in api["choices"] if c["label"] == "Park"]
    assert len(parks) == 3 and [p["uri"] for p in api["places"]] == [p["uri"] for p in parks]

    page.goto(server.url("/compare"))
    page.wait_for_selector(f'{tid("compare")}[data-state="ready"]')
    headers = page.locator(tid("compare-place"))
    expect(headers).to_have_count(3)
    for p in parks:
        expect(page.locator(tid("compare-wide-table"))).to_contain_text(p["name_en"])
    shot(page, "three-parks")

    # one chart per (metric, unit): no chart mixes units, and no (metric, unit) is drawn twice
    charts = page.locator(tid("compare-chart"))
    n = charts.count()
    charted = [m for m in api["metrics"] if m["chart"]]
    assert n == len(charted) and n >= 2
    ordinal = {m["metric"] for m in api["metrics"] if m["ordinal"]}
    assert ordinal, "the three parks' approval order is in the data"
    assert not {c.get_attribute("data-metric") for c in charts.all()} & ordinal, "a rank is not drawn as an amount over time"
    expect(page.locator(f'{tid("compare-row")}[data-metric="{sorted(ordinal)[0]}"]').first).to_be_visible()
    keys = [(charts.nth(i).get_attribute("data-metric"), charts.nth(i).get_attribute("data-unit")) for i in range(n)]
    assert len(set(keys)) == n
    units_of_metric = {}
    for o in api["observations"]:
        if isinstance(o["value"], (int, float)):
            units_of_metric.setdefault((o["metric"], o["unit"] or ""), set()).add(o["unit"] or "")
    assert all(len(u) == 1 for u in units_of_metric.values())

    # targets/forecasts: hollow points (and dashed lines) — visibly different from filled actual points
    projected = page.locator(f'{tid("compare-point")}[data-projected="1"] circle')
    actual = page.locator(f'{tid("compare-point")}[data-projected="0"] circle')
    assert projected.count() >= 1 and actual.count() >= 1
    assert projected.first.get_attribute("fill") == "#ffffff"
    assert actual.first.get_attribute("fill") != "#ffffff"
    dashed = page.locator('.line-target').first
    if dashed.count():
        assert page.evaluate("(el) => getComputedStyle(el).strokeDasharray", dashed.element_handle()) not in ("none", "")

    # every filled cell links to a source
    cells = page.locator(f'{tid("compare-cell")} > div')
    assert cells.count() == len(api["observations"])
    for i in range(cells.count()):
        assert cells.nth(i).locator(tid("cell-source")).count() >= 1, cells.nth(i).inner_text()

    # scope notes are shown where the data has them
    if any(m["scopes"] and m["chart"] for m in api["metrics"]):
        assert page.locator(tid("scope-note")).count() >= 1

    with page.expect_download() as dl:
        page.locator(tid("compare-csv")).click()
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(api["observations"]) > 0
    assert all(r["source"].strip() and r["source_url"].strip() for r in rows), "a value without its source"
    assert {r["place_uri"] for r in rows} <= {p["uri"] for p in parks}
    assert not csp_violations(page)


def test_compare_picks_sub_parks_and_regions(server, page):
    api = _api(server, "/api/compare")
    subs = [c for c in api["choices"] if c["label"] == "SubPark"][:2]
    region = next(c for c in api["choices"] if c["label"] == "Region")
    page.goto(server.url("/compare"))
    page.wait_for_selector(f'{tid("compare")}[data-state="ready"]')
    for box in page.locator('input[name="uri"]').all():
        if box.is_checked():
            box.uncheck()
    for c in (*subs, region):
        page.locator(f'input[name="uri"][value="{c["uri"]}"]').check()
    page.locator(f'{tid("compare-picker")} button[type="submit"]').click()
    page.wait_for_selector(f'{tid("compare")}[data-state="ready"]')
    expect(page.locator(tid("compare-place"))).to_have_count(3)
    assert "uri=" in page.url
