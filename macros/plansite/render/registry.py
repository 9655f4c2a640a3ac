"""Every component an author can place: in a chapter as a ```plan fence, in a hand-written page
of docs/ as a macro ({{ kpi_table("hadano-dx", "1-1") }}), and listed in the authoring guide.

Arguments are checked here, once for all three: a mistake gives a Japanese message saying what
was given and what exists, never a Python error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from markupsafe import Markup

from ..base import urls
from ..model.plan import Plan, Site
from ..progress.achievement import RULES
from ..progress.register import COUNTING, Register
from ..terms.jargon import find_jargon
from . import components, timeline_components
from .environment import render
from .field_reference import field_reference


class ComponentError(ValueError):
    """A component called with arguments that name nothing (the message is for the author)."""


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "plan", "project", "node", "level" (resolved in the plan named before) or "text"
    description: str
    required: bool = True


@dataclass(frozen=True)
class Place:
    """Where a component is drawn: the site, the page's link context, and per-site settings
    (the accessibility policy of mkdocs.yml, the audit results) for the components that use them."""

    site: Site
    link: Any
    register: Callable[[Plan], Register]
    settings: dict


@dataclass(frozen=True)
class Component:
    name: str  # the macro's name
    draw: Callable[..., Markup]  # draw(place, **resolved arguments)
    params: tuple[Param, ...]
    description: str
    fence: Optional[str] = None  # its name in a ```plan fence, when chapters may place it

    def call_text(self, args: tuple, kwargs: dict) -> str:
        shown = [repr(a) for a in args] + [f"{key}={value!r}" for key, value in kwargs.items()]
        return f"{self.name}({', '.join(shown)})"

    def resolve(self, site: Site, args: tuple, kwargs: dict) -> dict:
        """Name -> value (a Plan, Project, Node or text) for every argument, or ComponentError."""
        if len(args) > len(self.params):
            raise ComponentError(f"引数が多すぎます（{self.name} の引数は {self._signature()}）")
        given = dict(zip((p.name for p in self.params), args))
        for key, value in kwargs.items():
            if key not in {p.name for p in self.params}:
                raise ComponentError(f"引数「{key}」はありません（{self.name} の引数は {self._signature()}）")
            if key in given:
                raise ComponentError(f"引数「{key}」が2回指定されています")
            given[key] = value
        resolved: dict = {}
        plan: Optional[Plan] = None
        for param in self.params:
            if param.name not in given:
                if param.required:
                    raise ComponentError(f"引数「{param.name}」（{param.description}）が必要です（{self.name} の引数は {self._signature()}）")
                continue
            value = given[param.name]
            if not isinstance(value, str):
                raise ComponentError(f"引数「{param.name}」には文字列を書いてください（例: \"hadano-dx\"）")
            if param.kind == "plan":
                plan = resolved[param.name] = _pick(site.plan_by_id, value, "計画")
            elif param.kind == "project":
                resolved[param.name] = _pick(plan.project_by_id, value, f"{plan.meta.title}の事業")
            elif param.kind == "node":
                resolved[param.name] = _pick(plan.nodes, value, f"{plan.meta.title}の体系の項目") if value else None
            elif param.kind == "level":
                resolved[param.name] = _pick(plan.levels, value, f"{plan.meta.title}の階層").id
            else:
                resolved[param.name] = value
        return resolved

    def _signature(self) -> str:
        return "(" + ", ".join(p.name if p.required else f"{p.name}（省略可）" for p in self.params) + ")"


def _pick(found: dict, key: str, what: str):
    if key in found:
        return found[key]
    known = "、".join(list(found)[:20]) + ("…" if len(found) > 20 else "")
    raise ComponentError(f"{what}「{key}」はありません（あるもの: {known or 'なし'}）")


_PLAN = Param("plan_id", "plan", "計画の ID（data/plans/ のフォルダ名）")
_PROJECT = Param("project_id", "project", "事業の ID（projects/ のファイル名）")


def _tally(place: Place, plan_id: Plan, node_id=None) -> Markup:
    """Arguments arrive resolved: plan_id is the Plan, node_id the Node (or None)."""
    plan, node = plan_id, node_id
    title = f"{node.title}の指標" if node else f"{plan.meta.title}の指標"
    tally_id = place.link.id(f"tally-{plan.id}-{node.id if node else 'plan'}")
    return components.tally(place.register(plan).tally(node), tally_id, title, place.link(urls.indicators(plan)), plan)


def _with_plan(function):
    """A component of one plan, drawn as its fence and its macro alike."""
    return lambda place, plan_id, **args: function(plan_id, place.link, **args)


COMPONENTS: tuple[Component, ...] = (
    Component("plan_list", lambda place: components.plan_list(place.site, place.link), (),
              "サイトのすべての計画（自治体・種類・期間・状態）"),
    Component("philosophy", _with_plan(components.philosophy), (_PLAN,), "計画の基本理念", fence="philosophy"),
    Component("plan_tree", _with_plan(components.tree), (_PLAN,), "計画の体系（階層と事業の一覧）", fence="tree"),
    Component("common", _with_plan(components.common), (_PLAN,), "体系に共通する事項（共通事項）", fence="common"),
    Component("project_table", _with_plan(components.project_table),
              (_PLAN, Param("level", "level", "階層の ID（plan.yaml の levels）")), "ある階層の項目ごとの事業の一覧表",
              fence="project-table"),
    Component("kpi_table", lambda place, plan_id, project_id: components.kpis(plan_id, project_id, place.link),
              (_PLAN, _PROJECT), "事業の評価指標（年度ごとの目標値・実績値）"),
    Component("schedule_table", lambda place, plan_id, project_id: components.schedule(plan_id, project_id, place.link),
              (_PLAN, _PROJECT), "事業のスケジュール"),
    Component("achievement_rules", lambda place: Markup(render("components/achievement_rules.html", rules=RULES, counting=COUNTING)), (),
              "達成状況の判定の規則（サイトのすべての判定が従うもの）"),
    Component("achievement_summary", _tally,
              (_PLAN, Param("node_id", "node", "体系の項目の ID（省略すると計画全体）", required=False)),
              "計画全体または体系の項目ごとの、達成状況の件数"),
    Component("roadmap", _with_plan(timeline_components.roadmap), (_PLAN,), "計画のロードマップ（事業ごとの年度の段階）", fence="roadmap"),
    Component("period_chart", _with_plan(timeline_components.period_chart), (_PLAN,), "計画期間と関連する計画の期間の図",
              fence="period-chart"),
    Component("vision", _with_plan(timeline_components.vision), (_PLAN,), "将来像（年ごとに目指す姿）", fence="vision"),
    Component("chronicle", _with_plan(timeline_components.chronicle), (_PLAN,), "これまでの歩み（年表）", fence="chronicle"),
    Component("jargon_report", lambda place: Markup(render("components/jargon_report.html",
                                                           findings=[(p, find_jargon(p, place.site)) for p in place.site.plans])), (),
              "計画ごとの、用語集にない専門用語らしい語（作成ガイド用）"),
    Component("data_fields", lambda place, name, definition="": field_reference(name, definition),
              (Param("name", "text", "データのファイルの種類（plan・project など）"),
               Param("definition", "text", "その中の部分の名前（例: Indicator）", required=False)),
              "データのファイルに書ける項目の表（作成ガイド用）"),
)

BY_NAME = {component.name: component for component in COMPONENTS}
BY_FENCE = {component.fence: component for component in COMPONENTS if component.fence}  # the names model/fences.py lists


def draw(component: Component, place: Place, args: tuple = (), kwargs: Optional[dict] = None) -> Markup:
    """The component with its arguments checked (ComponentError names what is wrong)."""
    return component.draw(place, **component.resolve(place.site, args, kwargs or {}))


def draw_fence(spec: dict, plan: Plan, place: Place) -> Markup:
    """A ```plan fence that loading has checked: its plan is the chapter's own."""
    component = BY_FENCE[spec["component"]]
    return component.draw(place, plan, **{key: value for key, value in spec.items() if key != "component"})
