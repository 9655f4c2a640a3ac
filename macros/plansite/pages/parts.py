"""Whole-plan pages of a large plan come in parts, so that no page grows with the plan.

Above PART_SIZE 事業, the 事業集 to print, the indicator list and the roadmap each become a page
per part, and the whole-plan page lists the parts. A part is a top-level node of the hierarchy
with the 事業 below it, cut in runs of PART_SIZE when it holds more; 事業 outside any node (a
flat plan) are cut the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..model.plan import Plan
from ..model.project import Project
from ..model.tree import Node

PART_SIZE = 50  # 事業 per part: about a megabyte of HTML on the print page


@dataclass(frozen=True)
class Part:
    key: str  # the part's folder in its page's URL: the top node's id, then .2, .3 … for its later runs (ids have no dots)
    title: str
    top: Node | None  # None for 事業 outside the hierarchy
    projects: tuple[Project, ...]
    nodes: tuple[Node, ...] = field(default=())  # the top node's subtree, on its first part only

    @property
    def items(self) -> tuple:
        """The 事業 and the nodes it shows."""
        return (*self.projects, *self.nodes)

    @cached_property
    def _ids(self) -> frozenset[int]:
        return frozenset(id(item) for item in self.items)

    def project_ids(self) -> tuple[str, ...]:
        """The 事業 it shows (what the preview compares with the files edited: pages.memory)."""
        return tuple(project.id for project in self.projects)

    def holds(self, item) -> bool:
        """Whether a 事業 or node (the same object the plan holds) belongs to this part."""
        return id(item) in self._ids


def is_large(plan: Plan) -> bool:
    return len(plan.projects) > PART_SIZE


def plan_parts(plan: Plan) -> list[Part]:
    """The parts of a large plan in reading order ([] for a plan small enough for one page)."""
    if not is_large(plan):
        return []
    parts: list[Part] = []
    placed: set[int] = set()
    for top in plan.tree.nodes:
        projects = plan.projects_under(top)
        placed.update(id(p) for p in projects)
        parts += _runs(top.id, plan.display_name(top), top, projects, tuple(node for node, _ in top.walk()))
    rest = tuple(p for p in plan.projects if id(p) not in placed)
    if rest:
        parts += _runs("others", "体系に属さない事業", None, rest, ())
    return parts


def _runs(key: str, title: str, top, projects: tuple, nodes: tuple) -> list[Part]:
    runs = [projects[i:i + PART_SIZE] for i in range(0, len(projects), PART_SIZE)] or [()]
    return [Part(key if n == 1 else f"{key}.{n}", title if len(runs) == 1 else f"{title}（その{n}）", top, run,
                 nodes if n == 1 else ()) for n, run in enumerate(runs, 1)]
