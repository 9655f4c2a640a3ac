"""The one Jinja environment for components and generated pages."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..text import wareki
from ..text.markdown import markdown_text, render_block, render_inline
from ..model.values import format_value


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("plansite.render", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "md"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids are written {#id}, so Jinja comments use {## … ##} instead.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        fy=wareki.fiscal_year,
        fy_short=wareki.fiscal_year_short,
        value=format_value,
        md=render_block,
        md_inline=render_inline,
        mdtext=lambda text: Markup(markdown_text(str(text))),
    )
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
