"""Every seed plan renders from data alone, and the portal shows them together."""

from __future__ import annotations

import pytest

from htmlquery import table_rows

from conftest import ROOT, BuiltSite, build_site, copy_project


def test_portal_lists_every_plan_with_municipality_period_and_status(built_site):
    cards = built_site.page("").find_all("li", class_="plan-card")
    text = {card.find("a").clean_text(): card.clean_text() for card in cards}
    assert set(text) == {"はだのDX推進計画", "第2次相模原市ICT総合戦略", "（仮称）相模原市DX推進計画", "相模原市ICT総合戦略",
                         "茅ヶ崎市デジタル・トランスフォーメーション推進方針2030"}
    assert "意見募集中" in text["はだのDX推進計画"]
    assert "終了" in text["相模原市ICT総合戦略"] and "令和2年度（2020年度）〜令和5年度（2023年度）" in text["相模原市ICT総合戦略"]
    assert "神奈川県茅ヶ崎市" in text["茅ヶ崎市デジタル・トランスフォーメーション推進方針2030"]


def kpi_rows(page):
    return table_rows(next(t for t in page.find_all("table") if "指標" in t.find("caption").clean_text()))


def test_sagamihara_strategy_measure_shows_baseline_and_target_year(bundled):
    page = bundled.html("sagamihara-ict-2/nodes/measure-1-1/")
    rows = kpi_rows(page)
    header, row = rows[0], rows[1]
    assert row[0].startswith("行政サービスの利便性満足度")
    assert row[header.index("現状値")] == "61.3%（令和4年度）"
    assert row[next(i for i, h in enumerate(header) if h.startswith("令和9年度"))] == "73.1%"
    assert "目標値設定の考え方：総合計画の成果指標の目標値と整合を図り設定した。" in page.clean_text()
    assert page.find("h2", id="lead").clean_text() == "ねらい"


def test_first_strategy_project_shows_actual_against_target_and_its_category(bundled):
    page = bundled.html("sagamihara-ict-1/projects/7/")
    header, row = kpi_rows(page)[:2]
    assert row[0] == "ホームページアクセス件数"
    assert header[1].startswith("実績値") and "令和5年度" in header[1]
    assert row[1:] == ["25,557,731件未達成", "30,000,000件"]
    assert "A（重点事業）" in page.find("dl", class_="plan-facts").clean_text()


def test_draft_dx_plan_shows_roadmap_and_what_it_replaces(bundled):
    home = bundled.html("sagamihara-dx/")
    assert "案" in home.find("div", class_="plan-status").clean_text()
    relation = home.find("p", class_="plan-relation")
    assert relation.clean_text() == "この計画は、第2次相模原市ICT総合戦略を置き換えるものです。"
    assert relation.find("a").attrs["href"] == "../sagamihara-ict-2/"
    goal = bundled.html("sagamihara-dx/nodes/goal-1/").clean_text()
    assert "令和8年度〜令和9年度：前半" in goal
    replaced = bundled.html("sagamihara-ict-2/").clean_text()
    assert "この計画は、（仮称）相模原市DX推進計画に置き換えられます" in replaced


def test_chigasaki_policy_uses_its_own_headings_and_roadmap_rows(bundled):
    page = bundled.html("chigasaki-dx/nodes/policy-1/")
    headings = [h.clean_text() for h in page.find_all("h2")]
    assert headings[:4] == ["目指す姿", "現状及び課題", "想定される主な取組", "5年間で特に力を入れる取組"]
    assert "工程表" in headings
    schedule = next(t for t in page.find_all("table") if "工程表" in t.find("caption").clean_text() or "スケジュール" in t.find("caption").clean_text())
    labels = [row[0] for row in table_rows(schedule)[1:]]
    assert "コンビニ交付サービスの拡充" in labels


def test_plan_without_projects_has_no_empty_sections(built_site):
    assert not (built_site.path / "chigasaki-dx" / "projects").exists()
    home = built_site.page("chigasaki-dx/")
    assert "の事業（" not in home.clean_text()
    nav = home.find("nav", class_="md-nav--primary").clean_text()
    assert "事業一覧" not in nav.split("茅ヶ崎市デジタル")[1].split("はだのDX推進計画")[0]


def test_comparison_page_lists_what_serves_each_national_priority(bundled):
    page = bundled.html("priorities/")
    section = page.find("h2", id="priority-frontyard")
    assert "自治体フロントヤード改革の推進" in section.clean_text()
    text = page.clean_text()
    assert "茅ヶ崎市デジタル・トランスフォーメーション推進方針2030 方針① 暮らしのDX" in text


def test_glossaries_hold_every_seed_term_with_the_pages_listed(built_site, site_model):
    counts = {plan.id: len(plan.glossary.terms) for plan in site_model.plans if plan.glossary}
    assert counts["sagamihara-ict-2"] == 21 and counts["chigasaki-dx"] == 18
    page = built_site.page("sagamihara-ict-2/glossary/")
    entry = page.find("h3", id="term-rpa").parent
    text = page.clean_text()
    assert "Robotic Process Automation" in text
    assert "計画書の掲載ページ12、16、27、28" in text
    assert entry is not None


def test_ebpm_on_project_2_3_links_to_its_glossary_entry(bundled):
    page = bundled.html("hadano-dx/projects/2-3/")
    link = page.find("a", class_="plan-term__link")
    assert link.clean_text() == "EBPM"
    assert link.attrs["href"] == "../../glossary/#term-ebpm"
    tip = page.find("span", id=link.attrs["aria-describedby"])
    assert tip.clean_text().startswith("EBPM：統計やデータなどの")
    glossary = bundled.html("hadano-dx/glossary/")
    assert "2-3 統合型GISによる庁内地図情報共有環境の整備" in glossary.clean_text()


@pytest.mark.build
def test_one_plan_alone_builds(tmp_path):
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", "      data_dir: data\n      plans: [chigasaki-dx]\n"), encoding="utf-8")
    build_site(project, tmp_path / "site")
    site = BuiltSite(tmp_path / "site")
    assert (tmp_path / "site" / "chigasaki-dx" / "index.html").exists()
    assert not (tmp_path / "site" / "hadano-dx").exists()
    assert not (tmp_path / "site" / "priorities").exists()
    cards = site.page("").find_all("li", class_="plan-card")
    assert len(cards) == 1
