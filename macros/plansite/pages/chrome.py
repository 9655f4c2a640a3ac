"""Page chrome that generated pages share: breadcrumbs and the plan's status box."""

from __future__ import annotations

from markupsafe import Markup

from ..model.plan import Plan
from ..model.plan_meta import PlanMeta
from ..publishing.comment_period import PHASES, comment_period
from ..render.environment import render
from ..text import dates


def breadcrumbs(plan: Plan, trail: list[tuple[str, str]], current: str, link) -> Markup:
    return Markup(render("components/breadcrumbs.html", trail=trail, current=current, link=link))


def status(plan: Plan, today) -> Markup:
    return Markup(render("components/status.html", meta=plan.meta, dates=dates, badge=status_badge(plan.meta, today)))


def status_badge(meta: PlanMeta, today) -> Markup:
    """The state of a plan in a badge; while out for comment, the phase of the period."""
    period = comment_period(meta, today) if today and meta.status == "public-comment" else None
    return Markup(render("components/status_badge.html", meta=meta, period=period, phases=PHASES))
