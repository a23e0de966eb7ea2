from __future__ import annotations

import pytest

from parkgraph.settings import Settings
from parkgraph.web import create_app


@pytest.fixture
def client(fixture_store, tmp_path):
    settings = Settings.from_env({"backend": fixture_store.engine, "db_path": str(tmp_path / "unused.lbdb")})
    app = create_app({"SETTINGS": settings, "STORE": fixture_store, "TESTING": True})
    return app.test_client()
