"""Reading one cell as staff type it: a value against its line's unit, or a fiscal year."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Optional

from ..model.reading import read_value
from ..model.values import Value
from ..text.wareki import parse_era_year
from .columns import YEARLESS
from .workbook import ReadCell

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class Unread(Exception):
    """A cell that looks like a number but cannot be read (its reason is the warning)."""


def read_cell(typed, unit: Optional[str], current: Optional[Value] = None) -> Optional[Value]:
    """The value a cell holds, read against the line's unit and the words its value had before."""
    if typed is None:
        return None
    if isinstance(typed, (int, Decimal)) and not isinstance(typed, bool):
        return Value.model_validate(Decimal(typed))
    reading = read_value(str(typed), unit, prefix=current.prefix if current else None)
    if reading.kind == "none":
        return None
    if reading.problem:
        raise Unread(reading.problem)
    return Value.model_validate(reading)


def yaml_data(value: Optional[Value]):
    """The plain data YAML gets for a value: a number, a text, or a mapping with the words."""
    if value is None:
        return None
    if value.number is None:
        return value.text
    number = value.number
    if number == number.to_integral_value() and number.as_tuple().exponent >= 0:
        number = int(number)
    words = {"unit": value.unit, "prefix": value.prefix, "suffix": value.suffix, "display": value.display}
    if not any(words.values()):
        return number
    return {"value": number, **{key: text for key, text in words.items() if text}}


def read_year(cell: ReadCell, problem):
    """2026, 2026年度, 令和8年度 or 年度なし; otherwise problem(cell, message) and None."""
    typed = cell.value
    if isinstance(typed, Decimal) and typed == typed.to_integral_value():
        typed = int(typed)
    if isinstance(typed, int) and not isinstance(typed, bool) and 1868 <= typed <= 2200:
        return typed
    text = unicodedata.normalize("NFKC", str(typed or "")).strip()
    if text == YEARLESS:
        return YEARLESS
    digits = text.removesuffix("年度").translate(_DIGITS)
    if digits.isdigit() and 1868 <= int(digits) <= 2200:
        return int(digits)
    try:
        return parse_era_year(text)
    except ValueError:
        problem(cell, f"年度「{typed if typed is not None else ''}」が読めません。西暦4桁（例: 2026）か、"
                      f"年度の記載がない目標値の行は「{YEARLESS}」と書いてください")
        return None
