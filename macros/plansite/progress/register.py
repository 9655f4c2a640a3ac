"""Every indicator of a plan with where it belongs, its status, and roll-ups per node and plan.

The dashboard, the node pages and the downloads all read this one register, so a changed
actual in YAML changes all of them in the same build.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Optional, Union

from ..model.indicator import Indicator
from ..model.plan import Plan, WholePlan
from ..model.project import Project
from ..model.tree import Node
from ..model.values import format_value
from .achievement import STATUSES, IndicatorStatus, status_of
from .grading import GradeTally, YearGrade, graded_years, tally, year_grades

COUNTING = (
    "各指標の最新の実績値で判定した結果を1指標1件として数えています。系列（土地・家屋など）が複数ある指標は、"
    "すべての系列が達成なら達成、1つでも未達成なら未達成、それ以外は判定不可です。"
    "指標名がまだない指標（「探索型事業のため未設定」など）は数えていません。"
)


@dataclass(frozen=True)
class Entry:
    """One indicator, the node, project or whole plan it belongs to, and the node path above it."""

    indicator: Indicator
    owner: Union[Node, Project, WholePlan]
    path: tuple[Node, ...]  # from the top of the hierarchy down to the owner (or its node); () for the plan and flat 事業
    status: IndicatorStatus
    position: int  # the indicator's place in its owner's list, for stable ids

    @property
    def departments(self) -> tuple[str, ...]:
        return getattr(self.owner, "departments", ())

    @property
    def is_project(self) -> bool:
        return isinstance(self.owner, Project)

    @property
    def is_plan(self) -> bool:
        return isinstance(self.owner, WholePlan)

    @property
    def id(self) -> str:
        kind = "project" if self.is_project else "plan" if self.is_plan else "node"
        return f"{kind}-{self.owner.id}-{self.position + 1}"


@dataclass(frozen=True)
class Headline:
    """One series' latest actual beside the target it was judged against (or the last target)."""

    series: Optional[str]
    actual: str
    year: Optional[int]
    target: str
    target_year: Optional[int]


def headlines(entry: Entry) -> list[Headline]:
    latest = {j.series: j for j in entry.status.latest}
    found = []
    for line in entry.indicator.lines():
        judged = latest.get(line.label)
        if judged:
            found.append(Headline(line.label, format_value(judged.actual, line.unit), judged.year,
                                  format_value(judged.target, line.unit) if judged.target else "", judged.target_year))
            continue
        years = [y for y, value in line.targets.items() if value is not None]
        if years:
            found.append(Headline(line.label, "", None, format_value(line.targets[max(years)], line.unit), max(years)))
        elif line.target is not None:
            found.append(Headline(line.label, "", None, format_value(line.target, line.unit), None))
        else:
            pending = entry.indicator.to_be_decided
            found.append(Headline(line.label, "", None, pending.text if pending else "", None))
    return found


@dataclass(frozen=True)
class Tally:
    counts: Counter

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def items(self) -> list[tuple[str, str, int]]:
        """(status, label, count) in a fixed order, zeros included."""
        return [(status, label, self.counts.get(status, 0)) for status, label in STATUSES.items()]


class Register:
    def __init__(self, plan: Plan):
        self.plan = plan
        # (indicators or 事業, node id or None) -> the years graded: every node's page and every
        # part of a large plan's indicator list asks, and the answer over the whole plan walks
        # every indicator (asked by each part, that would grow with the square of the plan)
        self._graded_years: dict[tuple[str, Optional[str]], tuple[int, ...]] = {}

    @cached_property
    def entries(self) -> list[Entry]:
        """The plan's own indicators first, then the tree's in reading order, then those of the
        事業 that sit directly under the plan."""
        plan = self.plan
        found: list[Entry] = _entries(plan.whole, (), plan.meta.kpis)
        for node, parents in plan.tree.walk():
            path = parents + (node,)
            found.extend(_entries(node, path, node.kpis))
            for project in plan.projects_by_node.get(node.id, ()):
                found.extend(_entries(project, path, project.kpis))
        for project in plan.top_projects:
            found.extend(_entries(project, (), project.kpis))
        return found

    @cached_property
    def _by_node(self) -> dict[str, list[Entry]]:
        """Node id -> the entries of its subtree, worked out once (every node page asks)."""
        found: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for node in entry.path:
                found.setdefault(node.id, []).append(entry)
        return found

    @cached_property
    def _positions(self) -> dict[int, list[int]]:
        """id of each 事業 or node -> where its entries stand in entries, worked out once."""
        found: dict[int, list[int]] = {}
        for index, entry in enumerate(self.entries):
            found.setdefault(id(entry.owner), []).append(index)
        return found

    def owned_by(self, items) -> list[Entry]:
        """The entries of these 事業 and nodes (the objects the plan holds), in the order of
        entries. It reads only their own entries: each part of a large plan asks, and a pass over
        every entry per part would grow with the square of the plan."""
        positions = sorted({index for item in items for index in self._positions.get(id(item), ())})
        return [self.entries[index] for index in positions]

    def under(self, node: Optional[Node]) -> list[Entry]:
        """Entries of a node's subtree, or of the whole plan (node None)."""
        if node is None:
            return self.entries
        return self._by_node.get(node.id, [])

    def tally(self, node: Optional[Node] = None) -> Tally:
        return self.tally_of(self.under(node))

    @staticmethod
    def tally_of(entries) -> Tally:
        """The statuses of these entries (a part of a large plan's list counts its own)."""
        return Tally(Counter(entry.status.status for entry in entries))

    @cached_property
    def owner_labels(self) -> tuple[str, ...]:
        """What the plan calls the owners of its indicators (事業, 施策 …), in order of first use."""
        return tuple(dict.fromkeys(self.plan.owner_label(e.owner) for e in self.entries if not e.is_plan))

    @property
    def has_actuals(self) -> bool:
        return any(entry.indicator.has_actuals for entry in self.entries)

    # The city's grades ------------------------------------------------------------------------

    @property
    def graded(self) -> bool:
        """Whether the plan has a scale and anything graded by it."""
        return bool(self.plan.meta.evaluation_scale) and bool(self.grade_years(None) or self.project_grade_years(None))

    def grades(self, entry: Entry) -> list[YearGrade]:
        return year_grades(self.plan.meta, entry.indicator.grades, entry.indicator)

    def grade_tally(self, node: Optional[Node] = None, year: Optional[int] = None) -> GradeTally:
        return tally(self.plan.meta.evaluation_scale, [e.indicator.grades for e in self.under(node)], year)

    def grade_years(self, node: Optional[Node]) -> tuple[int, ...]:
        return self._years("indicators", node, lambda: [e.indicator.grades for e in self.under(node)])

    def projects_in(self, node: Optional[Node]) -> tuple[Project, ...]:
        return self.plan.projects_under(node) if node else self.plan.projects

    def project_grade_tally(self, node: Optional[Node] = None, year: Optional[int] = None) -> GradeTally:
        return tally(self.plan.meta.evaluation_scale, [p.grades for p in self.projects_in(node)], year)

    def project_grade_years(self, node: Optional[Node]) -> tuple[int, ...]:
        return self._years("projects", node, lambda: [p.grades for p in self.projects_in(node)])

    def _years(self, what: str, node: Optional[Node], graded) -> tuple[int, ...]:
        key = (what, node.id if node else None)
        if key not in self._graded_years:
            self._graded_years[key] = tuple(graded_years(graded()))
        return self._graded_years[key]

    def disagreements(self, node: Optional[Node] = None) -> list[tuple[Entry, YearGrade]]:
        """Every indicator and year where the city's grade and the site's status differ."""
        return [(entry, grade) for entry in self.under(node) for grade in self.grades(entry) if grade.disagrees]


def _entries(owner, path, indicators) -> list[Entry]:
    return [Entry(indicator, owner, path, status_of(indicator), position)
            for position, indicator in enumerate(indicators) if indicator.name]
