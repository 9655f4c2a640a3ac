"""IBM Equal Access: accessibility-checker-engine (npm, its browser bundle ace.js) with the
WCAG 2.2 policy, injected into the page as axe-core is. Every result that is not a pass or a
manual-check reminder is a finding; findings matching the reviewed noise list are counted apart."""

from __future__ import annotations

import json
from pathlib import Path

from plansite.a11y.record import Engine

from . import noise
from .server import add_script

ROOT = Path(__file__).resolve().parents[2]
ACE_DIR = ROOT / "node_modules" / "accessibility-checker-engine"
KEY = "ibm"
POLICY = "WCAG_2_2"
NAME = "IBM Equal Access（accessibility-checker-engine）"

# Runs ace, resolves each result's element from its XPath and tells which noise entry (if any)
# covers it. Returns {findings: [...], noise: {entry index: count}, manual: count, rules: {rule: [criteria]}}.
_RUN = r"""async ([policy, noise]) => {
  const checker = new ace.Checker();
  const rules = {};
  for (const guideline of checker.getGuidelines().filter(g => g.id === policy))
    for (const point of guideline.checkpoints)
      for (const rule of point.rules || [])
        if (rule.enabled !== false) (rules[rule.id] = rules[rule.id] || []).push(point.num);
  const report = await checker.check(document, [policy]);
  const out = {findings: [], noise: {}, manual: 0, rules};
  for (const r of report.results) {
    const [kind, outcome] = r.value;
    if (outcome === 'PASS') continue;
    if (outcome === 'MANUAL') { out.manual += 1; continue; }
    let element = null;
    // SVG elements are in their own namespace: name them by local-name() in the XPath.
    const xpath = r.path.dom.replace(/\/(svg|g|path|circle|rect|line|polyline|polygon|text|title|desc|use)\[/g, "/*[local-name()='$1'][");
    try { element = document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue; } catch (e) {}
    const covered = noise.findIndex(n => n.engine === 'ibm' && n.rule === r.ruleId
      && (!n.where || (element && element.nodeType === 1 && element.matches(n.where))));
    if (covered >= 0) { out.noise[covered] = (out.noise[covered] || 0) + 1; continue; }
    out.findings.push({rule: r.ruleId, level: `${kind}/${outcome}`, message: r.message, element: r.path.dom,
                       html: (r.snippet || '').slice(0, 200), criteria: rules[r.ruleId] || []});
  }
  return out;
}"""


def source() -> str:
    path = ACE_DIR / "ace.js"
    if not path.exists():
        raise SystemExit("accessibility-checker-engine がありません。make test（または npm ci）で入れてください。")
    return path.read_text(encoding="utf-8")


def version() -> str:
    return json.loads((ACE_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def run(page) -> dict:
    """{findings, noise, manual} as plansite.a11y.record.EngineRun, and the policy's rules with
    the success criteria each belongs to."""
    add_script(page, "ace.js", source, "typeof window.ace !== 'undefined'")
    return page.evaluate(_RUN, [POLICY, noise.as_records()])


def engine(rules: dict[str, list[str]]) -> Engine:
    """The engine as the record describes it: the criteria of its rules, less the rules that the
    noise list sets aside everywhere (those test nothing here)."""
    ignored = noise.everywhere(KEY)
    criteria = {number for rule, numbers in rules.items() if rule not in ignored for number in numbers}
    return Engine(key=KEY, name=NAME, version=version(), setting=f"{POLICY} の方針",
                  criteria=sorted(criteria, key=lambda n: tuple(int(x) for x in n.split("."))))
