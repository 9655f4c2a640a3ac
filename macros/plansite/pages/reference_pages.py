"""A plan's reference pages: the move from the predecessor plan, the comments received, its
glossary, and its open data."""

from __future__ import annotations

from collections import Counter

from ..base import urls
from ..model.plan_meta import section_title
from ..progress.export import INDICATOR_FILE_INFO
from ..publishing.notices import comment_anchor, targets
from ..publishing.open_data import OPEN_DATA_FILES
from ..schema import PLAN_DATA
from ..terms.ordering import by_row
from .kinds import PageKind, Request
from .sections import page_sections


def _lineage(request: Request):
    lineage = request.plan.lineage
    groups: dict[str, dict[str, list]] = {}
    for old in lineage.projects:
        groups.setdefault(old.policy or "", {}).setdefault(old.measure or "", []).append((old, old.anchor))
    counts = Counter(old.status for old in lineage.projects if not old.restated)
    return page_sections(
        "lineage", request, lineage=lineage, counts=counts, restated=sum(o.restated for o in lineage.projects),
        groups=[(policy, list(measures.items())) for policy, measures in groups.items()],
    )


LINEAGE = PageKind(
    "lineage", url=lambda plan, item: urls.lineage(plan), title=lambda plan, item: section_title(plan.words, "lineage"), body=_lineage,
    items=lambda ctx, plan: (None,) if plan.lineage else (),
)


def _comments(request: Request):
    plan = request.plan
    by_item = {(field, item_id): (target, url) for url, (target, field, item_id) in targets(plan).items()}
    rows = []
    for comment in plan.comments.comments:
        key = next(((f, getattr(comment, f)) for f in ("project", "node", "chapter") if getattr(comment, f)), None)
        target, url = by_item.get(key, (None, urls.plan_home(plan)))
        rows.append({"comment": comment, "anchor": comment_anchor(comment), "url": url,
                     "label": comment.target or (target.reference if target else "計画全体")})
    return page_sections("comments", request, rows=rows, comments=plan.comments)


COMMENTS = PageKind(
    "comments", url=lambda plan, item: urls.comments(plan), title=lambda plan, item: plan.comments.title, body=_comments,
    items=lambda ctx, plan: (None,) if plan.comments else (),
)


def glossary_sections(request: Request, glossary, usage: dict):
    """A glossary page (a plan's, or the shared one when request.plan is None); usage: term id ->
    the pages that use it."""
    return page_sections("glossary", request, terms=glossary.terms, rows=by_row(glossary.terms), usage=usage)


GLOSSARY = PageKind(
    "glossary", url=lambda plan, item: urls.glossary(plan), title=lambda plan, item: section_title(plan.words, "glossary"),
    heading=lambda plan, item: f"{plan.meta.title}の{section_title(plan.words, 'glossary')}",
    body=lambda request: glossary_sections(request, request.plan.glossary, request.ctx.term_usage.get(id(request.plan), {})),
    items=lambda ctx, plan: (None,) if plan.glossary else (),
)


def _size(path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} バイト"


def _open_data(request: Request):
    plan = request.plan
    contents = request.ctx.files(plan)
    described = {urls.open_data(plan) + name: (fmt, text.format(project=plan.words.project)) for name, fmt, text in OPEN_DATA_FILES.values()}
    described.update({urls.indicator_download(plan, kind): info for kind, info in INDICATOR_FILE_INFO.items()})
    files = [{"url": path, "name": path.rsplit("/", 1)[-1], "format": described[path][0], "description": described[path][1],
              "size": _size(contents[path])} for path in contents]
    return page_sections("open_data", request, files=files, schema_url=f"{urls.SCHEMA_FOLDER}{PLAN_DATA}.schema.json")


OPEN_DATA = PageKind(
    "open-data", url=lambda plan, item: urls.open_data(plan), title=lambda plan, item: "オープンデータ",
    heading=lambda plan, item: f"{plan.meta.title}のオープンデータ", body=_open_data, searchable=False,
)
