"""Japanese era (和暦) years, both ways, for calendar and fiscal years.

Fiscal years (年度) start on 1 April. A fiscal year in which an era began is named in the new
era (令和元年度 = 2019年度), as government documents do.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

ERAS = (  # name, first day
    ("令和", dt.date(2019, 5, 1)),
    ("平成", dt.date(1989, 1, 8)),
    ("昭和", dt.date(1926, 12, 25)),
    ("大正", dt.date(1912, 7, 30)),
    ("明治", dt.date(1868, 1, 25)),
)


def _era_for(year: int, *, fiscal: bool) -> tuple[str, int]:
    for name, first in ERAS:
        if first.year <= year:
            if fiscal or first.year < year or first.month == 1 and first.day == 1:
                return name, year - first.year + 1
            # A calendar year in which an era began is called by the new era (平成元年 = 1989).
            return name, 1
    raise ValueError(f"{year} is before 明治")


def era_year(year: int, *, fiscal: bool = False) -> str:
    """2026 -> '令和8', 2019 -> '令和元'"""
    name, number = _era_for(year, fiscal=fiscal)
    return f"{name}{'元' if number == 1 else number}"


def fiscal_year(year: int) -> str:
    """2026 -> '令和8年度（2026年度）'"""
    return f"{era_year(year, fiscal=True)}年度（{year}年度）"


def fiscal_year_short(year: int) -> str:
    """2026 -> '令和8年度'"""
    return f"{era_year(year, fiscal=True)}年度"


def calendar_year(year: int) -> str:
    """1969 -> '昭和44年（1969年）'"""
    return f"{era_year(year)}年（{year}年）"


_ERA_YEAR = re.compile(r"^(明治|大正|昭和|平成|令和)(元|\d+)年(度?)")


def _last_number(era: str) -> int | None:
    """The highest year number an era reached (昭和64, 平成31), None for the current era."""
    names = [name for name, _ in ERAS]
    index = names.index(era)
    if index == 0:
        return None
    return ERAS[index - 1][1].year - ERAS[index][1].year + 1


def parse_era_year(text: str) -> int:
    """'平成31年' -> 2019, '令和元年' -> 2019, '昭和64年' -> 1989 (also 年度)."""
    match = _ERA_YEAR.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        raise ValueError(f"和暦の年として読めません: {text}")
    era = match.group(1)
    number = 1 if match.group(2) == "元" else int(match.group(2))
    last = _last_number(era)
    if number < 1 or (last is not None and number > last):
        raise ValueError(f"{era}{number}年はありません（{era}は{last}年まで）" if last else f"{era}{number}年はありません")
    return dict(ERAS)[era].year + number - 1


def with_western_year(text: str) -> str:
    """The source's era text with the Western year beside its year:
    '昭和44年' -> '昭和44年（1969年）', '平成13年3月' -> '平成13年（2001年）3月', '令和5年度' -> '令和5年度（2023年度）'."""
    normal = unicodedata.normalize("NFKC", text).strip()
    match = _ERA_YEAR.match(normal)
    year = parse_era_year(normal)
    unit = "年度" if match.group(3) else "年"
    return f"{match.group(0)}（{year}{unit}）{normal[match.end():]}"
