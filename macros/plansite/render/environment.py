"""The one Jinja environment for components and generated pages.

Autoescaping is on for every template and every string: data reaches HTML only escaped, or as
Markup made by markdown-it with raw HTML disabled. Prose is rendered with the glossary term
links of the page being written, which templates pass as ``link`` (see base.urls.Linker).
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from ..model.evaluation import meter
from ..model.values import format_value
from ..text import wareki
from ..text.language import english_marked
from ..text.markdown import heading_html, render_block, render_inline


def _terms_of(context):
    link = context.get("link")
    return getattr(link, "terms", None)


@pass_context
def _md(context, text, top_heading: int = 3, in_table: bool = False) -> Markup:
    """in_table: a table cell, where terms stay unlinked (the scroll region would clip the tooltip)."""
    return render_block(text, top_heading=top_heading, terms=None if in_table else _terms_of(context))


@pass_context
def _md_inline(context, text) -> Markup:
    return render_inline(text, terms=_terms_of(context))


@pass_context
def _terms(context, text) -> Markup:
    """Plain data text (a note, a reason) in a prose position, with the page's term links."""
    if text is None:
        return Markup("")
    terms = _terms_of(context)
    return Markup(terms.link(str(text), english_marked)) if terms else escape(text)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("plansite.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        fy=wareki.fiscal_year,
        fy_short=wareki.fiscal_year_short,
        value=format_value,
        md=_md,
        md_inline=_md_inline,
        terms=_terms,
        heading=heading_html,
    )
    env.globals["grade_meter"] = meter
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
