"""The validated model of a site: plans with their hierarchy, projects, chapters and lineage.

Built once per build by plansite.loading; every page and export reads from it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping, Optional, Union

from .comments import Comments
from .download import Download
from .glossary import Glossary, Priorities, SharedGlossary
from .lineage import Lineage, OldProject
from .plan_meta import Level, PlanMeta
from .project import Project
from .tree import Node, Tree


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    markdown: str
    file: str  # path shown in messages
    first_line: int = 2  # line of the file where markdown starts (after the title line)


@dataclass(frozen=True)
class WholePlan:
    """The plan itself where a page lists what owns an indicator: plan.yaml's own kpis
    (KGI, 財政的効果) belong to the whole plan, not to a node or 事業."""

    id: str
    title: str
    kpis: tuple
    number: None = None

    @property
    def numbered_title(self) -> str:
        return self.title


@dataclass(frozen=True)
class RoadmapEntry:
    """A node or 事業 with a schedule, as the roadmap shows it."""

    item: Union[Node, Project]
    node: Optional[Node]  # the item itself when it is a node, else the node the project belongs to (None: directly under the plan)
    kind: Optional[str]  # what the plan calls the project (重点事業, 個別事業), when it has several names

    @property
    def is_project(self) -> bool:
        return isinstance(self.item, Project)

    @property
    def list_rows(self) -> list:
        return [(row.label, row.phases) for row in self.item.schedule]


@dataclass(frozen=True, eq=False)
class Plan:
    id: str
    meta: PlanMeta
    tree: Tree
    projects: tuple[Project, ...]  # in reading order: tree order, then number
    chapters: tuple[Chapter, ...]
    lineage: Optional[Lineage] = None
    glossary: Optional[Glossary] = None
    comments: Optional[Comments] = None  # 意見の概要と市の考え方, after the public comment period
    sources: dict = field(default_factory=dict, repr=False)  # file -> SourceMap, for later checks
    archived: bool = False  # an earlier edition, read from editions/<edition-id>/ (see model/edition.py)
    earlier: tuple["Plan", ...] = ()  # the current edition's earlier editions, newest first

    @cached_property
    def nodes(self) -> dict[str, Node]:
        return {node.id: node for node, _ in self.tree.walk()}

    @cached_property
    def ancestors(self) -> dict[str, tuple[Node, ...]]:
        return {node.id: parents for node, parents in self.tree.walk()}

    @cached_property
    def levels(self) -> dict[str, Level]:
        return {level.id: level for level in self.meta.levels}

    @cached_property
    def project_by_id(self) -> dict[str, Project]:
        return {p.id: p for p in self.projects}

    @cached_property
    def projects_by_node(self) -> dict[Optional[str], tuple[Project, ...]]:
        """Node id -> its projects; None -> the projects that sit directly under the plan."""
        grouped: dict[Optional[str], list[Project]] = {}
        for project in self.projects:
            grouped.setdefault(project.node, []).append(project)
        return {key: tuple(value) for key, value in grouped.items()}

    @cached_property
    def roadmap_groups(self) -> tuple[tuple[Optional[Node], tuple[RoadmapEntry, ...]], ...]:
        """Every node and project that has a schedule, in tree order, grouped by top-level node; the
        projects directly under the plan (a flat plan's) come last, in a group of their own (None).
        Worked out once: the roadmap and every part of a large plan's roadmap read it."""
        several_kinds = len(self.counts["label"]) > 1
        groups = []
        for root in self.tree.nodes:
            entries = []
            for node, _ in root.walk():
                if node.schedule:
                    entries.append(RoadmapEntry(node, node, None))
                for project in self.projects_by_node.get(node.id, ()):
                    if project.schedule:
                        entries.append(RoadmapEntry(project, node, self.projects_label(project) if several_kinds else None))
            if entries:
                groups.append((root, tuple(entries)))
        flat = tuple(RoadmapEntry(project, None, self.projects_label(project) if several_kinds else None)
                     for project in self.top_projects if project.schedule)
        if flat:
            groups.append((None, flat))
        return tuple(groups)

    @property
    def top_projects(self) -> tuple[Project, ...]:
        """Projects without a node: a flat plan's list of 事業 (or those outside its tree)."""
        return self.projects_by_node.get(None, ())

    @cached_property
    def whole(self) -> WholePlan:
        return WholePlan(self.id, self.meta.title, self.meta.kpis)

    @property
    def words(self):
        return self.meta.words

    def node_of(self, project: Project) -> Optional[Node]:
        return self.nodes[project.node] if project.node else None

    def path_of(self, project: Project) -> tuple[Node, ...]:
        """The nodes above a project, outermost first, its own node last (none for a flat plan)."""
        node = self.node_of(project)
        return self.ancestors[node.id] + (node,) if node else ()

    def projects_under(self, node: Node) -> tuple[Project, ...]:
        """Projects of this node and of every node below it."""
        found: list[Project] = []
        for descendant, _ in node.walk():
            found.extend(self.projects_by_node.get(descendant.id, ()))
        return tuple(found)

    def level_of(self, node: Node) -> Level:
        return self.levels[node.level]

    def display_name(self, item: Node | Project | WholePlan) -> str:
        """How menus, titles, lists and breadcrumbs name a node (with its level: 基本取組① …), a
        project (its number, when it has one, and its title) or the plan itself. The one place
        that puts a number beside a title: no number is ever made up."""
        if isinstance(item, Node):
            return f"{self.level_of(item).name}{item.number or ''} {item.title}"
        return item.numbered_title

    def projects_label(self, project: Project) -> str:
        """What the plan calls this project (重点事業, 個別事業 …), from its node's level, else the
        plan's own word for 事業."""
        node = self.node_of(project)
        return (node and self.level_of(node).projects_label) or self.words.project

    def owner_label(self, owner) -> str:
        """What the plan calls whatever owns an indicator: 事業 / 重点事業 / 施策 / 計画全体."""
        if isinstance(owner, Project):
            return self.projects_label(owner)
        if isinstance(owner, Node):
            return self.level_of(owner).name
        return "計画全体"

    def successor_sentence(self, project: Project) -> str:
        default = self.meta.successor.title if self.meta.successor else None
        return project.successor.sentence(default) if project.successor else ""

    def kpis_heading(self, item) -> str:
        """The heading of an item's indicators: its level's kpis_label, else labels.kpis."""
        level = self.level_of(item) if isinstance(item, Node) else None
        return (level and level.kpis_label) or self.meta.labels["kpis"]

    @cached_property
    def predecessors(self) -> dict[str, tuple[OldProject, ...]]:
        """New project or node id -> the predecessor plan's projects it continues."""
        found: dict[str, list[OldProject]] = {}
        for old in self.lineage.projects if self.lineage else ():
            for successor in old.successors:
                found.setdefault(successor, []).append(old)
        return {key: tuple(value) for key, value in found.items()}

    @cached_property
    def counts(self) -> dict[str, Counter]:
        """Projects counted by what the plan calls them and by novelty."""
        return {
            "label": Counter(self.projects_label(p) for p in self.projects),
            "novelty": Counter("新規" if p.is_new else "継続" for p in self.projects if p.novelty),
        }

    def root_groups(self) -> tuple[tuple[Level, tuple[Node, ...]], ...]:
        """Top-level nodes grouped by level, in the order levels first appear in tree.yaml."""
        groups: dict[str, list[Node]] = {}
        for node in self.tree.nodes:
            groups.setdefault(node.level, []).append(node)
        return tuple((self.levels[level], tuple(nodes)) for level, nodes in groups.items())


@dataclass(frozen=True, eq=False)
class Site:
    plans: tuple[Plan, ...]
    priorities: Optional[Priorities] = None
    glossary: Optional[SharedGlossary] = None  # the shared one, data/shared/glossary.yaml
    today: Optional[dt.date] = None  # the build day, for what depends on it (the public comment period)
    downloads: Mapping[str, tuple[Download, ...]] = field(default_factory=dict)  # plan id -> its PDFs, set by the build
    warnings: tuple = ()  # what loading accepted but the authors should look at (base.errors.DataWarning)

    @cached_property
    def plan_by_id(self) -> dict[str, Plan]:
        return {plan.id: plan for plan in self.plans}


_NUMBER_PART = re.compile(r"\d+|\D")


def natural_key(number: str) -> tuple:
    """Sort key for item numbers: 1-2 before 1-10, ①-1 before ②-1."""
    key = []
    for part in _NUMBER_PART.findall(unicodedata.normalize("NFKC", number)):
        if part.isdigit():
            key.append((0, int(part), ""))
        else:
            value = unicodedata.numeric(part, None)
            key.append((0, int(value), "") if value is not None else (1, 0, part))
    return tuple(key)
