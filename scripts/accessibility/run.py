"""Audit every page of a built site and collect the results the report pages are built from."""

from __future__ import annotations

import datetime as dt
import os
import platform
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from plansite.a11y.colour import palette_problems

from . import axe, focus, htmlcs, ibm, keyboard, menu, noise, nu, sample, search, tooltip, wide_tables
from .browser import chromium
from .server import serve

MODES = [(360, "light"), (360, "dark"), (1280, "light"), (1280, "dark")]
REFLOW_WIDTH = 320
# The full Tab walk runs at phone width, where a sticky header hiding the focused element
# matters most and the side navigation is folded away (the skip link is checked at both widths).
KEYBOARD_WIDTH = 360


def site_pages(site: Path) -> list[str]:
    """URL paths of every HTML page of the site ('' is the home page)."""
    pages = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")]
    pages = sorted("" if p == "." else p + "/" for p in pages)
    if (site / "404.html").exists():
        pages.append("404.html")
    return pages


def audit(site: Path, pages: list[str] | None = None, progress=print, workers: int | None = None) -> dict:
    pages = pages if pages is not None else site_pages(site)
    workers = max(1, min(workers or os.cpu_count() or 1, 2, len(pages)))
    chunks = [pages[i::workers] for i in range(workers)]
    if workers == 1:
        parts = [_browser_checks(site, pages, progress)]
    else:
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_browser_checks, [site] * workers, chunks, [None] * workers))
    merged = {"pages": {}, "tested": set(), "external": set(), "browser": parts[0]["browser"]}
    for part in parts:
        merged["pages"].update(part["pages"])
        merged["tested"] |= part["tested"]
        merged["external"] |= part["external"]
    return _summarise(site, pages, merged)


def _browser_checks(site: Path, pages: list[str], progress) -> dict:
    """axe in every mode, keyboard and reflow scripts, for some pages (one worker process)."""
    progress = progress or (lambda message: None)
    results = {url: {"url": "/" + url, "title": "", "media": 0, "axe": {}, "keyboard": [], "html": [], "ibm": {}, "htmlcs": {}} for url in pages}
    sampled = sample.pick(site_pages(site))  # the slow checks run on one page of each kind
    tested_tags: set[str] = set()
    external: set[str] = set()
    with serve(site) as base, chromium() as browser:
        for width, scheme in MODES:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, locale="ja-JP")
            context.route("**/*", lambda route: _local_only(route, base, external))
            page = context.new_page()
            page.set_default_timeout(10_000)  # a check that waits longer than this has found a problem
            for i, url in enumerate(pages):
                try:
                    _check_page(page, base, url, width, scheme, results[url], tested_tags)
                    if scheme == "light":
                        _beyond_axe(page, base, url, width, results[url], url in sampled)
                except PlaywrightError as error:
                    results[url]["keyboard"].append(
                        {"check": "audit-error", "message": f"試験を最後まで行えませんでした（{str(error).splitlines()[0]}）", "element": "", "width": width}
                    )
                if i % 20 == 0:
                    progress(f"  {width}px {scheme}: {i + 1}/{len(pages)} ページ")
            context.close()
        browser_version = browser.version
    return {"pages": results, "tested": tested_tags, "external": external, "browser": browser_version}


def _check_page(page, base: str, url: str, width: int, scheme: str, entry: dict, tested_tags: set) -> None:
    """axe in this mode; in the light scheme also the keyboard, tooltip, reflow and skip-link checks."""
    page.goto(f"{base}/{url}", wait_until="load")
    actual = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    found = axe.run_axe(page, colour_only=scheme == "dark")
    tested_tags.update(found["tested"])
    entry["title"] = page.title()
    entry["media"] = page.evaluate("() => document.querySelectorAll('audio, video, iframe, object, embed').length")
    entry["axe"][f"{width}-{scheme}"] = {"scheme": actual, "violations": found["violations"]}
    if url == search.SEARCH_PAGE and search.present(page):
        search.open_with_results(page)
        found = axe.run_axe(page, colour_only=scheme == "dark")
        tested_tags.update(found["tested"])
        entry["axe"][f"{width}-{scheme}-search"] = {"scheme": actual, "violations": found["violations"]}
        page.goto(f"{base}/{url}", wait_until="load")
    if scheme != "light":
        return
    if width == KEYBOARD_WIDTH:
        entry["keyboard"] += _tag(keyboard.tab_through(page), width)
        entry["keyboard"] += _tag(keyboard.tooltips(page), width)
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": 900})
        entry["keyboard"] += _tag(keyboard.reflow(page), REFLOW_WIDTH)
        page.set_viewport_size({"width": width, "height": 900})
        # The skip link must be the first stop from a freshly loaded page, not from where the
        # Tab walk left the browser's sequential focus starting point.
        page.goto(f"{base}/{url}", wait_until="load")
    entry["keyboard"] += _tag(keyboard.skip_link(page), width)


def _beyond_axe(page, base: str, url: str, width: int, entry: dict, sampled: bool) -> None:
    """Issue 20's engines and checks (each in its own module), at this width in the light scheme."""
    page.goto(f"{base}/{url}", wait_until="load")
    entry["htmlcs"][str(width)] = htmlcs.run(page)
    if sampled:
        entry["ibm"][str(width)] = ibm.run(page)
    entry["keyboard"] += _tag(wide_tables.check(page, url.endswith("/indicators/")), width)
    entry["keyboard"] += _tag(tooltip.check(page), width)
    if not sampled:
        return
    # The Tab walk at each width, and the menu where the navigation is a drawer; 1,024 px (a
    # tablet) is checked from the 1,280 px pass.
    for walk_width in [w for w in focus.WIDTHS if w == width or (width == 1280 and w == 1024)]:
        page.set_viewport_size({"width": walk_width, "height": 900})
        page.goto(f"{base}/{url}", wait_until="load")
        entry["keyboard"] += _tag(focus.walk(page), walk_width)
        if walk_width in menu.WIDTHS:
            page.goto(f"{base}/{url}", wait_until="load")
            entry["keyboard"] += _tag(menu.check(page), walk_width)
    page.set_viewport_size({"width": width, "height": 900})


def _summarise(site: Path, pages: list[str], merged: dict) -> dict:
    """Add the site-wide checks (unique titles, Nu HTML Checker) and shape the results file."""
    results = merged["pages"]
    titles: dict[str, list[str]] = {}
    for url, entry in results.items():
        titles.setdefault(entry["title"], []).append(url)
    for title, urls in titles.items():
        for url in urls if len(urls) > 1 else ():
            results[url]["keyboard"].append({"check": "unique-title", "message": f"ページタイトル「{title}」が {len(urls)} ページで同じです", "element": "title", "width": 0})

    html = nu.check([_file(site, url) for url in pages])
    theme_errors = 0
    for url in pages:
        checked = html[_file(site, url)]
        results[url]["html"] = checked["content"]
        theme_errors += len(checked["theme"])

    palette_checks, palette_failures = palette_problems()
    return {
        "date": dt.date.today().isoformat(),
        "palette": {"checks": palette_checks, "problems": palette_failures},
        "tools": {
            "axe-core": axe.version(), "Nu HTML Checker": nu.version(), "Chromium": merged["browser"],
            ibm.NAME: ibm.version(), htmlcs.NAME: htmlcs.version(),
            "Python": platform.python_version(),
        },
        "modes": [{"width": w, "scheme": s} for w, s in MODES] + [{"width": REFLOW_WIDTH, "scheme": "light", "only": "reflow"}],
        "axe_tags": axe.TAGS,
        "script_checks": keyboard.CHECKS_RUN + focus.CHECKS_RUN + menu.CHECKS_RUN + tooltip.CHECKS_RUN + wide_tables.CHECKS_RUN,
        "engines": {"ibm": {"name": ibm.NAME, "policy": ibm.POLICY}, "htmlcs": {"name": htmlcs.NAME, "standard": htmlcs.STANDARD},
                    "sampled": sorted("/" + url for url in sample.pick(pages)), "focus_widths": focus.WIDTHS, "menu_widths": menu.WIDTHS},
        "noise": noise.as_records(),
        "tested_tags": sorted(merged["tested"]),
        "external_requests": sorted(merged["external"]),
        "theme_html_errors": theme_errors,
        "pages": [results[url] for url in pages],
    }


def failures(results: dict) -> list[str]:
    """One line per problem: page, check or rule, element and what to do."""
    lines = []
    for entry in results["pages"]:
        for mode, found in entry["axe"].items():
            for rule in found["violations"]:
                for node in rule["nodes"]:
                    lines.append(f"{entry['url']} [{mode}] axe:{rule['id']} {node['target']} — {rule['help']}")
        for problem in entry["keyboard"]:
            lines.append(f"{entry['url']} [{problem['width']}px] {problem['check']} {problem['element']} — {problem['message']}")
        lines += ibm.failure_lines(entry) + htmlcs.failure_lines(entry)
        for message in entry["html"]:
            lines.append(f"{entry['url']} html:{message['line']} — {message['message']}")
    lines += [f"配色: {problem}" for problem in results["palette"]["problems"]]
    for url in results["external_requests"]:
        lines.append(f"外部への通信: {url}")
    return lines


def _tag(problems: list[dict], width: int) -> list[dict]:
    return [{**p, "width": width} for p in problems]


def _file(site: Path, url: str) -> Path:
    return site / url if url.endswith(".html") else site / url / "index.html"


def _local_only(route, base: str, external: set[str]) -> None:
    url = route.request.url
    if url.startswith(base) or url.startswith("data:") or url.startswith("blob:"):
        route.continue_()
    else:
        external.add(url)
        route.abort()
