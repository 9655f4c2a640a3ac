"""Every generated page of a site, in order: each plan's pages (with its earlier editions), then
the pages of the whole site. Term use is recorded here, as the pages are made, for the glossaries.

A build that makes only part of the site (context.Part: a shard's plans, or the merge's pages of
the whole site) still lists every page, in the same order: a page of another part by its URL
alone, which is all MkDocs needs of it for the menu, the sitemap and the manifest."""

from __future__ import annotations

import dataclasses
from typing import Optional, Union

from ..base import urls
from ..base.forked import forked_map
from ..base.urls import Linker
from ..context import BuildContext
from ..model.plan import Plan
from ..publishing.comment_period import comment_period
from ..terms.linking import TermLinks
from ..terms.site_terms import TermHrefs, matcher_for, terms_for, tip
from .catalogue import EDITION_KINDS, LINKED, PLAN_KINDS, UNLINKED
from .edition_pages import with_editions
from .memory import PageMemory
from .notices import notices
from .page import Page
from .site_pages import site_wide_pages, site_wide_urls


def site_pages(ctx: BuildContext, memory: Optional[PageMemory] = None) -> list[Union[Page, str]]:
    """memory: the preview's pages of its last build, kept where an edit cannot have changed them.
    A page that ctx.part leaves to another build is given as its URL."""
    linked = _linked_pages(ctx, memory)
    pages: list[Union[Page, str]] = []
    for plan in ctx.site.plans:
        if not ctx.part.makes(plan):
            pages += plan_page_urls(ctx, plan)
            continue
        own = plan_pages(ctx, plan, *linked[id(plan)], current=True)
        pages += with_editions(plan, own, lambda earlier: plan_pages(ctx, earlier, *linked[id(earlier)]), directory_urls=ctx.directory_urls)
        pages += [kind.page(ctx, plan, item, {}, _no_terms) for kind in EDITION_KINDS for item in kind.items(ctx, plan)]
    # The shared glossary lists its terms' use in every plan, in the order of the plans.
    shared: dict[str, list] = {}
    for plan in ctx.site.plans:
        for term_id, used in ctx.shared_usage.get(plan.id, {}).items():
            shared.setdefault(term_id, []).extend(used)
    ctx.term_usage[None] = shared
    if memory:
        memory.finish()
    return pages + (site_wide_pages(ctx) if ctx.part.site_wide else site_wide_urls(ctx))


def plan_page_urls(ctx: BuildContext, plan: Plan) -> list[str]:
    """The URLs of the pages site_pages makes for a plan, in its order, without making them."""
    found = [kind.url(edition, item) for edition in (plan, *plan.earlier) for kind in PLAN_KINDS for item in kind.items(ctx, edition)]
    return found + [kind.url(plan, item) for kind in EDITION_KINDS for item in kind.items(ctx, plan)]


def _linked_pages(ctx: BuildContext, memory: Optional[PageMemory]) -> dict[int, tuple[_PlanTerms, list]]:
    """id of each plan and earlier edition -> its term links and its linked pages with the terms each uses.
    Linked pages read nothing of each other, so those of the whole site are made in one go, in
    ctx.jobs processes (the preview keeps pages between builds in this process: there, in one)."""
    editions = ctx.editions()
    terms = {id(edition): _PlanTerms(ctx, edition) for edition in editions}
    for edition in editions:
        ctx.register(edition)  # made here once, not again in each process that makes pages
    tasks = [(kind, item, edition) for edition in editions for kind in LINKED for item in kind.items(ctx, edition)]
    made = forked_map(lambda task: _linked_page(ctx, *task, terms[id(task[2])], memory), tasks, 1 if memory else ctx.jobs)
    found: dict[int, tuple[_PlanTerms, list]] = {id(edition): (terms[id(edition)], []) for edition in editions}
    for (_, _, edition), page in zip(tasks, made):
        found[id(edition)][1].append(page)
    return found


def _no_terms(url: str, anchor: str) -> None:
    return None


class _PlanTerms:
    """Makes each page's term links for one plan, and keeps the last one made to read its use."""

    def __init__(self, ctx: BuildContext, plan: Plan):
        self.placed = terms_for(plan, ctx.site)
        self.matcher = matcher_for(self.placed) if self.placed else None
        self.tips = {term_id: tip(placed) for term_id, placed in self.placed.items()}
        self.ctx, self.plan = ctx, plan
        self.last: Optional[TermLinks] = None

    def __call__(self, url: str, anchor: str) -> Optional[TermLinks]:
        if not self.placed:
            self.last = None
            return None
        hrefs = TermHrefs(self.placed, Linker(url, directory_urls=self.ctx.directory_urls, root=urls.plan_home(self.plan)))
        mode = self.plan.meta.term_links
        self.last = TermLinks(self.matcher, hrefs, self.tips, every=mode == "every",
                              tip_prefix=f"term-tip-{anchor}" if anchor else "term-tip", enabled=mode != "off")
        return self.last


def _linked_page(ctx: BuildContext, kind, item, plan: Plan, terms: _PlanTerms,
                 memory: Optional[PageMemory]) -> tuple[Page, tuple[str, ...]]:
    """A page and the terms it uses: made, or kept by the preview from its last build."""
    kept = memory.recall(kind, ctx, plan, item, kind.url(plan, item)) if memory else None
    if kept is not None:
        page, used = kept.page, kept.terms
    else:
        page = kind.page(ctx, plan, item, {}, terms)
        used = tuple(sorted(terms.last.used)) if terms.last else ()
    if memory:
        memory.remember(kind, ctx, plan, item, page, used)
    return page, used


def plan_pages(ctx: BuildContext, plan: Plan, terms: _PlanTerms, linked: list[tuple[Page, tuple[str, ...]]],
               *, current: bool = False) -> list[Page]:
    """One plan's pages from its linked pages (_linked_pages). Where the plan uses the shared
    glossary's terms is kept in ctx.shared_usage for the current edition (the shared glossary
    lists the current editions' pages only)."""
    made: dict[str, Page] = {}
    usage: dict[str, list[tuple[str, str, str]]] = {}
    for page, used in linked:
        made[page.url] = page
        for term_id in used:
            usage.setdefault(term_id, []).append((plan.meta.title, page.title, page.url))
    ctx.term_usage[id(plan)] = usage
    if current:
        shared = {term_id for term_id, placed in terms.placed.items() if placed.home is None}
        ctx.shared_usage[plan.id] = {term_id: used for term_id, used in usage.items() if term_id in shared}
    for kind in UNLINKED:
        for item in kind.items(ctx, plan):
            page = kind.page(ctx, plan, item, made, _no_terms)
            made[page.url] = page
    period = comment_period(plan.meta, ctx.site.today) if ctx.site.today else None
    found = notices(plan, list(made.values()), period, directory_urls=ctx.directory_urls)
    return [dataclasses.replace(page, notice=found[page.url]) if page.url in found else page for page in made.values()]
