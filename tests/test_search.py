"""Site search in headless Chromium, as a reader uses it: open the dialog from the header, type,
read the results. Run on the normal build (served on 127.0.0.1) and on the offline build opened
from file://, where browsers refuse fetch() of JSON."""

from __future__ import annotations

import re
import shutil

import pytest

from plansite.search.index import INDEX_PATH
from plansite.search.normalise import query_form
from scripts.accessibility import axe
from scripts.accessibility.browser import chromium
from scripts.accessibility.search import open_with_results, show
from scripts.accessibility.server import serve

# (what a reader types, a page it must bring into the top 5). Words from the seeds' plans.
QUERIES = [
    ("DX推進計画", "hadano-dx/"),
    ("オンライン申請", "hadano-dx/projects/focus-1-1/"),
    ("行政手続", "sagamihara-ict-1/projects/2/"),
    ("行政手続き", "chigasaki-dx/nodes/policy-1/"),
    ("KPI", "sagamihara-dx/chapters/04-discussion/"),
    ("ＫＰＩ", "sagamihara-dx/chapters/04-discussion/"),
    ("生成AI", "hadano-dx/projects/focus-2-1/"),
    ("RPA", "hadano-dx/projects/focus-2-2/"),
    ("マイナンバーカード", "hadano-dx/projects/1-1/"),
    ("コンビニ交付", "hadano-dx/projects/focus-1-3/"),
    ("eL-QR", "hadano-dx/projects/1-4/"),
    ("ゼロトラスト", "hadano-dx/projects/2-5/"),
    ("窓口予約", "hadano-dx/projects/focus-1-2/"),
    ("母子モ", "hadano-dx/projects/1-3/"),
    ("放課後児童ホーム", "hadano-dx/projects/3-8/"),
    ("救急", "hadano-dx/projects/3-14/"),
    ("①-3", "hadano-dx/projects/focus-1-3/"),
    ("3-17", "hadano-dx/projects/3-17/"),
    ("2-1-(2)", "hadano-dx/lineage/#old-2-1-2"),  # the earlier plan's project, by its number
    ("戸籍住民課", "hadano-dx/projects/1-1/"),  # 主管課
    ("情報指令課", "hadano-dx/projects/3-17/"),
    ("オープンデータ", "hadano-dx/projects/3-2/"),
    ("EBPM", "hadano-dx/glossary/#term-ebpm"),  # a glossary term lands on its entry
    ("電子申請", "sagamihara-ict-1/projects/1/"),
    ("トランスフォーメーション", "chigasaki-dx/"),  # the middle of デジタル・トランスフォーメーション
    ("デジタルデバイド", "hadano-dx/projects/3-1/"),
    ("茅ケ崎", "chigasaki-dx/"),  # ケ typed for the ヶ of 茅ヶ崎
    ("試験結果", "accessibility/results/"),
    ("マイナンバーカート", "hadano-dx/projects/1-1/"),  # misspelt: ト for ド
    ("トランスフォメーション", "chigasaki-dx/"),  # misspelt: a long vowel left out
    ("放課後児童", "hadano-dx/projects/3-8/"),  # the start of a word
]


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.fixture(scope="module", params=["served", "file"])
def site_page(request, built_site, browser):
    """(home page URL, a browser page) for the served normal build or the offline build from file://."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())  # nothing from outside
    page = context.new_page()
    page.set_default_timeout(10_000)
    if request.param == "served":
        with serve(built_site.path) as base:
            yield f"{base}/", page
    else:
        yield request.getfixturevalue("offline_site").as_uri() + "/index.html", page
    context.close()


def results(page, query: str) -> list[str]:
    """Result links in order, as paths from the site root in directory form (the offline build
    links to x/index.html and about.html)."""
    show(page, query)
    hrefs = page.eval_on_selector_all(".plan-search__results a", "links => links.map(a => a.href)")
    root = page.evaluate("() => new URL(document.getElementById('plan-search').dataset.index, location).href")
    root = root.removesuffix(INDEX_PATH)
    return [re.sub(r"\.html(?=#|$)", "/", href.removeprefix(root).replace("index.html", "")) for href in hrefs]


@pytest.fixture(scope="module")
def search(site_page):
    home, page = site_page
    page.goto(home)
    page.click(".plan-search__open")
    return page


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_its_page_in_the_top_five(search, query, expected):
    assert expected in results(search, query)[:5]


@pytest.mark.parametrize("wide,narrow", [("ＫＰＩ", "KPI"), ("ｺﾝﾋﾞﾆ交付", "コンビニ交付"), ("３－１７", "3-17"),
                                         ("まいなんばーかーど", "マイナンバーカード"), ("ｅＬ－ＱＲ", "el-qr")])
def test_width_case_and_kana_forms_find_the_same_pages(search, wide, narrow):
    assert results(search, wide) == results(search, narrow) != []


def test_results_show_title_plan_path_and_marked_words(search):
    results(search, "窓口予約")
    first = search.locator(".plan-search__result").first
    assert first.locator("a").inner_text().startswith("①-2 窓口の待ち時間")
    assert "はだのDX推進計画 › 重点事業①" in first.locator(".plan-search__where").inner_text()
    marked = search.eval_on_selector_all(".plan-search__result mark", "marks => marks.map(m => m.textContent)")
    assert marked and set(marked) == {"窓口予約"}


def test_words_separated_by_spaces_must_all_be_on_the_page(search):
    both = results(search, "マイナンバーカード 図書館")
    assert both and set(both) < set(results(search, "マイナンバーカード"))
    assert "hadano-dx/lineage/#old-1-1-4" in both[:5]  # マイナンバーカードの図書館カード利用の検討


def test_nothing_found_says_so_in_japanese(search):
    assert results(search, "宇宙旅行") == []
    assert "見つかりませんでした" in search.inner_text(".plan-search__status")


def test_browser_folds_text_like_the_index_builder(search):
    sample = "ＫＰＩ ｶﾞｲﾄﾞ ヶ所 ッァ ２－１－（２） ①-3 デジタル・トランスフォーメーション 茅ヶ崎\u3000ABC"
    search.wait_for_function("() => window.planSearch")  # set once the engine and the index have loaded
    browser_form = search.evaluate("(s) => planSearch.fold(planSearch.displayForm(s))", sample)
    assert browser_form == query_form(sample) == "kpi がいど け所 つあ 2-1-(2) ①-3 でじたる・とらんすふおーめーしよん 茅け崎 abc"


@pytest.mark.parametrize("width,scheme", [(360, "light"), (360, "dark"), (1280, "light"), (1280, "dark")])
def test_open_dialog_with_results_passes_axe(built_site, browser, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme, locale="ja-JP")
    page = context.new_page()
    with serve(built_site.path) as base:
        page.goto(f"{base}/hadano-dx/")
        open_with_results(page)
        assert page.locator(".plan-search__result").count() > 0
        found = axe.run_axe(page)
    context.close()
    assert found["violations"] == []


def test_keyboard_opens_searches_moves_through_results_and_closes(built_site, browser):
    page = browser.new_page()
    with serve(built_site.path) as base:
        page.goto(f"{base}/")
        page.focus(".plan-search__open")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "plan-search-input"
        page.keyboard.type("救急")
        page.keyboard.press("Enter")
        page.wait_for_selector(".plan-search__result")
        results = page.locator(".plan-search__result a").all_text_contents()
        assert any(text.startswith("3-13") for text in results[:5]) and any(text.startswith("3-14") for text in results[:5])
        page.keyboard.press("ArrowDown")
        first = page.evaluate("document.activeElement.textContent")
        page.keyboard.press("ArrowDown")
        second = page.evaluate("document.activeElement.textContent")
        assert (first, second) == tuple(results[:2])
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('plan-search').open")
        assert "plan-search__open" in page.evaluate("document.activeElement.className")
    page.close()


def test_a_page_only_read_never_fetches_the_search_engine_or_index(built_site, browser):
    page = browser.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    with serve(built_site.path) as base:
        page.goto(f"{base}/hadano-dx/projects/1-1/", wait_until="networkidle")
        assert "plan-site.js" in fetched  # the dialog (plan-search.js), in the bundle of the site's own scripts
        assert not {"plan-search-engine.js", "plan-search-index.js"} & set(fetched)
        open_with_results(page, "救急")
        assert {"plan-search-engine.js", "plan-search-index.js"} <= set(fetched)
        assert page.locator(".plan-search__result").count() > 0
    page.close()


def test_missing_index_is_explained_in_japanese(built_site, browser, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site.path, site)
    (site / INDEX_PATH).unlink()
    page = browser.new_page()
    page.goto((site / "index.html").as_uri())
    open_with_results(page, "救急")
    assert "検索の索引を読み込めませんでした" in page.inner_text(".plan-search__status")
    page.close()


def test_index_stores_japanese_as_utf8_with_every_plan(built_site):
    index = (built_site.path / INDEX_PATH).read_text(encoding="utf-8")
    assert "放課後児童ホーム" in index and "\\u30" not in index
    for plan in ("hadano-dx", "chigasaki-dx", "sagamihara-dx", "sagamihara-ict-1", "sagamihara-ict-2"):
        assert f'"{plan}/"' in index
    assert '"authoring/' not in index  # the staff guide is left out of the citizens' search
