"""Output a user opens elsewhere is safe (issue #19 §4): CSV cells a spreadsheet would run as a formula
are neutralised — by `parkgraph query --format csv` and by the front end's one CSV writer, both held to
the table in output_cells.yaml — invisible controls are spelled out by the front end's display helper,
and JSON output never carries bare NaN/Infinity."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from parkgraph import jsonsafe
from parkgraph.csvsafe import cell

ROOT = Path(__file__).resolve().parents[2]
TABLE = yaml.safe_load((Path(__file__).parent / "output_cells.yaml").read_text(encoding="utf-8"))
COMMON = ROOT / "web" / "frontend" / "src" / "common"


@pytest.mark.parametrize("row", TABLE["csv"], ids=lambda r: repr(r["value"])[:30])
def test_server_csv_cells_follow_the_table(row):
    assert cell(row["value"]) == row["cell"]


def _node(script: str) -> object:
    p = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def test_the_front_end_csv_writer_and_display_helper_follow_the_same_table():
    values = [r["value"] for r in TABLE["csv"]]
    texts = [r["text"] for r in TABLE["visible"]]
    got = _node(f"""
        import {{ csvCell, csvText }} from {json.dumps((COMMON / "csv.js").as_uri())};
        import {{ visible }} from {json.dumps((COMMON / "dom.js").as_uri())};
        const values = {json.dumps(values)};
        const texts = {json.dumps(texts)};
        console.log(JSON.stringify({{cells: values.map(csvCell), file: csvText(["v"], values.map((v) => [v])),
                                     shown: texts.map(visible)}}));
    """)
    # csvCell quotes by RFC 4180 as well: read it back the way a spreadsheet would
    cells = [next(csv.reader(io.StringIO(c))) if c else [""] for c in got["cells"]]
    assert [c[0] for c in cells] == [r["cell"] for r in TABLE["csv"]]
    rows = list(csv.reader(io.StringIO(got["file"].lstrip("\ufeff"), newline="")))
    assert [r[0] if r else "" for r in rows[1:]] == [r["cell"] for r in TABLE["csv"]]
    assert got["shown"] == [r["shown"] for r in TABLE["visible"]]


def test_the_front_end_has_one_csv_writer():
    src = ROOT / "web" / "frontend" / "src"
    writers = [f.relative_to(ROOT).as_posix() for f in src.rglob("*.js")
               if "replace(/\"/g, '\"\"')" in f.read_text(encoding="utf-8")]
    assert writers == ["web/frontend/src/common/csv.js"], writers


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from parkgraph.graph.ladybug_store import LadybugStore
    path = tmp_path_factory.mktemp("out") / "g.lbdb"
    s = LadybugStore(path)
    s.create_schema()
    s.close()
    return path


def _query(db, fmt: str, cypher: str) -> str:
    p = subprocess.run([sys.executable, "-m", "parkgraph", "query", "--backend", "ladybug", "--db", str(db),
                        "--format", fmt, cypher], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout


def test_cli_query_csv_neutralises_formulas(db):
    out = _query(db, "csv", "RETURN \"=cmd|' /C calc'!A0\" AS a, '@SUM(1)' AS b, '-5' AS c, -7 AS d, '+x' AS `=e`")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [["a", "b", "c", "d", "'=e"], ["'=cmd|' /C calc'!A0", "'@SUM(1)", "-5", "-7", "'+x"]], rows


def test_cli_query_json_is_valid_json_for_nan_and_infinity(db):
    out = _query(db, "json", "RETURN 0.0/0.0 AS nan, 1.0/0.0 AS inf, -1.0/0.0 AS ninf, [1.0/0.0] AS l")

    def refuse(name):
        raise ValueError(name)
    assert json.loads(out, parse_constant=refuse)["rows"] == [["NaN", "Infinity", "-Infinity", ["Infinity"]]]


def test_jsonsafe_keeps_finite_values_and_other_errors():
    assert jsonsafe.dumps({"a": [1.5, float("nan")], "b": (float("-inf"),)}) == '{"a": [1.5, "NaN"], "b": ["-Infinity"]}'
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        jsonsafe.dumps(loop)
