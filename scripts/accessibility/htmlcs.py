"""HTML_CodeSniffer (npm html_codesniffer, its build HTMLCS.js) with the WCAG2AA standard and its
Japanese messages, injected into the page. Errors and warnings are findings; notices are
reminders for a person and only counted. Findings matching the reviewed noise list are counted apart."""

from __future__ import annotations

import json
import re
from pathlib import Path

from plansite.a11y.record import Engine

from . import noise
from .server import add_script

ROOT = Path(__file__).resolve().parents[2]
HTMLCS_DIR = ROOT / "node_modules" / "html_codesniffer"
KEY = "htmlcs"
STANDARD = "WCAG2AA"
NAME = "HTML_CodeSniffer"
_TYPES = {1: "error", 2: "warning"}
# The success criteria whose WCAG2AA sniffs (html_codesniffer 2.5.1, Standards/WCAG2AAA/Sniffs)
# report errors or warnings. The other sniffs only give notices, which test nothing by
# themselves; 1.4.10's only warning is set aside everywhere (noise.py). Reviewed against the
# sniffs' sources (tests/test_audit.py reads them again).
CRITERIA = ("1.1.1", "1.3.1", "1.3.5", "1.4.3", "2.1.1", "2.1.2", "2.2.1", "2.2.2", "2.4.1", "2.4.2",
            "2.5.3", "2.5.4", "3.1.1", "3.1.2", "3.2.2", "4.1.1", "4.1.2")
_CRITERION = re.compile(r"Guideline\d+_\d+\.(\d+)_(\d+)_(\d+)")

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
      const covered = noise.findIndex(n => n.engine === 'htmlcs' && (n.rule === m.code || (n.rule.endsWith('.') && m.code.startsWith(n.rule)))
        && (!n.where || (element && element.nodeType === 1 && element.matches(n.where))));
      if (covered >= 0) { out.noise[covered] = (out.noise[covered] || 0) + 1; continue; }
      out.findings.push({rule: m.code, level: m.type, message: m.msg, element: path(element),
                         html: element && element.outerHTML ? element.outerHTML.slice(0, 200) : ''});
    }
    resolve(out);
  }, () => reject(new Error('HTML_CodeSniffer could not run')), 'ja');
})"""


def source() -> str:
    path = HTMLCS_DIR / "build" / "HTMLCS.js"
    if not path.exists():
        raise SystemExit("HTML_CodeSniffer がありません。make test（または npm ci）で入れてください。")
    return path.read_text(encoding="utf-8")


def version() -> str:
    return json.loads((HTMLCS_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def criterion(code: str) -> list[str]:
    """"WCAG2AA.Principle1.Guideline1_3.1_3_1.H42" -> ["1.3.1"]."""
    found = _CRITERION.search(code)
    return [".".join(found.groups())] if found else []


def run(page) -> dict:
    """{findings, noise, manual} as plansite.a11y.record.EngineRun."""
    add_script(page, "HTMLCS.js", source, "typeof window.HTMLCS !== 'undefined'")
    found = page.evaluate(_RUN, [STANDARD, noise.as_records()])
    for finding in found["findings"]:
        finding["level"] = _TYPES.get(finding["level"], str(finding["level"]))
        finding["criteria"] = criterion(finding["rule"])
    return found


def engine() -> Engine:
    return Engine(key=KEY, name=NAME, version=version(), setting=f"{STANDARD} の標準（日本語の説明）", criteria=list(CRITERIA))
