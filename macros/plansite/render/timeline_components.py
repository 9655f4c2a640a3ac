"""Components drawn across years: the plan roadmap, the 計画期間 chart, the 将来像 and the 歩み.

Like those in components.py, each returns escaped HTML from one template and serves generated
pages, ``plan`` fences in chapters and macros in docs/.
"""

from __future__ import annotations

from typing import Optional

from markupsafe import Markup

from ..model.plan import Plan
from .components import Link, _render
from .timeline import lanes


def has_roadmap(plan: Plan) -> bool:
    """A roadmap page is worth it when it brings two or more schedules together."""
    return sum(len(entries) for _, entries in plan.roadmap_groups) > 1


def roadmap(plan: Plan, link: Link, part=None) -> Markup:
    """The roadmap of the whole plan, or of one part of a large plan (see pages/parts.py)."""
    groups = plan.roadmap_groups
    if part is not None:
        groups = [(root, kept) for root, entries in groups if (kept := [e for e in entries if part.holds(e.item)])]
    if not groups:
        return Markup("")
    entries = [entry for _, group in groups for entry in group]
    nodes = list({entry.node.id: entry.node for entry in entries if entry.node}.values())
    return _render(
        "roadmap", plan, link, groups=groups, table_id=link.id(f"roadmap-{plan.id}"), filter_nodes=nodes,
        departments=sorted({d for e in entries if e.is_project for d in e.item.departments}),
        kinds=list(dict.fromkeys(e.kind for e in entries if e.kind)),
        labelled=any(row.label for e in entries for row in e.item.schedule),
        node_levels="・".join(dict.fromkeys(plan.level_of(node).name for node in nodes)),
        count=len(entries),
    )


def period_chart(plan: Plan, link: Link) -> Markup:
    chart = plan.meta.timeline.periods
    if not chart:
        return Markup("")
    grouped: list[tuple[Optional[str], list]] = []
    for row in chart.rows:  # consecutive rows of one group share a row header
        if not grouped or grouped[-1][0] != row.group:
            grouped.append((row.group, []))
        grouped[-1][1].append((row, lanes(row.phases)))
    groups = [(group, rows, sum(len(row_lanes) for _, row_lanes in rows)) for group, rows in grouped]
    return _render("period_chart", plan, link, chart=chart, groups=groups, table_id=link.id(f"periods-{plan.id}"),
                   grouped=any(row.group for row in chart.rows))


def vision(plan: Plan, link: Link) -> Markup:
    found = plan.meta.timeline.vision
    return _render("vision", plan, link, vision=found, table_id=link.id(f"vision-{plan.id}")) if found else Markup("")


def chronicle(plan: Plan, link: Link) -> Markup:
    found = plan.meta.timeline.chronicle
    return _render("chronicle", plan, link, chronicle=found, table_id=link.id(f"chronicle-{plan.id}")) if found else Markup("")
