"""Turn indicator values into table cells across the plan's fiscal years (schedules: timeline.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model.indicator import Indicator, Pending
from ..model.values import Value


@dataclass(frozen=True)
class Cell:
    first: int  # first fiscal year the cell covers
    span: int
    value: Optional[Value] = None
    text: Optional[str] = None  # a to-be-decided text spanning years
    empty: bool = False

    @property
    def last(self) -> int:
        return self.first + self.span - 1


def value_cells(targets: dict, pending: Optional[Pending], years) -> list[Cell]:
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


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    series: Optional[str]
    unit: Optional[str]
    actual: bool  # a row of actual values (実績) rather than targets
    cells: list[Cell]
    with_target: bool = True  # the row also shows the target that has no year


@dataclass(frozen=True)
class IndicatorTable:
    kind: str
    years: list[int]  # the fiscal years that have a value in this table
    baseline: bool  # whether any indicator has a 現状値
    target: bool  # whether any indicator has a target without a year
    rows: list[IndicatorRow]
    indicators: list[Indicator]

    @property
    def actuals(self) -> bool:
        """Whether rows of actuals and of targets share the table (so each row says which)."""
        return any(row.actual for row in self.rows) and not self.only_actuals

    @property
    def only_actuals(self) -> bool:
        """Every year column holds actuals (the targets have no year)."""
        return all(row.actual for row in self.rows)

    @property
    def explained(self) -> list[Indicator]:
        """Indicators with explanations to show under the table."""
        fields = ("description", "interpretation", "rationale", "source", "actual_note", "notes")
        return [i for i in self.indicators if any(getattr(i, f) for f in fields)]


def indicator_tables(indicators, kinds, period: range) -> list[IndicatorTable]:
    """One table per kind of indicator. Year columns: the whole plan period when any indicator
    has yearly targets (or a to-be-decided text for them), plus any other year with a value."""
    tables = []
    for kind in kinds:
        group = [i for i in indicators if i.kind == kind]
        if not group:
            continue
        yearly = any(t for i in group for _, _, t in i.rows()) or any(i.to_be_decided and not i.target for i in group)
        years = sorted(
            (set(period) if yearly else set())
            | {y for i in group for _, _, t in i.rows() for y in t} | {y for i in group for y in i.actuals}
        )
        rows = []
        for indicator in group:
            yearly = any(targets for _, _, targets in indicator.rows())
            if indicator.actuals and not yearly:
                # Only a target without a year: one row, actuals by year and the target at the end.
                rows.append(IndicatorRow(indicator, None, indicator.unit, True, value_cells(indicator.actuals, None, years)))
                continue
            for label, unit, targets in indicator.rows():
                rows.append(IndicatorRow(indicator, label, unit, False, value_cells(targets, indicator.to_be_decided, years)))
            if indicator.actuals:
                rows.append(IndicatorRow(indicator, None, indicator.unit, True, value_cells(indicator.actuals, None, years), False))
        tables.append(IndicatorTable(
            kind, years, any(i.baseline for i in group), any(i.target for i in group), rows, group,
        ))
    return tables
