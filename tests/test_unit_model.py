"""The data model (model/*): the Japanese message each validator gives an author, and how the
model names, numbers and orders items for the pages (display names, item numbers, anchors)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from plansite.model.comments import Comment
from plansite.model.lineage import OldProject
from plansite.model.plan import natural_key
from plansite.model.plan_meta import ContentsEntry, Labels, Period
from plansite.model.project import Project
from plansite.model.timeline import Chronicle, ChronicleEntry, PeriodRow, Vision
from plansite.model.tree import Tree
from plansite.model.types import DateOrMonth, FiscalYear, Identifier, SdgGoal, Text, TextList


def message(validate) -> str:
    with pytest.raises(ValidationError) as caught:
        validate()
    errors = caught.value.errors()
    assert len(errors) == 1, errors  # one message per mistake, never one per member of a union
    return errors[0]["msg"]


@pytest.mark.parametrize("kind, value, expected", [
    (Text, "  ", "空の文字列は書けません。内容を書くか、この項目ごと削除してください"),
    (Text, 12, "文字列を指定してください（数値が指定されています）"),
    (Identifier, "Vision_1", "ID「Vision_1」は使えません。半角英小文字・数字・ハイフンだけで書いてください（例: vision-1）。IDはURLになります"),
    (FiscalYear, "R8", "年度は西暦4桁の整数で書いてください（例: 令和8年度なら 2026）。「R8」は年度として読めません"),
    (DateOrMonth, "2026-13", "日付は 2025-11-19 のように、日が分からないときは 2026-01 のように書いてください（「2026-13」は読めません）"),
    (SdgGoal, 18, "SDGs のゴールは 1〜17 の整数で書いてください（「18」が指定されています）"),
])
def test_each_scalar_type_explains_its_mistake_in_one_japanese_message(kind, value, expected):
    assert message(lambda: TypeAdapter(kind).validate_python(value)) == expected


def test_a_year_outside_the_plan_period_names_the_period():
    assert message(lambda: TypeAdapter(FiscalYear).validate_python(2031, context={"period": (2026, 2030)})) == \
        "2031年度は計画期間（2026〜2030年度）の外です。計画期間内の年度を書いてください"


def test_dates_and_months_as_written_with_or_without_quotes():
    read = TypeAdapter(DateOrMonth).validate_python
    assert read(dt.date(2025, 11, 19)) == dt.date(2025, 11, 19)
    assert read("2025-11-19") == dt.date(2025, 11, 19)  # quoted in YAML, the same date (was refused as unreadable)
    assert read("2026-1") == "2026-01"  # a month alone stays a month: the period then ends on its last day
    assert "「2026-02-30」は読めません" in message(lambda: read("2026-02-30"))


def test_one_department_written_without_a_list_is_a_list_of_one():
    assert TypeAdapter(TextList).validate_python("デジタル推進課") == ("デジタル推進課",)


@pytest.mark.parametrize("validate, expected", [
    (lambda: Period.model_validate({"start": 2030, "end": 2026}), "end（2026年度）が start（2030年度）より前です"),
    (lambda: ContentsEntry.model_validate({"chapter": "intro", "section": "projects"}), "chapter か section のどちらか一方を書いてください"),
    (lambda: Comment.model_validate({"number": "1", "project": "p-1", "node": "goal-1", "summary": "意見", "response": "考え方", "revised": False}),
     "project・node・chapter は1つだけ書いてください（計画全体への意見なら、どれも書きません）"),
    (lambda: Project.model_validate({"number": "1", "title": "電子申請", "node": "goal-1", "novelty": "old"}),
     "新規・継続の別（novelty）は new（新規）、continued（継続）、renamed（継続（名称変更））のいずれかを書いてください（「old」が指定されています）"),
    (lambda: PeriodRow.model_validate({"label": "総合計画"}), "phases・undated・note のどれかを書いてください"),
    (lambda: PeriodRow.model_validate({"note": "計画期間なし"}), "phases のない行には label を書いてください"),
    (lambda: Vision.model_validate({"title": "将来像", "stages": [{"period": "2026～2030", "name": "始動"}, {"period": "2031～2035", "name": "定着"}],
                                    "themes": [{"title": "市民サービス", "stages": ["- 手続が便利に"]}]}),
     "分野「市民サービス」の stages は 1 件です。段階（stages）と同じ 2 件を書いてください"),
    (lambda: Chronicle.model_validate({"title": "歩み", "entries": [{"when": "平成13年3月", "events": "電子申請"}, {"when": "昭和44年", "events": "電算化"}]}),
     "「昭和44年」が「平成13年3月」より前の年です。古い順に書いてください"),
])
def test_each_validator_says_what_to_write_instead(validate, expected):
    assert message(validate) == expected


def test_a_chronicle_entry_is_written_in_the_japanese_era_and_shown_with_the_western_year():
    assert ChronicleEntry.model_validate({"when": "令和元年7月", "events": "開始"}).display == "令和元年（2019年）7月"
    assert message(lambda: ChronicleEntry.model_validate({"when": "1969年", "events": "電算化"})).startswith(
        "和暦で、原文どおりに書いてください（例: 昭和44年、平成13年3月、令和元年7月）。")


def test_a_period_spans_its_fiscal_years_both_ends_included():
    assert list(Period.model_validate({"start": 2026, "end": 2030}).years) == [2026, 2027, 2028, 2029, 2030]


def test_item_numbers_sort_as_a_reader_counts_them():
    assert sorted(["1-10", "②-1", "1-2", "①-1", "１-3"], key=natural_key) == ["①-1", "1-2", "１-3", "1-10", "②-1"]


def test_an_old_projects_row_anchor_comes_from_its_number_and_a_restated_row_has_its_own():
    old = {"number": "1-1-(1)", "title": "電子申請", "status": "ended"}
    assert OldProject.model_validate(old).anchor == "1-1-1"
    assert OldProject.model_validate({**old, "restated": True}).anchor == "1-1-1-restated"


def test_headings_of_standard_blocks_are_the_plans_own_or_the_default():
    assert (Labels()["kpis"], Labels(kpis="成果指標")["kpis"], Labels()["lead"]) == ("評価指標", "成果指標", "")


def test_the_tree_is_walked_in_reading_order_with_each_nodes_ancestors():
    tree = Tree.model_validate({"nodes": [
        {"id": "v-1", "level": "vision", "title": "便利", "children": [{"id": "m-1", "level": "measure", "title": "申請"}]},
        {"id": "v-2", "level": "vision", "title": "安心"},
    ]})
    assert [(node.id, [p.id for p in parents]) for node, parents in tree.walk()] == [("v-1", []), ("m-1", ["v-1"]), ("v-2", [])]
    project = Project.model_validate({"number": "1-1", "title": "電子申請", "node": "m-1", "novelty": "renamed"})
    assert (project.numbered_title, project.novelty_label) == ("1-1 電子申請", "継続（名称変更）")


def test_the_roadmap_groups_follow_the_tree_with_projects_outside_it_last_worked_out_once(tmp_path):
    from bad_inputs import base
    from plansite.loading.load import load_plan

    outside = base.FILES[f"{base.PLAN}/projects/p-1.yaml"].replace("node: goal-1\n", "").replace('number: "1"', 'number: "9"')
    root = base.write(tmp_path, {f"{base.PLAN}/projects/p-9.yaml": outside})
    plan, errors = load_plan(root / base.PLAN, root=root)
    assert errors == []
    shown = [(root_node.id if root_node else None, [(e.item.id, e.node.id if e.node else None, e.is_project) for e in entries])
             for root_node, entries in plan.roadmap_groups]
    assert shown == [("goal-1", [("p-1", "goal-1", True)]), (None, [("p-9", None, True)])]
    # Each part of a large plan's roadmap reads the groups: made again per part, they would grow
    # with the square of the plan.
    assert plan.roadmap_groups is plan.roadmap_groups
