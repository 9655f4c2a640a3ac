"""The pages of a plan's own items: each chapter, each node of the hierarchy, each 事業."""

from __future__ import annotations

from ..base import urls
from ..model.fences import fence_spec
from ..model.plan import Chapter, Plan
from ..model.project import Project
from ..model.tree import Node
from ..render.registry import Place, draw_fence
from .kinds import PageKind, Request
from .page import Crumb
from .sections import chapter_sections, page_sections


def ordered_chapters(plan: Plan) -> list[Chapter]:
    """Chapters in the order plan.yaml's contents gives, else by file name."""
    by_id = {c.id: c for c in plan.chapters}
    listed = [by_id[e.chapter] for e in plan.meta.contents if e.chapter]
    return listed or list(plan.chapters)


def trail(plan: Plan, parents: tuple[Node, ...]) -> tuple[Crumb, ...]:
    return (Crumb(plan.meta.title, urls.plan_home(plan)),) + tuple(Crumb(plan.display_name(p), urls.node(plan, p)) for p in parents)


def _chapter_body(request: Request):
    plan, chapter, link = request.plan, request.item, request.link

    def fence(body: str, line: int):
        place = Place(request.ctx.site, link.scoped(f"l{line}"), request.ctx.register, {})
        return draw_fence(fence_spec(body), plan, place)

    return chapter_sections(chapter.markdown, fence, first_line=chapter.first_line, terms=link.terms)


def _node_body(request: Request):
    plan, node = request.plan, request.item
    register = request.ctx.register(plan)
    level = plan.level_of(node)
    tally = register.tally(node) if register.has_actuals else None
    child_levels = {plan.level_of(child).name for child in node.children}
    return page_sections(
        "node", request, item=node, node=node, level=level, own_projects=plan.projects_by_node.get(node.id, ()),
        children_heading="・".join(sorted(child_levels)) or "下の階層", projects_heading=level.projects_label or plan.words.project,
        tally=tally if tally and tally.total else None,
        grade_tally=register.grade_tally(node) if register.grade_years(node) else None,
    )


def _project_body(request: Request):
    plan, project = request.plan, request.item
    node = plan.node_of(project)
    return page_sections("project", request, item=project, node=node, level=plan.level_of(node) if node else None)


CHAPTER = PageKind(
    "chapter", url=urls.chapter, title=lambda plan, chapter: chapter.title, body=_chapter_body,
    items=lambda ctx, plan: plan.chapters, anchor=lambda plan, chapter: f"chapter-{chapter.id}", scoped_ids=True,
)

NODE = PageKind(
    "node", url=urls.node, title=lambda plan, node: plan.display_name(node), heading=lambda plan, node: node.title,
    body=_node_body, items=lambda ctx, plan: [node for node, _ in plan.tree.walk()],
    crumbs=lambda plan, node: trail(plan, plan.ancestors[node.id]), anchor=lambda plan, node: f"node-{node.id}",
    # A node shows its own part of the tree and the 事業 below it (their titles, 区分 and indicators'
    # tally); of the rest of the plan, whether any indicator has an actual value.
    reuse_key=lambda ctx, plan: ctx.register(plan).has_actuals,
    shows=lambda plan, node: tuple(project.id for project in plan.projects_under(node)),
)


def _project_keywords(plan: Plan, project: Project) -> tuple[str, ...]:
    """What search matches a 事業 page by beyond its text: its number, 主管課 and former name."""
    return (*([project.number] if project.number else ()), *project.departments,
            *([project.former_title] if project.former_title else ()))


PROJECT = PageKind(
    "project", url=urls.project, title=lambda plan, project: plan.display_name(project), body=_project_body,
    items=lambda ctx, plan: plan.projects,
    crumbs=lambda plan, project: trail(plan, plan.path_of(project)),
    anchor=lambda plan, project: f"project-{project.id}", keywords=_project_keywords,
    reuse_key=lambda ctx, plan: tuple(sorted(plan.counts["label"])),  # whether the page names the 区分 (project.html)
)
