"""Yearly editions: a fixture plan with three editions (tests/fixtures/editions) built into a
site of its own, its changes page, edition bars, and errors that name a snapshot's own lines."""

from __future__ import annotations

import datetime
import posixpath
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite, build_site, copy_project

from plansite.editions.names import as_of, label
from plansite.base.errors import DataErrors
from plansite.loading.load import load_site
from plansite.model.edition import Edition
from scripts.accessibility.run import audit, failures

FIXTURE = ROOT / "tests" / "fixtures" / "editions"
PLAN = "sample-dx"
CURRENT = "令和8年4月版（2026年4月時点）"
EDITION_OF = {"": CURRENT, "editions/r7-04/": "令和7年4月版（2025年4月時点）", "editions/r6-04/": "令和6年4月版（2024年4月時点）"}


def fixture_project(target: Path) -> Path:
    """The repository's config and pages with the fixture's data in place of data/."""
    project = copy_project(target)
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE / "data", project / "data")
    return project


@pytest.fixture(scope="module")
def edition_site(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("editions")
    build_site(fixture_project(base / "project"), base / "site")
    return BuiltSite(base / "site")


def edition_pages(site: BuiltSite) -> list[str]:
    """Every page of every edition (the list of editions and the changes page span them all)."""
    found = sorted(path.parent.relative_to(site.path).as_posix() + "/" for path in (site.path / PLAN).rglob("index.html"))
    return [url for url in found if url not in (f"{PLAN}/editions/", f"{PLAN}/changes/")]


def edition_of(url: str) -> str:
    inside = url[len(PLAN) + 1:]
    return next(prefix for prefix in sorted(EDITION_OF, key=len, reverse=True) if inside.startswith(prefix))


def resolve(page_url: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(page_url, href.split("#")[0])) + "/"


def rows(table) -> list[list[str]]:
    return [[cell.clean_text() for cell in tr.iter() if cell.tag in ("td", "th")] for tr in table.find("tbody").find_all("tr")]


def table(page, caption: str):
    return next(t for t in page.find_all("table") if t.find("caption").clean_text() == caption)


def test_changes_page_lists_exactly_what_changed_newest_pair_first(edition_site):
    page = edition_site.page(f"{PLAN}/changes/")
    assert [h.clean_text() for h in page.find("article").find_all("h2")] == ["令和7年4月版から令和8年4月版への変更点", "令和6年4月版から令和7年4月版への変更点"]
    pair = "（令和7年4月版 → 令和8年4月版）"
    assert rows(table(page, "事業の追加・終了・名称変更" + pair)) == [
        ["追加", "4 オープンデータの公開", "令和8年4月版で追加"],
        ["名称変更", "3 職員のデジタル研修", "旧名称：庁内研修"],
        ["終了", "2 電子契約の導入", "令和7年4月版まで（リンク先は令和7年4月版のページ）"],
    ]
    assert rows(table(page, "指標の追加・削除" + pair)) == [
        ["追加", "研修の満足度", "3 職員のデジタル研修"],
        ["削除", "研修の受講者数", "3 庁内研修（令和7年4月版）"],
    ]
    assert rows(table(page, "目標値の変更" + pair)) == [
        ["市民満足度", "基本目標1 便利な行政サービス", "令和9年度（2027年度）", "50%", "55%"],
        ["オンライン申請の件数", "1 窓口のオンライン化", "令和9年度（2027年度）", "200件", "250件"],
    ]
    assert rows(table(page, "実績値の追加・修正" + pair)) == [
        ["市民満足度", "基本目標1 便利な行政サービス", "令和7年度（2025年度）", "—", "42%"],
        ["オンライン申請の件数", "1 窓口のオンライン化", "令和7年度（2025年度）", "—", "80件"],
    ]
    assert rows(table(page, "スケジュールの変更" + pair)) == [
        ["1 窓口のオンライン化", "令和7年度：準備／令和8年度〜令和9年度：実施", "令和7年度：準備・設計／令和9年度〜令和10年度：実施"],
    ]
    assert rows(table(page, "主管課の変更" + pair)) == [["3 職員のデジタル研修", "人事課", "人事課、デジタル推進課"]]
    older = "（令和6年4月版 → 令和7年4月版）"
    assert [t.find("caption").clean_text() for t in page.find_all("table") if t.find("caption").clean_text().endswith(older)] == [
        "事業の追加・終了・名称変更" + older
    ]
    assert rows(table(page, "事業の追加・終了・名称変更" + older)) == [["追加", "3 庁内研修", "令和7年4月版で追加"]]


def test_each_change_links_to_the_page_in_the_edition_that_shows_it(edition_site):
    url = f"{PLAN}/changes/"
    links = {a.clean_text(): resolve(url, a.attrs["href"]) for a in edition_site.page(url).find("article").find_all("a") if "href" in a.attrs}
    assert links["4 オープンデータの公開"] == f"{PLAN}/projects/p-4/"
    assert links["2 電子契約の導入"] == f"{PLAN}/editions/r7-04/projects/p-2/"
    assert links["3 庁内研修"] == f"{PLAN}/editions/r7-04/projects/p-3/"  # the removed indicator lived there
    for target in links.values():
        assert (edition_site.path / target / "index.html").exists(), target


def test_every_page_of_every_edition_shows_its_edition_and_links_resolve(edition_site):
    pages = edition_pages(edition_site)
    assert f"{PLAN}/editions/r7-04/glossary/" in pages and f"{PLAN}/projects/p-4/" in pages
    for url in pages:
        bar = edition_site.page(url).find("nav", aria_label="版の切り替え")
        assert bar.find("p").clean_text().startswith(f"この版：{EDITION_OF[edition_of(url)]}"), url
        for a in bar.find_all("a"):
            target = resolve(url, a.attrs["href"])
            assert (edition_site.path / target / "index.html").exists(), (url, a.attrs["href"])


def test_selector_goes_to_the_same_page_or_else_to_that_editions_home(edition_site):
    def targets(url):
        return {a.clean_text(): resolve(url, a.attrs["href"]) for a in edition_site.page(url).find("nav", aria_label="版の切り替え").find_all("a")}

    assert targets(f"{PLAN}/projects/p-1/") == {
        "令和7年4月版（2025年4月時点）": f"{PLAN}/editions/r7-04/projects/p-1/",
        "令和6年4月版（2024年4月時点）": f"{PLAN}/editions/r6-04/projects/p-1/",
        "版ごとの変更点": f"{PLAN}/changes/",
    }
    assert targets(f"{PLAN}/projects/p-4/")["令和7年4月版（2025年4月時点）：この版にこのページはないため、版のトップページへ"] == f"{PLAN}/editions/r7-04/"


def test_earlier_editions_say_a_newer_one_exists_and_link_to_it(edition_site):
    notes = {}
    for url in edition_pages(edition_site):
        found = edition_site.page(url).find_all("div", class_="plan-edition-old")
        if edition_of(url) == "":
            assert not found, url
            continue
        note = found[0]
        assert note.attrs["role"] == "note" and note.clean_text().startswith("この版は過去の版です。")
        notes[url] = resolve(url, note.find("a").attrs["href"])
    assert notes[f"{PLAN}/editions/r7-04/projects/p-1/"] == f"{PLAN}/projects/p-1/"
    assert notes[f"{PLAN}/editions/r7-04/projects/p-2/"] == f"{PLAN}/"  # ended: the newest edition's home
    assert notes[f"{PLAN}/editions/r6-04/"] == f"{PLAN}/"


def test_an_earlier_edition_keeps_its_own_text_and_glossary(edition_site):
    url = f"{PLAN}/editions/r7-04/chapters/intro/"
    page = edition_site.page(url)
    assert "令和7年4月版の文章" in page.find("article").clean_text()
    term = page.find("a", class_="plan-term__link")
    assert resolve(url, term.attrs["href"]) == f"{PLAN}/editions/r7-04/glossary/"
    assert "<title>計画の趣旨｜架空市デジタル推進計画（令和7年4月版）｜" in edition_site.html(url)


def test_menu_has_one_entry_per_kind_and_no_earlier_edition_pages(edition_site):
    menu = edition_site.page(f"{PLAN}/").find("nav", class_="md-nav--primary")
    links = {resolve(f"{PLAN}/", a.attrs["href"]): a.clean_text() for a in menu.find_all("a") if "href" in a.attrs}
    assert links[f"{PLAN}/editions/"] == "過去の版" and links[f"{PLAN}/changes/"] == "版ごとの変更点"
    assert not [url for url in links if "/editions/r" in url]


def test_editions_list_names_each_edition_with_its_date_and_changes(edition_site):
    page = edition_site.page(f"{PLAN}/editions/")
    assert rows(page.find("table")) == [
        ["令和8年4月版最新の版", "2026年4月時点", "3", "11件の変更"],
        ["令和7年4月版", "2025年4月時点", "3", "1件の変更"],
        ["令和6年4月版", "2024年4月時点", "2", "（最初の版）"],
    ]


def copy_fixture_data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "data", tmp_path / "data")
    return tmp_path / "data"


def replace(path: Path, old: str, new: str, value: str) -> str:
    """Edit a fixture file; return "line:column" (1-based) of value in the new text."""
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    at = text.index(new) + new.index(value)
    return f"{text[:at].count(chr(10)) + 1}:{at - text.rfind(chr(10), 0, at)}"


def errors_of(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_site(data, root=data.parent)
    return [str(error) for error in raised.value.errors]


def test_errors_in_an_earlier_edition_name_its_own_file_line_and_column(tmp_path):
    data = copy_fixture_data(tmp_path)
    snapshot = data / "plans" / PLAN / "editions" / "r7-04"
    value_at = replace(snapshot / "projects" / "p-3.yaml", "targets: {2026: 100}", "targets: {2026: [100]}", "[100]")
    id_at = replace(snapshot / "plan.yaml", "  id: r7-04", "  id: r7-4", "r7-4")
    assert errors_of(data) == [
        f"data/plans/{PLAN}/editions/r7-04/plan.yaml:{id_at}: edition.id: 版の ID「r7-4」がフォルダ名「r7-04」と違います。同じにしてください（過去の版のページの URL になります）",
        f"data/plans/{PLAN}/editions/r7-04/projects/p-3.yaml:{value_at}: kpis[0].targets.2026: 数値または文字列を指定してください（リストが指定されています）",
    ]


def test_editions_must_be_dated_before_the_current_one_and_the_current_one_named(tmp_path):
    data = copy_fixture_data(tmp_path)
    plan_dir = data / "plans" / PLAN
    as_of_at = replace(plan_dir / "editions" / "r6-04" / "plan.yaml", "as_of: 2024-04", "as_of: 2026-04", "2026-04")
    assert errors_of(data) == [
        f"data/plans/{PLAN}/editions/r6-04/plan.yaml:{as_of_at}: edition.as_of: 過去の版の時点（令和8年4月）が今の版の時点（令和8年4月）と同じか後です。最新の版を data/plans/{PLAN}/plan.yaml に置いてください",
    ]
    text = (plan_dir / "plan.yaml").read_text(encoding="utf-8")
    (plan_dir / "plan.yaml").write_text(text.replace("edition:\n  id: r8-04\n  name: 令和8年4月版\n  as_of: 2026-04\n", ""), encoding="utf-8")
    # line 2: the mapping starts after the comment on line 1
    assert f"data/plans/{PLAN}/plan.yaml:2:1: edition: editions/ に過去の版があるので、この plan.yaml にも今の版の edition（id・name・as_of）を書いてください" in errors_of(data)


@pytest.mark.browser
def test_edition_pages_pass_the_accessibility_audit(edition_site):
    pages = [f"{PLAN}/projects/p-1/", f"{PLAN}/editions/r7-04/projects/p-2/", f"{PLAN}/changes/", f"{PLAN}/editions/"]
    assert failures(audit(edition_site.path, pages, progress=lambda message: None, workers=1)) == []


def test_an_edition_without_a_name_is_named_from_its_date():
    month = Edition.model_validate({"id": "r9-04", "as_of": "2027-04"})
    assert (label(month), as_of(month)) == ("令和9年4月版", "2027年4月時点")
    dated = Edition.model_validate({"id": "r9-04-01", "as_of": datetime.date(2027, 4, 1)})
    assert (label(dated), as_of(dated)) == ("令和9年4月1日版", "2027年4月1日時点")
