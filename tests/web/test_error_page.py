"""A browser's failed request gets the HTML error page (web/templates/error.html), escaped and in the
reader's language; an API client gets JSON. No database is needed: the answer never reaches one."""
from __future__ import annotations

import re

import pytest

from parkgraph.settings import Settings
from parkgraph.web import create_app

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def web(tmp_path):
    s = Settings.from_env({"backend": "ladybug", "db_path": str(tmp_path / "never-opened.lbdb")}, environ={})
    yield create_app({"SETTINGS": s, "TESTING": True}).test_client()
    assert not (tmp_path / "never-opened.lbdb").exists()


def test_a_browser_asking_for_a_missing_page_gets_the_html_error_page(web):
    r = web.get("/no/such/page", headers=BROWSER)
    assert r.status_code == 404
    assert r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert 'data-testid="error"' in html and 'data-status="404"' in html  # the template, not the fallback
    assert re.search(r'data-testid="error-status">404<', html)
    assert "The requested URL was not found on the server." in html
    assert "Not found" in html and 'href="/"' in html


def test_the_page_escapes_what_the_request_put_in_it(web):
    r = web.get('/no/such/"><script>alert(1)</script>', headers=BROWSER)
    html = r.get_data(as_text=True)
    assert r.status_code == 404 and "<script>alert" not in html


def test_the_page_is_csp_compatible_and_runs_no_script(web):
    r = web.get("/missing", headers=BROWSER)
    html = r.get_data(as_text=True)
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    assert " style=" not in html and "javascript:" not in html and "<script" not in html.lower()
    assert 'href="/static/css/parkgraph.css"' in html  # same-origin stylesheet only


def test_the_page_speaks_chinese_to_a_chinese_reader(web):
    web.set_cookie("lang", "zh")
    html = web.get("/missing", headers=BROWSER).get_data(as_text=True)
    assert "找不到页面" in html and "返回图谱浏览" in html and 'lang="zh-CN"' in html


def test_an_api_client_still_gets_json(web):
    r = web.get("/no/such/page", headers={"Accept": "application/json"})
    assert r.status_code == 404 and r.json == {"error": "not found", "message": r.json["message"], "status": 404}

