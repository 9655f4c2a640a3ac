"""PDFs of a plan for council members and the city's web team: tagged, with bookmarks, the
plan's title and language, embedded fonts whose text reads back in order, linked from the
plan's home page with their size, and dropped when the pages they came from have changed."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from conftest import BuiltSite, build_site, copy_project
from plansite.pdf.files import PDF_DIR, read_index
from plansite.pdf.make import make_pdfs

pytestmark = [pytest.mark.build, pytest.mark.browser]

PLAN = "sagamihara-ict-1"  # small, with both a 計画書全体 and a 事業集


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("pdf"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", f"      data_dir: data\n      plans: [{PLAN}]\n"), encoding="utf-8")
    build_site(project, project / "first")
    index = make_pdfs(project / "first", project / PDF_DIR, progress=lambda line: None)
    build_site(project, project / "site")
    return project, index


def reader(project, part: str) -> PdfReader:
    index = read_index(project / PDF_DIR)
    return PdfReader(project / PDF_DIR / next(f.url for f in index.files if f.part == part))


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def outline_titles(outline) -> list[str]:
    return [t for item in outline for t in (outline_titles(item) if isinstance(item, list) else [item.title])]


@pytest.mark.parametrize("part, label", [("plan", "計画書全体"), ("projects", "事業集")])
def test_each_pdf_is_tagged_japanese_titled_and_has_embedded_fonts(made, site_model, part, label):
    project, _ = made
    pdf = reader(project, part)
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "ja"
    plan = site_model.plan_by_id[PLAN]
    assert pdf.metadata.title == f"{plan.meta.title}（{label}）"
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/Type0", font  # not Type 3 glyph shapes, which are no longer text
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor and "/ToUnicode" in font


def test_the_project_book_has_a_page_and_a_bookmark_for_every_project(made, site_model):
    project, index = made
    plan = site_model.plan_by_id[PLAN]
    pdf = reader(project, "projects")
    assert len(pdf.pages) == next(f.pages for f in index.files if f.part == "projects")
    assert len(pdf.pages) > len(plan.projects)  # the contents, then each project from a new page
    bookmarks = [compact(title) for title in outline_titles(pdf.outline)]
    for item in plan.projects:
        assert compact(f"{item.number} {item.title}") in bookmarks


def test_a_project_page_reads_back_as_text_in_reading_order(made, site_model):
    project, _ = made
    item = site_model.plan_by_id[PLAN].projects[1]
    pdf = reader(project, "projects")
    page = next(p for p in pdf.pages if compact(p.extract_text()).startswith(compact(f"{item.number} {item.title}")))
    text = compact(page.extract_text())
    departments = site_model.plan_by_id[PLAN].meta.words.departments  # the plan's word (所管課)
    positions = [text.find(compact(part)) for part in (item.title, "区分", "施策", departments, item.departments[0])]
    assert -1 not in positions and positions == sorted(positions), positions


def test_the_plan_home_links_the_pdfs_with_their_size(made):
    project, index = made
    site = BuiltSite(project / "site")
    items = [li.clean_text() for li in site.page(f"{PLAN}/").find("h2", id="print").parent.find_all("li") if "PDF" in li.clean_text()]
    assert len(items) == 2
    for item, pdf in zip(items, index.files):
        assert re.fullmatch(rf"PDF（{'計画書全体' if pdf.part == 'plan' else '事業集'}）（[\d.]+ (MB|KB)、{pdf.pages}ページ、見出しのしおり付き）", item), item
        assert (site.path / pdf.url).read_bytes() == (project / PDF_DIR / pdf.url).read_bytes()


def test_pdfs_of_earlier_data_are_not_published(made, tmp_path):
    project, index = made
    chapter = next((project / "data/plans" / PLAN).glob("chapters/*.md"))
    original = chapter.read_text(encoding="utf-8")
    try:
        chapter.write_text(original + "\n追記した段落です。\n", encoding="utf-8")
        build_site(project, tmp_path / "site")
    finally:
        chapter.write_text(original, encoding="utf-8")
    site = BuiltSite(tmp_path / "site")
    assert "PDF（" not in site.page(f"{PLAN}/").find("article").clean_text()
    assert not any((tmp_path / "site" / pdf.url).exists() for pdf in index.files)
