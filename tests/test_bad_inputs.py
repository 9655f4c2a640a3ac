"""The bad-input corpus: every malformed input gives its exact messages and leaves site/ alone;
markup typed into any text field reaches the page as text, never as HTML or a template."""

from __future__ import annotations

import re
import shutil

import pytest

from bad_inputs import base, hostile
from bad_inputs.cases import ERROR_CASES
from conftest import ROOT, BuiltSite, parse
from plansite.base.errors import DataErrors
from plansite.build import prepare
from plansite.cli import main as plansite_command

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
    assert len(ERROR_CASES) + len(hostile.CASES) >= 40
    assert len({c.id for c in ERROR_CASES} | {c.id for c in hostile.CASES}) == len(ERROR_CASES) + len(hostile.CASES)


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c.id)
def test_bad_input_is_reported_exactly(case, tmp_path):
    project = base.write(tmp_path / "project", case.changes)
    with pytest.raises(DataErrors) as raised:
        prepare(project / "data", root=project)
    assert raised.value.report().splitlines() == [*case.errors, FOOTER.format(len(case.errors))]


@pytest.mark.build
@pytest.mark.parametrize("case", ERROR_CASES[:1] + [c for c in ERROR_CASES if c.id == "missing-tree-while-a-project-names-a-node"], ids=lambda c: c.id)
@pytest.mark.build
def test_bad_input_stops_the_build_and_leaves_the_site_alone(case, tmp_path, monkeypatch, capsys):
    project = _project(tmp_path / "project", case.changes)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("前の版", encoding="utf-8")

    assert _run_build(project, site_dir, monkeypatch) == 1
    assert capsys.readouterr().err.splitlines() == [*case.errors, FOOTER.format(len(case.errors))]
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "前の版"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging folder left behind


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
