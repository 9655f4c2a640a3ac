"""The public comment notice each page of a plan shows after its heading, with the reference a
citizen quotes when commenting on that 事業, 項目 or 章, and links to the comments about it."""

from __future__ import annotations

from typing import Optional

from markupsafe import Markup

from ..base import urls
from ..model.plan import Plan
from ..publishing.comment_period import CommentPeriod
from ..publishing.notices import comment_anchor, targets
from ..render.environment import render
from ..text import dates
from .page import Page


def notices(plan: Plan, pages: list[Page], period: Optional[CommentPeriod], *, directory_urls: bool) -> dict[str, Markup]:
    """Page url -> its notice, for the pages of the plan that have one."""
    page_targets = targets(plan)
    comments = plan.comments.comments if plan.comments else ()
    found = {}
    for page in pages:
        target, field, item_id = page_targets.get(page.url, (None, None, None))
        html = render(
            "components/comment_notice.html", plan=plan, period=period, dates=dates,
            link=urls.Linker(page.url, directory_urls=directory_urls), urls=urls, target=target,
            show_reference=bool(period and period.phase != "closed"), page_url=page.url,
            about=[c for c in comments if target and getattr(c, field) == item_id], anchor=comment_anchor,
            comments_title=plan.comments.title if plan.comments else "",
        )
        if html.strip():
            found[page.url] = Markup(html)
    return found
