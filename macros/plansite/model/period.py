"""A plan's period (計画期間), given in fiscal years (2026) or to the month (2023-01), as the
document gives it: 令和8年度〜令和11年度, or 令和5年1月〜令和7年3月.

The fiscal years a period touches (a month from January to March belongs to the fiscal year
that began the April before) are what year columns, targets and schedules are checked against.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Union

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ..text import dates, wareki
from .types import Model, _any_fiscal_year

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _year_or_month(value: Any) -> Union[int, str]:
    """2026 (a fiscal year) or "2023-01" (a month, kept as written with two digits)."""
    if isinstance(value, int) and not isinstance(value, bool) or isinstance(value, str) and value.strip().isdigit():
        return _any_fiscal_year(value)
    match = _MONTH.match(value.strip()) if isinstance(value, str) else None
    if match and 1 <= int(match.group(2)) <= 12 and 1868 <= int(match.group(1)) <= 2200:
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    raise PydanticCustomError(
        "period_point",
        "期間は年度（西暦4桁。令和8年度なら 2026）か、月まで（令和5年1月なら 2023-01）で書いてください。「{value}」は読めません",
        {"value": value},
    )


YearOrMonth = Annotated[
    Union[int, str],
    BeforeValidator(_year_or_month),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1868, "maximum": 2200},
                              {"type": "string", "pattern": r"^\d{4}-\d{1,2}$"}]}),
]


def fiscal_year_of(point: Union[int, str]) -> int:
    """The fiscal year of a period's start or end: 2023-01 is in 2022年度, 2023-04 in 2023年度."""
    if isinstance(point, int):
        return point
    year, month = (int(part) for part in point.split("-"))
    return year if month >= 4 else year - 1


def _months(point: Union[int, str], *, end: bool) -> int:
    """A comparable month number: a fiscal year starts in April and ends the March after."""
    if isinstance(point, int):
        return (point + 1) * 12 + 3 if end else point * 12 + 4
    year, month = (int(part) for part in point.split("-"))
    return year * 12 + month


def _western(point: Union[int, str]) -> str:
    """2026年度, or 2023年1月 (for messages, where authors wrote Western years)."""
    if isinstance(point, int):
        return f"{point}年度"
    year, month = (int(part) for part in point.split("-"))
    return f"{year}年{month}月"


def point_text(point: Union[int, str], *, short: bool = False) -> str:
    """令和8年度（2026年度） (short: 令和8年度), or 令和5年1月 for a month."""
    if isinstance(point, int):
        return wareki.fiscal_year_short(point) if short else wareki.fiscal_year(point)
    return dates.date(point)


class Period(Model):
    model_config = ConfigDict(title="期間")

    start: YearOrMonth = Field(description="期間の始まり: 年度（西暦。例: 2026）か、月まで（例: 2023-01）")
    end: YearOrMonth = Field(description="期間の終わり: 年度（西暦。例: 2029）か、月まで（例: 2025-03）")

    @model_validator(mode="after")
    def _ordered(self):
        if _months(self.end, end=True) < _months(self.start, end=False):
            raise PydanticCustomError(
                "period_order", "end（{end}）が start（{start}）より前です",
                {"end": _western(self.end), "start": _western(self.start)},
            )
        return self

    @property
    def first_year(self) -> int:
        return fiscal_year_of(self.start)

    @property
    def last_year(self) -> int:
        return fiscal_year_of(self.end)

    @property
    def years(self) -> range:
        """Every fiscal year the period touches."""
        return range(self.first_year, self.last_year + 1)

    @property
    def monthly(self) -> bool:
        return isinstance(self.start, str) or isinstance(self.end, str)

    def text(self, *, short: bool = False) -> str:
        """令和8年度（2026年度）〜令和11年度（2029年度）, or 令和5年1月〜令和7年3月."""
        return f"{point_text(self.start, short=short)}〜{point_text(self.end, short=short)}"
