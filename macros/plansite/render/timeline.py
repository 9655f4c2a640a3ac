"""Span arithmetic for everything drawn across fiscal years: schedule rows, the plan roadmap and
the 計画期間 chart. Phases are clipped to the years shown; what lies outside is kept as a marker
so the reader still learns the phase's real span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..model.schedule import Phase
from ..text.wareki import fiscal_year_short


@dataclass(frozen=True)
class Bar:
    """One table cell across `span` years from `first`: a phase, or an empty gap (phase None)."""

    first: int
    span: int
    phase: Optional[Phase] = None
    before: bool = False  # the phase began before the first year shown
    after: bool = False  # the phase goes on after the last year shown (or has no end at all)

    @property
    def last(self) -> int:
        return self.first + self.span - 1

    @property
    def empty(self) -> bool:
        return self.phase is None


def bars(phases: Iterable[Phase], years: range) -> list[Bar]:
    """Cells filling `years` for phases that do not overlap one another (see `lanes`)."""
    cells: list[Bar] = []
    final = years.stop - 1
    year = years.start
    for phase in sorted(phases, key=lambda p: p.start):
        first = max(phase.start, years.start)
        last = final if phase.open_end else min(phase.last, final)
        if first > last or first < year:  # wholly outside the years shown, or overlapping the previous one
            continue
        if first > year:
            cells.append(Bar(year, first - year))
        cells.append(Bar(first, last - first + 1, phase, before=phase.start < years.start, after=phase.reaches(final + 1)))
        year = last + 1
    if year <= final:
        cells.append(Bar(year, final - year + 1))
    return cells


def lanes(phases: Sequence[Phase]) -> list[list[Phase]]:
    """Overlapping phases go to separate lanes (lines of one row), first fit in order of start."""
    result: list[list[Phase]] = []
    for phase in sorted(phases, key=lambda p: p.start):
        lane = next((lane for lane in result if not lane[-1].reaches(phase.start)), None)
        if lane is None:
            result.append([phase])
        else:
            lane.append(phase)
    return result or [[]]


def span_text(phase: Phase) -> str:
    """The phase's real span as the plan writes years: 令和9年度, 令和10年度〜令和12年度, 令和10年度〜."""
    if phase.open_end:
        return f"{fiscal_year_short(phase.start)}〜"
    if phase.last == phase.start:
        return fiscal_year_short(phase.start)
    return f"{fiscal_year_short(phase.start)}〜{fiscal_year_short(phase.last)}"


def by_year(rows: Sequence[tuple[Optional[str], Sequence[Phase]]], years: range) -> list[tuple[int, list[tuple[Optional[str], Bar]]]]:
    """The list form: under each fiscal year, the phases that start in it (or, for phases that began
    earlier, in the first year shown), each with its row label. Years where nothing starts are left out."""
    starting: dict[int, list[tuple[Optional[str], Bar]]] = {}
    for label, phases in rows:
        for lane in lanes(phases):
            for bar in bars(lane, years):
                if not bar.empty:
                    starting.setdefault(bar.first, []).append((label, bar))
    return sorted(starting.items())
