"""The kinds of page (pages/*), asserted on the page model of a small site: the base plan of
tests/bad_inputs with an earlier edition, a public comment period, comments, a lineage and two
chapters in their own order, beside a second plan that replaces it and shared lists."""

from __future__ import annotations

import datetime as dt

import pytest
from markupsafe import Markup

from bad_inputs import base
from htmlquery import parse
from plansite.model.plan_meta import SECTIONS
from plansite.pages.catalogue import EDITION_KINDS, MENU_SECTIONS, PLAN_KINDS
from plansite.pages.edition_pages import CHANGES, EDITIONS
from plansite.pages.item_pages import PROJECT, ordered_chapters
from plansite.pages.notices import notices
from plansite.pages.plan_pages import PROJECT_LIST, relations
from plansite.pages.printable import LEAD, PRINT_PROJECTS
from plansite.pages.reference_pages import OPEN_DATA
from plansite.pages.sections import chapter_sections, template_sections
from plansite.pages.site_pages import SHARED_GLOSSARY, priority_rows, site_wide_pages
from plansite.pages.timeline_pages import timeline_links
from plansite.publishing.comment_period import CommentPeriod
from plansite.render.sdgs import SDG_NAMES
from probe import Probe

P = base.PLAN
PLAN_YAML = base.FILES[f"{P}/plan.yaml"]
PROJECT_YAML = base.FILES[f"{P}/projects/p-1.yaml"]
OLD = f"{P}/editions/r7-04"
FILES = {
    **base.FILES,
    f"{P}/plan.yaml": PLAN_YAML.replace("status: adopted", "status: public-comment\npublic_comment:\n  start: 2026-05-01\n  end: 2026-06")
    + "edition:\n  id: r8-04\n  as_of: 2026-04\ncontents:\n  - chapter: 02-aim\n  - chapter: 01-intro\n  - section: tree\n  - section: projects\n",
    f"{P}/chapters/02-aim.md": "# 目的\n\n## 背景\n\n国の動きです。\n",
    f"{P}/projects/p-1.yaml": PROJECT_YAML.replace("title: 電子申請の拡充", "title: 電子申請の推進\nformer_title: 電子申請の拡充\npriorities: [front]"),
    f"{P}/projects/p-2.yaml": PROJECT_YAML.replace('number: "1"', 'number: "2"').replace("電子申請の拡充", "窓口の予約").replace("novelty: new", "novelty: continued\nsdgs: [11, 17]"),
    f"{P}/lineage.yaml": "predecessor:\n  title: ミニ市ICT計画\nprojects:\n  - number: 1-(1)\n    title: 電子申請\n    status: continued\n"
                          "    successors: [p-1]\n  - number: 1-(2)\n    title: 紙の申請書\n    status: ended\n",
    f"{P}/comments.yaml": "comments:\n  - number: \"1\"\n    project: p-1\n    summary: 早く進めてください。\n    response: 進めます。\n    revised: false\n"
                          "  - number: \"2\"\n    summary: 全体に賛成です。\n    response: ありがとうございます。\n    revised: false\n",
    **{f"{OLD}/{name[len(P) + 1:]}": text for name, text in base.FILES.items()},
    f"{OLD}/plan.yaml": PLAN_YAML + "edition:\n  id: r7-04\n  as_of: 2025-04\n",
    "data/plans/next/plan.yaml": PLAN_YAML.replace("ミニ市DX推進計画", "ミニ市DX推進計画（第2期）") + "supersedes: mini\n",
    "data/plans/next/tree.yaml": base.FILES[f"{P}/tree.yaml"] + "    priorities: [front]\n",
    "data/shared/priorities.yaml": "title: 重点取組事項\nitems:\n  - id: front\n    number: ①\n    title: フロントヤード改革\n",
    "data/shared/glossary.yaml": "terms:\n  - id: front-yard\n    term: フロントヤード\n    reading: フロントヤード\n    description: 住民との接点のことです。\n    source: 架空の計画書 用語の解説\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return Probe.of(FILES, tmp_path_factory.mktemp("pages"))  # the build day 2026-06-01 is inside the period


@pytest.fixture(scope="module")
def mini(site):
    return site.context.site.plan_by_id["mini"]


@pytest.fixture(scope="module")
def later(site):
    return site.context.site.plan_by_id["next"]


# --- catalogue, kinds ----------------------------------------------------------------------------

def test_a_plan_has_a_page_of_each_kind_that_says_it_exists_and_no_other(site, mini, later):
    for plan in (mini, later):
        made = {page.kind for url, page in site.pages.items() if url.startswith(f"{plan.id}/") and "/editions/r" not in url}
        assert made == {kind.key for kind in PLAN_KINDS + EDITION_KINDS if kind.exists(site.context, plan)}
    assert not PROJECT_LIST.exists(site.context, later) and "next/projects/" not in site.pages  # it has no 事業


def test_menu_sections_carry_the_labels_the_authoring_guide_gives_for_contents(site, mini):
    assert {key: kind.title(mini, None) for key, kind in MENU_SECTIONS.items()} == {key: SECTIONS[key] for key in MENU_SECTIONS}


def test_a_page_kind_gives_its_menu_title_heading_and_breadcrumbs(site):
    page = site.page("mini/projects/")
    assert (page.title, page.heading, [(c.title, c.url) for c in page.breadcrumbs]) == (
        "事業一覧", "ミニ市DX推進計画の事業一覧", [("ミニ市DX推進計画", "mini/")])


def test_pages_the_contents_leave_out_are_still_in_the_menu_at_the_end(site, tmp_path):
    assert site.menu_titles()[0][1][3:] == ["事業一覧", "指標と達成状況", "ロードマップ", "前計画からの移行", "意見の概要と市の考え方", "用語集",
                                           "過去の版", "版ごとの変更点"]  # lineage, comments and glossary are not in contents
    only_chapter = Probe.of({**base.FILES, f"{P}/plan.yaml": PLAN_YAML + "contents:\n  - chapter: 01-intro\n"}, tmp_path)
    assert only_chapter.menu_titles() == [("ミニ市DX推進計画", [
        "はじめに", ("基本目標", [("基本目標1 便利な行政", ["1 電子申請の拡充"])]), "事業一覧", "指標と達成状況", "用語集"])]


# --- item pages, plan pages ----------------------------------------------------------------------

def test_chapters_follow_the_contents_order_on_the_menu_and_the_print_page(site, mini):
    assert [c.id for c in ordered_chapters(mini)] == ["02-aim", "01-intro"]
    gathered = [h.id for h in site.page("mini/print/plan/").headings() if h.css == "plan-print-section"]
    assert gathered == ["plan-home", "chapter-02-aim", "chapter-01-intro", "node-goal-1"]


def test_a_project_is_found_by_its_number_department_and_former_name(site, mini):
    assert PROJECT.keywords(mini, mini.project_by_id["p-1"]) == ("1", "デジタル推進課", "電子申請の拡充")
    assert site.page("mini/projects/p-1/").keywords == ("1", "デジタル推進課", "電子申請の拡充")


def test_plans_that_replace_each_other_say_so_both_ways(site, mini, later):
    assert [(before, other.id, after) for before, other, after in relations(mini, site.context.site)] == [
        ("この計画は、", "next", "に置き換えられます（置き換える計画の状態：策定済）。")]
    assert "この計画は、ミニ市DX推進計画を置き換えるものです。" in site.text("next/")


def test_the_predecessor_projects_a_project_continues_are_listed_without_empty_brackets(site):
    text = site.text("mini/projects/p-1/")
    assert "ミニ市ICT計画の次の事業を引き継いでいます。 1-(1) 電子申請 " in text and "（）" not in text


def test_a_projects_sdgs_are_named_by_the_goals_official_japanese_titles(site):
    assert sorted(SDG_NAMES) == list(range(1, 18))
    assert "関連する SDGs のゴール：ゴール11「住み続けられるまちづくりを」、ゴール17「パートナーシップで目標を達成しよう」" in site.text("mini/projects/p-2/")


# --- printable, reference pages ------------------------------------------------------------------

def test_the_print_index_lists_the_print_pages_a_plan_has(site):
    assert [a.clean_text() for a in site.html("mini/print/").find_all("a")][-2:] == ["印刷用（計画書全体）", "印刷用（事業集）"]
    assert [a.clean_text() for a in site.html("next/print/").find_all("a")][-1:] == ["印刷用（計画書全体）"]
    book = site.page("mini/print/projects/")
    assert LEAD in str(book.sections[0].html) and not book.searchable and PRINT_PROJECTS.key == book.kind
    assert [h.text for h in book.headings() if h.level == 2] == ["1 電子申請の推進", "2 窓口の予約"]


def test_the_open_data_page_states_each_files_true_size(site, mini):
    files = site.files("mini")
    rows = {tr.find("th").clean_text(): tr.find_all("td")[-1].clean_text() for tr in site.html("mini/data/").find("tbody").find_all("tr")}
    assert list(rows) == [path.rsplit("/", 1)[1] for path in files]
    size = len(files["mini/data/projects.csv"].encode("utf-8"))
    assert size < 1024 and rows["projects.csv"] == f"{size} バイト"
    assert rows["plan.json"].endswith(" KB")
    assert not OPEN_DATA.searchable


def test_comments_are_listed_with_what_they_are_about(site):
    rows = [[td.clean_text() for td in tr.find_all("td")][:1] for tr in site.html("mini/comments/").find("tbody").find_all("tr")]
    assert rows == [["事業 1 電子申請の推進"], ["計画全体"]]
    assert "継続 1・終了 1（全 2 行）" in site.text("mini/lineage/")


# --- notices -------------------------------------------------------------------------------------

def test_during_the_period_each_item_page_gives_the_reference_to_quote_and_its_comments(site):
    notice = parse(str(site.page("mini/projects/p-1/").notice))
    assert notice.find("span", id="plan-reference-text").clean_text() == "意見の対象：ミニ市DX推進計画 事業 1 電子申請の推進"
    about = notice.find("p", class_="plan-comments-about").find("a")
    assert (about.clean_text(), about.attrs["href"]) == ("No.1", "../../comments/#comment-1")
    assert "plan-reference" not in str(site.page("mini/").notice)  # the home page is not something to comment on


def test_after_the_period_the_notice_no_longer_asks_for_a_reference(site, mini):
    closed = CommentPeriod("closed", dt.date(2026, 5, 1), dt.date(2026, 6, 30))
    found = notices(mini, [site.page("mini/projects/p-1/")], closed, directory_urls=True)
    notice = parse(str(found["mini/projects/p-1/"]))
    assert "plan-reference" not in str(found["mini/projects/p-1/"])
    assert notice.find("span", data_phase="closed").attrs.get("hidden") is None


# --- sections, site pages, timeline pages --------------------------------------------------------

def test_a_chapter_becomes_sections_at_its_headings_and_a_fence_is_drawn_at_its_file_line():
    markdown = "導入です。\n\n## 背景\n\n本文\n\n```plan\ncomponent: tree\n```\n\n### 国の動き\n\n文\n"
    sections = chapter_sections(markdown, lambda body, line: Markup(f"<p>部品 {line}行目</p>"), first_line=2)
    assert [(s.heading and (s.heading.level, s.heading.text)) for s in sections] == [None, (2, "背景"), (3, "国の動き")]
    assert "<p>部品 8行目</p>" in sections[1].html


def test_a_page_template_may_write_nothing_outside_its_sections():
    with pytest.raises(ValueError, match="section\\(\\) の外に出力があります"):
        template_sections("components/print_index.html", link=lambda url: url, entries=[])


def test_the_shared_pages_list_each_priority_with_what_each_plan_tags(site):
    assert [(p.title, [(plan.id, [item.title for item in items]) for plan, items in per]) for p, per in priority_rows(site.context)] == [
        ("フロントヤード改革", [("mini", ["電子申請の推進"]), ("next", ["便利な行政"])])]
    assert [page.title for page in site_wide_pages(site.context)] == [SHARED_GLOSSARY, "重点取組事項"]
    assert "使われているページこのサイトのページでは使われていません" in site.text("glossary/")


def test_the_roadmap_exists_once_two_schedules_can_be_read_together(site, mini, later):
    assert timeline_links(site.context, mini) == [("ロードマップ", "mini/roadmap/")]
    assert timeline_links(site.context, later) == []


# --- edition pages -------------------------------------------------------------------------------

def test_an_earlier_editions_page_says_so_and_links_to_the_same_page_in_the_newest(site):
    bar = parse(str(site.page("mini/editions/r7-04/projects/p-1/").edition_bar))
    assert bar.find("strong", class_="plan-edition-old__title").clean_text() == "この版は過去の版です。"
    newest = bar.find("div", class_="plan-edition-old").find("a")
    assert (newest.clean_text(), newest.attrs["href"]) == ("令和8年4月版（2026年4月時点）のこのページ", "../../../../projects/p-1/")
    only_now = parse(str(site.page("mini/comments/").edition_bar)).find("ul").clean_text()
    assert "令和7年4月版（2025年4月時点）：この版にこのページはないため、版のトップページへ" in only_now


def test_an_earlier_editions_pages_name_the_edition_in_their_breadcrumbs_and_search_path(site):
    page = site.page("mini/editions/r7-04/projects/p-1/")
    assert page.search_path == ("ミニ市DX推進計画（令和7年4月版）", "基本目標1 便利な行政")
    assert site.page("mini/projects/p-1/").search_path == ("ミニ市DX推進計画", "基本目標1 便利な行政")


def test_the_editions_and_changes_pages_exist_only_for_a_plan_with_earlier_editions(site, mini, later):
    assert [kind.exists(site.context, plan) for kind in (EDITIONS, CHANGES) for plan in (mini, later)] == [True, False, True, False]
    assert "事業の追加・終了・名称変更：2件" in site.text("mini/changes/")
