"""In Chromium, a missing entity or page shows the server's error page: status, message, a way back,
in the reader's language, with no CSP violation."""
from __future__ import annotations

from .conftest import csp_violations


def test_a_missing_entity_shows_the_error_page(server, page):
    res = page.goto(server.url("/id/park/no-such-park"))
    assert res.status == 404
    box = page.get_by_test_id("error")
    assert box.get_attribute("data-status") == "404"
    assert page.get_by_test_id("error-status").inner_text() == "404"
    assert page.get_by_test_id("error-message").inner_text() == \
        "no entity with IRI 'https://w3id.org/parkgraph/id/park/no-such-park'"
    page.get_by_test_id("error-home").click()
    page.wait_for_url(server.url("/"))
    assert csp_violations(page) == []


def test_the_error_page_speaks_chinese_after_the_switch(server, page, context):
    context.add_cookies([{"name": "lang", "value": "zh", "url": server.url("/")}])
    res = page.goto(server.url("/no/such/page"))
    assert res.status == 404
    assert page.get_by_test_id("error-title").inner_text() == "找不到页面"
    assert page.get_by_test_id("error-home").inner_text() == "返回图谱浏览"
    assert csp_violations(page) == []
