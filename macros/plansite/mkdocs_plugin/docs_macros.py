"""The macros of docs/ pages, e.g. {{ plan_list() }} or {{ kpi_table("hadano-dx", "1-1") }}: every
component of the registry, plus the accessibility pages that read mkdocs.yml.

A call that names nothing (an unknown plan or 事業) is reported with its page and line, in
Japanese, and fails the build once every page has been rendered; it never ends in a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from ..a11y import report
from ..base import urls
from ..base.errors import DataError, position, shown_path
from ..render.registry import COMPONENTS, ComponentError, Place, draw


def define_env(env) -> None:
    """mkdocs-macros calls this for the module named under `modules:` in mkdocs.yml."""

    def plugin():
        found = env.conf.plugins.get("plansite")
        if found is None or found.context is None:
            raise RuntimeError("mkdocs.yml の plugins に plansite を macros より前に書いてください")
        return found

    def place() -> Place:
        context = plugin().context
        link = urls.Linker(env.page.url if env.page else "", directory_urls=env.conf.use_directory_urls)
        return Place(context.site, link, context.register, {})

    for component in COMPONENTS:
        env.macro(_checked(component, place, plugin, env), component.name)

    @env.macro
    def accessibility_policy() -> Markup:
        """ウェブアクセシビリティ方針: values from mkdocs.yml extra.accessibility."""
        return report.policy(env.conf.extra["accessibility"])

    @env.macro
    def accessibility_results() -> Markup:
        """試験結果: from the latest audit (docs/accessibility/audit-results.json)."""
        results = report.load_results(Path(env.conf.docs_dir))
        return report.results_page(results, env.conf.extra["accessibility"], place().link(report.RESULTS_FILE))


def _checked(component, place, plugin, env):
    def macro(*args, **kwargs) -> Markup:
        try:
            return draw(component, place(), args, kwargs)
        except ComponentError as error:
            call = component.call_text(args, kwargs)
            plugin().macro_errors.append(_located(env, component.name, call, str(error)))
            return Markup("")

    macro.__doc__ = component.description
    return macro


def _located(env, name: str, call: str, message: str) -> DataError:
    """The error at the call's line in the page's file (its first call of that macro if unsure)."""
    path = Path(env.page.file.abs_src_path)
    text = path.read_text(encoding="utf-8")
    found = re.search(r"\{\{-?\s*" + re.escape(name) + r"\s*\(", text)
    line, column = position(text, found.start()) if found else (1, 1)
    root = Path(env.conf.config_file_path).parent
    return DataError(shown_path(path, root), line, column, call, message)
