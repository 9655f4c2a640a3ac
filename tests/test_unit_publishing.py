"""Publishing a plan (publishing/*): which phase of its public comment period a day falls in, what
each page names itself for a comment, and the open data files made from the model."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from bad_inputs import base
from plansite.context import BuildContext
from plansite.loading.load import load_plan
from plansite.model.comments import Comment
from plansite.model.plan import Site
from plansite.model.plan_meta import PlanMeta
from plansite.progress.register import Register
from plansite.publishing.comment_period import build_day, comment_period
from plansite.publishing.notices import comment_anchor, targets
from plansite.publishing.open_data import PROJECT_COLUMNS, open_data_files, plan_files, projects_csv

PLAN_YAML = base.FILES[f"{base.PLAN}/plan.yaml"]


def meta(status: str = "public-comment", start: str = "2026-01-05", end: str = "2026-02") -> PlanMeta:
    return PlanMeta.model_validate({
        "title": "ミニ市DX推進計画", "kind": "DX推進計画", "municipality": {"name": "ミニ市"}, "period": {"start": 2026, "end": 2030},
        "status": status, "levels": [{"id": "goal", "name": "基本目標"}], "public_comment": {"start": start, "end": end},
    })


@pytest.mark.parametrize("day, phase, label", [
    ("2026-01-04", "upcoming", "意見募集前"),
    ("2026-01-05", "open", "意見募集中"),
    ("2026-02-28", "open", "意見募集中"),  # end: 2026-02 means until the month's last day
    ("2026-03-01", "closed", "意見募集終了"),
])
def test_the_phase_of_the_period_on_a_given_day(day, phase, label):
    period = comment_period(meta(), dt.date.fromisoformat(day))
    assert (period.phase, period.label, period.end) == (phase, label, dt.date(2026, 2, 28))


def test_a_month_only_end_in_a_leap_year_counts_to_the_29th_and_a_month_only_start_from_the_1st():
    period = comment_period(meta(start="2028-01", end="2028-02"), dt.date(2028, 2, 29))
    assert (period.start, period.end, period.phase) == (dt.date(2028, 1, 1), dt.date(2028, 2, 29), "open")


def test_an_adopted_plan_shows_no_period_even_if_its_data_keeps_one():
    assert comment_period(meta(status="adopted"), dt.date(2026, 1, 10)) is None


def test_the_build_day_comes_from_plansite_today_first_and_a_bad_one_is_explained(monkeypatch):
    monkeypatch.setenv("PLANSITE_TODAY", "2026-01-10")
    assert build_day("2025-01-01") == dt.date(2026, 1, 10)
    monkeypatch.delenv("PLANSITE_TODAY")
    assert build_day("2025-01-01") == dt.date(2025, 1, 1)
    with pytest.raises(ValueError, match="ビルドの日付「2026/01/10」が読めません。PLANSITE_TODAY や today は 2026-01-10 の形で書いてください"):
        build_day("2026/01/10")


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    project = base.FILES[f"{base.PLAN}/projects/p-1.yaml"].replace("{2026: 100, 2027: 200}", '{2026: 1.50, 2027: "200以上"}')
    root = base.write(tmp_path_factory.mktemp("open-data"), {f"{base.PLAN}/projects/p-1.yaml": project})
    loaded, errors = load_plan(root / base.PLAN, root=root)
    assert errors == []
    return loaded


def test_each_page_names_itself_as_a_citizen_quotes_it_in_a_comment(plan):
    named = {url: (target.reference, field, item_id) for url, (target, field, item_id) in targets(plan).items()}
    assert named == {
        "mini/chapters/01-intro/": ("章 はじめに", "chapter", "01-intro"),
        "mini/nodes/goal-1/": ("基本目標 1 便利な行政", "node", "goal-1"),
        "mini/projects/p-1/": ("事業 1 電子申請の拡充", "project", "p-1"),
    }


def test_a_comments_anchor_is_made_from_its_number_without_spaces_or_brackets():
    comment = Comment.model_validate({"number": "問1 (2)", "summary": "意見", "response": "考え方", "revised": False})
    assert comment_anchor(comment) == "comment-問1--2-"


def test_projects_csv_has_a_row_per_project_with_its_place_in_the_hierarchy_and_page(plan):
    rows = list(csv.reader(io.StringIO(projects_csv(plan))))
    assert tuple(rows[0]) == PROJECT_COLUMNS
    assert rows[1:] == [["ミニ市DX推進計画", "p-1", "1", "電子申請の拡充", "事業", "", "新規", "1 便利な行政", "デジタル推進課", "mini/projects/p-1/"]]
    files = written(plan)
    assert files[f"{plan.id}/data/projects-excel.csv"] == "\ufeff".encode() + files[f"{plan.id}/data/projects.csv"]
    assert files[f"{plan.id}/data/projects.csv"] == projects_csv(plan).encode()


def written(plan) -> dict[str, bytes]:
    """The plan's downloads as the build writes them (BuildContext.files; its folder goes with it)."""
    ctx = BuildContext(Site(plans=(plan,)))
    return {path: file.read_bytes() for path, file in ctx.files(plan).items()}


def test_plan_json_holds_only_what_the_author_wrote_with_values_in_their_forms(plan):
    document = json.loads(written(plan)[f"{plan.id}/data/plan.json"])
    project = document["projects"]["p-1"]
    assert "id" not in project and "sdgs" not in project and "former_title" not in project  # not written in the file
    assert project["kpis"][0]["targets"] == {"2026": 1.5, "2027": {"value": 200, "suffix": "以上"}}
    assert document["chapters"] == [{"id": "01-intro", "title": "はじめに", "markdown": "\nこの計画の趣旨です。\n"}]
    assert sorted(document) == ["chapters", "glossary", "id", "plan", "projects", "tree"]  # no lineage or comments file


def test_every_downloadable_file_sits_in_the_plans_data_or_indicator_folder(plan):
    assert [path for path, _ in open_data_files(plan)] == ["mini/data/plan.json", "mini/data/projects.csv", "mini/data/projects-excel.csv"]
    assert [path for path, _ in plan_files(plan, Register(plan))][3:] == [
        "mini/indicators/indicators.csv", "mini/indicators/indicators-excel.csv", "mini/indicators/indicators.json"]


def test_hand_written_pages_of_one_folder_are_one_kind_and_generated_pages_keep_the_models():
    from plansite.publishing.manifest import page_entries

    urls = ["", "about/", "authoring/", "authoring/data/", "authoring/fields/", "a/", "a/projects/1-1/", "404.html"]
    entries = {e.url: e for e in page_entries(urls, {"a/": "home", "a/projects/1-1/": "project"}, ["a"])}
    assert {entries[u].kind for u in ("authoring/", "authoring/data/", "authoring/fields/")} == {"docs:authoring/"}
    assert entries["authoring/fields/"].shape == "authoring/…"
    # A folder of one page, the home page and 404.html are kinds of their own, shown by their URL.
    assert (entries["about/"].kind, entries["about/"].shape) == ("docs:about/", "about/")
    assert (entries[""].kind, entries["404.html"].kind) == ("/", "404.html")
    assert (entries["a/projects/1-1/"].kind, entries["a/projects/1-1/"].shape) == ("project", "<plan>/projects/<id>/")
