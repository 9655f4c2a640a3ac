"""The site menu as data: one section per plan mirroring its hierarchy, then the site-wide pages.

Only the MkDocs side turns this into MkDocs' nav; which pages exist comes from the page kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..base import urls
from ..context import BuildContext
from ..model.plan import Plan
from ..model.tree import Node
from .catalogue import EDITION_KINDS, MENU_SECTIONS
from .item_pages import CHAPTER
from .site_pages import SHARED_GLOSSARY
from .timeline_pages import timeline_links


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: Optional[str] = None  # the page; for a section with children, its own page (if any)
    children: tuple["MenuItem", ...] = ()


def menu(ctx: BuildContext) -> list[MenuItem]:
    site = ctx.site
    items = [MenuItem(plan.meta.title, urls.plan_home(plan), tuple(_plan_menu(ctx, plan))) for plan in site.plans]
    if site.glossary:
        items.append(MenuItem(SHARED_GLOSSARY, urls.glossary(None)))
    if site.priorities and len(site.plans) > 1:
        items.append(MenuItem(site.priorities.title, urls.priorities()))
    return items


def _plan_menu(ctx: BuildContext, plan: Plan) -> list[MenuItem]:
    entries: list[MenuItem] = []
    chapters = {c.id: c for c in plan.chapters}
    contents = [(e.chapter, e.section) for e in plan.meta.contents] or (
        [(c.id, None) for c in plan.chapters] + [(None, "tree"), (None, "projects")] + ([(None, "lineage")] if plan.lineage else [])
    )
    listed = {section for _, section in contents}
    # Generated pages the contents do not place: the dashboard after the project list, the others last.
    implied = {"projects": ["indicators"] if "indicators" not in listed else []}
    pending = [section for section in ("tree", "projects", "indicators", "lineage", "comments", "glossary") if section not in listed]
    for chapter_id, section in contents:
        if chapter_id:
            chapter = chapters[chapter_id]
            entries.append(MenuItem(CHAPTER.title(plan, chapter), CHAPTER.url(plan, chapter)))
            continue
        for name in [section, *implied.get(section, [])]:
            if name in pending:
                pending.remove(name)
            entries.extend(_section_menu(ctx, plan, name))
    entries.extend(MenuItem(title, url) for title, url in timeline_links(ctx, plan))
    for name in pending:
        entries.extend(_section_menu(ctx, plan, name))
    # The earlier editions' own pages stay out of the menu; the list of editions leads to them.
    entries.extend(MenuItem(kind.title(plan, None), kind.url(plan, None)) for kind in EDITION_KINDS if kind.exists(ctx, plan))
    return entries


def _section_menu(ctx: BuildContext, plan: Plan, name: str) -> list[MenuItem]:
    if name == "tree":
        groups = [MenuItem(level.name, None, tuple(_node_menu(plan, node) for node in nodes)) for level, nodes in plan.root_groups()]
        # 事業 outside any node (a flat plan's list) sit under the plan's word for them.
        if plan.top_projects:
            groups.append(MenuItem(plan.words.project, None, tuple(
                MenuItem(plan.display_name(p), urls.project(plan, p)) for p in plan.top_projects)))
        return groups
    kind = MENU_SECTIONS[name]
    return [MenuItem(kind.title(plan, None), kind.url(plan, None))] if kind.exists(ctx, plan) else []


def _node_menu(plan: Plan, node: Node) -> MenuItem:
    children = [_node_menu(plan, child) for child in node.children]
    children += [MenuItem(plan.display_name(p), urls.project(plan, p)) for p in plan.projects_by_node.get(node.id, ())]
    return MenuItem(plan.display_name(node), urls.node(plan, node), tuple(children))

