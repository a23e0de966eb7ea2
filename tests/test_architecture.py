"""Who may import whom (docs/architecture.md), checked on the source with `ast`: each rule is a row,
each row a test. A rule names a folder and the modules it must not import (a prefix matches the module
and everything under it). Imports inside functions count too: a lazy import is still a dependency."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# folder on disk -> the package it installs as (pyproject.toml's package-dir)
PACKAGES = {"parkgraph": "parkgraph", "ontology": "parkgraph.ontology", "loaders": "parkgraph.loaders",
            "graph": "parkgraph.graph", "rdf": "parkgraph.rdf", "web": "parkgraph.web"}
DRIVERS = ("neo4j", "ladybug")

RULES = [
    # (folder, forbidden module prefixes, why)
    ("web", DRIVERS, "web/ presents; every query goes through the store from graph/"),
    ("rdf", DRIVERS, "rdf/ reads the graph through the store, on either engine"),
    ("loaders", DRIVERS, "loaders/ write only through graph/"),
    ("loaders", ("parkgraph.web",), "loading works without the web app (CLI, scripts)"),
    ("ontology", ("parkgraph",), "the model is the root: it imports nothing of ours"),
    ("graph", ("parkgraph.web", "parkgraph.rdf", "parkgraph.loaders"), "graph/ serves the others and knows none of them"),
]


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT)
    parts = [PACKAGES[rel.parts[0]], *rel.with_suffix("").parts[1:]]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool) -> set[str]:
    """Absolute names of every module `source` imports (relative imports resolved against `module`)."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.add(mod)
            found.update(f"{mod}.{a.name}" for a in node.names)  # `from parkgraph import web`
    return found


def violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    own = PACKAGES[folder]
    for f in sorted((ROOT / folder).rglob("*.py")):
        mod = module_name(f)
        for imp in sorted(imports_of(f.read_text(encoding="utf-8"), mod, f.name == "__init__.py")):
            if imp == own or imp.startswith(own + "."):
                continue  # a folder's own modules
            if any(imp == p or imp.startswith(p + ".") for p in forbidden):
                out.append(f"{f.relative_to(ROOT)} imports {imp}")
    return out


@pytest.mark.parametrize("folder, forbidden, why", RULES, ids=[f"{r[0]}-not-{'-'.join(r[1])}" for r in RULES])
def test_import_rule(folder, forbidden, why):
    assert violations(folder, forbidden) == [], why


def test_the_checker_sees_each_kind_of_import():
    """The rules above cannot pass by not looking: absolute, from-, relative and lazy imports are found."""
    src = ("import neo4j.exceptions\nfrom ladybug import Database\nfrom ..web import views\n"
           "def f():\n    from parkgraph import rdf\n")
    found = imports_of(src, "parkgraph.graph.x", is_package=False)
    assert {"neo4j.exceptions", "ladybug", "parkgraph.web.views", "parkgraph.rdf"} <= found


def test_the_architecture_page_states_these_rules():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert "tests/test_architecture.py" in page
    for folder, _forbidden, _why in RULES:
        assert f"`{folder}/`" in page


# ---------------------------------------------------------------------- module size (issue 18)
MAX_LINES = 500
SIZED = [("parkgraph", "*.py"), ("graph", "*.py"), ("loaders", "*.py"), ("rdf", "*.py"), ("web", "*.py"),
         ("web/frontend/src", "*.js")]
WHY_LONG = re.compile(r"^\s*(#|//)\s*why-long:\s*\S")


def too_long(root: Path = ROOT) -> list[str]:
    """Modules over MAX_LINES lines whose first 30 lines give no `why-long:` comment."""
    out = []
    for folder, pattern in SIZED:
        for f in sorted((root / folder).rglob(pattern)):
            if "node_modules" in f.parts:
                continue
            lines = f.read_text(encoding="utf-8").splitlines()
            rel = f.relative_to(root).as_posix()
            if len(lines) > MAX_LINES and not any(WHY_LONG.match(ln) for ln in lines[:30]):
                out.append(f"{rel}: {len(lines)} lines")
    return out


def test_no_module_is_over_500_lines_unless_it_says_why():
    assert too_long() == [], ("split these into smaller modules named for what they hold, or say why they "
                              "must stay long in a `# why-long:` (`// why-long:`) comment in their first 30 lines")


def test_the_size_check_counts_lines_and_reads_the_why(tmp_path):
    """The size rule cannot pass by not looking: a long module fails, the same one saying why passes."""
    (tmp_path / "graph").mkdir()
    (tmp_path / "web/frontend/src").mkdir(parents=True)
    body = "x = 1\n" * (MAX_LINES + 1)
    (tmp_path / "graph" / "big.py").write_text('"""A module."""\n' + body, encoding="utf-8")
    (tmp_path / "graph" / "small.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    (tmp_path / "web/frontend/src/big.js").write_text("let x = 1;\n" * (MAX_LINES + 1), encoding="utf-8")
    assert too_long(tmp_path) == ["graph/big.py: 502 lines", "web/frontend/src/big.js: 501 lines"]
    (tmp_path / "graph" / "big.py").write_text('"""A module."""\n# why-long: one state machine\n' + body,
                                               encoding="utf-8")
    (tmp_path / "web/frontend/src/big.js").write_text("// why-long: one table\n" + "let x = 1;\n" * MAX_LINES,
                                                      encoding="utf-8")
    assert too_long(tmp_path) == []

