"""`parkgraph diff OLD NEW`: facts added, changed and removed between two releases, by IRI, with the
fields that changed, for two data folders or two RDF exports."""
from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys

import yaml

from parkgraph.fixture import write_fixture
from parkgraph.loaders import load_paths
from parkgraph.loaders.diff import diff, markdown_report
from parkgraph.rdf.export import export

from ..conftest import BASE


def _release(tmp_path, name: str, edit=None, version: str | None = None):
    d = tmp_path / name
    write_fixture(d)
    if edit:
        for f in sorted(d.glob("*.yaml")):
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
            edit(f.stem, data)
            f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if version:
        (d / "VERSION").write_text(version + "\n", encoding="utf-8")
    return d


def test_two_data_folders(tmp_path):
    old = _release(tmp_path, "old", version="0.1.0")

    def edit(stem, data):
        for o in data.get("observations", []):
            if o["id"] == "tongzhou-enterprises-2022":
                o["status"] = "forecast"
                o["stated_on"] = "2019"
        for e in data.get("enterprises", []):
            if e.get("aliases") is None:
                e["aliases"] = ["新别名"]
                break
        if "enterprises" in data:
            data["enterprises"].append({"id": "new-firm", "name_zh": "新企业", "name_en": "New firm",
                                        "cite": copy.deepcopy(data["enterprises"][0]["cite"])})  # no YAML alias
    new = _release(tmp_path, "new", edit, version="0.2.0")
    d = diff(old, new, BASE)
    assert (d.old_version, d.new_version) == ("0.1.0", "0.2.0")
    assert [u for u, _k, _f in d.added] == [BASE + "enterprise/new-firm"]
    assert d.added[0][1] == "Enterprise" and d.added[0][2]["name_zh"] == "新企业"
    assert not d.removed
    changed = {c.uri: c for c in d.changed}
    obs = changed[BASE + "observation/tongzhou-enterprises-2022"]
    assert obs.fields["status"] == ("actual", "forecast")
    assert obs.fields["stated_on"] == (None, "2019") and obs.fields["stated_on_precision"] == (None, "year")
    assert obs.kind == "Observation"
    # nothing else changed: an unchanged fact is not listed
    assert all(c.uri in (BASE + "observation/tongzhou-enterprises-2022",) or c.kind == "Enterprise" for c in d.changed)
    md = markdown_report(d, "0.2.0")
    assert "## 0.2.0" in md and "`enterprise/new-firm`" in md and "`observation/tongzhou-enterprises-2022` (Observation): stated_on, stated_on_precision, status" in md
    # the same folder twice: nothing
    assert diff(old, old, BASE).empty


def test_a_removed_fact_and_a_relationship_change(tmp_path):
    old = _release(tmp_path, "old")

    def edit(stem, data):
        if "relations" in data:
            data["relations"] = [r for r in data["relations"] if r.get("type") != "HOLDS"]
            for r in data["relations"]:
                if r["type"] == "TENANT_OF":
                    r.update(since="2019-01", since_text="2019年1月", note_zh="签约入驻")
        if "observations" in data:
            data["observations"] = [o for o in data["observations"] if o["id"] != "tongzhou-enterprises-2022-other"]
    new = _release(tmp_path, "new", edit)
    d = diff(old, new, BASE)
    removed = {u: k for u, k, _f in d.removed}
    assert removed[BASE + "observation/tongzhou-enterprises-2022-other"] == "Observation"
    assert [k for u, k in removed.items() if u.startswith(BASE + "statement/")] == ["HOLDS"]
    assert not d.added
    tenant = next(c for c in d.changed if c.kind == "TENANT_OF")
    assert tenant.uri.startswith(BASE + "statement/")
    assert tenant.fields == {"since": (None, "2019-01"), "since_precision": (None, "month"),
                             "since_text": (None, "2019年1月"), "note_zh": (None, "签约入驻")}


def test_two_exports(tmp_path, store):
    old = _release(tmp_path, "old")
    new = _release(tmp_path, "new", lambda stem, data: [o.update(value=130) for o in data.get("observations", [])
                                                        if o["id"] == "tongzhou-enterprises-2022"])
    files = []
    for d in (old, new):
        store.clear()
        load_paths([d], store, BASE, progress=False)
        f = tmp_path / f"{d.name}.nt"
        with open(f, "w", encoding="utf-8") as fh:
            export(store, fh, "nt", BASE, issued="2024-01-01", data_version=d.name)
        files.append(f)
    dd = diff(files[0], files[1], BASE)
    assert not dd.added and not dd.removed
    assert [(c.uri, c.kind, c.fields) for c in dd.changed] == [
        (BASE + "observation/tongzhou-enterprises-2022", "Observation", {"value": ("128.0", "130.0")})]


def test_the_command(tmp_path):
    old = _release(tmp_path, "old")
    new = _release(tmp_path, "new", lambda stem, data: [o.update(status="estimate") for o in data.get("observations", [])])
    run = [sys.executable, "-m", "parkgraph", "diff"]
    same = subprocess.run(run + [str(old), str(old)], capture_output=True, text=True, timeout=120)
    assert same.returncode == 0 and same.stdout.startswith("0 added, 0 changed, 0 removed")
    res = subprocess.run(run + [str(old), str(new), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 1, res.stderr
    out = json.loads(res.stdout)
    assert out["counts"]["Observation"]["changed"] >= 1
    assert all(c["fields"]["status"]["new"] == "estimate" for c in out["changed"])
    bad = tmp_path / "bad"
    shutil.copytree(old, bad)
    (bad / "broken.yaml").write_text("observations:\n- id: x\n  as_of: 2019-13\n", encoding="utf-8")
    res = subprocess.run(run + [str(old), str(bad)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "broken.yaml:" in res.stderr and "nothing was compared" in res.stderr
    missing = subprocess.run(run + [str(old), str(tmp_path / "nope")], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "no such file or folder" in missing.stderr


def test_a_reworded_role_is_a_change_not_a_removal(tmp_path):
    """The statement IRI derives from the English role: rewording it mints a new IRI, which the diff
    reports as the same fact changed (uri old → new), not as one removed and one added."""
    def role(text):
        def edit(stem, data):
            for r in data.get("relations", []):
                if r["type"] == "TENANT_OF":
                    r["role"] = text
        return edit
    old = _release(tmp_path, "old", role("signatory (签约)"))
    new = _release(tmp_path, "new", lambda stem, data: [r.update(role_en="signatory", role_zh="签约") for r in
                                                        data.get("relations", []) if r["type"] == "TENANT_OF"])
    d = diff(old, new, BASE)
    assert not d.added and not d.removed
    (c,) = d.changed
    assert c.kind == "TENANT_OF" and c.fields["uri"][0] != c.fields["uri"][1] == c.uri
    assert c.fields["role_en"] == ("signatory (签约)", "signatory") and c.fields["role_zh"] == (None, "签约")
