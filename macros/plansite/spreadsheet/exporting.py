"""Write a plan's indicators (and its 事業, for reference) to a workbook staff can fill in."""

from __future__ import annotations

from pathlib import Path

from ..model.plan import Plan
from .columns import INDICATOR_COLUMNS, INDICATOR_SHEET, PROJECT_COLUMNS, PROJECT_SHEET, grade_choices
from .rows import indicator_rows, project_rows
from .workbook import SheetSpec, help_rows, write_csv, write_xlsx, year_list


def export_plan(plan: Plan, data_dir: Path, target: Path) -> int:
    """Write target (.xlsx, or .csv for the 指標 sheet alone); returns the number of indicator rows."""
    rows = indicator_rows(plan, data_dir)
    cells = [row.cells for row in rows]
    if target.suffix.lower() == ".csv":
        write_csv(target, INDICATOR_COLUMNS, cells)
        return len(rows)
    years = set(plan.meta.period.years) | {row.year for row in rows if row.year}
    indicators = SheetSpec(INDICATOR_SHEET, INDICATOR_COLUMNS, cells, {
        "年度": year_list(years, any(row.year is None for row in rows)),
        "市の評価": list(grade_choices(plan)),
    })
    projects = SheetSpec(PROJECT_SHEET, PROJECT_COLUMNS, [row.cells for row in project_rows(plan)])
    title = f"{plan.meta.municipality.name}「{plan.meta.title}」の指標と事業（計画ID: {plan.id}）"
    write_xlsx(target, [indicators, projects], help_rows([(INDICATOR_SHEET, INDICATOR_COLUMNS), (PROJECT_SHEET, PROJECT_COLUMNS)]), title)
    return len(rows)
