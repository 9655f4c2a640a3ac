"""A site built in parts (plansite build --shard K/N, then plansite merge; or plansite build
--shards N on one machine) is the same site, byte for byte, as one build; a merge of shards that
do not belong together stops with a message that says which, and writes nothing."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, copy_project
from test_cli import plansite
from test_editions import fixture_project

from plansite.mkdocs_plugin.parts import SHARD_RECORD
from plansite.mkdocs_plugin.runner import BuildFailed, build_in_shards, build_site

pytestmark = pytest.mark.build


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def assert_same_site(one, other):
    a, b = tree(one), tree(other)
    assert sorted(b) == sorted(a)
    assert [name for name in a if a[name] != b[name]] == []


@pytest.fixture
def whole(built_site):
    """One build of the bundled plans (the site a merge must equal): the session's."""
    return built_site.path


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """The bundled plans built as three shards, each into its own folder."""
    base = tmp_path_factory.mktemp("shards")
    folders = [base / f"shard-{number}" for number in (1, 2, 3)]
    for number, folder in enumerate(folders, 1):
        build_site(ROOT / "mkdocs.yml", folder, shard=(number, 3))
    return folders


def test_three_shards_merged_are_the_site_of_one_build_byte_for_byte(whole, shards, tmp_path):
    build_site(ROOT / "mkdocs.yml", tmp_path / "site", merge=tuple(shards))
    assert_same_site(whole, tmp_path / "site")
    assert not (tmp_path / "site" / SHARD_RECORD).exists()  # the shards' records are not published


def test_each_plan_is_built_by_exactly_one_shard_which_writes_only_its_own_pages(shards):
    records = [json.loads((folder / SHARD_RECORD).read_text(encoding="utf-8")) for folder in shards]
    plans = [plan for record in records for plan in record["plans"]]
    assert sorted(plans) == sorted(path.name for path in (ROOT / "data" / "plans").iterdir() if path.is_dir())
    for folder, record in zip(shards, records):
        assert {path.split("/")[0] for path in record["files"]} == set(record["plans"])
        written = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert written == set(record["files"]) | {SHARD_RECORD}  # no 404 page, menu assets or search index: the merge's


def test_the_shared_glossary_of_a_merged_site_lists_uses_in_the_plans_of_every_shard(shards, tmp_path):
    from htmlquery import parse

    build_site(ROOT / "mkdocs.yml", tmp_path / "site", merge=tuple(shards))
    records = [json.loads((folder / SHARD_RECORD).read_text(encoding="utf-8")) for folder in shards]
    page = parse((tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8"))
    hrefs = [a.attrs.get("href") or "" for a in page.find("main").find_all("a")]
    linked = {href.split("/")[1] for href in hrefs if href.startswith("../")}
    with_uses = [set(record["plans"]) & linked for record in records if record["shared_usage"]]
    assert len(with_uses) >= 2 and all(with_uses)


def test_a_site_with_earlier_editions_and_more_shards_than_plans_merges_to_the_same_site(tmp_path):
    project = fixture_project(tmp_path / "project")
    build_site(project / "mkdocs.yml", tmp_path / "whole")
    folders = [tmp_path / f"shard-{number}" for number in (1, 2)]
    for number, folder in enumerate(folders, 1):
        build_site(project / "mkdocs.yml", folder, shard=(number, 2))
    empty = json.loads((folders[1] / SHARD_RECORD).read_text(encoding="utf-8"))
    assert empty["plans"] == [] and empty["files"] == []
    build_site(project / "mkdocs.yml", tmp_path / "merged", merge=tuple(folders))
    assert_same_site(tmp_path / "whole", tmp_path / "merged")


def test_shards_built_on_this_machine_are_the_same_site(whole, tmp_path):
    build_in_shards(ROOT / "mkdocs.yml", tmp_path / "site", 2)
    assert_same_site(whole, tmp_path / "site")
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # the shards' folders are gone


def test_where_the_system_cannot_fork_each_shard_is_a_plansite_process(whole, tmp_path, monkeypatch):
    import plansite.mkdocs_plugin.runner as runner

    monkeypatch.setattr(runner, "CAN_FORK", False)
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "macros"))
    build_in_shards(ROOT / "mkdocs.yml", tmp_path / "site", 2)
    assert_same_site(whole, tmp_path / "site")
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_shard_process_that_fails_stops_the_build_and_says_why_once(tmp_path, monkeypatch):
    import sys

    import plansite.mkdocs_plugin.runner as runner

    failing = tmp_path / "python"  # stands for the plansite command of a shard that fails
    failing.write_text("#!/bin/sh\necho 'シャードのフォルダに書けません' >&2\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setattr(runner, "CAN_FORK", False)
    monkeypatch.setattr(sys, "executable", str(failing))
    old = tmp_path / "site"
    old.mkdir()
    (old / "index.html").write_text("前のサイト", encoding="utf-8")
    with pytest.raises(BuildFailed) as stopped:
        build_in_shards(ROOT / "mkdocs.yml", old, 2)
    said = str(stopped.value)
    assert said.startswith("サイトを作れませんでした。site/ は変更していません。")
    assert said.count("シャードのフォルダに書けません") == 1 and "シャード 1/2、2/2: シャードのフォルダに書けません" in said
    assert (old / "index.html").read_text(encoding="utf-8") == "前のサイト"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["python", "site"]


@pytest.mark.parametrize("fork", [True, False])
def test_a_mistake_in_the_data_is_reported_once_and_no_shard_is_left(tmp_path, monkeypatch, fork):
    import plansite.mkdocs_plugin.runner as runner
    from plansite.base.errors import DataErrors

    project = copy_project(tmp_path / "project")
    (project / "docs" / "about.md").write_text("# このサイトについて\n\n{{ no_such_macro() }}\n", encoding="utf-8")
    monkeypatch.setattr(runner, "CAN_FORK", fork and runner.CAN_FORK)
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "macros"))
    with pytest.raises(DataErrors) as stopped:
        build_in_shards(project / "mkdocs.yml", tmp_path / "site", 2)
    assert stopped.value.report().count("docs/about.md:3:1") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def _merge_fails(folders, tmp_path) -> str:
    target = tmp_path / "merged"
    with pytest.raises(BuildFailed) as stopped:
        build_site(ROOT / "mkdocs.yml", target, merge=tuple(folders))
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".merged")] == []
    return str(stopped.value)


def test_a_merge_with_a_shard_missing_or_given_twice_names_them(shards, tmp_path):
    assert "足りないシャード: 2/3" in _merge_fails([shards[0], shards[2]], tmp_path)
    said = _merge_fails([shards[0], shards[1], shards[1]], tmp_path)
    assert "足りないシャード: 3/3" in said and "2 回以上あるシャード: 2/3" in said


def test_a_merge_of_a_folder_that_is_not_a_shard_says_so(shards, tmp_path):
    (tmp_path / "empty").mkdir()
    said = _merge_fails([shards[0], shards[1], tmp_path / "empty"], tmp_path)
    assert "empty はシャードのフォルダではありません" in said and "plansite build --shard" in said


def test_a_shard_built_from_other_data_is_refused(shards, tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "plans" / "hadano-dx" / "plan.yaml").open("a", encoding="utf-8").write("\n# 変更\n")
    build_site(project / "mkdocs.yml", tmp_path / "other-2", shard=(2, 3))
    said = _merge_fails([shards[0], tmp_path / "other-2", shards[2]], tmp_path)
    assert "other-2 は、このビルドと違うデータ・ページ・設定・日付で作られたシャードです" in said


def _forged(shard, tmp_path, change):
    """A copy of shard whose record change(record) has altered."""
    import shutil

    forged = tmp_path / "forged"
    shutil.copytree(shard, forged)
    record = json.loads((forged / SHARD_RECORD).read_text(encoding="utf-8"))
    change(record)
    (forged / SHARD_RECORD).write_text(json.dumps(record), encoding="utf-8")
    return forged


def test_a_record_that_points_outside_the_site_is_refused_and_nothing_is_copied(shards, tmp_path):
    (tmp_path / "victim.txt").write_text("元のまま", encoding="utf-8")
    forged = _forged(shards[1], tmp_path, lambda record: record["files"].append("../../victim.txt"))
    said = _merge_fails([shards[0], forged, shards[2]], tmp_path)
    assert "この版の plansite が作ったシャードの記録ではありません" in said and "サイトの外を指すパスです" in said
    assert (tmp_path / "victim.txt").read_text(encoding="utf-8") == "元のまま"


def test_a_shard_may_not_write_over_the_pages_of_the_merge(shards, tmp_path):
    forged = _forged(shards[1], tmp_path, lambda record: record["files"].append("index.html"))
    (forged / "index.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    said = _merge_fails([shards[0], forged, shards[2]], tmp_path)
    assert "そのシャードの計画のフォルダの外のファイルがあります（index.html）" in said


def test_a_shard_may_not_add_search_results_for_the_pages_of_the_merge(shards, tmp_path):
    forged = _forged(shards[1], tmp_path, lambda record: record["records"].append({**record["records"][0], "url": "about/"}))
    said = _merge_fails([shards[0], forged, shards[2]], tmp_path)
    assert "そのシャードの計画のフォルダの外のファイルがあります（about/）" in said


def test_the_commands_build_shards_and_merge_them(tmp_path, whole):
    project = copy_project(tmp_path / "project")
    for number in (1, 2):
        done = plansite(project, "build", "--shard", f"{number}/2")
        assert done.returncode == 0, done.stderr
        assert f"シャード {number}/2 を build/shard-{number} に作りました" in done.stdout
    done = plansite(project, "merge", "build/shard-1", "build/shard-2", "-d", "site")
    assert done.returncode == 0, done.stderr
    assert "2 個のシャードをまとめて、サイトを site に作りました" in done.stdout
    assert tree(project / "site").keys() == tree(whole).keys()
    record = project / "build" / "shard-2" / SHARD_RECORD
    record.write_text(record.read_text(encoding="utf-8").replace('"inputs":"', '"inputs":"0'), encoding="utf-8")
    done = plansite(project, "merge", "build/shard-1", "build/shard-2", "-d", "again")
    assert done.returncode == 1 and not (project / "again").exists()
    assert done.stderr.count("shard-2 は、このビルドと違うデータ・ページ・設定・日付で作られたシャードです") == 1
    assert "Aborted" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("args, said", [
    (["--shard", "3/2"], "「3/2」は 番号/数"),
    (["--shard", "0/2"], "「0/2」は 番号/数"),
    (["--shard", "一/二"], "「一/二」は 番号/数"),
    (["--shard", "1/2", "--jobs", "2"], "--jobs と --shard は一緒に使えません"),
    (["--shards", "2", "--shard", "1/2"], "--shard と --shards は一緒に使えません"),
])
def test_a_shard_given_wrongly_is_refused_before_anything_is_built(tmp_path, args, said):
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")  # never read: the options are refused first
    done = plansite(tmp_path, "build", *args)
    assert done.returncode != 0 and said in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]
