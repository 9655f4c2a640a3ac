"""The bad-input corpus: every malformed input gives its exact messages and leaves site/ alone;
markup typed into any text field reaches the page as text, never as HTML or a template."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil

import pytest

from bad_inputs import base, careless, hostile
from bad_inputs.cases import ERROR_CASES as SYNTAX_CASES
from conftest import ROOT, BuiltSite, parse
from plansite.base.errors import DataErrors
from plansite.build import prepare
from plansite.cli import main as plansite_command
from plansite.loading.load import load_site

ERROR_CASES = SYNTAX_CASES + careless.ERROR_CASES

FOOTER = "データに {} 件の誤りがあります。上の各行の場所を直してから、もう一度実行してください。"


def _project(root, changes):
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "macros").symlink_to(ROOT / "macros")  # mkdocs.yml watches it; the code is the repository's
    return base.write(root, changes)


def _run_build(project, site_dir, monkeypatch) -> int:
    """plansite build, as staff run it from the plan's folder."""
    monkeypatch.chdir(project)
    return plansite_command(["build", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)])


def test_the_corpus_is_large_enough():
    cases = ERROR_CASES + careless.WARNING_CASES + hostile.CASES
    assert len(cases) >= 120
    assert len({c.id for c in cases}) == len(cases)


def _expected(case) -> list[str]:
    """The report: the errors, the warnings of the same run, then the count."""
    return [*case.errors, *(f"注意: {warning}" for warning in case.warnings), FOOTER.format(len(case.errors))]


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c.id)
def test_bad_input_is_reported_exactly(case, tmp_path):
    project = base.write(tmp_path / "project", case.changes)
    with pytest.raises(DataErrors) as raised:
        prepare(project / "data", root=project)
    assert raised.value.report().splitlines() == _expected(case)


@pytest.mark.build
@pytest.mark.parametrize("case", ERROR_CASES[:1] + [c for c in ERROR_CASES if c.id in ("missing-tree-while-a-project-names-a-node", "flow-nesting-30000-on-one-line")],
                         ids=lambda c: c.id)
def test_bad_input_stops_the_build_and_leaves_the_site_alone(case, tmp_path, monkeypatch, capsys):
    project = _project(tmp_path / "project", case.changes)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("前の版", encoding="utf-8")

    assert _run_build(project, site_dir, monkeypatch) == 1
    assert capsys.readouterr().err.splitlines() == _expected(case)
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "前の版"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging folder left behind


@pytest.mark.parametrize("case", careless.WARNING_CASES, ids=lambda c: c.id)
def test_careless_input_is_accepted_with_a_warning_that_strict_mode_makes_an_error(case, tmp_path):
    root = base.write(tmp_path, case.changes)
    assert [str(w) for w in load_site(root / "data", root=root).warnings] == case.warnings
    with pytest.raises(DataErrors) as strict:
        load_site(root / "data", root=root, strict=True)
    assert [str(e) for e in strict.value.errors] == case.warnings


def test_a_plan_can_ask_for_its_warnings_to_be_errors(tmp_path):
    case = next(c for c in careless.WARNING_CASES if c.id == "one-character-term")
    changes = {**case.changes, **careless.edit(careless.PLAN_YAML, "status: adopted", "status: adopted\nwarnings: strict")}
    root = base.write(tmp_path, changes)
    with pytest.raises(DataErrors) as raised:
        load_site(root / "data", root=root)
    assert [str(e) for e in raised.value.errors] == case.warnings


def test_the_build_prints_warnings_and_stops_on_them_with_strict(tmp_path, monkeypatch, capsys):
    case = next(c for c in careless.WARNING_CASES if c.id == "image-from-another-site-in-a-chapter")
    project = _project(tmp_path / "project", case.changes)
    monkeypatch.chdir(project)
    assert plansite_command(["build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site"), "--strict"]) == 1
    assert capsys.readouterr().err.splitlines() == [*case.warnings, FOOTER.format(1)]
    assert not (tmp_path / "site").exists()


def test_check_prints_warnings_and_fails_on_them_with_strict(tmp_path, monkeypatch, capsys):
    case = next(c for c in careless.WARNING_CASES if c.id == "one-term-under-two-ids")
    project = base.write(tmp_path / "project", case.changes)
    monkeypatch.chdir(project)
    assert plansite_command(["check"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[:-1] == [f"注意: {warning}" for warning in case.warnings] and err[-1].startswith("注意が 1 件あります")
    assert plansite_command(["check", "--strict"]) == 1
    assert capsys.readouterr().err.splitlines() == [*case.warnings, FOOTER.format(1)]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> BuiltSite:
    root = tmp_path_factory.mktemp("hostile")
    project = _project(root / "project", hostile.files())
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _run_build(project, root / "site", monkeypatch) == 0
    return BuiltSite(root / "site")


@pytest.mark.parametrize("case", hostile.CASES, ids=lambda c: c.id)
def test_markup_in_data_is_shown_as_text(case, hostile_site):
    main = hostile_site.page(case.page).find("article")
    assert case.shown in main.text()


def test_no_markup_or_script_link_from_data_reaches_any_page(hostile_site):
    live = [case.shown for case in hostile.CASES if "<" in case.shown]
    script_link = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)
    for page in hostile_site.path.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not [text for text in live if text in html], page
        assert not script_link.search(html), page
        assert "繰り返し繰り返し" not in html  # the {% for %} typed into a description never ran


def test_titles_are_escaped_exactly_once_in_the_title_header_menu_and_breadcrumbs(hostile_site):
    """striptags in the theme used to decode &lt;/title&gt; into a live </title><script>."""
    site_name = "自治体DX推進計画サイト（サンプル）"
    project_title = f"1<b>太字</b> {hostile.PROJECT_TITLE}"
    page = hostile_site.page("mini/projects/p-1/")
    head = page.find("head")
    assert head.find("title").text() == f"{project_title}｜{hostile.PLAN_TITLE}｜{site_name}"
    assert not [s for s in head.find_all("script") if "alert" in s.text()]
    assert page.find("div", class_="md-header__topic", data_md_component="header-topic").clean_text() == project_title
    menu = [link.clean_text() for link in page.find("nav", class_="md-nav--primary").find_all("a")]
    assert hostile.PLAN_TITLE in menu and project_title in menu
    crumbs = [item.clean_text() for item in page.find("nav", class_="plan-breadcrumbs").find_all("li")]
    assert crumbs[0] == hostile.PLAN_TITLE and crumbs[-1] == project_title
    assert hostile_site.page("mini/").find("title").text() == f"{hostile.PLAN_TITLE}｜{site_name}"


def test_no_csv_cell_can_start_a_formula(hostile_site):
    files = sorted(hostile_site.path.rglob("*.csv"))
    assert {f.name for f in files} == {"projects.csv", "projects-excel.csv", "indicators.csv", "indicators-excel.csv"}
    for path in files:
        cells = [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"[+-]?\d+(\.\d+)?", c)], path
        assert [c for c in cells if c.startswith(f"'{hostile.FORMULA} ")], path  # the node's number, kept as text


def test_a_priority_number_is_text_in_the_heading_of_the_priorities_page():
    """The model refuses such a number; the heading shows it as text all the same."""
    from plansite.context import BuildContext
    from plansite.pages.assemble import site_pages
    from plansite.pages.frame import page_html

    site = load_site(ROOT / "data", root=ROOT)
    first, *rest = site.priorities.items
    number = "[x](javascript:alert(1))"
    hostile_first = first.model_copy(update={"number": number})
    site = dataclasses.replace(site, priorities=site.priorities.model_copy(update={"items": (hostile_first, *rest)}))
    page = next(p for p in site_pages(BuildContext(site)) if p.url == "priorities/")
    html = page_html(page, directory_urls=True)
    assert f"{number}{first.title}" in [" ".join(h.text().split()) for h in parse(html).find_all("h2")]
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)
