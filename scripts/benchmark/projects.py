"""The projects a benchmark run builds, side by side in a temporary folder.

ours/   the synthetic plan as data, built by plansite build with every plugin of mkdocs.yml
portal/ many synthetic plans as one site (a prefecture's portal), built with 1 and 2 processes
plain/  the pages our plugin makes from that data, dumped to docs/ as Markdown files holding
        their HTML, built by MkDocs Material alone with the same theme settings and navigation
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import yaml

from plansite.context import BuildContext
from plansite.loading.load import load_site
from plansite.mkdocs_plugin.nav import mkdocs_nav, source_path
from plansite.mkdocs_plugin.plugin import PALETTE_CSS, _with_plans
from plansite.pages.assemble import site_pages
from plansite.pages.frame import page_html
from plansite.pages.navigation import menu
from plansite.render.palette import css

from .synthetic import write_plan

ROOT = Path(__file__).resolve().parent.parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: !ENV [NAME, default] takes the variable or the default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    found = next((os.environ[name] for name in names[:-1] if name in os.environ), None)
    return found if found is not None else (names[-1] if len(names) > 1 else None)


_ConfigLoader.add_constructor("!ENV", _env)


def _repository_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _common(target: Path, config: dict) -> dict:
    """The repository's settings with a home page and the plans as the whole navigation."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    (target / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "index.md", target / "docs" / "index.md")
    config = dict(config, nav=[{"ホーム": "index.md"}, "@plans"], docs_dir="docs", site_dir="site")
    config.pop("not_in_nav", None)
    return config


def write_ours(target: Path, projects: int) -> Path:
    config = _common(target, _repository_config())
    config["watch"] = ["data"]
    write_plan(target, projects)
    _write_config(target, config)
    return target


def write_portal(target: Path, plans: int, projects: int) -> Path:
    """A prefecture's portal: plans of the same shape (each its own city, glossary and seed)."""
    config = _common(target, _repository_config())
    config["watch"] = ["data"]
    for index in range(plans):
        write_plan(target, projects, seed=index + 1, plan_id=f"bench-{index + 1:02d}", city=f"ベンチマーク{index + 1:02d}市")
    _write_config(target, config)
    return target


def write_plain(target: Path, ours: Path) -> Path:
    """Dump what the plugin would generate from ours/data; configure Material without our plugins."""
    config = _common(target, _repository_config())
    context = BuildContext(load_site(ours / "data", root=ours))
    docs = target / "docs"
    (docs / PALETTE_CSS).parent.mkdir(parents=True, exist_ok=True)
    (docs / PALETTE_CSS).write_text(css(), encoding="utf-8")
    for page in site_pages(context):
        path = docs / source_path(page.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        front = f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\n---\n\n"
        path.write_text(front + page_html(page, directory_urls=True), encoding="utf-8")
    config["nav"] = _with_plans(config["nav"], mkdocs_nav(menu(context)))
    config["plugins"] = [p for p in config["plugins"] if (next(iter(p)) if isinstance(p, dict) else p) == "search"]
    config.pop("watch", None)
    _write_config(target, config)
    return target


def _write_config(target: Path, config: dict) -> None:
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
