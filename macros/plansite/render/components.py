"""Each component: a function of the model that returns escaped HTML from one small template.

The same functions serve generated pages, ``plan`` fences in chapters and macros in docs/.
"""

from __future__ import annotations

from typing import Callable, Optional, Union

from markupsafe import Markup

from ..base import urls
from ..model.indicator import INDICATOR_KINDS
from ..model.plan import Plan, Site
from ..model.labels import Labels, Words
from ..model.plan_meta import PlanMeta
from ..model.project import Project
from ..model.tree import Node
from ..progress.achievement import RULES
from ..progress.grading import GRADING, GradeTally, year_grades
from ..progress.register import Tally
from ..publishing.comment_period import PHASES, comment_period
from ..text import dates
from . import layout, timeline
from .chart import indicator_charts
from .environment import render

Link = Callable[..., str]
Item = Union[Node, Project]


DEFAULT_WORDS = Words(Labels())


def words_of(plan: Optional[Plan]) -> Words:
    """The plan's own words for headings and nouns (the site's defaults where there is no plan)."""
    return plan.words if plan else DEFAULT_WORDS


def _render(template: str, plan: Optional[Plan], link: Link, **context) -> Markup:
    return Markup(render(f"components/{template}.html", plan=plan, link=link, urls=urls, layout=layout, timeline=timeline,
                         words=words_of(plan), **context))


def philosophy(plan: Plan, link: Link) -> Markup:
    if not plan.meta.philosophy:
        return Markup("")
    return _render("philosophy", plan, link, philosophy=plan.meta.philosophy)


def figure(plan: Plan, link: Link, *, caption: str, text: Optional[str] = None, note: Optional[str] = None) -> Markup:
    """A figure of the document that the site does not reproduce: its caption, the words it holds
    when the author transcribed them (図中の文字), and a note."""
    return _render("figure", plan, link, caption=caption, text=text, note=note)


def tree(plan: Plan, link: Link, *, labelled_by: str = "") -> Markup:
    """The plan's tree as a navigation, named by the heading with the id labelled_by (the plan's home)
    or after the plan (a chapter that shows it: a print page holds both, each with a name of its own)."""
    return _render("tree", plan, link, labelled_by=labelled_by)


def common(plan: Plan, link: Link) -> Markup:
    return _render("common", plan, link) if plan.tree.common else Markup("")


def project_table(plan: Plan, link: Link, *, level: str) -> Markup:
    """Projects under every node of one level, grouped by node (e.g. 重点事業一覧)."""
    nodes = [node for node, _ in plan.tree.walk() if node.level == level]
    name = plan.levels[level].name
    label = plan.levels[level].projects_label or f"{name}の{plan.words.project}"
    return _render("project_table", plan, link, nodes=nodes, caption=f"{label}一覧", group_label=name, table_id=link.id(f"projects-{plan.id}-{level}"))


def schedule(plan: Plan, item: Item, link: Link) -> Markup:
    labelled = any(row.label for row in item.schedule)
    caption = f"{item.numbered_title}の{plan.meta.labels['schedule']}"
    return _render("schedule", plan, link, rows=item.schedule, labelled=labelled, caption=caption, table_id=link.id(f"schedule-{item.id}"),
                   list_rows=[(row.label, row.phases) for row in item.schedule])


def kpis(plan: Plan, item: Item, link: Link) -> Markup:
    """The indicators of a node, a 事業 or the whole plan (plan.whole): values by year, the site's
    judgements and, where the plan grades them, the city's grades beside them."""
    values = any(k.targets or k.series or k.to_be_decided or k.target or k.actuals or k.baseline or k.grades for k in item.kpis)
    tables = layout.indicator_tables(item.kpis, INDICATOR_KINDS, plan.meta.period.years,
                                     lambda indicator: year_grades(plan.meta, indicator.grades, indicator))
    charts: dict[str, list[Markup]] = {}
    for index, indicator in enumerate(item.kpis):
        if indicator.name:
            charts.setdefault(indicator.kind, []).extend(indicator_charts(indicator, link.id(f"chart-{item.id}-{index + 1}"), plan.words))
    # The caption names the item for a screen reader: a print page holds the tables of many items,
    # and each region needs a name of its own.
    return _render("kpis", plan, link, tables=tables, values=values, kinds=plan.words.kinds, id_prefix=link.id(f"kpis-{item.id}"),
                   owner=plan.display_name(item),
                   charts=charts, rules_text=RULES, scale=plan.meta.evaluation_scale, grading=GRADING)


def grades(plan: Plan, item: Project, link: Link) -> Markup:
    """The city's grades of a 事業 by year, with their meanings."""
    found = year_grades(plan.meta, item.grades)
    if not found:
        return Markup("")
    return _render("grades", plan, link, grades=found, scale=plan.meta.evaluation_scale, grading=GRADING,
                   list_id=link.id(f"grades-{item.id}"))


def grade_tally(counts: GradeTally, tally_id: str, caption: str, more: str = "", plan: Optional[Plan] = None) -> Markup:
    """How many indicators (or 事業) got each of the city's grades."""
    return _render("grade_tally", plan, None, tally=counts, tally_id=tally_id, caption=caption, more=more)


def tally(counts: Tally, tally_id: str, caption: str, more: str = "", plan: Optional[Plan] = None) -> Markup:
    """How many indicators are met, not met, undetermined or without actuals (in the plan's words)."""
    return _render("tally", plan, None, tally=counts, tally_id=tally_id, caption=caption, more=more)


def status(plan: Plan, today) -> Markup:
    """The plan's state, municipality, kind, period and publisher (the top of its home page)."""
    return Markup(render("components/status.html", meta=plan.meta, dates=dates, badge=status_badge(plan.meta, today),
                         words=plan.words))


def status_badge(meta: PlanMeta, today) -> Markup:
    """The state of a plan in a badge; while out for comment, the phase of the period."""
    period = comment_period(meta, today) if today and meta.status == "public-comment" else None
    return Markup(render("components/status_badge.html", meta=meta, period=period, phases=PHASES))


def plan_list(site: Site, link: Link) -> Markup:
    """Every plan of the site with its municipality, kind, period and status."""
    return Markup(render("components/plan_list.html", site=site, link=link, urls=urls, status_badge=status_badge))


def breadcrumbs(crumbs, current: str, link: Link) -> Markup:
    return Markup(render("components/breadcrumbs.html", crumbs=crumbs, current=current, link=link))
