"""Downloads of a plan's indicators: CSV (one row per value, UTF-8, and a BOM variant for Excel)
and JSON. Both come from the same register as the dashboard."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterable, Iterator, Optional, TypeVar, Union

from ..model.values import Value
from ..base import urls
from ..model.values import format_value
from ..text.csv_cells import ExcelCopy, csv_lines, csv_text
from ..text.json_stream import Streamed, json_chunks, written
from ..text.wareki import fiscal_year_short
from .achievement import RULES, STATUSES, judgements
from .grading import GRADING
from .register import COUNTING, Entry, Register


T = TypeVar("T")
# A download's content: its text in pieces, written as they are made, or a copy of a CSV for Excel
FileContent = Union[Iterable[str], ExcelCopy]
# (project id, key, make) -> a piece of a download made from one 事業 file (project id) or from
# the plan's other files (None): made now, or kept by the preview from its last build
# (BuildContext.files, base.kept). The key names the piece within the plan's downloads.
Keep = Callable[[Optional[str], tuple, Callable[[], T]], T]


def made(project_id: Optional[str], key: tuple, make: Callable[[], T]) -> T:
    return make()


def _source(entry: Entry) -> Optional[str]:
    """The 事業 file an indicator comes from (None: a node's or the plan's, from the other files)."""
    return entry.owner.id if entry.is_project else None


def owner_url(plan, entry: Entry) -> str:
    """The page an indicator is shown on: its 事業's or node's page, or the plan's home."""
    if entry.is_plan:
        return urls.plan_home(plan)
    return urls.project(plan, entry.owner) if entry.is_project else urls.node(plan, entry.owner)

CSV_COLUMNS = (
    "計画", "指標ID", "対象の区分", "対象の番号", "対象の名称", "体系", "主管課", "指標の種類", "指標名", "系列", "単位",
    "判定の向き", "値の区分", "年度", "年度（和暦）", "値（表記）", "値（数値）", "達成状況", "判定の理由",
    "市の評価", "市の評価の区分", "市の評価の説明", "市の評価と達成状況",
)


def owner_label(register: Register, entry: Entry) -> str:
    """What the plan calls the owner: 事業 / 重点事業 / 施策 / 計画全体"""
    return register.plan.owner_label(entry.owner)


def _number(value: Optional[Value]) -> str:
    return format(value.number, "f") if value is not None and value.number is not None else ""


def _rows(register: Register, entry: Entry):
    indicator = entry.indicator
    plan = register.plan
    common = (
        plan.meta.title, entry.id, owner_label(register, entry), entry.owner.number or "", entry.owner.title,
        " > ".join(node.numbered_title for node in entry.path), "、".join(entry.departments),
        plan.words.kind(indicator.kind), indicator.name,
    )
    judged = {(j.series, j.year): j for j in judgements(indicator)}

    def row(series, unit, role, year, value, shown=None, judgement=None, grade=None):
        return (*common, series or "", unit or "", indicator.direction_label or "", role,
                str(year) if year else "", fiscal_year_short(year) if year else "",
                shown if shown is not None else format_value(value, unit), _number(value),
                judgement.label if judgement else "", judgement.reason if judgement else "",
                *(_grade_cells(grade) if grade else ("", "", "", "")))

    if indicator.baseline:
        yield row(None, indicator.unit, "現状値", indicator.baseline.year, indicator.baseline.value)
    if indicator.to_be_decided:
        yield row(None, indicator.unit, "目標値（未定）", indicator.to_be_decided.from_year, None, indicator.to_be_decided.text)
    for line in indicator.lines():
        for year, value in sorted(line.targets.items()):
            if value is not None:
                yield row(line.label, line.unit, "目標値", year, value)
        if line.target is not None:
            yield row(line.label, line.unit, "目標値（年度の記載なし）", None, line.target)
        for year, value in sorted(line.actuals.items()):
            if value is not None:
                yield row(line.label, line.unit, "実績値", year, value, judgement=judged.get((line.label, year)))
    for grade in register.grades(entry):
        yield row(None, indicator.unit, "市の評価", grade.year, None, grade.grade.grade, grade=grade)


def _grade_cells(grade) -> tuple[str, str, str, str]:
    """The grade, its label, the city's comment, and how it stands beside the site's status."""
    if grade.disagrees:
        beside = f"食い違い（サイトの判定: {grade.computed_label}）"
    else:
        beside = f"サイトの判定: {grade.computed_label}" if grade.computed_label else ""
    return grade.grade.grade, grade.grade.label, grade.entry.comment or "", beside


def indicators_csv(register: Register, keep: Keep = made) -> Iterator[str]:
    """The CSV's pieces: the header, then each indicator's rows."""
    yield csv_text(CSV_COLUMNS, ())
    for entry in register.entries:
        yield keep(_source(entry), ("csv", entry.id), lambda entry=entry: csv_lines(_rows(register, entry)))


def _value(value: Optional[Value], unit: Optional[str]) -> Optional[dict]:
    if value is None:
        return None
    number = value.number
    return {
        "display": format_value(value, unit),
        "number": (int(number) if number == number.to_integral_value() else float(number)) if isinstance(number, Decimal) else None,
        "unit": value.unit or unit,
    }


def indicators_json(register: Register, page_url, keep: Keep = made) -> Iterator[str]:
    """The register as JSON, in pieces made an indicator at a time; page_url(entry) gives the page
    an indicator is shown on."""
    plan = register.plan
    items = Streamed(keep(_source(entry), ("json", entry.id), lambda entry=entry: written(_json_item(register, entry, page_url)))
                     for entry in register.entries)
    document = {
        "plan": {"id": plan.id, "title": plan.meta.title, "municipality": plan.meta.municipality.name},
        "statuses": STATUSES, "rules": list(RULES), "counting": COUNTING,
        "tally": {status: count for status, _, count in register.tally().items()},
        "evaluation_scale": [{"grade": g.grade, "label": g.label, "meaning": g.meaning, "status": g.status}
                             for g in plan.meta.evaluation_scale],
        "grading": GRADING if plan.meta.evaluation_scale else None,
        "grade_tally": {g.grade: count for g, count in register.grade_tally().items()} if plan.meta.evaluation_scale else None,
        "indicators": items,
    }
    yield from json_chunks(document)
    yield "\n"


def _json_item(register: Register, entry: Entry, page_url) -> dict:
    """One indicator of the JSON download."""
    plan, indicator = register.plan, entry.indicator
    judged = judgements(indicator)
    return {
        "id": entry.id,
        "owner": {"kind": owner_label(register, entry), "number": entry.owner.number, "title": entry.owner.title,
                  "page": page_url(entry), "departments": list(entry.departments)},
        "path": [{"number": n.number, "title": n.title} for n in entry.path],
        "kind": indicator.kind, "kind_label": plan.words.kind(indicator.kind), "name": indicator.name, "unit": indicator.unit,
        "direction": indicator.direction, "cumulative": indicator.cumulative,
        "baseline": {**_value(indicator.baseline.value, indicator.unit), "year": indicator.baseline.year,
                     "as_of": indicator.baseline.as_of} if indicator.baseline else None,
        "to_be_decided": indicator.to_be_decided.text if indicator.to_be_decided else None,
        "lines": [{
            "series": line.label, "unit": line.unit,
            "targets": {str(y): _value(v, line.unit) for y, v in sorted(line.targets.items())},
            "target": _value(line.target, line.unit),
            "actuals": {str(y): _value(v, line.unit) for y, v in sorted(line.actuals.items())},
            "judgements": [{"year": j.year, "status": j.status, "label": j.label, "reason": j.reason}
                           for j in judged if j.series == line.label],
        } for line in indicator.lines()],
        "status": entry.status.status, "status_label": entry.status.label,
        "grades": [{"year": g.year, "grade": g.grade.grade, "label": g.grade.label, "comment": g.entry.comment,
                    "computed_status": g.computed, "disagrees": g.disagrees} for g in register.grades(entry)],
    }


INDICATOR_FILE_INFO = {
    "csv": ("CSV（UTF-8）", "指標の目標値・実績値・達成状況（1行に1つの値）"),
    "excel": ("CSV（Excel 用、BOM 付き UTF-8）", "指標の目標値・実績値・達成状況（Excel で開くとき）"),
    "json": ("JSON", "指標の目標値・実績値・達成状況と、判定の理由・規則"),
}


def downloads(register: Register, keep: Keep = made) -> Iterator[tuple[str, FileContent]]:
    """(site path, content) of each indicator download of a plan (none if it has no indicators).
    At thousands of 事業 each is megabytes: the content is made as it is written (FileContent)."""
    plan = register.plan
    if not register.entries:
        return
    yield urls.indicator_download(plan, "csv"), indicators_csv(register, keep)
    yield urls.indicator_download(plan, "excel"), ExcelCopy(urls.indicator_download(plan, "csv"))
    yield urls.indicator_download(plan, "json"), indicators_json(register, lambda entry: owner_url(plan, entry), keep)
