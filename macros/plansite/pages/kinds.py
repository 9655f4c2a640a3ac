"""What a kind of page is: one declaration per kind, from which the page list, the menu and the
page labels all follow (see catalogue.py for the declarations)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterable, Optional

from ..base import urls
from ..base.urls import Linker
from ..context import BuildContext
from ..model.plan import Plan
from .page import Crumb, Page, Section


@dataclass(frozen=True)
class Request:
    """Everything a body builder gets: the build, the plan, the item the page is about (None for
    a page of the whole plan), the page's link context, and the plan's pages made before it."""

    ctx: BuildContext
    plan: Plan
    item: Any
    link: Linker
    earlier: dict  # url -> Page, the plan's pages already made (print pages reuse their sections)


def _one(ctx: BuildContext, plan: Plan) -> Iterable:
    return (None,)


def _under_home(plan: Plan, item: Any) -> tuple[Crumb, ...]:
    return (Crumb(plan.meta.title, urls.plan_home(plan)),)


@dataclass(frozen=True)
class PageKind:
    key: str
    url: Callable[[Plan, Any], str]
    title: Callable[[Plan, Any], str]  # menu and <title>
    body: Callable[[Request], tuple[Section, ...]]
    heading: Optional[Callable[[Plan, Any], str]] = None  # the h1, when it differs from the title
    items: Callable[[BuildContext, Plan], Iterable] = _one  # what gets a page of this kind; () when none
    crumbs: Callable[[Plan, Any], tuple[Crumb, ...]] = _under_home
    searchable: bool = True  # False for pages that repeat others or only list files
    anchor: Callable[[Plan, Any], str] = lambda plan, item: ""  # its section's id on a print page
    scoped_ids: bool = False  # ids inside its blocks carry the anchor (pages whose components could repeat in print)
    keywords: Callable[[Plan, Any], tuple[str, ...]] = lambda plan, item: ()
    menu_path: Callable[[Plan, Any], tuple[str, ...]] = lambda plan, item: ()  # search path of a page without breadcrumbs
    # For a page that shows some 事業 (`shows`) and, of the rest of the plan, only what this gives:
    # the preview keeps the page while neither changes (memory.PageMemory). None: made every time.
    reuse_key: Optional[Callable[[BuildContext, Plan], Hashable]] = None
    shows: Callable[[Plan, Any], Iterable[str]] = lambda plan, item: (item.id,)  # ids of the 事業 files it shows

    def exists(self, ctx: BuildContext, plan: Plan) -> bool:
        return any(True for _ in self.items(ctx, plan))

    def page(self, ctx: BuildContext, plan: Plan, item: Any, earlier: dict, terms) -> Page:
        """The page for one item; terms(url, anchor) gives the page's glossary links (or None)."""
        url = self.url(plan, item)
        anchor = self.anchor(plan, item)
        link = Linker(url, directory_urls=ctx.directory_urls, terms=terms(url, anchor), scope=anchor if self.scoped_ids else "",
                      root=urls.plan_home(plan))
        title = self.title(plan, item)
        return Page(
            kind=self.key, url=url, title=title, heading=self.heading(plan, item) if self.heading else title,
            sections=self.body(Request(ctx, plan, item, link, earlier)), plan_title=plan.meta.title,
            breadcrumbs=self.crumbs(plan, item), searchable=self.searchable, keywords=self.keywords(plan, item),
            menu_path=self.menu_path(plan, item),
        )
