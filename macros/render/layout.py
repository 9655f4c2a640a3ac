"""Turn schedules and indicator values into table cells across the plan's fiscal years."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model.indicator import Indicator, Pending
from ..model.schedule import Phase, ScheduleRow
from ..model.values import Value


@dataclass(frozen=True)
class Cell:
    first: int  # first fiscal year the cell covers
    span: int
    phase: Optional[Phase] = None
    value: Optional[Value] = None
    text: Optional[str] = None  # a to-be-decided text spanning years
    empty: bool = False

    @property
    def last(self) -> int:
        return self.first + self.span - 1


def schedule_cells(row: ScheduleRow, years: range) -> list[Cell]:
    cells: list[Cell] = []
    year = years.start
    for phase in row.phases:
        start, last = max(phase.start, years.start), min(phase.last, years.stop - 1)
        if start > last:
            continue
        if start > year:
            cells.append(Cell(year, start - year, empty=True))
        cells.append(Cell(start, last - start + 1, phase=phase))
        year = last + 1
    if year < years.stop:
        cells.append(Cell(year, years.stop - year, empty=True))
    return cells


def value_cells(targets: dict, pending: Optional[Pending], years: range) -> list[Cell]:
    """One cell per year, except that years covered by a to-be-decided text share one cell."""
    cells: list[Cell] = []
    for year in years:
        if year in targets or pending is None or (pending.from_year and year < pending.from_year):
            cells.append(Cell(year, 1, value=targets.get(year), empty=year not in targets))
        elif cells and cells[-1].text is not None:
            previous = cells.pop()
            cells.append(Cell(previous.first, previous.span + 1, text=previous.text))
        else:
            cells.append(Cell(year, 1, text=pending.text))
    return cells


def indicator_rows(indicator: Indicator, years: range):
    """(series label, unit, cells) for each printed line of an indicator."""
    return [(label, unit, value_cells(targets, indicator.to_be_decided, years)) for label, unit, targets in indicator.rows()]
