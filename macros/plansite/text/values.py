"""Show values the way the source prints them: 27,650件, 1.15人, 平均55%以上, 20億4千万円."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from ..model.values import Value

MISSING = "—"


def format_number(number: Decimal) -> str:
    """Thousands separators on the integer part; decimals exactly as written (1.00 stays 1.00)."""
    text = format(number, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")


def format_value(value: Optional[Value], unit: Optional[str] = None) -> str:
    if value is None:
        return MISSING
    if value.display:
        return value.display
    if value.text is not None:
        return value.text
    return f"{value.prefix or ''}{format_number(value.number)}{value.unit or unit or ''}{value.suffix or ''}"
