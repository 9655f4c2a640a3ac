"""Macro calls in the hand-written pages of docs/, checked before the build: `{{ kpi_table("hadano-dx",
"nope") }}` is reported at its line and column with what exists, as data errors are."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ..base.errors import DataError, position, shown_path
from ..model.plan import Site
from .registry import BY_NAME, ComponentError

# Macros of the MkDocs side (they read mkdocs.yml, take no arguments and cannot be misnamed in data).
SITE_MACROS = {"accessibility_policy", "accessibility_results"}
_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\((.*?)\)\s*-?\}\}", re.S)
# A page whose front matter turns macros off (the authoring guide) shows calls as examples.
_NO_MACROS = re.compile(r"\A---\n(?:(?!---\n).*\n)*?render_macros:\s*false\b.*\n")


def check_macro_calls(docs_dir: Path, site: Site, *, root: Path) -> list[DataError]:
    errors = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if _NO_MACROS.match(text):
            continue
        shown = shown_path(path, root)
        for match in _CALL.finditer(text):
            line, column = position(text, match.start())
            problem = call_problem(site, match.group(1), match.group(2))
            if problem:
                errors.append(DataError(shown, line, column, f"{match.group(1)}({match.group(2).strip()})", problem))
    return errors


def call_problem(site: Site, name: str, arguments: str):
    """What is wrong with one call, in Japanese, or None (also for calls whose arguments are not
    plain values, which only the build can judge)."""
    if name in SITE_MACROS:
        return None
    component = BY_NAME.get(name)
    if component is None:
        return f"マクロ「{name}」はありません（使えるマクロ: {'、'.join([*BY_NAME, *sorted(SITE_MACROS)])}）"
    try:
        call = ast.parse(f"f({arguments})", mode="eval").body
        args = tuple(ast.literal_eval(a) for a in call.args)
        kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    except (SyntaxError, ValueError):
        return None
    try:
        component.resolve(site, args, kwargs)
    except ComponentError as error:
        return str(error)
    return None
