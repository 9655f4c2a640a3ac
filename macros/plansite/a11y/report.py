"""The accessibility policy and test-result pages, built from the configuration and the latest
audit results (docs/accessibility/audit-results.json, written by scripts/audit)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from markupsafe import Markup

from ..render.environment import render
from ..text import dates
from .criteria import ALL, JIS, LATER, SCRIPT_CHECKS, Criterion

RESULTS_FILE = "accessibility/audit-results.json"  # inside docs/

METHOD_NAMES = {"axe": "axe-core", "script": "ブラウザでの自動操作", "palette": "配色の検査", "vnu": "HTML 構文検査"}


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


def load_results(docs_dir: Path) -> Optional[dict]:
    path = Path(docs_dir) / RESULTS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def evaluate(results: dict) -> list[CriterionResult]:
    media = sum(page.get("media", 0) for page in results["pages"])
    rows = []
    for criterion in ALL:
        methods, failures = [], 0
        if "axe" in criterion.how and criterion.axe_tag in results["tested_tags"]:
            methods.append(METHOD_NAMES["axe"])
            failures += sum(
                len(rule["nodes"]) for page in results["pages"] for mode in page["axe"].values()
                for rule in mode["violations"] if criterion.axe_tag in rule["tags"]
            )
        checks = {name for name, numbers in SCRIPT_CHECKS.items() if criterion.number in numbers} & set(results["script_checks"])
        if "script" in criterion.how and checks:
            methods.append(METHOD_NAMES["script"])
            failures += sum(1 for page in results["pages"] for p in page["keyboard"] if p["check"] in checks)
        if "palette" in criterion.how:
            methods.append(METHOD_NAMES["palette"])
            failures += len(results["palette"]["problems"])
        if "vnu" in criterion.how:
            methods.append(METHOD_NAMES["vnu"])
            failures += sum(len(page["html"]) for page in results["pages"])
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


def page_problems(page: dict) -> int:
    return (sum(len(rule["nodes"]) for mode in page["axe"].values() for rule in mode["violations"])
            + len(page["keyboard"]) + len(page["html"]))


def policy(config: dict) -> Markup:
    return Markup(render("components/accessibility_policy.html", policy=config))


def results_page(results: Optional[dict], config: dict, json_url: str) -> Markup:
    if results is None:
        return Markup(render("components/accessibility_results.html", results=None, policy=config))
    rows = evaluate(results)
    return Markup(render(
        "components/accessibility_results.html", results=results, policy=config, jis=[r for r in rows if r.criterion in JIS],
        later=[r for r in rows if r.criterion in LATER], conformance=conformance(rows), page_problems=page_problems,
        tested_on=dates.date(dt.date.fromisoformat(results["date"])),
        failed=sum(page_problems(p) for p in results["pages"]), json_url=json_url,
    ))
