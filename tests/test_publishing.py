"""Publishing a draft: the public comment notice on every page, the reference to quote, the
notice after the period (at build time and in the reader's browser), and the comments page."""

from __future__ import annotations

import datetime as dt

import pytest
from htmlquery import table_rows

from conftest import ROOT, BuiltSite, build_site, copy_project
from plansite.base.errors import DataErrors
from plansite.loading.load import load_site


def shown(element) -> str:
    """Text of the phase-dependent parts that are not hidden, as a reader without scripts sees it."""
    return "".join(e.clean_text() for e in element.iter() if "data-phase" in e.attrs and "hidden" not in e.attrs)


def plan_pages(site: BuiltSite, plan: str):
    return sorted((site.path / plan).rglob("index.html"))


def test_every_page_of_a_plan_in_its_period_shows_the_notice(built_site):
    pages = plan_pages(built_site, "hadano-dx")
    assert len(pages) > 50
    for path in pages:
        url = str(path.parent.relative_to(built_site.path))
        notice = built_site.page(url).find("section", class_="plan-notice")
        title = notice.find("p", class_="plan-notice__title")
        assert notice.attrs["aria-labelledby"] == title.attrs["id"]
        assert not notice.find_all("h2"), f"{url}: the notice must not add a heading before the page's content"
        assert shown(title) == "この計画は案です。ご意見を募集しています", url
        assert "意見募集期間：令和7年11月19日〜令和7年12月18日" in notice.clean_text()
    assert not built_site.page("sagamihara-ict-1/projects/7/").find_all("section", class_="plan-notice")


def test_project_page_names_itself_for_comments_with_a_copy_button(bundled):
    page = bundled.html("hadano-dx/projects/1-3/")
    reference = page.find("div", class_="plan-reference")
    button = reference.find("button")
    quoted = page.find("span", id=button.attrs["data-copy-from"]).clean_text()
    assert quoted == "意見の対象：はだのDX推進計画 個別事業 1-3 母子健康手帳アプリで子育てサポート"
    node = bundled.html("hadano-dx/nodes/approach-1/").find("div", class_="plan-reference").clean_text()
    assert "意見の対象：はだのDX推進計画 基本取組 ①" in node


@pytest.mark.build
def test_portal_badge_says_the_period_is_open(built_site):
    card = next(c for c in built_site.page("").find_all("li", class_="plan-card") if "はだの" in c.clean_text())
    assert shown(card) == "意見募集中"


# Comments on 秦野市's plan, a test fixture: the seeds give no comment results.
COMMENTS = (ROOT / "tests/fixtures/comments.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def closed_site(tmp_path_factory):
    """秦野市's plan alone, built after the period, with comments published (a test fixture:
    the seeds give no comment results)."""
    tmp = tmp_path_factory.mktemp("closed")
    project = copy_project(tmp / "project")
    (project / "data/plans/hadano-dx/comments.yaml").write_text(COMMENTS, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", "      data_dir: data\n      plans: [hadano-dx]\n      today: 2026-01-10\n"), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PLANSITE_TODAY")  # the day in mkdocs.yml applies
        build_site(project, tmp / "site")
    return BuiltSite(tmp / "site")


def test_after_the_period_the_notice_says_it_has_ended(closed_site):
    page = closed_site.page("hadano-dx/projects/1-3/")
    assert shown(page.find("section", class_="plan-notice").find("p", class_="plan-notice__title")) == "この計画は案です。意見の募集は終了しました"
    assert not page.find_all("div", class_="plan-reference")
    card = next(c for c in closed_site.page("").find_all("li", class_="plan-card"))
    assert shown(card) == "意見募集終了"


def test_comments_page_lists_each_comment_with_its_target_and_revision(closed_site):
    page = closed_site.page("hadano-dx/comments/")
    header, *rows = table_rows(page.find("table", class_="plan-comments"))
    assert header == ["番号", "対象", "意見の概要", "市の考え方", "修正の有無"]
    assert rows[0] == ["1", "個別事業 1-3 母子健康手帳アプリで子育てサポート", "母子モの使い方の説明会を開いてほしい。",
                       "子育て支援センターでの説明を検討します。", "修正なし"]
    assert rows[1][1] == "計画全体" and rows[1][4] == "修正あり用語集に10語を追加しました。"
    assert "3人から2件の意見をいただきました" in page.clean_text()
    link = page.find("tr", id="comment-1").find("a")
    assert link.attrs["href"] == "../projects/1-3/"


def test_the_page_a_comment_is_about_links_to_it(closed_site):
    about = closed_site.page("hadano-dx/projects/1-3/").find("p", class_="plan-comments-about")
    assert about.clean_text() == "この個別事業への意見（1件）：No.1（意見の概要と市の考え方）"
    assert about.find("a").attrs["href"] == "../../comments/#comment-1"


def test_a_comment_about_a_missing_project_names_the_line(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data/plans/hadano-dx/comments.yaml").write_text(COMMENTS.replace("project: 1-3", "project: 9-9"), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_site(project / "data", ["hadano-dx"], root=project)
    assert "data/plans/hadano-dx/comments.yaml:6:14: comments[0].project: 事業の ID「9-9」が見つかりません。もしかして「3-9」ですか？" in raised.value.report()


@pytest.mark.browser
def test_the_readers_date_ends_the_period_without_a_rebuild(built_site):
    from scripts.accessibility.browser import chromium
    from scripts.accessibility.server import serve

    with serve(built_site.path) as base, chromium() as browser:
        page = browser.new_page()
        page.clock.set_fixed_time(dt.datetime(2026, 1, 10, 12, 0, tzinfo=dt.timezone.utc))
        page.goto(f"{base}/hadano-dx/projects/1-3/")
        assert page.locator(".plan-notice__title").inner_text().strip() == "この計画は案です。意見の募集は終了しました"
        assert not page.locator(".plan-reference").is_visible()
        page.clock.set_fixed_time(dt.datetime(2025, 12, 18, 14, 0, tzinfo=dt.timezone.utc))  # 23:00 in Japan, last day
        page.reload()
        assert page.locator(".plan-notice__title").inner_text().strip() == "この計画は案です。ご意見を募集しています"


# --- print -------------------------------------------------------------------------------------

def test_printable_project_book_holds_every_project_in_order(built_site, site_model):
    page = built_site.page("hadano-dx/print/projects/")
    sections = page.find_all("h2", class_="plan-print-section")
    plan = site_model.plan_by_id["hadano-dx"]
    assert [h.clean_text() for h in sections] == [f"{p.number} {p.title}" for p in plan.projects]
    ids = [e.attrs["id"] for e in page.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    contents = page.find("nav", class_="plan-print-contents")
    assert [a.attrs["href"] for a in contents.find_all("a")] == [f"#{h.attrs['id']}" for h in sections]
    # 1-3's own sections come along, one level down, with their values.
    text = page.clean_text()
    assert "母子健康手帳アプリで子育てサポート" in text and "スケジュール" in text


def test_printable_plan_starts_with_the_plan_and_follows_its_chapters(bundled):
    sections = [h.clean_text() for h in bundled.html("hadano-dx/print/plan/").find_all("h2", class_="plan-print-section")]
    assert sections[0] == "はだのDX推進計画"
    assert sections[1:3] == ["部長会議付議事案書（報告）", "計画の概要"]  # the chapters in the order plan.yaml gives
    assert any(s.startswith("基本取組①") for s in sections)


@pytest.mark.browser
def test_printed_pages_drop_the_site_chrome_and_start_each_project_on_a_new_sheet(built_site):
    from scripts.accessibility.browser import chromium
    from scripts.accessibility.server import serve

    with serve(built_site.path) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/hadano-dx/print/projects/")
        page.emulate_media(media="print")
        styles = page.evaluate("""() => {
            const style = (selector, property, pseudo) => {
                const element = document.querySelector(selector);
                return element ? getComputedStyle(element, pseudo).getPropertyValue(property) : null;
            };
            const link = document.createElement('a');
            link.href = 'https://www.city.hadano.kanagawa.jp/';
            link.textContent = '秦野市';
            document.querySelector('article').appendChild(link);
            return {
                section: style('h2.plan-print-section', 'break-before'),
                header: style('.md-header', 'display'),
                sidebar: style('.md-sidebar--primary', 'display'),
                head: style('article thead', 'display'),
                row: style('article tbody tr', 'break-inside'),
                url: getComputedStyle(link, '::after').getPropertyValue('content'),
            };
        }""")
    assert styles["section"] == "page"
    assert styles["header"] == "none" and styles["sidebar"] == "none"
    assert styles["head"] == "table-header-group" and styles["row"] == "avoid"
    assert "https://www.city.hadano.kanagawa.jp/" in styles["url"]


# --- open data ---------------------------------------------------------------------------------

def test_plan_json_validates_against_the_published_schema(built_site, site_model):
    import json

    import jsonschema
    from referencing import Registry, Resource

    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (built_site.path / "schema").glob("*.json")}
    registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in schemas.items())
    validator = jsonschema.Draft202012Validator(schemas["plan-data.schema.json"], registry=registry)
    for plan in site_model.plans:
        document = json.loads((built_site.path / plan.id / "data" / "plan.json").read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(document)] == [], plan.id
        assert set(document["projects"]) == {p.id for p in plan.projects}
    hadano = json.loads((built_site.path / "hadano-dx/data/plan.json").read_text(encoding="utf-8"))
    assert hadano["projects"]["1-3"]["title"] == "母子健康手帳アプリで子育てサポート"
    broken = {**hadano, "projects": {"1-3": {**hadano["projects"]["1-3"], "titel": "x"}}}
    assert list(validator.iter_errors(broken))


def test_plan_json_is_made_from_the_model_with_numbers_as_numbers(bundled):
    import json

    first = json.loads(bundled.files("sagamihara-ict-1")["sagamihara-ict-1/data/plan.json"])
    assert first["projects"]["7"]["kpis"][0]["target"] == 30000000
    second = json.loads(bundled.files("sagamihara-ict-2")["sagamihara-ict-2/data/plan.json"])
    baselines = [k["baseline"]["value"] for n in second["tree"]["nodes"] for c in n.get("children", ()) for k in c.get("kpis", ())]
    assert 61.3 in baselines and not [v for v in baselines if isinstance(v, str) and v.replace(".", "").isdigit()]


def test_projects_csv_has_a_row_per_project_and_an_excel_variant(built_site):
    import csv
    import io

    text = (built_site.path / "hadano-dx/data/projects.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["番号"] == "1-3")
    assert (row["事業名"], row["区分"], row["主管課"], row["ページ"]) == (
        "母子健康手帳アプリで子育てサポート", "個別事業", "こども家庭支援課", "hadano-dx/projects/1-3/")
    assert (built_site.path / "hadano-dx/data/projects-excel.csv").read_text(encoding="utf-8") == "\ufeff" + text


def test_open_data_page_lists_every_file_and_says_when_no_licence_is_given(built_site):
    page = built_site.page("hadano-dx/data/")
    header, *rows = table_rows(page.find("table"))
    assert [r[0] for r in rows] == ["plan.json", "projects.csv", "projects-excel.csv", "indicators.csv", "indicators-excel.csv", "indicators.json"]
    for link in page.find("table").find_all("a"):
        assert (built_site.path / "hadano-dx/data" / link.attrs["href"]).resolve().exists()
    assert "利用条件（ライセンス）が書かれていません" in page.clean_text()


@pytest.mark.build
def test_licence_from_the_plan_data_is_shown(tmp_path):
    project = copy_project(tmp_path / "project")
    plan_file = project / "data/plans/chigasaki-dx/plan.yaml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + "license:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/deed.ja\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", "      data_dir: data\n      plans: [chigasaki-dx]\n"), encoding="utf-8")
    build_site(project, tmp_path / "site")
    licence = BuiltSite(tmp_path / "site").page("chigasaki-dx/data/").find("h2", id="license")
    page = BuiltSite(tmp_path / "site").page("chigasaki-dx/data/")
    link = next(a for a in page.find_all("a") if a.clean_text() == "CC BY 4.0")
    assert licence and link.attrs["href"] == "https://creativecommons.org/licenses/by/4.0/deed.ja"


# --- offline -----------------------------------------------------------------------------------

@pytest.mark.browser
def test_offline_build_reads_from_file_without_any_outside_request(offline_site):
    from playwright.sync_api import expect

    from scripts.accessibility.browser import chromium

    outside = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(("file:", "data:")) else None)
        page.goto((offline_site / "index.html").as_uri())
        page.click("article a:text-is('はだのDX推進計画')")
        assert page.url.endswith("/hadano-dx/index.html")
        page.click("article a:text-is('指標と達成状況の一覧')")
        assert page.url.endswith("/hadano-dx/indicators/index.html")
        page.goto((offline_site / "hadano-dx/projects/1-2/index.html").as_uri())
        term = page.locator("article a.plan-term__link").first
        href = term.get_attribute("href")
        term.click()
        address, fragment = page.url.split("#")
        assert address.endswith("/glossary/index.html") and href.endswith(f"#{fragment}") and fragment.startswith("term-")
        expect(page.locator(f"#{fragment}")).to_have_count(1)  # waits for the glossary to be parsed
    assert outside == []


# --- deployment (the workflow itself: tests/test_workflow.py) -----------------------------------

@pytest.mark.build
def test_site_url_of_a_project_page_reaches_every_page(tmp_path):
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", "      data_dir: data\n      plans: [chigasaki-dx]\n"), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", "https://example-city.github.io/dx-plan/")
        build_site(project, tmp_path / "site")
    page = BuiltSite(tmp_path / "site").page("chigasaki-dx/roadmap/")
    canonical = next(link for link in page.find_all("link") if link.attrs.get("rel") == "canonical")
    assert canonical.attrs["href"] == "https://example-city.github.io/dx-plan/chigasaki-dx/roadmap/"
