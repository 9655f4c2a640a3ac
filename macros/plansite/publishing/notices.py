"""What a plan's public comment is about: the 事業, 項目 and 章 a citizen can comment on (each
page names itself for the comment), and the ids of the comments received."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.comments import Comment
from ..model.plan import Plan
from ..base import urls


@dataclass(frozen=True)
class Target:
    """Something a comment can be about, as the page names it."""

    kind: str  # 事業, 重点事業, 基本取組, 章 …
    name: str  # number and title

    @property
    def reference(self) -> str:
        return f"{self.kind} {self.name}"


def targets(plan: Plan) -> dict[str, tuple[Target, str, str]]:
    """Page url -> (target, comment field, id) for every page a comment can be about."""
    found = {}
    for chapter in plan.chapters:
        found[urls.chapter(plan, chapter)] = (Target("章", chapter.title), "chapter", chapter.id)
    for node, _ in plan.tree.walk():
        found[urls.node(plan, node)] = (Target(plan.level_of(node).name, node.numbered_title), "node", node.id)
    for project in plan.projects:
        found[urls.project(plan, project)] = (Target(plan.projects_label(project), project.numbered_title), "project", project.id)
    return found


def comment_anchor(comment: Comment) -> str:
    return "comment-" + "".join(ch if ch.isalnum() else "-" for ch in comment.number)
