"""The site search dialog, opened with results showing: checked by the audit on one page and used
by the search tests."""

from __future__ import annotations

SEARCH_PAGE = ""  # the home page; the dialog is the same on every page
QUERY = "マイナンバーカード"


def present(page) -> bool:
    return page.locator(".plan-search__open").count() > 0


def open_with_results(page, query: str = QUERY) -> None:
    """Open the dialog from its header button, search, and wait until results (or a message) show."""
    page.click(".plan-search__open")
    show(page, query)


def show(page, query: str) -> None:
    """Search in the open dialog and wait until the status names this query (or says it failed)."""
    page.fill(".plan-search__input", query)
    page.press(".plan-search__input", "Enter")
    page.wait_for_function(
        """(query) => { const s = document.querySelector('.plan-search__status').textContent;
                         return s.includes('「' + query + '」') || s.includes('読み込めません'); }""",
        arg=query,
    )
