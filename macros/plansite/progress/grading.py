"""The city's grades (市の評価) read beside the site's judgements: each year's grade with its
meaning, the site's status for the same indicator and year, and whether the two disagree.

The site never changes a grade and never lets one change a judgement; where a grade states
which status it corresponds to (evaluation_scale's status) and the site judged that year
otherwise, the page says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ..model.evaluation import Grade, GradeEntry, given
from ..model.indicator import Indicator
from ..model.plan_meta import PlanMeta
from .achievement import STATUSES, judgements

GRADING = (
    "市の評価は、計画を進める市が年度ごとに付けた評価で、計画書・進捗報告書の記載のとおりに載せています。"
    "サイトが実績値と目標値から計算する達成状況とは別のもので、どちらかでもう一方を置き換えることはしません。"
)


@dataclass(frozen=True)
class YearGrade:
    """One fiscal year's grade of an indicator or a 事業, with the site's status for that year."""

    year: int
    entry: GradeEntry
    grade: Grade
    computed: Optional[str] = None  # the site's status of the same indicator and year (indicators only)

    @property
    def computed_label(self) -> Optional[str]:
        return STATUSES[self.computed] if self.computed else None

    @property
    def disagrees(self) -> bool:
        """The grade corresponds to a status, the site could judge the year, and they differ."""
        return bool(self.grade.status and self.computed and self.computed not in ("undetermined", "no-actual")
                    and self.grade.status != self.computed)

    @property
    def disagreement(self) -> str:
        """The plain sentence a page prints where the two differ."""
        return (f"市の評価は「{self.grade.grade}（{self.grade.label}）」ですが、サイトが実績値と目標値から計算した"
                f"達成状況は「{self.computed_label}」です。")


def year_status(indicator: Indicator, year: int) -> Optional[str]:
    """The site's status of one year: met when every series judged that year is met, not met
    when any is, otherwise undetermined; None when no actual of that year was judged."""
    found = {j.status for j in judgements(indicator) if j.year == year}
    if not found:
        return None
    return "not-met" if "not-met" in found else "met" if found == {"met"} else "undetermined"


def year_grades(meta: PlanMeta, grades: dict, indicator: Optional[Indicator] = None) -> list[YearGrade]:
    """Each graded year in order; for an indicator, with the site's status of that year."""
    scale = meta.grade_by_symbol
    return [YearGrade(year, entry, scale[entry.grade], year_status(indicator, year) if indicator else None)
            for year, entry in given(grades).items() if entry.grade in scale]


@dataclass(frozen=True)
class GradeTally:
    """How many indicators (or 事業) got each grade; ungraded ones counted apart."""

    scale: tuple[Grade, ...]
    counts: Counter
    ungraded: int
    year: Optional[int] = None  # None: each one's latest grade

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def items(self) -> list[tuple[Grade, int]]:
        """(grade, count) in the scale's order, zeros included."""
        return [(grade, self.counts.get(grade.grade, 0)) for grade in self.scale]


def tally(scale: tuple[Grade, ...], graded: list[dict], year: Optional[int] = None) -> GradeTally:
    """graded: the grades mapping of each indicator or 事業 counted. A year counts that year's
    grades; without one, each counts its latest grade."""
    counts: Counter = Counter()
    ungraded = 0
    for grades in graded:
        found = given(grades)
        entry = found.get(year) if year is not None else (found[max(found)] if found else None)
        if entry is None:
            ungraded += 1
        else:
            counts[entry.grade] += 1
    return GradeTally(scale, counts, ungraded, year)


def graded_years(graded: list[dict]) -> list[int]:
    return sorted({year for grades in graded for year in given(grades)})
