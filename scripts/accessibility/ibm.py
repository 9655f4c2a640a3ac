"""IBM Equal Access: accessibility-checker-engine (npm, its browser bundle ace.js) with the
WCAG 2.2 policy, injected into the page as axe-core is. Every result that is not a pass or a
manual-check reminder is a finding; findings matching the reviewed noise list are counted apart."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .noise import as_records

ROOT = Path(__file__).resolve().parents[2]
ACE_DIR = ROOT / "node_modules" / "accessibility-checker-engine"
POLICY = "WCAG_2_2"
NAME = "IBM Equal Access（accessibility-checker-engine）"

# Runs ace, resolves each result's element from its XPath and tells which noise entry (if any)
# covers it. Returns {findings: [...], noise: {rule: count}, manual: count}.
_RUN = r"""async ([policy, noise]) => {
  const report = await new ace.Checker().check(document, [policy]);
  const out = {findings: [], noise: {}, manual: 0};
  for (const r of report.results) {
    const [kind, outcome] = r.value;
    if (outcome === 'PASS') continue;
    if (outcome === 'MANUAL') { out.manual += 1; continue; }
    let element = null;
    // SVG elements are in their own namespace: name them by local-name() in the XPath.
    const xpath = r.path.dom.replace(/\/(svg|g|path|circle|rect|line|polyline|polygon|text|title|desc|use)\[/g, "/*[local-name()='$1'][");
    try { element = document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue; } catch (e) {}
    const covered = noise.find(n => n.engine === 'ibm' && n.rule === r.ruleId
      && (!n.where || (element && element.nodeType === 1 && element.matches(n.where))));
    if (covered) { out.noise[r.ruleId] = (out.noise[r.ruleId] || 0) + 1; continue; }
    out.findings.push({rule: r.ruleId, level: `${kind}/${outcome}`, message: r.message, element: r.path.dom, html: (r.snippet || '').slice(0, 200)});
  }
  return out;
}"""


@lru_cache(maxsize=1)
def source() -> str:
    path = ACE_DIR / "ace.js"
    if not path.exists():
        raise SystemExit("accessibility-checker-engine がありません。make test（または npm ci）で入れてください。")
    return path.read_text(encoding="utf-8")


def version() -> str:
    return json.loads((ACE_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def run(page) -> dict:
    if not page.evaluate("typeof window.ace !== 'undefined'"):
        page.add_script_tag(content=source())
    return page.evaluate(_RUN, [POLICY, as_records()])


def failure_lines(entry: dict) -> list[str]:
    return [f"{entry['url']} [{width}px] ibm:{f['rule']} {f['element']} — {f['message']}"
            for width, found in entry.get("ibm", {}).items() for f in found["findings"]]
