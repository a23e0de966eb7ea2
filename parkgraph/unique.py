"""Unique ids for new records: the wanted slug, or the first of `slug-2`, `slug-3`, ... not yet used."""
from __future__ import annotations

from collections.abc import Container


def unique_id(wanted: str, used: Container[str]) -> str:
    """`wanted` when it is free, else `wanted-N` with the smallest N ≥ 2 that is (the caller records it
    as used: ids minted in one run must not collide with each other either)."""
    cand, n = wanted, 2
    while cand in used:
        cand, n = f"{wanted}-{n}", n + 1
    return cand
