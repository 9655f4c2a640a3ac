"""Our own stylesheets and scripts as readers receive them: without the comments and the layout
kept for those who maintain them, and in one file of each kind.

They come with every page a reader opens (on a phone, often on a slow line), and about a third of
their bytes are explanation. The sources in the theme folder (overrides/assets/) stay as written;
the site gets what rcssmin and rjsmin make of them. Both read CSS and JavaScript as tokens (a
`/*` inside a string or a regular expression stays), so no rule and no statement changes.
Material's own files are already minified and are left alone.

Ten small files also cost a reader ten requests, and compressed one by one they share nothing:
the site's own stylesheets (with the generated palette) and scripts, where extra_css and
extra_javascript list them one after another, ship as one bundle each, in the same order, so the
cascade and the order of running stay as listed. A script with a type, defer or async keeps its
own tag; so does whatever the site lists from elsewhere (docs/), and what is not listed (the
search engine, which the dialog loads when it first opens).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Optional

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minified(source: str, suffix: str) -> str:
    """The stylesheet (.css) or script (.js) without its comments and needless spaces."""
    return MINIFIERS[suffix](source)


def _theme_folder(config: MkDocsConfig) -> Optional[Path]:
    """The site's own theme folder (custom_dir), resolved; None when it has none."""
    return Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None


def ship_minified(files: Files, config: MkDocsConfig) -> None:
    """Put, in place of each stylesheet and script of the site's own theme folder, its minified copy."""
    theme = _theme_folder(config)
    if theme is None:
        return
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or source.suffix not in MINIFIERS or not source.resolve().is_relative_to(theme):
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=minified(source.read_text(encoding="utf-8"), source.suffix)))


BUNDLES = {".css": "assets/stylesheets/plan-site{n}.css", ".js": "assets/javascripts/plan-site{n}.js"}
# Scripts are joined with a semicolon: a file that ends without one would otherwise call the next.
JOINERS = {".css": "\n", ".js": ";\n"}


def bundle_listed(config: MkDocsConfig, generated: set[str]) -> dict[str, list[str]]:
    """List, in place of each run of two or more of the site's own files in extra_css and
    extra_javascript (a file of its theme folder, or one of `generated`), one bundle of them.
    Returns bundle uri -> the files it holds, in order (ship_bundles makes them)."""
    theme = _theme_folder(config)

    def ours(entry) -> bool:
        if not isinstance(entry, str) and (entry.type or entry.defer or entry.async_):
            return False  # its tag says how it runs: it keeps its tag
        path = str(entry)
        return path in generated or (theme is not None and (theme / path).resolve().is_relative_to(theme) and (theme / path).is_file())

    bundles: dict[str, list[str]] = {}
    config.extra_css = _bundled(config.extra_css, ".css", ours, bundles)
    config.extra_javascript = _bundled(config.extra_javascript, ".js", ours, bundles)
    return bundles


def _bundled(entries: list, suffix: str, ours: Callable[[object], bool], bundles: dict[str, list[str]]) -> list:
    """The entries with each run of ours of this suffix in one bundle, named in order of the runs."""
    listed: list = []
    run: list = []

    def end_run() -> None:
        if len(run) > 1:
            count = sum(uri.endswith(suffix) for uri in bundles)
            uri = BUNDLES[suffix].format(n=f"-{count + 1}" if count else "")
            bundles[uri] = [str(entry) for entry in run]
            listed.append(uri)
        else:
            listed.extend(run)
        run.clear()

    for entry in entries:
        if str(entry).endswith(suffix) and ours(entry):
            run.append(entry)
        else:
            end_run()
            listed.append(entry)
    end_run()
    return listed


def ship_bundles(files: Files, config: MkDocsConfig, bundles: dict[str, list[str]]) -> None:
    """Put each bundle among the files, made of its files as the site would have shipped them, and
    take those out: no page lists them any more."""
    for uri, parts in bundles.items():
        shipped = [files.get_file_from_path(part) for part in parts]
        missing = [part for part, file in zip(parts, shipped) if file is None]
        if missing:  # a theme file MkDocs does not copy (its name holds "readme", or starts with a dot)
            raise PluginError("mkdocs.yml の extra_css・extra_javascript にある次のファイルは、MkDocs がサイトに入れないため、"
                              f"まとめて配れません。名前を変えてください：{'、'.join(missing)}")
        content = JOINERS[Path(uri).suffix].join(file.content_string for file in shipped)
        for file in shipped:
            files.remove(file)
        files.append(File.generated(config, uri, content=content))
