"""Which checks run on which page.

Every page gets the checks marked EVERY_PAGE. The slow ones (PER_KIND) run on one page of each
kind (pages of a kind come from one template): the largest up to SAMPLE_BYTES of HTML, where a
problem has most chances to show, or the smallest of a kind whose pages are all larger (a print
page: the engines take minutes on megabytes of the blocks the other pages already show). A check of one kind of element (the glossary's tooltips) names the marker of that element
in the HTML: it runs only on pages that have one, and PER_KIND on the largest such page of each
kind. `every_check` gives every check to every page. An engine added to the audit declares its
Step here with the scope it needs; the record says which checks ran on which page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

EVERY_PAGE = "every-page"
PER_KIND = "per-kind"
SAMPLE_BYTES = 200_000  # HTML of the page a kind is checked on: IBM ACE takes about 15 s on 100 KB


@dataclass(frozen=True)
class Step:
    name: str  # as in plansite.a11y.record.CHECKS
    width: int
    scheme: str  # "light" or "dark"
    scope: str
    run: Callable  # (page, state) -> None; state holds the page's url, kind, mode and findings
    evidence: tuple[str, ...] = ()  # the scripted checks it performs (plansite.a11y.criteria.SCRIPT_CHECKS)
    moves_focus: bool = False  # the page must be loaded again before a step that needs a fresh page
    needs_fresh_page: bool = False
    reads_walk: bool = False  # reads the page's one Tab walk at its width: only the first such step needs a fresh page
    at_width: int = 0  # the width it measures at, when it sets the window's width itself (reflow)
    needs: str = ""  # a marker in the page's HTML (the class of the element it checks); "" = any page
    cost: float = 1.0  # its time relative to the others (for the estimate of the time left and the order of pages)

    @property
    def measured_width(self) -> int:
        return self.at_width or self.width


@dataclass(frozen=True)
class Target:
    url: str
    kind: str
    size: int  # bytes of its HTML
    markers: frozenset[str] = frozenset()  # the markers of Step.needs found in its HTML


def _better(target: Target, best: Target) -> bool:
    """Whether target represents its kind better than best: the larger within SAMPLE_BYTES, else the
    smaller; the same size, the first URL."""
    fits, best_fits = target.size <= SAMPLE_BYTES, best.size <= SAMPLE_BYTES
    if fits != best_fits:
        return fits
    if target.size == best.size:
        return target.url < best.url
    return target.size > best.size if fits else target.size < best.size


def assign(targets: list[Target], steps: tuple[Step, ...], *, every_check: bool = False) -> dict[str, tuple[Step, ...]]:
    """url -> the steps to run on it, in the order given."""
    chosen: dict[str, set[str]] = {}  # marker ("" = none) -> the pages chosen for it
    for marker in {step.needs for step in steps}:
        chosen_of_kind: dict[str, Target] = {}
        for target in targets:
            if marker and marker not in target.markers:
                continue
            best = chosen_of_kind.get(target.kind)
            if best is None or _better(target, best):
                chosen_of_kind[target.kind] = target
        chosen[marker] = {target.url for target in chosen_of_kind.values()}

    def runs(step: Step, target: Target) -> bool:
        if step.needs and step.needs not in target.markers:
            return False
        return every_check or step.scope == EVERY_PAGE or target.url in chosen[step.needs]

    return {t.url: tuple(s for s in steps if runs(s, t)) for t in targets}
