"""One long page per plan (計画書全体) and per 事業集, for a council member to print or save as
PDF: the plan's pages in reading order, each starting on a new printed page.

Both print pages sit at the same folder depth as the item pages they gather, so the sections
already rendered for those pages are reused as they are: their links stay right, and their ids
are unique because every page scopes the ids its blocks could share with another page.
"""

from __future__ import annotations

from ..base import urls
from ..render.environment import render
from .item_pages import CHAPTER, NODE, PROJECT, ordered_chapters
from .kinds import PageKind, Request
from .page import Heading, Section
from .parts import is_large, plan_parts
from .plan_pages import home_sections

LEAD = "このページは印刷用です。ブラウザの印刷機能で印刷するか、PDF として保存してください。各項目は新しいページから始まります。"


def _gathered(parts: list[tuple[str, str, tuple[Section, ...]]]) -> tuple[Section, ...]:
    """parts: (anchor, heading, sections) of each page, in reading order."""
    lead = Section.of(None, render("components/print_contents.html", lead=LEAD, entries=[(a, h) for a, h, _ in parts]))
    gathered = [lead]
    for anchor, heading, sections in parts:
        gathered.append(Section.of(Heading(2, heading, anchor, "plan-print-section"), ""))
        gathered.extend(section.nested(anchor) for section in sections)
    return tuple(gathered)


def _part(request: Request, kind: PageKind, item) -> tuple[str, str, tuple[Section, ...]]:
    page = request.earlier[kind.url(request.plan, item)]
    return kind.anchor(request.plan, item), page.title, page.sections


def _whole_plan(request: Request):
    plan = request.plan
    # The home page lives higher up than the print page: its links are made again from here.
    parts = [("plan-home", plan.meta.title, home_sections(request))]
    parts += [_part(request, CHAPTER, chapter) for chapter in ordered_chapters(plan)]
    parts += [_part(request, NODE, node) for node, _ in plan.tree.walk()]
    return _gathered(parts)


def _project_book(request: Request):
    """Every 事業, or for a large plan those of one part."""
    projects = request.item.projects if request.item else request.plan.projects
    return _gathered([_part(request, PROJECT, project) for project in projects])


PRINT_PLAN = PageKind(
    "print-plan", url=lambda plan, item: urls.printable(plan, "plan"), title=lambda plan, item: "印刷用（計画書全体）",
    heading=lambda plan, item: f"{plan.meta.title}（印刷用・計画書全体）", body=_whole_plan, crumbs=lambda plan, item: (),
    searchable=False, anchor=lambda plan, item: "plan-home", scoped_ids=True,
)

PRINT_PROJECTS = PageKind(
    "print-projects", url=lambda plan, item: urls.printable(plan, "projects"), title=lambda plan, item: f"印刷用（{plan.words.project_book}）",
    heading=lambda plan, item: f"{plan.meta.title}（印刷用・{plan.words.project_book}）", body=_project_book, crumbs=lambda plan, item: (),
    searchable=False, items=lambda ctx, plan: (None,) if plan.projects and not is_large(plan) else (),
)

# A large plan's 事業集 in parts, each as deep as the 事業 pages it reuses (print/projects-<part>/).
PRINT_PROJECT_PARTS = PageKind(
    "print-projects-part", url=lambda plan, part: urls.printable(plan, f"projects-{part.key}"),
    title=lambda plan, part: f"印刷用（{plan.words.project_book}：{part.title}）",
    heading=lambda plan, part: f"{plan.meta.title}（印刷用・{plan.words.project_book}：{part.title}）",
    body=_project_book, crumbs=lambda plan, part: (), searchable=False,
    items=lambda ctx, plan: [part for part in plan_parts(plan) if part.projects],
)

PRINT_KINDS = (PRINT_PLAN, PRINT_PROJECTS, PRINT_PROJECT_PARTS)


def _print_index(request: Request):
    plan = request.plan
    entries = [(kind.title(plan, item), kind.url(plan, item)) for kind in PRINT_KINDS for item in kind.items(request.ctx, plan)]
    return (Section.of(None, render("components/print_index.html", link=request.link, entries=entries)),)


PRINT_INDEX = PageKind(
    "print", url=lambda plan, item: urls.printable(plan), title=lambda plan, item: "印刷用ページ",
    heading=lambda plan, item: f"{plan.meta.title}の印刷用ページ", body=_print_index, searchable=False,
)
