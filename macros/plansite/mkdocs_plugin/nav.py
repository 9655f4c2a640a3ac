"""The engine's menu and tables of contents in the shapes MkDocs and Material take."""

from __future__ import annotations

import html

from ..pages.frame import TocEntry
from ..pages.navigation import MenuItem

def safe_title(text: str) -> str:
    """A title for the places the theme prints without escaping (menu, <title>, header): HTML
    escaped exactly once, as the titles MkDocs takes from headings are, so data can never open a
    tag there and &lt; typed in the data is shown as typed (overrides/main.html keeps it so)."""
    return html.escape(text, quote=True)


def source_path(url: str) -> str:
    """The (empty) Markdown file MkDocs is given for a generated page at url."""
    return f"{url}index.md"


def mkdocs_nav(items: list[MenuItem]) -> list:
    """MkDocs nav entries: {title: "path/index.md"} for a page, {title: [index page, children…]} for a section."""
    return [_entry(item) for item in items]


def _entry(item: MenuItem) -> dict:
    title = safe_title(item.title)
    if not item.children:
        return {title: source_path(item.url)}
    children = [_entry(child) for child in item.children]
    return {title: ([source_path(item.url)] if item.url else []) + children}


def toc_tokens(top: TocEntry) -> list[dict]:
    """The table of contents as the toc extension of Python-Markdown would give it (names as HTML)."""
    def token(entry: TocEntry) -> dict:
        return {"level": entry.level, "id": entry.id, "name": html.escape(entry.title), "children": [token(c) for c in entry.children]}

    return [token(top)]
