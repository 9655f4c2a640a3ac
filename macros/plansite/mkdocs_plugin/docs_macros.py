"""Macros for docs/ pages, e.g. {{ plan_list() }} or {{ kpi_table("hadano-dx", "1-1") }}."""

from __future__ import annotations

from markupsafe import Markup

from ..a11y import report

from ..model.plan import Plan, Site
from ..pages import urls
from ..progress.achievement import RULES
from ..pages.chrome import status_badge
from ..progress.register import COUNTING, register_for
from ..render import components, timeline_components
from ..render.field_reference import field_reference
from ..render.environment import render


def register(env) -> None:
    def site() -> Site:
        plugin = env.conf.plugins.get("plansite")
        if plugin is None or plugin.site is None:
            raise RuntimeError("mkdocs.yml の plugins に plansite を macros より前に書いてください")
        return plugin.site

    def link() -> urls.Linker:
        return urls.Linker(env.page.url if env.page else "", directory_urls=env.conf.use_directory_urls)

    def plan(plan_id: str) -> Plan:
        try:
            return site().plan_by_id[plan_id]
        except KeyError:
            raise KeyError(f"計画「{plan_id}」はありません（{'、'.join(site().plan_by_id)}）") from None

    @env.macro
    def plan_list() -> Markup:
        """Every plan of the site with its municipality, kind, period and status."""
        return Markup(render("components/plan_list.html", site=site(), link=link(), urls=urls, status_badge=status_badge))

    @env.macro
    def plan_tree(plan_id: str) -> Markup:
        return components.tree(plan(plan_id), link())

    @env.macro
    def project_table(plan_id: str, level: str) -> Markup:
        return components.project_table(plan(plan_id), link(), level=level)

    @env.macro
    def kpi_table(plan_id: str, project_id: str) -> Markup:
        p = plan(plan_id)
        return components.kpis(p, p.project_by_id[project_id], link())

    env.macro(field_reference, "data_fields")

    @env.macro
    def jargon_report() -> Markup:
        """Per plan, the words that look like jargon but have no glossary entry (computed now)."""
        from ..terms.jargon import find_jargon

        findings = [(p, find_jargon(p, site())) for p in site().plans]
        return Markup(render("components/jargon_report.html", findings=findings))

    @env.macro
    def accessibility_policy() -> Markup:
        """ウェブアクセシビリティ方針: values from mkdocs.yml extra.accessibility."""
        return report.policy(env.conf.extra["accessibility"])

    @env.macro
    def accessibility_results() -> Markup:
        """試験結果: the last audit's record, compared with the pages of this build."""
        coverage = env.conf.plugins.get("plansite").record.coverage
        return report.results_page(coverage, env.conf.extra["accessibility"], link(), env.page.url)

    @env.macro
    def schedule_table(plan_id: str, project_id: str) -> Markup:
        p = plan(plan_id)
        return components.schedule(p, p.project_by_id[project_id], link())

    @env.macro
    def achievement_rules() -> Markup:
        """How achievement is judged, the same text every status on the site follows."""
        return Markup(render("components/achievement_rules.html", rules=RULES, counting=COUNTING))

    @env.macro
    def achievement_summary(plan_id: str, node_id: str = "") -> Markup:
        """Counts of indicators by status, for a plan or one node of its hierarchy."""
        p = plan(plan_id)
        node = p.nodes[node_id] if node_id else None
        title = f"{node.title}の指標" if node else f"{p.meta.title}の指標"
        return components.tally(register_for(p).tally(node), f"tally-{plan_id}-{node_id or 'plan'}", title, link()(urls.indicators(p)))

    # Time across fiscal years: {{ roadmap("hadano-dx") }}, {{ period_chart("chigasaki-dx") }} …
    for name, (function, _) in timeline_components.COMPONENTS.items():
        env.macro(_for_plan(function, plan, link), name.replace("-", "_"))


def _for_plan(function, plan, link):
    def macro(plan_id: str) -> Markup:
        return function(plan(plan_id), link())

    macro.__doc__ = function.__doc__
    return macro


def define_env(env) -> None:
    """mkdocs-macros calls this for the module named under `modules:` in mkdocs.yml."""
    register(env)
