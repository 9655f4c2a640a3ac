"""The preview (`make serve`, i.e. `mkdocs serve --dirty`) rebuilds only the pages an edit changed."""

from __future__ import annotations

import re
import shutil

import pytest

from mkdocs.commands.build import build
from mkdocs.config import load_config

from bad_inputs import base
from bad_inputs.cases import PROJECT
from conftest import ROOT, BuiltSite

OTHER = f"{base.PLAN}/projects/p-2.yaml"


def _rebuild(project, site_dir):
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
    build(config, dirty=True)
    return config


def _written(site_dir) -> dict:
    return {p.relative_to(site_dir).as_posix(): p.stat().st_mtime_ns for p in site_dir.rglob("*.html")}


@pytest.mark.build
def test_preview_rebuilds_what_depends_on_the_edited_file(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")
    base.write(project, {OTHER: base.FILES[PROJECT].replace('"1"', '"2"').replace("電子申請の拡充", "窓口の予約")})
    site_dir = tmp_path / "site"
    config = _rebuild(project, site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        _rebuild(project, site_dir)
        before = _written(site_dir)

        edited = project / PROJECT
        edited.write_text(edited.read_text(encoding="utf-8").replace("電子申請の件数", "電子申請の年間件数"), encoding="utf-8")
        _rebuild(project, site_dir)
        after = _written(site_dir)
        changed = {page for page in after if after[page] != before[page]}
        assert "mini/projects/p-1/index.html" in changed
        assert "電子申請の年間件数" in (site_dir / "mini/projects/p-1/index.html").read_text(encoding="utf-8")
        assert "mini/projects/p-2/index.html" not in changed
        assert "index.html" in changed  # hand-written pages may show data through macros

        other = project / OTHER
        other.write_text(other.read_text(encoding="utf-8").replace("窓口の予約", "窓口の予約システム"), encoding="utf-8")
        _rebuild(project, site_dir)
        renamed = _written(site_dir)
        assert all(renamed[page] != after[page] for page in after if page.startswith("mini/"))  # every menu shows the new title
        assert "窓口の予約システム" in (site_dir / "mini/projects/p-1/index.html").read_text(encoding="utf-8")
    finally:
        config.plugins.on_shutdown()


@pytest.mark.build
def test_an_edited_template_of_the_theme_folder_reaches_every_page_of_the_preview(tmp_path):
    """A page whose data did not change is still written again when the frame round it did (and
    the compiled templates the preview keeps between rebuilds are not the old ones)."""
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")
    base.write(project, {})
    site_dir = tmp_path / "site"
    config = _rebuild(project, site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        _rebuild(project, site_dir)
        template = project / "overrides/main.html"
        template.write_text(template.read_text(encoding="utf-8").replace(
            "{{ title_text(page.title) }}｜{{ title_text(page.meta.plan_title) }}｜",
            "{{ title_text(page.title) }}｜{{ title_text(page.meta.plan_title) }}｜枠の編集｜"), encoding="utf-8")
        _rebuild(project, site_dir)
        assert "｜枠の編集｜" in BuiltSite(site_dir).page("mini/projects/p-1/").find("title").text()
    finally:
        config.plugins.on_shutdown()


@pytest.mark.build
def test_pages_kept_by_the_preview_never_show_an_old_edit(tmp_path):
    """The preview keeps the pages of the 事業 not edited; the pages that gather 事業 (the print
    page, the glossary's "used on" lists) follow the edit, and after a build stopped by a broken
    file, the edits made meanwhile all reach their pages."""
    from mkdocs.exceptions import Abort

    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")
    base.write(project, {PROJECT: base.FILES[PROJECT].replace("手続をオンラインにします。", "電子申請を広げます。"),
                         OTHER: base.FILES[PROJECT].replace('"1"', '"2"').replace("電子申請の拡充", "窓口の予約")})
    site_dir = tmp_path / "site"
    config = _rebuild(project, site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    first, other = project / PROJECT, project / OTHER

    def edit(path, old, new):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    def page(url):  # the page's text, term links and all markup taken away
        return re.sub(r"<[^>]+>", "", (site_dir / url / "index.html").read_text(encoding="utf-8"))

    def used_on():  # the pages the glossary says use the term
        facts = BuiltSite(site_dir).page("mini/glossary/").find("dl", class_="plan-facts")
        return [a.clean_text() for div in facts.find_all("div") if div.find("dt").text() == "使われているページ"
                for a in div.find_all("a")]

    try:
        _rebuild(project, site_dir)
        edit(other, "手続をオンラインにします。", "電子申請で窓口を予約できます。")
        _rebuild(project, site_dir)
        assert "で窓口を予約できます。" in page("mini/print/projects")  # after the term and its tooltip
        assert {"1 電子申請の拡充", "2 窓口の予約"} <= set(used_on())  # the page of p-2 now uses the term
        edit(other, "電子申請で窓口を予約できます。", "窓口の予約をオンラインで受けます。")
        _rebuild(project, site_dir)
        assert "窓口の予約をオンラインで受けます。" in page("mini/projects/p-2")
        assert "2 窓口の予約" not in used_on() and "1 電子申請の拡充" in used_on()  # p-1's page was kept, with its use of the term

        edit(first, "title: 電子申請の拡充", "title: [電子申請の拡充")  # a broken file stops the build
        with pytest.raises(Abort):
            _rebuild(project, site_dir)
        edit(other, "オンラインで受けます。", "オンラインと電話で受けます。")  # while the build is stopped
        with pytest.raises(Abort):
            _rebuild(project, site_dir)
        edit(first, "title: [電子申請の拡充", "title: 電子申請の拡充")
        _rebuild(project, site_dir)
        assert "窓口の予約をオンラインと電話で受けます。" in page("mini/projects/p-2")
    finally:
        config.plugins.on_shutdown()


@pytest.mark.build  # not MkDocs, but seconds of work: it belongs with the builds
def test_parts_of_a_large_plan_are_kept_unless_they_show_the_edited_project(tmp_path, monkeypatch):
    """The preview's pages and downloads after an edit equal a fresh build's; the indicator list's
    and the roadmap's parts that do not show the edited 事業, and the download pieces of the other
    indicators, are the ones kept from the build before."""
    import yaml

    from plansite.base import urls
    from plansite.base.kept import KeptPieces
    from plansite.build import prepare
    from plansite.progress import export
    from plansite.pages.assemble import site_pages
    from plansite.publishing import open_data
    from plansite.pages.memory import PageMemory
    from scripts.benchmark.synthetic import PLAN_ID, project_file, write_plan

    data = write_plan(tmp_path, 120)
    memory, kept = PageMemory(), KeptPieces()

    def preview_build(edited):  # as Preview.start_build and the plugin do
        memory.edited = edited
        kept.begin(edited)
        ctx = prepare(data, root=tmp_path)
        ctx.kept = kept
        return ctx, {page.url: page for page in site_pages(ctx, memory)}

    _, before = preview_build(None)
    edited = project_file(tmp_path, 0)
    project = yaml.safe_load(edited.read_text(encoding="utf-8"))
    year = min(project["kpis"][0]["targets"])
    project["kpis"][0]["actuals"] = {year: 987654}
    edited.write_text(yaml.safe_dump(project, allow_unicode=True, sort_keys=False), encoding="utf-8")
    remade, written_again = [], []
    item = export._json_item
    monkeypatch.setattr(export, "_json_item", lambda register, entry, url: remade.append(entry.owner.id) or item(register, entry, url))
    as_written = open_data._as_written
    monkeypatch.setattr(open_data, "_as_written",
                        lambda model, **exclude: (written_again.append(model.id) if "id" in exclude else None) or as_written(model, **exclude))
    context, after = preview_build({PLAN_ID: {"p-1"}})
    assert set(remade) == {"p-1"} and len(remade) == len(project["kpis"])  # the open data page made the files
    assert written_again == ["p-1"]  # plan.json: only the edited 事業's entry is made again
    fresh_context = prepare(data, root=tmp_path)
    fresh = {page.url: page for page in site_pages(fresh_context)}
    assert after == fresh
    # The downloads are the fresh build's, byte for byte, with only the edited 事業's indicators made again.
    downloads = {path: file.read_bytes() for path, file in context.files(context.site.plans[0]).items()}
    assert downloads == {path: file.read_bytes() for path, file in fresh_context.files(fresh_context.site.plans[0]).items()}

    def body(url):
        return "".join(section.html for section in after[url].sections)

    for kind in ("indicator-part", "roadmap-part"):
        parts = [url for url, page in after.items() if page.kind == kind]
        showing = [url for url in parts if re.search(r'href="../../projects/p-1/[#"]', body(url))]
        assert len(parts) > 1 and len(showing) == 1, (kind, parts, showing)
        assert all(after[url] is before[url] for url in parts if url not in showing)
        assert after[showing[0]] is not before[showing[0]]
        if kind == "indicator-part":
            assert "987,654" in body(showing[0])
    # A node's page tallies the indicators below it: those above p-1 are made again, the rest kept.
    plan = context.site.plans[0]
    above = {urls.node(plan, node) for node, _ in plan.tree.walk() if any(p.id == "p-1" for p in plan.projects_under(node))}
    nodes = {url for url, page in after.items() if page.kind == "node"}
    assert len(above) > 1 and above < nodes
    assert {url for url in nodes if after[url] is not before[url]} == above
