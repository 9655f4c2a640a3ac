"""Link the first (or every) occurrence of each glossary term in a generated page's body.

The body is Markdown whose headings are Markdown lines and whose other blocks are HTML: heading
lines are left alone, and inside the HTML only text outside links, headings, code, navigation
and form controls is touched. Each link carries its explanation as a tooltip that shows on
hover and keyboard focus (the glossary entry it points to holds the full text).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..text.language import english_marked, english_spans
from .matcher import TermMatcher

_TOKENS = re.compile(r"(<[^>]+>|&[#\w]+;)")
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z0-9]+)")
SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button", "select", "option",
        "textarea", "caption", "nav", "label", "summary", "title", "table"}  # tables clip tooltips
VOID = {"br", "wbr", "img", "hr", "input", "col", "meta", "link", "source"}


@dataclass
class TermLinker:
    matcher: TermMatcher
    href: dict  # term id -> URL of its glossary entry, relative to the page
    tip: dict  # term id -> short plain explanation
    every: bool = False  # link every occurrence, not only the first one on the page
    used: set = field(default_factory=set)  # term ids found on the page (linked or not)
    _count: int = 0

    def link(self, body: str) -> str:
        linked: set[str] = set()
        depth = 0
        out = []
        for line in body.split("\n"):
            if line.startswith("#"):
                out.append(line)
                continue
            parts = []
            for token in _TOKENS.split(line):
                tag = _TAG.match(token) if token.startswith("<") else None
                if tag:
                    name = tag.group(2).lower()
                    if name in SKIP and name not in VOID and not token.endswith("/>"):
                        depth += -1 if tag.group(1) else 1
                    parts.append(token)
                elif token.startswith("&") or depth > 0 or not token:
                    parts.append(token)
                else:
                    parts.append(self._text(token, linked))
            out.append("".join(parts))
        return "\n".join(out)

    def _text(self, text: str, linked: set[str]) -> str:
        pieces, position = [], 0
        for match in self.matcher.find(text):
            self.used.add(match.term_id)
            if match.term_id in linked and not self.every:
                continue
            linked.add(match.term_id)
            self._count += 1
            tip_id = f"term-tip-{self._count}"
            pieces.append(text[position : match.start])
            word = text[match.start : match.end]
            if english_spans(word) == [(word, True)]:  # a term such as "Rapid SOS", read in English
                word = f'<span lang="en">{word}</span>'
            pieces.append(
                f'<span class="plan-term"><a class="plan-term__link" href="{html.escape(self.href[match.term_id])}" '
                f'aria-describedby="{tip_id}">{word}</a><span class="plan-term__tip" role="tooltip" id="{tip_id}">'
                f"{english_marked(self.tip[match.term_id])}</span></span>"
            )
            position = match.end
        pieces.append(text[position:])
        return "".join(pieces)
