"""What changed between two editions of a plan, computed from their data (never written by hand).

Projects and hierarchy nodes are matched by id; an indicator by its group and name within the
same project or node; values are compared as the page displays them, so "100件" and
"100.0件" count as a change exactly when a reader would see one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional, Union

from ..model.indicator import Indicator, Line
from ..model.plan import Plan
from ..model.project import Project
from ..model.schedule import ScheduleRow
from ..model.tree import Node
from ..model.values import MISSING, format_value
from ..text.wareki import fiscal_year_short

Owner = Union[Node, Project]


@dataclass(frozen=True)
class Place:
    """A project or node in one edition: where a change is shown and linked."""

    edition: Plan
    owner: Owner

    @property
    def is_project(self) -> bool:
        return isinstance(self.owner, Project)


@dataclass(frozen=True)
class ProjectChange:
    kind: str  # 追加, 名称変更, 終了
    place: Place  # the newer edition's page, or the older one's for an ended project
    former_title: str = ""


@dataclass(frozen=True)
class IndicatorChange:
    kind: str  # 追加, 削除
    name: str
    place: Place


@dataclass(frozen=True)
class ValueChange:
    """A target or actual of one year (year None: a target written without a year)."""

    name: str
    place: Place
    year: Optional[int]
    before: str
    after: str


@dataclass(frozen=True)
class TextChange:
    """A schedule row or the departments of a project, before and after, as displayed."""

    place: Place
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Changes:
    older: Plan
    newer: Plan
    projects: tuple[ProjectChange, ...]
    indicators: tuple[IndicatorChange, ...]
    targets: tuple[ValueChange, ...]
    actuals: tuple[ValueChange, ...]
    schedules: tuple[TextChange, ...]
    departments: tuple[TextChange, ...]

    @property
    def total(self) -> int:
        return sum(len(group) for group in (self.projects, self.indicators, self.targets, self.actuals, self.schedules, self.departments))


PROJECT_KINDS = ("追加", "名称変更", "終了")


def edition_history(current: Plan) -> list[Changes]:
    """Changes between each pair of consecutive editions, the newest pair first."""
    editions = (current, *current.earlier)
    return [compare(older, newer) for newer, older in zip(editions, editions[1:])]


def compare(older: Plan, newer: Plan) -> Changes:
    projects: list[ProjectChange] = [ProjectChange("追加", Place(newer, p)) for p in newer.projects if p.id not in older.project_by_id]
    projects += [
        ProjectChange("名称変更", Place(newer, p), older.project_by_id[p.id].title)
        for p in newer.projects if p.id in older.project_by_id and older.project_by_id[p.id].title != p.title
    ]
    projects += [ProjectChange("終了", Place(older, p)) for p in older.projects if p.id not in newer.project_by_id]
    indicators: list[IndicatorChange] = []
    targets: list[ValueChange] = []
    actuals: list[ValueChange] = []
    schedules: list[TextChange] = []
    departments: list[TextChange] = []
    old_owners = _owners(older)
    for key, owner in _owners(newer).items():
        before = old_owners.get(key)
        if before is None:
            continue  # a new project is listed once, as added
        here = Place(newer, owner)
        old_kpis, new_kpis = _keyed(before.kpis), _keyed(owner.kpis)
        indicators += [IndicatorChange("追加", _name(k), here) for key_, k in new_kpis.items() if key_ not in old_kpis]
        indicators += [IndicatorChange("削除", _name(k), Place(older, before)) for key_, k in old_kpis.items() if key_ not in new_kpis]
        for key_, indicator in new_kpis.items():
            if key_ in old_kpis:
                pairs = _lines(old_kpis[key_], indicator)
                targets += _value_changes(_name(indicator), here, pairs, "targets")
                actuals += _value_changes(_name(indicator), here, pairs, "actuals")
        schedules += _schedule_changes(here, before.schedule, owner.schedule)
        if isinstance(owner, Project) and before.departments != owner.departments:
            departments.append(TextChange(here, "", "、".join(before.departments) or MISSING, "、".join(owner.departments) or MISSING))
    return Changes(older, newer, tuple(projects), tuple(indicators), tuple(targets), tuple(actuals), tuple(schedules), tuple(departments))


def _owners(plan: Plan) -> dict[tuple[str, str], Owner]:
    """Every node and project that can hold indicators and schedules, in reading order."""
    owners: dict[tuple[str, str], Owner] = {("node", node.id): node for node, _ in plan.tree.walk()}
    owners.update({("project", project.id): project for project in plan.projects})
    return owners


def _name(indicator: Indicator) -> str:
    name = indicator.name or indicator.to_be_decided.text
    return f"{indicator.group}：{name}" if indicator.group else name


def _keyed(kpis: tuple[Indicator, ...]) -> dict[tuple[str, int], Indicator]:
    """Indicators by name; a name used twice in one place is told apart by its order."""
    seen: Counter = Counter()
    keyed = {}
    for indicator in kpis:
        name = _name(indicator)
        keyed[(name, seen[name])] = indicator
        seen[name] += 1
    return keyed


def _lines(older: Indicator, newer: Indicator) -> list[tuple[Optional[str], Optional[Line], Optional[Line]]]:
    """(series label, old line, new line) for each printed line of either edition."""
    old = {line.label: line for line in older.lines()}
    new = {line.label: line for line in newer.lines()}
    return [(label, old.get(label), new.get(label)) for label in dict.fromkeys([*new, *old])]


def _value_changes(name: str, place: Place, pairs, field: str) -> list[ValueChange]:
    found = []
    for label, old, new in pairs:
        shown = f"{name}（{label}）" if label else name
        old_values, new_values = (getattr(line, field) if line else {} for line in (old, new))
        for year in sorted({*old_values, *new_values}):
            before = format_value(old_values.get(year), old.unit) if old else MISSING
            after = format_value(new_values.get(year), new.unit) if new else MISSING
            if before != after:
                found.append(ValueChange(shown, place, year, before, after))
        if field == "targets":
            before = format_value(old.target, old.unit) if old else MISSING
            after = format_value(new.target, new.unit) if new else MISSING
            if before != after:
                found.append(ValueChange(shown, place, None, before, after))
    return found


def _schedule_changes(place: Place, older: tuple[ScheduleRow, ...], newer: tuple[ScheduleRow, ...]) -> list[TextChange]:
    found = []
    for i in range(max(len(older), len(newer))):
        old = _row_text(older[i]) if i < len(older) else MISSING
        new = _row_text(newer[i]) if i < len(newer) else MISSING
        if old != new:
            row = newer[i] if i < len(newer) else older[i]
            label = row.label or (f"{i + 1}行目" if max(len(older), len(newer)) > 1 else "")
            found.append(TextChange(place, label, old, new))
    return found


def _row_text(row: ScheduleRow) -> str:
    """令和7年度：準備／令和8年度〜令和9年度：実施"""
    return "／".join(
        f"{fiscal_year_short(phase.start)}{'〜' + fiscal_year_short(phase.end) if phase.end else ''}：{phase.text}"
        for phase in row.phases
    )
