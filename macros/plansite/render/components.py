"""Each component: a function of the model that returns escaped HTML from one small template.

The same functions serve generated pages, ``plan`` fences in chapters and macros in docs/.
"""

from __future__ import annotations

from typing import Callable, Optional, Union

from markupsafe import Markup

from ..model.indicator import INDICATOR_KINDS
from ..model.plan import Plan, Site
from ..model.project import Project
from ..model.tree import Node
from ..base import urls
from ..progress.achievement import RULES
from ..progress.register import Tally
from . import layout, timeline
from .chart import indicator_charts
from .environment import render

Link = Callable[..., str]
Item = Union[Node, Project]


def _render(template: str, plan: Optional[Plan], link: Link, **context) -> Markup:
    return Markup(render(f"components/{template}.html", plan=plan, link=link, urls=urls, layout=layout, timeline=timeline, **context))


def philosophy(plan: Plan, link: Link) -> Markup:
    if not plan.meta.philosophy:
        return Markup("")
    return _render("philosophy", plan, link, philosophy=plan.meta.philosophy)


def tree(plan: Plan, link: Link) -> Markup:
    return _render("tree", plan, link)


def common(plan: Plan, link: Link) -> Markup:
    return _render("common", plan, link) if plan.tree.common else Markup("")


def project_table(plan: Plan, link: Link, *, level: str) -> Markup:
    """Projects under every node of one level, grouped by node (e.g. 重点事業一覧)."""
    nodes = [node for node, _ in plan.tree.walk() if node.level == level]
    name = plan.levels[level].name
    label = plan.levels[level].projects_label or f"{name}の事業"
    return _render("project_table", plan, link, nodes=nodes, caption=f"{label}一覧", group_label=name, table_id=f"projects-{plan.id}-{level}")


def schedule(plan: Plan, item: Item, link: Link) -> Markup:
    labelled = any(row.label for row in item.schedule)
    caption = f"{_name(item)}の{plan.meta.labels['schedule']}"
    return _render("schedule", plan, link, rows=item.schedule, labelled=labelled, caption=caption, table_id=f"schedule-{item.id}",
                   list_rows=[(row.label, row.phases) for row in item.schedule])


def kpis(plan: Plan, item: Item, link: Link) -> Markup:
    values = any(k.targets or k.series or k.to_be_decided or k.target or k.actuals or k.baseline for k in item.kpis)
    tables = layout.indicator_tables(item.kpis, INDICATOR_KINDS, plan.meta.period.years)
    charts: dict[str, list[Markup]] = {}
    for index, indicator in enumerate(item.kpis):
        if indicator.name:
            charts.setdefault(indicator.kind, []).extend(indicator_charts(indicator, f"chart-{item.id}-{index + 1}"))
    return _render("kpis", plan, link, tables=tables, values=values, kinds=INDICATOR_KINDS, id_prefix=f"kpis-{item.id}",
                   charts=charts, rules_text=RULES)


def tally(counts: Tally, tally_id: str, caption: str, more: str = "") -> Markup:
    """How many indicators are met, not met, undetermined or without actuals."""
    return _render("tally", None, None, tally=counts, tally_id=tally_id, caption=caption, more=more)


def _name(item: Item) -> str:
    return f"{item.number or ''} {item.title}".strip()


COMPONENTS = {
    "philosophy": (philosophy, ()),
    "tree": (tree, ()),
    "common": (common, ()),
    "project-table": (project_table, ("level",)),
}
