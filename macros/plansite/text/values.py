"""Numbers the way Japanese documents print them: 27,650 and 1.00 (decimals exactly as written)."""

from __future__ import annotations

from decimal import Decimal


def format_number(number: Decimal) -> str:
    """Thousands separators on the integer part; decimals exactly as written (1.00 stays 1.00)."""
    text = format(number, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")
