"""Helpers for the per-seed fidelity tests (tests/test_fidelity_*.py): each seed document in
shared/seeds/ has a checked list of facts, each looked for on the page where a reader would look.

A fact is the document's wording (obvious extraction glitches fixed, as the data's comments say).
Spaces are ignored when comparing, because table cells and list items join without them in the
page's text; everything else must match character for character.
"""

from __future__ import annotations

import re

import pytest

from htmlquery import Element, table_rows

_SPACE = re.compile(r"\s+")


def squeezed(text: str) -> str:
    return _SPACE.sub("", text)


def without_tooltips(element: Element) -> str:
    """The element's text as it reads on the page: the explanations of glossary terms show only on
    hover or focus, so they are left out."""
    parts = []
    for child in element.children:
        if isinstance(child, Element):
            if "plan-term__tip" not in (child.attrs.get("class") or "").split():
                parts.append(without_tooltips(child))
        else:
            parts.append(child)
    return "".join(parts)


def page_text(probe, url: str) -> str:
    """The page's text without tooltips and spaces (worked out once per page and session)."""
    texts = probe.__dict__.setdefault("_fidelity_texts", {})
    if url not in texts:
        texts[url] = squeezed(without_tooltips(probe.html(url)))
    return texts[url]


def on_page(probe, url: str, fact: str) -> bool:
    return squeezed(fact) in page_text(probe, url)


def facts_test(facts: list[tuple[str, str]]):
    """The test of a seed's facts, one case per (url, fact)."""

    @pytest.mark.parametrize("url, fact", facts)
    def test_the_documents_words_are_on_their_page(bundled, url, fact):
        assert on_page(bundled, url, fact), f"{url} に「{fact}」がありません"

    return test_the_documents_words_are_on_their_page


def table_with_caption(page: Element, caption: str) -> list[list[str]]:
    for table in page.find_all("table"):
        found = table.find_all("caption")
        if found and found[0].clean_text().startswith(caption):
            return table_rows(table)
    raise AssertionError(f"「{caption}」の表がありません")


def table_under_heading(page: Element, first_header: str, contains: str) -> list[list[str]]:
    """A hand-written table (no caption) whose header row starts with first_header and holds contains."""
    for table in page.find_all("table"):
        rows = table_rows(table)
        if rows and rows[0] and rows[0][0] == first_header and contains in rows[0]:
            return rows
    raise AssertionError(f"見出し「{first_header}」「{contains}」の表がありません")


def table_with_row(page: Element, first_cell: str) -> list[list[str]]:
    """The first table with a row whose first cell is first_cell."""
    for table in page.find_all("table"):
        rows = table_rows(table)
        if any(row and row[0] == first_cell for row in rows):
            return rows
    raise AssertionError(f"行「{first_cell}」のある表がありません")


def row_of(rows: list[list[str]], first_cell: str) -> list[str]:
    for row in rows:
        if row and row[0] == first_cell:
            return row
    raise AssertionError(f"行「{first_cell}」がありません: {[r[:1] for r in rows]}")


def figure_captions(page: Element) -> list[str]:
    return [f.find("figcaption").clean_text() for f in page.find_all("figure", class_="plan-figure")
            if "図は掲載していません" in f.clean_text()]


def tooltips(page: Element) -> dict[str, str]:
    """Term -> its tooltip text, for the terms linked on the page."""
    found = {}
    for term in page.find_all("span", class_="plan-term"):
        found[term.find("a").clean_text()] = term.find("span", class_="plan-term__tip").clean_text()
    return found
