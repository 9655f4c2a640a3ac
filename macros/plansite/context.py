"""What one build knows beyond the model: made once per build, passed to every stage.

It replaces module-level caches: each plan's indicator register and download files are worked
out here once, and the pages record here which glossary terms they use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model.plan import Plan, Site
from .progress.register import Register
from .publishing.open_data import plan_files


@dataclass(eq=False)
class BuildContext:
    site: Site
    directory_urls: bool = True
    _registers: dict = field(default_factory=dict, repr=False)
    _files: dict = field(default_factory=dict, repr=False)
    term_usage: dict = field(default_factory=dict, repr=False)  # (plan id or None, term id) -> [(plan title, page title, url)]

    def register(self, plan: Plan) -> Register:
        """The plan's indicators with their status: menus, pages, downloads and macros share it."""
        if id(plan) not in self._registers:
            self._registers[id(plan)] = Register(plan)
        return self._registers[id(plan)]

    def files(self, plan: Plan) -> dict[str, str]:
        """Site path -> content of every downloadable file of a plan (open data, then indicators)."""
        if id(plan) not in self._files:
            self._files[id(plan)] = plan_files(plan, self.register(plan))
        return self._files[id(plan)]

    def editions(self) -> list[Plan]:
        """Every plan of the site with its earlier editions, in site order."""
        return [edition for plan in self.site.plans for edition in (plan, *plan.earlier)]
