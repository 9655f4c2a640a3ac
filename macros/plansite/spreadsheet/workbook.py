"""Write a plan's rows to .xlsx (openpyxl) or .csv, and read a workbook back as cells with
their addresses, so every message can name the workbook, sheet and cell."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Optional

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .columns import HELP_SHEET, INDICATOR_SHEET, YEARLESS, Column

_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_EDITABLE_FILL = PatternFill("solid", fgColor="FFF5CC")  # the columns import takes, marked in the header too
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A CSV cell that a spreadsheet would run as a formula gets a leading apostrophe.

    (Helper 14 is adding a shared one to progress/export.py; this gives way to it once merged.)"""
    return "'" + text if text.startswith(_FORMULA_START) else text


def unneutralise(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


@dataclass
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    rows: list[dict]
    lists: dict = field(default_factory=dict)  # column name -> allowed values (a drop-down list)


def write_xlsx(path: Path, sheets: list[SheetSpec], help_rows: list[tuple[str, str, str]], title: str) -> None:
    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        _write_sheet(book.create_sheet(spec.name), spec)
    _write_help(book.create_sheet(HELP_SHEET), help_rows, title)
    book.properties.title = title
    book.properties.creator = "plansite"
    book.save(path)


def _write_sheet(sheet, spec: SheetSpec) -> None:
    for index, column in enumerate(spec.columns, 1):
        cell = sheet.cell(1, index, column.name)
        cell.font = Font(bold=True)
        cell.fill = _EDITABLE_FILL if column.editable else _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for number, row in enumerate(spec.rows, 2):
        for index, column in enumerate(spec.columns, 1):
            _put(sheet.cell(number, index), row.get(column.name), column)
    sheet.freeze_panes = "A2"
    if spec.rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{len(spec.rows) + 1}"
    for name, allowed in spec.lists.items():
        if not allowed:
            continue
        letter = get_column_letter([c.name for c in spec.columns].index(name) + 1)
        check = DataValidation(type="list", formula1='"' + ",".join(str(a) for a in allowed) + '"', allow_blank=True,
                               showErrorMessage=True, errorTitle="選べない値です", error="一覧から選んでください")
        check.add(f"{letter}2:{letter}{max(len(spec.rows) + 1, 2) + 500}")  # room for rows staff add
        sheet.add_data_validation(check)


def _put(cell, value, column: Column) -> None:
    if value is None or value == "":
        return
    if isinstance(value, Decimal):
        exact = value == Decimal(repr(float(value)))
        cell.value = float(value) if exact else format(value, "f")
        if exact:
            cell.number_format = "#,##0." + "0" * max(-value.as_tuple().exponent, 1)
        return
    cell.value = value
    if isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = "0" if column.name == "年度" else "#,##0"  # 2026, not 2,026
    elif isinstance(value, str):
        cell.data_type = "s"  # never a formula, even when the text starts with =


def _write_help(sheet, help_rows: list[tuple[str, str, str]], title: str) -> None:
    sheet.cell(1, 1, title).font = Font(bold=True, size=13)
    lead = sheet.cell(2, 1, "黄色の見出しの列（目標値・実績値など）を書き換えて保存し、plansite import で取り込みます。"
                            "それ以外の列は変えないでください。行の並べ替え・絞り込みはかまいません。")
    lead.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A2:C2")
    sheet.row_dimensions[2].height = 32
    for index, header in enumerate(("シート", "列", "説明"), 1):
        cell = sheet.cell(4, index, header)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for number, row in enumerate(help_rows, 5):
        for index, text in enumerate(row, 1):
            sheet.cell(number, index, text).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in (("A", 10), ("B", 16), ("C", 90)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"


def help_rows(sheets: Iterable[tuple[str, tuple[Column, ...]]]) -> list[tuple[str, str, str]]:
    rows = []
    for sheet, columns in sheets:
        for column in columns:
            rows.append((sheet, column.name, ("【書き換えると取り込みます】" if column.editable else "") + column.help))
    return rows


def write_csv(path: Path, columns: tuple[Column, ...], rows: list[dict]) -> None:
    """UTF-8 with a BOM (Excel reads it as UTF-8), CRLF, cells that cannot start a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([neutralise(_csv_text(row.get(c.name))) for c in columns])
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# Reading back ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadCell:
    value: object  # int, Decimal, str or None, as typed
    ref: str  # F12


@dataclass
class ReadSheet:
    name: Optional[str]  # None for a CSV file
    header: dict  # column name -> letter
    rows: list[dict]  # column name -> ReadCell, one dict per non-empty row
    header_row: int = 1


@dataclass
class ReadBook:
    file: str  # the name shown in messages
    sheets: dict  # sheet name -> ReadSheet (a CSV is the 指標 sheet)
    is_csv: bool = False
    problems: list = field(default_factory=list)  # (sheet name, cell, message)

    def where(self, sheet: Optional[str], ref: str) -> str:
        return f"{self.file} {ref}" if self.is_csv else f"{self.file}「{sheet}」シート {ref}"


class UnreadableBook(Exception):
    pass


def read_book(path: Path) -> ReadBook:
    name = path.name
    if path.suffix.lower() == ".csv":
        book = ReadBook(name, {}, is_csv=True)
        book.sheets[INDICATOR_SHEET] = _read_csv(path, book)
        return book
    try:
        formulas = load_workbook(path, data_only=False, read_only=True)
        # Excel and LibreOffice keep a formula's result beside it: read those only when there are formulas.
        values = load_workbook(path, data_only=True, read_only=True) if _has_formulas(formulas) else formulas
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UnreadableBook(f"{name} を表計算ソフトのファイル（.xlsx）として読めません（{type(exc).__name__}）。"
                             "Excel・LibreOffice で「.xlsx」形式で保存し直してください") from None
    book = ReadBook(name, {})
    try:
        for sheet_name in values.sheetnames:
            if sheet_name != HELP_SHEET:
                book.sheets[sheet_name] = _read_xlsx_sheet(values[sheet_name], formulas[sheet_name], book, sheet_name)
    finally:  # read-only workbooks keep the file open (Windows could not replace it)
        values.close()
        formulas.close()
    return book


def _has_formulas(book) -> bool:
    return any(getattr(cell, "data_type", None) == "f" for sheet in book.worksheets for row in sheet.iter_rows() for cell in row)


def _read_xlsx_sheet(values, formulas, book: ReadBook, sheet_name: str) -> ReadSheet:
    grid = []
    for number, (value_row, formula_row) in enumerate(zip(values.iter_rows(min_row=1, min_col=1),
                                                          formulas.iter_rows(min_row=1, min_col=1)), 1):
        cells = []
        for column, (cell, formula) in enumerate(zip(value_row, formula_row), 1):
            ref = f"{get_column_letter(column)}{number}"
            typed = getattr(formula, "value", None)
            if getattr(cell, "value", None) is None and isinstance(typed, str) and getattr(formula, "data_type", None) == "f":
                book.problems.append((sheet_name, ref, "数式の結果が保存されていません。数式をやめて値を書くか、表計算ソフトで開いて保存し直してください"))
            cells.append((_typed(cell), ref))
        grid.append(cells)
    return _sheet_from_grid(sheet_name, grid)


def _typed(cell):
    value = getattr(cell, "value", None)  # a read-only sheet pads rows with EmptyCell
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        number = Decimal(repr(value))
        if "%" in (getattr(cell, "number_format", "") or ""):
            return str((number * 100).normalize()) + "%"  # Excel keeps 12.3% as 0.123
        return number.quantize(Decimal(1)) if number == number.to_integral_value() else number
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        if "%" in (getattr(cell, "number_format", "") or ""):
            return f"{value * 100}%"
        return value
    if value is None:
        return None
    return str(value)  # a date or time typed into a cell: read as its text


def _read_csv(path: Path, book: ReadBook) -> ReadSheet:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):  # Excel for Japanese saves CSV as Shift_JIS unless told otherwise
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableBook(f"{book.file} の文字コードが読めません。CSV（UTF-8）で保存し直してください")
    grid = []
    for row_number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
        grid.append([(unneutralise(value) if value != "" else None, f"{get_column_letter(i)}{row_number}")
                     for i, value in enumerate(row, 1)])
    return _sheet_from_grid(None, grid)


def _sheet_from_grid(name: Optional[str], grid: list[list[tuple]]) -> ReadSheet:
    header: dict = {}
    rows: list[dict] = []
    if not grid:
        return ReadSheet(name, header, rows)
    letters = {}
    for index, (value, ref) in enumerate(grid[0], 1):
        if isinstance(value, str) and value.strip():
            header[value.strip()] = get_column_letter(index)
            letters[index] = value.strip()
    for number, row in enumerate(grid[1:], 2):
        cells = {}
        for index, (value, ref) in enumerate(row, 1):
            if index in letters:
                if isinstance(value, str) and not value.strip():
                    value = None
                cells[letters[index]] = ReadCell(value, ref or f"{get_column_letter(index)}{number}")
        if any(cell.value is not None for cell in cells.values()):
            for column, letter in header.items():
                cells.setdefault(column, ReadCell(None, f"{letter}{number}"))
            rows.append(cells)
    return ReadSheet(name, header, rows)


def year_list(years: Iterable[int], yearless: bool) -> list:
    return [*sorted(years), *([YEARLESS] if yearless else [])]
