"""The pages of a plan drawn across years: ロードマップ, 計画期間, 将来像, 歩み. Each exists only
when the plan's data has something for it."""

from __future__ import annotations

from typing import Callable, Optional

from markupsafe import Markup

from ..base import urls
from ..model.plan import Plan
from ..render import timeline_components as parts
from .kinds import PageKind, Request
from .sections import page_sections

def _roadmap_lead(plan: Plan) -> str:
    order = f"{plan.words.tree}の順に" if plan.tree.nodes else "計画書の順に"
    return f"計画期間の各年度に何を行うかを、{order}まとめて示します。表の各行は{plan.words.project}のページにつながります。"



def _timeline_kind(key: str, url, exists: Callable[[Plan], bool], title: Callable[[Plan], str],
                   lead: Callable[[Plan], Optional[str]], component: Callable[..., Markup]) -> PageKind:
    def body(request: Request):
        return page_sections("timeline", request, lead=lead(request.plan), component=component(request.plan, request.link))

    return PageKind(key, url=lambda plan, item: url(plan), title=lambda plan, item: title(plan), body=body,
                    items=lambda ctx, plan: (None,) if exists(plan) else ())


ROADMAP = _timeline_kind("roadmap", urls.roadmap, parts.has_roadmap, lambda plan: "ロードマップ", _roadmap_lead,
                         parts.roadmap)
PERIODS = _timeline_kind("periods", urls.periods, lambda plan: bool(plan.meta.timeline.periods),
                         lambda plan: plan.meta.timeline.periods.title, lambda plan: plan.meta.timeline.periods.lead, parts.period_chart)
VISION = _timeline_kind("vision", urls.vision, lambda plan: bool(plan.meta.timeline.vision),
                        lambda plan: plan.meta.timeline.vision.title, lambda plan: plan.meta.timeline.vision.lead, parts.vision)
CHRONICLE = _timeline_kind("chronicle", urls.chronicle, lambda plan: bool(plan.meta.timeline.chronicle),
                           lambda plan: plan.meta.timeline.chronicle.title, lambda plan: plan.meta.timeline.chronicle.lead,
                           parts.chronicle)

TIMELINE_KINDS = (ROADMAP, PERIODS, VISION, CHRONICLE)


def timeline_links(ctx, plan: Plan) -> list[tuple[str, str]]:
    """(title, url) of the plan's timeline pages, for the plan home and the menu."""
    return [(kind.title(plan, None), kind.url(plan, None)) for kind in TIMELINE_KINDS if kind.exists(ctx, plan)]
