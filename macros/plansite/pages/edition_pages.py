"""What editions add: every earlier edition in full under <plan>/editions/<edition-id>/, the list of
editions, the changes page, and on every page of the plan its edition and links to the same page
in the other editions."""

from __future__ import annotations

import dataclasses
from typing import Callable

from markupsafe import Markup

from ..base import urls
from ..editions.changes import PROJECT_KINDS, Place, edition_history
from ..editions.names import CHANGES_TITLE, EDITIONS_TITLE, as_of, label
from ..model.plan import Plan
from ..render.environment import render
from .kinds import PageKind, Request
from .page import Page
from .sections import page_sections


def with_editions(plan: Plan, pages: list[Page], pages_of: Callable[[Plan], list[Page]], *, directory_urls: bool) -> list[Page]:
    """The plan's pages and its earlier editions' pages, each with its edition bar (nothing changes
    for a plan with one edition). pages_of(edition) makes an earlier edition's pages."""
    if not plan.earlier:
        return pages
    by_edition = {plan: pages}
    for earlier in plan.earlier:
        title = f"{earlier.meta.title}（{label(earlier.meta.edition)}）"
        by_edition[earlier] = [
            dataclasses.replace(page, plan_title=title, title=title if page.title == earlier.meta.title else page.title)
            for page in pages_of(earlier)
        ]
    known = {edition: {page.url for page in edition_pages} for edition, edition_pages in by_edition.items()}
    return [dataclasses.replace(page, edition_bar=_bar(page, edition, plan, known, directory_urls))
            for edition, edition_pages in by_edition.items() for page in edition_pages]


def _bar(page: Page, edition: Plan, current: Plan, known: dict[Plan, set[str]], directory_urls: bool) -> Markup:
    """Which edition the page belongs to, with links to the same page in the other editions."""
    link = urls.Linker(page.url, directory_urls=directory_urls)
    path = page.url[len(urls.plan_home(edition)):]

    def entry(other: Plan) -> dict:
        home = urls.plan_home(other)
        exists = home + path in known[other]
        return {"label": label(other.meta.edition), "as_of": as_of(other.meta.edition), "newest": other is current,
                "href": link(home + path if exists else home), "exists": exists}

    editions = [current, *current.earlier]
    return Markup(render("components/edition_bar.html", here=entry(edition), newest=entry(current),
                         others=[entry(other) for other in editions if other is not edition], changes_href=link(urls.changes(current))))


def _anchor(changes) -> str:
    return f"{changes.older.meta.edition.id}-to-{changes.newer.meta.edition.id}"


def _owner(place: Place) -> tuple[str, str]:
    """(title, url) of the project or node a change belongs to, in the edition that shows it."""
    if place.is_project:
        return place.owner.numbered_title, urls.project(place.edition, place.owner)
    return place.edition.display_name(place.owner), urls.node(place.edition, place.owner)


def _editions(request: Request):
    plan = request.plan
    history = {changes.newer: changes for changes in edition_history(plan)}
    return page_sections("editions", request, editions=[plan, *plan.earlier], history=history, anchor=_anchor,
                         changes_title=CHANGES_TITLE, label=label, as_of=as_of)


def _changes(request: Request):
    return page_sections("changes", request, history=edition_history(request.plan), anchor=_anchor,
                         project_kinds=PROJECT_KINDS, owner=_owner, label=label, as_of=as_of)


def _several(ctx, plan: Plan):
    return (None,) if plan.earlier else ()


# These two pages span every edition, so they carry no edition bar of their own.
EDITIONS = PageKind("editions", url=lambda plan, item: urls.editions(plan), title=lambda plan, item: EDITIONS_TITLE,
                    body=_editions, items=_several)
CHANGES = PageKind("changes", url=lambda plan, item: urls.changes(plan), title=lambda plan, item: CHANGES_TITLE,
                   body=_changes, items=_several)
