"""Every setting is documented in the README (Datasette's habit), and settings read the environment."""
from __future__ import annotations

from pathlib import Path

from parkgraph.settings import SETTINGS, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_in_the_readme():
    missing = [s.env for s in SETTINGS if f"`{s.env}`" not in README]
    assert missing == []


def test_environment_and_overrides():
    s = Settings.from_env({"port": 6000}, environ={"PARKGRAPH_MAX_ROWS": "50", "PARKGRAPH_BACKEND": "neo4j"})
    assert s.max_rows == 50 and s.backend == "neo4j" and s.port == 6000
    assert s.host == "127.0.0.1"
    assert Settings.from_env(environ={}).backend == "ladybug"
