"""What search finds: one record per page, plus records for glossary terms and earlier-plan projects.

A term or an old project gets its own record (a link to its row) so that a query for it lands on
the row, ranked by its own title, rather than on a long page that mentions everything.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from ..context import WHOLE, Part
from ..model.plan import Plan, Site
from ..base import urls
from ..pages.page import Page
from ..pages.site_pages import SHARED_GLOSSARY
from ..terms.site_terms import description_text
from ..text.json_stream import Written, written
from .extract import block_text, html_text
from .normalise import display_form



@dataclass(frozen=True)
class Record:
    url: str  # from the site root, as MkDocs writes it (with index.html when directory URLs are off)
    title: str
    plan: str = ""
    path: tuple[str, ...] = ()  # the hierarchy above the page, plan first
    keywords: tuple[str, ...] = ()  # item numbers, 主管課, 別表記: matched like the title, ranked just below it
    text: str = ""

    @functools.cached_property  # the preview keeps a page's record while the page is unchanged, and with it this
    def row(self) -> Written:
        """The record as the index stores it (the browser script reads the fields by position)."""
        return written([self.url, display_form(self.title), self.plan, [display_form(p) for p in self.path],
                        "\n".join(display_form(k) for k in self.keywords), display_form(self.text)])


def page_record(page: Page, url: str) -> Record:
    """A generated page's record: its place from the page data, its text from its blocks."""
    parts = [block_text(page.edition_bar)] if page.edition_bar else []
    for section in page.sections:
        parts += [section.heading.text] if section.heading else []
        parts.append(block_text(section.html))
    return Record(url, page.title, page.plan_title, page.search_path, page.keywords, " ".join(part for part in parts if part))


def text_record(url: str, title: str, path: tuple[str, ...], html: str) -> Record:
    """A hand-written page's record: its text as MkDocs rendered it, its place in the menu."""
    return Record(url, title, "", path, (), html_text(html))


def model_records(site: Site, page_url: Callable[[str], str], part: Part = WHOLE) -> list[Record]:
    """Records for rows inside pages: glossary terms (with 別表記) and the earlier plan's projects,
    of the pages this part of the build makes."""
    records: list[Record] = []
    for plan in filter(part.makes, site.plans):
        records += _term_records(plan.glossary.terms if plan.glossary else (), plan, page_url)
        records += _old_project_records(plan, page_url)
    if site.glossary and part.site_wide:
        records += _term_records(site.glossary.terms, None, page_url)
    return records


def _term_records(terms, plan: Plan | None, page_url) -> list[Record]:
    where = page_url(urls.glossary(plan))
    path = (plan.meta.title, "用語集") if plan else (SHARED_GLOSSARY,)
    return [
        Record(
            url=f"{where}#term-{term.id}", title=term.term, plan=plan.meta.title if plan else "", path=path,
            keywords=(*term.aliases, *([term.english] if term.english else ()), term.reading),
            text=description_text(term),
        )
        for term in terms
    ]


def _old_project_records(plan: Plan, page_url) -> list[Record]:
    if not plan.lineage:
        return []
    where = page_url(urls.lineage(plan))
    return [
        Record(
            url=f"{where}#old-{old.anchor}", title=f"{old.number} {old.title}（{plan.lineage.predecessor.title}の事業）",
            plan=plan.meta.title, path=(plan.meta.title, "前計画からの移行", *filter(None, (old.policy, old.measure))),
            keywords=(old.number, *old.departments), text=" ".join(filter(None, (old.status_label, old.note))),
        )
        for old in plan.lineage.projects
    ]
