"""A larger, deterministic dataset in the data-file format (CSV), for fault and load tests."""
from __future__ import annotations

import csv
from pathlib import Path

SOURCE = "rel-synthetic-2024"


def write_dataset(directory: str | Path, enterprises: int = 4000, parks: int = 8) -> Path:
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)

    def table(name: str, header: list[str], rows) -> None:
        with open(d / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(rows)

    table("sources", ["id", "title", "url", "published", "kind"],
          [[SOURCE, "可靠性测试合成数据", "https://example.org/reliability", "2024-01-01", "webpage"]])
    table("parks", ["id", "name_zh", "name_en", "cite_source", "cite_quote"],
          [[f"rel-park-{p}", f"测试园区{p}号", f"Test Park {p}", SOURCE, f"测试园区{p}号是一个合成园区。"] for p in range(parks)])
    table("enterprises", ["id", "name_zh", "name_en", "aliases", "cite_source", "cite_quote"],
          [[f"rel-firm-{i:06d}", f"测试企业{i}有限公司", f"Test Firm {i} Ltd.", f"测企{i}|TF{i}", SOURCE,
            f"测试企业{i}有限公司入驻测试园区{i % parks}号。"] for i in range(enterprises)])
    table("relations", ["from", "type", "to", "cite_source", "cite_quote"],
          [[f"enterprise/rel-firm-{i:06d}", "TENANT_OF", f"park/rel-park-{i % parks}", SOURCE,
            f"测试企业{i}有限公司入驻测试园区{i % parks}号。"] for i in range(enterprises)])
    return d
