"""Time across fiscal years: span arithmetic, 和暦 at era changes, and what the roadmap, 計画期間,
将来像 and 歩み pages show from the seeds."""

from __future__ import annotations

import pytest
from htmlquery import parse, table_rows

from plansite.model.schedule import Phase, ScheduleRow
from plansite.base.urls import Linker
from plansite.render import components, timeline, timeline_components
from plansite.text import wareki

from test_validation import data, edit, errors_of, line_of  # noqa: F401  (data is a fixture)

PLAN_YEARS = range(2026, 2031)


def phase(text, start, end=None, **flags):
    return Phase.model_validate({"text": text, "start": start, "end": end, **flags})


def spans(bars):
    return [(b.first, b.span, b.phase.text if b.phase else None, b.before, b.after) for b in bars]


# --- span arithmetic ----------------------------------------------------------------------------

def test_phases_fill_the_years_with_gaps_between():
    row = [phase("検討", 2027), phase("運用", 2029, 2030)]
    assert spans(timeline.bars(row, PLAN_YEARS)) == [
        (2026, 1, None, False, False), (2027, 1, "検討", False, False), (2028, 1, None, False, False), (2029, 2, "運用", False, False),
    ]


def test_phases_outside_the_years_shown_are_clipped_and_marked():
    row = [phase("前の計画", 2021, 2025), phase("次の計画", 2026, 2033)]
    assert spans(timeline.bars(row, range(2024, 2031))) == [(2024, 2, "前の計画", True, False), (2026, 5, "次の計画", False, True)]


def test_open_ended_phase_runs_to_the_last_year_shown_and_beyond():
    (bar,) = timeline.bars([phase("後半", 2028, open_end=True)], range(2028, 2030))
    assert (bar.first, bar.span, bar.after) == (2028, 2, True)
    assert timeline.span_text(bar.phase) == "令和10年度〜"


def test_phase_wholly_outside_the_years_shown_leaves_an_empty_row():
    assert spans(timeline.bars([phase("昔の計画", 2002, 2006)], PLAN_YEARS)) == [(2026, 5, None, False, False)]


def test_overlapping_phases_go_to_separate_lanes():
    a, b, c = phase("自治体DX推進計画", 2020, 2025), phase("神奈川の計画", 2024, 2026), phase("次期計画", 2026, open_end=True)
    assert [[p.text for p in lane] for lane in timeline.lanes([c, b, a])] == [["自治体DX推進計画", "次期計画"], ["神奈川の計画"]]


def test_an_open_ended_phase_overlaps_everything_after_it():
    with pytest.raises(ValueError, match="期間が重なっています"):
        ScheduleRow.model_validate({"phases": [{"text": "後半", "start": 2028, "open_end": True}, {"text": "次", "start": 2030}]})


def test_a_phase_cannot_both_end_and_be_open():
    with pytest.raises(ValueError, match="end を書けません"):
        Phase.model_validate({"text": "後半", "start": 2028, "end": 2029, "open_end": True})


def test_year_list_puts_each_phase_under_its_first_year_shown():
    rows = [("ICT", [phase("前の計画", 2021, 2025), phase("改定", 2027, milestone=True)])]
    listed = [(year, [bar.phase.text for _, bar in items]) for year, items in timeline.by_year(rows, range(2024, 2031))]
    assert listed == [(2024, ["前の計画"]), (2027, ["改定"])]


# --- 和暦 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "source, shown",
    [
        ("平成31年4月", "平成31年（2019年）4月"),
        ("令和元年7月", "令和元年（2019年）7月"),
        ("昭和64年", "昭和64年（1989年）"),
        ("平成元年", "平成元年（1989年）"),
        ("昭和44年", "昭和44年（1969年）"),
        ("令和5年度", "令和5年度（2023年度）"),
    ],
)
def test_source_years_keep_their_era_and_gain_the_western_year(source, shown):
    assert wareki.with_western_year(source) == shown


@pytest.mark.parametrize("text", ["昭和65年", "平成32年", "大正16年"])
def test_era_years_past_the_era_change_are_refused(text):
    with pytest.raises(ValueError, match="ありません"):
        wareki.parse_era_year(text)


def test_history_entry_with_an_impossible_era_year_names_its_line(data):  # noqa: F811
    file = "data/plans/hadano-dx/plan.yaml"
    edit(data, file, "when: 平成2年", "when: 平成32年")
    line = line_of(data, file, "when: 平成32年")
    (error,) = errors_of(data)
    assert error.startswith(f"{file}:{line}:")
    assert "timeline.chronicle.entries[11].when" in error and "平成32年はありません（平成は31年まで）" in error


def test_schedule_phase_outside_the_plan_period_names_its_line(data):  # noqa: F811
    file = "data/plans/hadano-dx/projects/focus-1-3.yaml"
    edit(data, file, "start: 2027\n", "start: 2037\n")
    (error,) = errors_of(data)
    assert error.startswith(f"{file}:") and "計画期間（2026〜2030年度）と重なりません" in error


# --- components ---------------------------------------------------------------------------------

def test_schedule_is_a_table_and_the_same_rows_as_a_list_by_fiscal_year(site_model):
    plan = site_model.plan_by_id["hadano-dx"]
    html = parse(components.schedule(plan, plan.project_by_id["focus-1-3"], Linker("x/")))
    table = html.find("table")
    assert [th.attrs.get("scope") for th in table.find("thead").find_all("th")] == ["col"] * 5
    assert table_rows(table)[0][1] == "令和9年度（2027年度）"
    listed = html.find("dl", class_="plan-year-list")
    terms = [dt.clean_text() for dt in listed.find_all("dt")]
    assert terms == ["令和8年度（2026年度）", "令和9年度（2027年度）", "令和10年度（2028年度）"]
    assert "証明書自動交付機 機器構築" in listed.find_all("dd")[1].clean_text()


def test_period_chart_marks_clipped_and_open_phases_and_draws_no_bar_the_text_does_not_give(site_model):
    hadano = site_model.plan_by_id["hadano-dx"]
    table = parse(timeline_components.period_chart(hadano, Linker("x/"))).find("table")
    text = table.clean_text()
    assert "令和3年度〜令和7年度：◀ 令和3年度からはだのICT活用推進計画" in text
    assert "自治体DX推進計画・次期自治体DX推進計画 (R7.12月公表予定)年度は、図の位置からは読み取れません" in text
    assert "令和2年度" not in text  # 自治体DX推進計画's years are in another document, not in this one
    assert not [td for td in table.find_all("td") if "plan-bar--milestone" in td.attrs["class"]]  # the five 改定 have no year
    assert "計画期間なし" in text
    assert [th.clean_text() for th in table.find_all("th", scope="rowgroup")] == ["秦野市", "神奈川県", "総務省", "デジタル庁"]
    sagamihara = site_model.plan_by_id["sagamihara-dx"]
    text = parse(timeline_components.period_chart(sagamihara, Linker("x/"))).find("table").clean_text()
    assert "令和10年度〜：後半(R10-)については" in text and "以降も続く ▶" in text


# --- pages --------------------------------------------------------------------------------------

def test_roadmap_places_machine_construction_in_reiwa_9_under_its_focus_project(bundled):
    page = bundled.html("hadano-dx/roadmap/")
    table = page.find("table", id="roadmap-hadano-dx")
    rows = table_rows(table)
    col = next(i for i, h in enumerate(rows[0]) if h.startswith("令和9年度"))
    row = next(r for r in rows if r[0].startswith("①-3 証明書自動交付機"))
    assert row[col] == "令和9年度：証明書自動交付機 機器構築"
    assert "重点事業" in row[0] and "主管課：デジタル推進課" in row[0]
    options = [o.clean_text() for o in page.find("select", data_filter_column="department").find_all("option")]
    assert "戸籍住民課" in options
    item = next(tr for tr in table.find_all("tr") if tr.attrs.get("data-node") == "focus-1")
    assert "デジタル推進課" in item.attrs["data-department"].split("|")


def test_roadmap_list_for_phones_holds_every_item_of_the_table(bundled):
    page = bundled.html("hadano-dx/roadmap/")
    table = page.find("table", id="roadmap-hadano-dx")
    in_table = [tr for tr in table.find_all("tr") if "data-filter-item" in tr.attrs and "data-filter-follow" not in tr.attrs]
    in_list = page.find("div", id="roadmap-hadano-dx-list").find_all("div", class_="plan-roadmap-list__item")
    assert len(in_table) == len(in_list) == 38


def test_plan_home_and_navigation_link_the_timeline_pages(built_site):
    home = built_site.page("hadano-dx/")
    links = {a.clean_text(): a.attrs["href"] for a in home.find("h2", id="timeline").parent.find_all("a") if a.attrs.get("href", "").endswith("/")}
    assert links["ロードマップ"] == "roadmap/" and links["計画期間"] == "periods/"
    assert links["本市におけるデジタル化の歩み"] == "chronicle/"
    assert "ロードマップ" in home.find("nav", class_="md-nav--primary").clean_text()


def test_history_shows_the_source_era_with_the_western_year(bundled):
    rows = table_rows(bundled.html("hadano-dx/chronicle/").find("table"))
    assert rows[1] == ["昭和44年（1969年）", "住民税徴収業務を電算委託"]
    assert rows[-1] == ["令和8年（2026年）", "標準仕様準拠版基幹系システムの運用開始"]
    chigasaki = table_rows(bundled.html("chigasaki-dx/chronicle/").find("table"))
    assert ["令和元年（2019年）7月", "「デジタル・トランスフォーメーション推進方針（DX推進方針）」を策定"] in chigasaki


def test_vision_shows_each_stage_for_each_theme(bundled):
    page = bundled.html("hadano-dx/vision/")
    rows = table_rows(page.find("table"))
    assert rows[0][1].startswith("2026～2030＜本格始動＞本計画期間")
    citizen = next(r for r in rows if r[0] == "市民サービス")
    assert "自動的に最適化" in citizen[3]
    assert "たとえば2040年では…" in page.clean_text()


def test_other_plans_charts_keep_their_source_periods(bundled):
    chigasaki = bundled.html("chigasaki-dx/periods/").find("table").clean_text()
    assert "令和5年度〜令和7年度：◀ 令和5年度から適用期間" in chigasaki
    sagamihara = bundled.html("sagamihara-dx/periods/").find("table").clean_text()
    assert "令和10年度〜：後半(R10-)" in sagamihara and "以降も続く ▶" in sagamihara
    chapter = bundled.html("hadano-dx/chapters/01-purpose/")
    assert any("計画期間（令和6年度〜令和12年度）" == c.clean_text() for c in chapter.find_all("caption"))


@pytest.mark.build
def test_hand_written_pages_place_the_timeline_components_with_macros(tmp_path):
    from conftest import ROOT, BuiltSite, build_site, copy_project

    project = copy_project(tmp_path / "project")
    (project / "docs" / "timeline-demo.md").write_text(
        '# 年表\n\n{{ period_chart("chigasaki-dx") }}\n\n{{ chronicle("chigasaki-dx") }}\n\n{{ roadmap("hadano-dx") }}\n\n{{ vision("hadano-dx") }}\n',
        encoding="utf-8",
    )
    build_site(project, tmp_path / "site")
    page = BuiltSite(tmp_path / "site").page("timeline-demo/")
    captions = [c.clean_text() for c in page.find_all("caption")]
    assert captions[:2] == ["適用期間（令和7年度〜令和12年度）", "これまでの茅ヶ崎市の取組"]
    assert "はだのDX推進計画のロードマップ（38件）" in captions and "DXで目指す将来像（2030・2035・2040）" in captions
    link = page.find("table", id="roadmap-hadano-dx").find("a")
    assert link.attrs["href"].startswith("../hadano-dx/")


@pytest.mark.browser
def test_roadmap_filter_by_department_hides_other_rows_in_table_and_list(built_site):
    from scripts.accessibility.browser import chromium
    from scripts.accessibility.server import serve

    with serve(built_site.path) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/hadano-dx/roadmap/")
        items = "table tr[data-filter-item]:not([data-filter-follow])"  # a project's first row
        total = page.locator(items).count()
        page.select_option("select[data-filter-column=department]", "情報指令課")
        shown = page.locator(f"{items}:not([hidden])")
        assert 0 < shown.count() < total
        assert all("情報指令課" in text for text in shown.locator("th").all_inner_texts())
        assert f"{total}件中 {shown.count()}件" in page.locator(".plan-filter [role=status]").inner_text()
        titles = shown.locator("th a").all_inner_texts()
        page.set_viewport_size({"width": 360, "height": 800})
        listed = page.locator(".plan-roadmap-list [data-filter-item]:not([hidden]) .plan-roadmap-list__title a")
        assert listed.all_inner_texts() == titles
