"""Downloads of a plan's indicators: CSV (one row per value, UTF-8, and a BOM variant for Excel)
and JSON. Both come from the same register as the dashboard."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Optional

from ..model.values import Value
from ..base import urls
from ..model.values import format_value
from ..text.wareki import fiscal_year_short
from .achievement import RULES, STATUSES, judgements
from .register import COUNTING, Entry, Register

CSV_COLUMNS = (
    "計画", "指標ID", "対象の区分", "対象の番号", "対象の名称", "体系", "主管課", "指標の種類", "指標名", "系列", "単位",
    "判定の向き", "値の区分", "年度", "年度（和暦）", "値（表記）", "値（数値）", "達成状況", "判定の理由",
)


def owner_label(register: Register, entry: Entry) -> str:
    """What the plan calls the owner: 事業 / 重点事業 / 施策 …"""
    plan = register.plan
    return plan.projects_label(entry.owner) if entry.is_project else plan.level_of(entry.owner).name


def _number(value: Optional[Value]) -> str:
    return format(value.number, "f") if value is not None and value.number is not None else ""


def _rows(register: Register, entry: Entry):
    indicator = entry.indicator
    common = (
        register.plan.meta.title, entry.id, owner_label(register, entry), entry.owner.number or "", entry.owner.title,
        " > ".join(node.numbered_title for node in entry.path), "、".join(entry.departments),
        indicator.kind_label, indicator.name,
    )
    judged = {(j.series, j.year): j for j in judgements(indicator)}

    def row(series, unit, role, year, value, shown=None, judgement=None):
        return (*common, series or "", unit or "", indicator.direction_label or "", role,
                str(year) if year else "", fiscal_year_short(year) if year else "",
                shown if shown is not None else format_value(value, unit), _number(value),
                judgement.label if judgement else "", judgement.reason if judgement else "")

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


def indicators_csv(register: Register, *, bom: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in register.entries:
        writer.writerows(_rows(register, entry))
    return ("\ufeff" if bom else "") + out.getvalue()


def _value(value: Optional[Value], unit: Optional[str]) -> Optional[dict]:
    if value is None:
        return None
    number = value.number
    return {
        "display": format_value(value, unit),
        "number": (int(number) if number == number.to_integral_value() else float(number)) if isinstance(number, Decimal) else None,
        "unit": value.unit or unit,
    }


def indicators_json(register: Register, page_url) -> str:
    """The register as JSON; page_url(entry) gives the page an indicator is shown on."""
    plan = register.plan
    items = []
    for entry in register.entries:
        indicator = entry.indicator
        judged = judgements(indicator)
        items.append({
            "id": entry.id,
            "owner": {"kind": owner_label(register, entry), "number": entry.owner.number, "title": entry.owner.title,
                      "page": page_url(entry), "departments": list(entry.departments)},
            "path": [{"number": n.number, "title": n.title} for n in entry.path],
            "kind": indicator.kind, "kind_label": indicator.kind_label, "name": indicator.name, "unit": indicator.unit,
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
        })
    document = {
        "plan": {"id": plan.id, "title": plan.meta.title, "municipality": plan.meta.municipality.name},
        "statuses": STATUSES, "rules": list(RULES), "counting": COUNTING,
        "tally": {status: count for status, _, count in register.tally().items()},
        "indicators": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


INDICATOR_FILE_INFO = {
    "csv": ("CSV（UTF-8）", "指標の目標値・実績値・達成状況（1行に1つの値）"),
    "excel": ("CSV（Excel 用、BOM 付き UTF-8）", "指標の目標値・実績値・達成状況（Excel で開くとき）"),
    "json": ("JSON", "指標の目標値・実績値・達成状況と、判定の理由・規則"),
}


def downloads(register: Register) -> dict[str, str]:
    """Site path -> content of each indicator download of a plan (none if it has no indicators)."""
    plan = register.plan
    if not register.entries:
        return {}

    def page_url(entry: Entry) -> str:
        return urls.project(plan, entry.owner) if entry.is_project else urls.node(plan, entry.owner)

    return {
        urls.indicator_download(plan, "csv"): indicators_csv(register),
        urls.indicator_download(plan, "excel"): indicators_csv(register, bom=True),
        urls.indicator_download(plan, "json"): indicators_json(register, page_url),
    }
