"""Every generated page of a site, in order: each plan's pages (with its earlier editions), then
the pages of the whole site. Term use is recorded here, as the pages are made, for the glossaries."""

from __future__ import annotations

import dataclasses
from typing import Optional

from ..base import urls
from ..base.forked import forked_map
from ..base.urls import Linker
from ..context import BuildContext
from ..model.plan import Plan
from ..publishing.comment_period import comment_period
from ..terms.linking import TermLinks
from ..terms.site_terms import TermHrefs, matcher_for, terms_for, tip
from .catalogue import EDITION_KINDS, LINKED, UNLINKED
from .edition_pages import with_editions
from .memory import PageMemory
from .notices import notices
from .page import Page
from .site_pages import site_wide_pages


def site_pages(ctx: BuildContext, memory: Optional[PageMemory] = None) -> list[Page]:
    """memory: the preview's pages of its last build, kept where an edit cannot have changed them."""
    linked = _linked_pages(ctx, memory)
    pages: list[Page] = []
    shared_usage: dict[str, list] = {}
    for plan in ctx.site.plans:
        own = plan_pages(ctx, plan, *linked[id(plan)], shared_usage)
        pages += with_editions(plan, own, lambda earlier: plan_pages(ctx, earlier, *linked[id(earlier)]), directory_urls=ctx.directory_urls)
        pages += [kind.page(ctx, plan, item, {}, _no_terms) for kind in EDITION_KINDS for item in kind.items(ctx, plan)]
    ctx.term_usage[None] = shared_usage
    if memory:
        memory.finish()
    return pages + site_wide_pages(ctx)


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
               shared_usage: Optional[dict] = None) -> list[Page]:
    """One plan's pages from its linked pages (_linked_pages). shared_usage collects, across plans,
    where the shared glossary's terms are used."""
    made: dict[str, Page] = {}
    usage: dict[str, list[tuple[str, str, str]]] = {}
    for page, used in linked:
        made[page.url] = page
        for term_id in used:
            usage.setdefault(term_id, []).append((plan.meta.title, page.title, page.url))
    ctx.term_usage[id(plan)] = usage
    if shared_usage is not None:
        for term_id in usage.keys() & {term_id for term_id, placed in terms.placed.items() if placed.home is None}:
            shared_usage.setdefault(term_id, []).extend(usage[term_id])
    for kind in UNLINKED:
        for item in kind.items(ctx, plan):
            page = kind.page(ctx, plan, item, made, _no_terms)
            made[page.url] = page
    period = comment_period(plan.meta, ctx.site.today) if ctx.site.today else None
    found = notices(plan, list(made.values()), period, directory_urls=ctx.directory_urls)
    return [dataclasses.replace(page, notice=found[page.url]) if page.url in found else page for page in made.values()]
