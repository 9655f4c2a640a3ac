"""The plansite command run in-process (cli/*): what staff read for a good run, a data mistake, a
mistyped option, a Windows-style path and an unexpected problem — Japanese, an exit code, never a
traceback. (tests/test_cli.py runs the same command as a separate process.)"""

from __future__ import annotations

import re

import click
import pytest

from bad_inputs import base
from plansite.cli import main
from plansite.cli.common import Failure, report, run_safely
from plansite.cli.japanese import _WORDS


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(base.write(tmp_path))
    return tmp_path


def test_check_says_what_it_read(project, capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "OK: mini（ミニ市DX推進計画）: 事業 1、体系 1、章 1\n"


def test_a_data_mistake_is_one_located_line_and_exit_code_one(project, capsys):
    path = project / base.PLAN / "projects" / "p-1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("node: goal-1", "node: goal-2"), encoding="utf-8")
    assert main(["check", "--data", "data\\"]) == 1  # typed with Windows habits
    err = capsys.readouterr().err
    assert err.splitlines()[0] == f"{base.PLAN}/projects/p-1.yaml:3:7: node: 体系の ID「goal-2」が見つかりません。もしかして「goal-1」ですか？"
    assert "Traceback" not in err


def test_a_mistyped_option_is_explained_in_japanese_with_where_to_find_help(project, capsys):
    assert main(["check", "--nope"]) == 2
    assert capsys.readouterr().err == ("コマンドの書き方に誤りがあります: 「--nope」というオプションはありません。\n"
                                       "使い方は「plansite check --help」で表示できます。\n")


def test_a_new_plan_id_that_cannot_be_a_url_is_refused_and_nothing_is_written(project, capsys):
    assert main(["new", "Sample_DX"]) == 1
    assert capsys.readouterr().err.startswith("計画ID「Sample_DX」は使えません。")
    assert sorted(p.name for p in (project / "data" / "plans").iterdir()) == ["mini"]


def test_an_unexpected_problem_is_reported_for_the_person_in_charge_not_as_a_traceback(capsys):
    @click.command()
    def broken():
        raise RuntimeError("壊れました")

    assert run_safely(broken, []) == 1
    assert capsys.readouterr().err == "予期しない問題で止まりました（RuntimeError: 壊れました）。この表示をそのまま担当者に知らせてください。\n"


def test_a_report_with_errors_says_how_many_and_what_was_not_done(capsys):
    with pytest.raises(Failure) as caught:
        report(["値が読めません"], ["b.yaml:1:1: 誤り", "a.yaml:2:1: 誤り"], "何も書き込んでいません。")
    assert caught.value.message == "誤りが 2 件あります。上の各行を直してから、もう一度実行してください。何も書き込んでいません。"
    assert capsys.readouterr().err == "注意: 値が読めません\na.yaml:2:1: 誤り\nb.yaml:1:1: 誤り\n"


def test_every_japanese_form_of_a_click_message_keeps_its_placeholders():
    """click fills them in with str.format: a lost or renamed one would end in a KeyError."""
    names = re.compile(r"{(\w+)")
    assert [english for english, japanese in _WORDS.items() if set(names.findall(english)) != set(names.findall(japanese))] == []


def test_export_writes_a_row_per_indicator_and_year_and_says_how_to_import_it(project, capsys):
    assert main(["export", "mini", "実績.csv"]) == 0
    assert capsys.readouterr().out == ("ミニ市DX推進計画（mini）の指標 5 行を 実績.csv に書き出しました。\n"
                                       "目標値・実績値を書き換えて保存したら、plansite import 実績.csv で取り込みます。\n")
    assert (project / "実績.csv").read_bytes().startswith("\ufeff".encode("utf-8"))
