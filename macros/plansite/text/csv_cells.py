"""CSV for spreadsheets: a cell that would start a formula is neutralised with a leading "'".

A title such as =HYPERLINK("https://…","詳しく") or @SUM(…) in the data would otherwise run as
a formula when a citizen opens the file in Excel. The characters are those OWASP lists for CSV
injection: = + - @ and tab and carriage return. A plain number (-5, +1.5) is left as it is: no
spreadsheet reads it as a formula, and its column stays numeric.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Iterable

_FORMULA_START = frozenset("=+-@\t\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def cell(value: object) -> str:
    text = "" if value is None else value if isinstance(value, str) else str(value)
    if text[:1] in _FORMULA_START and text and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """The table as CSV (CR LF line ends)."""
    return _lines([header]) + csv_lines(rows)


def csv_lines(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV lines without a header: lines made apart join into the same text as one table."""
    return _lines([cell(value) for value in row] for row in rows)


def _lines(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


BOM = "\ufeff"


@dataclass(frozen=True)
class ExcelCopy:
    """A download that is the CSV at the site path `of` with a BOM before it (UTF-8 that Excel
    opens without asking for the encoding): copied from the file written, not made again."""

    of: str
