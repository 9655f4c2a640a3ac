"""The engine's entry: the data of one build, read once and checked as a whole.

`check` is the build minus writing: the same reading, the same checks, every problem collected
into one report. The site build (scripts/build, the plansite command, the MkDocs plugin) starts
from the same `prepare`, so data is read once per build.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

from .base import collector
from .base.errors import DataError, DataErrors
from .context import BuildContext
from .loading.load import read_site, sort_out
from .publishing.comment_period import build_day
from .render.macro_calls import check_macro_calls
from .terms.jargon import find_jargon


def prepare(data_dir: Path, plans: Optional[list[str]] = None, *, root: Path, today=None,
            docs_dir: Optional[Path] = None, cache: Optional[dict] = None, strict: bool = False) -> BuildContext:
    """The build context, or DataErrors with every problem of the data (and of the macro calls in
    docs_dir's pages, when given). The data's warnings are in context.site.warnings; with strict
    they are errors."""
    with collector.paused():
        site, found = read_site(Path(data_dir), plans or None, root=root, cache=cache)
    site = replace(site, today=build_day(today))
    found += _strict_jargon(site)
    if docs_dir is not None:
        found += check_macro_calls(Path(docs_dir), site, root=root)
    site, errors, warnings = sort_out(site, found, strict=strict, root=root)
    if errors:
        raise DataErrors(errors, warnings)
    return BuildContext(site)


def _strict_jargon(site) -> list[DataError]:
    """Plans that ask for it (jargon_check: strict) treat words missing from their glossary as errors."""
    return [finding.as_error() for plan in site.plans for edition in (plan, *plan.earlier)
            if edition.meta.jargon_check == "strict" for finding in find_jargon(edition, site)]
