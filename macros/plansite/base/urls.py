"""Where each page of a plan lives. URLs use ids only, so they survive title changes."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the annotations only: the base layer imports no model at run time
    from ..model.plan import Chapter, Plan
    from ..model.project import Project
    from ..model.tree import Node

EDITIONS_DIR = "editions"  # <plan>/editions/<edition-id>/ holds each earlier edition, in the data and on the site


def root(plan: Plan) -> str:
    """Where a plan's pages live: the current edition at its id, earlier ones below it."""
    return f"{plan.id}/{EDITIONS_DIR}/{plan.meta.edition.id}" if plan.archived else plan.id


def plan_home(plan: Plan) -> str:
    return f"{root(plan)}/"


def node(plan: Plan, item: Node) -> str:
    return f"{root(plan)}/nodes/{item.id}/"


def project(plan: Plan, item: Project) -> str:
    return f"{root(plan)}/projects/{item.id}/"


def project_list(plan: Plan) -> str:
    return f"{root(plan)}/projects/"


def lineage(plan: Plan) -> str:
    return f"{root(plan)}/lineage/"


def roadmap(plan: Plan) -> str:
    return f"{root(plan)}/roadmap/"


def periods(plan: Plan) -> str:
    return f"{root(plan)}/periods/"


def vision(plan: Plan) -> str:
    return f"{root(plan)}/vision/"


def chronicle(plan: Plan) -> str:
    return f"{root(plan)}/chronicle/"


def chapter(plan: Plan, item: Chapter) -> str:
    return f"{root(plan)}/chapters/{item.id}/"


def indicators(plan: Plan) -> str:
    """The plan's indicator dashboard; the downloads sit beside it."""
    return f"{root(plan)}/indicators/"


INDICATOR_DOWNLOADS = {"csv": "indicators.csv", "excel": "indicators-excel.csv", "json": "indicators.json"}


def indicator_download(plan: Plan, kind: str) -> str:
    return indicators(plan) + INDICATOR_DOWNLOADS[kind]


def comments(plan: Plan) -> str:
    """意見の概要と市の考え方, after the public comment period."""
    return f"{root(plan)}/comments/"


def open_data(plan: Plan) -> str:
    """The plan's open data page; its files sit beside it."""
    return f"{root(plan)}/data/"


SCHEMA_FOLDER = "schema/"  # the published JSON Schemas the plan's JSON follows


def printable(plan: Plan, part: str = "") -> str:
    """One page to print: the whole plan ("plan") or its 事業集 ("projects"); without a part, the
    page that lists them. Both sit as deep as the pages they gather, whose blocks they reuse."""
    return f"{root(plan)}/print/{part}/" if part else f"{root(plan)}/print/"


def glossary(plan: Plan | None) -> str:
    """A plan's glossary, or the shared one (plan None)."""
    return f"{root(plan)}/glossary/" if plan else "glossary/"


def editions(plan: Plan) -> str:
    """The list of a plan's editions (the current one's id, never an earlier edition's)."""
    return f"{plan.id}/{EDITIONS_DIR}/"


def changes(plan: Plan) -> str:
    """What changed between each pair of consecutive editions."""
    return f"{plan.id}/changes/"


def priorities() -> str:
    return "priorities/"


class Linker:
    """What a page's templates need to write links from that page: relative links to other
    pages (as MkDocs itself would write them), its glossary term links, and the scope that keeps
    the ids of its blocks unique when a print page joins several pages' blocks."""

    def __init__(self, current_url: str, *, directory_urls: bool = True, terms=None, scope: str = "", root: str = ""):
        """root: the plan's folder ("hadano-dx/"): links between two of its pages go up to it and
        down again, so a block made for one page reads the same from any page as deep (print pages)."""
        self.current = current_url
        self.directory_urls = directory_urls
        self.terms = terms  # plansite.terms.linking.TermLinks, or None where terms are not linked
        self.scope = scope
        self.root = root

    def __call__(self, target_url: str, anchor: str = "") -> str:
        target = target_url if self.directory_urls or not target_url.endswith("/") else target_url + "index.html"
        if self.root and self.current.startswith(self.root) and target.startswith(self.root) and self.current.endswith("/"):
            depth = self.current[len(self.root):].count("/")
            relative = "../" * depth + target[len(self.root):]
            return (relative or "./") + (f"#{anchor}" if anchor else "")
        # A page's folder: "a/b/" (directory URLs) or "a/b.html" / "a/index.html" (file URLs).
        current = self.current if self.current.endswith(".html") else self.current.rstrip("/") + "/x"
        here = posixpath.dirname(current) if self.current else ""
        relative = posixpath.relpath(target or ".", here or ".")
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        if relative == "./":
            relative = "./"
        return relative + (f"#{anchor}" if anchor else "")

    def id(self, name: str) -> str:
        """An element id inside this page's blocks."""
        return f"{self.scope}-{name}" if self.scope else name

    def scoped(self, scope: str) -> "Linker":
        """The same page, for a block whose ids need their own scope (a component placed in a chapter)."""
        inner = f"{self.scope}-{scope}" if self.scope else scope
        return Linker(self.current, directory_urls=self.directory_urls, terms=self.terms, scope=inner, root=self.root)
