"""A generated page as data, from the model until the frame template writes its HTML.

Every later stage (notices, edition bars, print pages, search, the menu) reads or replaces these
fields; none of them edits or parses the HTML a page turns into.
"""

from __future__ import annotations

import dataclasses
import zlib
from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup


@dataclass(frozen=True)
class Heading:
    level: int  # 2 for a section of the page, 3 for one inside it …
    text: str  # plain text, escaped when written
    id: str
    css: str = ""


@dataclass(frozen=True)
class Section:
    """One block of a page body: an optional heading and the HTML under it.

    The HTML is kept compressed: every page of a plan is made before MkDocs writes the first, and
    a plan of thousands of 事業 would otherwise hold hundreds of megabytes of blocks at once."""

    heading: Optional[Heading]
    packed: bytes

    @classmethod
    def of(cls, heading: Optional[Heading], html: str) -> "Section":
        return cls(heading, zlib.compress(str(html).encode("utf-8"), 1))

    @property
    def html(self) -> Markup:
        return Markup(zlib.decompress(self.packed).decode("utf-8"))

    def nested(self, prefix: str) -> "Section":
        """The same block one heading level down, its heading id prefixed: a page placed inside a
        print page, where the page itself becomes a section."""
        if self.heading is None:
            return self
        heading = dataclasses.replace(self.heading, level=min(6, self.heading.level + 1), id=f"{prefix}-{self.heading.id}")
        return dataclasses.replace(self, heading=heading)


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


@dataclass(frozen=True)
class Page:
    kind: str  # the PageKind key that made it
    url: str
    title: str  # menu and <title>
    heading: str  # the h1
    sections: tuple[Section, ...]
    plan_title: str = ""  # "" for pages of the whole site
    breadcrumbs: tuple[Crumb, ...] = ()
    notice: Markup = Markup("")  # the public comment notice and reference, after the h1
    edition_bar: Markup = Markup("")  # which edition this page belongs to, after the notice
    searchable: bool = True  # False for pages that repeat others (print) or only list files
    keywords: tuple[str, ...] = ()  # what search matches beyond the text: 事業番号, 主管課, 旧名称
    menu_path: tuple[str, ...] = ()  # the menu sections above a page without breadcrumbs (its plan)

    @property
    def search_path(self) -> tuple[str, ...]:
        """The hierarchy above the page, as search results show it (plan first)."""
        return tuple(crumb.title for crumb in self.breadcrumbs) or self.menu_path

    def headings(self) -> list[Heading]:
        return [section.heading for section in self.sections if section.heading]
