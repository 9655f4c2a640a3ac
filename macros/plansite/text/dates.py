"""Dates as Japanese documents print them: 令和7年11月19日, 令和8年1月."""

from __future__ import annotations

import datetime as dt
from typing import Union

from .wareki import era_year


def date(value: Union[dt.date, str]) -> str:
    if isinstance(value, dt.date):
        return f"{_era(value)}年{value.month}月{value.day}日"
    year, month = (int(part) for part in value.split("-"))
    return f"{_era(dt.date(year, month, 1))}年{month}月"


def _era(day: dt.date) -> str:
    # A date before the first day of its year's new era still belongs to the old era.
    from .wareki import ERAS

    for name, first in ERAS:
        if day >= first:
            number = day.year - first.year + 1
            return f"{name}{'元' if number == 1 else number}"
    return era_year(day.year)
