"""Each component and text helper on its own: what a reader sees for a given piece of data."""

from __future__ import annotations

from decimal import Decimal

import pytest
from htmlquery import parse, table_rows

from plansite.model.indicator import Indicator
from plansite.model.values import Value
from plansite.base.urls import Linker
from plansite.render import components, layout
from plansite.text import dates, wareki
from plansite.text.markdown import chapter_blocks, heading_html, render_block
from plansite.model.values import format_value
from plansite.text.values import format_number

YEARS = range(2026, 2031)


@pytest.mark.parametrize(
    "raw, unit, shown",
    [
        (27650, "件", "27,650件"),
        ("27,650", "件", "27,650件"),
        (Decimal("1.00"), "人", "1.00人"),
        (Decimal("3.5"), "万人", "3.5万人"),
        (90000, "千円", "90,000千円"),
        ({"value": 55, "prefix": "平均", "suffix": "以上"}, "%", "平均55%以上"),
        ({"value": 1, "prefix": "年"}, "回", "年1回"),
        ({"value": 2040000000, "display": "20億4千万円"}, "円", "20億4千万円"),
        ("全国平均以上", None, "全国平均以上"),
        ("20分34秒", None, "20分34秒"),
        ({"value": 15, "suffix": "減"}, "秒", "15秒減"),
    ],
)
def test_values_are_shown_as_the_source_prints_them(raw, unit, shown):
    assert format_value(Value.model_validate(raw), unit) == shown


def test_missing_value_is_a_dash_and_numbers_keep_decimals():
    assert format_value(None, "件") == "—"
    assert format_number(Decimal("-1234.50")) == "-1,234.50"


@pytest.mark.parametrize(
    "year, shown",
    [(2026, "令和8年度（2026年度）"), (2019, "令和元年度（2019年度）"), (2018, "平成30年度（2018年度）"), (1989, "平成元年度（1989年度）"), (1988, "昭和63年度（1988年度）")],
)
def test_fiscal_years_in_both_calendars(year, shown):
    assert wareki.fiscal_year(year) == shown


@pytest.mark.parametrize("text, year", [("平成31年", 2019), ("令和元年", 2019), ("昭和64年", 1989), ("平成元年", 1989), ("昭和44年", 1969), ("令和８年度", 2026)])
def test_era_years_are_read_back(text, year):
    assert wareki.parse_era_year(text) == year


def test_calendar_year_of_an_era_change_uses_the_new_era():
    assert wareki.calendar_year(1989) == "平成元年（1989年）"
    assert wareki.calendar_year(1969) == "昭和44年（1969年）"


def test_dates_as_japanese_documents_print_them():
    import datetime as dt

    assert dates.date(dt.date(2025, 11, 19)) == "令和7年11月19日"
    assert dates.date(dt.date(2019, 4, 30)) == "平成31年4月30日"
    assert dates.date("2026-01") == "令和8年1月"


def test_markdown_from_data_never_passes_raw_html():
    html = render_block('<script>alert(1)</script>\n\n[リンク](javascript:alert(1)) **強調**')
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert "<strong>強調</strong>" in html


def test_line_breaks_inside_japanese_text_add_no_space():
    assert render_block("行政サービスを\n時間や場所に") == "<p>行政サービスを時間や場所に</p>\n"
    assert render_block("Digital\nTransformation") == "<p>Digital\nTransformation</p>\n"


@pytest.mark.parametrize("written, shown", [
    ("**「重点事業」**として", "<strong>「重点事業」</strong>として"),  # CommonMark alone leaves the asterisks
    ("これを**「重点事業」**とし", "これを<strong>「重点事業」</strong>とし"),
    ("*（案）*の段階", "<em>（案）</em>の段階"),
    ("**強調**。", "<strong>強調</strong>。"),
])
def test_emphasis_works_beside_japanese_brackets(written, shown):
    assert render_block(written) == f"<p>{shown}</p>\n"


def test_emphasis_between_english_letters_and_quotes_keeps_commonmark_rules():
    assert render_block('a**"b"**c') == '<p>a**&quot;b&quot;**c</p>\n'
    assert render_block("snake_case_name") == "<p>snake_case_name</p>\n"


def test_headings_in_fields_start_below_the_page_sections():
    assert render_block("# 見出し", top_heading=3).startswith("<h3>")


def test_heading_text_is_escaped_and_never_markup():
    html = heading_html("<b>*強調* {#x} [a](b)").replace("<wbr>", "")
    assert html == "&lt;b&gt;*強調* {#x} [a](b)"


def test_headings_break_only_between_japanese_phrases_and_mark_english():
    html = heading_html("BPR (Business Process Reengineering) = 業務改革の徹底")
    assert '<span lang="en">Business Process Reengineering</span>' in html
    assert "業務改革の<wbr>徹底" in html


def test_english_phrases_in_text_are_marked_for_speech():
    html = render_block("EBPM（Evidence Based Policy Making）を進める")
    assert '<span lang="en">Evidence Based Policy Making</span>' in html
    assert 'lang="en">EBPM' not in html


def test_jinja_syntax_in_data_is_shown_as_text():
    blocks = chapter_blocks("# 題\n\n{{ config }} と {% if x %} はそのまま", lambda body, line: "")
    assert blocks[0].heading == (2, "題", "題") and "{{ config }} と {% if x %} はそのまま" in blocks[0].html


def test_chapter_headings_keep_stable_ids_from_their_numbers():
    blocks = chapter_blocks("前書き\n\n## 1-2 背景\n\n本文\n\n### 1-2 背景\n", lambda body, line: "")
    assert [b.heading for b in blocks] == [None, (2, "1-2 背景", "s1-2"), (3, "1-2 背景", "s1-2-2")]
    assert [b.html for b in blocks] == ["<p>前書き</p>", "<p>本文</p>", ""]


def test_to_be_decided_text_merges_the_years_from_its_start():
    indicator = Indicator.model_validate(
        {"kind": "outcome", "name": "利用額", "unit": "円", "targets": {2026: 5000, 2027: 5000}, "to_be_decided": {"text": "後に決定", "from": 2028}}
    )
    (table,) = layout.indicator_tables([indicator], ["outcome"], YEARS)
    assert table.years == list(YEARS)
    assert [(c.first, c.span, c.text) for c in table.rows[0].cells] == [(2026, 1, None), (2027, 1, None), (2028, 3, "後に決定")]


def test_actuals_against_a_target_without_a_year_share_one_row():
    indicator = Indicator.model_validate(
        {"kind": "policy-target", "name": "削減時間", "unit": "時間", "baseline": {"value": "—"},
         "actuals": {2023: {"value": 16000, "prefix": "約", "suffix": "削減"}}, "target": {"value": 6700, "suffix": "削減"}}
    )
    (table,) = layout.indicator_tables([indicator], ["policy-target"], range(2020, 2024))
    assert table.years == [2023] and table.baseline and table.target
    assert [r.actual for r in table.rows] == [True] and table.only_actuals
    assert format_value(table.rows[0].cells[0].value, "時間") == "約16,000時間削減"


def test_actuals_beside_yearly_targets_get_their_own_row():
    indicator = Indicator.model_validate(
        {"kind": "outcome", "name": "件数", "unit": "件", "targets": {2026: 10, 2027: 20}, "actuals": {2026: 12}}
    )
    (table,) = layout.indicator_tables([indicator], ["outcome"], YEARS)
    assert [r.actual for r in table.rows] == [False, True] and table.actuals
    assert format_value(table.rows[1].cells[0].value, "件") == "12件"


def test_schedule_component_is_a_table_a_screen_reader_can_follow(site_model):
    plan = site_model.plan_by_id["hadano-dx"]
    table = parse(components.schedule(plan, plan.project_by_id["focus-1-3"], Linker("hadano-dx/projects/focus-1-3/"))).find("table")
    assert table.find("caption").clean_text() == "①-3 証明書自動交付機による窓口の混雑緩和とコンビニ交付の拡大のスケジュール"
    assert all(th.attrs.get("scope") == "col" for th in table.find("thead").find_all("th"))
    rows = table_rows(table)
    assert rows[1] == ["令和8年度：運用方法検討", "令和9年度：証明書自動交付機 機器構築"] + ["令和10年度〜令和12年度：証明書自動交付機の運用・改善"] * 3


def test_kpi_component_keeps_outcomes_and_outputs_apart(site_model):
    plan = site_model.plan_by_id["hadano-dx"]
    html = parse(components.kpis(plan, plan.project_by_id["focus-1-3"], Linker("x/")))
    captions = [c.clean_text() for c in html.find_all("caption")]
    name = "（①-3 証明書自動交付機による窓口の混雑緩和とコンビニ交付の拡大）"  # read out only: print pages hold many of these tables
    assert captions == ["成果（アウトカム）の指標" + name, "実績（アウトプット）の指標" + name]
    assert all(c.find("span", class_="plan-sr-only").clean_text() == name for c in html.find_all("caption"))


def test_links_are_relative_to_the_current_page():
    link = Linker("hadano-dx/projects/1-1/")
    assert link("hadano-dx/nodes/vision-1/") == "../../nodes/vision-1/"
    assert link("hadano-dx/lineage/", "old-1-1-1") == "../../lineage/#old-1-1-1"
    assert Linker("", directory_urls=False)("hadano-dx/") == "hadano-dx/index.html"


def test_hand_written_tables_get_a_labelled_focusable_region():
    import markdown

    from plansite.mkdocs_plugin.tables import LabelledTables

    source = "## コマンド\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n後の文\n\n| c |\n|---|\n| 3 |\n"
    out = markdown.markdown(source, extensions=["tables", "toc", LabelledTables()])
    page = parse(out)
    regions = page.find_all("div", class_="plan-table-wrap")
    assert [r.attrs["aria-label"] for r in regions] == ["表：コマンド（その1）", "表：コマンド（その2）"]  # one name each
    assert all(r.attrs["role"] == "region" and r.attrs["tabindex"] == "0" for r in regions)
    assert [th.attrs.get("scope") for th in regions[0].find("table", class_="plan-table").find_all("th")] == ["col", "col"]
    assert "後の文" in page.clean_text()


def _matcher(*forms):
    from plansite.terms.matcher import TermMatcher

    return TermMatcher(forms)


def test_longest_term_wins_and_widths_are_normalised():
    m = _matcher(("AI", "ai", False), ("生成AI", "gen", False), ("RPA", "rpa", False))
    assert [(x.term_id, x.start, x.end) for x in m.find("生成ＡＩとＲＰＡとAI")] == [("gen", 0, 4), ("rpa", 5, 8), ("ai", 9, 11)]
    assert [x.term_id for x in m.find("生成 AIを使う")] == ["gen"]
    assert [x.term_id for x in _matcher(("カタカナ", "k", False)).find("ｶﾀｶﾅの語")] == ["k"]


def test_terms_inside_longer_words_need_the_authors_permission():
    m = _matcher(("DX", "dx", False), ("クラウド", "cloud", False), ("RPA", "rpa", False))
    assert list(m.find("DX推進計画")) == [] and list(m.find("ガバメントクラウドを")) == []
    assert list(m.find("RAIDとRPAs")) == []
    assert [x.term_id for x in m.find("DXを進め、クラウドの利用とRPAの導入")] == ["dx", "cloud", "rpa"]
    assert [x.term_id for x in _matcher(("DX", "dx", True)).find("DX推進計画")] == ["dx"]


def test_linking_skips_headings_links_code_and_tables_and_links_first_occurrence_only():
    from plansite.terms.linking import TermLinks

    terms = TermLinks(_matcher(("RPA", "rpa", False)), {"rpa": "../glossary/#term-rpa"}, {"rpa": "RPA：自動化"}, tip_prefix="term-tip-p")
    field = "# RPAの導入\n\n[RPAの](#) `RPA` RPAの導入と<b>RPA</b>の拡大\n\n| RPA |\n|---|\n| RPA |\n"
    out = render_block(field, terms=terms)
    assert out.count('class="plan-term__link"') == 1
    assert '<h3>RPAの導入</h3>' in out and '<a href="#">RPAの</a> <code>RPA</code> <span class="plan-term">' in out
    assert 'role="tooltip" id="term-tip-p-1">RPA：自動化</span>' in out and "&lt;b&gt;" in out
    assert terms.used == {"rpa"}
    assert render_block("RPAをもう一度", terms=terms).count("plan-term__link") == 0  # first occurrence on the page only


def test_glossary_rows_follow_gojuon_with_latin_terms_last():
    from plansite.model.glossary import Term
    from plansite.terms.ordering import by_row

    terms = [Term.model_validate({"id": i, "term": t, "reading": r, "description": "x"}) for i, t, r in
             [("a", "RPA", "アールピーエー"), ("b", "ゼロトラスト", "ゼロトラスト"), ("c", "生成AI", "セイセイエーアイ"), ("d", "官民データ", "カンミンデータ")]]
    assert [(row[1], [t.term for t in ts]) for row, ts in by_row(terms)] == [
        ("か行", ["官民データ"]), ("さ行", ["生成AI", "ゼロトラスト"]), ("英数字", ["RPA"])]


def test_jargon_check_reports_abbreviations_and_long_katakana_without_entries(site_model):
    from plansite.terms.jargon import find_jargon, morae

    plan = site_model.plan_by_id["hadano-dx"]
    words = {f.word: f for f in find_jargon(plan, site_model)}
    assert "EBPM" not in words and "RPA" not in words  # in the glossary
    assert "スマートフォン" not in words  # an everyday word
    assert morae("チャットボット") == 6 and morae("ジャ") == 1
    for word, finding in words.items():
        assert finding.file.startswith("data/plans/hadano-dx/") and finding.line >= 1
        assert word not in plan.meta.jargon_gaps
