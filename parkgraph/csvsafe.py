"""CSV cells a spreadsheet will not run. Excel, LibreOffice and Google Sheets treat a cell that starts
with = + - @ (or a tab or carriage return before one) as a formula: `=cmd|' /C calc'!A0` from a data
file or a query result would run when a user opens the download. Such a cell gets a leading
apostrophe, which spreadsheets show as text and do not display (OWASP's "CSV injection" advice).
Plain numbers (`-12`, `+3.5e2`) are left alone: they cannot be formulas and stay numbers.

The front end has the same rule in web/frontend/src/common/csv.js; tests hold both to one table."""
from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def cell(value: object) -> str:
    """The text of one CSV cell: None is empty, strings that a spreadsheet would run get a leading '."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
