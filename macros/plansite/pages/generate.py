"""Every page a plan gets, as Markdown for MkDocs, plus the navigation that mirrors its hierarchy."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional

from ..model.plan import Chapter, Plan, Site
from ..model.plan_meta import SECTIONS
from ..model.project import Project
from ..model.tree import Node
from ..progress.achievement import RULES
from ..progress.export import INDICATOR_FILE_INFO, owner_label
from ..publishing.open_data import OPEN_DATA_FILES, plan_files
from ..schema import PLAN_DATA
from ..progress.register import COUNTING, Register, headlines, register_for
from ..publishing.comment_period import comment_period
from ..publishing.notices import comment_anchor, targets, with_notices
from ..render import components
from ..render.environment import render
from ..render.sdgs import SDG_NAMES
from ..text import dates
from ..text.markdown import markdown_heading, render_page_body, unescaped_safe
from ..base import urls
from .chrome import breadcrumbs, status
from ..editions.names import edition_nav
from . import printable
from .fences import render_fence
from .timeline_pages import timeline_links, timeline_pages
from ..terms.linking import TermLinker
from ..terms.ordering import by_row
from ..terms.site_terms import matcher_for, terms_for, tip



@dataclass(frozen=True)
class GeneratedPage:
    url: str
    title: str  # navigation and <title>
    heading: str  # the page's h1
    body: str
    plan_title: str = ""
    notice: str = ""  # HTML after the h1: the public comment notice and references
    searchable: bool = True  # False for pages that repeat others (printable) or only list files


    @property
    def src_path(self) -> str:
        return urls.source_path(self.url)

    def markdown(self) -> str:
        meta = {"title": unescaped_safe(self.title), "render_macros": False}
        if self.plan_title:
            meta["plan_title"] = unescaped_safe(self.plan_title)
        if not self.searchable:
            meta["search"] = {"exclude": True}
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
        return f"---\n{front}\n---\n\n{self.body_with_heading()}"

    def body_with_heading(self) -> str:
        """The h1 goes after the breadcrumbs (if any), before the rest of the body."""
        heading = markdown_heading(1, self.heading, "page-title")
        if self.notice:
            heading = f"{heading}\n\n{self.notice}"
        if self.body.startswith("<nav class=\"plan-breadcrumbs\""):
            crumbs, _, rest = self.body.partition("</nav>\n")
            return f"{crumbs}</nav>\n\n{heading}\n\n{rest}"
        return f"{heading}\n\n{self.body}"


def site_pages(site: Site, *, directory_urls: bool = True, memo: Optional[dict] = None) -> list[GeneratedPage]:
    """memo: kept by the preview between rebuilds, so unchanged pages are not linked to the glossary again."""
    pages: list[GeneratedPage] = []
    shared_usage: dict[str, list] = {}
    for plan in site.plans:
        pages.extend(plan_pages(plan, site, directory_urls=directory_urls, shared_usage=shared_usage, memo=memo))
    if site.glossary:
        url = urls.glossary(None)
        link = urls.Linker(url, directory_urls=directory_urls)
        body = render("pages/glossary.md", terms=site.glossary.terms, rows=by_row(site.glossary.terms), usage=shared_usage,
                      link=link, urls=urls, plan=None)
        pages.append(GeneratedPage(url, "共通の用語集", "共通の用語集", body))
    if site.priorities and len(site.plans) > 1:
        url = urls.priorities()
        link = urls.Linker(url, directory_urls=directory_urls)
        body = render("pages/priorities.md", site=site, link=link, urls=urls, rows=priority_rows(site))
        pages.append(GeneratedPage(url, site.priorities.title, f"{site.priorities.title}と各計画", body))
    return pages


def priority_rows(site: Site) -> list[tuple]:
    """(priority, [(plan, [items tagged with it])]) for the comparison page."""
    rows = []
    for priority in site.priorities.items:
        per_plan = []
        for plan in site.plans:
            items = [n for n, _ in plan.tree.walk() if priority.id in n.priorities]
            items += [p for p in plan.projects if priority.id in p.priorities]
            per_plan.append((plan, items))
        rows.append((priority, per_plan))
    return rows


def plan_pages(plan: Plan, site: Site, *, directory_urls: bool = True, shared_usage: dict | None = None,
               memo: Optional[dict] = None) -> list[GeneratedPage]:
    def linker(url: str) -> urls.Linker:
        return urls.Linker(url, directory_urls=directory_urls)

    title = plan.meta.title
    register = register_for(plan)
    pages = [_plan_home(plan, site, register, linker(urls.plan_home(plan)))]
    for chapter in plan.chapters:
        url = urls.chapter(plan, chapter)
        pages.append(GeneratedPage(url, chapter.title, chapter.title, _chapter_body(plan, chapter, linker(url)), title))
    for node, parents in plan.tree.walk():
        url = urls.node(plan, node)
        pages.append(GeneratedPage(url, node_title(plan, node), node.title, _node_body(plan, site, register, node, parents, linker(url)), title))
    for project in plan.projects:
        url = urls.project(plan, project)
        pages.append(GeneratedPage(url, project_title(project), project_title(project), _project_body(plan, site, project, linker(url)), title))
    if plan.projects:
        url = urls.project_list(plan)
        pages.append(GeneratedPage(url, "事業一覧", f"{title}の事業一覧", _project_list_body(plan, site, linker(url)), title))
    if register.entries:
        url = urls.indicators(plan)
        pages.append(GeneratedPage(url, "指標と達成状況", f"{title}の指標と達成状況", _indicators_body(plan, site, register, linker(url)), title))
    if plan.lineage:
        url = urls.lineage(plan)
        pages.append(GeneratedPage(url, "前計画からの移行", "前計画からの移行", _lineage_body(plan, site, linker(url)), title))
    pages.extend(GeneratedPage(page.url, page.title, page.title, page.body, title) for page in timeline_pages(plan, linker))
    if plan.comments:
        url = urls.comments(plan)
        pages.append(GeneratedPage(url, plan.comments.title, plan.comments.title, _comments_body(plan, site, linker(url)), title))
    pages, usage = _link_terms(plan, site, pages, linker, memo)
    if shared_usage is not None:
        shared = {term_id for term_id, placed in terms_for(plan, site).items() if placed.home is None}
        for term_id in shared & usage.keys():
            shared_usage.setdefault(term_id, []).extend(usage[term_id])
    if plan.glossary:
        url = urls.glossary(plan)
        body = render("pages/glossary.md", terms=plan.glossary.terms, rows=by_row(plan.glossary.terms), usage=usage,
                      link=linker(url), urls=urls, plan=plan)
        pages.append(GeneratedPage(url, "用語集", f"{title}の用語集", body, title))
    pages.extend(_printable_pages(plan, site, register, linker))
    url = urls.open_data(plan)
    pages.append(GeneratedPage(url, "オープンデータ", f"{title}のオープンデータ", _open_data_body(plan, site, linker(url)), title, searchable=False))
    period = comment_period(plan.meta, site.today) if site.today else None
    pages = with_notices(plan, pages, period, linker, lambda n: node_title(plan, n), project_title)
    return pages


def _open_data_body(plan: Plan, site: Site, link: urls.Linker) -> str:
    contents = plan_files(plan)
    described = {urls.open_data(plan) + name: (fmt, text) for name, fmt, text in OPEN_DATA_FILES.values()}
    described.update({urls.indicator_download(plan, kind): info for kind, info in INDICATOR_FILE_INFO.items()})
    files = [{"url": path, "name": path.rsplit("/", 1)[-1], "format": described[path][0], "description": described[path][1],
              "size": _size(contents[path])} for path in contents]
    return _page("open_data", plan, site, link, files=files, schema_url=f"{urls.SCHEMA_FOLDER}{PLAN_DATA}.schema.json")


def _size(text: str) -> str:
    size = len(text.encode("utf-8"))
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} バイト"


def _printable_pages(plan: Plan, site: Site, register: Register, linker) -> list[GeneratedPage]:
    """計画書全体 (home, chapters, hierarchy) and 事業集 (every project) as one page each."""
    title = plan.meta.title
    url = urls.printable(plan, "plan")
    link = linker(url)
    sections = [("plan-home", title, _plan_home(plan, site, register, link).body)]
    sections += [(f"chapter-{c.id}", c.title, _chapter_body(plan, c, link)) for c in ordered_chapters(plan)]
    sections += [(f"node-{n.id}", node_title(plan, n), _node_body(plan, site, register, n, parents, link))
                 for n, parents in plan.tree.walk()]
    pages = [GeneratedPage(url, "印刷用（計画書全体）", f"{title}（印刷用・計画書全体）", _printable_body(sections))]
    if plan.projects:
        url = urls.printable(plan, "projects")
        link = linker(url)
        sections = [(f"project-{p.id}", project_title(p), _project_body(plan, site, p, link)) for p in plan.projects]
        pages.append(GeneratedPage(url, "印刷用（事業集）", f"{title}（印刷用・事業集）", _printable_body(sections)))
    return [replace(page, plan_title=title, searchable=False) for page in pages]


def _printable_body(sections: list[tuple[str, str, str]]) -> str:
    lead = "<p class=\"plan-print-lead\">このページは印刷用です。ブラウザの印刷機能で印刷するか、PDF として保存してください。各項目は新しいページから始まります。</p>"
    joined = "\n\n".join(printable.section(anchor, heading, body) for anchor, heading, body in sections)
    return f"{lead}\n\n{printable.contents([(a, h) for a, h, _ in sections])}\n\n{joined}"


def _link_terms(plan: Plan, site: Site, pages: list[GeneratedPage], linker, memo: Optional[dict] = None) -> tuple[list[GeneratedPage], dict]:
    """Link glossary terms in every page of the plan; also say which pages use which term."""
    terms = terms_for(plan, site)
    usage: dict[str, list[tuple[str, str, str]]] = {}
    if not terms:
        return pages, usage
    matcher = matcher_for(terms)
    tips = {term_id: tip(placed.term) for term_id, placed in terms.items()}
    for index, page in enumerate(pages):  # replaced in place: thousands of page bodies are not held twice
        # The same body, URL and glossaries link the same way: the preview reuses what it did before.
        inputs = (plan.glossary, site.glossary, plan.meta.term_links)
        known = memo.get((page.url, page.body)) if memo is not None else None
        if known and all(a is b for a, b in zip(known[0], inputs)):
            body, used = known[1:]
        else:
            term_linker = TermLinker(matcher, _TermHrefs(terms, linker(page.url)), tips, every=plan.meta.term_links == "every")
            body = term_linker.link(page.body) if plan.meta.term_links != "off" else page.body
            if plan.meta.term_links == "off":
                term_linker.link(page.body)  # still find where terms are used, for the glossary page
            used = term_linker.used
            if memo is not None:
                memo[(page.url, page.body)] = (inputs, body, used)
        for term_id in used:
            usage.setdefault(term_id, []).append((plan.meta.title, page.title, page.url))
        pages[index] = replace(page, body=body)
    return pages, usage


class _TermHrefs(dict):
    """Term id -> link to its glossary entry, worked out only for the terms a page uses
    (a page uses a few of a glossary's hundreds of terms)."""

    def __init__(self, terms: dict, link: urls.Linker):
        super().__init__()
        self._terms, self._link = terms, link

    def __missing__(self, term_id: str) -> str:
        self[term_id] = href = self._link(urls.glossary(self._terms[term_id].home), f"term-{term_id}")
        return href


def node_title(plan: Plan, node: Node) -> str:
    return f"{plan.level_of(node).name}{node.number or ''} {node.title}"


def project_title(project: Project) -> str:
    return f"{project.number} {project.title}"


def ordered_chapters(plan: Plan) -> list[Chapter]:
    by_id = {c.id: c for c in plan.chapters}
    listed = [by_id[e.chapter] for e in plan.meta.contents if e.chapter]
    return listed or list(plan.chapters)


# --- page bodies ------------------------------------------------------------------------------

def _page(template: str, plan: Plan, site: Site, link: urls.Linker, **context) -> str:
    return render(
        f"pages/{template}.md", plan=plan, site=site, link=link, urls=urls, components=_Components, dates=dates,
        sdg_names=SDG_NAMES, loop_anchor=old_anchor, site_priorities=site.priorities, **context,
    )


def _plan_home(plan: Plan, site: Site, register: Register, link: urls.Linker) -> GeneratedPage:
    body = _page("plan", plan, site, link, ordered_chapters=ordered_chapters(plan), relations=relations(plan, site),
                 tally=register.tally() if register.entries else None, judged=register.has_actuals,
                 timeline_links=timeline_links(plan))
    return GeneratedPage(urls.plan_home(plan), plan.meta.title, plan.meta.title, body, plan.meta.title)


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


def _chapter_body(plan: Plan, chapter: Chapter, link: urls.Linker) -> str:
    trail = [(plan.meta.title, urls.plan_home(plan))]
    crumbs = str(breadcrumbs(plan, trail, chapter.title, link))
    return crumbs + "\n\n" + render_page_body(chapter.markdown, lambda body, line: render_fence(plan, body, link), first_line=chapter.first_line)


def _trail(plan: Plan, parents: tuple[Node, ...]) -> list[tuple[str, str]]:
    return [(plan.meta.title, urls.plan_home(plan))] + [(node_title(plan, p), urls.node(plan, p)) for p in parents]


def _node_body(plan: Plan, site: Site, register: Register, node: Node, parents: tuple[Node, ...], link: urls.Linker) -> str:
    level = plan.level_of(node)
    tally = register.tally(node) if register.has_actuals else None
    own = plan.projects_by_node.get(node.id, ())
    child_levels = {plan.level_of(child).name for child in node.children}
    return _page(
        "node", plan, site, link, item=node, node=node, level=level, trail=_trail(plan, parents), current=node_title(plan, node),
        own_projects=own, children_heading="・".join(sorted(child_levels)) or "下の階層",
        projects_heading=level.projects_label or "事業", tally=tally if tally and tally.total else None,
    )


def _project_body(plan: Plan, site: Site, project: Project, link: urls.Linker) -> str:
    node = plan.nodes[project.node]
    parents = plan.ancestors[node.id] + (node,)
    return _page(
        "project", plan, site, link, item=project, node=node, level=plan.level_of(node), trail=_trail(plan, parents),
        current=project_title(project),
    )


def _project_list_body(plan: Plan, site: Site, link: urls.Linker) -> str:
    rows = []
    for project in plan.projects:
        group = plan.ancestors[project.node][:1] + (plan.nodes[project.node],)
        top = group[0]
        rows.append({"project": project, "group": node_title(plan, top), "novelty": "新規" if project.is_new else ("継続" if project.novelty else "")})
    departments = sorted({d for p in plan.projects for d in p.departments})
    groups = list(dict.fromkeys(r["group"] for r in rows))
    novelties = [n for n in ("新規", "継続") if any(r["novelty"] == n for r in rows)]
    top_levels = list(dict.fromkeys(plan.level_of(n).name for n in plan.tree.nodes))
    return _page(
        "projects", plan, site, link, rows=rows, departments=departments, group_names=groups, novelties=novelties,
        group_level_name="・".join(top_levels),
    )


def _indicators_body(plan: Plan, site: Site, register: Register, link: urls.Linker) -> str:
    rows = []
    for entry in register.entries:
        owner_url = urls.project(plan, entry.owner) if entry.is_project else urls.node(plan, entry.owner)
        rows.append({"entry": entry, "group": node_title(plan, entry.path[0]), "url": owner_url, "lines": headlines(entry)})
    top_levels = list(dict.fromkeys(plan.level_of(n).name for n in plan.tree.nodes))
    node_rows = [(node, len(parents), register.tally(node)) for node, parents in plan.tree.walk() if register.under(node)]
    owners = dict.fromkeys(owner_label(register, e) for e in register.entries)
    return _page(
        "indicators", plan, site, link, tally=register.tally(), rows=rows, node_rows=node_rows,
        groups=list(dict.fromkeys(r["group"] for r in rows)), departments=sorted({d for e in register.entries for d in e.departments}),
        top_level_names="・".join(top_levels), level_names="・".join(level.name for level in plan.meta.levels),
        owner_names="・".join(owners), counting=COUNTING, rules_text=RULES, node_title=lambda n: node_title(plan, n),
    )


def _comments_body(plan: Plan, site: Site, link: urls.Linker) -> str:
    page_targets = targets(plan, lambda n: node_title(plan, n), project_title)
    by_item = {(field, item_id): (target, url) for url, (target, field, item_id) in page_targets.items()}
    rows = []
    for comment in plan.comments.comments:
        key = next(((f, getattr(comment, f)) for f in ("project", "node", "chapter") if getattr(comment, f)), None)
        target, url = by_item.get(key, (None, urls.plan_home(plan)))
        rows.append({"comment": comment, "anchor": comment_anchor(comment), "url": url,
                     "label": comment.target or (target.reference if target else "計画全体")})
    return _page("comments", plan, site, link, rows=rows, comments=plan.comments)


def old_anchor(old) -> str:
    return re.sub(r"[^0-9a-z]+", "-", old.number.lower()).strip("-") + ("-restated" if old.restated else "")


def _lineage_body(plan: Plan, site: Site, link: urls.Linker) -> str:
    lineage = plan.lineage
    groups: dict[str, dict[str, list]] = {}
    for old in lineage.projects:
        groups.setdefault(old.policy or "", {}).setdefault(old.measure or "", []).append((old, old_anchor(old)))
    counts = Counter(old.status for old in lineage.projects if not old.restated)
    return _page(
        "lineage", plan, site, link, lineage=lineage, counts=counts, restated=sum(o.restated for o in lineage.projects),
        groups=[(policy, list(measures.items())) for policy, measures in groups.items()],
    )


class _Components:
    """What page templates may call: the components plus the page chrome."""

    status = staticmethod(status)
    breadcrumbs = staticmethod(breadcrumbs)
    philosophy = staticmethod(components.philosophy)
    tree = staticmethod(components.tree)
    schedule = staticmethod(components.schedule)
    kpis = staticmethod(components.kpis)
    tally = staticmethod(components.tally)


# --- navigation -------------------------------------------------------------------------------

def navigation(site: Site) -> list:
    """MkDocs nav entries: one section per plan, mirroring its hierarchy, then the comparison."""
    entries: list = [{plan.meta.title: _plan_nav(plan)} for plan in site.plans]
    if site.glossary:
        entries.append({"共通の用語集": urls.source_path(urls.glossary(None))})
    if site.priorities and len(site.plans) > 1:
        entries.append({site.priorities.title: urls.source_path(urls.priorities())})
    return _safe_titles(entries)


def _safe_titles(entries: list) -> list:
    """The theme prints menu titles without escaping them."""
    return [{unescaped_safe(title): _safe_titles(value) if isinstance(value, list) else value for title, value in entry.items()}
            if isinstance(entry, dict) else entry for entry in entries]


def _plan_nav(plan: Plan) -> list:
    entries: list = [urls.source_path(urls.plan_home(plan))]
    chapters = {c.id: c for c in plan.chapters}
    contents = plan.meta.contents or (
        [_Entry(chapter=c.id) for c in plan.chapters] + [_Entry(section="tree"), _Entry(section="projects")]
        + ([_Entry(section="lineage")] if plan.lineage else [])
    )
    listed = {entry.section for entry in contents}
    # Generated pages the contents do not place: the dashboard after the project list, the glossary last.
    implied = {"projects": ["indicators"] if "indicators" not in listed else []}
    pending = [section for section in ("indicators", "comments", "glossary") if section not in listed]
    for entry in contents:
        if entry.chapter:
            chapter = chapters[entry.chapter]
            entries.append({chapter.title: urls.source_path(urls.chapter(plan, chapter))})
            continue
        for section in [entry.section, *implied.get(entry.section, [])]:
            if section == "tree":
                entries.extend({level.name: [_node_nav(plan, node) for node in nodes]} for level, nodes in plan.root_groups())
            else:
                if section in pending:
                    pending.remove(section)
                entries.extend(_section_nav(plan, section))
    entries.extend({title: urls.source_path(url)} for title, url in timeline_links(plan))
    for section in pending:
        entries.extend(_section_nav(plan, section))
    return entries + edition_nav(plan)


def _section_nav(plan: Plan, section: str) -> list:
    """The nav entry of a generated page, if the plan has that page."""
    has_page = {
        "projects": bool(plan.projects), "indicators": bool(register_for(plan).entries),
        "lineage": bool(plan.lineage), "comments": bool(plan.comments), "glossary": bool(plan.glossary),
    }
    page = {"projects": urls.project_list, "indicators": urls.indicators, "lineage": urls.lineage, "comments": urls.comments,
            "glossary": urls.glossary}
    if not has_page.get(section):
        return []
    return [{SECTIONS[section]: urls.source_path(page[section](plan))}]


@dataclass(frozen=True)
class _Entry:
    chapter: Optional[str] = None
    section: Optional[str] = None


def _node_nav(plan: Plan, node: Node) -> dict:
    children = [_node_nav(plan, child) for child in node.children]
    children += [{project_title(p): urls.source_path(urls.project(plan, p))} for p in plan.projects_by_node.get(node.id, ())]
    page = urls.source_path(urls.node(plan, node))
    return {node_title(plan, node): [page, *children] if children else page}
