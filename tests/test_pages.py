"""Generated pages as data: what each kind of page holds, its headings, menu, print reuse and
search record, asserted on the page model of a small plan (no MkDocs, no HTML parsing of a site)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bad_inputs import base
from plansite.pages.frame import table_of_contents
from plansite.search.records import page_record
from probe import Probe

PLAN = "mini"
PROJECT = f"{PLAN}/projects/p-1/"


@pytest.fixture
def mini(tmp_path):
    return Probe.of(base.FILES, tmp_path)


def test_every_kind_of_page_the_plan_has_and_no_other(mini):
    assert sorted(mini.pages) == sorted([
        f"{PLAN}/", f"{PLAN}/chapters/01-intro/", f"{PLAN}/nodes/goal-1/", PROJECT, f"{PLAN}/projects/",
        f"{PLAN}/indicators/", f"{PLAN}/glossary/", f"{PLAN}/print/plan/", f"{PLAN}/print/projects/", f"{PLAN}/print/",
        f"{PLAN}/data/",
    ])  # no lineage, comments, roadmap (one schedule only), editions: the data has none of them


def test_project_page_is_its_blocks_in_order_under_its_breadcrumbs(mini):
    page = mini.page(PROJECT)
    assert (page.title, page.heading) == ("1 電子申請の拡充", "1 電子申請の拡充")
    assert [(c.title, c.url) for c in page.breadcrumbs] == [("ミニ市DX推進計画", f"{PLAN}/"), ("基本目標1 便利な行政", f"{PLAN}/nodes/goal-1/")]
    assert [(h.level, h.text, h.id) for h in page.headings()] == [(2, "概要", "summary"), (2, "スケジュール", "schedule"), (2, "評価指標", "kpis")]
    assert page.keywords == ("1", "デジタル推進課")
    assert page_record(page, PROJECT).path == ("ミニ市DX推進計画", "基本目標1 便利な行政")


def test_table_of_contents_nests_headings_below_the_page_heading(tmp_path):
    chapter = "# はじめに\n\n## 背景\n\n本文\n\n### 国の動き\n\n本文\n\n## 目的\n\n本文\n"
    probe = Probe.of({**base.FILES, f"{base.PLAN}/chapters/01-intro.md": chapter}, tmp_path)
    top = table_of_contents(probe.page(f"{PLAN}/chapters/01-intro/"))
    assert (top.level, top.title) == (1, "はじめに")
    assert [(e.title, [c.title for c in e.children]) for e in top.children] == [("背景", ["国の動き"]), ("目的", [])]


def test_menu_mirrors_the_hierarchy_and_lists_each_generated_page_once(mini):
    assert mini.menu_titles() == [("ミニ市DX推進計画", [
        "はじめに", ("基本目標", [("基本目標1 便利な行政", ["1 電子申請の拡充"])]), "事業一覧", "指標と達成状況", "用語集",
    ])]


def test_print_pages_reuse_the_blocks_of_the_pages_they_gather(mini):
    book = mini.page(f"{PLAN}/print/projects/")
    project = mini.page(PROJECT)
    reused = [s for s in book.sections if s.html and s.html in {p.html for p in project.sections if p.html}]
    assert len(reused) == len([s for s in project.sections if s.html])
    headings = [(h.level, h.id) for h in book.headings()]
    assert headings[0] == (2, "project-p-1") and (3, "project-p-1-kpis") in headings
    for url in (f"{PLAN}/print/plan/", f"{PLAN}/print/projects/"):
        ids = Counter(re.findall(r'\sid="([^"]+)"', mini.source(url)))
        assert len(ids) > 5 and not [i for i, n in ids.items() if n > 1], url


def test_links_inside_a_plan_read_the_same_from_any_page_as_deep(mini):
    """So the print pages, deeper in another folder, can reuse the blocks as they are."""
    node = mini.html(f"{PLAN}/nodes/goal-1/")
    assert [a.attrs["href"] for a in node.find_all("a") if "p-1" in a.attrs["href"]] == ["../../projects/p-1/"]


def test_a_glossary_term_in_the_prose_links_once_to_its_entry_with_a_unique_tooltip(tmp_path):
    files = {**base.FILES, f"{base.PLAN}/projects/p-1.yaml": base.FILES[f"{base.PLAN}/projects/p-1.yaml"].replace(
        "summary: 手続をオンラインにします。", "summary: 電子申請を広げ、電子申請の件数を増やします。")}
    probe = Probe.of(files, tmp_path)
    html = probe.html(PROJECT)
    links = html.find_all("a", class_="plan-term__link")
    assert [(a.clean_text(), a.attrs["href"]) for a in links] == [("電子申請", "../../glossary/#term-online")]
    tip = html.find("span", id=links[0].attrs["aria-describedby"])
    assert tip.attrs["role"] == "tooltip" and tip.clean_text() == "電子申請：インターネットで行う申請のことです。"
    assert tip.attrs["id"] == "term-tip-project-p-1-1"  # its page's scope: unique on the print page too
    glossary = probe.html(f"{PLAN}/glossary/").clean_text()
    assert "1 電子申請の拡充" in glossary  # the glossary lists the pages that use the term


def test_template_syntax_and_markup_in_data_stay_text_on_generated_pages(tmp_path):
    payload = "{{ 7*7 }}{% include 'x' %}<script>alert(1)</script>"
    files = {**base.FILES, f"{base.PLAN}/projects/p-1.yaml": base.FILES[f"{base.PLAN}/projects/p-1.yaml"].replace(
        "title: 電子申請の拡充", f"title: \"{payload}\"")}
    probe = Probe.of(files, tmp_path)
    page = probe.page(PROJECT)
    assert page.title == f"1 {payload}"
    heading = probe.html(PROJECT).find("h1")
    assert heading.clean_text() == f"1 {payload}" and not heading.find_all("script")


def test_no_page_of_the_bundled_plans_repeats_an_id(bundled):
    """Print pages join many pages' blocks: each page scopes the ids its blocks could share."""
    repeated = {}
    for url in bundled.pages:
        ids = Counter(re.findall(r'\sid="([^"]+)"', bundled.source(url)))
        repeated.update({url: [i for i, n in ids.items() if n > 1]} if any(n > 1 for n in ids.values()) else {})
    assert repeated == {}
    assert len(re.findall(r'\sid="', bundled.source("hadano-dx/print/plan/"))) > 150
