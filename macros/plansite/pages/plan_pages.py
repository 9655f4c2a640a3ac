"""A plan's home page and its two overviews: the list of 事業 and the indicator dashboard."""

from __future__ import annotations

from ..base import urls
from ..model.plan import Plan, Site
from ..model.plan_meta import SECTIONS
from ..progress.achievement import RULES
from ..progress.export import owner_label
from ..progress.register import COUNTING, headlines
from .item_pages import ordered_chapters
from .kinds import PageKind, Request
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
        timeline_links=timeline_links(request.ctx, plan),
    )


HOME = PageKind(
    "home", url=lambda plan, item: urls.plan_home(plan), title=lambda plan, item: plan.meta.title, body=home_sections,
    crumbs=lambda plan, item: (), menu_path=lambda plan, item: () if plan.archived else (plan.meta.title,),
)


def _top_level_names(plan: Plan) -> str:
    return "・".join(dict.fromkeys(plan.level_of(n).name for n in plan.tree.nodes))


def _project_list(request: Request):
    plan = request.plan
    rows = []
    for project in plan.projects:
        top = (plan.ancestors[project.node] + (plan.nodes[project.node],))[0]
        rows.append({"project": project, "group": plan.display_name(top),
                     "novelty": "新規" if project.is_new else ("継続" if project.novelty else "")})
    return page_sections(
        "projects", request, rows=rows, departments=sorted({d for p in plan.projects for d in p.departments}),
        group_names=list(dict.fromkeys(r["group"] for r in rows)),
        novelties=[n for n in ("新規", "継続") if any(r["novelty"] == n for r in rows)], group_level_name=_top_level_names(plan),
    )


PROJECT_LIST = PageKind(
    "projects", url=lambda plan, item: urls.project_list(plan), title=lambda plan, item: SECTIONS["projects"],
    heading=lambda plan, item: f"{plan.meta.title}の{SECTIONS['projects']}", body=_project_list,
    items=lambda ctx, plan: (None,) if plan.projects else (),
)


def _indicators(request: Request):
    plan = request.plan
    register = request.ctx.register(plan)
    rows = []
    for entry in register.entries:
        owner_url = urls.project(plan, entry.owner) if entry.is_project else urls.node(plan, entry.owner)
        rows.append({"entry": entry, "group": plan.display_name(entry.path[0]), "url": owner_url, "lines": headlines(entry)})
    node_rows = [(node, len(parents), register.tally(node)) for node, parents in plan.tree.walk() if register.under(node)]
    owners = dict.fromkeys(owner_label(register, e) for e in register.entries)
    return page_sections(
        "indicators", request, tally=register.tally(), rows=rows, node_rows=node_rows,
        groups=list(dict.fromkeys(r["group"] for r in rows)), departments=sorted({d for e in register.entries for d in e.departments}),
        top_level_names=_top_level_names(plan), level_names="・".join(level.name for level in plan.meta.levels),
        owner_names="・".join(owners), counting=COUNTING, rules_text=RULES, node_title=plan.display_name,
    )


INDICATORS = PageKind(
    "indicators", url=lambda plan, item: urls.indicators(plan), title=lambda plan, item: SECTIONS["indicators"],
    heading=lambda plan, item: f"{plan.meta.title}の{SECTIONS['indicators']}", body=_indicators,
    items=lambda ctx, plan: (None,) if ctx.register(plan).entries else (),
)
