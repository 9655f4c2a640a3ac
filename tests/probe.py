"""The engine without MkDocs: a plan written as an inline file tree (or the repository's data), read
and checked as a build would, with its pages, menu and downloads as data to assert on.

    probe = Probe.of({"data/plans/mini/plan.yaml": "...", ...}, tmp_path)
    probe.page("mini/projects/p-1/").headings()

A page's HTML is still at hand (probe.html(url)) for the facts that only markup holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Optional

from htmlquery import Element, parse

from plansite.build import prepare
from plansite.context import BuildContext
from plansite.pages.assemble import site_pages
from plansite.pages.frame import page_html
from plansite.pages.navigation import MenuItem, menu
from plansite.pages.page import Page


@dataclass
class Probe:
    context: BuildContext
    root: Path

    @classmethod
    def of(cls, files: dict, root: Path, *, today: Optional[str] = "2026-06-01", docs: bool = False) -> "Probe":
        """files: path below root -> text (or bytes); only what the case needs beside a plan."""
        for relative, content in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
        return cls(prepare(root / "data", root=root, today=today, docs_dir=root / "docs" if docs else None), root)

    @classmethod
    def of_folder(cls, root: Path, plans: Optional[list[str]] = None, *, today: Optional[str] = None) -> "Probe":
        return cls(prepare(root / "data", plans, root=root, today=today), root)

    @cached_property
    def pages(self) -> dict[str, Page]:
        return {page.url: page for page in site_pages(self.context)}

    @cached_property
    def menu(self) -> list[MenuItem]:
        return menu(self.context)

    def page(self, url: str) -> Page:
        url = url.strip("/") + "/"
        assert url in self.pages, f"ページ {url} がありません（あるページ: {', '.join(sorted(self.pages))[:400]}）"
        return self.pages[url]

    def source(self, url: str) -> str:
        """The HTML the page's frame writes (what goes inside the theme's article)."""
        return page_html(self.page(url), directory_urls=self.context.directory_urls)

    def html(self, url: str) -> Element:
        return parse(self.source(url))

    def text(self, url: str) -> str:
        return self.html(url).clean_text()

    def menu_titles(self, items: Optional[list[MenuItem]] = None) -> list:
        """The menu as nested (title, [children]) pairs."""
        return [(item.title, self.menu_titles(list(item.children))) if item.children else item.title
                for item in (self.menu if items is None else items)]

    def files(self, plan_id: str) -> dict[str, str]:
        files = self.context.files(self.context.site.plan_by_id[plan_id])
        return {path: written.read_bytes().decode("utf-8") for path, written in files.items()}
