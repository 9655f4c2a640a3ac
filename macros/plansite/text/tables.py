"""Tables of hand-written pages get what generated tables have: a labelled, keyboard-reachable
scroll region and column headers with scope."""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)
_BARE_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def label_tables(page_html: str) -> str:
    out, position, count, used = [], 0, 0, {}
    for match in _BARE_TABLE.finditer(page_html):
        count += 1
        before = page_html[position : match.start()]
        headings = _HEADING.findall(page_html, 0, match.start())
        title = html.unescape(_TAGS.sub("", headings[-1][1])).strip().rstrip("¶#").strip() if headings else ""
        label = f"表：{title}" if title else f"表{count}"
        used[label] = used.get(label, 0) + 1
        label = html.escape(label if used[label] == 1 else f"{label}（{used[label]}）")  # regions need distinct names
        body = re.sub(r"<th(?=[\s>])(?![^>]*scope)", '<th scope="col"', match.group(1)) if "<thead>" in match.group(1) else match.group(1)
        out.append(before + f'<div class="plan-table-wrap" role="region" tabindex="0" aria-label="{label}"><table class="plan-table">{body}</table></div>')
        position = match.end()
    out.append(page_html[position:])
    return "".join(out)
