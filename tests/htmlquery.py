"""A small HTML reader for tests: find elements by tag and attributes, read their text."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Iterator, Optional

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict, parent: Optional["Element"]):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []

    def iter(self) -> Iterator["Element"]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag: str, **attrs) -> list["Element"]:
        def matches(e: Element) -> bool:
            for key, value in attrs.items():
                actual = e.attrs.get(key.rstrip("_").replace("_", "-"))
                if key == "class_":
                    if value not in (e.attrs.get("class") or "").split():
                        return False
                elif actual != value:
                    return False
            return True

        return [e for e in self.iter() if e.tag == tag and matches(e)]

    def find(self, tag: str, **attrs) -> "Element":
        found = self.find_all(tag, **attrs)
        assert found, f"<{tag} {attrs}> が見つかりません"
        return found[0]

    def text(self) -> str:
        """Visible text, without the permalink symbols MkDocs adds to headings."""
        parts = []
        for child in self.children:
            if isinstance(child, Element):
                if "headerlink" not in (child.attrs.get("class") or "").split():
                    parts.append(child.text())
            else:
                parts.append(child)
        return "".join(parts)

    def clean_text(self) -> str:
        return " ".join(self.text().split())


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    return builder.root


def table_rows(table: Element) -> list[list[str]]:
    """Cell texts of each row, with colspan cells repeated so columns line up."""
    rows = []
    for tr in table.find_all("tr"):
        cells = []
        for cell in [c for c in tr.children if isinstance(c, Element) and c.tag in ("td", "th")]:
            cells.extend([cell.clean_text()] * int(cell.attrs.get("colspan", 1)))
        rows.append(cells)
    return rows
