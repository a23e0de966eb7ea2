"""Bad input to `parkgraph ingest` gets one clear line on stderr, exit status 1, no traceback, and no
review file. Run through the CLI in a subprocess, as a person would."""
from __future__ import annotations

import pytest

from .conftest import run_cli

GBK_TEXT = "国家网络安全产业园区（长沙）于 2020 年 6 月正式揭牌。".encode("gbk")


@pytest.mark.parametrize("name, content, expect", [
    ("missing.md", None, "no such file"),
    ("folder.md", "DIR", "is a folder"),
    ("empty.md", b"", "file is empty"),
    ("blank.txt", b" \n\n\t\n", "file is empty"),
    ("gbk.txt", GBK_TEXT, "not valid UTF-8 (it looks like GBK/GB18030)"),
    ("binary.html", b"\x00\x01\x02PK\x03\x04" + b"\x00" * 20, "NUL bytes"),
    ("utf16.md", "标题".encode("utf-16"), "UTF-16"),
    ("article.pdf", b"%PDF-1.4", "unsupported file type"),
    ("only-boilerplate.md", "![](http://x/y.png)\n\n阅读原文\n\n微信扫一扫\n".encode(), "no article text left"),
])
def test_bad_file_one_line(tmp_path, name, content, expect):
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    out = tmp_path / "review.yaml"
    r = run_cli("ingest", str(path), "--db", str(tmp_path / "g.lbdb"), "--out", str(out), cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error:") and expect in lines[0], lines[0]
    assert "Traceback" not in r.stderr + r.stdout
    assert not out.exists()


def test_bad_date_option_one_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n\n国家网络安全产业园区（长沙）于 2020 年 6 月正式揭牌，这是一个足够长的句子用来测试清洗。\n", encoding="utf-8")
    r = run_cli("ingest", str(path), "--date", "24/03/2023", "--db", str(tmp_path / "g.lbdb"), cwd=tmp_path)
    assert r.returncode == 1
    assert [l for l in r.stderr.splitlines() if l.strip()] == [
        "error: --date '24/03/2023' is not a date — write YYYY-MM-DD"]
