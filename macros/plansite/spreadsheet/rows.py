"""The rows of a plan's workbook, and where in data/ each row's values are written.

One row per indicator line (the indicator, or each series) and fiscal year: every year of the
plan period and every year that has a value, and one 年度なし row for a target without a year.
Export writes these rows; import compares the workbook with the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Optional, Union

from ..model.indicator import Line
from ..model.plan import Plan
from ..model.values import Value
from ..progress.export import owner_label
from ..progress.register import Entry, Register
from ..model.values import format_value
from .columns import YEARLESS

Cell = Union[int, Decimal, str, None]


@dataclass(frozen=True)
class LineRef:
    """Where one indicator line lives: the file, and the YAML path of the line's mapping."""

    file: Path
    path: tuple
    unit: Optional[str]
    line: Line


@dataclass(frozen=True)
class GradeRef:
    """Where an indicator's grades (市の評価) live: the file and the YAML path of its grades mapping."""

    file: Path
    path: tuple
    grades: dict
    series: Optional[str]  # the line whose rows hold them: the first series, or None for an indicator without series


@dataclass(frozen=True)
class IndicatorRow:
    key: tuple  # (指標ID, 系列, 年度 or YEARLESS): what a workbook row is matched by
    cells: dict  # column name -> cell as exported
    ref: LineRef
    year: Optional[int]  # None on the 年度なし row
    grades: Optional[GradeRef] = None  # the indicator's grades (written on the rows of grades.series only)


@dataclass(frozen=True)
class ProjectRow:
    key: str  # 事業ID
    cells: dict


def plan_folder(data_dir: Path, plan: Plan) -> Path:
    return Path(data_dir) / "plans" / plan.id


def indicator_rows(plan: Plan, data_dir: Path) -> list[IndicatorRow]:
    folder = plan_folder(data_dir, plan)
    node_paths = _node_paths(plan)
    register = Register(plan)
    rows = []
    for entry in register.entries:
        if entry.is_project:
            file, base = _project_file(folder, entry.owner.id), ()
        elif entry.is_plan:
            file, base = folder / "plan.yaml", ()
        else:
            file, base = folder / "tree.yaml", node_paths[entry.owner.id]
        indicator_path = base + ("kpis", entry.position)
        common = {
            "計画ID": plan.id, "指標ID": entry.id, "項目ID": entry.owner.id, "項目の区分": owner_label(register, entry),
            "項目番号": entry.owner.number or "", "項目名": entry.owner.title, "指標の種類": plan.words.kind(entry.indicator.kind),
            "指標名": entry.indicator.name, "判定の向き": entry.indicator.direction_label or "",
        }
        lines = entry.indicator.lines()
        grades = GradeRef(file, indicator_path + ("grades",), entry.indicator.grades, lines[0].label)
        for index, line in enumerate(lines):
            path = indicator_path + (("series", index) if entry.indicator.series else ())
            ref = LineRef(file, path, line.unit, line)
            rows.extend(_line_rows(plan, entry, line, ref, common, grades))
    return rows


def _line_rows(plan: Plan, entry: Entry, line: Line, ref: LineRef, common: dict, grades: GradeRef) -> list[IndicatorRow]:
    """An indicator's grades are written on the rows of its first line (series) only."""
    own = line.label == grades.series

    def row(year, target, actual) -> IndicatorRow:
        entry_of_year = grades.grades.get(year) if own and year else None
        cells = {**common, "系列": line.label or "", "単位": line.unit or "", "年度": year if year else YEARLESS,
                 "目標値": value_cell(target, line.unit), "実績値": value_cell(actual, line.unit),
                 "市の評価": entry_of_year.grade if entry_of_year else None,
                 "備考": entry_of_year.comment if entry_of_year and entry_of_year.comment else None}
        return IndicatorRow((entry.id, line.label or "", year or YEARLESS), cells, ref, year, grades)

    found = []
    if line.target is not None:
        found.append(row(None, line.target, None))
    years = sorted(set(plan.meta.period.years) | set(line.targets) | set(line.actuals) | set(grades.grades if own else ()))
    for year in years:
        found.append(row(year, line.targets.get(year), line.actuals.get(year)))
    return found


def value_cell(value: Optional[Value], unit: Optional[str]) -> Cell:
    """A number alone is stored as a number; anything with words, as its text as shown."""
    if value is None:
        return None
    if value.number is not None and not (value.prefix or value.suffix or value.display or value.unit):
        return int(value.number) if value.number == value.number.to_integral_value() and value.number.as_tuple().exponent >= 0 else value.number
    return format_value(value, unit)


def project_rows(plan: Plan) -> list[ProjectRow]:
    counts = {}
    for entry in Register(plan).entries:
        if entry.is_project:
            counts[entry.owner.id] = counts.get(entry.owner.id, 0) + 1
    rows = []
    for project in plan.projects:
        node = plan.node_of(project)
        cells = {
            "計画ID": plan.id, "事業ID": project.id, "番号": project.number or "", "名称": project.title, "体系ID": project.node or "",
            "体系の名称": node.title if node else "", "主管課": "、".join(project.departments), "新規・継続": project.novelty_label or "",
            "事業区分": project.category or "", "指標の数": counts.get(project.id, 0),
        }
        rows.append(ProjectRow(project.id, cells))
    return rows


def _project_file(folder: Path, project_id: str) -> Path:
    for suffix in (".yaml", ".yml"):
        path = folder / "projects" / f"{project_id}{suffix}"
        if path.is_file():
            return path
    return folder / "projects" / f"{project_id}.yaml"


def _node_paths(plan: Plan) -> dict[str, tuple]:
    """Node id -> its YAML path in tree.yaml: ('nodes', 0, 'children', 1)."""
    paths: dict[str, tuple] = {}

    def walk(nodes, base: tuple) -> None:
        for i, node in enumerate(nodes):
            paths[node.id] = base + (i,)
            walk(node.children, base + (i, "children"))

    walk(plan.tree.nodes, ("nodes",))
    return paths
