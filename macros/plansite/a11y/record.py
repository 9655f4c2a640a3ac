"""The record of one accessibility audit: which build it tested, which pages, with which checks
and tools, and what it found. scripts/audit writes it (outside the repository's tracked files);
the next build reads it for the 試験結果 page and publishes it beside that page when it belongs
to that build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ValidationError

RECORD = "build/accessibility/audit-results.json"  # beside mkdocs.yml; git ignores build/
PUBLISHED = "accessibility/audit-results.json"  # in the site, when the record is this build's


class AxeNode(BaseModel):
    target: str
    html: str = ""
    summary: str = ""


class AxeRule(BaseModel):
    id: str
    impact: Optional[str] = None
    help: str
    tags: list[str]
    nodes: list[AxeNode]


class AxeRun(BaseModel):
    scheme: Optional[str] = None  # the colour scheme the page showed (data-md-color-scheme)
    violations: list[AxeRule] = []


class Finding(BaseModel):
    """A problem found by a scripted check (keyboard, reflow, tooltip, unique titles …)."""

    check: str
    message: str
    element: str = ""
    width: int = 0


class HtmlMessage(BaseModel):
    line: int
    message: str


class PageResult(BaseModel):
    url: str  # as tested: "" for the home page, "a/b/", "404.html"
    kind: str
    title: str = ""
    sha256: str = ""  # of the HTML file tested; a later build with the same id must match it
    media: int = 0  # audio, video, iframe … elements
    checks: list[str] = []  # the checks run on this page (names in CHECKS)
    axe: dict[str, AxeRun] = {}  # by mode, e.g. "360-light"
    findings: list[Finding] = []
    html: list[HtmlMessage] = []

    @property
    def path(self) -> str:
        return "/" + self.url

    @property
    def problems(self) -> int:
        return (sum(len(rule.nodes) for run in self.axe.values() for rule in run.violations)
                + len(self.findings) + len(self.html))


class Palette(BaseModel):
    checks: int
    problems: list[str]


class Mode(BaseModel):
    width: int
    scheme: str


class AuditRecord(BaseModel):
    build: Optional[str]  # the id of the build tested (None: a folder that no build of ours made)
    date: dt.date
    tools: dict[str, str]
    modes: list[Mode]
    axe_tags: list[str]
    tested_tags: list[str]  # the tags of every axe rule that ran
    script_checks: list[str]  # names of the scripted checks that ran on some page
    scopes: dict[str, str]  # check name -> "every-page", "per-kind" (one page of each kind) or "one-page"
    external_requests: list[str]
    theme_html_errors: int
    palette: Palette
    pages: list[PageResult]

    def page(self, url: str) -> Optional[PageResult]:
        return next((page for page in self.pages if page.url == url), None)

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.model_dump_json(indent=1) + "\n", encoding="utf-8")


class UnreadableRecord(Exception):
    """A record file this version cannot read (another format, or damaged)."""


def read_record(path: Path) -> Optional[AuditRecord]:
    """The record at path, None when there is none."""
    try:
        return AuditRecord.model_validate_json(Path(path).read_bytes())
    except FileNotFoundError:
        return None
    except ValidationError as error:
        raise UnreadableRecord(f"{path} は試験の記録として読めません（{error.error_count()} か所が違う形式です）。make audit で作り直してください") from None


# The checks an audit can run on a page, in the words of the report. Engines added to the
# audit add their names here.
CHECKS = {
    "axe-360": "axe-core（幅 360px・明るい配色）",
    "axe-1280": "axe-core（幅 1280px・明るい配色）",
    "axe-dark-360": "axe-core の配色の規則（幅 360px・暗い配色）",
    "axe-dark-1280": "axe-core の配色の規則（幅 1280px・暗い配色）",
    "skip-link": "「本文へ移動」のリンク（幅 360px・1280px）",
    "reflow": "リフロー（幅 320px）",
    "tab-walk": "Tab キーでのページ全体の移動（幅 360px）",
    "tooltip": "用語の説明の表示と Esc キー（幅 360px）",
    "search": "サイト内検索を開いた状態での axe-core",
    "nu-html": "HTML 構文検査（Nu HTML Checker）",
    "unique-title": "ページタイトルの重複",
}
