"""The preview (`make serve`, i.e. `mkdocs serve --dirty`) rebuilds only the pages an edit changed."""

from __future__ import annotations

import shutil

import pytest

from mkdocs.commands.build import build
from mkdocs.config import load_config

from bad_inputs import base
from bad_inputs.cases import PROJECT
from conftest import ROOT

OTHER = f"{base.PLAN}/projects/p-2.yaml"


def _rebuild(project, site_dir):
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
    build(config, dirty=True)
    return config


def _written(site_dir) -> dict:
    return {p.relative_to(site_dir).as_posix(): p.stat().st_mtime_ns for p in site_dir.rglob("*.html")}


@pytest.mark.build
def test_preview_rebuilds_what_depends_on_the_edited_file(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")
    base.write(project, {OTHER: base.FILES[PROJECT].replace('"1"', '"2"').replace("電子申請の拡充", "窓口の予約")})
    site_dir = tmp_path / "site"
    config = _rebuild(project, site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        _rebuild(project, site_dir)
        before = _written(site_dir)

        edited = project / PROJECT
        edited.write_text(edited.read_text(encoding="utf-8").replace("電子申請の件数", "電子申請の年間件数"), encoding="utf-8")
        _rebuild(project, site_dir)
        after = _written(site_dir)
        changed = {page for page in after if after[page] != before[page]}
        assert "mini/projects/p-1/index.html" in changed
        assert "電子申請の年間件数" in (site_dir / "mini/projects/p-1/index.html").read_text(encoding="utf-8")
        assert "mini/projects/p-2/index.html" not in changed
        assert "index.html" in changed  # hand-written pages may show data through macros

        other = project / OTHER
        other.write_text(other.read_text(encoding="utf-8").replace("窓口の予約", "窓口の予約システム"), encoding="utf-8")
        _rebuild(project, site_dir)
        renamed = _written(site_dir)
        assert all(renamed[page] != after[page] for page in after if page.startswith("mini/"))  # every menu shows the new title
        assert "窓口の予約システム" in (site_dir / "mini/projects/p-1/index.html").read_text(encoding="utf-8")
    finally:
        config.plugins.on_shutdown()
