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


class EngineFinding(BaseModel):
    """What an engine beyond axe (IBM Equal Access, HTML_CodeSniffer) reported on an element."""

    rule: str
    level: str  # the engine's own words: "VIOLATION/FAIL", "error", "warning" …
    message: str
    element: str  # XPath (IBM) or a short CSS path (HTML_CodeSniffer)
    html: str = ""
    criteria: list[str] = []  # the WCAG success criteria the rule belongs to, "1.3.1"


class EngineRun(BaseModel):
    """One engine on one page at one width."""

    findings: list[EngineFinding] = []
    noise: dict[int, int] = {}  # index in AuditRecord.noise -> results it set aside
    manual: int = 0  # reminders for a person (IBM MANUAL, HTML_CodeSniffer notices): counted, not findings


class Engine(BaseModel):
    """An engine beyond axe as the audit ran it."""

    key: str  # "ibm", "htmlcs": the key of PageResult.engines and of Noise.engine
    name: str
    version: str
    setting: str  # the rule set it ran: the IBM policy, the HTML_CodeSniffer standard
    criteria: list[str]  # the success criteria its rules test, less those set aside everywhere as noise


class Noise(BaseModel):
    """A reviewed rule of an engine that is not a barrier on this site, where it applies and why."""

    engine: str
    rule: str  # a code ending in "." covers every code it begins
    where: str  # CSS selector the element must match ("" = anywhere)
    reason: str


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
    engines: dict[str, dict[int, EngineRun]] = {}  # engine key -> width -> what it found

    @property
    def path(self) -> str:
        return "/" + self.url

    @property
    def problems(self) -> int:
        return (sum(len(rule.nodes) for run in self.axe.values() for rule in run.violations)
                + len(self.findings) + len(self.html)
                + sum(len(run.findings) for runs in self.engines.values() for run in runs.values()))


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
    widths: dict[str, list[int]]  # check name -> the window widths it ran at
    selected: list[str] = []  # the checks a quick run was limited to (names of STEPS); empty: every check
    sample_bytes: int = 0  # a per-kind check ran on the largest page of its kind up to this much HTML (else the smallest)
    # The pages showing the results, tested with every check once the site was built again with
    # the results of every other page (empty: tested as first built, without any results)
    report_pages: list[str] = []
    engines: list[Engine]
    noise: list[Noise]  # the reviewed list the engines' results were filtered with
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


# The checks an audit can run on a page, in the words of the report (the record gives the widths
# each ran at). Engines and checks added to the audit add their names here.
CHECKS = {
    "axe-360": "axe-core（明るい配色）",
    "axe-1280": "axe-core（明るい配色）",
    "axe-dark-360": "axe-core の配色の規則（暗い配色）",
    "axe-dark-1280": "axe-core の配色の規則（暗い配色）",
    "htmlcs": "HTML_CodeSniffer",
    "ibm": "IBM Equal Access（accessibility-checker-engine）",
    "skip-link": "「本文へ移動」のリンク",
    "reflow": "リフロー（ページ全体が横にスクロールしないこと）",
    "wide-tables": "横に長い表のスクロールの表示・表の見出しが画面内で読めること・届きやすさ、指標の一覧の達成状況と値",
    "tab-walk": "Tab キーでのページ全体の移動（順序・キーボードトラップがないこと・フォーカスの枠線・固定ヘッダーや表の動かない見出しに隠れないこと・フォーカスしただけでページが切り替わらないこと）",
    "focus": "Tab で止まるすべての要素が画面内にあって、横にスクロールする表などの枠に隠れず、名前を持ち、フォーカスの表示が 3:1 以上の差で見えること（画素で測定）",
    "menu": "メニューをキーボードだけで使えること（引き出しになる幅 1220px 未満では開く・節を開く・Esc で閉じる、それより広い画面ではサイドのメニューの節のボタンを Space で開閉する）",
    "tooltip": "用語の説明の表示と Esc キー",
    "tooltip-placement": "用語の説明が用語を覆わず画面内にあり、マウスを説明へ移しても消えないこと",
    "search": "サイト内検索を開いた状態での axe-core",
    "nu-html": "HTML 構文検査（Nu HTML Checker）",
    "unique-title": "ページタイトルの重複",
}
