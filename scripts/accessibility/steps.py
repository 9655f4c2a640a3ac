"""Which checks run on which page.

Every page gets the checks marked EVERY_PAGE. The slow ones (PER_KIND) run on one page of each
kind (pages of a kind come from one template): the largest, where a problem has most chances to
show. `every_check` gives every check to every page. An engine added to the audit declares its
Step here with the scope it needs; the record says which checks ran on which page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

EVERY_PAGE = "every-page"
PER_KIND = "per-kind"


@dataclass(frozen=True)
class Step:
    name: str  # as in plansite.a11y.record.CHECKS
    width: int
    scheme: str  # "light" or "dark"
    scope: str
    run: Callable  # (page, state) -> None; state holds the page's url, mode and findings
    evidence: tuple[str, ...] = ()  # the scripted checks it performs (plansite.a11y.criteria.SCRIPT_CHECKS)
    moves_focus: bool = False  # the page must be loaded again before a step that needs a fresh page
    needs_fresh_page: bool = False


@dataclass(frozen=True)
class Target:
    url: str
    kind: str
    size: int  # bytes of its HTML


def assign(targets: list[Target], steps: tuple[Step, ...], *, every_check: bool = False) -> dict[str, tuple[Step, ...]]:
    """url -> the steps to run on it, in the order given."""
    largest: dict[str, Target] = {}
    for target in targets:
        best = largest.get(target.kind)
        if best is None or (target.size, best.url) > (best.size, target.url):
            largest[target.kind] = target
    chosen = {target.url for target in largest.values()}
    return {
        t.url: tuple(s for s in steps if every_check or s.scope == EVERY_PAGE or t.url in chosen)
        for t in targets
    }
