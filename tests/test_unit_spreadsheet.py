"""The spreadsheet round trip's own parts (spreadsheet/yaml_edit, workbook, creating): a changed value
is written into the YAML text and nothing else changes, a CSV cell never starts a formula yet reads back
as typed, and a new plan's id and fiscal year are what staff expect."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from plansite.loading.load import load_plan
from plansite.spreadsheet.columns import Column
from plansite.spreadsheet.creating import check_new_id, skeleton
from plansite.spreadsheet.workbook import read_book, write_csv
from plansite.spreadsheet.yaml_edit import Edit, EditFailed, apply_edits, verify

PROJECT = "# 事業の説明\nkpis:\n  - name: 件数  # 指標の名前\n    targets: {2026: 100, 2028: 300}\n    actuals:\n      2026: 90\n"


def test_a_value_is_replaced_and_new_years_go_in_order_in_each_mappings_own_style():
    edited = apply_edits(PROJECT, [Edit(("kpis", 0, "targets", 2027), 200), Edit(("kpis", 0, "actuals", 2026), Decimal("95.0")),
                                   Edit(("kpis", 0, "actuals", 2025), 80)])
    assert edited == ("# 事業の説明\nkpis:\n  - name: 件数  # 指標の名前\n    targets: {2026: 100, 2027: 200, 2028: 300}\n"
                      "    actuals:\n      2025: 80\n      2026: 95.0\n")


def test_a_missing_mapping_is_added_with_the_files_line_endings_and_text_stays_quoted():
    edited = apply_edits("kpis:\r\n  - name: 件数\r\n    targets: {2026: 100}\r\n", [Edit(("kpis", 0, "actuals"), {2026: "100以上"})])
    assert edited == 'kpis:\r\n  - name: 件数\r\n    targets: {2026: 100}\r\n    actuals: {2026: "100以上"}\r\n'


def test_verify_refuses_a_file_that_changed_anywhere_else(tmp_path):
    before, after = tmp_path / "before.yaml", tmp_path / "p-1.yaml"
    before.write_text(PROJECT, encoding="utf-8")
    edit = Edit(("kpis", 0, "actuals", 2026), 95)
    after.write_text(apply_edits(PROJECT, [edit]), encoding="utf-8")
    verify(before, after, [edit])
    after.write_text(apply_edits(PROJECT, [edit]).replace("件数", "人数"), encoding="utf-8")
    with pytest.raises(EditFailed, match="p-1.yaml で、書き換えた値のほかにも変わった箇所がありました"):
        verify(before, after, [edit])


def test_csv_cells_never_start_a_formula_and_read_back_as_typed_with_their_addresses(tmp_path):
    path = tmp_path / "指標.csv"
    columns = (Column("指標名", "", 10), Column("実績値", "", 10, editable=True))
    write_csv(path, columns, [{"指標名": "=HYPERLINK(\"http://x\")", "実績値": Decimal("-3.50")}, {"指標名": "件数", "実績値": None}])
    raw = path.read_bytes().decode("utf-8")
    assert raw.startswith("\ufeff") and list(csv.reader(io.StringIO(raw[1:])))[1] == ["'=HYPERLINK(\"http://x\")", "'-3.50"]
    sheet = next(iter(read_book(path).sheets.values()))
    assert [(row["指標名"].value, row["指標名"].ref, row["実績値"].value, row["実績値"].ref) for row in sheet.rows] == [
        ("=HYPERLINK(\"http://x\")", "A2", "-3.50", "B2"), ("件数", "A3", None, "B3")]


@pytest.mark.parametrize("plan_id, expected", [
    ("Sample_DX", "計画ID「Sample_DX」は使えません。半角英小文字・数字・ハイフンにしてください（URL になります。例: sample-dx）"),
    ("mini", "計画「mini」はもうあります"),
    ("new-plan", None),
])
def test_a_new_plans_id_is_checked_before_anything_is_written(tmp_path, plan_id, expected):
    (tmp_path / "plans" / "mini").mkdir(parents=True)
    found = check_new_id(plan_id, tmp_path)
    assert found == expected if expected is None else found.startswith(expected)


@pytest.mark.parametrize("today, start", [(dt.date(2026, 3, 31), 2025), (dt.date(2026, 4, 1), 2026)])
def test_a_skeleton_plan_starts_in_the_current_fiscal_year_and_loads_without_errors(tmp_path, today, start):
    folder = tmp_path / "data" / "plans" / "new-plan"
    for name, text in skeleton("new-plan", today).files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    plan, errors = load_plan(folder, root=tmp_path)
    assert errors == []
    assert (plan.meta.period.start, plan.meta.period.end, plan.meta.status) == (start, start + 4, "draft")
