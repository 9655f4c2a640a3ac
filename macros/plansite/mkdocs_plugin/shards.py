"""A build whose pages are written by several processes (`plansite build --jobs N`).

The data is read, every page is made and MkDocs reads every page once, in one process, so the
menu, the titles, the tables of contents, the glossaries and the search records are those of the
whole site. Then, where MkDocs starts writing (on_env), the process forks: each copy writes its
share of the pages (the n-th of MkDocs' list goes to process n mod N) straight into the staging
folder, and the first process also writes everything else and waits for the others before it
writes the search index and the manifest. The site is the same, byte for byte, as a build in one
process. Windows has no fork: there the build runs in one process.
"""

from __future__ import annotations

import logging
import os
import signal
from functools import partial
from typing import Optional

from mkdocs.commands.build import _build_page
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from ..base import collector

FIRST = 0


class Shard:
    """This process's part of the build, and (in the first process) the others it started."""

    def __init__(self, count: int):
        self.count = count
        self.index = FIRST
        self.writing = False  # False while MkDocs reads the pages (one process reads them all)
        self._others: list[tuple[int, int]] = []  # (process id, the read end of its pipe)
        self._nav = None  # MkDocs' navigation, which the other processes write their pages with

    def take(self, files: Files, nav) -> None:
        """MkDocs asks each file whether to read, copy or write it (is_modified, in a dirty build):
        an attribute of the file answers for it."""
        self._nav = nav
        page = 0
        for file in files:
            owner: Optional[int] = None
            if file.is_documentation_page():
                owner, page = page % self.count, page + 1
            file.is_modified = partial(self._wanted, owner)

    def _wanted(self, owner: Optional[int]) -> bool:
        if owner is None:  # a static file: the first process copies them all
            return self.index == FIRST
        return not self.writing or owner == self.index

    def split(self, config, files: Files, env) -> None:
        """Every page is read: start the other processes, each writing its pages, then exiting.
        A process reports a failure, and any warning, as text on its pipe."""
        self.writing = True
        with collector.frozen():  # the collector would otherwise touch, and so copy, every object of the build in each process
            for index in range(1, self.count):
                read, write = os.pipe()
                pid = os.fork()
                if pid == 0:
                    os.close(read)
                    self.index = index
                    _write_pages(self, config, files, self._nav, env, write)  # never returns
                os.close(write)
                self._others.append((pid, read))

    def gather(self) -> None:
        """In the first process, once its own pages are written: wait for the others. Their warnings
        are logged here (a strict build counts them); a failure stops the build with its message."""
        failed = []
        for pid, read in self._others:
            with os.fdopen(read, encoding="utf-8") as pipe:
                said = pipe.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                failed.append(said or "ページを書く処理が途中で止まりました。")
            elif said:
                logging.getLogger("mkdocs.plugins.plansite").warning(said.rstrip("\n"))
        self._others = []
        if failed:
            raise PluginError("\n".join(failed))

    def stop(self) -> None:
        """The build stopped in the first process: the others stop too (their pages are discarded)."""
        for pid, read in self._others:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read)
        self._others = []


class Said(logging.Handler):
    """What was logged at level or above, as text."""

    def __init__(self, level: int = logging.WARNING):
        super().__init__(level)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _write_pages(shard: Shard, config, files: Files, nav, env, pipe: int) -> None:
    """In a forked process: write this shard's pages as MkDocs writes a page, report and exit
    (never back into the build that forked it, which belongs to the first process)."""
    said = Said()
    logging.getLogger("mkdocs").addHandler(said)
    code = 0
    try:
        doc_files = files.documentation_pages()
        for file in doc_files:
            if file.is_modified():
                _build_page(file.page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
    except BaseException as error:  # noqa: BLE001 - whatever happened is reported, and the process ends
        said.lines.append(str(error) or type(error).__name__)
        code = 1
    finally:
        os.write(pipe, "".join(line + "\n" for line in said.lines).encode("utf-8"))
        os._exit(code)


class QuietDirty(logging.Filter):
    """MkDocs warns that a dirty build may leave stale pages: this one writes into an empty staging
    folder and is dirty only to let Shard answer which files to write, so the warning (which would
    stop a strict build) is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()
