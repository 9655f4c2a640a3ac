"""A small SVG chart per numeric indicator line: actuals as bars, targets as diamonds.

Drawn at build time with a fixed size (no script, no layout shift). The table above it stays
the complete representation; the chart only shows the shape of the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from markupsafe import Markup

from ..model.indicator import Indicator, Line
from ..model.values import Value
from ..model.values import format_value
from ..text.wareki import era_year
from .environment import render

WIDTH, HEIGHT = 320, 176
TOP, BOTTOM, SIDE = 22, 30, 10  # room for value labels above and year labels below


@dataclass(frozen=True)
class Slot:
    year: int
    label: str
    x: float  # centre of the slot
    bar: Optional[tuple[float, float, str]]  # (top y, height, shown value) of the actual
    target: Optional[float]  # y of the target diamond
    inside: bool = False  # the value label goes inside the bar, clear of a target drawn just above it


@dataclass(frozen=True)
class ChartGeometry:
    slots: list[Slot]
    bar_width: float
    baseline: float  # y of zero
    flat_target: Optional[tuple[float, str]]  # (y, shown value) of a target without a year

    @property
    def target_marks(self) -> bool:
        return any(slot.target is not None for slot in self.slots)

    @property
    def target_path(self) -> str:
        points = [f"{slot.x:.1f},{slot.target:.1f}" for slot in self.slots if slot.target is not None]
        return "M" + " L".join(points) if len(points) > 1 else ""


def _number(value: Optional[Value], unit: Optional[str]) -> Optional[Decimal]:
    """A value the chart can place: numeric, in the line's own unit."""
    if value is None or value.number is None or (value.unit and value.unit != unit):
        return None
    return value.number


def geometry(line: Line) -> Optional[ChartGeometry]:
    targets = {y: n for y, v in line.targets.items() if (n := _number(v, line.unit)) is not None}
    actuals = {y: n for y, v in line.actuals.items() if (n := _number(v, line.unit)) is not None}
    flat = _number(line.target, line.unit)
    years = sorted(targets.keys() | actuals.keys())
    if not years:
        return None
    numbers = [*targets.values(), *actuals.values(), *([flat] if flat is not None else [])]
    low, high = min(Decimal(0), *numbers), max(Decimal(0), *numbers)
    span = (high - low) or Decimal(1)
    plot = HEIGHT - TOP - BOTTOM

    def y(number: Decimal) -> float:
        return TOP + float((high - number) / span) * plot

    slot_width = (WIDTH - 2 * SIDE) / len(years)
    flat_target = (y(flat), format_value(line.target, line.unit)) if flat is not None else None
    slots = []
    for index, year in enumerate(years):
        bar, target = None, y(targets[year]) if year in targets else None
        if year in actuals:
            top, zero = sorted((y(actuals[year]), y(Decimal(0))))
            bar = (top, max(zero - top, 1.0), format_value(line.actuals[year], line.unit))
        marks = [mark for mark in (target, flat_target and flat_target[0]) if mark is not None]
        inside = bool(bar) and bar[1] > 20 and any(0 <= bar[0] - mark < 18 for mark in marks)
        slots.append(Slot(year, era_year(year, fiscal=True), SIDE + slot_width * (index + 0.5), bar, target, inside))
    return ChartGeometry(slots, min(slot_width * 0.5, 48), y(Decimal(0)), flat_target)


def indicator_charts(indicator: Indicator, chart_id: str, words) -> list[Markup]:
    """words: the plan's names for 目標値 and 実績値 (model.labels.Words)."""
    charts = []
    for index, line in enumerate(indicator.lines()):
        shape = geometry(line)
        if shape is None:
            continue
        name = indicator.name + (f"（{line.label}）" if line.label else "")
        charts.append(Markup(render(
            "components/chart.html", chart=shape, name=name, width=WIDTH, height=HEIGHT,
            has_actuals=any(s.bar for s in shape.slots),
            chart_id=f"{chart_id}-{index + 1}", words=words,
        )))
    return charts
