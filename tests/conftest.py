"""Shared fixtures: the repository's data, its pages as data (the engine tier), and one build of the
bundled site per configuration (the build tier).

Tiers: a test that builds a site with MkDocs is marked `build`, one that drives Chromium `browser`
(tests using the build fixtures below are marked automatically). `pytest -m "not browser and not
build"` runs the engine tier alone; a test of that tier that starts a build fails and says so.
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The bundled plans are built as of a day inside 秦野市's public comment period (令和7年11月19日〜12月18日).
os.environ.setdefault("PLANSITE_TODAY", "2025-12-01")

from htmlquery import parse  # noqa: E402

# Fixtures that build a site (their tests are in the build tier) or start Chromium (browser tier).
BUILD_FIXTURES = {"built_site", "offline_site", "hostile_site", "edition_site", "closed_site", "site_page"}
BROWSER_FIXTURES = {"browser", "site_page", "results"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _tiers_hold(request, monkeypatch):
    """The engine tier stays fast: starting a build or a browser there is a mistake in the test."""
    def refuse(what: str, marker: str):
        def stop(*args, **kwargs):
            pytest.fail(f"このテストは{what}。@pytest.mark.{marker} を付けてください", pytrace=False)
        return stop

    if "build" not in request.keywords:
        import plansite.mkdocs_plugin.runner as runner

        monkeypatch.setattr(runner, "build", refuse("MkDocs でサイトを作ります", "build"))
    if "browser" not in request.keywords:
        from scripts.accessibility import browser

        monkeypatch.setattr(browser, "chromium", refuse("ブラウザを使います", "browser"))


@pytest.fixture(scope="session")
def site_model():
    from plansite.loading.load import load_site

    return load_site(ROOT / "data", root=ROOT)


@pytest.fixture(scope="session")
def bundled():
    """The bundled plans' pages, menu and downloads as data (no MkDocs)."""
    from probe import Probe

    return Probe.of_folder(ROOT, today=os.environ["PLANSITE_TODAY"])


def copy_project(target: Path) -> Path:
    """A copy of what a build reads (config, docs, overrides, data), to change safely."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    (target / "macros").symlink_to(ROOT / "macros")  # mkdocs.yml watches it; the code is imported from the repository
    return target


def build_site(project: Path, site_dir: Path) -> None:
    """The real build (as make site runs it): data read once, staging folder, swap."""
    from plansite.mkdocs_plugin.runner import build_site as build

    build(project / "mkdocs.yml", site_dir)


class BuiltSite:
    def __init__(self, path: Path):
        self.path = path

    def html(self, url: str) -> str:
        return (self.path / url.strip("/") / "index.html").read_text(encoding="utf-8")

    def page(self, url: str):
        return parse(self.html(url))


@contextmanager
def phone(site: BuiltSite, url: str):
    """The built page at url in Chromium, in a window 360 px wide."""
    from scripts.accessibility.browser import chromium
    from scripts.accessibility.server import serve

    with serve(site.path) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 900}, locale="ja-JP")
        page.goto(f"{base}/{url}", wait_until="load")
        yield page


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site")
    build_site(ROOT, out)
    return BuiltSite(out)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The intranet/USB variant (make offline): Material's offline plugin, links to index.html,
    to open from file://."""
    out = tmp_path_factory.mktemp("offline-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFFLINE", "true")
        build_site(ROOT, out)
    return out
