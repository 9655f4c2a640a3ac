"""An author's mistakes give one Japanese message each, at file:line:column, all in one run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from plansite.base.errors import DataErrors
from plansite.build import prepare
from plansite.loading.load import load_site

PROJECTS = "data/plans/hadano-dx/projects"


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors_of(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        prepare(root / "data", root=root)
    return [str(e) for e in caught.value.errors]


def line_of(root: Path, relative: str, needle: str) -> int:
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_bundled_data_is_valid():
    site = load_site(ROOT / "data", root=ROOT)
    assert [plan.id for plan in site.plans] == ["chigasaki-dx", "hadano-dx", "sagamihara-dx", "sagamihara-ict-1", "sagamihara-ict-2"]


def test_list_where_a_value_belongs(data):
    file = f"{PROJECTS}/1-1.yaml"
    edit(data, file, "2027: 83,", "2027: [83, 84],")
    line = line_of(data, file, "2027: [83, 84]")
    column = (data / file).read_text(encoding="utf-8").splitlines()[line - 1].index("[83") + 1
    assert errors_of(data) == [f"{file}:{line}:{column}: kpis[0].targets.2027: 数値または文字列を指定してください（リストが指定されています）"]


def test_unknown_key_suggests_the_right_one(data):
    file = f"{PROJECTS}/1-1.yaml"
    edit(data, file, "novelty:", "novelti:")
    line = line_of(data, file, "novelti:")
    assert errors_of(data) == [f"{file}:{line}:1: novelti: 「novelti」という項目はありません。もしかして「novelty」ですか？"]


def test_missing_required_field_points_at_its_mapping(data):
    file = f"{PROJECTS}/2-2.yaml"
    text = (data / file).read_text(encoding="utf-8")
    (data / file).write_text("\n".join(l for l in text.splitlines() if not l.startswith("title:")) + "\n", encoding="utf-8")
    first_key = line_of(data, file, "number:")  # the file's top-level mapping starts here
    assert errors_of(data) == [f"{file}:{first_key}:1: title: 必須の項目です。「title」を書き加えてください"]


def test_fiscal_year_outside_the_plan_period(data):
    file = f"{PROJECTS}/1-1.yaml"
    edit(data, file, "2030: 86}", "2031: 86}")
    line = line_of(data, file, "2031: 86")
    message = errors_of(data)[0]
    assert message.startswith(f"{file}:{line}:")
    assert message.endswith("kpis[0].targets.2031: 2031年度は計画期間（2026〜2030年度）の外です。計画期間内の年度を書いてください")


def test_tab_indentation(data):
    file = f"{PROJECTS}/2-1.yaml"
    edit(data, file, "title:", "title:\n\tbad")
    assert errors_of(data) == [f"{file}:5:1: タブ文字は使えません。字下げには半角スペースを使ってください"]


def test_dangling_references_and_duplicate_ids_are_all_reported_at_once(data):
    edit(data, f"{PROJECTS}/1-2.yaml", "node: approach-1", "node: aproach-1")
    edit(data, "data/plans/hadano-dx/tree.yaml", "id: vision-2", "id: vision-1")
    edit(data, "data/plans/hadano-dx/lineage.yaml", "successors: [focus-1-1]", "successors: [focus-9-9]")
    messages = errors_of(data)
    assert any("projects/1-2.yaml" in m and "node: 体系の ID「aproach-1」が見つかりません。もしかして「approach-1」ですか？" in m for m in messages)
    assert any("tree.yaml" in m and "ID「vision-1」が重複しています" in m for m in messages)
    assert any("lineage.yaml" in m and "successors[0]: 新計画の事業または体系の ID「focus-9-9」が見つかりません" in m for m in messages)
    # vision-2 is gone, so the 将来像 theme that names it is reported too.
    assert any("plan.yaml" in m and "timeline.vision.themes[1].node: 体系の ID「vision-2」が見つかりません" in m for m in messages)
    assert len(messages) == 4


def test_number_where_text_belongs_and_wrong_keyword(data):
    file = f"{PROJECTS}/3-3.yaml"
    text = (data / file).read_text(encoding="utf-8")
    title_line = next(l for l in text.splitlines() if l.startswith("title:"))
    edit(data, file, title_line, "title: 12345")
    edit(data, file, "novelty: renamed", "novelty: 継続")
    messages = errors_of(data)
    assert any(m.endswith("title: 文字列を指定してください（数値が指定されています）") for m in messages)
    assert any("novelty: 新規・継続の別（novelty）は new（新規）、continued（継続）、renamed（継続（名称変更））のいずれかを書いてください（「継続」が指定されています）" in m for m in messages)


def test_yaml_1_1_surprises_are_not_applied(data):
    """"no" stays a string and 20:34 is not sexagesimal: values mean what the author typed."""
    file = f"{PROJECTS}/3-14.yaml"
    edit(data, file, "20分34秒", "20:34")
    site = load_site(data / "data", root=data)
    project = site.plan_by_id["hadano-dx"].project_by_id["3-14"]
    assert project.kpis[0].targets[2026].text == "20:34"


def test_duplicate_key_is_an_error(data):
    file = f"{PROJECTS}/1-1.yaml"
    edit(data, file, "title:", "title: 重複\ntitle:")
    messages = errors_of(data)
    assert len(messages) == 1 and "キー「title」が同じ場所に2回書かれています（最初は" in messages[0]


def test_not_utf8_and_empty_files(data):
    (data / f"{PROJECTS}/9-9.yaml").write_bytes("title: 事業\n".encode("shift_jis"))
    (data / f"{PROJECTS}/9-8.yaml").write_text("\n", encoding="utf-8")
    messages = errors_of(data)
    assert f"{PROJECTS}/9-9.yaml:1:8: 文字コードが UTF-8 ではありません。UTF-8 で保存し直してください" in messages
    assert f"{PROJECTS}/9-8.yaml:1:1: ファイルが空です。内容を書いてください" in messages


@pytest.mark.build
def test_validate_command_exits_non_zero_without_traceback(data):
    edit(data, f"{PROJECTS}/1-1.yaml", "novelty:", "novelti:")
    result = subprocess.run(
        [sys.executable, "-m", "plansite", "check", "--data", str(data / "data")],
        capture_output=True, text=True, cwd=data,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/plans/hadano-dx/projects/1-1.yaml:" in result.stderr
    assert "データに 1 件の誤りがあります" in result.stderr


@pytest.mark.build
def test_broken_data_leaves_the_previous_site_untouched(tmp_path):
    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("前の版", encoding="utf-8")
    edit(project, f"{PROJECTS}/1-1.yaml", "novelty:", "novelti:")
    result = subprocess.run(
        [sys.executable, "-m", "plansite", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, cwd=project,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "「novelti」という項目はありません" in result.stderr
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "前の版"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_strict_jargon_check_fails_until_gaps_are_documented(data):
    from plansite.terms.jargon import find_jargon

    plan_yaml = "data/plans/sagamihara-dx/plan.yaml"
    edit(data, plan_yaml, "title:", "jargon_check: strict\ntitle:")
    messages = errors_of(data)
    assert messages and all("は用語集にありません" in m for m in messages)
    assert any(m.startswith("data/plans/sagamihara-dx/") and ":" in m for m in messages)
    site = load_site(data / "data", ["hadano-dx"], root=data)  # other plans stay in warn mode
    words = [f.word for f in find_jargon(site.plans[0], site)]
    assert words  # hadano has undocumented words, reported but not fatal
    gaps = sorted({m.split("「")[1].split("」")[0] for m in messages})
    edit(data, plan_yaml, "jargon_check: strict\n", "jargon_check: strict\njargon_gaps: [" + ", ".join(f'"{g}"' for g in gaps) + "]\n")
    assert prepare(data / "data", root=data).site
