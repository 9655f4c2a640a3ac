"""The searchable text of an HTML fragment: a block of a generated page, or a hand-written page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Left out of the text: the h1 (the record's title already), glossary tooltips (their term's own
# entry holds the explanation), the "#" links after headings, and anything marked
# data-search-exclude (as in Material's search), such as the list of every page's title in the
# audit results.
_SKIPPED_CLASSES = {"plan-term__tip", "headerlink"}
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
        self._open: list[bool] = []  # whether each open element is left out

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK:
            self.text.append(" ")
        if tag in _VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        self._open.append(tag == "h1" or bool(classes & _SKIPPED_CLASSES) or "data-search-exclude" in attributes)

    def handle_endtag(self, tag):
        if tag in _BLOCK:
            self.text.append(" ")
        if tag in _VOID or not self._open:
            return
        self._open.pop()

    def handle_data(self, data):
        if not any(self._open):
            self.text.append(data)


def html_text(html: str) -> str:
    """The fragment's visible text in one line."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return _SPACES.sub(" ", "".join(parser.text)).strip()
