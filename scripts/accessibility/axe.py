"""Run axe-core (from npm, with its Japanese locale) on a page and return its findings."""

from __future__ import annotations

import json
from pathlib import Path

from .server import add_script

ROOT = Path(__file__).resolve().parents[2]
AXE_DIR = ROOT / "node_modules" / "axe-core"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# What changes between the light and dark schemes is colour: in the dark scheme only the colour
# rules run again (the rest would repeat the light scheme's results at the same width).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_source() -> str:
    path = AXE_DIR / "axe.min.js"
    if not path.exists():
        raise SystemExit("axe-core がありません。make test（または npm ci）で入れてください。")
    locale = json.loads((AXE_DIR / "locales" / "ja.json").read_text(encoding="utf-8"))
    return path.read_text(encoding="utf-8") + f"\naxe.configure({{locale: {json.dumps(locale, ensure_ascii=False)}}});"


def version() -> str:
    return json.loads((AXE_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def run_axe(page, *, colour_only: bool = False) -> dict:
    """Violations with their elements, and the tags of every rule that ran (passed or not)."""
    add_script(page, "axe.js", axe_source, "typeof window.axe !== 'undefined'")
    result = page.evaluate(
        """async ([tags, rules]) => {
            const only = rules ? {type: 'rule', values: rules} : {type: 'tag', values: tags};
            const r = await axe.run(document, {runOnly: only, resultTypes: ['violations']});
            const slim = (rule) => ({id: rule.id, impact: rule.impact, help: rule.help, tags: rule.tags,
                nodes: rule.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                    summary: n.failureSummary}))});
            return {violations: r.violations.map(slim),
                    tested: [...r.passes, ...r.violations, ...r.incomplete].flatMap(x => x.tags)};
        }""",
        [TAGS, COLOUR_RULES if colour_only else None],
    )
    result["tested"] = sorted(set(result["tested"]))
    return result
