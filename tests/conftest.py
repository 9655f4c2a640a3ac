"""Shared fixtures: the repository's data, and one in-process build of the bundled site."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The bundled plans are built as of a day inside 秦野市's public comment period (令和7年11月19日〜12月18日).
os.environ.setdefault("PLANSITE_TODAY", "2025-12-01")

from htmlquery import parse  # noqa: E402


@pytest.fixture(scope="session")
def site_model():
    from plansite.loading.load import load_site

    return load_site(ROOT / "data", root=ROOT)


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
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))


class BuiltSite:
    def __init__(self, path: Path):
        self.path = path

    def html(self, url: str) -> str:
        return (self.path / url.strip("/") / "index.html").read_text(encoding="utf-8")

    def page(self, url: str):
        return parse(self.html(url))


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
