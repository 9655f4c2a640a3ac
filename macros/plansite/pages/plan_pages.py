"""A plan's home page and its two overviews: the list of 事業 and the indicator dashboard."""

from __future__ import annotations

from ..base import urls
from ..model.plan import Plan, Site
from ..model.plan_meta import section_title
from ..progress.achievement import RULES
from ..progress.export import owner_url
from ..progress.grading import GRADING, year_grades
from ..progress.register import COUNTING, headlines
from .item_pages import ordered_chapters
from .kinds import PageKind, Request
from .page import Crumb
from .parts import is_large, plan_parts
from .sections import page_sections
from .timeline_pages import timeline_links


def relations(plan: Plan, site: Site) -> list[tuple[str, Plan, str]]:
    """Sentences linking this plan to the plans it replaces or follows, both ways."""
    found = []
    for other in site.plans:
        if other.id == plan.meta.supersedes:
            found.append(("この計画は、", other, "を置き換えるものです。"))
        if other.id == plan.meta.predecessor:
            found.append(("前の計画：", other, ""))
        if other.meta.supersedes == plan.id:
            found.append(("この計画は、", other, "に置き換えられます（置き換える計画の状態：" + other.meta.status_label + "）。"))
        if other.meta.predecessor == plan.id:
            found.append(("次の計画：", other, ""))
    return found


def home_sections(request: Request):
    """The home page's blocks (also the first section of the printable plan)."""
    plan = request.plan
    register = request.ctx.register(plan)
    return page_sections(
        "plan", request, ordered_chapters=ordered_chapters(plan), relations=relations(plan, request.ctx.site),
        tally=register.tally() if register.entries else None, judged=register.has_actuals,
        grade_tally=register.grade_tally() if register.grade_years(None) else None,
        project_grade_tally=register.project_grade_tally() if register.project_grade_years(None) else None,
        timeline_links=timeline_links(request.ctx, plan), large=is_large(plan),
    )


HOME = PageKind(
    "home", url=lambda plan, item: urls.plan_home(plan), title=lambda plan, item: plan.meta.title, body=home_sections,
    crumbs=lambda plan, item: (), menu_path=lambda plan, item: () if plan.archived else (plan.meta.title,),
)


def _top_level_names(plan: Plan) -> str:
    return "・".join(dict.fromkeys(plan.level_of(n).name for n in plan.tree.nodes))


def _group(plan: Plan, path: tuple) -> str:
    """The top-level node a row belongs to, by name; empty for what sits directly under the plan."""
    return plan.display_name(path[0]) if path else ""


def _project_list(request: Request):
    plan = request.plan
    rows = []
    for project in plan.projects:
        grades = year_grades(plan.meta, project.grades)
        rows.append({"project": project, "group": _group(plan, plan.path_of(project)),
                     "novelty": "新規" if project.is_new else ("継続" if project.novelty else ""),
                     "grade": grades[-1] if grades else None})
    return page_sections(
        "projects", request, rows=rows, departments=sorted({d for p in plan.projects for d in p.departments}),
        group_names=[g for g in dict.fromkeys(r["group"] for r in rows) if g],
        novelties=[n for n in ("新規", "継続") if any(r["novelty"] == n for r in rows)], group_level_name=_top_level_names(plan),
        successors=any(p.successor for p in plan.projects), graded=any(r["grade"] for r in rows),
    )


PROJECT_LIST = PageKind(
    "projects", url=lambda plan, item: urls.project_list(plan), title=lambda plan, item: section_title(plan.words, "projects"),
    heading=lambda plan, item: f"{plan.meta.title}の{section_title(plan.words, 'projects')}", body=_project_list,
    items=lambda ctx, plan: (None,) if plan.projects else (),
)


def _indicators(request: Request):
    """The dashboard (item None) or, for a large plan, one part of its indicator list."""
    plan, part = request.plan, request.item
    register = request.ctx.register(plan)
    entries = register.owned_by(part.items) if part else register.entries
    parts = [] if part else [{"part": p, "url": _part_url(plan, p), "count": count}
                             for p, count in _indicator_parts(request.ctx, plan)]
    rows = []
    for entry in ([] if parts else entries):
        grades = register.grades(entry)
        rows.append({"entry": entry, "group": _group(plan, entry.path), "url": owner_url(plan, entry), "lines": headlines(entry),
                     "grade": grades[-1] if grades else None})
    grade_years = register.grade_years(None)
    summary = _indicator_summary(plan, register, grade_years) if not part else {}  # the whole plan's page only
    return page_sections(
        "indicators", request, tally=register.tally_of(entries), rows=rows, part=part, parts=parts,
        groups=[g for g in dict.fromkeys(r["group"] for r in rows) if g], departments=sorted({d for e in entries for d in e.departments}),
        top_level_names=_top_level_names(plan), level_names="・".join(level.name for level in plan.meta.levels),
        owner_names="・".join(register.owner_labels), counting=COUNTING, rules_text=RULES, node_title=plan.display_name,
        scale=plan.meta.evaluation_scale, grading=GRADING, graded=bool(grade_years),
        plan_kpis=plan.meta.kpis, owner_url=lambda entry: owner_url(plan, entry), **summary,
    )


def _indicator_summary(plan: Plan, register, grade_years) -> dict:
    """The roll-ups of the whole plan's indicator page: per node, per year of the city's grades."""
    return {
        "node_rows": [(node, len(parents), register.tally(node)) for node, parents in plan.tree.walk() if register.under(node)],
        "grade_tally": register.grade_tally() if grade_years else None,
        "grade_years": [(year, register.grade_tally(year=year)) for year in grade_years],
        "project_grade_years": [(year, register.project_grade_tally(year=year)) for year in register.project_grade_years(None)],
        "node_grades": [(node, len(parents), register.grade_tally(node)) for node, parents in plan.tree.walk()
                        if register.grade_years(node)],
        "disagreements": register.disagreements(),
    }


def _indicator_parts(ctx, plan: Plan) -> list:
    """(part, number of indicators) for each part of a large plan that has indicators."""
    register = ctx.register(plan)
    counted = [(part, len(register.owned_by(part.items))) for part in plan_parts(plan)]
    return [(part, count) for part, count in counted if count]


def _part_url(plan: Plan, part) -> str:
    return f"{urls.indicators(plan)}{part.key}/"


INDICATORS = PageKind(
    "indicators", url=lambda plan, item: urls.indicators(plan), title=lambda plan, item: section_title(plan.words, "indicators"),
    heading=lambda plan, item: f"{plan.meta.title}の{section_title(plan.words, 'indicators')}", body=_indicators,
    items=lambda ctx, plan: (None,) if ctx.register(plan).entries else (),
)

INDICATOR_PARTS = PageKind(
    "indicator-part", url=_part_url, title=lambda plan, part: f"{plan.words.indicator}の一覧（{part.title}）", body=_indicators,
    heading=lambda plan, part: f"{plan.meta.title}の{plan.words.indicator}の一覧（{part.title}）",
    items=lambda ctx, plan: [part for part, _ in _indicator_parts(ctx, plan)],
    # A part shows its 事業's indicators and, of the whole plan, only whether anything is graded.
    reuse_key=lambda ctx, plan: bool(ctx.register(plan).grade_years(None)), shows=lambda plan, part: part.project_ids(),
    crumbs=lambda plan, part: (Crumb(plan.meta.title, urls.plan_home(plan)), Crumb(section_title(plan.words, "indicators"), urls.indicators(plan))),
)
