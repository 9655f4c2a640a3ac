"""Where each page of a plan lives. URLs use ids only, so they survive title changes."""

from __future__ import annotations

import posixpath

from ..model.plan import Chapter, Plan
from ..model.project import Project
from ..model.tree import Node


def plan_home(plan: Plan) -> str:
    return f"{plan.id}/"


def node(plan: Plan, item: Node) -> str:
    return f"{plan.id}/nodes/{item.id}/"


def project(plan: Plan, item: Project) -> str:
    return f"{plan.id}/projects/{item.id}/"


def project_list(plan: Plan) -> str:
    return f"{plan.id}/projects/"


def lineage(plan: Plan) -> str:
    return f"{plan.id}/lineage/"


def roadmap(plan: Plan) -> str:
    return f"{plan.id}/roadmap/"


def periods(plan: Plan) -> str:
    return f"{plan.id}/periods/"


def vision(plan: Plan) -> str:
    return f"{plan.id}/vision/"


def chronicle(plan: Plan) -> str:
    return f"{plan.id}/chronicle/"


def chapter(plan: Plan, item: Chapter) -> str:
    return f"{plan.id}/chapters/{item.id}/"


def indicators(plan: Plan) -> str:
    """The plan's indicator dashboard; the downloads sit beside it."""
    return f"{plan.id}/indicators/"


INDICATOR_DOWNLOADS = {"csv": "indicators.csv", "excel": "indicators-excel.csv", "json": "indicators.json"}


def indicator_download(plan: Plan, kind: str) -> str:
    return indicators(plan) + INDICATOR_DOWNLOADS[kind]


def comments(plan: Plan) -> str:
    """意見の概要と市の考え方, after the public comment period."""
    return f"{plan.id}/comments/"


def open_data(plan: Plan) -> str:
    """The plan's open data page; its files sit beside it."""
    return f"{plan.id}/data/"


SCHEMA_FOLDER = "schema/"  # the published JSON Schemas the plan's JSON follows


def printable(plan: Plan, part: str) -> str:
    """One page to print: the whole plan ("plan") or its 事業集 ("projects")."""
    return f"{plan.id}/print/" if part == "plan" else f"{plan.id}/print/{part}/"


def glossary(plan: Plan | None) -> str:
    """A plan's glossary, or the shared one (plan None)."""
    return f"{plan.id}/glossary/" if plan else "glossary/"


def priorities() -> str:
    return "priorities/"


def source_path(url: str) -> str:
    """The virtual Markdown file behind a page URL."""
    return f"{url}index.md"


class Linker:
    """Relative links from the page being rendered, as MkDocs itself would write them."""

    def __init__(self, current_url: str, *, directory_urls: bool = True):
        self.current = current_url
        self.directory_urls = directory_urls

    def __call__(self, target_url: str, anchor: str = "") -> str:
        here = posixpath.dirname(self.current.rstrip("/") + "/x") if self.current else ""
        target = target_url if self.directory_urls or not target_url.endswith("/") else target_url + "index.html"
        relative = posixpath.relpath(target or ".", here or ".")
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        if relative == "./":
            relative = "./"
        return relative + (f"#{anchor}" if anchor else "")
