"""Page chrome that generated pages share: breadcrumbs and the plan's status box."""

from __future__ import annotations

from markupsafe import Markup

from ..model.plan import Plan
from ..render.environment import render
from ..text import dates


def breadcrumbs(plan: Plan, trail: list[tuple[str, str]], current: str, link) -> Markup:
    return Markup(render("components/breadcrumbs.html", trail=trail, current=current, link=link))


def status(plan: Plan) -> Markup:
    return Markup(render("components/status.html", meta=plan.meta, dates=dates))
