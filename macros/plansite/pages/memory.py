"""What the preview remembers of its last build, so that an edit of one 事業 file makes again only
the pages that can show that edit.

A kind of page with a ``reuse_key`` (see kinds.PageKind) shows its own item and, of the rest of
the plan, only what that key gives. Such a page is kept from the last build when the only data
files that changed are other 事業 files of its plan, the menu is unchanged, and its key is the
same. Every other page is made again: lists, parts, print pages, the glossary and the home page
gather many 事業, and they are few.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Hashable, Optional

from .page import Page


@dataclass(frozen=True)
class Kept:
    page: Page
    terms: tuple[str, ...]  # the glossary terms the page uses, for the glossary's "used on" lists
    key: Hashable


@dataclass
class PageMemory:
    # plan id -> ids of the 事業 whose files changed since the last build; None when anything else
    # changed (or there was no last build), and nothing is kept.
    edited: Optional[dict[str, set[str]]] = None
    _kept: dict[str, Kept] = field(default_factory=dict)
    _next: dict[str, Kept] = field(default_factory=dict)

    def recall(self, kind, plan, item: Any, url: str) -> Optional[Kept]:
        if kind.reuse_key is None:
            return None
        key = kind.reuse_key(plan)
        found = self._kept.get(url)
        if (self.edited is None or found is None or found.key != key
                or getattr(item, "id", None) in self.edited.get(plan.id, ())):
            return None
        return found

    def remember(self, kind, plan, page: Page, terms: tuple[str, ...]) -> None:
        if kind.reuse_key is not None:
            self._next[page.url] = Kept(page, terms, kind.reuse_key(plan))

    def finish(self) -> None:
        """The pages of this build become the ones the next build may keep."""
        self._kept, self._next = self._next, {}
