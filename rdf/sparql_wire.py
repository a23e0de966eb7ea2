"""The frames between the SPARQL service and its workers: a JSON header and raw bytes, each
length-prefixed. JSON rather than pickle, because the parent must never run code a compromised
(sandboxed) worker chose, and an oversize frame is refused before it is read into memory."""
from __future__ import annotations

import json
import struct
from typing import IO

_HEAD = struct.Struct(">II")
MAX_HEADER = 1 << 20


class FrameError(Exception):
    pass


def send(fh: IO[bytes], header: dict, body: bytes = b"") -> None:
    h = json.dumps(header, ensure_ascii=True).encode("ascii")
    fh.write(_HEAD.pack(len(h), len(body)) + h + body)
    fh.flush()


def recv(fh: IO[bytes], max_body: int) -> tuple[dict, bytes] | None:
    """One frame, or None at end of stream (the other side is gone)."""
    head = _read(fh, _HEAD.size)
    if head is None:
        return None
    nh, nb = _HEAD.unpack(head)
    if nh > MAX_HEADER or nb > max_body:
        raise FrameError(f"a frame of {nh} + {nb} bytes is over the limit")
    h = _read(fh, nh)
    b = _read(fh, nb) if nb else b""
    if h is None or b is None:
        return None
    return json.loads(h), b


def _read(fh: IO[bytes], n: int) -> bytes | None:
    buf = b""
    while len(buf) < n:
        chunk = fh.read(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf
