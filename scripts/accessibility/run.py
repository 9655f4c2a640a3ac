"""Audit the pages of a built site and make the record the report pages are built from.

The browser checks run page by page in worker processes (one Chromium each); this process
hands out the pages, prints the progress with an estimate of the time left, and adds the
site-wide checks (unique titles, the palette, and the Nu HTML Checker, which runs beside the
browsers). Each engine and check is a module of its own; STEPS says at which width, in which
scheme and on which pages each runs."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import platform
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import ExitStack
from multiprocessing.util import Finalize
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from plansite.a11y.colour import palette_problems
from plansite.loading.suggest import did_you_mean
from plansite.a11y.record import AuditRecord, AxeRun, EngineRun, Finding, HtmlMessage, Mode, Palette, PageResult
from plansite.publishing.manifest import BuildManifest, html_file

from . import axe, htmlcs, ibm, keyboard, menu, noise, nu, search, tabwalk, tooltip, wide_tables
from .browser import chromium
from .server import serve
from .steps import EVERY_PAGE, PER_KIND, SAMPLE_BYTES, Step, Target, assign

REFLOW_WIDTH = 320
PROGRESS_EVERY = 10  # seconds between progress lines
LOAD_COST = 0.5  # loading a page in one mode, in the units of Step.cost


def site_pages(site: Path) -> list[str]:
    """URL paths of every HTML page of the site ('' is the home page)."""
    pages = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")]
    pages = sorted("" if p == "." else p + "/" for p in pages)
    if (site / "404.html").exists():
        pages.append("404.html")
    return pages


# --- the checks, each run on a loaded page ------------------------------------------------

def _axe(page, state) -> None:
    found = axe.run_axe(page, colour_only=state.scheme == "dark")
    state.record_axe(f"{state.width}-{state.scheme}", found)
    if state.url == search.SEARCH_PAGE and search.present(page):
        search.open_with_results(page)
        state.record_axe(f"{state.width}-{state.scheme}-search", axe.run_axe(page, colour_only=state.scheme == "dark"))
        state.checks.append("search")
        state.dirty = True


def _htmlcs(page, state) -> None:
    state.record_engine(htmlcs.KEY, htmlcs.run(page))


def _ibm(page, state) -> None:
    found = ibm.run(page)
    state.result["ibm_rules"] = found.pop("rules")
    state.record_engine(ibm.KEY, found)


def _wide_tables(page, state) -> None:
    state.add(wide_tables.check(page, indicators=state.kind == "indicators"))


def _skip_link(page, state) -> None:
    state.add(keyboard.skip_link(page))


def _reflow(page, state) -> None:
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 900})
    state.add(keyboard.reflow(page), REFLOW_WIDTH)
    page.set_viewport_size({"width": state.width, "height": 900})


def _walked(page, state) -> tabwalk.Walk:
    """The page's one Tab walk at this width, made by whichever of the Tab walk and the focus walk
    runs first (on a fresh page); the other reads its stops."""
    if state.tab_walk is None:
        state.tab_walk = tabwalk.walk(page, state.rings)
    return state.tab_walk


def _tab_walk(page, state) -> None:
    state.add(_walked(page, state).order)


def _tooltips(page, state) -> None:
    state.add(keyboard.tooltips(page))


def _focus(page, state) -> None:
    state.add(_walked(page, state).focus)


def _menu(page, state) -> None:
    state.add(menu.check(page))


def _tooltip_placement(page, state) -> None:
    state.add(tooltip.check(page))


# In order of running on a page. Every engine and check runs at phone (360 px) and desktop
# (1,280 px) width; the engines first, on the page as loaded. The pixel-measured focus walk and
# the menu also run at tablet width (1,024 px), where the menu is still a drawer; the menu at
# 1,280 px is the side column with its section buttons. The Tab walk and the focus walk read one
# walk through the page's Tab stops (tabwalk.py). In the dark scheme only the colour rules run
# again (the rest would repeat the light scheme's results).
_FRESH = dict(moves_focus=True, needs_fresh_page=True)
_WALK = dict(_FRESH, reads_walk=True)
PHONE, TABLET, DESKTOP = 360, 1024, 1280


def _light(width: int, *, ibm_cost: float, focus_cost: float, menu_cost: float) -> tuple[Step, ...]:
    """The light scheme's steps at one width, in order of running (reflow from the phone's tab)."""
    return tuple(step for step in (
        Step(f"axe-{width}", width, "light", EVERY_PAGE, _axe, cost=1.5),
        Step("htmlcs", width, "light", EVERY_PAGE, _htmlcs, needs_fresh_page=True, cost=0.4),
        Step("ibm", width, "light", PER_KIND, _ibm, cost=ibm_cost),
        Step("wide-tables", width, "light", EVERY_PAGE, _wide_tables, tuple(wide_tables.CHECKS_RUN), cost=0.05),
        Step("skip-link", width, "light", EVERY_PAGE, _skip_link, ("skip-link",), **_FRESH, cost=0.2),
        Step("reflow", width, "light", EVERY_PAGE, _reflow, ("reflow",), at_width=REFLOW_WIDTH, cost=0.15) if width == PHONE else None,
        Step("tab-walk", width, "light", PER_KIND, _tab_walk, tuple(tabwalk.ORDER_CHECKS), **_WALK, cost=0.2),
        Step("focus", width, "light", PER_KIND, _focus, tuple(tabwalk.FOCUS_CHECKS), **_WALK, cost=focus_cost),
        Step("menu", width, "light", PER_KIND, _menu, tuple(menu.CHECKS_RUN), **_FRESH, cost=menu_cost),
        Step("tooltip", width, "light", PER_KIND, _tooltips, ("tooltip",), moves_focus=True, needs=tooltip.MARKER, cost=0.8),
        Step("tooltip-placement", width, "light", PER_KIND, _tooltip_placement, tuple(tooltip.CHECKS_RUN), moves_focus=True,
             needs=tooltip.MARKER, cost=1),
    ) if step)


STEPS: tuple[Step, ...] = (
    *_light(PHONE, ibm_cost=3, focus_cost=6, menu_cost=1.5),
    Step("focus", TABLET, "light", PER_KIND, _focus, tuple(tabwalk.FOCUS_CHECKS), **_WALK, cost=9),
    Step("menu", TABLET, "light", PER_KIND, _menu, tuple(menu.CHECKS_RUN), **_FRESH, cost=1.2),
    *_light(DESKTOP, ibm_cost=4, focus_cost=12, menu_cost=0.5),
    Step("axe-dark-360", PHONE, "dark", PER_KIND, _axe, cost=1.5),
    Step("axe-dark-1280", DESKTOP, "dark", PER_KIND, _axe, cost=1.5),
)
MODES = tuple(dict.fromkeys((step.width, step.scheme) for step in STEPS))


class _PageState:
    """What the steps of one page at one mode share, and what they found."""

    def __init__(self, url: str, kind: str, width: int, scheme: str, result: dict, rings: dict[str, bool]):
        self.url, self.kind, self.width, self.scheme = url, kind, width, scheme
        self.rings = rings  # the page's looks of focus ring measured so far, at any width (tabwalk.walk)
        self.result = result
        self.checks = result["checks"]
        self.dirty = False
        self.tab_walk: tabwalk.Walk | None = None  # made once, read by the Tab walk and the focus walk (_walked)

    def add(self, problems: list[dict], width: int | None = None) -> None:
        self.result["findings"] += [{**p, "width": width or self.width} for p in problems]

    def record_axe(self, mode: str, found: dict) -> None:
        self.result["axe"][mode] = {"scheme": self.result["scheme"], "violations": found["violations"]}
        self.result["tested_tags"].update(found["tested"])

    def record_engine(self, key: str, found: dict) -> None:
        self.result["engines"].setdefault(key, {})[self.width] = found


class _Checker:
    """One Chromium with a tab per mode, serving the site on the loopback address."""

    def __init__(self, site: Path):
        self._stack = ExitStack()
        self.base = self._stack.enter_context(serve(site))
        browser = self._stack.enter_context(chromium(loopback_only=True))
        self.browser_version = browser.version
        self.external: set[str] = set()
        self.tabs = {}
        for width, scheme in MODES:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, locale="ja-JP")
            # Noted, not intercepted: a route would send every request through Python and turn off the cache.
            context.on("request", self._note_request)
            tab = context.new_page()
            tab.set_default_timeout(10_000)  # a check that waits longer than this has found a problem
            self.tabs[(width, scheme)] = tab

    def close(self) -> None:
        self._stack.close()

    def check(self, url: str, kind: str, names: tuple[str, ...], modes: tuple[tuple[int, str], ...] = MODES) -> dict:
        """The page's steps with these names, in the modes given (all by default)."""
        result = {"title": "", "media": 0, "checks": [], "axe": {}, "findings": [], "engines": {}, "ibm_rules": {},
                  "tested_tags": set(), "scheme": None}
        wanted = [step for step in STEPS if step.name in names]
        rings: dict[str, bool] = {}
        for mode in modes:
            steps = [step for step in wanted if (step.width, step.scheme) == mode]
            if steps:
                self._run(url, kind, mode, steps, result, rings)
        result["checks"] = list(dict.fromkeys(result["checks"]))
        result["tested_tags"] = sorted(result["tested_tags"])
        result["external"] = sorted(self.external)
        result["browser"] = self.browser_version
        self.external.clear()
        return result

    def _run(self, url: str, kind: str, mode: tuple[int, str], steps: list[Step], result: dict, rings: dict[str, bool]) -> None:
        page = self.tabs[mode]
        state = _PageState(url, kind, *mode, result, rings)
        try:
            self._load(page, url, result)
            for step in steps:
                if step.needs_fresh_page and state.dirty and not (step.reads_walk and state.tab_walk is not None):
                    self._load(page, url, result)
                    state.dirty = False
                step.run(page, state)
                state.checks.append(step.name)
                state.dirty = state.dirty or step.moves_focus
        except PlaywrightError as error:
            state.add([{"check": "audit-error", "message": f"試験を最後まで行えませんでした（{str(error).splitlines()[0]}）", "element": ""}])

    def _load(self, page, url: str, result: dict) -> None:
        page.goto(f"{self.base}/{url}", wait_until="load")
        result["scheme"] = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        result["title"] = page.title()
        result["media"] = page.evaluate("() => document.querySelectorAll('audio, video, iframe, object, embed').length")

    def _note_request(self, request) -> None:
        url = request.url
        if not url.startswith((self.base, "data:", "blob:")):
            self.external.add(url)


_worker: _Checker | None = None


def _start_worker(site: Path) -> None:
    global _worker
    _worker = _Checker(site)
    Finalize(_worker, _worker.close, exitpriority=10)  # runs when the worker process exits


def _check_in_worker(url: str, kind: str, names: tuple[str, ...], modes: tuple[tuple[int, str], ...]) -> dict:
    return _worker.check(url, kind, names, modes)


# --- the audit ----------------------------------------------------------------------------

def targets(site: Path, pages: list[str], manifest: BuildManifest | None) -> list[Target]:
    """The pages with their kinds as the build recorded them (the page model's kind; hand-written
    pages, their folder's: manifest.page_entries), the size of their HTML and the markers of Step.needs in it."""
    kinds = {entry.url: entry.kind for entry in manifest.pages} if manifest else {}
    markers = {step.needs for step in STEPS if step.needs}
    found = []
    for url in pages:
        html = html_file(site, url).read_bytes() if html_file(site, url).is_file() else b""
        found.append(Target(url, kinds.get(url, url or "/"), len(html), frozenset(m for m in markers if m.encode() in html)))
    return found


class UnknownCheck(ValueError):
    """A check asked for that STEPS does not have; the message, in Japanese, lists those it has."""


def chosen_steps(checks: Iterable[str] = ()) -> tuple[Step, ...]:
    """The steps of STEPS with the names in checks, at every width each runs at; all of them
    when no name is given. A name that no step has is refused (UnknownCheck)."""
    names = list(dict.fromkeys(checks))
    known = list(dict.fromkeys(step.name for step in STEPS))
    for name in names:
        if name not in known:
            raise UnknownCheck(f"試験「{name}」はありません{did_you_mean(name, known)}（選べる試験：{'、'.join(known)}）")
    return tuple(step for step in STEPS if not names or step.name in names)


def audit(site: Path, pages: list[str] | None = None, progress=print, workers: int | None = None,
          *, every_check: bool = False, checks: Iterable[str] = (), rebuild: Callable[[AuditRecord], None] | None = None) -> AuditRecord:
    """The record of auditing these pages (every page of the site by default) with every step of
    STEPS, or only the steps of the checks named (a quick run; the record and the report say so).

    rebuild: the pages that show the audit's results (manifest.reports) change with the record, so
    that as first built they are not what will be published. Given rebuild, they are held back:
    once every other page is tested, rebuild(the record of those pages) builds the site again with
    it, and the report pages are tested in that shape, with every step (record.report_pages)."""
    site = Path(site)
    selected = list(dict.fromkeys(checks))
    steps = chosen_steps(selected)
    manifest = BuildManifest.read(site)
    if pages is None:
        pages = [entry.url for entry in manifest.pages] if manifest else site_pages(site)
    held = [url for url in manifest.reports if url in pages] if manifest and rebuild else []
    first = [url for url in pages if url not in held]
    chosen = targets(site, first, manifest)
    plan = assign(chosen, steps, every_check=every_check)
    later = assign(targets(site, held, manifest), steps, every_check=True)  # assigned again once rebuilt (markers)
    kinds = {t.url: t.kind for t in targets(site, pages, manifest)}
    workers = max(1, min(workers or os.cpu_count() or 1, 2, len(pages)))
    detailed = sum(1 for assigned in {**plan, **later}.values() if any(step.scope == PER_KIND for step in assigned))
    only = f"。選んだ試験だけ：{'、'.join(selected)}" if selected else ""
    progress(f"{len(pages)} ページを試験します（ブラウザ {workers} つ。Tab キーの移動などの詳しい試験は {detailed} ページ{only}）")
    scopes = {step.name: EVERY_PAGE if every_check else step.scope for step in steps}
    scopes.update({"nu-html": EVERY_PAGE, "unique-title": EVERY_PAGE})
    widths: dict[str, set[int]] = {}
    for step in steps:
        widths.setdefault(step.name, set()).add(step.measured_width)
    searched = {step.width for step in steps if step.run is _axe and step.scheme == "light"}
    if searched:
        scopes["search"], widths["search"] = "one-page", searched
    summary = dict(manifest=manifest, scopes=scopes, widths={name: sorted(w) for name, w in widths.items()}, selected=selected)
    with _Browsers(site, workers) as browsers:
        pace = _Progress({**plan, **later}, progress)
        with nu.running([html_file(site, url) for url in first]) as html_results:
            found = browsers.check(plan, kinds, pace)
            html = html_results()
        if held:
            progress(f"試験結果のページ（{'、'.join('/' + url for url in held)}）を、ほかのページの結果を入れて作り直し、試験します")
            rebuild(_summarise(site, first, kinds, found, html, **summary))
            later = assign(targets(site, held, manifest), steps, every_check=True)
            with nu.running([html_file(site, url) for url in held]) as html_results:
                found.update(browsers.check(later, kinds, pace))
                html.update(html_results())
    return _summarise(site, pages, kinds, found, html, **summary, reports=held)


class _Progress:
    """A line every PROGRESS_EVERY seconds: pages done, time so far, and an estimate of the time
    left from the pace since the first page (which also pays for starting the browsers). The pace
    is of work, not pages: a page with the slow checks weighs what its steps cost."""

    def __init__(self, plan: dict[str, tuple[Step, ...]], say):
        self.total, self.say = len(plan), say
        self.weight = {url: sum(step.cost for step in steps) + LOAD_COST * len({(s.width, s.scheme) for s in steps})
                       for url, steps in plan.items()}
        self.left = sum(self.weight.values())
        self.start = self.last = time.monotonic()
        self.first = None
        self.done = 0
        self.done_work = 0.0

    def page_done(self, url: str) -> None:
        now = time.monotonic()
        self.done += 1
        done = self.done
        self.left -= self.weight[url]
        if self.first is None:
            self.first = now
        else:
            self.done_work += self.weight[url]
        if done not in (1, self.total) and now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        if done == self.total:
            estimate = ""
        elif not self.done_work:
            estimate = "・残りの時間は次の行から"
        else:
            estimate = f"・残り 約{_duration((now - self.first) / self.done_work * self.left)}"
        self.say(f"  {done}/{self.total} ページ（経過 {_duration(now - self.start)}{estimate}）: /{url}")


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}分{seconds:02d}秒" if minutes else f"{seconds}秒"


class _Browsers:
    """The browsers of one audit, kept for its second round (the report pages): one Chromium in
    this process, or one in each worker process."""

    def __init__(self, site: Path, workers: int):
        self.site, self.workers = site, workers
        self._checker: _Checker | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "_Browsers":
        if self.workers == 1:
            self._checker = _Checker(self.site)
        else:
            self._pool = ProcessPoolExecutor(self.workers, initializer=_start_worker, initargs=(self.site,))
        return self

    def __exit__(self, *exc) -> None:
        if self._checker:
            self._checker.close()
        if self._pool:
            self._pool.shutdown(cancel_futures=True)

    def check(self, plan: dict[str, tuple[Step, ...]], kinds: dict[str, str], progress: _Progress) -> dict[str, dict]:
        """Run every page's steps; the pages with most work first, so that the workers finish together.
        Fewer pages than workers (the report pages, at the end): each page's modes are shared out."""
        names = {url: tuple(dict.fromkeys(step.name for step in steps)) for url, steps in plan.items()}
        order = sorted(plan, key=lambda url: -progress.weight[url])
        found: dict[str, dict] = {}
        if self._checker:
            for url in order:
                found[url] = self._checker.check(url, kinds[url], names[url])
                progress.page_done(url)
            return found
        shares = self.workers // len(plan) if plan else 1
        futures = {}
        for url in order:
            runs = _share(plan[url], shares) if shares > 1 else [MODES]
            for index, modes in enumerate(runs):
                futures[self._pool.submit(_check_in_worker, url, kinds[url], names[url], modes)] = (url, index, len(runs))
        parts: dict[str, dict[int, dict]] = {}
        for future in as_completed(futures):
            url, index, count = futures[future]
            parts.setdefault(url, {})[index] = future.result()
            if len(parts[url]) == count:
                found[url] = _merged([parts[url][i] for i in range(count)])
                progress.page_done(url)
        return found


def _share(steps: tuple[Step, ...], count: int) -> list[tuple[tuple[int, str], ...]]:
    """The page's modes, in the order of MODES, cut into at most count runs of about equal cost."""
    modes = [mode for mode in MODES if any((step.width, step.scheme) == mode for step in steps)]
    cost = {mode: LOAD_COST + sum(step.cost for step in steps if (step.width, step.scheme) == mode) for mode in modes}
    share = sum(cost.values()) / count
    runs: list[list[tuple[int, str]]] = [[]]
    done = 0.0
    for mode in modes:
        if runs[-1] and done >= share * len(runs) and len(runs) < count:
            runs.append([])
        runs[-1].append(mode)
        done += cost[mode]
    return [tuple(run) for run in runs]


def _merged(results: list[dict]) -> dict:
    """One page's results from runs over successive modes, as one run over all of them would give."""
    merged = dict(results[0])
    for result in results[1:]:
        merged["title"] = merged["title"] or result["title"]
        merged["media"] = max(merged["media"], result["media"])
        merged["checks"] = list(dict.fromkeys(merged["checks"] + result["checks"]))
        merged["axe"] = {**merged["axe"], **result["axe"]}
        merged["findings"] = merged["findings"] + result["findings"]
        merged["engines"] = {key: {**merged["engines"].get(key, {}), **result["engines"].get(key, {})}
                             for key in dict.fromkeys([*merged["engines"], *result["engines"]])}
        merged["ibm_rules"] = {**merged["ibm_rules"], **result["ibm_rules"]}
        merged["tested_tags"] = sorted({*merged["tested_tags"], *result["tested_tags"]})
        merged["external"] = sorted({*merged["external"], *result["external"]})
    return merged


def _summarise(site: Path, pages: list[str], kinds: dict[str, str], found: dict[str, dict], html: dict[Path, dict], *, manifest,
               scopes: dict[str, str], widths: dict[str, list[int]], selected: list[str], reports: list[str] = ()) -> AuditRecord:
    """Add the site-wide checks (unique titles; the Nu HTML Checker's messages, html) and shape the record."""
    titles: dict[str, list[str]] = {}
    for url in pages:
        if found[url]["checks"]:  # loaded (a quick run may give a page no step in the browser)
            titles.setdefault(found[url]["title"], []).append(url)
    for title, urls in titles.items():
        for url in urls if len(urls) > 1 else ():
            found[url]["findings"].append({"check": "unique-title", "message": f"ページタイトル「{title}」が {len(urls)} ページで同じです", "element": "title", "width": 0})

    theme_errors = sum(len(html[html_file(site, url)]["theme"]) for url in pages)
    results = []
    for url in pages:
        entry = found[url]
        results.append(PageResult(
            url=url, kind=kinds[url], title=entry["title"], sha256=_sha256(html_file(site, url)), media=entry["media"],
            checks=entry["checks"] + ["nu-html", "unique-title"],
            axe={mode: AxeRun.model_validate(run) for mode, run in entry["axe"].items()},
            findings=[Finding.model_validate(f) for f in entry["findings"]],
            html=[HtmlMessage.model_validate(m) for m in html[html_file(site, url)]["content"]],
            engines={key: {width: EngineRun.model_validate(run) for width, run in runs.items()} for key, runs in entry["engines"].items()},
        ))
    ran = {key for page in results for key in page.engines}
    engines = ([htmlcs.engine()] if htmlcs.KEY in ran else []) + (
        [ibm.engine({rule: numbers for entry in found.values() for rule, numbers in entry["ibm_rules"].items()})] if ibm.KEY in ran else [])
    palette_checks, palette_failures = palette_problems()
    return AuditRecord(
        build=manifest.id if manifest else None,
        date=dt.date.today(),
        tools={"axe-core": axe.version(), "Nu HTML Checker": nu.version(), "Chromium": next(iter(found.values()))["browser"],
               **{engine.name: engine.version for engine in engines}, "Python": platform.python_version()},
        modes=[Mode(width=w, scheme=s) for w, s in MODES] + [Mode(width=REFLOW_WIDTH, scheme="light")],
        axe_tags=axe.TAGS,
        tested_tags=sorted({tag for entry in found.values() for tag in entry["tested_tags"]}),
        script_checks=sorted({c for step in STEPS if any(step.name in r.checks for r in results) for c in step.evidence}
                             | {"unique-title"}),
        scopes=scopes,
        widths=widths,
        selected=selected,
        sample_bytes=SAMPLE_BYTES,
        engines=engines,
        noise=list(noise.NOISE),
        external_requests=sorted({url for entry in found.values() for url in entry["external"]}),
        theme_html_errors=theme_errors,
        palette=Palette(checks=palette_checks, problems=palette_failures),
        report_pages=list(reports),
        pages=results,
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def failures(record: AuditRecord) -> list[str]:
    """One line per problem: page, check or rule, element and what to do."""
    lines = []
    for page in record.pages:
        for mode, run in page.axe.items():
            for rule in run.violations:
                for node in rule.nodes:
                    lines.append(f"{page.path} [{mode}] axe:{rule.id} {node.target} — {rule.help}")
        for key, runs in page.engines.items():
            for width, run in runs.items():
                for found in run.findings:
                    lines.append(f"{page.path} [{width}px] {key}:{found.rule} {found.element} — {found.message}")
        for problem in page.findings:
            lines.append(f"{page.path} [{problem.width}px] {problem.check} {problem.element} — {problem.message}")
        for message in page.html:
            lines.append(f"{page.path} html:{message.line} — {message.message}")
    lines += [f"配色: {problem}" for problem in record.palette.problems]
    lines += [f"外部への通信: {url}" for url in record.external_requests]
    return lines
