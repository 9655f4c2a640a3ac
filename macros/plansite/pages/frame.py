"""A page's HTML, written once by one frame template, and its table of contents from its headings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base.urls import Linker
from ..render import components
from ..render.environment import render
from .page import Page


def page_html(page: Page, *, directory_urls: bool) -> str:
    return render("pages/frame.html", page=page, components=components, link=Linker(page.url, directory_urls=directory_urls))


@dataclass
class TocEntry:
    level: int
    id: str
    title: str  # plain text
    children: list["TocEntry"] = field(default_factory=list)


def table_of_contents(page: Page) -> TocEntry:
    """The page heading with every section heading nested below it by level."""
    top = TocEntry(1, "page-title", page.heading)
    stack = [top]
    for heading in page.headings():
        entry = TocEntry(heading.level, heading.id, heading.text)
        while len(stack) > 1 and stack[-1].level >= heading.level:
            stack.pop()
        stack[-1].children.append(entry)
        stack.append(entry)
    return top
