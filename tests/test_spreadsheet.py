"""Export a plan to a workbook, edit it as staff would, import it back: only the edited values
change in data/, every bad cell is named by sheet and cell, and nothing is written while any
problem remains."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ROOT
from plansite.loading.load import load_site
from plansite.spreadsheet.exporting import export_plan
from plansite.spreadsheet.cells import read_cell
from plansite.spreadsheet.importing import read_import, write
from plansite.spreadsheet.rows import indicator_rows

PLAN = "sagamihara-ict-1"
PROJECT_7 = "data/plans/sagamihara-ict-1/projects/7.yaml"
BUNDLED = ["chigasaki-dx", "hadano-dx", "sagamihara-dx", "sagamihara-ict-1", "sagamihara-ict-2"]


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*")) if p.is_file()}


_EXPORTED: dict[tuple, bytes] = {}


def export(root: Path, name: str, plan: str = PLAN, *, fresh: bool = False) -> Path:
    """The plan's workbook in root. Unless fresh (the test changed the data first), it is made once
    per plan and format: every test starts from a copy of the same data."""
    target = root / name
    key = (plan, target.suffix)
    if fresh or key not in _EXPORTED:
        site = load_site(root / "data", [plan], root=root)
        export_plan(site.plan_by_id[plan], root / "data", target)
        if not fresh:
            _EXPORTED[key] = target.read_bytes()
    else:
        target.write_bytes(_EXPORTED[key])
    return target


def run_import(root: Path, book: Path):
    result = read_import(book, root / "data", root=root)
    if result.ok and result.files:
        write(result)
    return result


class Sheet:
    """The 指標 sheet of an exported workbook, edited by column name and row key."""

    def __init__(self, path: Path, sheet: str = "指標"):
        self.path, self.book = path, load_workbook(path)
        self.sheet = self.book[sheet]
        self.header = [c.value for c in self.sheet[1]]

    def cell(self, column: str, **match):
        for row in self.sheet.iter_rows(min_row=2):
            cells = dict(zip(self.header, row))
            if all(cells[k].value == v for k, v in match.items()):
                return cells[column]
        raise KeyError(match)

    def set(self, column: str, value, **match) -> str:
        cell = self.cell(column, **match)
        cell.value = value
        return cell.coordinate

    def add_row(self, column: str, value, **match) -> str:
        """A copy of the matching row with column set to value (as staff add a year); its cell."""
        source = self.cell(column, **match)
        values = [c.value for c in self.sheet[source.row]]
        values[self.header.index(column)] = value
        self.sheet.append(values)
        return f"{source.column_letter}{self.sheet.max_row}"

    def save(self) -> Path:
        self.book.save(self.path)
        return self.path


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("plan", BUNDLED)
def test_round_trip_without_edits_changes_no_byte(data, plan, suffix):
    before = snapshot(data)
    result = run_import(data, export(data, "book" + suffix, plan, fresh=True))
    assert result.ok and result.changes == [] and result.files == {}
    assert snapshot(data) == before


def test_every_exported_value_reads_back_as_the_same_value(site_model):
    """Were a spreadsheet program to retype every cell, no value would change."""
    checked = 0
    for plan in site_model.plans:
        for row in indicator_rows(plan, ROOT / "data"):
            line = row.ref.line
            for column, values in (("目標値", line.targets), ("実績値", line.actuals)):
                current = line.target if row.year is None and column == "目標値" else values.get(row.year)
                if row.cells[column] is not None:
                    assert read_cell(row.cells[column], line.unit, current) == current, (plan.id, row.key, column)
                    checked += 1
    assert checked > 500


def test_workbook_has_frozen_headers_year_list_numbers_and_help(data):
    book = load_workbook(export(data, "実績.xlsx"))
    assert book.sheetnames == ["指標", "事業", "説明"]
    sheet = book["指標"]
    header = [c.value for c in sheet[1]]
    for name in ("項目ID", "指標名", "系列", "年度", "目標値", "実績値", "単位", "市の評価", "備考"):
        assert name in header
    assert sheet.freeze_panes == "A2" and book["事業"].freeze_panes == "A2"
    year_letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[header.index("年度")]
    [years] = [v for v in sheet.data_validations.dataValidation if year_letter in str(v.sqref)]
    assert years.formula1 == '"2020,2021,2022,2023,2024,年度なし"'
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[header.index("指標名")] == "ホームページアクセス件数"
               and r[header.index("年度")] == 2023)
    assert row[header.index("実績値")] == 25557731 and isinstance(row[header.index("年度")], int)
    assert sheet.column_dimensions["H"].width >= 30  # 指標名: Japanese text fits
    help_text = " ".join(str(c.value) for r in book["説明"].iter_rows() for c in r if c.value)
    assert "実績値" in help_text and "市の評価" in help_text and "書き換えると取り込みます" in help_text
    projects = book["事業"]
    first = [c.value for c in projects[2]]
    assert first[:4] == ["sagamihara-ict-1", "1", "1", "電子申請の利用促進"]


def test_csv_is_utf8_with_bom_and_cannot_start_a_formula(data):
    path = data / "data/plans/sagamihara-ict-1/projects/7.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: ホームページアクセス件数", 'name: "=HYPERLINK(1)"'), encoding="utf-8")
    raw = export(data, "実績.csv", fresh=True).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf\xe8\xa8\x88\xe7\x94\xbb")  # BOM, then 計画ID
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["指標名"] for r in rows if r["項目ID"] == "7"} == {"'=HYPERLINK(1)"}
    before = snapshot(data)
    assert run_import(data, data / "実績.csv").ok and snapshot(data) == before  # the apostrophe is taken off again


def test_changed_actual_is_written_alone_and_dry_run_writes_nothing(data):
    sheet = Sheet(export(data, "実績.xlsx"))
    sheet.set("実績値", 31000000, 指標名="ホームページアクセス件数", 年度=2023)
    sheet.save()
    before = snapshot(data)
    dry = read_import(sheet.path, data / "data", root=data)
    assert [str(c) for c in dry.changes] == [
        f"{PROJECT_7}: 事業 7 相模原市公式ホームページ管理システム更新「ホームページアクセス件数」2023年度 実績値: 25,557,731件 → 31,000,000件"]
    assert snapshot(data) == before
    run_import(data, sheet.path)
    after = snapshot(data)
    assert [name for name in after if after[name] != before[name]] == [PROJECT_7]
    old, new = before[PROJECT_7].decode().splitlines(), after[PROJECT_7].decode().splitlines()
    assert [(a, b) for a, b in zip(old, new) if a != b] == [("    actuals: {2023: 25557731}", "    actuals: {2023: 31000000}")]


@pytest.mark.parametrize("typed, written", [
    ("31,000,000", "{2023: 31000000}"),
    ("３１，０００，０００件", "{2023: 31000000}"),
    ("約31,000,000件", '{2023: {value: 31000000, prefix: "約"}}'),
    ("△5", '{2023: {value: -5, display: "△5件"}}'),
    ("▲5", '{2023: {value: -5, display: "▲5件"}}'),
    ("3千万件", '{2023: {value: 30000000, display: "3千万件"}}'),
    ("－", "{2023: null}"),
    ("—", "{2023: null}"),
    ("-", "{2023: null}"),
    (None, "{2023: null}"),
])
def test_values_typed_as_staff_type_them(data, typed, written):
    sheet = Sheet(export(data, "実績.xlsx"))
    sheet.set("実績値", typed, 指標名="ホームページアクセス件数", 年度=2023)
    result = run_import(data, sheet.save())
    assert result.ok, result.errors
    assert f"    actuals: {written}\n" in (data / PROJECT_7).read_text(encoding="utf-8")


def test_percent_formatted_cell_is_read_as_percent(data):
    sheet = Sheet(export(data, "実績.xlsx"))
    cell = sheet.cell("実績値", 指標ID="node-measure-2-2-1", 年度=2023)
    cell.value, cell.number_format = 0.823, "0.0%"  # Excel stores 82.3% typed into a cell as 0.823
    result = run_import(data, sheet.save())
    assert result.ok, result.errors
    assert [c.new for c in result.changes] == ["82.3%"]


def test_a_new_year_row_adds_the_actual_in_order(data):
    sheet = Sheet(export(data, "実績.xlsx"))
    added = sheet.add_row("年度", 2024, 指標名="ホームページアクセス件数", 年度=2023)
    sheet.sheet[added].offset(column=sheet.header.index("実績値") - sheet.header.index("年度")).value = "26,000,000件"
    result = run_import(data, sheet.save())
    assert result.ok, result.errors
    assert "    actuals: {2023: 25557731, 2024: 26000000}\n" in (data / PROJECT_7).read_text(encoding="utf-8")


def test_bad_cells_are_all_named_by_sheet_and_cell_and_nothing_is_written(data):
    sheet = Sheet(export(data, "実績.xlsx"))
    wrong_unit = sheet.set("実績値", "95手続", 指標名="ホームページアクセス件数", 年度=2023)
    renamed = sheet.set("指標名", "アクセス数", 指標名="ホームページアクセス件数", 年度=2022)
    graded = sheet.set("市の評価", "A", 指標名="ホームページアクセス件数", 年度=2021)
    noted = sheet.set("備考", "順調", 指標名="ホームページアクセス件数", 年度=2020)
    yearless_actual = sheet.set("実績値", 5, 指標名="ホームページアクセス件数", 年度="年度なし")
    bad_year = sheet.set("年度", "来年", 指標名="電子申請の新規導入手続数", 年度=2023)
    unknown = sheet.set("指標ID", "project-99-1", 指標名="電子申請の新規導入手続数", 年度=2021)
    sheet.save()
    before = snapshot(data)
    result = run_import(data, sheet.path)
    where = "実績.xlsx「指標」シート "
    assert sorted(str(e) for e in result.errors) == sorted([
        f"{where}{wrong_unit}: 「95手続」の単位「手続」は、この指標の単位「件」と違います。単位を「件」にそろえるか、数値だけを書いてください",
        f"{where}{renamed}: 「指標名」は表計算ソフトでは変えられません（書き出したときは「ホームページアクセス件数」）。"
        "書き換えられるのは目標値・実績値です。ほかを直すときは 7.yaml を直してください",
        f"{where}{graded}: この計画には評価の区分（evaluation_scale）がありません。「市の評価」は、plan.yaml に評価の区分を書いてから使えます。それまでは空欄にしてください",
        f"{where}{noted}: この計画には評価の区分（evaluation_scale）がありません。「備考」は、plan.yaml に評価の区分を書いてから使えます。それまでは空欄にしてください",
        f"{where}{yearless_actual}: 「年度なし」の行には実績値を書けません。実績値は、その年度の行に書いてください",
        f"{where}{bad_year}: 年度「来年」が読めません。西暦4桁（例: 2026）か、年度の記載がない目標値の行は「年度なし」と書いてください",
        f"{where}{unknown}: 指標ID「project-99-1」の指標はこの計画にありません。書き出したときのままにしてください",
    ])
    assert snapshot(data) == before


def test_a_value_the_loader_refuses_is_named_by_its_cell(data):
    sheet = Sheet(export(data, "実績.xlsx"))
    added = sheet.add_row("年度", 2024, 指標名="電子申請の新規導入手続数", 年度=2023)  # plan period: 2020〜2023
    outside = sheet.sheet[added].offset(column=sheet.header.index("目標値") - sheet.header.index("年度"))
    outside.value = 10
    outside = outside.coordinate
    sheet.save()
    before = snapshot(data)
    result = run_import(data, sheet.path)
    assert [str(e) for e in result.errors] == [
        f"実績.xlsx「指標」シート {outside}: 2024年度は計画期間（2020〜2023年度）の外です。計画期間内の年度を書いてください"]
    assert snapshot(data) == before


def test_csv_errors_name_the_cell_and_unreadable_numbers_warn(data):
    path = export(data, "実績.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    index = next(i for i, r in enumerate(rows) if r[header.index("指標名")] == "ホームページアクセス件数" and r[header.index("年度")] == "2023")
    rows[index][header.index("実績値")] = "25,55,7731"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("cp932"))  # as Excel for Japanese saves CSV
    result = read_import(path, data / "data", root=data)
    cell = f"{chr(ord('A') + header.index('実績値'))}{index + 1}"
    assert [str(w) for w in result.warnings] == [
        f"実績.csv {cell}: 「25,55,7731」は数値のように見えますが、桁区切りの「,」や小数点「.」の位置が正しくないため読めません。文字のまま扱います"]


def test_duplicate_rows_are_refused(data):
    sheet = Sheet(export(data, "実績.xlsx"))
    first = sheet.cell("年度", 指標名="ホームページアクセス件数", 年度=2023)
    sheet.sheet.append([c.value for c in sheet.sheet[first.row]])
    result = run_import(data, sheet.save())
    assert [str(e) for e in result.errors] == [
        f"実績.xlsx「指標」シート L{sheet.sheet.max_row}: 同じ指標・系列・年度の行が {first.coordinate} にもあります。1行にまとめてください"]


def test_crlf_files_round_trip_byte_identical_and_keep_crlf_when_changed(data):
    path = data / PROJECT_7
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    tree = data / "data/plans/sagamihara-ict-1/tree.yaml"
    tree.write_bytes(b"\xef\xbb\xbf" + tree.read_bytes().replace(b"\n", b"\r\n"))
    before = snapshot(data)
    book = export(data, "実績.xlsx")
    assert run_import(data, book).changes == [] and snapshot(data) == before
    sheet = Sheet(book)
    sheet.set("実績値", 31000000, 指標名="ホームページアクセス件数", 年度=2023)
    sheet.set("実績値", 100, 指標ID="node-measure-1-2-1", 年度=2023)
    result = run_import(data, sheet.save())
    assert result.ok, result.errors
    assert b"    actuals: {2023: 31000000}\r\n" in path.read_bytes() and b"\n" not in path.read_bytes().replace(b"\r\n", b"")
    assert tree.read_bytes().startswith(b"\xef\xbb\xbf") and b"            actuals: {2023: 100}\r\n" in tree.read_bytes()


def test_changed_values_in_block_mappings_keep_their_layout(data):
    path = data / "data/plans/hadano-dx/projects/2-6.yaml"
    sheet = Sheet(export(data, "秦野.xlsx", "hadano-dx"))
    sheet.set("目標値", "80%", 指標名="AI判読結果に係る事務処理実施率", 年度=2026)
    sheet.set("実績値", "12.5%", 指標名="AI判読結果に係る事務処理実施率", 年度=2026)
    before = path.read_text(encoding="utf-8")
    result = run_import(data, sheet.save())
    assert result.ok, result.errors
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("      2026: null\n", "      2026: 80\n", 1).replace(
        "      2030: null\n", "      2030: null\n    actuals: {2026: 12.5}\n", 1)


GUIDE = ROOT / "docs/authoring/spreadsheet.md"


def test_the_published_template_is_what_the_code_writes(tmp_path):
    from plansite.spreadsheet.template import write_template

    write_template(tmp_path / "plan-template.xlsx")
    assert (ROOT / "docs/authoring/files/plan-template.xlsx").read_bytes() == (tmp_path / "plan-template.xlsx").read_bytes(), \
        "make schema を実行して docs/authoring/files/plan-template.xlsx を作り直してください"


def test_the_guide_names_every_column():
    from plansite.spreadsheet.columns import INDICATOR_COLUMNS, PROJECT_COLUMNS
    from plansite.spreadsheet.template import PLAN_FIELDS, TEMPLATE_SHEETS

    text = GUIDE.read_text(encoding="utf-8")
    for column in INDICATOR_COLUMNS:
        assert f"| {column.name} |" in text, column.name
    names = [c.name for c in PROJECT_COLUMNS] + [f.name for f in PLAN_FIELDS] + [c.name for _, cs in TEMPLATE_SHEETS[1:] for c in cs]
    assert [name for name in names if name not in text] == []


def test_the_guides_example_messages_are_what_import_says(data):
    sheet = Sheet(export(data, "実績.xlsx"))
    sheet.set("実績値", "95手続", 指標名="ホームページアクセス件数", 年度=2023)
    sheet.set("指標名", "アクセス数", 指標名="ホームページアクセス件数", 年度=2022)
    sheet.save()
    said = [str(e) for e in sorted(run_import(data, sheet.path).errors)]
    text = GUIDE.read_text(encoding="utf-8")
    assert all(line in text for line in said), said


def test_a_formula_without_its_result_is_refused_by_cell(data):
    sheet = Sheet(export(data, "実績.xlsx"))
    cell = sheet.set("実績値", "=25557731+1", 指標名="ホームページアクセス件数", 年度=2023)  # openpyxl keeps no result
    result = run_import(data, sheet.save())
    assert [str(e) for e in result.errors] == [
        f"実績.xlsx「指標」シート {cell}: 数式の結果が保存されていません。数式をやめて値を書くか、表計算ソフトで開いて保存し直してください"]
