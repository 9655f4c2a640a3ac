"""What a plan's pages say about its public comment: the notice on every page, the reference a
citizen quotes when commenting on a 事業, 項目 or 章, and links to the comments received."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from markupsafe import Markup

from ..model.comments import Comment
from ..model.plan import Plan
from ..base import urls
from ..render.environment import render
from ..text import dates
from .comment_period import CommentPeriod


@dataclass(frozen=True)
class Target:
    """Something a comment can be about, as the page names it."""

    kind: str  # 事業, 重点事業, 基本取組, 章 …
    name: str  # number and title

    @property
    def reference(self) -> str:
        return f"{self.kind} {self.name}"


def targets(plan: Plan, node_title, project_title) -> dict[str, tuple[Target, str, str]]:
    """Page url -> (target, comment field, id) for every page a comment can be about."""
    found = {}
    for chapter in plan.chapters:
        found[urls.chapter(plan, chapter)] = (Target("章", chapter.title), "chapter", chapter.id)
    for node, _ in plan.tree.walk():
        found[urls.node(plan, node)] = (Target(plan.level_of(node).name, f"{node.number or ''} {node.title}".strip()), "node", node.id)
    for project in plan.projects:
        found[urls.project(plan, project)] = (Target(plan.projects_label(project), project_title(project)), "project", project.id)
    return found


def comment_anchor(comment: Comment) -> str:
    return "comment-" + "".join(ch if ch.isalnum() else "-" for ch in comment.number)


def with_notices(plan: Plan, pages: list, period: Optional[CommentPeriod], linker, node_title, project_title) -> list:
    """Each page of the plan with its notice, reference and comment links (the page's `notice`)."""
    page_targets = targets(plan, node_title, project_title)
    comments = plan.comments.comments if plan.comments else ()
    noticed = []
    for page in pages:
        link = linker(page.url)
        target, field, item_id = page_targets.get(page.url, (None, None, None))
        about = [c for c in comments if target and getattr(c, field) == item_id]
        html = render(
            "components/comment_notice.html", plan=plan, period=period, dates=dates, link=link, urls=urls,
            target=target, show_reference=bool(period and period.phase != "closed"), page_url=page.url,
            about=about, anchor=comment_anchor, comments_title=plan.comments.title if plan.comments else "",
        )
        noticed.append(replace(page, notice=Markup(html)) if html.strip() else page)
    return noticed
