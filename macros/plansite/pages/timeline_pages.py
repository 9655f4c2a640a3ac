"""The pages of a plan drawn across years: ロードマップ, 計画期間, 将来像, 歩み. Each exists only
when the plan's data has something for it."""

from __future__ import annotations

from typing import Callable, NamedTuple

from markupsafe import Markup

from ..model.plan import Plan
from ..render import timeline_components as parts
from ..render.environment import render
from . import urls
from .chrome import breadcrumbs


class TimelinePage(NamedTuple):
    url: str
    title: str  # navigation, <title> and h1
    body: str


def timeline_pages(plan: Plan, linker: Callable[[str], urls.Linker]) -> list[TimelinePage]:
    pages = []
    for url, title, lead, component, heading in _specs(plan):
        link = linker(url)
        crumbs = breadcrumbs(plan, [(plan.meta.title, urls.plan_home(plan))], title, link)
        body = render("pages/timeline.md", crumbs=crumbs, lead=lead, component=component(plan, link), heading=heading)
        pages.append(TimelinePage(url, title, body))
    return pages


def timeline_links(plan: Plan) -> list[tuple[str, str]]:
    """(title, url) of the plan's timeline pages, for the plan home and the navigation."""
    return [(title, url) for url, title, *_ in _specs(plan)]


def _specs(plan: Plan) -> list[tuple[str, str, object, Callable[..., Markup], str]]:
    """url, title, lead, component and the heading of the page's main table (a table that fills
    a page still gets a heading of its own, to be found by heading navigation)."""
    timeline = plan.meta.timeline
    specs = []
    if parts.has_roadmap(plan):
        lead = "計画期間の各年度に何を行うかを、体系の順にまとめて示します。表の各行は事業のページにつながります。"
        specs.append((urls.roadmap(plan), "ロードマップ", lead, parts.roadmap, "年度ごとの予定"))
    if timeline.periods:
        specs.append((urls.periods(plan), timeline.periods.title, timeline.periods.lead, parts.period_chart, "関連する計画の期間"))
    if timeline.vision:
        specs.append((urls.vision(plan), timeline.vision.title, timeline.vision.lead, parts.vision, ""))
    if timeline.chronicle:
        specs.append((urls.chronicle(plan), timeline.chronicle.title, timeline.chronicle.lead, parts.chronicle, ""))
    return specs
