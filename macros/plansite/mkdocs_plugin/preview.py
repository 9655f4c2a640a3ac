"""The preview (`mkdocs serve --dirty`) rebuilds only the pages an edit changed.

When the only files edited are 事業 files, the pages that show nothing but their own 事業 are
kept from the last build for every other 事業 (pages.memory); the rest are made again from the
data. MkDocs then writes only the pages whose content differs from the previous build, which is
exactly the set of pages that depend on the edited file. When the navigation changes (a title,
a new 事業), every page shows it in its menu, so every page is made and written again; so too
when a template of the theme's own folder (overrides/) changes, as every page is framed by them.
Hand-written pages may call macros that read the data, so they are always rendered again (there
are few).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from mkdocs.structure.files import File, Files

from ..base.kept import KeptPieces
from ..loading.changes import Snapshot, edited_projects, snapshot
from ..pages.memory import PageMemory
from ..pages.page import Page


class _UnchangedPage(File):
    """A generated page whose HTML is the same as in the previous build of the preview."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


class Preview:
    def __init__(self):
        self._pages: dict[str, Page] = {}
        self._nav: Optional[str] = None
        self._theme: Optional[Snapshot] = None  # the theme folder's files as the last good build read them
        self._theme_seen: Optional[Snapshot] = None
        self._every_page = True  # whether every page is written again (the menu or a template changed)
        self._files: Optional[Snapshot] = None  # the data files as the last good build read them
        self._seen: Optional[Snapshot] = None
        self.memory = PageMemory()
        self.kept = KeptPieces()  # pieces of the download files (base.kept), kept by the same rule as pages
        self.read_cache: dict = {}  # data files already parsed, by their bytes (see loading.load.read_site)
        self._records: dict = {}  # page URL -> its search record from the build that last rendered it

    def look_at_files(self, data_dir: Path, config_file: Path, theme_dir: Optional[Path]) -> None:
        """Before the data is read: which files changed since the last build. (Looked at first, so
        that a file saved while the build reads the data counts as changed next time.)"""
        self._seen = snapshot(data_dir, config_file)
        self._theme_seen = snapshot(theme_dir) if theme_dir else {}
        self.memory.edited = edited_projects(self._files, self._seen, data_dir)

    def start_build(self, nav: list) -> None:
        """Once the data is read and checked: the files seen become the ones the next build compares
        with (after a build stopped by an error in the data, the next one compares with the last
        good build). A changed menu is on every page, and so is the theme folder's frame, so then no
        page is kept."""
        self._files = self._seen
        shown = repr(nav)
        self._every_page = shown != self._nav or self._theme_seen != self._theme
        self._nav, self._theme = shown, self._theme_seen
        if self._every_page:
            self.memory.edited = None
        self.kept.begin(self.memory.edited)

    def page(self, config, src_path: str, page: Page) -> File:
        """A generated page is unchanged when its data is and its frame (the menu, the theme
        folder's templates) is too: its HTML is made from nothing else."""
        unchanged = not self._every_page and self._pages.get(src_path) == page
        self._pages[src_path] = page
        return (_UnchangedPage if unchanged else File).generated(config, src_path, content="")

    def all_search_records(self, rendered: list) -> list:
        if self._every_page:
            self._records = {}
        self._records.update((record.url, record) for record in rendered)
        return list(self._records.values())

    def refresh_hand_written(self, files: Files) -> None:
        for file in files.documentation_pages():
            if not file.generated_by and os.path.isfile(file.abs_dest_path):
                os.remove(file.abs_dest_path)
