"""The 試験結果 page reports the audit of this very build, and only the pages that audit tested.

A site of one plan built beside the record of another site's audit must not claim that audit;
pages added or changed since the audit are 「この版では未試験」."""

from __future__ import annotations

import hashlib
import json
import posixpath

import pytest

from conftest import BuiltSite, build_site, copy_project
from plansite.a11y.record import PUBLISHED, RECORD, read_record
from plansite.mkdocs_plugin.runner import BuildFailed
from plansite.publishing.manifest import MANIFEST, BuildManifest
from scripts.accessibility.run import audit

pytestmark = [pytest.mark.build]

RESULTS = "accessibility/results/"
ONLY_CHIGASAKI = "      data_dir: data\n      plans: [chigasaki-dx]\n"


def chigasaki_project(target):
    project = copy_project(target)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", ONLY_CHIGASAKI), encoding="utf-8")
    return project


def results_text(site: BuiltSite) -> str:
    return site.page(RESULTS).find("article").clean_text()


def resolve(href: str) -> str:
    """A link on the results page as the URL of the page it leads to."""
    return posixpath.normpath(posixpath.join(RESULTS, href)).lstrip("./") + "/"


def run_audit(project, site_dir, pages):
    # What is tested here is the record's binding to a build, not the checks: one check is enough.
    record = audit(site_dir, pages, progress=lambda line: None, workers=1, checks=("axe-360",))
    record.write(project / RECORD)
    return record


@pytest.fixture(scope="module")
def chigasaki(tmp_path_factory):
    project = chigasaki_project(tmp_path_factory.mktemp("chigasaki"))
    build_site(project, project / "site")
    return project


def test_a_build_without_an_audit_says_no_page_of_it_was_tested(chigasaki):
    site = BuiltSite(chigasaki / "site")
    pages = BuildManifest.read(site.path).pages
    text = results_text(site)
    assert f"この版では未試験です。この版の {len(pages)} ページは、どれもまだ試験していません。" in text
    assert "問題0件" not in text and "すべてのページ" not in text
    assert not (site.path / PUBLISHED).exists()


@pytest.mark.browser
def test_a_one_plan_site_does_not_claim_the_audit_of_the_whole_site(tmp_path, built_site):
    project = chigasaki_project(tmp_path / "one")
    run_audit(project, built_site.path, ["hadano-dx/projects/1-1/", "chigasaki-dx/"])  # the record of the whole site's audit
    build_site(project, project / "site")
    site = BuiltSite(project / "site")
    text = results_text(site)
    assert "この版では未試験です" in text and "別の版のサイト" in text
    assert "hadano" not in site.html(RESULTS) and "秦野" not in text
    assert not (site.path / PUBLISHED).exists()


@pytest.mark.browser
def test_the_pages_tested_are_listed_and_the_rest_are_untested_in_this_build(tmp_path):
    project = chigasaki_project(tmp_path / "project")
    build_site(project, project / "first")
    tested = ["chigasaki-dx/", "chigasaki-dx/nodes/policy-1/"]
    record = run_audit(project, project / "first", tested)
    build_site(project, project / "site")
    site = BuiltSite(project / "site")
    manifest = BuildManifest.read(site.path)
    assert record.build == manifest.id  # the audit's build is this build: the report page did not change the id
    page = site.page(RESULTS)
    tested_table = next(t for t in page.find_all("table") if "試験したページ（2ページ）" in t.find("caption").clean_text())
    rows = tested_table.find("tbody").find_all("tr")
    assert all("問題なし" in row.clean_text() for row in rows)
    assert [resolve(row.find("th").find("a").attrs["href"]) for row in rows] == tested
    untested = page.find("ul", class_="plan-untested").find_all("li")
    assert len(untested) == len(manifest.pages) - 2
    assert {li.clean_text() for li in untested}.isdisjoint({"/" + url for url in tested})
    assert f"この版の {len(manifest.pages)} ページのうち 2 ページ" in results_text(site)
    # The audit ran one check only (run_audit): the page says so and claims no other.
    assert "選んだ試験だけ（axe-core（明るい配色）（幅 360px））と、HTML 構文検査・ページタイトルの重複。ほかの試験はこの版では行っていません" in results_text(site)
    assert "HTML_CodeSniffer" not in results_text(site) and "Tab キー" not in results_text(site)
    assert "hadano" not in site.html(RESULTS)
    published = json.loads((site.path / PUBLISHED).read_text(encoding="utf-8"))
    assert [p["url"] for p in published["pages"]] == tested


@pytest.mark.browser
def test_a_change_after_the_audit_makes_every_page_untested_and_a_changed_page_stops_the_build(tmp_path, caplog):
    project = chigasaki_project(tmp_path / "project")
    build_site(project, project / "first")
    run_audit(project, project / "first", ["chigasaki-dx/"])
    # The same build, but the record's copy of a tested page no longer matches what is built.
    saved = (project / RECORD).read_text(encoding="utf-8")
    record = read_record(project / RECORD)
    record.pages[0].sha256 = "0" * 64
    record.write(project / RECORD)
    with pytest.raises(BuildFailed):
        build_site(project, project / "stopped")
    assert "試験したときと内容が違うページがあります（1 ページ：/chigasaki-dx/）" in caplog.text
    (project / RECORD).write_text(saved, encoding="utf-8")
    # Data changed after the audit: another build, none of whose pages were tested.
    plan = project / "data/plans/chigasaki-dx/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n# 監査の後の変更\n", encoding="utf-8")
    build_site(project, project / "site")
    text = results_text(BuiltSite(project / "site"))
    assert "この版では未試験です" in text and "別の版のサイト" in text


def test_the_manifest_names_every_page_and_its_kind(built_site):
    manifest = BuildManifest.read(built_site.path)
    html_pages = {p.parent.relative_to(built_site.path).as_posix() for p in built_site.path.rglob("index.html")}
    assert {entry.url.rstrip("/") or "." for entry in manifest.pages if entry.url != "404.html"} == html_pages
    entries = {entry.url: entry for entry in manifest.pages}
    # The page model's kind; a hand-written page's is its folder under docs/.
    assert entries["hadano-dx/projects/1-1/"].kind == entries["sagamihara-ict-1/projects/1/"].kind == "project"
    assert entries["hadano-dx/"].kind == "home" and entries["hadano-dx/glossary/"].kind == "glossary"
    assert entries["authoring/data/"].kind == entries["authoring/"].kind == "docs:authoring/" != entries["about/"].kind
    assert entries[""].kind == "/" and entries["404.html"].kind == "404.html"
    assert entries["hadano-dx/projects/1-1/"].shape == "<plan>/projects/<id>/" and entries["about/"].shape == "about/"
    assert entries["authoring/data/"].shape == "authoring/…"
    assert (built_site.path / MANIFEST).is_file()


@pytest.mark.browser
def test_the_guides_hand_written_pages_are_one_kind_whose_slow_checks_ran_on_one_of_them(tmp_path):
    project = chigasaki_project(tmp_path / "project")
    build_site(project, project / "first")
    tested = ["authoring/", "authoring/data/", "authoring/checks/", "about/"]
    # axe-dark-360 is a per-kind check: one page of each kind gets it.
    record = audit(project / "first", tested, progress=lambda line: None, workers=1,
                   checks=("axe-360", "axe-dark-360", "axe-dark-1280"))
    record.write(project / RECORD)
    build_site(project, project / "site")
    lead = next(p.clean_text() for p in BuiltSite(project / "site").page(RESULTS).find_all("p")
                if "種類ごとに表の右の列のページで行いました" in p.clean_text())
    assert lead.count("axe-core の配色の規則（暗い配色）") == 1  # one check at two widths, named once
    guide = [page for page in record.pages if page.kind == "docs:authoring/"]
    assert len(guide) == 3 and sum("axe-dark-360" in page.checks for page in guide) == 1
    table = next(t for t in BuiltSite(project / "site").page(RESULTS).find_all("table")
                 if "ページの種類" in t.find("caption").clean_text())
    rows = {row.find("th").clean_text(): row.find_all("td") for row in table.find("tbody").find_all("tr")}
    assert rows["/authoring/…（手で書いたページ）"][0].clean_text() == "3"
    assert len(rows["/authoring/…（手で書いたページ）"][1].find_all("a")) == 1
    assert rows["/about/（手で書いたページ）"][0].clean_text() == "1"


@pytest.mark.browser
def test_the_results_page_is_tested_as_rebuilt_with_the_results_of_the_other_pages(tmp_path):
    project = chigasaki_project(tmp_path / "project")
    build_site(project, project / "site")
    assert BuildManifest.read(project / "site").reports == [RESULTS]
    shown: list[str] = []  # what the results page said when it was tested

    def rebuild(record):
        assert [page.url for page in record.pages] == ["chigasaki-dx/"]  # held back until rebuilt
        record.write(project / RECORD)
        build_site(project, project / "site")
        shown.append(results_text(BuiltSite(project / "site")))

    record = audit(project / "site", ["chigasaki-dx/", RESULTS], progress=lambda line: None, workers=1,
                   checks=("axe-360",), rebuild=rebuild)
    total = len(BuildManifest.read(project / "site").pages)
    assert f"この版の {total} ページのうち 1 ページ" in shown[0]  # the tested page showed the other page's results
    tested = record.page(RESULTS)
    assert record.report_pages == [RESULTS] and "axe-360" in tested.checks
    assert tested.sha256 == hashlib.sha256((project / "site" / RESULTS / "index.html").read_bytes()).hexdigest()
    record.write(project / RECORD)
    build_site(project, project / "site")  # the published page adds its own row; the others are unchanged
    text = results_text(BuiltSite(project / "site"))
    assert f"この版の {total} ページのうち 2 ページ" in text
    assert "このページ（試験結果）自体は、ほかのページの試験結果を書き入れて作り直した形で、選んだ試験を行いました" in text
