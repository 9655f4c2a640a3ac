"""Rendering (render/*): the indicator chart a citizen sees beside its table, the component registry's
checks that give an author a Japanese message instead of a traceback, the authoring guide's field
tables, and the one Jinja environment that escapes every piece of data."""

from __future__ import annotations

import re

import pytest

from bad_inputs import base
from htmlquery import parse
from plansite.base.urls import Linker
from plansite.loading.load import load_site
from plansite.model.fences import FENCE_COMPONENTS
from plansite.model.indicator import Indicator
from plansite.progress.register import Register
from plansite.model.labels import Labels, Words
from plansite.render.chart import indicator_charts
from plansite.render.environment import environment, render
from plansite.render.field_reference import field_reference
from plansite.render.registry import BY_FENCE, BY_NAME, ComponentError, Place, draw


def indicator(**fields) -> Indicator:
    return Indicator.model_validate({"kind": "outcome", "name": "電子申請の件数", "unit": "件", **fields})


WORDS = Words(Labels())  # the default words: 目標値, 実績値


# --- chart ---------------------------------------------------------------------------------------

def test_a_chart_is_an_image_named_by_its_caption_with_every_value_written_out():
    [chart] = indicator_charts(indicator(targets={2026: 100, 2027: 200}, actuals={2026: 120}), "chart-p-1", WORDS)
    page = parse(str(chart))
    svg, caption = page.find("svg"), page.find("figcaption")
    assert (svg.attrs["role"], svg.attrs["aria-labelledby"], caption.attrs["id"]) == ("img", "chart-p-1-1", "chart-p-1-1")
    assert caption.clean_text() == "電子申請の件数のグラフ（数値は表のとおり）実績値（棒）目標値（ひし形）"  # shapes named in words, not colours
    assert [t.clean_text() for t in svg.find_all("text")] == ["120件", "令和8", "令和9"]
    diamonds = [float(re.match(r"M[\d.]+ ([\d.]+)", p.attrs["d"]).group(1)) for p in svg.find_all("path", class_="plan-chart__target")]
    assert len(diamonds) == 2 and diamonds[1] < diamonds[0]  # 200件 is drawn above 100件


def test_a_target_without_a_year_is_a_labelled_line_and_text_values_give_no_chart():
    [chart] = indicator_charts(indicator(unit="%", target="80.0", actuals={2026: 75.5}), "c", WORDS)
    page = parse(str(chart))
    assert page.find("text", class_="plan-chart__target-label").clean_text() == "目標値 80.0%"  # the plan's word for 目標値
    assert page.find("figcaption").clean_text().endswith("実績値（棒）目標値（破線）")
    assert indicator_charts(indicator(targets={2026: "検討"}), "c", WORDS) == []  # nothing to place: the table alone says it


def test_each_series_gets_its_own_chart_named_after_it():
    series = indicator(series=[{"label": "土地", "targets": {2026: 10}}, {"label": "家屋", "targets": {2026: 20}}])
    charts = [parse(str(chart)).find("figcaption") for chart in indicator_charts(series, "c", WORDS)]
    assert [(c.attrs["id"], c.clean_text().split("のグラフ")[0]) for c in charts] == [("c-1", "電子申請の件数（土地）"), ("c-2", "電子申請の件数（家屋）")]


# --- registry ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = base.write(tmp_path_factory.mktemp("registry"))
    return Place(load_site(root / "data", root=root), Linker("guide/", directory_urls=True), Register, {})


@pytest.mark.parametrize("name, args, kwargs, expected", [
    ("kpi_table", ("mini",), {}, "引数「project_id」（事業の ID（projects/ のファイル名））が必要です（kpi_table の引数は (plan_id, project_id)）"),
    ("kpi_table", ("mini", "p-1", "x"), {}, "引数が多すぎます（kpi_table の引数は (plan_id, project_id)）"),
    ("kpi_table", ("mini",), {"project": "p-1"}, "引数「project」はありません（kpi_table の引数は (plan_id, project_id)）"),
    ("kpi_table", ("mini",), {"plan_id": "mini"}, "引数「plan_id」が2回指定されています"),
    ("kpi_table", (1, "p-1"), {}, "引数「plan_id」には文字列を書いてください（例: \"hadano-dx\"）"),
    ("kpi_table", ("big", "p-1"), {}, "計画「big」はありません（あるもの: mini）"),
    ("kpi_table", ("mini", "p-9"), {}, "ミニ市DX推進計画の事業「p-9」はありません（あるもの: p-1）"),
    ("project_table", ("mini",), {"level": "x"}, "ミニ市DX推進計画の階層「x」はありません（あるもの: goal）"),
    ("achievement_summary", ("mini", "goal-9"), {}, "ミニ市DX推進計画の体系の項目「goal-9」はありません（あるもの: goal-1）"),
])
def test_a_mistaken_call_says_what_was_given_and_what_exists(place, name, args, kwargs, expected):
    with pytest.raises(ComponentError) as caught:
        draw(BY_NAME[name], place, args, kwargs)
    assert str(caught.value) == expected


def test_a_correct_call_draws_the_named_items_component(place):
    kpis = parse(str(draw(BY_NAME["kpi_table"], place, ("mini", "p-1"))))
    assert kpis.find("caption").clean_text() == "成果（アウトカム）の指標（1 電子申請の拡充）"  # the item read out, for print pages
    assert [td.clean_text() for td in kpis.find("tbody").find_all("td")][:3] == ["100件", "200件", "—"]
    tally = parse(str(draw(BY_NAME["achievement_summary"], place, ("mini",), {"node_id": "goal-1"})))
    assert tally.find("p", class_="plan-tally__title").clean_text() == "便利な行政の指標（指標 1件）"
    assert BY_NAME["kpi_table"].call_text(("mini",), {"project_id": "p-1"}) == "kpi_table('mini', project_id='p-1')"


def test_every_fence_name_a_chapter_may_use_has_a_component():
    assert sorted(BY_FENCE) == sorted(FENCE_COMPONENTS)


# --- field_reference -----------------------------------------------------------------------------

def test_the_field_table_marks_required_fields_and_lists_the_allowed_words():
    table = parse(str(field_reference("project")))
    assert table.find("caption").clean_text() == "事業（projects/<事業のID>.yaml）に書ける項目"
    rows = {tr.find("code").clean_text(): [td.clean_text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")}
    assert rows["title"][:2] == ["必須", "文字列"] and rows["number"][0] == "" and rows["summary"][0] == ""
    assert rows["novelty"][1] == "次のどれか: new、continued、renamed"
    assert rows["kpis"][1] == "リスト（指標）"
    assert "id" not in rows  # set from the file name, never written
    part = parse(str(field_reference("project", "Indicator")))
    assert part.find("caption").clean_text() == "事業（projects/<事業のID>.yaml） の Indicatorに書ける項目"


# --- environment ---------------------------------------------------------------------------------

def test_data_reaches_html_only_escaped_and_markdown_without_raw_html():
    template = environment().from_string("<p>{{ text }}</p>{{ text|md }}{{ year|fy }}")
    html = template.render(text="<script>alert(1)</script> **強調**", year=2026)
    assert "<script>" not in html and html.count("&lt;script&gt;") == 2
    assert "<strong>強調</strong>" in html and html.endswith("令和8年度（2026年度）")


def test_a_chart_name_from_the_data_is_escaped():
    [chart] = indicator_charts(indicator(name="<b>件数</b>", targets={2026: 1}), "c", WORDS)
    assert "<b>" not in str(chart) and "&lt;b&gt;件数&lt;/b&gt;のグラフ" in str(chart)


def test_a_template_asking_for_something_it_was_not_given_fails_instead_of_printing_nothing():
    with pytest.raises(Exception, match="undefined"):
        render("components/chart.html")
