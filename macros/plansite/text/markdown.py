"""Markdown from the data, rendered by markdown-it-py with raw HTML disabled.

A field becomes HTML; a chapter becomes a list of blocks, each under the heading that starts it,
so the page keeps its headings as data (for the table of contents, the print page and search).
``plan`` fences become components. Where a page links its glossary terms, the words of the
prose are linked here, on text tokens, never on finished HTML.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Optional, Protocol

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from .language import english_marked, english_spans, phrases

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]")


class TermLinks(Protocol):
    """What a page gives the renderer to link glossary terms (see plansite.terms.linking)."""

    def link(self, text: str, write: Callable[[str], str]) -> str: ...


def _join_cjk_lines(state) -> None:
    """A line break between two Japanese characters is not a space (unlike in English)."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        for i, child in enumerate(children):
            if child.type != "softbreak" or i == 0 or i + 1 >= len(children):
                continue
            before, after = children[i - 1], children[i + 1]
            if before.type == "text" and after.type == "text" and before.content and after.content:
                if _CJK.match(before.content[-1]) or _CJK.match(after.content[0]):
                    child.type, child.content = "text", ""


def _text(renderer, tokens, idx, options, env) -> str:
    terms = env.get("terms")
    if terms is not None and not env.get("no_terms"):
        return terms.link(tokens[idx].content, english_marked)
    return english_marked(tokens[idx].content)


def _no_terms_inside(kind: str):
    """Open/close rules that stop term links inside links and headings (a link in a link, a
    tooltip in a heading); the token itself renders as markdown-it would."""

    def rule(renderer, tokens, idx, options, env) -> str:
        env["no_terms"] = env.get("no_terms", 0) + tokens[idx].nesting
        return renderer.renderToken(tokens, idx, options, env)

    rule.__name__ = f"{kind}_rule"
    return rule


def _table_open(renderer, tokens, idx, options, env) -> str:
    """A table scrolls inside its own labelled region that a keyboard can reach. Terms in tables
    are not linked: the scroll region would clip their tooltips."""
    env["no_terms"] = env.get("no_terms", 0) + 1
    env["tables"] = env.get("tables", 0) + 1
    heading = env.get("heading")
    label = f"表：{heading}" if heading else f"表{env['tables']}"
    return f'<div class="plan-table-wrap" role="region" tabindex="0" aria-label="{html.escape(label)}"><table class="plan-table">\n'


def _table_close(renderer, tokens, idx, options, env) -> str:
    env["no_terms"] -= 1
    return "</table></div>\n"


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.core.ruler.push("join_cjk_lines", _join_cjk_lines)
    md.add_render_rule("text", _text)
    for kind in ("link", "heading"):
        md.add_render_rule(f"{kind}_open", _no_terms_inside(kind))
        md.add_render_rule(f"{kind}_close", _no_terms_inside(kind))
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    return md


_MD = _parser()


def _shift_headings(tokens: list[Token], top: int) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + top - 1)
            token.tag = f"h{level}"


def render_block(text: Optional[str], *, top_heading: int = 3, terms: Optional[TermLinks] = None) -> Markup:
    """A Markdown field as HTML; its own headings start at h{top_heading}."""
    if not text:
        return Markup("")
    tokens = _MD.parse(text)
    _shift_headings(tokens, top_heading)
    return Markup(_MD.renderer.render(tokens, _MD.options, {"terms": terms}))


def render_inline(text: Optional[str], *, terms: Optional[TermLinks] = None) -> Markup:
    if not text:
        return Markup("")
    return Markup(_MD.renderer.render(_MD.parseInline(text), _MD.options, {"terms": terms}))


def plain_text(text: str) -> str:
    """The visible text of a Markdown fragment (for titles and search)."""
    tokens = _MD.parseInline(text)
    return "".join(t.content for tok in tokens for t in (tok.children or ()) if t.type in ("text", "code_inline"))


# --- chapters -------------------------------------------------------------------------------

ComponentRenderer = Callable[[str, int], Markup]  # (YAML body of the fence, source line) -> HTML


@dataclass(frozen=True)
class Block:
    """A chapter's content under one of its headings (the first block may have none)."""

    heading: Optional[tuple[int, str, str]]  # (level, title, id)
    html: str


def chapter_blocks(text: str, component: ComponentRenderer, *, first_line: int = 1,
                   terms: Optional[TermLinks] = None) -> list[Block]:
    """A chapter's Markdown as blocks: every heading (level 2 or deeper, with a stable id) starts one."""
    tokens = _MD.parse(text)
    blocks: list[Block] = []
    heading: Optional[tuple[int, str, str]] = None
    parts: list[str] = []
    used_ids: set[str] = set()
    env: dict = {"terms": terms}

    def close() -> None:
        body = "\n\n".join(part for part in parts if part)
        if heading or body:
            blocks.append(Block(heading, body))

    i = 0
    while i < len(tokens):
        token = tokens[i]
        end = _block_end(tokens, i)
        if token.type == "heading_open":
            close()
            parts = []
            title = "".join(c.content for c in tokens[i + 1].children or () if c.type in ("text", "code_inline"))
            heading = (max(int(token.tag[1]), 2), title, unique_id(heading_id(title), used_ids))
            env["heading"] = title
        elif token.type == "fence" and token.info.strip() == "plan":
            parts.append(str(component(token.content, first_line + (token.map[0] if token.map else 0))))
        else:
            parts.append(_MD.renderer.render(tokens[i : end + 1], _MD.options, env).strip())
        i = end + 1
    close()
    return blocks


def _block_end(tokens: list[Token], start: int) -> int:
    """Index of the token closing the top-level block that starts at start."""
    if tokens[start].nesting != 1:
        return start
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def plan_fences(text: str) -> list[tuple[str, int]]:
    """(YAML body, 1-based line) of each ```plan fence, for validation before rendering."""
    return [(t.content, (t.map[0] if t.map else 0) + 1) for t in _MD.parse(text) if t.type == "fence" and t.info.strip() == "plan"]


# --- headings ---------------------------------------------------------------------------------

def heading_html(title: str) -> Markup:
    """A heading's text whose Japanese wraps only between phrases and whose English is marked."""
    parts = []
    for part, english in english_spans(title):
        if english:
            parts.append(f'<span lang="en">{html.escape(part)}</span>')
        else:
            parts.append("<wbr>".join(html.escape(chunk) for chunk in phrases(part)))
    return Markup("".join(parts))


def heading_id(title: str) -> str:
    """Stable anchor: the leading item number if any ("1-2 背景" -> "s1-2"), else a slug."""
    normal = unicodedata.normalize("NFKC", title).strip()
    number = re.match(r"^(\d+(?:-\d+)*)\s", normal)
    if number:
        return "s" + number.group(1)
    slug = re.sub(r"[^\w]+", "-", normal.lower()).strip("-_")
    return slug or "section"


def unique_id(candidate: str, used: set[str]) -> str:
    anchor, n = candidate, 2
    while anchor in used:
        anchor, n = f"{candidate}-{n}", n + 1
    used.add(anchor)
    return anchor


def image_sources(text: str) -> list[tuple[str, int]]:
    """(address, 0-based line) of each image in a Markdown text."""
    found = []
    for token in _MD.parse(text):
        for child in token.children or ():
            if child.type == "image":
                found.append((str(child.attrGet("src") or ""), token.map[0] if token.map else 0))
    return found
