"""A plan of a thousand 事業: no page grows with the plan, and the whole-plan pages come in parts
that together hold every 事業 once."""

from __future__ import annotations

import posixpath

import pytest

from probe import Probe
from scripts.benchmark.synthetic import write_plan

PAGE_LIMIT = 1_500_000  # bytes of a page's own HTML (the theme adds its menu around it); docs/authoring/performance.md


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    root = tmp_path_factory.mktemp("thousand")
    write_plan(root, 1000)
    return Probe.of_folder(root)


@pytest.mark.build  # not MkDocs, but seconds of work: it belongs with the builds
def test_no_page_of_a_thousand_project_plan_exceeds_the_limit(thousand):
    sizes = {url: len(thousand.source(url).encode("utf-8")) for url in thousand.pages}
    assert len(sizes) > 1000
    assert {url: size for url, size in sizes.items() if size > PAGE_LIMIT} == {}


@pytest.mark.build
def test_parts_of_the_whole_plan_pages_hold_every_project_once(thousand):
    plan = "bench-dx"
    books = [url for url, page in thousand.pages.items() if page.kind == "print-projects-part"]
    printed = [h.id for url in books for h in thousand.page(url).headings() if h.level == 2]
    assert sorted(printed) == sorted(f"project-p-{i}" for i in range(1, 1001))
    index = thousand.html(f"{plan}/print/")
    linked = {posixpath.normpath(posixpath.join(f"{plan}/print/", a.attrs["href"])) + "/" for a in index.find_all("a")}
    assert linked >= set(books)
    rows = sum(len(thousand.html(url).find("table", class_="plan-indicator-list").find_all("tr")) - 1
               for url, page in thousand.pages.items() if page.kind == "indicator-part")
    assert rows == len(thousand.context.register(thousand.context.site.plans[0]).entries)
    summary = thousand.html(f"{plan}/indicators/")
    assert not summary.find_all("table", class_="plan-indicator-list") and "基本目標ごとのページに分けています" in summary.clean_text()
