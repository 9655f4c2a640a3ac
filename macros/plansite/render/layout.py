"""Turn indicator values into table cells across the plan's fiscal years (schedules: timeline.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model.indicator import Indicator, Pending
from ..model.values import Value
from ..progress.achievement import judgements


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
    target: Optional[Value] = None  # the target without a year, shown at the row's end
    with_target: bool = True  # the row has a place for that target
    judgements: dict = field(default_factory=dict)  # year -> Judgement, on rows of actuals
    grades: Optional[dict] = None  # year -> YearGrade: a row of the city's grades (市の評価)

    @property
    def is_grades(self) -> bool:
        return self.grades is not None


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
        """Whether rows of different roles (目標値, 実績値, 市の評価) share the table, so each row says which."""
        return (any(row.actual for row in self.rows) and not self.only_actuals) or bool(self.graded)

    @property
    def only_actuals(self) -> bool:
        """Every year column holds actuals (the targets have no year)."""
        return all(row.actual for row in self.rows)

    @property
    def graded(self) -> list[IndicatorRow]:
        return [row for row in self.rows if row.is_grades]

    @property
    def judged(self) -> bool:
        return any(row.judgements for row in self.rows)

    @property
    def explained(self) -> list[Indicator]:
        """Indicators with explanations to show under the table."""
        fields = ("description", "interpretation", "rationale", "source", "actual_note", "notes")
        return [i for i in self.indicators if any(getattr(i, f) for f in fields)]


def indicator_tables(indicators, kinds, period: range, grades=lambda indicator: []) -> list[IndicatorTable]:
    """One table per kind of indicator. Year columns: the whole plan period when any indicator
    has yearly targets (or a to-be-decided text for them), plus any other year with a value or a
    grade. grades(indicator) gives its YearGrades (市の評価), shown as a row of their own."""
    tables = []
    for kind in kinds:
        group = [i for i in indicators if i.kind == kind]
        if not group:
            continue
        lines = [line for i in group for line in i.lines()]
        yearly = any(line.targets for line in lines) or any(i.to_be_decided and not i.target for i in group)
        graded = {id(i): {g.year: g for g in grades(i)} for i in group}
        years = sorted((set(period) if yearly else set()) | {y for line in lines for y in (*line.targets, *line.actuals)}
                       | {year for found in graded.values() for year in found})
        rows = []
        for indicator in group:
            rows.extend(_indicator_rows(indicator, years))
            if graded[id(indicator)]:
                rows.append(IndicatorRow(indicator, None, indicator.unit, False, value_cells({}, None, years), None, False,
                                         grades=graded[id(indicator)]))
        tables.append(IndicatorTable(
            kind, years, any(i.baseline for i in group), any(line.target for line in lines), rows, group,
        ))
    return tables


def _indicator_rows(indicator: Indicator, years: list[int]) -> list[IndicatorRow]:
    judged: dict = {}
    for judgement in judgements(indicator):
        judged.setdefault(judgement.series, {})[judgement.year] = judgement
    yearly = any(line.targets for line in indicator.lines())
    rows = []
    for line in indicator.lines():
        actuals = judged.get(line.label, {})
        if line.actuals and not yearly:
            # Only a target without a year: one row, actuals by year and the target at the end.
            rows.append(IndicatorRow(indicator, line.label, line.unit, True, value_cells(line.actuals, None, years), line.target, True, actuals))
            continue
        rows.append(IndicatorRow(indicator, line.label, line.unit, False, value_cells(line.targets, indicator.to_be_decided, years), line.target))
        if line.actuals:
            rows.append(IndicatorRow(indicator, line.label, line.unit, True, value_cells(line.actuals, None, years), None, False, actuals))
    return rows
