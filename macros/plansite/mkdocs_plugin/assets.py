"""Our own stylesheets and scripts as readers receive them: without the comments and the layout
kept for those who maintain them.

They come with every page a reader opens (on a phone, often on a slow line), and about a third of
their bytes are explanation. The sources in the theme folder (overrides/assets/) stay as written;
the site gets what rcssmin and rjsmin make of them. Both read CSS and JavaScript as tokens (a
`/*` inside a string or a regular expression stays), so no rule and no statement changes.
Material's own files are already minified and are left alone.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minified(source: str, suffix: str) -> str:
    """The stylesheet (.css) or script (.js) without its comments and needless spaces."""
    return MINIFIERS[suffix](source)


def ship_minified(files: Files, config: MkDocsConfig) -> None:
    """Put, in place of each stylesheet and script of the site's own theme folder, its minified copy."""
    if not config.theme.custom_dir:
        return
    theme = Path(config.theme.custom_dir).resolve()
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or source.suffix not in MINIFIERS or not source.resolve().is_relative_to(theme):
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=minified(source.read_text(encoding="utf-8"), source.suffix)))
