"""What the changes page lists between two editions (editions/changes): each changed target, actual,
schedule row and 主管課 with its before and after as the pages print them, and projects added,
renamed or ended, each placed in the edition whose page shows it."""

from __future__ import annotations

import dataclasses

import pytest

from bad_inputs import base
from plansite.editions.changes import compare, edition_history
from plansite.loading.load import load_plan

PROJECT = base.FILES[f"{base.PLAN}/projects/p-1.yaml"]


def edition(root, name: str, project: str = PROJECT, **more: str):
    files = {f"{base.PLAN}/projects/p-1.yaml": project, **{f"{base.PLAN}/projects/{key}.yaml": text for key, text in more.items()}}
    base.write(root / name, files)
    plan, errors = load_plan(root / name / base.PLAN, root=root / name)
    assert errors == []
    return plan


def rows(group) -> list[tuple]:
    return [(change.name, change.year, change.before, change.after) for change in group]


@pytest.fixture
def older(tmp_path):
    return edition(tmp_path, "older")


def test_a_changed_target_and_a_new_actual_are_listed_with_before_and_after(tmp_path, older):
    newer = edition(tmp_path, "newer", PROJECT.replace("2027: 200}", "2027: 250}\n    actuals: {2026: 90}"))
    changes = compare(older, newer)
    assert rows(changes.targets) == [("電子申請の件数", 2027, "200件", "250件")]
    assert rows(changes.actuals) == [("電子申請の件数", 2026, "—", "90件")]
    assert changes.targets[0].place.edition is newer and changes.targets[0].place.owner.id == "p-1"
    assert (changes.projects, changes.indicators, changes.schedules, changes.departments) == ((), (), (), ())
    assert changes.total == 2


def test_values_count_as_changed_exactly_when_the_page_shows_them_differently(tmp_path, older):
    same = compare(older, edition(tmp_path, "same", PROJECT.replace("2026: 100,", '2026: "100",')))
    assert same.total == 0  # typed as a string, printed the same
    decimals = compare(older, edition(tmp_path, "decimals", PROJECT.replace("2026: 100,", "2026: 100.0,")))
    assert rows(decimals.targets) == [("電子申請の件数", 2026, "100件", "100.0件")]


def test_a_schedule_row_and_the_departments_are_compared_as_displayed(tmp_path, older):
    newer = edition(tmp_path, "newer", PROJECT.replace("end: 2027", "end: 2028").replace("[デジタル推進課]", "[デジタル推進課, 市民課]"))
    changes = compare(older, newer)
    assert [(c.label, c.before, c.after) for c in changes.schedules] == [("導入", "令和8年度〜令和9年度：試行", "令和8年度〜令和10年度：試行")]
    assert [(c.before, c.after) for c in changes.departments] == [("デジタル推進課", "デジタル推進課、市民課")]


def test_projects_added_renamed_and_ended_are_placed_where_their_page_is(tmp_path, older):
    second = PROJECT.replace('number: "1"', 'number: "2"').replace("電子申請の拡充", "窓口の予約")
    newer = edition(tmp_path, "newer", PROJECT.replace("title: 電子申請の拡充", "title: 電子申請の推進"), **{"p-2": second})
    forward = compare(older, newer)
    assert [(c.kind, c.place.owner.id, c.former_title) for c in forward.projects] == [("追加", "p-2", ""), ("名称変更", "p-1", "電子申請の拡充")]
    assert all(c.place.edition is newer for c in forward.projects)
    assert forward.indicators == () and forward.targets == ()  # a new project is listed once, as added
    backward = compare(newer, older)
    ended = [c for c in backward.projects if c.kind == "終了"]
    assert [(c.place.owner.id, c.place.edition is newer) for c in ended] == [("p-2", True)]  # its page is in the edition that had it


def test_a_renamed_indicator_is_one_removed_and_one_added(tmp_path, older):
    newer = edition(tmp_path, "newer", PROJECT.replace("name: 電子申請の件数", "name: 電子申請の利用件数"))
    changes = compare(older, newer)
    assert [(c.kind, c.name, c.place.edition is newer) for c in changes.indicators] == [
        ("追加", "電子申請の利用件数", True), ("削除", "電子申請の件数", False)]
    assert changes.targets == ()


def test_history_compares_consecutive_editions_newest_pair_first(tmp_path, older):
    middle = edition(tmp_path, "middle", PROJECT.replace("2027: 200}", "2027: 250}"))
    current = edition(tmp_path, "current", PROJECT.replace("2027: 200}", "2027: 300}"))
    history = edition_history(dataclasses.replace(current, earlier=(middle, older)))
    assert [rows(changes.targets) for changes in history] == [
        [("電子申請の件数", 2027, "250件", "300件")], [("電子申請の件数", 2027, "200件", "250件")]]
