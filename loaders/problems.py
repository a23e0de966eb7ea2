from __future__ import annotations

from dataclasses import dataclass

# A value quoted in a message is cut to this many characters: a 60 MB cell (or a value a hostile file
# expands) must not make `validate` print megabytes or the API answer with them.
MAX_VALUE_CHARS = 200
# Every message, field and hint is cut to this length whatever built it (the backstop for a value
# quoted without clip()).
MAX_MESSAGE_CHARS = 600


def clip(value: object, limit: int = MAX_VALUE_CHARS, *, quote: bool = True) -> str:
    """`repr(value)` (or `str` with quote=False) cut to `limit` characters with "…" and the full length."""
    if isinstance(value, str) and len(value) > 4 * limit:  # never repr a huge string whole
        value = value[: 4 * limit]
        cut = True
    else:
        cut = False
    text = repr(value) if quote else str(value)
    if len(text) <= limit and not cut:
        return text
    return f"{text[:limit]}…"


def _cap(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_MESSAGE_CHARS:
        return text
    return f"{text[:MAX_MESSAGE_CHARS]}… ({len(text) - MAX_MESSAGE_CHARS} more characters)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as the format allows."""
    file: str
    line: int | None
    field: str | None
    message: str
    hint: str | None = None

    def __post_init__(self) -> None:
        for name in ("field", "message", "hint"):
            v = getattr(self, name)
            if isinstance(v, str) and len(v) > MAX_MESSAGE_CHARS:
                object.__setattr__(self, name, _cap(v))

    def __str__(self) -> str:
        loc = f"{self.file}:{self.line}" if self.line else self.file
        fld = f" [{self.field}]" if self.field else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{loc}:{fld} {self.message}{hint}"

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message, "hint": self.hint}
