"""The searchable text of a rendered page, and the hierarchy path its breadcrumbs show."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Left out of the text: the h1 (the record's title already), glossary tooltips (their term's own entry holds the explanation), the
# "#" links after headings, and anything marked data-search-exclude (as in Material's search), such
# as the list of every page's title in the audit results. The breadcrumbs become the result's path.
_SKIPPED_CLASSES = {"plan-term__tip", "headerlink"}
_BREADCRUMBS = "plan-breadcrumbs"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
}
_SPACES = re.compile(r"\s+")


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.crumbs: list[str] = []
        self._open: list[str] = []  # what each open element is for: "", "skip" or "crumbs"
        self._crumb: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK:
            self.text.append(" ")
        if tag in _VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        role = "skip" if tag == "h1" or classes & _SKIPPED_CLASSES or "data-search-exclude" in attributes else "crumbs" if _BREADCRUMBS in classes else ""
        self._open.append(role)
        if self._inside("crumbs") and tag == "li" and "aria-current" not in attributes:
            self._crumb = []

    def handle_endtag(self, tag):
        if tag in _BLOCK:
            self.text.append(" ")
        if tag in _VOID or not self._open:
            return
        if tag == "li" and self._crumb is not None:
            self.crumbs.append(_SPACES.sub(" ", "".join(self._crumb)).strip())
            self._crumb = None
        self._open.pop()

    def handle_data(self, data):
        if self._inside("skip"):
            return
        if self._inside("crumbs"):
            if self._crumb is not None:
                self._crumb.append(data)
            return
        self.text.append(data)

    def _inside(self, role: str) -> bool:
        return role in self._open


def page_text(html: str) -> tuple[str, tuple[str, ...]]:
    """(the page's text in one line, the breadcrumb trail above it)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return _SPACES.sub(" ", "".join(parser.text)).strip(), tuple(parser.crumbs)
