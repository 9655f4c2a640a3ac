"""The pages editions add: every earlier edition in full under <plan>/editions/<edition-id>/,
the list of editions, the changes page, and on every page of the plan its edition and links
to the same page in the other editions.
"""

from __future__ import annotations

import dataclasses

from ..model.plan import Plan, Site
from ..base import urls
from ..pages.generate import GeneratedPage, node_title, plan_pages, project_title
from ..render.environment import render
from .changes import PROJECT_KINDS, Place, edition_history
from .names import CHANGES_TITLE, EDITIONS_TITLE, as_of, label


def with_editions(site: Site, pages: list[GeneratedPage], *, directory_urls: bool = True) -> list[GeneratedPage]:
    """The site's pages plus what editions add; each page of an edition of a plan that has several
    shows which edition it belongs to."""
    result = list(pages)
    for plan in site.plans:
        if not plan.earlier:
            continue
        linker = _linker(directory_urls)
        by_edition = {plan: [page for page in result if page.url.startswith(urls.plan_home(plan))]}
        for earlier in plan.earlier:
            title = f"{earlier.meta.title}（{label(earlier.meta.edition)}）"
            by_edition[earlier] = [
                dataclasses.replace(page, plan_title=title, title=title if page.title == earlier.meta.title else page.title)
                for page in plan_pages(earlier, site, directory_urls=directory_urls)
            ]
        known = {edition: {page.url for page in pages_} for edition, pages_ in by_edition.items()}
        marked = {page.url: _mark(page, edition, plan, known, linker) for edition, pages_ in by_edition.items() for page in pages_}
        result = [marked.pop(page.url, page) for page in result] + list(marked.values())
        # These two pages span every edition, so they carry no edition bar of their own.
        result += [_editions_page(plan, linker), _changes_page(plan, linker)]
    return result


def _linker(directory_urls: bool):
    return lambda url: urls.Linker(url, directory_urls=directory_urls)


def _mark(page: GeneratedPage, edition: Plan, current: Plan, known: dict[Plan, set[str]], linker) -> GeneratedPage:
    """The page with its edition bar right after its heading (the breadcrumbs stay first).

    known: the page URLs of each edition, to link to the same page where it exists."""
    link = linker(page.url)
    path = page.url[len(urls.plan_home(edition)):]

    def entry(other: Plan) -> dict:
        home = urls.plan_home(other)
        exists = home + path in known[other]
        return {"label": label(other.meta.edition), "as_of": as_of(other.meta.edition), "newest": other is current,
                "href": link(home + path if exists else home), "exists": exists}

    editions = [current, *current.earlier]
    bar = render("components/edition_bar.html", here=entry(edition), newest=entry(current),
                 others=[entry(other) for other in editions if other is not edition], changes_href=link(urls.changes(current)))
    crumbs = '<nav class="plan-breadcrumbs"'
    if page.body.startswith(crumbs):
        head, _, rest = page.body.partition("</nav>\n")
        body = f"{head}</nav>\n{bar}\n{rest}"
    else:
        body = f"{bar}\n{page.body}"
    return dataclasses.replace(page, body=body)


def _page(template: str, plan: Plan, url: str, title: str, linker, **context) -> GeneratedPage:
    link = linker(url)
    body = render(f"pages/{template}.md", plan=plan, link=link, urls=urls, label=label, as_of=as_of, **context)
    return GeneratedPage(url, title, title, body, plan.meta.title)


def _editions_page(plan: Plan, linker) -> GeneratedPage:
    history = {changes.newer: changes for changes in edition_history(plan)}
    return _page("editions", plan, urls.editions(plan), EDITIONS_TITLE, linker, editions=[plan, *plan.earlier], history=history,
                 anchor=_anchor, changes_title=CHANGES_TITLE)


def _changes_page(plan: Plan, linker) -> GeneratedPage:
    return _page("changes", plan, urls.changes(plan), CHANGES_TITLE, linker, history=edition_history(plan), anchor=_anchor,
                 project_kinds=PROJECT_KINDS, owner=_owner)


def _anchor(changes) -> str:
    return f"{changes.older.meta.edition.id}-to-{changes.newer.meta.edition.id}"


def _owner(place: Place) -> tuple[str, str]:
    """(title, url) of the project or node a change belongs to, in the edition that shows it."""
    if place.is_project:
        return project_title(place.owner), urls.project(place.edition, place.owner)
    return node_title(place.edition, place.owner), urls.node(place.edition, place.owner)
