"""The accessibility policy and test-result pages. The results come from the record of an
audit (plansite.a11y.record) and are compared with the build being made: only pages of this
very build that the audit tested are reported as tested; the rest are said to be untested."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from markupsafe import Markup

from ..publishing.manifest import PageEntry, is_handwritten
from ..render.environment import render
from ..text import dates
from .criteria import ALL, JIS, LATER, SCRIPT_CHECKS, Criterion
from .record import CHECKS, PUBLISHED, AuditRecord, Engine, Noise, PageResult

METHOD_NAMES = {"axe": "axe-core", "script": "ブラウザでの自動操作", "palette": "配色の検査", "vnu": "HTML 構文検査",
                "htmlcs": "HTML_CodeSniffer", "ibm": "IBM Equal Access"}


@dataclass
class Coverage:
    """This build's pages against the record of the last audit."""

    build_id: str
    pages: list[PageEntry]  # every page of this build
    record: Optional[AuditRecord] = None
    problem: str = ""  # why a record could not be read
    report_urls: set[str] = field(default_factory=set)  # the pages showing these results, filled as they render

    @property
    def applies(self) -> bool:
        """The record is of this build (same inputs, same PDFs): its pages are this build's pages."""
        return self.record is not None and self.record.build == self.build_id

    @property
    def tested(self) -> list[PageResult]:
        if not self.applies:
            return []
        here = {page.url for page in self.pages}
        return [page for page in self.record.pages if page.url in here]

    @property
    def untested(self) -> list[PageEntry]:
        done = {page.url for page in self.tested}
        return [page for page in self.pages if page.url not in done]


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    applicable: bool
    methods: tuple[str, ...]
    failures: int

    @property
    def verdict(self) -> str:
        if not self.applicable:
            return "非適用"
        if self.failures:
            return "不適合"
        if self.methods:
            return "自動試験で問題なし（人による確認は未実施）"
        return "未確認（人による確認が必要）"


def evaluate(record: AuditRecord, pages: Optional[list[PageResult]] = None) -> list[CriterionResult]:
    pages = record.pages if pages is None else pages
    media = sum(page.media for page in pages)
    rows = []
    for criterion in ALL:
        methods, failures = [], 0
        if "axe" in criterion.how and criterion.axe_tag in record.tested_tags:
            methods.append(METHOD_NAMES["axe"])
            failures += sum(
                len(rule.nodes) for page in pages for run in page.axe.values()
                for rule in run.violations if criterion.axe_tag in rule.tags
            )
        checks = {name for name, numbers in SCRIPT_CHECKS.items() if criterion.number in numbers} & set(record.script_checks)
        if "script" in criterion.how and checks:
            methods.append(METHOD_NAMES["script"])
            failures += sum(1 for page in pages for p in page.findings if p.check in checks)
        if "palette" in criterion.how:
            methods.append(METHOD_NAMES["palette"])
            failures += len(record.palette.problems)
        if "vnu" in criterion.how:
            methods.append(METHOD_NAMES["vnu"])
            failures += sum(len(page.html) for page in pages)
        for engine in record.engines:
            if criterion.number in engine.criteria:
                methods.append(METHOD_NAMES.get(engine.key, engine.name))
            failures += sum(1 for page in pages for run in page.engines.get(engine.key, {}).values()
                            for found in run.findings if criterion.number in found.criteria)
        rows.append(CriterionResult(criterion, not (criterion.media_only and media == 0), tuple(methods), failures))
    return rows


def conformance(rows: list[CriterionResult]) -> tuple[str, str]:
    """対応度 and why. 準拠 needs every applicable criterion confirmed, including by a person,
    which this automated audit does not record; so a tested site is at most 一部準拠."""
    jis = [r for r in rows if r.applicable and r.criterion in JIS]
    failed = [r.criterion.number for r in jis if r.failures]
    if failed:
        return "一部準拠", f"達成基準 {'、'.join(failed)} で自動試験が問題を見つけたため"
    unchecked = sum(1 for r in jis if r.verdict != "自動試験で問題なし（人による確認は未実施）")
    return "一部準拠", (
        f"自動試験では問題は見つかりませんでしたが、人による確認が済んでいない達成基準がある（自動試験で確かめられない基準 {unchecked} 件を含む）ため"
    )


@dataclass(frozen=True)
class CheckScope:
    """One check, the widths it ran at and the tested pages it ran on."""

    name: str
    label: str
    widths: tuple[int, ...]
    pages: tuple[PageResult, ...]
    everywhere: bool  # on every tested page


def check_scopes(record: AuditRecord, tested: list[PageResult]) -> list[CheckScope]:
    scopes = []
    ran = {name for page in tested for name in page.checks}
    for name in [name for name in CHECKS if name in ran] + sorted(ran - CHECKS.keys()):
        pages = tuple(page for page in tested if name in page.checks)
        scopes.append(CheckScope(name, CHECKS.get(name, name), tuple(record.widths.get(name, ())), pages, len(pages) == len(tested)))
    return scopes


@dataclass(frozen=True)
class KindRow:
    """A kind of page: how many of this build's tested pages it has, and which got the slow checks
    (each with the labels of those it got, when that is not all the kind got)."""

    kind: str
    shape: str  # the form of its URLs
    handwritten: bool  # pages of a docs/ folder (publishing.manifest.page_entries)
    count: int
    detailed: tuple[tuple[PageResult, tuple[str, ...]], ...]


def kind_rows(tested: list[PageResult], sampled: list[CheckScope], shapes: dict[str, str]) -> list[KindRow]:
    names = [scope.name for scope in sampled]
    by_kind: dict[str, list[PageResult]] = {}
    for page in tested:
        by_kind.setdefault(page.kind, []).append(page)
    rows = []
    for kind, pages in by_kind.items():
        got = {page.url: [name for name in names if name in page.checks] for page in pages}
        everything = {name for checks in got.values() for name in checks}
        # one label per check, though it ran at two widths (the dark scheme's colour rules)
        detailed = tuple((page, () if set(got[page.url]) == everything else tuple(dict.fromkeys(CHECKS.get(n, n) for n in got[page.url])))
                         for page in pages if got[page.url])
        rows.append(KindRow(kind, shapes.get(pages[0].url, ""), is_handwritten(kind), len(pages), detailed))
    return rows


@dataclass(frozen=True)
class EngineSummary:
    """An engine beyond axe on this build's tested pages: what it found, set aside and left to a person."""

    engine: Engine
    scope: Optional[CheckScope]
    findings: int
    set_aside: int
    manual: int


@dataclass(frozen=True)
class NoiseRow:
    entry: Noise
    count: int  # results it set aside on the tested pages


def engine_summaries(record: AuditRecord, tested: list[PageResult], scopes: list[CheckScope]) -> tuple[list[EngineSummary], list[NoiseRow]]:
    by_name = {scope.name: scope for scope in scopes}
    counts = [0] * len(record.noise)
    summaries = []
    for engine in record.engines:
        runs = [run for page in tested for run in page.engines.get(engine.key, {}).values()]
        for run in runs:
            for index, count in run.noise.items():
                counts[index] += count
        summaries.append(EngineSummary(engine, by_name.get(engine.key), sum(len(run.findings) for run in runs),
                                       sum(sum(run.noise.values()) for run in runs), sum(run.manual for run in runs)))
    return summaries, [NoiseRow(entry, count) for entry, count in zip(record.noise, counts)]


@dataclass(frozen=True)
class Problem:
    """One problem on a tested page, as the list of problems shows it."""

    page: PageResult
    source: str  # the engine and rule, or the check
    width: str
    element: str
    message: str


def problems(tested: list[PageResult]) -> list[Problem]:
    found = []
    for page in tested:
        for mode, run in page.axe.items():
            found += [Problem(page, f"axe-core {rule.id}", mode, node.target, rule.help) for rule in run.violations for node in rule.nodes]
        for key, runs in page.engines.items():
            found += [Problem(page, f"{METHOD_NAMES.get(key, key)} {f.rule}", f"{width}px", f.element, f.message)
                      for width, run in runs.items() for f in run.findings]
        found += [Problem(page, CHECKS.get(f.check, f.check), f"{f.width}px" if f.width else "", f.element, f.message) for f in page.findings]
        found += [Problem(page, METHOD_NAMES["vnu"], "", f"{m.line} 行目", m.message) for m in page.html]
    return found


def policy(config: dict) -> Markup:
    return Markup(render("components/accessibility_policy.html", policy=config))


def results_page(coverage: Coverage, config: dict, link, current_url: str) -> Markup:
    """The 試験結果 page at current_url: link turns a page URL of the site into a link from it."""
    coverage.report_urls.add(current_url)
    context = dict(coverage=coverage, policy=config, link=link, short=coverage.build_id[:12], current_url=current_url,
                   published=PUBLISHED, labels=CHECKS)
    record = coverage.record
    if record is not None:
        context.update(record=record, record_short=(record.build or "")[:12], tested_on=dates.date(record.date))
    if coverage.applies:
        tested = coverage.tested
        rows = evaluate(record, tested)
        scopes = check_scopes(record, tested)
        sampled = [scope for scope in scopes if record.scopes.get(scope.name) == "per-kind"]
        kinds = kind_rows(tested, sampled, {page.url: page.shape for page in coverage.pages}) if sampled else []
        engines, noise = engine_summaries(record, tested, scopes)
        context.update(
            tested=tested, jis=[r for r in rows if r.criterion in JIS], later=[r for r in rows if r.criterion in LATER],
            conformance=conformance(rows), failed=sum(p.problems for p in tested), scopes=scopes,
            sampled=sampled, kinds=kinds,
            detailed={page.url for row in kinds for page, _ in row.detailed},
            representative={row.kind: row.detailed[0][0] for row in kinds if row.detailed},
            engines=engines, noise=noise, problems=problems(tested),
        )
    return Markup(render("components/accessibility_results.html", **context))
