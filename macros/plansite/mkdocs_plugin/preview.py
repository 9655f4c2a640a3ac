"""The preview (`mkdocs serve --dirty`) rebuilds only the pages an edit changed.

Every page is made again from the data; MkDocs then writes only the pages whose HTML differs
from the previous build, which is exactly the set of pages that depend on the edited file. When the navigation changes (a title, a new 事業), every page shows
it in its menu, so every page is rendered again. Hand-written pages may call macros that read
the data, so they are always rendered again (there are few).
"""

from __future__ import annotations

import os
from typing import Optional

from mkdocs.structure.files import File, Files


class _UnchangedPage(File):
    """A generated page whose HTML is the same as in the previous build of the preview."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


class Preview:
    def __init__(self):
        self._html: dict[str, str] = {}
        self._nav: Optional[str] = None
        self._nav_changed = True
        self.read_cache: dict = {}  # data files already parsed, by their bytes (see loading.load.read_site)
        self._records: dict = {}  # page URL -> its search record from the build that last rendered it

    def start_build(self, nav: list) -> None:
        shown = repr(nav)
        self._nav_changed, self._nav = shown != self._nav, shown

    def page(self, config, src_path: str, html: str) -> File:
        unchanged = not self._nav_changed and self._html.get(src_path) == html
        self._html[src_path] = html
        return (_UnchangedPage if unchanged else File).generated(config, src_path, content="")

    def all_search_records(self, rendered: list) -> list:
        if self._nav_changed:
            self._records = {}
        self._records.update((record.url, record) for record in rendered)
        return list(self._records.values())

    def refresh_hand_written(self, files: Files) -> None:
        for file in files.documentation_pages():
            if not file.generated_by and os.path.isfile(file.abs_dest_path):
                os.remove(file.abs_dest_path)
