"""What the page shows cannot be spoofed by the data, and what it downloads cannot run (issue #19 §4):
a bidi override (U+202E) in a name is shown spelled out as ⟨U+202E⟩ on the entity page, in search
results and in the console; the console's CSV download neutralises cells a spreadsheet would run.
Its own `parkgraph serve` on the embedded engine, loaded with the fixture plus one spoofing firm."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from parkgraph.fixture import write_fixture

from .conftest import _ensure_frontend_built, _free_port, csp_violations
from .helpers import open_console, run_query, tid

RLO = "\u202e"
SPOOF_EN = f"Invoice {RLO}fdp.exe"  # shows as "Invoice exe.pdf" when the override acts
SPOOF = f"""enterprises:
- id: spoof-firm
  name_zh: 欺骗{RLO}司公限有
  name_en: "Invoice \\u202efdp.exe"
  cite: [{{source: fixture-2023-03-24, quote: 园区企业北京网藤科技有限公司获得国家级专精特新“小巨人”企业称号。}}]
"""


@pytest.fixture(scope="module")
def spoof_server(tmp_path_factory):
    _ensure_frontend_built()
    work = tmp_path_factory.mktemp("display-safety")
    fx = write_fixture(work / "fixture")
    (work / "spoof.yaml").write_text(SPOOF, encoding="utf-8")
    db = work / "graph.lbdb"
    cli = [sys.executable, "-m", "parkgraph"]
    res = subprocess.run([*cli, "load", "--backend", "ladybug", "--db", str(db), "--no-progress", str(fx), str(work / "spoof.yaml")],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    port = _free_port()
    log = open(work / "serve.log", "w", encoding="utf-8")  # closed below
    proc = subprocess.Popen([*cli, "serve", "--backend", "ladybug", "--db", str(db), "--port", str(port), "--no-bundled"],
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/api/info", timeout=2).read()  # loopback
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < end, (work / "serve.log").read_text()
            time.sleep(0.5)
    yield base
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def test_a_bidi_override_in_a_name_is_shown_spelled_out(spoof_server, page, shot):
    page.goto(spoof_server + "/id/enterprise/spoof-firm")
    page.wait_for_selector('[data-testid="entity"][data-state="ready"]')
    name = page.locator(tid("entity-name"))
    expect(name).to_contain_text("Invoice ⟨U+202E⟩fdp.exe")
    shown = page.locator(tid("entity")).inner_text()
    assert RLO not in shown and "⟨U+202E⟩" in shown
    assert RLO not in page.title() and "⟨U+202E⟩" in page.title()
    shot(page, "entity")
    # the data itself is intact in the API: only the display spells the control out
    with urllib.request.urlopen(spoof_server + "/api/node?uri=https://w3id.org/parkgraph/id/enterprise/spoof-firm") as r:
        assert RLO in r.read().decode("utf-8")

    # the console's table and JSON views
    open_console(page, spoof_server + "/console")
    run_query(page, "MATCH (e:Enterprise {uri: 'https://w3id.org/parkgraph/id/enterprise/spoof-firm'}) RETURN e.name_en AS name")
    table = page.locator(tid("result-table")).text_content()
    assert "Invoice ⟨U+202E⟩fdp.exe" in table and RLO not in table
    assert not csp_violations(page), csp_violations(page)


def test_the_console_csv_download_neutralises_formulas(spoof_server, page):
    open_console(page, spoof_server + "/console")
    run_query(page, "RETURN '=cmd|\\' /C calc\\'!A0' AS a, '@SUM(1+1)' AS b, '+1+2' AS c, '-5' AS d, -7 AS e, "
                    "'plain, \"quoted\"' AS f")
    with page.expect_download() as dl:
        page.click(tid("download-csv"))
    text = Path(dl.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["a", "b", "c", "d", "e", "f"]
    assert rows[1] == ["'=cmd|' /C calc'!A0", "'@SUM(1+1)", "'+1+2", "-5", "-7", 'plain, "quoted"'], rows[1]


def test_the_sparql_csv_download_uses_the_same_writer_and_names_are_spelled_out(spoof_server, page):
    page.goto(spoof_server + "/sparql")
    page.wait_for_selector('[data-testid="sparql"][data-ready="true"]')
    query = ('SELECT ?name ?f WHERE { <https://w3id.org/parkgraph/id/enterprise/spoof-firm> ?p ?name '
             'FILTER(CONTAINS(STR(?name), "Invoice")) BIND("=cmd|\' /C calc\'!A0" AS ?f) }')
    content = page.locator(f'{tid("sparql-editor")} .cm-content')
    content.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    page.keyboard.insert_text(query)
    page.keyboard.press("Escape")
    page.click(tid("sparql-run"))
    page.wait_for_selector(tid("sparql-row"))
    shown = page.locator(tid("sparql-table")).text_content()
    assert "Invoice ⟨U+202E⟩fdp.exe" in shown and RLO not in shown
    with page.expect_download() as dl:
        page.click(tid("sparql-download-csv"))
    rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["name", "f"]
    assert rows[1] == [SPOOF_EN, "'=cmd|' /C calc'!A0"], rows  # the data intact, the formula neutralised
