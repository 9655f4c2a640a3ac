"""Take a filled-in workbook back into data/: compare it with the plan's own rows, read each
changed cell as staff type values, validate the result with the same loader as the build, and
only then write the changed files, each replaced whole (temporary file, then rename).

Every problem is collected with the workbook, sheet and cell it comes from; when any remains,
nothing is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

from ..base.errors import DataErrors, format_path
from ..loading.load import load_site
from ..loading.value_warnings import value_warnings
from ..model.plan import Plan
from ..model.reading import Reading, UnitConflict
from ..model.values import Value
from ..model.values import format_value
from .columns import GRADE, GRADE_NOTE, INDICATOR_COLUMNS, INDICATOR_SHEET, PROJECT_COLUMNS, PROJECT_SHEET, YEARLESS
from .rows import IndicatorRow, indicator_rows, project_rows
from .workbook import ReadBook, ReadCell, UnreadableBook, read_book
from .cells import Unread, read_cell, read_year, yaml_data
from .yaml_edit import Edit, EditFailed, apply_edits, verify

_KEYS = ("計画ID", "指標ID", "系列", "年度")
_REQUIRED = (*_KEYS, "目標値", "実績値")


@dataclass(frozen=True, order=True)
class Problem:
    """One message placed in the workbook (実績.xlsx「指標」シート F12) or in a data file."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @classmethod
    def of(cls, error) -> "Problem":
        """A DataError or DataWarning of a data file, as it is."""
        return cls(f"{error.file}:{error.line}:{error.column}", f"{error.path}: {error.message}" if error.path else error.message)


@dataclass(frozen=True)
class Change:
    file: str  # as shown: data/plans/…/projects/7.yaml
    item: str  # 事業 7 相模原市公式ホームページ管理システム更新
    indicator: str
    year: str
    column: str
    old: str
    new: str
    where: str

    def __str__(self) -> str:
        return f"{self.file}: {self.item}「{self.indicator}」{self.year} {self.column}: {self.old} → {self.new}"


@dataclass
class Import:
    book: str
    plan_id: Optional[str] = None
    changes: list[Change] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: dict = field(default_factory=dict)  # real path -> new bytes, once validated

    @property
    def ok(self) -> bool:
        return not self.errors


def read_import(book_path: Path, data_dir: Path, *, root: Optional[Path] = None) -> Import:
    """Everything import would do, validated; nothing is written (see write)."""
    root = Path(root) if root else Path.cwd()
    result = Import(book_path.name)
    try:
        book = read_book(book_path)
    except UnreadableBook as exc:
        result.errors.append(Problem(book_path.name, str(exc)))
        return result
    except OSError as exc:
        result.errors.append(Problem(book_path.name, f"ファイルを開けません（{exc.strerror or exc}）"))
        return result
    for sheet, ref, message in book.problems:
        result.errors.append(Problem(book.where(sheet, ref), message))
    sheet = book.sheets.get(INDICATOR_SHEET)
    if sheet is None:
        result.errors.append(Problem(book.file, f"「{INDICATOR_SHEET}」シートがありません。plansite export で書き出したファイルを使ってください"))
        return result
    missing = [name for name in _REQUIRED if name not in sheet.header]
    if missing:
        result.errors.append(Problem(book.where(sheet.name, "1行目"), "見出しに " + "、".join(f"「{m}」" for m in missing)
                                     + " の列がありません。plansite export で書き出したときの見出しのままにしてください"))
        return result
    known = {c.name for c in INDICATOR_COLUMNS}
    for name, letter in sheet.header.items():
        if name not in known:
            result.warnings.append(Problem(book.where(sheet.name, f"{letter}1"), f"列「{name}」は取り込みません（メモとして残すだけです）"))
    if not sheet.rows:  # a plan without indicators exports a header alone
        result.warnings.append(Problem(book.where(sheet.name, "2行目"), "指標の行がありません。取り込む値はありません"))
        return result
    plan_id = _plan_id(book, sheet, result)
    if plan_id is None:
        return result
    result.plan_id = plan_id
    try:
        site = load_site(data_dir, [plan_id], root=root)
    except DataErrors as errors:
        result.errors.extend(Problem.of(e) for e in errors.errors)
        return result
    plan = site.plan_by_id[plan_id]
    result.warnings.extend(Problem.of(w) for w in value_warnings(plan))
    edits = _compare(book, sheet, plan, data_dir, root, result)
    if PROJECT_SHEET in book.sheets:
        _check_projects(book, plan, result)
    if result.errors or not edits.by_file:
        return result
    _stage(edits, plan_id, data_dir, root, result)
    return result


def write(result: Import) -> None:
    """Replace each changed file whole; all are written to temporary files first."""
    staged = []
    try:
        for path, content in result.files.items():
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            staged.append((temporary, path))
    except BaseException:
        for temporary, _ in staged:
            os.unlink(temporary)
        raise
    for temporary, path in staged:
        shutil.copymode(path, temporary)
        os.replace(temporary, path)


# Comparing the workbook with the plan ---------------------------------------------------------


@dataclass
class _Edits:
    by_file: dict = field(default_factory=dict)  # Path -> [Edit]
    cells: dict = field(default_factory=dict)  # (file shown, path shown) -> where


def _plan_id(book: ReadBook, sheet, result: Import) -> Optional[str]:
    ids = {}
    for row in sheet.rows:
        cell = row["計画ID"]
        if cell.value is not None:
            ids.setdefault(str(cell.value).strip(), cell)
    if len(ids) != 1:
        message = "計画ID の列が空です" if not ids else "計画ID が行によって違います（" + "、".join(ids) + "）。1つの計画の行だけにしてください"
        result.errors.append(Problem(book.where(sheet.name, next(iter(ids.values())).ref if ids else "A2"), message))
        return None
    return next(iter(ids))


def _compare(book: ReadBook, sheet, plan: Plan, data_dir: Path, root: Path, result: Import) -> _Edits:
    expected = {row.key: row for row in indicator_rows(plan, data_dir)}
    lines: dict[tuple, IndicatorRow] = {}
    for row in expected.values():
        lines.setdefault(row.key[:2], row)
    edits = _Edits()
    seen: dict[tuple, str] = {}

    def where(cell: ReadCell) -> str:
        return book.where(sheet.name, cell.ref)

    def problem(cell: ReadCell, message: str, warning: bool = False) -> None:
        (result.warnings if warning else result.errors).append(Problem(where(cell), message))

    for cells in sheet.rows:
        indicator_id = _text(cells["指標ID"].value)
        series = _text(cells["系列"].value)
        year = read_year(cells["年度"], problem)
        if year is None:
            continue
        if not indicator_id:
            problem(cells["指標ID"], "指標ID が空です。書き出したときの指標ID のままにしてください（行を足すときは、同じ指標の行から写します）")
            continue
        key = (indicator_id, series, year)
        if key in seen:
            problem(cells["年度"], f"同じ指標・系列・年度の行が {seen[key]} にもあります。1行にまとめてください")
            continue
        seen[key] = cells["年度"].ref
        row = expected.get(key)
        line_row = row or lines.get(key[:2])
        if line_row is None:
            known_id = any(k[0] == indicator_id for k in lines)
            problem(cells["系列"] if known_id else cells["指標ID"], f"指標ID「{indicator_id}」" + (f"・系列「{series}」" if series else "") + "の指標はこの計画にありません。書き出したときのままにしてください")
            continue
        _check_fixed(cells, line_row, row is not None, problem)
        _compare_grade(cells, row, line_row, year, plan, root, edits, result, problem, where)
        for column in ("目標値", "実績値"):
            _compare_value(cells[column], column, row, line_row, year, root, edits, result, problem, where)
    return edits


def _check_fixed(cells: dict, row: IndicatorRow, same_year: bool, problem) -> None:
    """Columns that describe the indicator must stay as exported."""
    for column in INDICATOR_COLUMNS:
        if column.editable or column.name in _KEYS or column.name not in cells:
            continue
        typed, exported = cells[column.name], row.cells.get(column.name)
        if not _same(typed.value, exported):
            problem(typed, f"「{column.name}」は表計算ソフトでは変えられません（書き出したときは「{exported or '空欄'}」）。"
                           f"書き換えられるのは目標値・実績値です。ほかを直すときは {Path(row.ref.file).name} を直してください")


def _compare_grade(cells: dict, row: Optional[IndicatorRow], line_row: IndicatorRow, year, plan: Plan, root: Path,
                   edits: _Edits, result: Import, problem, where) -> None:
    """The 市の評価 and 備考 cells of one row: an Edit of the indicator's grades when they say
    another grade or comment than the data."""
    grade_cell, note_cell = cells.get(GRADE.name), cells.get(GRADE_NOTE.name)
    grade = _text(grade_cell.value) if grade_cell is not None else ""
    note = _text(note_cell.value) if note_cell is not None else ""
    exported = row.cells if row else {}
    if _same(grade, exported.get(GRADE.name)) and _same(note, exported.get(GRADE_NOTE.name)):
        return
    scale = [g.grade for g in plan.meta.evaluation_scale]
    filled = grade_cell if grade else note_cell
    if not scale:
        problem(filled, f"この計画には評価の区分（evaluation_scale）がありません。「{GRADE.name if grade else GRADE_NOTE.name}」は、"
                        "plan.yaml に評価の区分を書いてから使えます。それまでは空欄にしてください")
        return
    if year == YEARLESS:
        problem(filled, f"「{YEARLESS}」の行には{GRADE.name}を書けません。{GRADE.name}は、その年度の行に書いてください")
        return
    refs = line_row.grades
    if (line_row.key[1] or None) != refs.series:
        problem(filled, f"系列のある指標の{GRADE.name}は、最初の系列「{refs.series}」の行に書いてください")
        return
    if note and not grade:
        problem(note_cell, f"「{GRADE_NOTE.name}」は{GRADE.name}の説明です。{GRADE.name}のない年度には書けません")
        return
    if grade and grade not in scale:
        problem(grade_cell, f"{GRADE.name}「{grade}」は評価の区分（evaluation_scale）にありません。書ける記号: {'、'.join(scale)}")
        return
    current = refs.grades.get(year)
    value = None if not grade else ({"grade": grade, "comment": note} if note else grade)
    path = refs.path + (year,)
    edits.by_file.setdefault(refs.file, []).append(Edit(path, value))
    shown = _show(refs.file, root)
    edits.cells[(shown, format_path(path))] = where(filled)
    item = line_row.cells
    old = (current.grade + (f"（{current.comment}）" if current.comment else "")) if current else "（なし）"
    result.changes.append(Change(
        shown, f"{item['項目の区分']} {item['項目番号']} {item['項目名']}".replace("  ", " "), item["指標名"], f"{year}年度",
        GRADE.name, old, (grade + (f"（{note}）" if note else "")) if grade else "（なし）", where(filled),
    ))


def _compare_value(cell: ReadCell, column: str, row: Optional[IndicatorRow], line_row: IndicatorRow, year, root: Path,
                   edits: _Edits, result: Import, problem, where) -> None:
    """One 目標値 or 実績値 cell: an Edit and a Change when it says another value than the data."""
    ref = line_row.ref
    exported = row.cells[column] if row else None
    if _same(cell.value, exported):
        return
    if year == YEARLESS and column == "実績値":
        if cell.value is not None:
            problem(cell, f"「{YEARLESS}」の行には実績値を書けません。実績値は、その年度の行に書いてください")
        return
    line = ref.line
    if year == YEARLESS:
        current, path = line.target, ref.path + ("target",)
    else:
        values = line.targets if column == "目標値" else line.actuals
        current, path = values.get(year), ref.path + ("targets" if column == "目標値" else "actuals", year)
    try:
        new = read_cell(cell.value, ref.unit, current)
    except UnitConflict as conflict:
        problem(cell, str(conflict))
        return
    except Unread as unread:
        problem(cell, unread.args[0], warning=True)
        new = Value.model_validate(Reading("text", str(cell.value).strip()))  # kept as the text typed
    if new == current:
        return
    edits.by_file.setdefault(ref.file, []).append(Edit(path, yaml_data(new)))
    shown = _show(ref.file, root)
    edits.cells[(shown, format_path(path))] = where(cell)
    item = line_row.cells
    result.changes.append(Change(
        shown, f"{item['項目の区分']} {item['項目番号']} {item['項目名']}".replace("  ", " "),
        item["指標名"] + (f"（{line.label}）" if line.label else ""), f"{year}年度" if year != YEARLESS else YEARLESS,
        column, format_value(current, ref.unit), format_value(new, ref.unit), where(cell),
    ))


def _check_projects(book: ReadBook, plan: Plan, result: Import) -> None:
    sheet = book.sheets[PROJECT_SHEET]
    expected = {row.key: row for row in project_rows(plan)}
    for cells in sheet.rows:
        project_id = _text(cells.get("事業ID", ReadCell(None, "B2")).value)
        row = expected.get(project_id)
        if row is None:
            where = cells.get("事業ID") or next(iter(cells.values()))
            result.errors.append(Problem(book.where(sheet.name, where.ref), f"事業ID「{project_id}」の事業はこの計画にありません。"
                                         "事業を足すときは projects/ にファイルを作ってください"))
            continue
        for column in PROJECT_COLUMNS:
            cell = cells.get(column.name)
            if cell is not None and not _same(cell.value, row.cells[column.name]):
                result.errors.append(Problem(book.where(sheet.name, cell.ref),
                                             f"「{PROJECT_SHEET}」シートは確かめるための一覧で、取り込みません（「{column.name}」は書き出したときは"
                                             f"「{row.cells[column.name] or '空欄'}」）。事業を直すときは projects/{project_id}.yaml を直してください"))


def _same(typed, exported) -> bool:
    if typed is None or exported is None or exported == "":
        return (typed is None or typed == "") and (exported is None or exported == "")
    if isinstance(typed, (int, Decimal)) and isinstance(exported, (int, Decimal)):
        return Decimal(typed) == Decimal(exported)
    return _text(typed) == _text(exported)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value).strip()


# Validating the changed files before writing them ---------------------------------------------


def _stage(edits: _Edits, plan_id: str, data_dir: Path, root: Path, result: Import) -> None:
    """Write the changed files into a copy of data/, verify and load it; keep the bytes if valid."""
    data_dir = Path(data_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="plansite-import-") as scratch:
        staged_root = Path(scratch)
        try:
            relative = data_dir.relative_to(Path(root).resolve())
        except ValueError:
            relative = Path(data_dir.name)
        staged_data = staged_root / relative
        shutil.copytree(data_dir, staged_data)
        contents = {}
        try:
            for path, file_edits in edits.by_file.items():
                raw = path.read_bytes()
                bom = raw.startswith(b"\xef\xbb\xbf")
                text = raw.decode("utf-8-sig")
                new = ("\ufeff" if bom else "") + apply_edits(text, file_edits)
                staged = staged_data / Path(path).resolve().relative_to(data_dir)
                staged.write_bytes(new.encode("utf-8"))
                verify(path, staged, file_edits)
                contents[path] = new.encode("utf-8")
        except EditFailed as exc:
            result.errors.append(Problem(result.book, f"データを書き換えられませんでした（{exc}）。何も書き込んでいません"))
            return
        try:
            load_site(staged_data, [plan_id], root=staged_root)
        except DataErrors as errors:
            for error in errors.errors:
                where = _cell_of(error, edits)
                result.errors.append(Problem(where, error.message) if where else Problem.of(error))
            return
    result.files = contents


def _cell_of(error, edits: _Edits) -> Optional[str]:
    """The cell whose change a loading error is about (the same value, or inside it)."""
    for (file, path), where in edits.cells.items():
        if error.file == file and (error.path == path or error.path.startswith(path + ".") or error.path.startswith(path + "[")):
            return where
    return None


def _show(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
