"""JSON that every parser accepts. Python's json writes NaN and Infinity bare, which is not JSON
(`JSON.parse` fails, so the console showed nothing for `RETURN 0.0/0.0`). ParkGraph writes the
non-finite floats as the strings "NaN", "Infinity" and "-Infinity" — the words JavaScript prints for
them, and the value is kept rather than lost as null — the same in the API, the console and
`parkgraph query --format json`."""
from __future__ import annotations

import json
import math
from typing import Any

NON_FINITE = {math.inf: "Infinity", -math.inf: "-Infinity"}


def finite(obj: Any) -> Any:
    """`obj` with every NaN/±Infinity float (in dicts, lists, tuples) replaced by its string."""
    if isinstance(obj, float):
        if math.isfinite(obj):
            return obj
        return "NaN" if math.isnan(obj) else NON_FINITE[obj]
    if isinstance(obj, dict):
        return {k: finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [finite(v) for v in obj]
    return obj


def dumps(obj: Any, **kw: Any) -> str:
    """json.dumps that never writes NaN/Infinity (the common case costs one extra check, not a walk)."""
    try:
        return json.dumps(obj, allow_nan=False, **kw)
    except ValueError as e:
        if "Out of range float" not in str(e):
            raise
        return json.dumps(finite(obj), allow_nan=False, **kw)
