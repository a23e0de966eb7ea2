"""The zh/en switch changes the whole interface and is remembered (localStorage and a `lang` cookie)."""
from __future__ import annotations

from playwright.sync_api import expect

from .helpers import api_uri, open_console, open_explorer, search_and_pick, tid


def test_language_switch_persists(server, page, context, shot):
    open_explorer(page, server.url("/"))
    nav = page.locator(tid("nav-explorer"))
    expect(nav).to_have_text("Explorer")
    expect(page.locator(tid("search-input"))).to_have_attribute("placeholder", "Chinese or English name, alias or pinyin…")
    search_and_pick(page, "通州", "通州园")
    uri = api_uri(server, "通州", "通州园")
    name_en = next(n for n in server.api("/api/search?q=%E9%80%9A%E5%B7%9E")["results"] if n["uri"] == uri)["properties"]["name_en"]
    # entity names: selected language first, the other one second
    expect(page.locator(f'{tid("details-node")} .name-primary')).to_have_text(name_en)
    expect(page.locator(f'{tid("details-node")} .name-secondary')).to_have_text("通州园")
    shot(page, "english")

    page.click(tid("lang-zh"))
    expect(nav).to_have_text("图谱浏览")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator(tid("lang-zh"))).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f'{tid("details-node")} .name-primary')).to_have_text("通州园")
    expect(page.locator(f'{tid("details-node")} .name-secondary')).to_have_text(name_en)
    assert page.evaluate("localStorage.getItem('parkgraph.lang')") == "zh"
    assert any(c["name"] == "lang" and c["value"] == "zh" for c in context.cookies())
    shot(page, "chinese")

    page.reload()
    page.wait_for_selector('[data-testid="explorer"][data-ready="true"][data-state="idle"]')
    expect(page.locator(tid("nav-explorer"))).to_have_text("图谱浏览")
    expect(page.locator(f'{tid("details-node")} .name-primary')).to_have_text("通州园")
    shot(page, "chinese-after-reload")

    open_console(page, server.url("/console"))
    expect(page.locator(tid("run"))).to_have_text("运行")
    expect(page.locator(tid("readonly-note"))).to_contain_text("只读")
    shot(page, "console-chinese")

    page.click(tid("lang-en"))
    expect(page.locator(tid("run"))).to_have_text("Run")
    assert page.evaluate("localStorage.getItem('parkgraph.lang')") == "en"
