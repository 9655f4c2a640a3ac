"""Warnings for values that look like numbers but cannot be read (``1,23件``, ``10〜20件``).

They load as the source's text (so the page shows what was written) and are reported here
with file:line:column, never kept silently: among the plan's warnings (loading/warnings.py),
which make check prints and strict mode makes errors, and in the spreadsheet import's report.
"""

from __future__ import annotations

from typing import Iterator, Optional

from ..model.plan import Plan
from ..model.reading import UnitConflict, read_value
from ..base.errors import DataWarning, format_path


def value_warnings(plan: Plan) -> list[DataWarning]:
    """Every typed value of the plan's own files that reads as text although it looks like a number."""
    found = []
    for source in plan.sources.values():
        if not _may_warn(_indicators_of(plan, source.file)):
            continue  # the file's positions are read again only for a file that has something to report
        for path, text, unit in _typed_values(source.data, ()):
            try:
                problem = read_value(text, unit).problem
            except UnitConflict:  # an error, already reported by validation
                continue
            if problem:
                line, column = source.value_at(path)
                found.append(DataWarning(source.file, line, column, format_path(path), problem))
    return sorted(found)


def _indicators_of(plan: Plan, file: str) -> list:
    """The indicators the model read from one of the plan's files."""
    if file.endswith("/plan.yaml"):
        return list(plan.meta.kpis) if plan.meta else []
    if file.endswith("/tree.yaml"):
        return [k for node, _ in plan.tree.walk() for k in node.kpis] if plan.tree else []
    project = plan.project_by_id.get(file.rsplit("/", 1)[-1].removesuffix(".yaml")) if "/projects/" in file else None
    return list(project.kpis) if project else []


def _may_warn(indicators: list) -> bool:
    """Whether any value the model kept as text (the only kind that can warn) has a problem."""
    for indicator in indicators:
        for line in indicator.lines():
            for value in (*line.targets.values(), *line.actuals.values(), line.target):
                if value is not None and value.text is not None and _problem(value.text, line.unit):
                    return True
        baseline = indicator.baseline.value if indicator.baseline else None
        if baseline is not None and baseline.text is not None and _problem(baseline.text, indicator.unit):
            return True
    return False


def _problem(text: str, unit: Optional[str]) -> Optional[str]:
    try:
        return read_value(text, unit).problem
    except UnitConflict:  # an error, already reported by validation
        return None


def _typed_values(data, path: tuple) -> Iterator[tuple[tuple, str, Optional[str]]]:
    """(path, text, unit) of each text value of every indicator (any mapping in a kpis list)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "kpis" and isinstance(value, list):
                for i, indicator in enumerate(value):
                    if isinstance(indicator, dict):
                        yield from _indicator_values(indicator, path + (key, i))
            else:
                yield from _typed_values(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _typed_values(item, path + (i,))


def _indicator_values(indicator: dict, path: tuple):
    unit = _unit(indicator, None)
    yield from _line_values(indicator, path, unit)
    baseline = indicator.get("baseline")
    if isinstance(baseline, dict) and isinstance(baseline.get("value"), str):
        yield path + ("baseline", "value"), baseline["value"], unit
    for i, series in enumerate(indicator.get("series") or ()):
        if isinstance(series, dict):
            yield from _line_values(series, path + ("series", i), _unit(series, unit))


def _line_values(line: dict, path: tuple, unit: Optional[str]):
    for key in ("targets", "actuals"):
        values = line.get(key)
        if isinstance(values, dict):
            for year, value in values.items():
                if isinstance(value, str):
                    yield path + (key, year), value, unit
    if isinstance(line.get("target"), str):
        yield path + ("target",), line["target"], unit


def _unit(mapping: dict, default: Optional[str]) -> Optional[str]:
    return mapping["unit"] if isinstance(mapping.get("unit"), str) else default
