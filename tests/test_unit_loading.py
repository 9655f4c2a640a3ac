"""Reading the data files (loading/*): where each value stands, the YAML 1.2 types an author gets,
and the Japanese message an author reads for each mistake, at its file:line:column."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import pytest
from pydantic import ValidationError

from bad_inputs import base
from plansite.loading.editions import check_snapshot
from plansite.loading.load import Known, load_plan
from plansite.loading.messages import translate
from plansite.loading.references import check_references
from plansite.loading.yaml_source import read_yaml
from plansite.model.comments import Comments
from plansite.model.plan_meta import PlanMeta
from plansite.model.project import Project

PLAN_YAML = f"{base.PLAN}/plan.yaml"
PROJECT_YAML = f"{base.PLAN}/projects/p-1.yaml"


def read(tmp_path, text: str, name: str = "data/x.yaml"):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, name)


def messages(errors) -> list[str]:
    return [str(error) for error in errors]


# --- yaml_source ---------------------------------------------------------------------------------

def test_plain_scalars_follow_yaml_1_2_so_words_and_decimals_stay_as_written(tmp_path):
    document, errors = read(tmp_path, "answer: no\nflag: on\nrate: 1.00\ntime: 20:34\nhex: 0x1F\nday: 2026-4-1\nnothing: ~\n")
    assert errors == []
    data = document.data
    assert (data["answer"], data["flag"], data["time"]) == ("no", "on", "20:34")  # YAML 1.1 would read False, True, 1234
    assert data["rate"] == Decimal("1.00") and str(data["rate"]) == "1.00"  # the page shows 1.00, not 1.0
    assert (data["hex"], data["day"], data["nothing"]) == (31, datetime.date(2026, 4, 1), None)


def test_positions_of_values_and_keys_are_remembered_and_come_back_after_being_forgotten(tmp_path):
    document, _ = read(tmp_path, "title: 計画\nkpis:\n  - name: 件数\n    targets: {2026: 100}\n")
    source = document.source
    assert source.value_at(("kpis", 0, "targets", 2026)) == (4, 21)
    assert source.key_at(("kpis", 0, "name")) == (3, 5)
    assert source.value_at(("kpis", 0, "unit")) == (3, 5)  # a missing field points at its mapping
    assert str(source.error(("kpis", 0, "targets", 2026), "数値を指定してください")) == \
        "data/x.yaml:4:21: kpis[0].targets.2026: 数値を指定してください"
    source.forget_positions()  # a valid file drops them; a later message reads them again from the text
    assert source.value_at(("kpis", 0, "targets", 2026)) == (4, 21)


def test_a_key_written_twice_is_named_with_both_lines_and_the_first_is_kept(tmp_path):
    """The rest of the file is still read, so its other mistakes are reported in the same run."""
    document, errors = read(tmp_path, "title: 計画\nsummary: 要旨\ntitle: 別の名前\n")
    assert document.data == {"title": "計画", "summary": "要旨"}
    assert messages(errors) == ["data/x.yaml:3:1: title: キー「title」が同じ場所に2回書かれています（最初は 1 行目）。1つにまとめてください"]


@pytest.mark.parametrize("text, expected", [
    ("day: 2026-02-30\n", "data/x.yaml:1:6: day: 「2026-02-30」は存在しない日付です"),
    ("a: &x [1]\nb: *x\n", "data/x.yaml:2:4: b: アンカーとエイリアス（&名前 と *名前）は使えません。同じ内容をそのまま書いてください"),
    ("a: !!python/object x\n", "data/x.yaml:1:4: a: タグ「tag:yaml.org,2002:python/object」は使えません。「!」で始まる書き方をやめてください"),
    ("a:\n\t- 1\n", "data/x.yaml:2:1: タブ文字は使えません。字下げには半角スペースを使ってください"),
    ("a: {b: 1\n", "data/x.yaml:1:4: ここで開いたかっこ「{」「[」が閉じられていないか、区切りの「,」が抜けています"),
    ("# だけ\n", "data/x.yaml:1:1: ファイルが空です。内容を書いてください"),
])
def test_each_unreadable_value_gets_one_located_japanese_message(tmp_path, text, expected):
    """A value that cannot be read is reported where it stands; the rest of the file is still read."""
    _, errors = read(tmp_path, text)
    assert messages(errors) == [expected]


def test_a_file_saved_in_shift_jis_is_named_at_its_first_bad_byte(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("title: 計画\nkind: 秦野\n".encode("cp932"))
    _, errors = read_yaml(path, "data/x.yaml")
    assert messages(errors) == ["data/x.yaml:1:8: 文字コードが UTF-8 ではありません。UTF-8 で保存し直してください"]


# --- messages ------------------------------------------------------------------------------------

def translated(tmp_path, model, text: str, name: str = PLAN_YAML, **validate) -> list[str]:
    document, errors = read(tmp_path, text, name=name)
    assert errors == []
    with pytest.raises(ValidationError) as caught:
        model.model_validate(document.data, **validate)
    return messages(translate(caught.value, document.source, model))


def test_pydantic_errors_become_one_japanese_message_each_at_the_right_key(tmp_path):
    plan = base.FILES[PLAN_YAML].replace("title:", "titel:").replace("name: ミニ市", "name: ミニ市\n  prefectur: 神奈川県")
    plan = plan.replace("status: adopted", "status: adopt").replace("levels:\n  - id: goal\n    name: 基本目標\n    projects_label: 事業\n",
                                                                      "levels: goal\n")
    assert translated(tmp_path, PlanMeta, plan) == [
        f"{PLAN_YAML}:1:1: title: 必須の項目です。「title」を書き加えてください",
        f"{PLAN_YAML}:5:3: municipality.prefectur: 「prefectur」という項目はありません。もしかして「prefecture」ですか？",
        f"{PLAN_YAML}:9:9: status: 計画の状態（status）は draft（案）、public-comment（意見募集中）、adopted（策定済）、"
        "superseded（終了）のいずれかを書いてください（「adopt」が指定されています）",
        f"{PLAN_YAML}:11:9: levels: リスト（「- 」で始まる行）を指定してください（文字列が指定されています）",
        f"{PLAN_YAML}:1:1: titel: 「titel」という項目はありません。もしかして「title」ですか？",
    ]


def test_an_unknown_key_far_from_any_known_one_lists_what_may_be_written_there(tmp_path):
    project = base.FILES[PROJECT_YAML].replace("    unit: 件\n", "    unit: 件\n    bogus: 1\n")
    found = translated(tmp_path, Project, project, PROJECT_YAML, context={"period": (2026, 2030)})
    assert len(found) == 1
    assert found[0].startswith(f"{PROJECT_YAML}:17:5: kpis[0].bogus: 「bogus」という項目はありません。書ける項目: kind、direction、name、")


def test_a_models_own_message_reaches_the_author_as_written_not_wrapped_in_another(tmp_path):
    comments = "comments:\n  - number: \"1\"\n    project: p-1\n    node: goal-1\n    summary: 意見\n    response: 考え方\n    revised: false\n"
    assert translated(tmp_path, Comments, comments, f"{base.PLAN}/comments.yaml") == [
        f"{base.PLAN}/comments.yaml:2:5: comments[0]: project・node・chapter は1つだけ書いてください（計画全体への意見なら、どれも書きません）"]


# --- references ----------------------------------------------------------------------------------

@pytest.fixture
def mini_plan(tmp_path):
    base.write(tmp_path)
    plan, errors = load_plan(tmp_path / base.PLAN, root=tmp_path)
    assert errors == []
    return plan


def test_a_project_under_a_node_that_does_not_exist_is_named_at_its_line_with_a_guess(mini_plan):
    project = mini_plan.projects[0].model_copy(update={"node": "goal-2"})
    plan = dataclasses.replace(mini_plan, projects=(project,))
    found = check_references(plan, known_projects={"p-1"}, known=Known())
    assert messages(found) == [f"{PROJECT_YAML}:3:7: node: 体系の ID「goal-2」が見つかりません。もしかして「goal-1」ですか？"]


def test_a_node_id_used_twice_names_the_line_of_the_first(tmp_path):
    second = "  - id: goal-2\n    level: goal\n    number: \"2\"\n    title: 開かれた行政\n"
    base.write(tmp_path, {f"{base.PLAN}/tree.yaml": base.FILES[f"{base.PLAN}/tree.yaml"] + second})
    plan, errors = load_plan(tmp_path / base.PLAN, root=tmp_path)
    first, other = plan.tree.nodes
    tree = plan.tree.model_copy(update={"nodes": (first, other.model_copy(update={"id": "goal-1"}))})
    found = check_references(dataclasses.replace(plan, tree=tree), known_projects={"p-1"}, known=Known())
    assert messages(found) == [f"{base.PLAN}/tree.yaml:7:9: nodes[1].id: ID「goal-1」が重複しています（2 行目と同じ）。別の ID にしてください"]


def test_a_plan_fence_in_a_chapter_is_checked_at_its_line_in_the_file(tmp_path):
    chapter = "# はじめに\n\nこの計画の趣旨です。\n\n```plan\ncomponent: nope\n```\n"
    base.write(tmp_path, {f"{base.PLAN}/chapters/01-intro.md": chapter})
    plan, errors = load_plan(tmp_path / base.PLAN, root=tmp_path)
    assert plan is None
    assert messages(errors) == [
        f"{base.PLAN}/chapters/01-intro.md:5:1: 部品「nope」はありません（使える部品: philosophy、tree、common、project-table、"
        "roadmap、period-chart、vision、chronicle）"]


# --- editions ------------------------------------------------------------------------------------

def meta_of(tmp_path, text: str):
    document, errors = read(tmp_path, text, name=f"{base.PLAN}/editions/r7-04/plan.yaml")
    assert errors == []
    return PlanMeta.model_validate(document.data), document.source


def test_an_earlier_edition_must_say_which_edition_it_is(tmp_path):
    meta, source = meta_of(tmp_path, base.FILES[PLAN_YAML])
    assert messages(check_snapshot(meta, "r7-04", source)) == [
        f"{base.PLAN}/editions/r7-04/plan.yaml:1:1: edition: 過去の版の plan.yaml には edition（版の id・name・as_of）を書いてください"]


def test_an_earlier_editions_id_must_be_its_folder_name(tmp_path):
    meta, source = meta_of(tmp_path, base.FILES[PLAN_YAML] + "edition:\n  id: r7-4\n  name: 令和7年4月版\n  as_of: 2025-04-01\n")
    assert messages(check_snapshot(meta, "r7-04", source)) == [
        f"{base.PLAN}/editions/r7-04/plan.yaml:15:7: edition.id: 版の ID「r7-4」がフォルダ名「r7-04」と違います。"
        "同じにしてください（過去の版のページの URL になります）"]
    assert check_snapshot(meta, "r7-4", source) == []
