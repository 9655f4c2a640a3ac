"""Tables of hand-written pages get what generated tables have: a labelled, keyboard-reachable
scroll region and column headers with scope. A Python-Markdown tree step, on the document tree."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import Counter

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

_HEADINGS = {f"h{n}" for n in range(1, 7)}


def _text(element: etree.Element) -> str:
    """A heading's words, without the permalink the toc extension may add inside it."""
    parts = [element.text or ""]
    for child in element:
        if "headerlink" not in (child.get("class") or "").split():
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip()


class _Labeller(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        heading, count, found = "", 0, []
        for element in root.iter():
            if element.tag in _HEADINGS:
                heading = _text(element)
            elif element.tag == "table" and "plan-table" not in (element.get("class") or "").split():
                count += 1
                found.append((element, f"表：{heading}" if heading else f"表{count}"))
        # Regions of one page need names of their own: tables under one heading are numbered.
        counts = Counter(label for _, label in found)
        seen: Counter = Counter()
        for table, label in found:
            if counts[label] > 1:
                seen[label] += 1
                label = f"{label}（その{seen[label]}）"
            parent = parents[table]
            wrap = etree.Element("div", {"class": "plan-table-wrap", "role": "region", "tabindex": "0", "aria-label": label})
            parent.insert(list(parent).index(table), wrap)
            parent.remove(table)
            wrap.append(table)
            wrap.tail, table.tail = table.tail, None
            table.set("class", "plan-table")
            for cell in table.iterfind("thead/tr/th"):
                cell.set("scope", cell.get("scope") or "col")


class LabelledTables(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_Labeller(md), "plan_labelled_tables", 4)  # after toc (5) gave headings their ids
