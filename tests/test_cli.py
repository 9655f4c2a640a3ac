"""The plansite command as staff run it: Python alone (no make, no shell on PATH), Japanese
messages, no traceback, Windows-style paths accepted; and the yearly update from export to the
built page."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ROOT, BuiltSite, build_site, copy_project

PROJECT_7 = "data/plans/sagamihara-ict-1/projects/7.yaml"
SCRIPT = Path(sys.executable).with_name("plansite.exe" if os.name == "nt" else "plansite")


@pytest.fixture
def project(tmp_path):
    root = copy_project(tmp_path / "project")
    return root


def plansite(cwd: Path, *args: str, script: bool = False) -> subprocess.CompletedProcess:
    """Run the command with a PATH that has no make, bash or other tools."""
    empty = cwd.parent / "empty-path"
    empty.mkdir(exist_ok=True)
    env = {**{k: v for k, v in os.environ.items() if k not in ("PATH", "PYTHONPATH")}, "PATH": str(empty)}
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "plansite"]
    return subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=120, stdin=subprocess.DEVNULL)


def test_path_has_no_make():
    assert shutil.which("make", path=str(ROOT / "no-such-folder")) is None


def test_help_is_japanese_through_module_and_console_script(tmp_path):
    for script in (False, True):
        result = plansite(tmp_path, "--help", script=script)
        assert result.returncode == 0, result.stderr
        assert "使い方: plansite [オプション] コマンド [引数]..." in result.stdout
        for name in ("export", "import", "new"):
            assert f"  {name} " in result.stdout
        assert "この説明を表示して終わります。" in result.stdout


def test_mistakes_are_japanese_messages_without_traceback(project):
    missing = plansite(project, "export", "sagamihara-ict-1")
    assert missing.returncode == 2 and "「ファイル」を指定してください" in missing.stderr
    unknown = plansite(project, "export", "no-such-plan", "x.xlsx")
    assert unknown.returncode == 1 and "計画「no-such-plan」が見つかりません" in unknown.stderr
    wrong = plansite(project, "export", "sagamihara-ict-1", "x.txt")
    assert wrong.returncode == 1 and "終わりを .xlsx か .csv にしてください" in wrong.stderr
    not_a_book = project / "壊れた.xlsx"
    not_a_book.write_text("これは表ではありません", encoding="utf-8")
    broken = plansite(project, "import", "壊れた.xlsx")
    assert broken.returncode == 1 and "壊れた.xlsx を表計算ソフトのファイル（.xlsx）として読めません" in broken.stderr
    elsewhere = plansite(project.parent, "export", "sagamihara-ict-1", "x.xlsx")
    assert elsewhere.returncode == 1 and "plans/ がありません" in elsewhere.stderr
    for result in (missing, unknown, wrong, broken, elsewhere):
        assert "Traceback" not in result.stderr and result.stdout == ""


def _edit(book: Path, column: str, value, **match) -> str:
    workbook = load_workbook(book)
    sheet = workbook["指標"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row))
        if all(cells[k].value == v for k, v in match.items()):
            cells[column].value = value
            workbook.save(book)
            return cells[column].coordinate
    raise KeyError(match)


def test_windows_paths_and_a_refused_cell_write_nothing(project):
    (project / "書類").mkdir()
    exported = plansite(project, "export", "sagamihara-ict-1", "書類\\実績.xlsx", "--data", ".\\data")
    assert exported.returncode == 0, exported.stderr
    book = project / "書類" / "実績.xlsx"
    cell = _edit(book, "実績値", "95手続", 指標名="ホームページアクセス件数", 年度=2023)
    before = (project / PROJECT_7).read_bytes()
    refused = plansite(project, "import", "書類\\実績.xlsx", script=True)
    assert refused.returncode == 1
    assert f"実績.xlsx「指標」シート {cell}: 「95手続」の単位「手続」は、この指標の単位「件」と違います" in refused.stderr
    assert "データには何も書き込んでいません" in refused.stderr and "Traceback" not in refused.stderr
    assert (project / PROJECT_7).read_bytes() == before


def test_new_skeleton_refuses_a_bad_or_taken_id(project):
    assert "半角英小文字" in plansite(project, "new", "新しい計画").stderr
    assert "はもうあります" in plansite(project, "new", "hadano-dx").stderr


@pytest.mark.build
def test_yearly_update_from_workbook_to_the_built_page(project, tmp_path):
    """The done-when of issue 17: export, change one 実績値, import, build, see it on project 7's page."""
    exported = plansite(project, "export", "sagamihara-ict-1", "実績.xlsx")
    assert exported.returncode == 0, exported.stderr
    _edit(project / "実績.xlsx", "実績値", 31000000, 指標名="ホームページアクセス件数", 年度=2023)
    dry = plansite(project, "import", "実績.xlsx", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "2023年度 実績値: 25,557,731件 → 31,000,000件" in dry.stdout and "書き込んでいません" in dry.stdout
    assert "actuals: {2023: 25557731}" in (project / PROJECT_7).read_text(encoding="utf-8")
    imported = plansite(project, "import", "実績.xlsx", script=True)
    assert imported.returncode == 0, imported.stderr
    assert "1 件の値を 1 ファイルに書き込みました" in imported.stdout
    assert "actuals: {2023: 31000000}" in (project / PROJECT_7).read_text(encoding="utf-8")
    again = plansite(project, "import", "実績.xlsx")
    assert "変わった値はありません" in again.stdout

    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", "      data_dir: data\n      plans: [sagamihara-ict-1]\n"), encoding="utf-8")
    build_site(project, tmp_path / "site")
    site = BuiltSite(tmp_path / "site")
    page = site.page("sagamihara-ict-1/projects/7/").clean_text()
    assert "実績値 31,000,000件 は目標値 30,000,000件 以上です" in page
    assert "達成21件" in site.page("sagamihara-ict-1/indicators/").find("div", class_="plan-tally").clean_text()
    rows = csv.DictReader(io.StringIO((tmp_path / "site/sagamihara-ict-1/indicators/indicators.csv").read_text(encoding="utf-8")))
    row = next(r for r in rows if r["対象の番号"] == "7" and r["値の区分"] == "実績値")
    assert (row["値（表記）"], row["達成状況"]) == ("31,000,000件", "達成")


@pytest.mark.build
def test_new_plans_skeleton_and_from_template_build(project, tmp_path):
    assert plansite(project, "new", "sample-dx").returncode == 0
    template = project / "事業集.xlsx"
    assert plansite(project, "new", "--template", "事業集.xlsx").returncode == 0
    book = load_workbook(template)
    for row in book["計画"].iter_rows(min_row=2):
        row[1].value = {"計画の名称": "見本市DX推進計画", "計画の種類": "DX推進計画", "自治体名": "見本市", "計画期間の最初の年度": 2026,
                        "計画期間の最後の年度": 2030, "計画の状態": "策定済"}.get(row[0].value)
    book["階層"].append(["goal", "基本目標", None])
    book["階層"].append(["measure", "施策", "取組"])
    book["体系"].append(["goal-1", "goal", "1", "便利な行政サービス", None])
    book["体系"].append(["measure-1-1", "measure", "1-1", "手続のオンライン化", "goal-1"])
    book["事業"].append(["e-1", "08", "電子申請の拡大", "measure-1-1", "DX推進課、情報政策課", "新規", None])  # a number with a leading 0
    book["指標"].append(["e-1", "成果（アウトカム）", "電子申請できる手続の数", None, "手続", "多いほど良い", 2026, "１００手続", "120"])
    book["指標"].append(["e-1", "成果（アウトカム）", "電子申請できる手続の数", None, "手続", "多いほど良い", 2030, "300", None])
    book["指標"].append(["e-1", "実績（アウトプット）", "キャッシュレス窓口の数", "本庁", "箇所", None, "年度なし", "10箇所以上", None])
    book["指標"].append(["e-1", "実績（アウトプット）", "キャッシュレス窓口の数", "支所", "箇所", None, "年度なし", "5以上", None])
    book.save(template)
    created = plansite(project, "new", "sample-city", "--from", "事業集.xlsx", script=True)
    assert created.returncode == 0, created.stderr
    assert "（階層 2、体系 2、事業 1、指標 2）" in created.stdout
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", "      data_dir: data\n      plans: [sample-dx, sample-city]\n"), encoding="utf-8")
    build_site(project, tmp_path / "site")
    site = BuiltSite(tmp_path / "site")
    assert "（事業の名称）" in site.page("sample-dx/projects/1/").clean_text()
    page = site.page("sample-city/projects/e-1/").clean_text()
    assert "電子申請の拡大" in page and "実績値 120手続 は目標値 100手続 以上です" in page
    assert site.page("sample-city/projects/e-1/").find("h1").clean_text().startswith("08 ")  # the text 08, not the number 8
    assert "キャッシュレス窓口の数（本庁） 10箇所以上" in page


def test_new_from_template_names_bad_cells(project):
    assert plansite(project, "new", "--template", "事業集.xlsx").returncode == 0
    book = load_workbook(project / "事業集.xlsx")
    for row in book["計画"].iter_rows(min_row=2):
        row[1].value = {"計画の名称": "見本市DX推進計画", "計画の種類": "DX推進計画", "自治体名": "見本市", "計画期間の最初の年度": 2026,
                        "計画期間の最後の年度": 2030, "計画の状態": "たぶん"}.get(row[0].value)
    book["階層"].append(["goal", "基本目標", "事業"])
    book["体系"].append(["goal-1", "goal", "1", "便利な行政サービス", "goal-9"])
    book["事業"].append(["e-1", "1", "電子申請の拡大", "goal-1", None, None, None])
    book["指標"].append(["e-1", "成果（アウトカム）", "電子申請できる手続の数", None, "件", None, 2026, "95手続", None])
    book.save(project / "事業集.xlsx")
    result = plansite(project, "new", "sample-city", "--from", "事業集.xlsx")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "事業集.xlsx「計画」シート B9: 計画の状態は 案、意見募集中、策定済、終了 のいずれかを書いてください" in lines
    assert "事業集.xlsx「体系」シート E2: 上位の体系ID「goal-9」がこの行より上にありません。上位の項目を先に書いてください" in lines
    assert any(line.startswith("事業集.xlsx「指標」シート H2: 「95手続」の単位「手続」は") for line in lines)
    assert not (project / "data/plans/sample-city").exists()


def test_a_number_out_of_range_is_refused_in_japanese(tmp_path):
    result = plansite(tmp_path, "build", "--jobs", "0")
    assert result.returncode == 2
    assert "0 は使えません（1<=x<=64 の数を指定してください）" in result.stderr
    assert not (tmp_path / "site").exists()
