"""Page bodies as sections: from a page template, or from a chapter's Markdown.

A page template writes each block of the page inside ``{% call section(title, id) %} … {% endcall %}``
(``section()`` without a title for the blocks before the first heading). The template's own
output outside those calls must be blank: every word of a page belongs to a section, so the
headings stay data for the table of contents, the print page and search.
"""

from __future__ import annotations

from typing import Optional

from ..base import urls
from ..render import components
from ..render.environment import render
from ..render.sdgs import SDG_NAMES
from ..text import dates
from ..text.markdown import chapter_blocks
from .page import Heading, Section


class _Sections:
    """The ``section`` callable a page template receives; it keeps the blocks in document order."""

    def __init__(self):
        self.found: list[Section] = []

    def __call__(self, title: Optional[str] = None, id: str = "", level: int = 2, css: str = "", *, caller) -> str:
        html = str(caller()).strip()
        if title is not None or html:
            heading = Heading(level, title, id, css) if title is not None else None
            self.found.append(Section.of(heading, html))
        return ""


def template_sections(template: str, **context) -> tuple[Section, ...]:
    sections = _Sections()
    outside = render(template, section=sections, **context)
    if outside.strip():
        raise ValueError(f"{template}: section() の外に出力があります: {outside.strip()[:80]!r}")
    return tuple(sections.found)


def chapter_sections(markdown: str, component, *, first_line: int, terms=None) -> tuple[Section, ...]:
    """A chapter's blocks; component(yaml_body, line) renders a ```plan fence."""
    return tuple(
        Section.of(Heading(*block.heading) if block.heading else None, block.html)
        for block in chapter_blocks(markdown, component, first_line=first_line, terms=terms)
    )


def page_sections(template: str, request, **context) -> tuple[Section, ...]:
    """The sections of a page template (pages/<template>.html) with what every page template may use."""
    site = request.ctx.site
    return template_sections(
        f"pages/{template}.html", plan=request.plan, site=site, link=request.link, urls=urls, components=components,
        dates=dates, sdg_names=SDG_NAMES, site_priorities=site.priorities, words=components.words_of(request.plan), **context,
    )
