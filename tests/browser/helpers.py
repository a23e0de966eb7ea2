"""Small Playwright helpers shared by the browser tests (stable data-testid selectors, no sleeps)."""
from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page, expect


def tid(name: str) -> str:
    return f'[data-testid="{name}"]'


def open_explorer(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="explorer"][data-ready="true"][data-state="idle"]')


def wait_explorer_idle(page: Page) -> None:
    page.wait_for_selector('[data-testid="explorer"][data-ready="true"][data-state="idle"]')


def open_console(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="console"][data-ready="true"]')


def set_editor(page: Page, text: str, editor: str = "editor") -> None:
    """Type into the CodeMirror editor like a person: select all, delete, type."""
    content = page.locator(f"{tid(editor)} .cm-content")
    content.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    page.keyboard.insert_text(text)
    page.keyboard.press("Escape")  # close the completion popup
    expect(content).to_have_text(text.replace("\n", ""), use_inner_text=False)


def run_query(page: Page, text: str) -> None:
    set_editor(page, text)
    page.keyboard.press("ControlOrMeta+Enter")
    page.wait_for_selector('[data-testid="console"][data-state="idle"]')
    page.wait_for_function(
        "() => { const s = document.querySelector('[data-testid=result-summary]');"
        " const e = document.querySelector('[data-testid=query-error]');"
        " return (s && s.textContent.trim()) || (e && !e.hidden); }")


def search_and_pick(page: Page, text: str, name: str) -> None:
    page.fill(tid("search-input"), text)
    hit = page.locator(tid("search-result"), has_text=name).first
    hit.wait_for()
    hit.click()
    wait_explorer_idle(page)


def node_ids(page: Page) -> list[str]:
    return page.evaluate("window.parkgraphExplorer.nodeIds()")


def api_uri(server, text: str, name_zh: str) -> str:
    res = server.api(f"/api/search?q={quote(text)}&limit=50")["results"]
    for n in res:
        if n["properties"].get("name_zh") == name_zh:
            return n["uri"]
    raise AssertionError(f"{name_zh} not found by /api/search?q={text}")
