"""One long page per plan (計画書全体) and per 事業集, for a council member to print or save as
PDF: the generated pages' bodies in reading order, each starting on a new printed page."""

from __future__ import annotations

import re

from markupsafe import escape

from ..text.markdown import markdown_heading

_CRUMBS = re.compile(r'^<nav class="plan-breadcrumbs".*?</nav>\n', re.S)
_HEADING = re.compile(r"^(#{1,5})(?=\s)", re.M)
_HEADING_ID = re.compile(r"\{#([^}\s]+)")
# Attributes that hold ids or references to ids, so sections can be joined without clashes.
_ID_ATTRIBUTE = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls|data-copy-from)="([^"]+)"')
_FRAGMENT = re.compile(r'href="#([^"]+)"')


def section(anchor: str, heading: str, body: str) -> str:
    """A page body as one section: an h2 that starts a printed page, its own headings one level
    down, and every id prefixed with the section's anchor."""
    body = _CRUMBS.sub("", body, count=1)
    body = _HEADING.sub(lambda m: m.group(1) + "#", body)
    body = _HEADING_ID.sub(lambda m: "{#" + f"{anchor}-{m.group(1)}", body)
    body = _ID_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="' + " ".join(f"{anchor}-{token}" for token in m.group(2).split()) + '"', body)
    body = _FRAGMENT.sub(lambda m: f'href="#{anchor}-{m.group(1)}"', body)
    return f"{markdown_heading(2, heading, anchor, 'plan-print-section')}\n\n{body}"


def contents(entries: list[tuple[str, str]]) -> str:
    """The list of sections at the top of the printable page: (anchor, heading)."""
    items = "\n".join(f'<li><a href="#{anchor}">{escape(heading)}</a></li>' for anchor, heading in entries)
    return f'<nav class="plan-print-contents" aria-label="この印刷用ページの目次">\n<ol>\n{items}\n</ol>\n</nav>'
