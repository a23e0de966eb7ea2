"""Explorer search pages through every match: "n of total" and a "more" button (issue #15)."""
from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import expect

from .helpers import open_explorer, tid


def test_search_shows_the_total_and_pages_with_more(server, page, shot):
    # a query with more matches than a page, whatever the data (bundled or fixture); 100 at a time
    # reads the index's best 320, so its total is exact for these (graph/search_index.py)
    word = next(w for w in ("长沙", "网络安全", "园", "公司", "a")
                if server.api(f"/api/search?q={quote(w)}&limit=100")["total"] > 20)
    whole = server.api(f"/api/search?q={quote(word)}&limit=100")
    total = whole["total"]
    open_explorer(page, server.url("/"))
    page.fill(tid("search-input"), word)
    hits = page.locator(tid("search-result"))
    expect(hits).to_have_count(20)
    status = page.locator(tid("search-status"))
    # the first page reads the index's best 20 (and the parks): "20+ results" until a page reads all
    first = server.api(f"/api/search?q={quote(word)}&limit=20")
    expect(status).to_contain_text("20+" if not first["total_exact"] else str(total))
    shot(page, "first-page")
    page.locator(tid("search-more")).click()
    expect(hits).to_have_count(min(total, 40))
    first_40 = [n["uri"] for n in server.api(f"/api/search?q={quote(word)}&limit=40")["results"]]
    assert [hits.nth(i).get_attribute("data-uri") for i in range(min(total, 40))] == first_40[:min(total, 40)]
    if total <= 40:
        expect(page.locator(tid("search-more"))).to_have_count(0)
