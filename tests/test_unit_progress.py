"""The indicator register and its downloads (progress/register, progress/export): each indicator
placed under its node or 事業 with its status, the tally per node, and the CSV a council member
opens in Excel with one row per value, printed as the plan prints it."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bad_inputs import base
from plansite.context import BuildContext
from plansite.loading.load import load_plan
from plansite.model.plan import Site
from plansite.progress.export import CSV_COLUMNS, downloads, indicators_csv, indicators_json
from plansite.progress.register import Register, headlines

PROJECT = base.FILES[f"{base.PLAN}/projects/p-1.yaml"].replace(
    "    targets: {2026: 100, 2027: 200}\n",
    "    direction: increase\n    targets: {2026: 100, 2027: 200}\n    actuals: {2026: 120, 2027: 150}\n"
    "  - kind: output\n    name: 窓口の数\n    unit: か所\n    target: 3\n")
TREE = base.FILES[f"{base.PLAN}/tree.yaml"] + """\
    kpis:
      - kind: outcome
        name: 満足度
        unit: "%"
        direction: increase
        baseline: {year: 2025, value: 50.0}
        targets: {2026: 55.0}
        actuals: {2026: 55.5}
"""


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    root = base.write(tmp_path_factory.mktemp("progress"), {f"{base.PLAN}/projects/p-1.yaml": PROJECT, f"{base.PLAN}/tree.yaml": TREE})
    plan, errors = load_plan(root / base.PLAN, root=root)
    assert errors == []
    return Register(plan)


def test_each_indicator_is_placed_in_reading_order_with_a_stable_id_and_its_status(register):
    assert [(e.id, e.owner.title, [n.title for n in e.path], e.status.label) for e in register.entries] == [
        ("node-goal-1-1", "便利な行政", ["便利な行政"], "達成"),  # 55.5% against 55.0%
        ("project-p-1-1", "電子申請の拡充", ["便利な行政"], "未達成"),  # 150件 against 200件 in 2027
        ("project-p-1-2", "電子申請の拡充", ["便利な行政"], "実績値なし"),
    ]


def test_tally_counts_a_nodes_subtree_in_the_fixed_order_of_statuses_zeros_included(register):
    node = register.plan.tree.nodes[0]
    assert register.tally(node).items() == [("met", "達成", 1), ("not-met", "未達成", 1), ("undetermined", "判定不可", 0), ("no-actual", "実績値なし", 1)]
    assert register.tally().total == 3 and register.has_actuals


def test_headline_is_the_latest_actual_beside_its_target_or_the_target_alone(register):
    shown = [[(h.actual, h.year, h.target, h.target_year) for h in headlines(e)] for e in register.entries]
    assert shown == [[("55.5%", 2026, "55.0%", 2026)], [("150件", 2027, "200件", 2027)], [("", None, "3か所", None)]]


def test_csv_has_a_row_per_value_with_its_status_and_numbers_as_the_plan_prints_them(register):
    rows = [dict(zip(CSV_COLUMNS, row)) for row in list(csv.reader(io.StringIO("".join(indicators_csv(register)))))[1:]]
    picked = [(r["指標ID"], r["値の区分"], r["年度（和暦）"], r["値（表記）"], r["値（数値）"], r["達成状況"]) for r in rows]
    assert picked == [
        ("node-goal-1-1", "現状値", "令和7年度", "50.0%", "50.0", ""),
        ("node-goal-1-1", "目標値", "令和8年度", "55.0%", "55.0", ""),
        ("node-goal-1-1", "実績値", "令和8年度", "55.5%", "55.5", "達成"),
        ("project-p-1-1", "目標値", "令和8年度", "100件", "100", ""),
        ("project-p-1-1", "目標値", "令和9年度", "200件", "200", ""),
        ("project-p-1-1", "実績値", "令和8年度", "120件", "120", "達成"),
        ("project-p-1-1", "実績値", "令和9年度", "150件", "150", "未達成"),
        ("project-p-1-2", "目標値（年度の記載なし）", "", "3か所", "3", ""),
    ]
    assert {(r["対象の区分"], r["体系"], r["主管課"]) for r in rows[3:]} == {("事業", "1 便利な行政", "デジタル推進課")}
    assert rows[0]["対象の区分"] == "基本目標"  # the level's own name, from plan.yaml


def test_the_excel_variant_differs_only_by_its_bom_and_rows_end_in_crlf(register):
    ctx = BuildContext(Site(plans=(register.plan,)))  # its folder of written files goes with it
    files = {path: file.read_bytes().decode("utf-8") for path, file in ctx.files(register.plan).items()}
    plain, excel = (files[f"{register.plan.id}/indicators/{name}"] for name in ("indicators.csv", "indicators-excel.csv"))
    assert excel == "\ufeff" + plain and not plain.startswith("\ufeff")
    assert plain == "".join(indicators_csv(register))
    assert plain.count("\r\n") == 9 and "\n" not in plain.replace("\r\n", "")


def test_json_holds_the_same_statuses_and_tally_and_each_indicators_page(register):
    document = json.loads("".join(indicators_json(register, lambda entry: f"page-of-{entry.owner.id}/")))
    assert document["tally"] == {"met": 1, "not-met": 1, "undetermined": 0, "no-actual": 1}
    first = document["indicators"][0]
    assert (first["owner"]["page"], first["status_label"], first["baseline"]["display"]) == ("page-of-goal-1/", "達成", "50.0%")
    assert [j["label"] for j in document["indicators"][1]["lines"][0]["judgements"]] == ["達成", "未達成"]


def test_downloads_are_placed_under_the_plans_indicator_page(register):
    assert sorted(path for path, _ in downloads(register)) == ["mini/indicators/indicators-excel.csv", "mini/indicators/indicators.csv", "mini/indicators/indicators.json"]


def test_the_preview_keeps_an_indicators_download_piece_only_while_its_project_file_is_unedited():
    from plansite.base.kept import KeptPieces

    kept, made = KeptPieces(), []

    def piece(project, value):
        return kept.get("mini", project, ("mini/data/", "csv", project), lambda: made.append(value) or value)

    kept.begin(None)
    assert [piece("p-1", "1a"), piece("p-2", "2a"), piece(None, "na")] == ["1a", "2a", "na"]
    kept.begin({"mini": {"p-1"}})  # only p-1's file was edited
    assert [piece("p-1", "1b"), piece("p-2", "2b"), piece(None, "nb")] == ["1b", "2a", "na"]
    kept.begin(None)  # anything else changed: nothing is kept
    assert [piece("p-1", "1c"), piece("p-2", "2c"), piece(None, "nc")] == ["1c", "2c", "nc"]
    assert made == ["1a", "2a", "na", "1b", "1c", "2c", "nc"]


def test_the_whole_plans_graded_years_are_worked_out_once_however_many_pages_ask(register, monkeypatch):
    # Every part of a large plan's indicator list asks; walking every indicator each time would
    # grow with the square of the plan.
    import plansite.progress.register as module

    walked = []
    monkeypatch.setattr(module, "graded_years", lambda graded: walked.append(len(graded)) or [])
    fresh = Register(register.plan)
    node = fresh.plan.tree.nodes[0]
    answers = {(fresh.grade_years(None), fresh.grade_years(node), fresh.project_grade_years(None)) for _ in range(5)}
    assert answers == {((), (), ())} and walked == [3, 3, 1]  # the 3 indicators all sit under the node; 1 事業
    assert fresh.owner_labels == ("基本目標", "事業")  # a node's indicator first, then the 事業's


def test_the_entries_of_some_projects_and_nodes_come_in_the_registers_order_each_once(register):
    picked = [entry.owner for entry in register.entries[::-2]]  # backwards, as a part need not list them in order
    expected = [id(entry) for entry in register.entries if any(entry.owner is owner for owner in picked)]
    assert expected and [id(entry) for entry in register.owned_by(picked + picked)] == expected
