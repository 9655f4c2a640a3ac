"""Language of text runs: English phrases for lang="en", Japanese phrases for line breaking."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import budoux

# Two or more Latin words in a row ("Robotic Process Automation"); a lone abbreviation such as
# "DX" or "AI" is part of the Japanese sentence and read as such.
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z'’.-]+(?:[ \u00a0]+[A-Za-z][A-Za-z'’.-]+)+")


def english_spans(text: str) -> list[tuple[str, bool]]:
    """Split text into (run, is_english) pieces, in order."""
    out: list[tuple[str, bool]] = []
    position = 0
    for match in _ENGLISH.finditer(text):
        if match.start() > position:
            out.append((text[position : match.start()], False))
        out.append((match.group(), True))
        position = match.end()
    if position < len(text):
        out.append((text[position:], False))
    return out


def english_marked(text: str) -> str:
    """Plain text as escaped HTML, each English run in <span lang="en"> so that a screen reader
    reads it in English (WCAG 3.1.2), as Markdown text gets in markdown.py."""
    return "".join(f'<span lang="en">{html.escape(part)}</span>' if english else html.escape(part) for part, english in english_spans(text))


@lru_cache(maxsize=1)
def _budoux():
    return budoux.load_default_japanese_parser()


def phrases(text: str) -> list[str]:
    """Japanese text cut at phrase boundaries (BudouX), for headings that must not break mid-word."""
    return _budoux().parse(text) if text.strip() else [text]
