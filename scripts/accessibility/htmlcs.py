"""HTML_CodeSniffer (npm html_codesniffer, its build HTMLCS.js) with the WCAG2AA standard and its
Japanese messages, injected into the page. Errors and warnings are findings; notices are
reminders for a person and only counted. Findings matching the reviewed noise list are counted apart."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .noise import as_records

ROOT = Path(__file__).resolve().parents[2]
HTMLCS_DIR = ROOT / "node_modules" / "html_codesniffer"
STANDARD = "WCAG2AA"
NAME = "HTML_CodeSniffer"
_TYPES = {1: "error", 2: "warning"}

_RUN = """([standard, noise]) => new Promise((resolve, reject) => {
  HTMLCS.process(standard, document, () => {
    const out = {findings: [], noise: {}, manual: 0};
    const path = (e) => {
      if (!e || e.nodeType !== 1) return e && e.nodeName ? e.nodeName : '';
      const parts = [];
      for (let n = e; n && n.nodeType === 1 && parts.length < 4; n = n.parentElement)
        parts.unshift(n.id ? `${n.tagName.toLowerCase()}#${n.id}` : n.tagName.toLowerCase() + (n.classList[0] ? '.' + n.classList[0] : ''));
      return parts.join(' > ');
    };
    for (const m of HTMLCS.getMessages()) {
      if (m.type === 3) { out.manual += 1; continue; }
      const element = m.element;
      const covered = noise.find(n => n.engine === 'htmlcs' && (n.rule === m.code || (n.rule.endsWith('.') && m.code.startsWith(n.rule)))
        && (!n.where || (element && element.nodeType === 1 && element.matches(n.where))));
      if (covered) { out.noise[m.code] = (out.noise[m.code] || 0) + 1; continue; }
      out.findings.push({rule: m.code, level: m.type, message: m.msg, element: path(element),
                         html: element && element.outerHTML ? element.outerHTML.slice(0, 200) : ''});
    }
    resolve(out);
  }, () => reject(new Error('HTML_CodeSniffer could not run')), 'ja');
})"""


@lru_cache(maxsize=1)
def source() -> str:
    path = HTMLCS_DIR / "build" / "HTMLCS.js"
    if not path.exists():
        raise SystemExit("HTML_CodeSniffer がありません。make test（または npm ci）で入れてください。")
    return path.read_text(encoding="utf-8")


def version() -> str:
    return json.loads((HTMLCS_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def run(page) -> dict:
    if not page.evaluate("typeof window.HTMLCS !== 'undefined'"):
        page.add_script_tag(content=source())
    found = page.evaluate(_RUN, [STANDARD, as_records()])
    for finding in found["findings"]:
        finding["level"] = _TYPES.get(finding["level"], str(finding["level"]))
    return found


def failure_lines(entry: dict) -> list[str]:
    return [f"{entry['url']} [{width}px] htmlcs:{f['rule']} {f['element']} — {f['message']}"
            for width, found in entry.get("htmlcs", {}).items() for f in found["findings"]]
