"""What the preview remembers of its last build, so that an edit of one 事業 file makes again only
the pages that can show that edit.

A kind of page with a ``reuse_key`` (see kinds.PageKind) shows the 事業 its ``shows`` names (a
事業's page its own; a node's page those below it; a part of a large plan's indicator list or
roadmap those of the part) and, of the rest of the plan, only what that key gives. Such a page is
kept from the last build when the only data files that changed are 事業 files of its plan that it
did not show and does not show now, the menu is unchanged, and its key is the same. Every other
page is made again: the whole plan's lists, print pages, the glossary and the home page gather
every 事業, and they are few.
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
    shows: frozenset[str]  # the 事業 it showed


@dataclass
class PageMemory:
    # plan id -> ids of the 事業 whose files changed since the last build; None when anything else
    # changed (or there was no last build), and nothing is kept.
    edited: Optional[dict[str, set[str]]] = None
    _kept: dict[str, Kept] = field(default_factory=dict)
    _next: dict[str, Kept] = field(default_factory=dict)

    def recall(self, kind, ctx, plan, item: Any, url: str) -> Optional[Kept]:
        if kind.reuse_key is None or self.edited is None:
            return None
        found = self._kept.get(url)
        if found is None or found.key != kind.reuse_key(ctx, plan):
            return None
        edited = self.edited.get(plan.id, set())
        # A 事業 that moved from one part to another was shown by the old page and is by the new one.
        if not edited.isdisjoint(found.shows) or not edited.isdisjoint(kind.shows(plan, item)):
            return None
        return found

    def remember(self, kind, ctx, plan, item: Any, page: Page, terms: tuple[str, ...]) -> None:
        if kind.reuse_key is not None:
            self._next[page.url] = Kept(page, terms, kind.reuse_key(ctx, plan), frozenset(kind.shows(plan, item)))

    def finish(self) -> None:
        """The pages of this build become the ones the next build may keep."""
        self._kept, self._next = self._next, {}
