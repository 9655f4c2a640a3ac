"""Facts a reader of はだのDX推進計画 looks for, on the page where they belong."""

from __future__ import annotations

import re

import pytest
from htmlquery import table_rows

PLAN = "hadano-dx"


def kpi_table(page, kind_caption: str):
    for table in page.find_all("table"):
        caption = table.find_all("caption")
        if caption and caption[0].clean_text().startswith(kind_caption):
            return table_rows(table)
    raise AssertionError(f"「{kind_caption}」の表がありません")


def row_for(rows, name: str) -> list[str]:
    for row in rows:
        if row and row[0].startswith(name):
            return row
    raise AssertionError(f"行「{name}」がありません: {[r[:1] for r in rows]}")


def test_convenience_store_issuance_target_for_reiwa_12_is_on_project_page(bundled):
    page = bundled.html(f"{PLAN}/projects/focus-1-3/")
    rows = kpi_table(page, "成果（アウトカム）")
    header = rows[0]
    col = next(i for i, h in enumerate(header) if h.startswith("令和12年度"))
    assert "2030年度" in header[col]
    assert row_for(rows, "コンビニ交付件数")[col] == "35,400件"
    assert row_for(rows, "コンビニ交付件数")[1] == "27,650件"


def test_schedule_places_machine_construction_in_reiwa_9(bundled):
    page = bundled.html(f"{PLAN}/projects/focus-1-3/")
    table = next(t for t in page.find_all("table") if "スケジュール" in t.find("caption").clean_text())
    rows = table_rows(table)
    col = next(i for i, h in enumerate(rows[0]) if h.startswith("令和9年度"))
    assert any("証明書自動交付機 機器構築" in row[col] for row in rows[1:])
    # Read aloud, the cell names its own year.
    assert "令和9年度：証明書自動交付機 機器構築" in table.clean_text()


def test_lineage_page_shows_ai_ocr_ended_with_reason(bundled):
    page = bundled.html(f"{PLAN}/lineage/")
    row = page.find("tr", id="old-2-1-2")
    cells = [c.clean_text() for c in row.children if hasattr(c, "tag")]
    assert cells[0] == "2-1-(2)"
    assert "AI-OCR" in cells[1]
    assert cells[3] == "終了"
    assert cells[5].startswith("対象帳票が少ないこと")


def test_lineage_links_continued_project_to_its_successor(bundled):
    page = bundled.html(f"{PLAN}/lineage/")
    row = page.find("tr", id="old-2-1-1")
    link = row.find("a")
    assert link.attrs["href"] == "../projects/focus-2-2/"
    assert "RPA" in link.clean_text()


def test_project_page_links_back_to_its_predecessors(bundled):
    page = bundled.html(f"{PLAN}/projects/3-13/")
    section = page.find("h2", id="predecessors")
    assert section
    assert "2-1-(11) ICTを活用した救急活動の効率化" in page.clean_text()


def test_plan_home_counts_are_computed(bundled):
    text = bundled.html(f"{PLAN}/").clean_text()
    assert "40事業（個別事業 32・重点事業 8／新規 13・継続 27）" in text
    assert "令和8年度（2026年度）〜令和12年度（2030年度）" in text
    assert "意見募集中" in text
    assert "デジタルで支える、市民と行政の未来" in text


@pytest.mark.parametrize("project_id", ["focus-1-1", "1-1", "2-7", "3-1", "3-17"])
def test_project_page_has_breadcrumbs_facts_and_indicators(built_site, site_model, project_id):
    plan = site_model.plan_by_id[PLAN]
    project = plan.project_by_id[project_id]
    page = built_site.page(f"{PLAN}/projects/{project_id}/")
    crumbs = page.find("nav", class_="plan-breadcrumbs")
    assert crumbs.find_all("li")[0].clean_text() == "はだのDX推進計画"
    assert page.find("h1").clean_text().startswith(project.number)
    facts = page.find("dl", class_="plan-facts").clean_text()
    for department in project.departments:
        assert department in facts
    for indicator in project.kpis:
        if indicator.name:
            assert indicator.name in page.clean_text()


def test_every_project_has_its_own_page_with_every_indicator_and_phase(built_site, site_model):
    plan = site_model.plan_by_id[PLAN]
    assert len(plan.projects) == 40
    for project in plan.projects:
        text = built_site.page(f"{PLAN}/projects/{project.id}/").clean_text()
        for indicator in project.kpis:
            assert (indicator.name or indicator.to_be_decided.text) in text, (project.id, indicator.name)
        for row in project.schedule:
            for phase in row.phases:
                assert phase.text in text, (project.id, phase.text)


def test_series_values_are_shown_per_department(bundled):
    rows = kpi_table(bundled.html(f"{PLAN}/projects/3-1/"), "実績（アウトプット）")
    assert row_for(rows, "講座参加者数（デジタル推進課）")[1] == "80名"
    assert row_for(rows, "講座参加者数（生涯学習課）")[1] == "110名"


def test_values_keep_the_source_style(bundled):
    museum = kpi_table(bundled.html(f"{PLAN}/projects/3-5/"), "成果（アウトカム）")
    assert row_for(museum, "来館者数")[2] == "3.5万人"
    assert row_for(museum, "来館者の利用満足度")[1] == "3.0"
    school = kpi_table(bundled.html(f"{PLAN}/projects/3-10/"), "成果（アウトカム）")
    assert row_for(school, "不登校児童生徒の出現率")[5] == "1.00人"
    money = kpi_table(bundled.html(f"{PLAN}/projects/3-7/"), "実績（アウトプット）")
    assert row_for(money, "決済額")[1] == "20億4千万円"


def test_to_be_decided_text_spans_the_years_it_covers(bundled):
    page = bundled.html(f"{PLAN}/projects/3-7/")
    cell = page.find("td", class_="plan-kpis__pending")
    assert cell.clean_text() == "令和9年度の事業評価後に決定"
    assert cell.attrs["colspan"] == "3"


def test_project_list_is_complete_without_javascript(bundled):
    page = bundled.html(f"{PLAN}/projects/")
    table = page.find("table", id=f"projects-{PLAN}")
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 40
    assert "hidden" in page.find("div", class_="plan-filter").attrs


def test_chapters_are_pages_with_their_sections(bundled):
    page = bundled.html(f"{PLAN}/chapters/01-purpose/")
    assert page.find("h1").clean_text() == "計画の趣旨"
    assert page.find("h2", id="s1-5").clean_text().startswith("1-5 計画期間")
    materials = bundled.html(f"{PLAN}/chapters/06-materials/").clean_text()
    assert "秦野市ICT推進会議設置要綱" in materials and "秦野市情報化推進委員会規則" in materials


def test_chapter_component_fences_render_the_hierarchy(bundled):
    page = bundled.html(f"{PLAN}/chapters/03-overview/")
    tree = page.find("nav", class_="plan-tree")
    assert "市民サービスの利便性向上を推進する取組" in tree.clean_text()
    assert "共通事項" in page.clean_text()


def test_navigation_mirrors_the_hierarchy(built_site):
    page = built_site.page(f"{PLAN}/projects/1-1/")
    nav = page.find("nav", class_="md-nav--primary").clean_text()
    # The project's own branch is open: vision → approach → its projects.
    assert nav.index("目指す姿①") < nav.index("基本取組①") < nav.index("1-1 マイナンバーカード交付事務の円滑化")
    # navigation.prune: projects of other branches are not written into this page.
    assert "3-17" not in nav


def test_page_titles_are_unique_and_name_the_plan(built_site, site_model):
    plan = site_model.plan_by_id[PLAN]
    titles = set()
    for project in plan.projects:
        title = built_site.page(f"{PLAN}/projects/{project.id}/").find("title").clean_text()
        assert "はだのDX推進計画" in title
        titles.add(title)
    assert len(titles) == len(plan.projects)


def test_fiscal_years_are_shown_in_both_calendars(built_site):
    html = built_site.html(f"{PLAN}/projects/1-1/")
    assert re.search(r"令和8年度<span class=\"plan-year-western\">（2026年度）</span>", html)


def test_every_page_has_one_h1_lang_ja_and_captioned_tables(built_site):
    for path in built_site.path.rglob("index.html"):
        page = built_site.page(str(path.parent.relative_to(built_site.path)))
        where = path.relative_to(built_site.path)
        assert len(page.find_all("h1")) == 1, where
        assert page.find("html").attrs.get("lang") == "ja", where
        assert page.find_all("main"), where
        for table in page.find_all("table"):
            assert table.find_all("caption") or "aria-label" in (table.parent.attrs if table.parent else {}), where
