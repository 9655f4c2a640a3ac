"""Pages of the whole site rather than of one plan: the shared glossary and the comparison of
the plans by the national 重点取組事項."""

from __future__ import annotations

from ..base import urls
from ..base.urls import Linker
from ..context import BuildContext
from .kinds import Request
from .page import Page
from .reference_pages import glossary_sections
from .sections import page_sections

SHARED_GLOSSARY = "共通の用語集"


def _request(ctx: BuildContext, url: str, terms=None) -> Request:
    return Request(ctx, None, None, Linker(url, directory_urls=ctx.directory_urls, terms=terms), {})


def shared_glossary(ctx: BuildContext) -> Page:
    url = urls.glossary(None)
    sections = glossary_sections(_request(ctx, url), ctx.site.glossary, ctx.term_usage.get(None, {}))
    return Page("shared-glossary", url, SHARED_GLOSSARY, SHARED_GLOSSARY, sections)


def priority_rows(ctx: BuildContext) -> list[tuple]:
    """(priority, [(plan, [items tagged with it])]) for the comparison page."""
    rows = []
    for priority in ctx.site.priorities.items:
        per_plan = []
        for plan in ctx.site.plans:
            items = [n for n, _ in plan.tree.walk() if priority.id in n.priorities]
            items += [p for p in plan.projects if priority.id in p.priorities]
            per_plan.append((plan, items))
        rows.append((priority, per_plan))
    return rows


def priorities(ctx: BuildContext) -> Page:
    url = urls.priorities()
    title = ctx.site.priorities.title
    sections = page_sections("priorities", _request(ctx, url), rows=priority_rows(ctx))
    return Page("priorities", url, title, f"{title}と各計画", sections)


def site_wide_pages(ctx: BuildContext) -> list[Page]:
    makers = {urls.glossary(None): shared_glossary, urls.priorities(): priorities}
    return [makers[url](ctx) for url in site_wide_urls(ctx)]


def site_wide_urls(ctx: BuildContext) -> list[str]:
    """The URLs of the pages of the whole site, in the order they are made."""
    found = [urls.glossary(None)] if ctx.site.glossary else []
    if ctx.site.priorities and len(ctx.site.plans) > 1:
        found.append(urls.priorities())
    return found
