"""Components drawn across years: the plan roadmap, the 計画期間 chart, the 将来像 and the 歩み.

Like those in components.py, each returns escaped HTML from one template and serves generated
pages, ``plan`` fences in chapters and macros in docs/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from markupsafe import Markup

from ..model.plan import Plan
from ..model.project import Project
from ..model.tree import Node
from .components import Link, _render
from .timeline import lanes

Item = Union[Node, Project]


@dataclass(frozen=True)
class RoadmapEntry:
    item: Item
    node: Optional[Node]  # the item itself when it is a node, else the node the project belongs to (None: directly under the plan)
    kind: Optional[str]  # what the plan calls the project (重点事業, 個別事業), when it has several names

    @property
    def is_project(self) -> bool:
        return isinstance(self.item, Project)

    @property
    def list_rows(self) -> list:
        return [(row.label, row.phases) for row in self.item.schedule]


def roadmap_groups(plan: Plan) -> list[tuple[Optional[Node], list[RoadmapEntry]]]:
    """Every node and project that has a schedule, in tree order, grouped by top-level node; the
    projects directly under the plan (a flat plan's) come last, in a group of their own (None)."""
    several_kinds = len(plan.counts["label"]) > 1
    groups = []
    for root in plan.tree.nodes:
        entries = []
        for node, _ in root.walk():
            if node.schedule:
                entries.append(RoadmapEntry(node, node, None))
            for project in plan.projects_by_node.get(node.id, ()):
                if project.schedule:
                    entries.append(RoadmapEntry(project, node, plan.projects_label(project) if several_kinds else None))
        if entries:
            groups.append((root, entries))
    flat = [RoadmapEntry(project, None, plan.projects_label(project) if several_kinds else None)
            for project in plan.top_projects if project.schedule]
    if flat:
        groups.append((None, flat))
    return groups


def has_roadmap(plan: Plan) -> bool:
    """A roadmap page is worth it when it brings two or more schedules together."""
    return sum(len(entries) for _, entries in roadmap_groups(plan)) > 1


def roadmap(plan: Plan, link: Link, part=None) -> Markup:
    """The roadmap of the whole plan, or of one part of a large plan (see pages/parts.py)."""
    groups = roadmap_groups(plan)
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
