"""Achievement of indicators: the status rules, number display, charts, dashboard and downloads."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from htmlquery import table_rows

from conftest import ROOT, BuiltSite, build_site, copy_project
from plansite.model.indicator import Indicator
from plansite.model.values import Value
from plansite.progress.achievement import judgements, status_of
from plansite.model.values import format_value


def indicator(**fields) -> Indicator:
    return Indicator.model_validate({"kind": "outcome", "name": "指標", **fields})


def only(indicator_: Indicator):
    (judgement,) = judgements(indicator_)
    return judgement.label, judgement.reason


@pytest.mark.parametrize("fields, expected", [
    # The words printed with the target decide the comparison.
    ({"actuals": {2023: 59}, "target": {"value": 126, "suffix": "以下"}}, "達成"),
    ({"actuals": {2023: 127}, "target": {"value": 126, "suffix": "以下"}}, "未達成"),
    ({"actuals": {2023: 0}, "target": {"value": 0.1, "prefix": "年間稼働時間の", "suffix": "未満"}}, "達成"),
    ({"actuals": {2023: 0.1}, "target": {"value": 0.1, "suffix": "未満"}}, "未達成"),
    ({"actuals": {2023: 50}, "target": {"value": 50, "suffix": "超"}}, "未達成"),
    ({"actuals": {2023: 80}, "target": {"value": 80, "suffix": "以上"}}, "達成"),
    # An amount of change: more is better whatever the word.
    ({"actuals": {2023: {"value": 16000, "suffix": "削減"}}, "target": {"value": 6700, "suffix": "削減"}}, "達成"),
    ({"actuals": {2023: {"value": 10, "suffix": "増加"}}, "target": {"value": 12, "suffix": "増加"}}, "未達成"),
    # Otherwise the indicator's direction decides.
    ({"direction": "increase", "actuals": {2023: 1.6}, "target": 1.2}, "達成"),
    ({"direction": "increase", "actuals": {2023: 25557731}, "target": 30000000}, "未達成"),
    # Decrease is better: 不登校児童生徒の出現率, インシデント件数 0件.
    ({"name": "不登校児童生徒の出現率", "direction": "decrease", "unit": "%", "actuals": {2027: 1.2}, "targets": {2027: 1.5}}, "達成"),
    ({"name": "不登校児童生徒の出現率", "direction": "decrease", "unit": "%", "actuals": {2027: 1.8}, "targets": {2027: 1.5}}, "未達成"),
    ({"name": "インシデント件数", "direction": "decrease", "unit": "件", "actuals": {2026: 0}, "targets": {2026: 0}}, "達成"),
    ({"name": "インシデント件数", "direction": "decrease", "unit": "件", "actuals": {2026: 1}, "targets": {2026: 0}}, "未達成"),
    ({"direction": "keep", "actuals": {2026: 100}, "targets": {2026: 100}}, "達成"),
    ({"direction": "keep", "actuals": {2026: 99}, "targets": {2026: 100}}, "未達成"),
])
def test_status_follows_the_printed_words_or_the_direction(fields, expected):
    label, reason = only(indicator(**fields))
    assert label == expected, reason


def test_reach_and_hold_judges_later_years_against_the_last_target():
    held = indicator(direction="reach-and-hold", unit="%", targets={2027: 100}, actuals={2027: 100, 2028: 100, 2029: 98})
    assert [(j.year, j.label) for j in judgements(held)] == [(2027, "達成"), (2028, "達成"), (2029, "未達成")]
    plain = indicator(direction="increase", unit="%", targets={2027: 100}, actuals={2028: 100})
    assert only(plain) == ("判定不可", "この年度の目標値がありません")


@pytest.mark.parametrize("fields, reason", [
    ({"actuals": {2023: "削減"}, "target": "削減"}, "実績値が数値ではありません"),
    ({"actuals": {2023: 21}, "target": "前年度調査における全国平均以上"}, "目標値が数値ではありません"),
    ({"actuals": {2023: {"value": 126, "unit": "部"}}, "unit": "割", "target": 7}, "実績値と目標値の単位が違います"),
    ({"actuals": {2023: 21}, "target": 10}, "判定の向き（多いほど良いか、少ないほど良いか）が決まっていません"),
    ({"actuals": {2027: 3}, "to_be_decided": {"text": "目標値は試行後に決定", "from": 2027}}, "目標値が未定です"),
])
def test_undetermined_says_why(fields, reason):
    assert only(indicator(**fields)) == ("判定不可", reason)


def test_several_series_are_met_only_when_every_series_is():
    both = indicator(direction="increase", unit="人", series=[
        {"label": "Twitter(現X)", "actuals": {2024: 697}, "target": 400},
        {"label": "YouTube", "actuals": {2024: 600}, "target": 650},
    ])
    assert status_of(both).label == "未達成"
    assert [j.label for j in status_of(both).latest] == ["達成", "未達成"]
    assert status_of(indicator(targets={2026: 5})).label == "実績値なし"


def test_direction_against_the_printed_words_is_an_error_for_the_author():
    with pytest.raises(Exception) as raised:
        indicator(direction="increase", targets={2026: {"value": 126, "suffix": "以下"}})
    assert "direction は increase（多いほど良い）ですが、目標値「以下」と向きが逆です" in str(raised.value)


@pytest.mark.parametrize("written, unit, shown", [
    (27650, "件", "27,650件"),
    ({"value": 2040000000, "display": "20億4千万円"}, "円", "20億4千万円"),
    ({"value": 3.5, "unit": "万人"}, "人", "3.5万人"),
    (90000, "千円", "90,000千円"),
    ("20分34秒", None, "20分34秒"),
    (1.15, "人", "1.15人"),
    ({"value": 1, "prefix": "年", "suffix": "回"}, None, "年1回"),
    ({"value": 100, "suffix": "以上"}, "%", "100%以上"),
    ("1.00", "%", "1.00%"),
])
def test_numbers_keep_the_sources_style(written, unit, shown):
    assert format_value(Value.model_validate(written), unit) == shown


# --- on the built site -----------------------------------------------------------------------

def status_column(page, caption_word: str) -> dict[str, str]:
    table = next(t for t in page.find_all("table") if caption_word in t.find("caption").clean_text())
    header, *rows = table_rows(table)
    return {row[0]: row[header.index("達成状況")] for row in rows}


def test_first_strategy_not_met_projects_are_the_four_the_source_names(bundled):
    """The source lists 4 重点事業 whose 成果指標 were not met: 7, 8, 15 and 18."""
    page = bundled.html("sagamihara-ict-1/indicators/")
    statuses = status_column(page, "指標一覧")
    not_met = sorted(int(m.group(1)) for owner, status in statuses.items() if status == "未達成"
                     and (m := re.match(r"(\d+) ", owner)))
    assert not_met == [7, 8, 15, 18]
    assert "ICTを活用した行政サービスの利用率" in page.clean_text()


def test_project_page_shows_status_reason_rule_and_chart(bundled):
    page = bundled.html("sagamihara-ict-1/projects/7/")
    text = page.clean_text()
    assert "実績値 25,557,731件 は目標値 30,000,000件 以上ではありません（多いほど良い指標）" in text
    assert "達成状況の判定のしかた" in text
    svg = page.find("svg", class_="plan-chart__svg")
    assert svg.attrs["role"] == "img"
    caption = page.find("figcaption", id=svg.attrs["aria-labelledby"]).clean_text()
    assert caption.startswith("ホームページアクセス件数のグラフ")
    assert len(svg.find_all("rect", class_="plan-chart__bar")) == 1


def test_hadano_targets_are_charted_as_marks_and_counted_without_actuals(bundled):
    page = bundled.html("hadano-dx/projects/1-2/")
    assert page.find_all("path", class_="plan-chart__target")
    assert not page.find_all("rect", class_="plan-chart__bar")
    summary = bundled.html("hadano-dx/").clean_text()
    assert "実績値はまだありません" in summary


def test_roll_up_per_node_counts_its_subtree(bundled):
    page = bundled.html("sagamihara-ict-1/nodes/measure-2-2/")
    tally = page.find("div", class_="plan-tally").clean_text()
    # 2-2's own indicator (70% < 80%以上) and projects 15, 16, 18.
    assert "指標 4件" in tally and "達成1件" in tally and "未達成3件" in tally


def read_csv(bundled, plan: str, name: str) -> str:
    """A download of a plan's indicators, as the site publishes it."""
    return bundled.files(plan)[f"{plan}/indicators/{name}"]


def test_csv_has_one_row_per_value_with_status_and_a_bom_variant(bundled):
    text = read_csv(bundled, "sagamihara-ict-1", "indicators.csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["対象の番号"] == "7" and r["値の区分"] == "実績値")
    assert (row["年度"], row["年度（和暦）"], row["値（表記）"], row["値（数値）"], row["達成状況"]) == (
        "2023", "令和5年度", "25,557,731件", "25557731", "未達成")
    excel = read_csv(bundled, "sagamihara-ict-1", "indicators-excel.csv")
    assert excel.startswith("\ufeff計画,") and excel[1:] == text
    hadano = list(csv.DictReader(io.StringIO(read_csv(bundled, "hadano-dx", "indicators.csv"))))
    assert any(r["指標名"] and r["値の区分"] == "目標値" and r["年度"] == "2030" for r in hadano)


def test_json_download_holds_the_same_statuses(bundled):
    document = json.loads(read_csv(bundled, "sagamihara-ict-1", "indicators.json"))
    assert document["tally"] == {"met": 20, "not-met": 6, "undetermined": 5, "no-actual": 0}
    twitter = next(i for i in document["indicators"] if i["owner"]["number"] == "27")
    assert [line["judgements"][0]["label"] for line in twitter["lines"]] == ["達成", "達成"]
    assert twitter["owner"]["page"] == "sagamihara-ict-1/projects/27/"


@pytest.mark.build
def test_a_changed_actual_changes_status_roll_up_and_csv_in_one_build(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "data/plans/sagamihara-ict-1/projects/7.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("actuals: {2023: 25557731}", "actuals: {2023: 31000000}"), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", "      data_dir: data\n      plans: [sagamihara-ict-1]\n"), encoding="utf-8")
    build_site(project, tmp_path / "site")
    site = BuiltSite(tmp_path / "site")
    assert "実績値 31,000,000件 は目標値 30,000,000件 以上です" in site.page("sagamihara-ict-1/projects/7/").clean_text()
    assert "達成21件" in site.page("sagamihara-ict-1/indicators/").find("div", class_="plan-tally").clean_text()
    rows = csv.DictReader(io.StringIO((site.path / "sagamihara-ict-1/indicators/indicators.csv").read_text(encoding="utf-8")))
    assert next(r for r in rows if r["対象の番号"] == "7" and r["値の区分"] == "実績値")["達成状況"] == "達成"
