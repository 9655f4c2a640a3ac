"""The pages of a plan drawn across years: ロードマップ, 計画期間, 将来像, 歩み. Each exists only
when the plan's data has something for it."""

from __future__ import annotations

from typing import Callable, Optional

from markupsafe import Markup

from ..base import urls
from ..model.plan import Plan
from ..render import timeline_components
from ..render.environment import render
from .kinds import PageKind, Request
from .page import Crumb
from .parts import is_large, plan_parts
from .sections import page_sections

def _roadmap_lead(plan: Plan) -> str:
    order = f"{plan.words.tree}の順に" if plan.tree.nodes else "計画書の順に"
    return f"計画期間の各年度に何を行うかを、{order}まとめて示します。表の各行は{plan.words.project}のページにつながります。"



def _timeline_kind(key: str, url, exists: Callable[[Plan], bool], title: Callable[[Plan], str],
                   lead: Callable[[Plan], Optional[str]], component: Callable[..., Markup], table_heading: str = "") -> PageKind:
    """table_heading: a heading for the page's main table, so that heading navigation finds it
    even when the table fills the page."""
    def body(request: Request):
        heading = "" if key == "roadmap" and is_large(request.plan) else table_heading  # a large roadmap lists its parts
        return page_sections("timeline", request, lead=lead(request.plan), component=component(request.plan, request.link),
                             heading=heading)

    return PageKind(key, url=lambda plan, item: url(plan), title=lambda plan, item: title(plan), body=body,
                    items=lambda ctx, plan: (None,) if exists(plan) else ())


def _roadmap_or_parts(plan: Plan, link) -> Markup:
    """A large plan's roadmap page lists its parts, each a page of its own."""
    if not is_large(plan):
        return timeline_components.roadmap(plan, link)
    entries = [(kind_part.title, f"{urls.roadmap(plan)}{kind_part.key}/") for kind_part in _roadmap_parts(plan)]
    return Markup(render("components/part_links.html", link=link, entries=entries, what="ロードマップ", words=plan.words))


def _roadmap_parts(plan: Plan) -> list:
    scheduled = {id(entry.item) for _, entries in plan.roadmap_groups for entry in entries}
    return [part for part in plan_parts(plan) if any(id(item) in scheduled for item in part.items)]


ROADMAP = _timeline_kind("roadmap", urls.roadmap, timeline_components.has_roadmap, lambda plan: "ロードマップ", _roadmap_lead,
                         _roadmap_or_parts, "年度ごとの予定")


def _roadmap_part(request: Request):
    component = timeline_components.roadmap(request.plan, request.link, request.item)
    return page_sections("timeline", request, lead=None, component=component, heading="年度ごとの予定")


ROADMAP_PARTS = PageKind(
    "roadmap-part", url=lambda plan, part: f"{urls.roadmap(plan)}{part.key}/", title=lambda plan, part: f"ロードマップ（{part.title}）",
    body=_roadmap_part, items=lambda ctx, plan: _roadmap_parts(plan) if is_large(plan) and timeline_components.has_roadmap(plan) else (),
    crumbs=lambda plan, part: (Crumb(plan.meta.title, urls.plan_home(plan)), Crumb("ロードマップ", urls.roadmap(plan))),
    reuse_key=lambda ctx, plan: (), shows=lambda plan, part: part.project_ids(),  # a part's rows are its own 事業 and nodes
)
PERIODS = _timeline_kind("periods", urls.periods, lambda plan: bool(plan.meta.timeline.periods),
                         lambda plan: plan.meta.timeline.periods.title, lambda plan: plan.meta.timeline.periods.lead, timeline_components.period_chart,
                         "関連する計画の期間")
VISION = _timeline_kind("vision", urls.vision, lambda plan: bool(plan.meta.timeline.vision),
                        lambda plan: plan.meta.timeline.vision.title, lambda plan: plan.meta.timeline.vision.lead, timeline_components.vision)
CHRONICLE = _timeline_kind("chronicle", urls.chronicle, lambda plan: bool(plan.meta.timeline.chronicle),
                           lambda plan: plan.meta.timeline.chronicle.title, lambda plan: plan.meta.timeline.chronicle.lead,
                           timeline_components.chronicle)

TIMELINE_KINDS = (ROADMAP, PERIODS, VISION, CHRONICLE)


def timeline_links(ctx, plan: Plan) -> list[tuple[str, str]]:
    """(title, url) of the plan's timeline pages, for the plan home and the menu."""
    return [(kind.title(plan, None), kind.url(plan, None)) for kind in TIMELINE_KINDS if kind.exists(ctx, plan)]
