"""What one build knows beyond the model: made once per build, passed to every stage.

It replaces module-level caches: each plan's indicator register and download files are worked
out here once, and the pages record here which glossary terms they use. The download files are
written to a folder of the build's own as they are made (they are megabytes each at thousands of
事業), and published from there.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .base import urls
from .base.kept import KeptPieces
from .model.plan import Plan, Site
from .progress.export import Keep, made
from .progress.register import Register
from .publishing.open_data import plan_files
from .text.csv_cells import BOM, ExcelCopy


@dataclass(frozen=True)
class Part:
    """Which of the site's pages a build makes. One build makes them all. A site built in shards
    makes in each shard the pages of its plans (and their downloads), and in the merge the pages
    of the whole site, the shards' pages being taken as they were written."""

    plans: Optional[frozenset[str]] = None  # ids of the plans whose pages this build makes; None: every plan
    site_wide: bool = True  # whether it makes the pages of the whole site (shared glossary, comparison)

    def makes(self, plan: Plan) -> bool:
        return self.plans is None or plan.id in self.plans


WHOLE = Part()


def shard_plans(plans: list[Plan], index: int, count: int) -> frozenset[str]:
    """The ids of the plans of shard index (from 0) of count: each plan, largest first, to the
    shard with the fewest pages so far, so shards take about as long (the same on every machine)."""
    loads, owner = [0] * count, {}
    for plan in sorted(plans, key=lambda p: -_size(p)):  # sorted() is stable: equal plans keep site order
        shard = loads.index(min(loads))
        owner[plan.id] = shard
        loads[shard] += _size(plan)
    return frozenset(plan_id for plan_id, shard in owner.items() if shard == index)


def _size(plan: Plan) -> int:
    """About how many pages a plan has, with its earlier editions."""
    return sum(len(edition.projects) + len(edition.nodes) + len(edition.chapters) + 10 for edition in (plan, *plan.earlier))


@dataclass(eq=False)
class BuildContext:
    site: Site
    directory_urls: bool = True
    jobs: int = 1  # processes that may make the pages (base.forked; `plansite build --jobs`)
    _registers: dict = field(default_factory=dict, repr=False)
    _files: dict = field(default_factory=dict, repr=False)
    part: Part = WHOLE
    term_usage: dict = field(default_factory=dict, repr=False)  # (plan id or None, term id) -> [(plan title, page title, url)]
    shared_usage: dict = field(default_factory=dict, repr=False)  # plan id -> {shared term id -> [(plan title, page title, url)]}
    _store: tempfile.TemporaryDirectory = field(default_factory=lambda: tempfile.TemporaryDirectory(prefix="plansite-"), repr=False)
    kept: Optional[KeptPieces] = field(default=None, repr=False)  # the preview's pieces of its last build's downloads

    def register(self, plan: Plan) -> Register:
        """The plan's indicators with their status: menus, pages, downloads and macros share it."""
        if id(plan) not in self._registers:
            self._registers[id(plan)] = Register(plan)
        return self._registers[id(plan)]

    def files(self, plan: Plan) -> dict[str, Path]:
        """Site path -> the file holding each download of a plan (open data, then indicators)."""
        if id(plan) not in self._files:
            written: dict[str, Path] = {}
            for site_path, content in plan_files(plan, self.register(plan), self._keep(plan)):
                target = Path(self._store.name, str(len(self._files)), site_path)
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("wb") as out:
                    if isinstance(content, ExcelCopy):
                        out.write(BOM.encode("utf-8"))
                        with written[content.of].open("rb") as csv:
                            shutil.copyfileobj(csv, out)
                    else:
                        for piece in content:  # made as it is written: a download is never held whole
                            out.write(piece.encode("utf-8"))
                written[site_path] = target
            self._files[id(plan)] = written
        return self._files[id(plan)]

    def _keep(self, plan: Plan) -> Keep:
        """A download piece made from one 事業 file (or from the plan's other files): kept by the
        preview while that file (or, for the others, any of them) is unchanged."""
        if self.kept is None:
            return made
        folder = urls.open_data(plan)  # apart for each edition of a plan

        def keep(project_id, key, make):
            return self.kept.get(plan.id, project_id, (folder, *key), make)
        return keep

    def editions(self) -> list[Plan]:
        """The plans whose pages this build makes (all, but in a part of the site), each with its
        earlier editions, in site order."""
        return [edition for plan in self.site.plans if self.part.makes(plan) for edition in (plan, *plan.earlier)]
