"""Every page: the shell (nav, engine badge, language switch), no CSP violations, SPARQL degradation."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import csp_violations
from .helpers import tid

PAGES = [("/", "explorer"), ("/console", "console"), ("/id/park/beijing", "entity")]


@pytest.mark.parametrize("path,name", PAGES)
def test_page_shell_and_csp(server, page, shot, path, name):
    res = page.goto(server.url(path))
    assert res.status == 200
    assert "default-src 'self'" in res.headers.get("content-security-policy", "")
    page.wait_for_selector(f'[data-testid="{name}"][data-ready="true"], [data-testid="{name}"][data-state="ready"]')
    page.wait_for_load_state("networkidle")
    expect(page.locator(tid("engine-name"))).to_have_text(server.api("/api/info")["engine"])
    expect(page.locator(tid("nav-console"))).to_be_visible()
    expect(page.locator(tid("nav-sparql"))).to_be_visible()
    # no inline scripts or style attributes in what the server sends
    html = page.evaluate("document.documentElement.outerHTML")
    inline = page.evaluate("Array.from(document.querySelectorAll('script:not([src])')).filter(s => !['application/json', 'application/ld+json'].includes(s.type)).length")  # data blocks only (schema.org JSON-LD is one)
    assert inline == 0
    assert ' style="' not in page.evaluate("() => document.querySelector('header').outerHTML")
    assert "<script>" not in html
    shot(page, name)
    assert not csp_violations(page), csp_violations(page)


def test_sparql_page(server, page, shot):
    res = page.goto(server.url("/sparql"))
    assert res.status == 200
    page.wait_for_selector('[data-testid="sparql"][data-ready="true"]')
    examples = page.locator(tid("sparql-example"))
    if examples.count():
        examples.first.click()
    page.click(tid("sparql-run"))
    page.wait_for_function(
        "() => document.querySelector('[data-testid=sparql-rows]') || document.querySelector('[data-testid=sparql-boolean]')"
        " || !document.querySelector('[data-testid=sparql-unavailable]').hidden"
        " || !document.querySelector('[data-testid=sparql-error]').hidden")
    shot(page, "sparql")
    if page.locator(tid("sparql-unavailable")).is_visible():
        return  # the page degrades with a clear message while the endpoint is missing
    expect(page.locator(tid("sparql-error"))).to_be_hidden()
    assert page.locator(tid("sparql-row")).count() >= 1
    assert not csp_violations(page), csp_violations(page)
