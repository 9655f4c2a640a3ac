"""Link the first (or every) occurrence of each glossary term in the prose of one page.

The renderer hands over each run of text as it writes it (markdown-it text tokens, and data
text that templates mark with the ``terms`` filter); headings, links, code and tables are never
handed over. Each link carries its explanation as a tooltip that shows on hover and keyboard
focus (the glossary entry it points to holds the full text).
"""

from __future__ import annotations

import html
from typing import Callable, Mapping

from .matcher import TermMatcher


class TermLinks:
    def __init__(self, matcher: TermMatcher, href: Mapping[str, str], tip: Mapping[str, str], *, every: bool = False,
                 tip_prefix: str = "term-tip", enabled: bool = True):
        """href: term id -> URL of its glossary entry from this page; tip: term id -> short explanation.
        tip_prefix keeps tooltip ids unique where several pages' blocks share one print page.
        enabled False still records which terms the page uses (for the glossary), without links."""
        self.matcher, self.href, self.tip = matcher, href, tip
        self.every, self.tip_prefix, self.enabled = every, tip_prefix, enabled
        self.used: set[str] = set()  # term ids found on the page (linked or not)
        self._linked: set[str] = set()
        self._count = 0

    def link(self, text: str, write: Callable[[str], str]) -> str:
        """The text as HTML: write() renders plain runs (escaping them), terms become links."""
        pieces, position = [], 0
        for match in self.matcher.find(text):
            self.used.add(match.term_id)
            if not self.enabled or (match.term_id in self._linked and not self.every):
                continue
            self._linked.add(match.term_id)
            self._count += 1
            tip_id = f"{self.tip_prefix}-{self._count}"
            pieces.append(write(text[position : match.start]))
            pieces.append(
                f'<span class="plan-term"><a class="plan-term__link" href="{html.escape(self.href[match.term_id])}" '
                f'aria-describedby="{tip_id}">{write(text[match.start : match.end])}</a><span class="plan-term__tip" role="tooltip" id="{tip_id}">'
                f"{html.escape(self.tip[match.term_id])}</span></span>"
            )
            position = match.end
        pieces.append(write(text[position:]))
        return "".join(pieces)
